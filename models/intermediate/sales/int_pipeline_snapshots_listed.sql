{#- Open opportunities at every week-end and month-end snapshot, rebuilt from the opportunity
    history (not from the current state): one row per snapshot grain, snapshot date and
    opportunity that was open then, with its stage, amount and probability as of the snapshot. -#}
{{ config(materialized='view') }}

with

opportunity_history as (

    select * from {{ ref('stg_crm__opportunity_history') }}

),

opportunities as (

    select * from {{ ref('stg_crm__opportunities') }}

),

opportunity_stages as (

    select * from {{ ref('stg_crm__opportunity_stages') }}

),

users as (

    select * from {{ ref('stg_crm__users') }}

),

customers as (

    select * from {{ ref('int_customer_attributes_resolved') }}

),

fx_rates as (

    select * from {{ ref('int_fx_rates_listed') }}

),

snapshot_periods as (

    select * from {{ ref('int_reporting_periods_listed') }}
    where {{ period_grain_in(['week', 'month']) }}

),

history_states as (

    {#- Each history row is the opportunity's state from the day of its change (reporting
        timezone) until the day of the next change. Several changes on one day: only the last
        (by timestamp, then history id) is the state at that day's end; the earlier ones get an
        empty validity (valid_until_date = valid_from_date) and match no snapshot. -#}
    select
        opportunity_history.opportunity_id,
        opportunity_history.stage_name,
        opportunity_history.amount,
        opportunity_history.close_date,
        coalesce(opportunity_history.probability, opportunity_stages.default_probability) as probability,
        coalesce(opportunity_stages.is_closed, false) as is_closed_stage,
        {{ to_reporting_date('opportunity_history.changed_at') }} as valid_from_date,
        lead({{ to_reporting_date('opportunity_history.changed_at') }}) over (
            partition by opportunity_history.opportunity_id
            order by opportunity_history.changed_at, opportunity_history.opportunity_history_id
        ) as valid_until_date

    from opportunity_history
    left join opportunity_stages
        on opportunity_history.stage_name = opportunity_stages.stage_name

),

open_states as (

    {#- The state in force at each snapshot date of the opportunities created and not yet deleted by
        then, kept when its stage is not closed. -#}
    select
        snapshot_periods.period_grain as snapshot_grain,
        snapshot_periods.period_start as snapshot_period_start,
        snapshot_periods.period_last_date as snapshot_date,
        snapshot_periods.period_last_month_start as snapshot_month_start_date,
        opportunities.opportunity_id,
        opportunities.account_id,
        opportunities.owner_user_id,
        opportunities.opportunity_type,
        opportunities.currency_code,
        {{ to_reporting_date('opportunities.created_at') }} as created_date,
        history_states.stage_name,
        history_states.amount,
        history_states.probability,
        history_states.close_date

    from snapshot_periods
    inner join history_states
        on
            snapshot_periods.period_last_date >= history_states.valid_from_date
            and (
                history_states.valid_until_date is null
                or snapshot_periods.period_last_date < history_states.valid_until_date
            )
    inner join opportunities
        on history_states.opportunity_id = opportunities.opportunity_id
    where
        not history_states.is_closed_stage
        and {{ to_reporting_date('opportunities.created_at') }} <= snapshot_periods.period_last_date
        -- an opportunity deleted in the CRM leaves the pipeline from its deletion on, never before
        and (
            opportunities.deleted_at is null
            or snapshot_periods.period_last_date < {{ to_reporting_date('opportunities.deleted_at') }}
        )

),

final as (

    select
        -- keys
        open_states.snapshot_grain,
        open_states.snapshot_date,
        open_states.opportunity_id,

        -- ids
        open_states.account_id,
        open_states.owner_user_id,

        -- slices
        open_states.opportunity_type,
        users.team_name as owner_team_name,
        users.region as owner_region,
        customers.segment as customer_segment,

        -- state as of the snapshot
        open_states.stage_name,
        open_states.close_date,
        open_states.currency_code,
        cast(open_states.amount as decimal(38, 2)) as amount,
        cast(fx_rates.rate_to_reporting_currency as decimal(38, 10)) as fx_rate_to_reporting_currency,
        {{ round_to_scale(convert_currency('open_states.amount', 'fx_rates.rate_to_reporting_currency'), 2) }} as amount_reporting_currency,
        cast(open_states.probability as decimal(38, 2)) as probability,
        {#- probability is a percent; × 0.01 keeps the product an exact decimal (no float division) -#}
        {{ round_to_scale(
            convert_currency('open_states.amount', 'fx_rates.rate_to_reporting_currency')
            ~ ' * cast(open_states.probability as decimal(9, 4)) * 0.01', 2
        ) }} as weighted_amount_reporting_currency,

        -- dates
        open_states.snapshot_period_start,
        open_states.created_date

    from open_states
    left join users
        on open_states.owner_user_id = users.user_id
    left join customers
        on open_states.account_id = customers.crm_account_id
    left join fx_rates
        on
            open_states.currency_code = fx_rates.currency_code
            and open_states.snapshot_month_start_date = fx_rates.month_start_date

)

select * from final
