{#- The exchange rates every conversion to the reporting currency joins: one row per currency and
    month, the month's rate (reporting-currency units per unit). An amount converts at the rate of
    the month it is dated in (macro convert_currency, then rounded where the KPI needs cents); the
    only reader of the FX source above staging, so facts and measures never reach into staging. -#}

with

fx_rates as (

    select * from {{ ref('stg_revops__fx_rates') }}

),

final as (

    select
        currency_code,
        month_start_date,
        rate_to_reporting_currency

    from fx_rates

)

select * from final
