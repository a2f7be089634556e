{#- Quarterly business reviews per quarter and breakdown (the customer's segment at the quarter's
    start, its region): the customers due a review (paying at the quarter's start, in a segment of
    var qbr_customer_segments) and those of them that held one in the quarter. Every quarter has a
    company row (zeros when nobody was due); breakdown rows exist where a customer was due. Feeds
    qbr_engagement_rate. -#}

with

customer_months as (

    select * from {{ ref('fct_customer_mrr_monthly') }}

),

qbr_meetings as (

    select * from {{ ref('fct_qbr_meetings') }}

),

reporting_periods as (

    select * from {{ ref('int_reporting_periods_listed') }}
    where {{ period_grain_in(['quarter']) }}

),

due_customers as (

    {#- Paying at the quarter's start: positive MRR in the month before its first month. -#}
    select
        reporting_periods.period_grain,
        reporting_periods.period_start,
        reporting_periods.period_last_date,
        customer_months.customer_id,
        customer_months.customer_segment,
        customer_months.region

    from customer_months
    inner join reporting_periods
        on customer_months.month_start_date = reporting_periods.period_start
    where
        customer_months.was_paying
        and customer_months.customer_segment in (
            {%- for segment in var('qbr_customer_segments') %}{{ sql_string_literal(segment) }}{{ ', ' if not loop.last }}{% endfor -%}
        )

),

held_reviews as (

    select distinct
        due_customers.period_grain,
        due_customers.period_start,
        due_customers.customer_id

    from due_customers
    inner join qbr_meetings
        on
            due_customers.customer_id = qbr_meetings.customer_id
            and qbr_meetings.started_date between due_customers.period_start and due_customers.period_last_date
    where qbr_meetings.is_held

),

customers_in_periods as (

    select
        due_customers.period_grain,
        due_customers.period_start,
        due_customers.customer_segment,
        due_customers.region,
        case when held_reviews.customer_id is not null then 1 else 0 end as has_held_review

    from due_customers
    left join held_reviews
        on
            due_customers.period_grain = held_reviews.period_grain
            and due_customers.period_start = held_reviews.period_start
            and due_customers.customer_id = held_reviews.customer_id

),

customers_by_dimension as (

    {{ unpivot_dimensions('customers_in_periods', ['customer_segment', 'region']) }}

),

aggregated as (

    select
        period_grain,
        period_start,
        dimension,
        dimension_value,
        count(*) as due_customers,
        sum(has_held_review) as reviewed_customers

    from customers_by_dimension
    group by
        period_grain,
        period_start,
        dimension,
        dimension_value

),

{{ measures_rows_for_every_period(
    'aggregated',
    'reporting_periods',
    ['due_customers', 'reviewed_customers'],
) }}
