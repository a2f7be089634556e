{#- The measures of marketing_roi, per period (month, quarter, year) for the company and per
    marketing channel: the revenue marketing actioned (measures_attributed_revenue_aggregated:
    won new-business and expansion deals, credited to the channel of their first touch, in their
    close period) and the campaign cost (measures_channel_acquisition_costs_aggregated: each
    campaign's actual cost, reporting currency, in its start month moved by var
    cac_expense_lag_months), and the return (revenue − cost; null while a cost is unknown for a
    missing FX rate). A row for every period; channel rows where a channel had revenue or cost. -#}

with

attributed_revenue as (

    select * from {{ ref('measures_attributed_revenue_aggregated') }}
    where dimension in ('all', 'channel')

),

channel_costs as (

    {#- Campaign channels and lead source channels are one value set; here it is the channel. The
        cost is unknown (null) only when a campaign lacks an FX rate; a period without campaigns
        cost 0. -#}
    select
        period_grain,
        period_start,
        case when dimension = 'all' then 'all' else 'channel' end as dimension,
        dimension_value,
        cast(case when campaigns_without_fx_rate = 0 then coalesce(campaign_cost, 0) end as decimal(38, 2))
            as campaign_cost

    from {{ ref('measures_channel_acquisition_costs_aggregated') }}
    where dimension in ('all', 'lead_source_channel')

),

row_keys as (

    {#- A channel with new customers but neither campaign cost nor marketing revenue (customers
        without a lead are `unattributed`) has nothing to return and no row. -#}
    select
        period_grain,
        period_start,
        dimension,
        dimension_value

    from attributed_revenue
    where dimension = 'all' or marketing_credited_deals > 0

    union

    select
        period_grain,
        period_start,
        dimension,
        dimension_value

    from channel_costs
    where dimension = 'all' or campaign_cost <> 0 or campaign_cost is null

),

final as (

    select
        row_keys.period_grain,
        row_keys.period_start,
        row_keys.dimension,
        row_keys.dimension_value,
        cast(coalesce(attributed_revenue.marketing_credited_deals, 0) as {{ dbt.type_bigint() }}) as marketing_credited_deals,
        cast(coalesce(attributed_revenue.actioned_by_marketing_amount, 0) as decimal(38, 2))
            as actioned_by_marketing_amount,
        cast(case when channel_costs.dimension_value is null then 0 else channel_costs.campaign_cost end as decimal(38, 2))
            as campaign_cost,
        cast(
            coalesce(attributed_revenue.actioned_by_marketing_amount, 0)
            - case when channel_costs.dimension_value is null then 0 else channel_costs.campaign_cost end
            as decimal(38, 2)
        ) as marketing_return

    from row_keys
    left join attributed_revenue
        on {{ kpi_row_join('row_keys', 'attributed_revenue') }}
    left join channel_costs
        on {{ kpi_row_join('row_keys', 'channel_costs') }}

)

select * from final
