{#- The measures of `self_serve_expansion_mrr`, per period (month, quarter, year) and breakdown:
    the expansion MRR of the period (`fct_customer_mrr_monthly`), the part of it that won expansion
    opportunities account for, and the rest, the self-serve expansion MRR. A won expansion
    opportunity of the customer (`fct_opportunities`, opportunity_type expansion) is matched to
    the customer's first expansion month among its close month and the month after (so an
    expansion month matches the deals that closed within it or the month before, each deal once)
    and accounts for its ACV ÷ 12, at most the month's expansion; a won deal without an amount
    accounts for the whole month. Also the tier-upgrade part of the expansion (the plan-tier
    upgrades of int_subscription_tier_upgrades_listed in the month, at the old quantity, at most the
    month's expansion) and its self-serve part: the tier upgrades of expansion months no won
    expansion deal was matched to (the measures of self_serve_upsell_revenue). Every period has a
    company row (zeros when nobody expanded); a breakdown value has a row where its customers
    expanded. -#}

with

customer_months as (

    select * from {{ ref('fct_customer_mrr_monthly') }}

),

opportunities as (

    select * from {{ ref('fct_opportunities') }}

),

tier_upgrades as (

    select * from {{ ref('int_subscription_tier_upgrades_listed') }}

),

periods as (

    select * from {{ ref('int_reporting_periods_listed') }}
    where {{ period_grain_in(['month', 'quarter', 'year']) }}

),

expansion_months as (

    select * from customer_months
    where expansion_mrr > 0

),

won_expansion_deals as (

    select
        opportunity_id,
        customer_id,
        cast({{ dbt.date_trunc('month', 'close_date') }} as date) as close_month_start_date,
        amount

    from opportunities
    where
        is_won
        and opportunity_type = 'expansion'
        and customer_id is not null

),

deal_matches as (

    {#- Each won deal goes to the customer's first expansion month in its close month or the month
        after; a deal with no expansion in that window matches nothing. -#}
    select
        won_expansion_deals.opportunity_id,
        won_expansion_deals.customer_id,
        min(expansion_months.month_start_date) as month_start_date

    from won_expansion_deals
    inner join expansion_months
        on
            won_expansion_deals.customer_id = expansion_months.customer_id
            and won_expansion_deals.close_month_start_date <= expansion_months.month_start_date
            and cast({{ dbt.dateadd('month', 1, 'won_expansion_deals.close_month_start_date') }} as date)
            >= expansion_months.month_start_date
    group by won_expansion_deals.opportunity_id, won_expansion_deals.customer_id

),

month_matches as (

    select
        deal_matches.customer_id,
        deal_matches.month_start_date,
        {{ divided('sum(won_expansion_deals.amount)', 12) }} as matched_deal_mrr,
        max(case when won_expansion_deals.amount is null then 1 else 0 end) as has_deal_without_amount

    from deal_matches
    inner join won_expansion_deals
        on deal_matches.opportunity_id = won_expansion_deals.opportunity_id
    group by deal_matches.customer_id, deal_matches.month_start_date

),

tier_upgrade_months as (

    select
        customer_id,
        month_start_date,
        {{ round_to_scale('sum(upgrade_mrr)', 2) }} as upgrade_mrr

    from tier_upgrades
    group by customer_id, month_start_date

),

expansion_splits as (

    {#- A month a won deal was matched to is sales-led for its tier upgrades: none of them is
        self-serve, whatever part of the month the deal accounts for. A tier upgrade in a month
        whose MRR did not grow (the customer cancelled something else) adds no expansion. -#}
    select
        expansion_months.customer_id,
        expansion_months.month_start_date,
        expansion_months.plan_tier,
        expansion_months.customer_segment,
        expansion_months.region,
        expansion_months.currency_code,
        expansion_months.acquisition_channel,
        expansion_months.expansion_mrr,
        cast(case
            when month_matches.customer_id is null then 0
            when month_matches.has_deal_without_amount = 1 then expansion_months.expansion_mrr
            when month_matches.matched_deal_mrr > expansion_months.expansion_mrr then expansion_months.expansion_mrr
            else month_matches.matched_deal_mrr
        end as decimal(38, 2)) as sales_expansion_mrr,
        case when month_matches.customer_id is null then 0 else 1 end as has_won_expansion_deal,
        cast(case
            when tier_upgrade_months.upgrade_mrr > expansion_months.expansion_mrr then expansion_months.expansion_mrr
            else coalesce(tier_upgrade_months.upgrade_mrr, 0)
        end as decimal(38, 2)) as tier_upgrade_mrr

    from expansion_months
    left join month_matches
        on
            expansion_months.customer_id = month_matches.customer_id
            and expansion_months.month_start_date = month_matches.month_start_date
    left join tier_upgrade_months
        on
            expansion_months.customer_id = tier_upgrade_months.customer_id
            and expansion_months.month_start_date = tier_upgrade_months.month_start_date

),

expansion_dimensions as (

    {{ unpivot_dimensions('expansion_splits', ['plan_tier', 'customer_segment', 'region', 'currency_code', 'acquisition_channel']) }}

),

aggregated as (

    select
        periods.period_grain,
        periods.period_start,
        expansion_dimensions.dimension,
        expansion_dimensions.dimension_value,
        sum(expansion_dimensions.expansion_mrr) as expansion_mrr,
        sum(expansion_dimensions.sales_expansion_mrr) as sales_expansion_mrr,
        sum(expansion_dimensions.expansion_mrr - expansion_dimensions.sales_expansion_mrr) as self_serve_expansion_mrr,
        sum(expansion_dimensions.tier_upgrade_mrr) as tier_upgrade_mrr,
        sum((1 - expansion_dimensions.has_won_expansion_deal) * expansion_dimensions.tier_upgrade_mrr)
            as self_serve_upsell_mrr

    from expansion_dimensions
    inner join periods
        on expansion_dimensions.month_start_date between periods.period_start and periods.period_last_month_start
    group by
        periods.period_grain,
        periods.period_start,
        expansion_dimensions.dimension,
        expansion_dimensions.dimension_value

),

{{ measures_rows_for_every_period(
    'aggregated',
    'periods',
    ['expansion_mrr', 'sales_expansion_mrr', 'self_serve_expansion_mrr', 'tier_upgrade_mrr', 'self_serve_upsell_mrr'],
    data_types={
        'expansion_mrr': 'decimal(38, 2)',
        'sales_expansion_mrr': 'decimal(38, 2)',
        'self_serve_expansion_mrr': 'decimal(38, 2)',
        'tier_upgrade_mrr': 'decimal(38, 2)',
        'self_serve_upsell_mrr': 'decimal(38, 2)',
    },
) }}
