{#- Every rep quota with the dates it covers and its amount in the reporting currency: a quota
    covers its month or quarter from its start date and converts at the rate of its start month,
    so a quota keeps one value. -#}

with

quotas as (

    select * from {{ ref('stg_crm__quotas') }}

),

fx_rates as (

    select * from {{ ref('int_fx_rates_listed') }}

),

quota_spans as (

    {#- A quota covers its month or quarter from its start date; it converts to the reporting
        currency at the rate of its start month, so a quota keeps one value. -#}
    select
        quotas.quota_id,
        quotas.owner_user_id,
        quotas.period_type,
        quotas.period_start_date,
        cast(
            {{ dbt.dateadd('day', -1, dbt.dateadd('month', "case quotas.period_type when 'quarter' then 3 else 1 end", 'quotas.period_start_date')) }}
            as date
        ) as period_end_date,
        {{ round_to_scale(convert_currency('quotas.quota_amount', 'fx_rates.rate_to_reporting_currency'), 2) }} as quota_amount

    from quotas
    left join fx_rates
        on
            quotas.currency_code = fx_rates.currency_code
            and quotas.period_start_date = fx_rates.month_start_date

),

final as (

    select * from quota_spans

)

select * from final
