{#- Every KPI in one long table: the KPI models' rows with their kpi_id, and why a value is null. A
    KPI model is listed here once; assert_every_kpi_is_in_kpi_values fails when a model with
    meta.kpi_id is missing. -#}
{%- set source_needs = [] %}
{%- for node in kpi_model_nodes() %}
    {%- for source_table in node.config.meta.get('optional_sources', []) %}
        {%- do source_needs.append([node.config.meta['kpi_id'], source_table]) %}
    {%- endfor %}
{%- endfor %}
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
    'resolution_time_p90', 'first_response_time_business_hours', 'resolution_time_business_hours',
    'customer_health_score', 'churn_risk_score', 'at_risk_mrr',
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

kpi_source_needs as (

    {#- The optional raw tables a KPI cannot be computed without (meta.optional_sources). -#}
    {{ literal_rows([('kpi_id', dbt.type_string()), ('source_table', dbt.type_string())], source_needs) }}

),

raw_row_counts as (

    select * from {{ ref('audit_raw_row_counts') }}

),

missing_sources as (

    select
        kpi_source_needs.kpi_id,
        min(kpi_source_needs.source_table) as source_table

    from kpi_source_needs
    inner join raw_row_counts
        on kpi_source_needs.source_table = {{ dbt.concat(['raw_row_counts.source_name', "'.'", 'raw_row_counts.table_name']) }}
    where raw_row_counts.staged_rows = 0
    group by kpi_source_needs.kpi_id

),

final as (

    {#- A KPI whose optional source has no rows is not computed: null, with the reason. -#}
    select
        kpi_rows.kpi_id,
        kpi_rows.period_grain,
        kpi_rows.period_start,
        kpi_rows.dimension,
        kpi_rows.dimension_value,
        case when missing_sources.source_table is null then kpi_rows.value end as value,
        case when missing_sources.source_table is null then kpi_rows.numerator end as numerator,
        case when missing_sources.source_table is null then kpi_rows.denominator end as denominator,
        case
            when missing_sources.source_table is not null
                then {{ dbt.concat(["'no rows in optional source '", 'missing_sources.source_table']) }}
            when kpi_rows.value is not null then null
            when kpi_rows.denominator = 0 then 'zero denominator'
            else 'not defined for this period (see the KPI definition)'
        end as null_reason

    from kpi_rows
    left join missing_sources
        on kpi_rows.kpi_id = missing_sources.kpi_id

)

select * from final
