{#- The won referrals per period of their close (month, quarter, year of the won opportunity's
    close date) and breakdown (referral programme), with their summed days from the referral to
    the close: the measures of referral_to_close_days. Every period has a company row (zeros when
    no referral closed); a programme has a row where its referrals closed. -#}

with

referrals as (

    select * from {{ ref('fct_referrals') }}
    where is_won

),

reporting_periods as (

    select * from {{ ref('int_reporting_periods_listed') }}
    where {{ period_grain_in(['month', 'quarter', 'year']) }}

),

referrals_in_periods as (

    select
        reporting_periods.period_grain,
        reporting_periods.period_start,
        referrals.referral_program,
        referrals.days_to_close

    from referrals
    inner join reporting_periods
        on referrals.opportunity_won_date between reporting_periods.period_start and reporting_periods.period_last_date

),

referrals_by_dimension as (

    {{ unpivot_dimensions('referrals_in_periods', ['referral_program']) }}

),

aggregated as (

    select
        period_grain,
        period_start,
        dimension,
        dimension_value,
        count(*) as won_referrals,
        sum(days_to_close) as days_to_close_total

    from referrals_by_dimension
    group by
        period_grain,
        period_start,
        dimension,
        dimension_value

),

{{ measures_rows_for_every_period('aggregated', 'reporting_periods', ['won_referrals', 'days_to_close_total']) }}
