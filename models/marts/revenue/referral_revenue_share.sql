{#- Referral revenue share (seed 003, Referral Account Revenue Contribution): MRR of the customers
    acquired by referral ÷ all MRR, at the period's last month-end. Company total only. -#}
{{ kpi_from_measures('measures_referral_mrr_shares_computed', numerator='referral_closing_mrr', denominator='closing_mrr') }}
