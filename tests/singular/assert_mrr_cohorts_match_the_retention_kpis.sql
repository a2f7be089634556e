{#- Fails with one row per disagreement between the cohort mart and the retention KPIs where they
    measure the same customers: the first cohort month of the data, whose customers are exactly the
    payers of that month (no one paid before it). Its month-12 net and gross revenue retention are
    net_revenue_retention and gross_revenue_retention twelve months later; its month-1 revenue and
    logo retention are net_revenue_retention_monthly and customer_retention_rate the next month
    (company total, month grain). A missing value on either side fails, and so does data too short
    to compare. -#}
{%- set comparisons = [
    ('net_revenue_retention', 12, 'net_revenue_retention_rate'),
    ('gross_revenue_retention', 12, 'gross_revenue_retention_rate'),
    ('net_revenue_retention_monthly', 1, 'net_revenue_retention_rate'),
    ('customer_retention_rate', 1, 'logo_retention_rate'),
] %}

with

first_cohort as (

    select cohorts.*
    from {{ ref('fct_mrr_cohorts') }} as cohorts
    where cohorts.cohort_month_start_date = (
        select min(all_cohorts.cohort_month_start_date) from {{ ref('fct_mrr_cohorts') }} as all_cohorts
    )

),

{% for kpi_id, months_since_start, cohort_column in comparisons %}
    {{ kpi_id }}_compared as (

        select
            '{{ kpi_id }}' as kpi_id,
            first_cohort.month_start_date,
            first_cohort.{{ cohort_column }} as cohort_value,
            kpi.value as kpi_value

        from first_cohort
        left join {{ ref(kpi_id) }} as kpi
            on
                first_cohort.month_start_date = kpi.period_start
                and kpi.period_grain = 'month'
                and kpi.dimension = 'all'
        where first_cohort.months_since_start = {{ months_since_start }}

    ),
{% endfor %}

compared as (

    {% for kpi_id, months_since_start, cohort_column in comparisons %}
        select * from {{ kpi_id }}_compared
        {% if not loop.last %}union all{% endif %}
    {% endfor %}

)

select *
from compared
where
    cohort_value is null
    or kpi_value is null
    or abs(cohort_value - kpi_value) > 0.0000000001
union all
-- The data must reach month 12 of the first cohort, or nothing above was compared.
select
    'too few cohort months to compare' as kpi_id,
    cast(null as date) as month_start_date,
    cast(null as decimal(38, 10)) as cohort_value,
    cast(null as decimal(38, 10)) as kpi_value
from (select count(*) as compared_rows from compared) as counted
where counted.compared_rows != {{ comparisons | length }}
