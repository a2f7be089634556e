{#- The NPS surveys sent in each period (send date, reporting timezone), per breakdown (the
    customer's segment today, its plan tier in the send month): surveys sent and, of those, the
    ones answered by the as-of date (whenever the answer came). Every period has a company row
    (zeros when nothing was sent); breakdown rows exist where surveys were sent. Feeds
    nps_response_rate. -#}

with

surveys as (

    select * from {{ ref('int_nps_surveys_mapped') }}

),

customers as (

    select * from {{ ref('dim_customers') }}

),

reporting_periods as (

    select * from {{ ref('int_reporting_periods_listed') }}
    where {{ period_grain_in(['month', 'quarter', 'year']) }}

),

surveys_in_periods as (

    select
        reporting_periods.period_grain,
        reporting_periods.period_start,
        customers.segment as customer_segment,
        surveys.sent_plan_tier as plan_tier,
        case when surveys.has_responded then 1 else 0 end as is_answered

    from surveys
    inner join reporting_periods
        on surveys.sent_date between reporting_periods.period_start and reporting_periods.period_last_date
    left join customers
        on surveys.customer_id = customers.customer_id

),

surveys_by_dimension as (

    {{ unpivot_dimensions('surveys_in_periods', ['customer_segment', 'plan_tier']) }}

),

aggregated as (

    select
        period_grain,
        period_start,
        dimension,
        dimension_value,
        sum(is_answered) as answered_surveys,
        count(*) as sent_surveys

    from surveys_by_dimension
    group by
        period_grain,
        period_start,
        dimension,
        dimension_value

),

{{ measures_rows_for_every_period('aggregated', 'reporting_periods', ['answered_surveys', 'sent_surveys']) }}
