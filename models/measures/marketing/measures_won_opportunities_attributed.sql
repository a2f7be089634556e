{#- Touched and actioned revenue (seed 001), per won new-business or expansion opportunity: one row
    per marketing channel that touched the deal (a campaign touch of its lead or of its account)
    within var attribution_window_days before the close, or one row without a channel for a deal no
    campaign touched in the window. The opportunity-level split between sales and marketing is
    carried by exactly one row per opportunity (is_primary_row), so sums over rows count each deal
    once. Longer than 200 lines because the touch window, the channel ranking, the amount at first
    touch and the sales/marketing split are steps of one attribution rule (seed 001). -#}
{%- set attribution_window_days = checked_var('attribution_window_days', minimum=0) -%}

with

opportunities as (

    select * from {{ ref('fct_opportunities') }}

),

campaign_touches as (

    select * from {{ ref('int_campaign_touches_listed') }}

),

opportunity_history as (

    select * from {{ ref('int_opportunity_amounts_dated') }}

),

activities as (

    select * from {{ ref('int_lead_activities_mapped') }}

),

won_opportunities as (

    {#- Revenue is a won deal's amount: new business and expansion; renewals keep revenue rather
        than add it and are out. A won deal without an amount has no revenue to attribute. -#}
    select
        opportunity_id,
        lead_id,
        account_id,
        customer_id,
        owner_user_id,
        opportunity_type,
        team_name,
        customer_segment,
        region,
        close_date,
        fx_rate,
        amount

    from opportunities
    where
        status = 'won'
        and {{ is_new_revenue_opportunity('opportunity_type') }}
        and amount is not null

),

lead_touches as (

    select
        won_opportunities.opportunity_id,
        campaign_touches.campaign_member_id,
        campaign_touches.channel,
        campaign_touches.touched_at

    from won_opportunities
    inner join campaign_touches
        on won_opportunities.lead_id = campaign_touches.lead_id
    where
        {{ dbt.datediff('campaign_touches.touched_date', 'won_opportunities.close_date', 'day') }}
        between 0 and {{ attribution_window_days }}

),

account_touches as (

    {#- Touches of the deal's account: its contacts' and those of every lead converted into it. -#}
    select
        won_opportunities.opportunity_id,
        campaign_touches.campaign_member_id,
        campaign_touches.channel,
        campaign_touches.touched_at

    from won_opportunities
    inner join campaign_touches
        on won_opportunities.account_id = campaign_touches.account_id
    where
        {{ dbt.datediff('campaign_touches.touched_date', 'won_opportunities.close_date', 'day') }}
        between 0 and {{ attribution_window_days }}

),

window_touches as (

    {#- A touch of the deal's own lead is also a touch of its account: `union` keeps it once. -#}
    select * from lead_touches
    union
    select * from account_touches

),

channel_touches as (

    {#- A touch of a campaign removed as an entry error has no channel: it still touched the deal, in the
        channel `unassigned`. -#}
    select
        opportunity_id,
        coalesce(channel, 'unassigned') as channel,
        min(touched_at) as first_touched_at

    from window_touches
    group by
        opportunity_id,
        coalesce(channel, 'unassigned')

),

ranked_channels as (

    {#- The channel of the deal's first touch in the window; a tie goes to the first channel name. -#}
    select
        *,
        row_number() over (
            partition by opportunity_id
            order by first_touched_at, channel
        ) as channel_rank

    from channel_touches

),

first_touches as (

    select
        opportunity_id,
        channel as first_touch_channel,
        first_touched_at as opportunity_first_touched_at

    from ranked_channels
    where channel_rank = 1

),

amounts_at_first_touch as (

    {#- The deal's state as of its first touch: the latest history row at or before it (the
        history id breaks timestamp ties). -#}
    select
        opportunity_history.opportunity_id,
        opportunity_history.amount as amount_local,
        row_number() over (
            partition by opportunity_history.opportunity_id
            order by opportunity_history.changed_at desc, opportunity_history.opportunity_history_id desc
        ) as history_rank

    from opportunity_history
    inner join first_touches
        on
            opportunity_history.opportunity_id = first_touches.opportunity_id
            and opportunity_history.changed_at <= first_touches.opportunity_first_touched_at

),

opportunity_activities as (

    select
        won_opportunities.opportunity_id,
        activities.activity_at

    from won_opportunities
    inner join activities
        on won_opportunities.opportunity_id = activities.opportunity_id

),

lead_activities as (

    select
        won_opportunities.opportunity_id,
        activities.activity_at

    from won_opportunities
    inner join activities
        on won_opportunities.lead_id = activities.lead_id

),

buyer_activities as (

    select * from opportunity_activities
    union all
    select * from lead_activities

),

sales_activities as (

    {#- Sales talked to the buyer when a call, e-mail or meeting on the deal or its lead took
        place on or before the close date; activities after the close did not action the sale. -#}
    select distinct buyer_activities.opportunity_id

    from buyer_activities
    inner join won_opportunities
        on buyer_activities.opportunity_id = won_opportunities.opportunity_id
    where {{ to_reporting_date('buyer_activities.activity_at') }} <= won_opportunities.close_date

),

touch_states as (

    {#- The amount at the first touch is in the deal's currency, converted at the same close-month
        rate as its final amount, so an exchange-rate move is never read as an uplift. No history
        row before the touch (the deal did not exist yet) or no amount estimated yet: 0. -#}
    select
        won_opportunities.*,
        first_touches.first_touch_channel,
        first_touches.opportunity_first_touched_at,
        first_touches.opportunity_id is not null as is_touched,
        sales_activities.opportunity_id is not null as has_sales_activity,
        case
            when first_touches.opportunity_id is not null
                then {{ round_to_scale(convert_currency('coalesce(amounts_at_first_touch.amount_local, 0)', 'won_opportunities.fx_rate'), 2) }}
        end as amount_at_first_touch

    from won_opportunities
    left join first_touches
        on won_opportunities.opportunity_id = first_touches.opportunity_id
    left join sales_activities
        on won_opportunities.opportunity_id = sales_activities.opportunity_id
    left join amounts_at_first_touch
        on
            won_opportunities.opportunity_id = amounts_at_first_touch.opportunity_id
            and amounts_at_first_touch.history_rank = 1

),

opportunity_splits as (

    {#- Not touched in the window: sales actioned all of it. Touched, but no sales activity by the
        close: marketing actioned all of it. Touched after sales had engaged: sales keeps the amount
        as of the first touch (at most the final amount) and marketing the increase since (never
        negative), so the two always add up to the deal's amount. -#}
    select
        *,
        case
            when not is_touched then amount
            when not has_sales_activity then 0
            when amount_at_first_touch < amount then amount_at_first_touch
            else amount
        end as actioned_by_sales_amount

    from touch_states

),

final as (

    select
        -- ids
        opportunity_splits.opportunity_id,
        channel_touches.channel,
        opportunity_splits.lead_id,
        opportunity_splits.account_id,
        opportunity_splits.customer_id,
        opportunity_splits.owner_user_id,

        -- attributes
        opportunity_splits.opportunity_type,
        opportunity_splits.team_name,
        opportunity_splits.customer_segment,
        opportunity_splits.region,

        -- booleans
        opportunity_splits.is_touched,
        (
            channel_touches.channel is null
            or channel_touches.channel = opportunity_splits.first_touch_channel
        ) as is_primary_row,
        opportunity_splits.has_sales_activity,

        -- amounts: reporting currency at the close month's rate
        cast(opportunity_splits.amount as decimal(38, 2)) as amount,
        cast(case when opportunity_splits.is_touched then opportunity_splits.amount else 0 end as decimal(38, 2))
            as touched_amount,
        cast(opportunity_splits.amount_at_first_touch as decimal(38, 2)) as amount_at_first_touch,
        cast(
            case
                when channel_touches.channel is null or channel_touches.channel = opportunity_splits.first_touch_channel
                    then opportunity_splits.actioned_by_sales_amount
                else 0
            end as decimal(38, 2)
        ) as actioned_by_sales_amount,
        cast(
            case
                when channel_touches.channel is null or channel_touches.channel = opportunity_splits.first_touch_channel
                    then opportunity_splits.amount - opportunity_splits.actioned_by_sales_amount
                else 0
            end as decimal(38, 2)
        ) as actioned_by_marketing_amount,

        -- dates and timestamps
        opportunity_splits.close_date,
        channel_touches.first_touched_at,
        opportunity_splits.opportunity_first_touched_at

    from opportunity_splits
    left join channel_touches
        on opportunity_splits.opportunity_id = channel_touches.opportunity_id

)

select * from final
