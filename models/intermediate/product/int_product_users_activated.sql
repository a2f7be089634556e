{#- One row per product user with the product-led growth rules, decided once here: the first key
    value action (var product_value_events) on or after signing up, and whether it came within var
    time_to_value_window_days; the value action that made the user a product-qualified lead (the
    var pql_value_actions-th within var pql_window_days of signing up); and whether each window has
    ended by the as-of date. Events and signups after the as-of date are left out. -#}

{%- set pql_value_actions = checked_var('pql_value_actions', minimum=1) %}
{%- set pql_window_days = checked_var('pql_window_days', minimum=0) %}
{%- set value_window_days = checked_var('time_to_value_window_days', minimum=0) %}

with

product_users as (

    select * from {{ ref('stg_product__users') }}

),

tracks as (

    select * from {{ ref('stg_product__tracks') }}

),

identifiers as (

    select * from {{ ref('int_customer_identifiers_mapped') }}

),

bounds as (

    select * from {{ ref('int_calendar_bounds_computed') }}

),

signups as (

    select
        product_users.product_user_id,
        product_users.signup_type,
        product_users.signup_source,
        product_users.signup_at,
        {{ to_reporting_date('product_users.signup_at') }} as signup_date,
        {{ dbt.dateadd('day', pql_window_days, 'product_users.signup_at') }} as pql_window_end_at,
        {{ dbt.dateadd('day', value_window_days, 'product_users.signup_at') }} as value_window_end_at

    from product_users
    cross join bounds
    where {{ to_reporting_date('product_users.signup_at') }} <= bounds.as_of_date

),

value_actions as (

    {#- Value actions from the signup on (an event stamped before it is clock skew, not use),
        numbered in time order (ties by event id). -#}
    select
        tracks.product_user_id,
        tracks.occurred_at,
        row_number() over (
            partition by tracks.product_user_id
            order by tracks.occurred_at, tracks.track_id
        ) as value_action_number

    from tracks
    inner join signups
        on tracks.product_user_id = signups.product_user_id
    cross join bounds
    where
        tracks.is_value_action
        and tracks.occurred_at >= signups.signup_at
        and {{ to_reporting_date('tracks.occurred_at') }} <= bounds.as_of_date

),

milestones as (

    select
        product_user_id,
        min(occurred_at) as first_value_action_at,
        min(case when value_action_number = {{ pql_value_actions }} then occurred_at end) as qualifying_action_at

    from value_actions
    group by product_user_id

),

final as (

    select
        signups.product_user_id,
        identifiers.customer_id,
        signups.signup_type,
        signups.signup_source,
        signups.signup_at,
        signups.signup_date,
        milestones.first_value_action_at,
        cast(
            {{ divided(dbt.datediff('signups.signup_at', 'milestones.first_value_action_at', 'second'), 86400) }}
            as decimal(18, 6)
        ) as days_to_first_value,
        coalesce(milestones.first_value_action_at <= signups.value_window_end_at, false)
            as has_value_within_window,
        {{ to_reporting_date('signups.value_window_end_at') }} <= bounds.as_of_date as is_value_window_ended,
        case
            when milestones.qualifying_action_at <= signups.pql_window_end_at
                then milestones.qualifying_action_at
        end as qualified_at,
        cast(
            case
                when milestones.qualifying_action_at <= signups.pql_window_end_at
                    then {{ divided(dbt.datediff('signups.signup_at', 'milestones.qualifying_action_at', 'second'), 86400) }}
            end
            as decimal(18, 6)
        ) as days_to_qualification,
        coalesce(milestones.qualifying_action_at <= signups.pql_window_end_at, false) as is_product_qualified,
        {{ to_reporting_date('signups.pql_window_end_at') }} <= bounds.as_of_date as is_pql_window_ended

    from signups
    cross join bounds
    left join milestones
        on signups.product_user_id = milestones.product_user_id
    left join identifiers
        on
            identifiers.source_system = 'product_user'
            and signups.product_user_id = identifiers.source_record_id

)

select * from final
