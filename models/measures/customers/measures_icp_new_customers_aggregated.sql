{#- New customers per period (month, quarter, year of their first paying month) and breakdown (segment
    in that month, region, acquisition motion), and those of them that fit the ideal customer profile
    (dim_customers.is_icp). Every period has a company row (zeros when nobody started paying);
    breakdown rows exist where a customer started paying. Feeds icp_new_customer_share. -#}

with

customer_months as (

    select * from {{ ref('fct_customer_mrr_monthly') }}
    where movement_type = 'new'

),

customers as (

    select * from {{ ref('dim_customers') }}

),

reporting_periods as (

    select * from {{ ref('int_reporting_periods_listed') }}
    where {{ period_grain_in(['month', 'quarter', 'year']) }}

),

new_customers_in_periods as (

    select
        reporting_periods.period_grain,
        reporting_periods.period_start,
        customer_months.customer_segment,
        customer_months.region,
        customer_months.acquisition_motion,
        case when customers.is_icp then 1 else 0 end as is_icp

    from customer_months
    inner join reporting_periods
        on customer_months.month_start_date between reporting_periods.period_start and reporting_periods.period_last_date
    left join customers
        on customer_months.customer_id = customers.customer_id

),

new_customers_by_dimension as (

    {{ unpivot_dimensions('new_customers_in_periods', ['customer_segment', 'region', 'acquisition_motion']) }}

),

aggregated as (

    select
        period_grain,
        period_start,
        dimension,
        dimension_value,
        count(*) as new_customers,
        sum(is_icp) as icp_new_customers

    from new_customers_by_dimension
    group by
        period_grain,
        period_start,
        dimension,
        dimension_value

),

{{ measures_rows_for_every_period(
    'aggregated',
    'reporting_periods',
    ['new_customers', 'icp_new_customers'],
) }}
