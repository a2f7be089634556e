{#- Customers converted from a product-qualified lead per conversion period (month, quarter, year of
    their first paying month) and breakdown (the signup source of their first PQL user), with the
    revenue they have brought to date. A customer converted from a PQL when one of its product
    users (fct_product_users.customer_id) qualified and its first paying month (the `new` movement
    of fct_customer_mrr_monthly) starts in or after the month of its first qualification; a
    customer that was paying before is left out. Revenue to date: the customer's MRR summed over
    its months up to the as-of month (reporting currency; the as-of month counted whole). The
    measures of converted_pql_ltv. Every period has a company row (zeros when nobody converted); a
    signup source has a row where its customers converted. -#}

with

product_users as (

    select * from {{ ref('fct_product_users') }}

),

customer_months as (

    select * from {{ ref('fct_customer_mrr_monthly') }}

),

reporting_periods as (

    select * from {{ ref('int_reporting_periods_listed') }}
    where {{ period_grain_in(['month', 'quarter', 'year']) }}

),

qualified_users as (

    select
        customer_id,
        signup_source,
        qualified_at,
        row_number() over (
            partition by customer_id
            order by qualified_at, product_user_id
        ) as qualification_number

    from product_users
    where
        is_product_qualified
        and customer_id is not null

),

first_qualifications as (

    select
        customer_id,
        signup_source,
        {{ to_reporting_date('qualified_at') }} as qualified_date

    from qualified_users
    where qualification_number = 1

),

first_paid_months as (

    select
        customer_id,
        month_start_date as first_paid_month_start_date

    from customer_months
    where movement_type = 'new'

),

revenue_to_date as (

    select
        customer_id,
        sum(mrr) as revenue_to_date

    from customer_months
    group by customer_id

),

converted_customers as (

    select
        first_qualifications.signup_source,
        first_paid_months.first_paid_month_start_date,
        revenue_to_date.revenue_to_date

    from first_qualifications
    inner join first_paid_months
        on first_qualifications.customer_id = first_paid_months.customer_id
    inner join revenue_to_date
        on first_qualifications.customer_id = revenue_to_date.customer_id
    where
        first_paid_months.first_paid_month_start_date
        >= {{ dbt.date_trunc('month', 'first_qualifications.qualified_date') }}

),

converted_in_periods as (

    select
        reporting_periods.period_grain,
        reporting_periods.period_start,
        converted_customers.signup_source,
        converted_customers.revenue_to_date

    from converted_customers
    inner join reporting_periods
        on
            converted_customers.first_paid_month_start_date
            between reporting_periods.period_start and reporting_periods.period_last_date

),

converted_by_dimension as (

    {{ unpivot_dimensions('converted_in_periods', ['signup_source']) }}

),

aggregated as (

    select
        period_grain,
        period_start,
        dimension,
        dimension_value,
        count(*) as converted_pql_customers,
        sum(revenue_to_date) as converted_pql_revenue_to_date

    from converted_by_dimension
    group by
        period_grain,
        period_start,
        dimension,
        dimension_value

),

{{ measures_rows_for_every_period(
    'aggregated',
    'reporting_periods',
    ['converted_pql_customers', 'converted_pql_revenue_to_date'],
    data_types={'converted_pql_revenue_to_date': 'decimal(38, 2)'},
) }}
