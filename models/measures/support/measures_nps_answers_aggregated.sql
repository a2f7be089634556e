{#- The NPS answers of each period (response date, reporting timezone), per breakdown (the
    customer's segment today, its plan tier in the response month): respondents and net promoters
    (promoters, scoring 9-10, minus detractors, scoring 0-6; passives, 7-8, count only as
    respondents). Unanswered surveys are out. Every period has a company row (zeros without
    answers); breakdown rows exist where there were answers. Feeds nps. -#}

with

surveys as (

    select * from {{ ref('int_nps_surveys_mapped') }}
    where has_responded

),

customers as (

    select * from {{ ref('dim_customers') }}

),

reporting_periods as (

    select * from {{ ref('int_reporting_periods_listed') }}
    where {{ period_grain_in(['month', 'quarter', 'year']) }}

),

responses_in_periods as (

    select
        reporting_periods.period_grain,
        reporting_periods.period_start,
        customers.segment as customer_segment,
        surveys.responded_plan_tier as plan_tier,
        case
            when surveys.score >= 9 then 1
            when surveys.score <= 6 then -1
            else 0
        end as promoter_balance

    from surveys
    inner join reporting_periods
        on surveys.responded_date between reporting_periods.period_start and reporting_periods.period_last_date
    left join customers
        on surveys.customer_id = customers.customer_id

),

responses_by_dimension as (

    {{ unpivot_dimensions('responses_in_periods', ['customer_segment', 'plan_tier']) }}

),

aggregated as (

    select
        period_grain,
        period_start,
        dimension,
        dimension_value,
        sum(promoter_balance) as net_promoters,
        count(*) as respondents,
        {#- The score: 100 × net promoters ÷ respondents, rounded to 10 decimals; a group has at
            least one respondent, so the division is defined (null in the empty periods added below). -#}
        cast(
            {{ round_to_scale(divided('100 * sum(promoter_balance)', 'count(*)'), 10) }}
            as decimal(38, 10)
        ) as net_promoter_score

    from responses_by_dimension
    group by
        period_grain,
        period_start,
        dimension,
        dimension_value

),

{{ measures_rows_for_every_period('aggregated', 'reporting_periods', ['net_promoters', 'respondents'], statistics=['net_promoter_score']) }}
