{#- Every KPI in one long table: the KPI models' rows with their kpi_id. A KPI model is listed
    here once; assert_every_kpi_is_in_kpi_values fails when a model with meta.kpi_id is missing. -#}
{%- set kpi_models = [
    'mrr', 'arr', 'qrr', 'new_mrr', 'expansion_mrr', 'contraction_mrr', 'churned_mrr',
    'reactivation_mrr', 'fx_impact_mrr', 'mrr_growth_rate', 'revenue_yoy_growth', 'paying_customers',
    'arpa', 'customer_churn_rate', 'customer_retention_rate', 'customer_downgrade_rate',
    'gross_revenue_churn_rate', 'net_revenue_churn_rate', 'expansion_revenue_rate',
    'net_revenue_retention', 'gross_revenue_retention', 'net_revenue_retention_monthly', 'run_rate',
    'customer_lifetime_value', 'predicted_next_month_mrr', 'contract_renewal_rate', 'trial_conversion_rate',
    'pipeline_value', 'weighted_pipeline', 'pipeline_value_growth',
    'win_rate', 'win_rate_by_amount', 'average_deal_size', 'sales_cycle_length', 'sales_cycle_length_median',
    'stage_conversion_rate', 'bookings', 'quota_attainment', 'quota_achievement_rate', 'revenue_attainment',
    'sales_productivity', 'pipeline_velocity', 'touched_revenue', 'actioned_revenue_sales',
    'actioned_revenue_marketing', 'time_saved_hours', 'time_saved_value', 'adoption_rate',
    'implementation_rate', 'implementation_rate_unweighted', 'nps', 'nps_response_rate', 'tickets_resolved',
    'reopen_rate', 'csat', 'csat_response_rate', 'ticket_backlog', 'first_response_time',
    'first_response_time_median', 'first_response_time_p90', 'resolution_time', 'resolution_time_median',
    'resolution_time_p90', 'customer_health_score', 'churn_risk_score', 'at_risk_mrr',
    'cac', 'cac_by_channel', 'ltv_to_cac', 'cac_payback_months',
    'lead_to_opportunity_rate', 'lead_conversion_rate', 'activation_rate', 'lead_response_time',
    'lead_response_time_median', 'uncontacted_lead_rate',
] %}

with

kpi_rows as (

    {% for kpi_model in kpi_models %}
        select
            '{{ kpi_model }}' as kpi_id,
            period_grain,
            period_start,
            dimension,
            dimension_value,
            cast(value as decimal(38, 10)) as value,
            cast(numerator as decimal(38, 10)) as numerator,
            cast(denominator as decimal(38, 10)) as denominator
        from {{ ref(kpi_model) }}
        {% if not loop.last %}union all{% endif %}
    {% endfor %}

),

final as (

    select * from kpi_rows

)

select * from final
