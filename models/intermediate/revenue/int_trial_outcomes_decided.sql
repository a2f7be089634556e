{#- One row per trial subscription with its outcome: whether a first paying term of the same
    billing customer started within var trial_conversion_window_days after the trial's end, and
    whether that window has closed by the as-of date. The trial rule of trial_conversion_rate. -#}

with

subscriptions as (

    select * from {{ ref('stg_billing__subscriptions') }}

),

subscription_terms as (

    select * from {{ ref('int_subscription_terms_listed') }}

),

prices as (

    select * from {{ ref('stg_billing__prices') }}

),

billing_customers as (

    select * from {{ ref('stg_billing__customers') }}

),

customer_keys as (

    {{ billing_customer_keys() }}

),

customers as (

    select * from {{ ref('int_customer_attributes_resolved') }}

),

bounds as (

    select * from {{ ref('int_calendar_bounds_computed') }}

),

paying_starts as (

    {#- When each subscription first billed a paying term (positive net of discount): a 100 %
        discounted first term is not paying, the first term with a positive net amount is. -#}
    select
        billing_customer_id,
        subscription_id,
        min(period_start_at) as first_paying_period_start_at

    from subscription_terms
    where is_paying
    group by
        billing_customer_id,
        subscription_id

),

trials as (

    select
        subscription_id,
        billing_customer_id,
        price_id,
        trial_start_at,
        trial_end_at,
        {{ dbt.dateadd('day', checked_var('trial_conversion_window_days', minimum=0), 'trial_end_at') }} as conversion_window_end_at,
        {{ to_reporting_date('trial_start_at') }} as trial_start_date

    from subscriptions
    where trial_start_at is not null

),

trial_conversions as (

    {#- A trial converts when its own subscription, or another subscription of the same billing
        customer, starts paying between the trial's start and the end of the window after the
        trial's end. Only a subscription's first paying term counts, so a customer already paying
        on another subscription does not convert a new trial by renewing the old one. -#}
    select
        trials.subscription_id,
        min(paying_starts.first_paying_period_start_at) as converted_at

    from trials
    inner join paying_starts
        on
            trials.billing_customer_id = paying_starts.billing_customer_id
            and trials.trial_start_at <= paying_starts.first_paying_period_start_at
            and trials.conversion_window_end_at >= paying_starts.first_paying_period_start_at
    group by trials.subscription_id

),

trial_outcomes as (

    {#- A trial is decided once its conversion window has closed by the as-of date; its plan tier
        is its price's, its currency its billing customer's, its region its customer's. -#}
    select
        trials.subscription_id,
        trials.trial_start_date,
        prices.plan_tier,
        billing_customers.currency_code,
        customers.region,
        {{ to_reporting_date('trials.conversion_window_end_at') }} <= bounds.as_of_date as is_window_closed,
        trial_conversions.converted_at is not null as is_converted

    from trials
    cross join bounds
    left join trial_conversions
        on trials.subscription_id = trial_conversions.subscription_id
    left join prices
        on trials.price_id = prices.price_id
    left join billing_customers
        on trials.billing_customer_id = billing_customers.billing_customer_id
    left join customer_keys
        on trials.billing_customer_id = customer_keys.billing_customer_id
    left join customers
        on customer_keys.customer_id = customers.customer_id

),

final as (

    select * from trial_outcomes

)

select * from final
