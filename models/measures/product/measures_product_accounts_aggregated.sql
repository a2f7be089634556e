{#- Product accounts per signup period (month, quarter, year) and breakdown (signup type and
    source), the product-qualified-lead rule of fct_product_users rolled up to accounts: an account
    is a customer (fct_product_users.customer_id, every user of its workspace) or, for a user
    matching no customer, the user alone. The account belongs to the period and breakdown of its
    first user (earliest signup, ties by user id); it is decided once that user's PQL window has
    ended by the as-of date, and qualified when at least var pql_account_qualified_users (1: any)
    of its users are product-qualified leads (qualified by the as-of date, whenever they joined). The
    measures of pql_account_rate and product_qualified_accounts. Every period has a company row
    (zeros when no account started); a breakdown value has a row where its accounts started. -#}

{%- set qualified_users = checked_var('pql_account_qualified_users', minimum=1) %}

with

product_users as (

    select * from {{ ref('fct_product_users') }}

),

reporting_periods as (

    select * from {{ ref('int_reporting_periods_listed') }}
    where {{ period_grain_in(['month', 'quarter', 'year']) }}

),

users_in_accounts as (

    select
        case
            when customer_id is not null then {{ dbt.concat(["'customer:'", 'customer_id']) }}
            else {{ dbt.concat(["'user:'", 'product_user_id']) }}
        end as account_key,
        product_user_id,
        signup_type,
        signup_source,
        signup_at,
        signup_date,
        is_pql_window_ended,
        is_product_qualified

    from product_users

),

ordered_users as (

    select
        *,
        row_number() over (
            partition by account_key
            order by signup_at, product_user_id
        ) as user_number

    from users_in_accounts

),

account_outcomes as (

    select
        account_key,
        sum(case when is_product_qualified then 1 else 0 end) as qualified_users

    from ordered_users
    group by account_key

),

accounts as (

    select
        ordered_users.signup_type,
        ordered_users.signup_source,
        ordered_users.signup_date,
        case when ordered_users.is_pql_window_ended then 1 else 0 end as is_decided,
        case
            when ordered_users.is_pql_window_ended and account_outcomes.qualified_users >= {{ qualified_users }} then 1
            else 0
        end as is_decided_qualified

    from ordered_users
    inner join account_outcomes
        on ordered_users.account_key = account_outcomes.account_key
    where ordered_users.user_number = 1

),

accounts_in_periods as (

    select
        reporting_periods.period_grain,
        reporting_periods.period_start,
        accounts.signup_type,
        accounts.signup_source,
        accounts.is_decided,
        accounts.is_decided_qualified

    from accounts
    inner join reporting_periods
        on accounts.signup_date between reporting_periods.period_start and reporting_periods.period_last_date

),

accounts_by_dimension as (

    {{ unpivot_dimensions('accounts_in_periods', ['signup_type', 'signup_source']) }}

),

aggregated as (

    select
        period_grain,
        period_start,
        dimension,
        dimension_value,
        count(*) as product_accounts,
        sum(is_decided) as pql_decided_accounts,
        sum(is_decided_qualified) as product_qualified_accounts

    from accounts_by_dimension
    group by
        period_grain,
        period_start,
        dimension,
        dimension_value

),

{{ measures_rows_for_every_period(
    'aggregated',
    'reporting_periods',
    ['product_accounts', 'pql_decided_accounts', 'product_qualified_accounts'],
) }}
