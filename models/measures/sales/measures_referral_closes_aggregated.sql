{#- The measures of `referral_win_rate`, per period of the close (month, quarter, year of the
    opportunity's close date) and breakdown (referral programme): the closed and the won
    new-business opportunities that referrals created (`fct_referrals` joined to
    `fct_opportunities`), each opportunity once per row even when referred twice. Every period has
    a company row (zeros when no referred opportunity closed); a programme has a row where its
    referred opportunities closed. -#}

with

referrals as (

    select * from {{ ref('fct_referrals') }}
    where opportunity_id is not null

),

opportunities as (

    select * from {{ ref('fct_opportunities') }}

),

reporting_periods as (

    select * from {{ ref('int_reporting_periods_listed') }}
    where {{ period_grain_in(['month', 'quarter', 'year']) }}

),

referred_closes as (

    {#- As win_rate counts: closed new-business opportunities, won or lost. -#}
    select
        referrals.referral_program,
        opportunities.opportunity_id,
        opportunities.close_date,
        opportunities.is_won

    from referrals
    inner join opportunities
        on referrals.opportunity_id = opportunities.opportunity_id
    where
        opportunities.is_closed
        and opportunities.opportunity_type = 'new_business'

),

closes_in_periods as (

    select
        reporting_periods.period_grain,
        reporting_periods.period_start,
        referred_closes.*

    from referred_closes
    inner join reporting_periods
        on referred_closes.close_date between reporting_periods.period_start and reporting_periods.period_last_date

),

closes_by_dimension as (

    {{ unpivot_dimensions('closes_in_periods', ['referral_program']) }}

),

aggregated as (

    select
        period_grain,
        period_start,
        dimension,
        dimension_value,
        count(distinct opportunity_id) as closed_referred_opportunities,
        count(distinct case when is_won then opportunity_id end) as won_referred_opportunities

    from closes_by_dimension
    group by
        period_grain,
        period_start,
        dimension,
        dimension_value

),

{{ measures_rows_for_every_period('aggregated', 'reporting_periods', ['closed_referred_opportunities', 'won_referred_opportunities']) }}
