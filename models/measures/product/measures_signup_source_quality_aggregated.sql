{#- Product signups per signup period (month, quarter, year) and signup source, decided once their
    PQL window has ended by the as-of date (fct_product_users), and of the decided ones the quality
    signups: product-qualified leads whose customer (fct_product_users.customer_id) fits the ideal
    customer profile (dim_customers.is_icp). A signup matching no customer is not a quality signup.
    The measures of signup_source_quality_rate. Every period has a company row (zeros when nobody
    signed up); a source has a row where its users signed up. -#}

with

product_users as (

    select * from {{ ref('fct_product_users') }}

),

customers as (

    select * from {{ ref('dim_customers') }}

),

reporting_periods as (

    select * from {{ ref('int_reporting_periods_listed') }}
    where {{ period_grain_in(['month', 'quarter', 'year']) }}

),

signups_in_periods as (

    select
        reporting_periods.period_grain,
        reporting_periods.period_start,
        product_users.signup_source,
        case when product_users.is_pql_window_ended then 1 else 0 end as is_decided,
        case
            when product_users.is_pql_window_ended and product_users.is_product_qualified and customers.is_icp
                then 1
            else 0
        end as is_decided_quality

    from product_users
    inner join reporting_periods
        on product_users.signup_date between reporting_periods.period_start and reporting_periods.period_last_date
    left join customers
        on product_users.customer_id = customers.customer_id

),

signups_by_dimension as (

    {{ unpivot_dimensions('signups_in_periods', ['signup_source']) }}

),

aggregated as (

    select
        period_grain,
        period_start,
        dimension,
        dimension_value,
        count(*) as signups,
        sum(is_decided) as pql_decided_signups,
        sum(is_decided_quality) as icp_product_qualified_signups

    from signups_by_dimension
    group by
        period_grain,
        period_start,
        dimension,
        dimension_value

),

{{ measures_rows_for_every_period(
    'aggregated',
    'reporting_periods',
    ['signups', 'pql_decided_signups', 'icp_product_qualified_signups'],
) }}
