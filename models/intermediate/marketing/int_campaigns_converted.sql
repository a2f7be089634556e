{#- Every live campaign with its actual cost in the reporting currency: converted at the rate of
    the month the campaign started (budgets are committed at launch) and rounded to the cent; a
    missing rate leaves it null. What the lead fact and the channel acquisition costs read. -#}

with

campaigns as (

    select * from {{ ref('stg_crm__campaigns') }}

),

fx_rates as (

    select * from {{ ref('int_fx_rates_listed') }}

),

final as (

    select
        campaigns.campaign_id,
        campaigns.campaign_name,
        campaigns.channel,
        campaigns.start_date,
        campaigns.end_date,
        campaigns.currency_code,
        campaigns.actual_cost_amount,
        {{ round_to_scale(convert_currency('campaigns.actual_cost_amount', 'fx_rates.rate_to_reporting_currency'), 2) }}
            as actual_cost_in_reporting_currency

    from campaigns
    left join fx_rates
        on
            cast({{ dbt.date_trunc('month', 'campaigns.start_date') }} as date) = fx_rates.month_start_date
            and campaigns.currency_code = fx_rates.currency_code

)

select * from final
