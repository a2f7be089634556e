{#- The body of a lead-funnel KPI model: leads grouped by the bi-week, month, quarter and year of
    their creation date (reporting timezone) and sliced by source channel, sourcing campaign, owner (rep), the owner's
    team and region, and the converted account's segment. `numerator` sums `numerator_measure`
    (1 to count) over the leads where `numerator_when` holds, `denominator` counts the leads where
    `denominator_when` holds; both are conditions over fct_leads columns and must require the lead
    to be decided (its window closed by the as-of date), so a cohort's value never moves later.
    With `median=true` the value is instead the median of `numerator_measure` over the leads where
    `numerator_when` holds (no numerator or denominator). -#}
{% macro lead_cohort_kpi(numerator_when, denominator_when, numerator_measure='1', median=false) -%}
with

leads as (

    select * from {{ ref('fct_leads') }}

),

reporting_periods as (

    select * from {{ ref('int_reporting_periods_listed') }}
    where {{ period_grain_in(['biweek', 'month', 'quarter', 'year']) }}

),

leads_in_periods as (

    select
        reporting_periods.period_grain,
        reporting_periods.period_start,
        leads.lead_source_channel,
        leads.campaign_id as campaign,
        leads.owner_user_id as rep,
        leads.owner_team_name as team,
        leads.owner_region as region,
        leads.customer_segment,
        {{ numerator_when }} as is_in_numerator,
        case when {{ numerator_when }} then {{ numerator_measure }} else 0 end as numerator_measure,
        case when {{ denominator_when }} then 1 else 0 end as is_in_denominator

    from leads
    inner join reporting_periods
        on leads.created_date between reporting_periods.period_start and reporting_periods.period_last_date

),

leads_by_dimension as (

    {{ unpivot_dimensions('leads_in_periods', ['lead_source_channel', 'campaign', 'rep', 'team', 'region', 'customer_segment']) }}

),

aggregated as (

    {%- if median %}
        {{ kpi_median('leads_by_dimension', 'numerator_measure', 'is_in_numerator') }}
    {%- else %}
        select
            period_grain,
            period_start,
            dimension,
            dimension_value,
            sum(numerator_measure) as numerator_total,
            sum(is_in_denominator) as denominator_total

        from leads_by_dimension
        group by
            period_grain,
            period_start,
            dimension,
            dimension_value
    {%- endif %}

),

{%- if median %}
    {{ kpi_rows_for_every_period('aggregated', 'reporting_periods', value='aggregated.median_value') }}
{%- else %}
    {{ kpi_rows_for_every_period('aggregated', 'reporting_periods', 'numerator_total', 'denominator_total') }}
{%- endif %}
{%- endmacro %}
