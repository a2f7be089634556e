{#- Expansion revenue potential (forecast): the MRR the customers paying in the period's last month
    would add one plan tier up at their current quantities and by paying for their active product
    users beyond their paid seats, each weighted by its expansion_opportunity_score ÷ 100. A quarter
    or year reports its last month (or the as-of month). -#}
{{ kpi_from_measures('measures_customer_scores_aggregated', value='expansion_potential_mrr') }}
