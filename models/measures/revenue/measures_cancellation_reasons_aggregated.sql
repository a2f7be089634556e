{#- The churn survey's answers per period (month, quarter, year of the cancellation date, reporting
    timezone) and breakdown: each reason (`cancellation_reason`), and each reason within a customer
    segment (`customer_segment_reason`, e.g. 'smb / too_expensive') or a plan tier
    (`plan_tier_reason`). `citing_answers` counts the answers of the row; `comparable_answers` the
    answers it is a share of: the period's answers for the company and reason rows, the segment's or
    plan tier's answers for the segmented rows. Every period has a company row (zeros without
    answers); breakdown rows exist where an answer cited them. Feeds exit_reason_frequency. -#}

with

cancellation_reasons as (

    select * from {{ ref('fct_cancellation_reasons') }}

),

reporting_periods as (

    select * from {{ ref('int_reporting_periods_listed') }}
    where {{ period_grain_in(['month', 'quarter', 'year']) }}

),

answers_in_periods as (

    select
        reporting_periods.period_grain,
        reporting_periods.period_start,
        cancellation_reasons.cancellation_reason,
        coalesce(cancellation_reasons.customer_segment, 'unassigned') as customer_segment,
        coalesce(cancellation_reasons.plan_tier, 'unassigned') as plan_tier,
        {{ dbt.concat(["coalesce(cancellation_reasons.customer_segment, 'unassigned')", "' / '", 'cancellation_reasons.cancellation_reason']) }}
            as customer_segment_reason,
        {{ dbt.concat(["coalesce(cancellation_reasons.plan_tier, 'unassigned')", "' / '", 'cancellation_reasons.cancellation_reason']) }}
            as plan_tier_reason

    from cancellation_reasons
    inner join reporting_periods
        on cancellation_reasons.canceled_date between reporting_periods.period_start and reporting_periods.period_last_date

),

answers_by_dimension as (

    {{ unpivot_dimensions('answers_in_periods', ['cancellation_reason', 'customer_segment_reason', 'plan_tier_reason']) }}

),

answers_counted as (

    {#- The group whose answers a row is a share of: its segment, its plan tier, or the period. -#}
    select
        period_grain,
        period_start,
        dimension,
        dimension_value,
        case dimension
            when 'customer_segment_reason' then customer_segment
            when 'plan_tier_reason' then plan_tier
            else 'all'
        end as share_group,
        count(*) as citing_answers

    from answers_by_dimension
    group by
        period_grain,
        period_start,
        dimension,
        dimension_value,
        case dimension
            when 'customer_segment_reason' then customer_segment
            when 'plan_tier_reason' then plan_tier
            else 'all'
        end

),

aggregated as (

    select
        period_grain,
        period_start,
        dimension,
        dimension_value,
        citing_answers,
        sum(citing_answers) over (partition by period_grain, period_start, dimension, share_group)
            as comparable_answers

    from answers_counted

),

{{ measures_rows_for_every_period(
    'aggregated',
    'reporting_periods',
    ['citing_answers', 'comparable_answers'],
) }}
