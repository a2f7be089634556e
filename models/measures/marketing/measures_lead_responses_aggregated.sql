{#- The response times of the decided leads contacted within var lead_response_window_days, per
    period (bi-week, month, quarter, year of the lead's creation date, reporting timezone) and
    breakdown (as measures_leads_aggregated): their count and their median response minutes. Every
    period has a company row (no lead: 0 and a null median); breakdown rows exist only where such a
    lead was created, which is why the median is not a column of measures_leads_aggregated (whose
    breakdown rows are those of every created lead). Feeds lead_response_time_median. -#}

with

leads as (

    select * from {{ ref('fct_leads') }}
    where is_response_window_closed and is_contacted_within_window

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
        leads.response_minutes

    from leads
    inner join reporting_periods
        on leads.created_date between reporting_periods.period_start and reporting_periods.period_last_date

),

leads_by_dimension as (

    {{ unpivot_dimensions('leads_in_periods', ['lead_source_channel', 'campaign', 'rep', 'team', 'region', 'customer_segment']) }}

),

period_counts as (

    select
        period_grain,
        period_start,
        dimension,
        dimension_value,
        count(*) as contacted_leads

    from leads_by_dimension
    group by
        period_grain,
        period_start,
        dimension,
        dimension_value

),

medians as (

    {{ kpi_median('leads_by_dimension', 'response_minutes') }}

),

aggregated as (

    select
        period_counts.period_grain,
        period_counts.period_start,
        period_counts.dimension,
        period_counts.dimension_value,
        period_counts.contacted_leads,
        medians.median_value as response_minutes_median

    from period_counts
    left join medians
        on {{ kpi_row_join('period_counts', 'medians') }}

),

{{ measures_rows_for_every_period(
    'aggregated',
    'reporting_periods',
    ['contacted_leads'],
    statistics=['response_minutes_median'],
) }}
