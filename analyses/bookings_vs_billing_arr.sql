{#- Do CRM bookings show up in billing? Per close month, per year and in total: bookings (won
    new-business and expansion opportunity amounts, annual contract value in the reporting currency
    at the close month's rate; renewals left out) against the new + expansion ARR billing shows for
    the same customers ((new_mrr + expansion_mrr) x 12 from fct_customer_mrr_monthly) from the close
    month to var bookings_billing_window_months (default 2) months after it. Billing usually starts
    in the close month or the next one; a two-month tail catches late invoices without reaching the
    next upsell.
    A customer-month's new + expansion ARR is counted once: it goes to the customer's latest deal
    closed on or before that month whose window covers it (ties: larger amount, then opportunity id),
    so a new-business deal followed by an expansion a month later does not count the same billing
    twice. A deal "shows in billing" when its customer has any new or expansion MRR in its window,
    whoever it was allocated to. Deals without a live customer (no account, or a soft-deleted one)
    cannot match and stay in bookings.
    Differences are expected: bookings are ACV at the close month's rate, billing is MRR net of
    discounts at each line's service month rate; multi-year or ramped deals, deals billed outside
    the window, and discounts all move the ratio. -#}
{%- set window_months = checked_var('bookings_billing_window_months', minimum=0) -%}

with

opportunities as (

    select * from {{ ref('fct_opportunities') }}

),

customer_months as (

    select * from {{ ref('fct_customer_mrr_monthly') }}

),

won_deals as (

    select
        opportunity_id,
        customer_id,
        opportunity_type,
        close_date,
        amount,
        cast({{ dbt.date_trunc('month', 'close_date') }} as date) as close_month_start_date

    from opportunities
    where
        status = 'won'
        and opportunity_type in ('new_business', 'expansion')
        and amount is not null

),

deal_windows as (

    select
        *,
        cast({{ dbt.dateadd('month', window_months, 'close_month_start_date') }} as date) as window_last_month_start_date

    from won_deals

),

billed_growth_months as (

    select
        customer_id,
        month_start_date,
        new_mrr * 12 as new_arr,
        expansion_mrr * 12 as expansion_arr

    from customer_months
    where new_mrr > 0 or expansion_mrr > 0

),

deal_month_matches as (

    select
        deal_windows.opportunity_id,
        billed_growth_months.customer_id,
        billed_growth_months.month_start_date,
        billed_growth_months.new_arr,
        billed_growth_months.expansion_arr,
        row_number() over (
            partition by billed_growth_months.customer_id, billed_growth_months.month_start_date
            order by deal_windows.close_date desc, deal_windows.amount desc, deal_windows.opportunity_id asc
        ) as deal_rank

    from deal_windows
    inner join billed_growth_months
        on
            deal_windows.customer_id = billed_growth_months.customer_id
            and billed_growth_months.month_start_date
            between deal_windows.close_month_start_date and deal_windows.window_last_month_start_date

),

deals_billed as (

    select
        deal_windows.opportunity_id,
        deal_windows.opportunity_type,
        deal_windows.close_month_start_date,
        deal_windows.amount,
        deal_windows.customer_id is not null as has_customer,
        max(case when deal_month_matches.opportunity_id is not null then 1 else 0 end) as shows_in_billing,
        coalesce(sum(case when deal_month_matches.deal_rank = 1 then deal_month_matches.new_arr end), 0)
            as billed_new_arr,
        coalesce(sum(case when deal_month_matches.deal_rank = 1 then deal_month_matches.expansion_arr end), 0)
            as billed_expansion_arr

    from deal_windows
    left join deal_month_matches
        on deal_windows.opportunity_id = deal_month_matches.opportunity_id
    group by
        deal_windows.opportunity_id,
        deal_windows.opportunity_type,
        deal_windows.close_month_start_date,
        deal_windows.amount,
        deal_windows.customer_id

),

deals_by_period as (

    select
        'month' as period_grain,
        deals_billed.close_month_start_date as period_start,
        deals_billed.*
    from deals_billed

    union all

    select
        'year' as period_grain,
        cast({{ dbt.date_trunc('year', 'deals_billed.close_month_start_date') }} as date) as period_start,
        deals_billed.*
    from deals_billed

    union all

    select
        'total' as period_grain,
        cast(null as date) as period_start,
        deals_billed.*
    from deals_billed

),

final as (

    select
        period_grain,
        period_start,
        count(*) as won_deals,
        sum(case when has_customer then 1 else 0 end) as won_deals_with_customer,
        sum(shows_in_billing) as won_deals_showing_in_billing,
        {{ divided('sum(shows_in_billing)', 'count(*)') }} as share_of_deals_showing_in_billing,
        sum(amount) as bookings,
        sum(case when opportunity_type = 'new_business' then amount else 0 end) as new_business_bookings,
        sum(case when opportunity_type = 'expansion' then amount else 0 end) as expansion_bookings,
        sum(billed_new_arr + billed_expansion_arr) as billed_new_and_expansion_arr,
        sum(billed_new_arr) as billed_new_arr,
        sum(billed_expansion_arr) as billed_expansion_arr,
        {{ divided('sum(billed_new_arr + billed_expansion_arr)', 'nullif(sum(amount), 0)') }}
            as billed_to_bookings_ratio,
        {{ divided(
            "sum(case when opportunity_type = 'new_business' then billed_new_arr + billed_expansion_arr else 0 end)",
            "nullif(sum(case when opportunity_type = 'new_business' then amount else 0 end), 0)"
        ) }} as new_business_billed_to_bookings_ratio,
        {{ divided(
            "sum(case when opportunity_type = 'expansion' then billed_new_arr + billed_expansion_arr else 0 end)",
            "nullif(sum(case when opportunity_type = 'expansion' then amount else 0 end), 0)"
        ) }} as expansion_billed_to_bookings_ratio

    from deals_by_period
    group by
        period_grain,
        period_start

)

select * from final
order by
    case period_grain when 'month' then 1 when 'year' then 2 else 3 end,
    period_start
