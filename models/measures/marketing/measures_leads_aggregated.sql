{#- The lead funnel counts, per period (bi-week, month, quarter, year of the lead's creation date,
    reporting timezone) and breakdown (source channel, sourcing campaign, owner, the owner's team
    and region, the converted account's segment): the decided leads of each window (the window
    closed by the as-of date, so a cohort's counts never move later), those activated, won or with
    an opportunity within the funnel window, those contacted or not within the response window, and
    the contacted leads' summed response minutes; the decided leads of the meeting window and those
    met by sales within it, the leads converted within the funnel window, the medians of their
    days to the first meeting and to conversion; the lifecycle stages within the funnel window
    (MQLs, those meeting the qualification criteria, SQLs, SQLs with an opportunity, the median days
    from MQL to opportunity); the summed lead quality scores of the scored leads; and the decided
    leads of the workability window and those still workable at its end. Every period has a company
    row (zeros when no lead was created); breakdown rows exist where leads were created. Feeds
    leads_created, activation_rate, lead_conversion_rate, lead_to_opportunity_rate,
    uncontacted_lead_rate, lead_response_time, meeting_booking_rate, time_to_first_meeting,
    lead_conversion_time, mql_rate, mql_qualification_rate, sql_to_opportunity_rate,
    opportunity_creation_velocity, lead_quality_score and lead_workability_rate. Longer than 200
    lines because fifteen KPIs share one cohort of decided leads per window: split, each would
    re-read and re-unpivot the same leads. -#}

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
        case when leads.is_funnel_window_closed then 1 else 0 end as is_funnel_decided,
        case when leads.is_funnel_window_closed and leads.is_activated_within_window then 1 else 0 end as is_activated,
        case when leads.is_funnel_window_closed and leads.is_won_within_window then 1 else 0 end as is_won,
        case when leads.is_funnel_window_closed and leads.has_opportunity_within_window then 1 else 0 end
            as has_opportunity,
        case when leads.is_response_window_closed then 1 else 0 end as is_response_decided,
        case when leads.is_response_window_closed and not leads.is_contacted_within_window then 1 else 0 end
            as is_uncontacted,
        case when leads.is_response_window_closed and leads.is_contacted_within_window then 1 else 0 end
            as is_contacted,
        case
            when leads.is_response_window_closed and leads.is_contacted_within_window then leads.response_minutes
            else 0
        end as contacted_response_minutes,
        case when leads.is_meeting_window_closed then 1 else 0 end as is_meeting_decided,
        case when leads.is_meeting_window_closed and leads.has_meeting_within_window then 1 else 0 end as has_meeting,
        leads.days_to_first_meeting,
        case when leads.is_funnel_window_closed and leads.is_converted_within_window then 1 else 0 end as is_converted,
        leads.days_to_conversion,
        leads.lead_quality_score,
        case when leads.is_funnel_window_closed and leads.is_mql_within_window then 1 else 0 end as is_mql,
        case
            when leads.is_funnel_window_closed and leads.is_mql_within_window and leads.met_qualification_criteria
                then 1
            else 0
        end as is_qualified_mql,
        case when leads.is_funnel_window_closed and leads.is_sql_within_window then 1 else 0 end as is_sql,
        case
            when leads.is_funnel_window_closed and leads.is_sql_within_window and leads.has_opportunity_within_window
                then 1
            else 0
        end as is_sql_with_opportunity,
        case
            when leads.is_funnel_window_closed and leads.is_mql_within_window and leads.has_opportunity_within_window
                then 1
            else 0
        end as is_mql_with_opportunity,
        leads.days_mql_to_opportunity,
        case when leads.is_workability_window_closed then 1 else 0 end as is_workability_decided,
        case when leads.is_workability_window_closed and leads.is_workable_within_window then 1 else 0 end
            as is_workable

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
        count(*) as created_leads,
        sum(is_funnel_decided) as funnel_decided_leads,
        sum(is_activated) as activated_leads,
        sum(is_won) as won_leads,
        sum(has_opportunity) as leads_with_opportunity,
        sum(is_response_decided) as response_decided_leads,
        sum(is_uncontacted) as uncontacted_leads,
        sum(is_contacted) as contacted_leads,
        sum(contacted_response_minutes) as response_minutes_total,
        sum(is_meeting_decided) as meeting_decided_leads,
        sum(has_meeting) as leads_with_meeting,
        sum(is_converted) as converted_leads,
        sum(lead_quality_score) as lead_quality_score_total,
        count(lead_quality_score) as quality_scored_leads,
        sum(is_mql) as mql_leads,
        sum(is_qualified_mql) as qualified_mql_leads,
        sum(is_sql) as sql_leads,
        sum(is_sql_with_opportunity) as sql_leads_with_opportunity,
        sum(is_mql_with_opportunity) as mql_leads_with_opportunity,
        sum(is_workability_decided) as workability_decided_leads,
        sum(is_workable) as workable_leads

    from leads_by_dimension
    group by
        period_grain,
        period_start,
        dimension,
        dimension_value

),

response_medians as (

    {{ kpi_median('leads_by_dimension', 'contacted_response_minutes', 'is_contacted = 1') }}

),

meeting_medians as (

    {{ kpi_median('leads_by_dimension', 'days_to_first_meeting', 'has_meeting = 1') }}

),

conversion_medians as (

    {{ kpi_median('leads_by_dimension', 'days_to_conversion', 'is_converted = 1') }}

),

mql_to_opportunity_medians as (

    {{ kpi_median('leads_by_dimension', 'days_mql_to_opportunity', 'is_mql_with_opportunity = 1') }}

),

aggregated as (

    select
        period_counts.*,
        response_medians.median_value as response_minutes_median,
        meeting_medians.median_value as days_to_first_meeting_median,
        conversion_medians.median_value as days_to_conversion_median,
        mql_to_opportunity_medians.median_value as mql_to_opportunity_days_median

    from period_counts
    left join response_medians
        on {{ kpi_row_join('period_counts', 'response_medians') }}
    left join meeting_medians
        on {{ kpi_row_join('period_counts', 'meeting_medians') }}
    left join conversion_medians
        on {{ kpi_row_join('period_counts', 'conversion_medians') }}
    left join mql_to_opportunity_medians
        on {{ kpi_row_join('period_counts', 'mql_to_opportunity_medians') }}

),

{{ measures_rows_for_every_period(
    'aggregated',
    'reporting_periods',
    [
        'created_leads', 'funnel_decided_leads', 'activated_leads', 'won_leads', 'leads_with_opportunity',
        'response_decided_leads', 'uncontacted_leads', 'contacted_leads', 'response_minutes_total',
        'meeting_decided_leads', 'leads_with_meeting', 'converted_leads',
        'lead_quality_score_total', 'quality_scored_leads',
        'mql_leads', 'qualified_mql_leads', 'sql_leads', 'sql_leads_with_opportunity', 'mql_leads_with_opportunity',
        'workability_decided_leads', 'workable_leads'
    ],
    data_types={
        'response_minutes_total': 'decimal(38, 6)',
        'lead_quality_score_total': 'decimal(38, 2)',
        'days_to_first_meeting_median': 'decimal(38, 6)',
        'days_to_conversion_median': 'decimal(38, 6)',
    },
    statistics=[
        'response_minutes_median', 'days_to_first_meeting_median', 'days_to_conversion_median',
        'mql_to_opportunity_days_median',
    ],
) }}
