{#- The contract-renewal measures per period and breakdown: quarterly and annual terms that ended
    in the period (by the as-of date) and how many of them renewed; contract_renewal_rate divides
    them. Every period has a company row (zeros when no term ended); breakdown rows exist where
    terms ended. -#}

with

subscription_terms as (

    select * from {{ ref('int_subscription_terms_listed') }}

),

bounds as (

    select * from {{ ref('int_calendar_bounds_computed') }}

),

reporting_periods as (

    select * from {{ ref('int_reporting_periods_listed') }}
    where {{ period_grain_in(['month', 'quarter', 'year']) }}

),

contract_terms as (

    {#- Quarterly and annual terms that ran to their end (a term superseded by a new term of
        the same subscription before its end is not a term that ended) on or before the as-of date.
        A renewal counts only if the next term has started by the as-of date. -#}
    select
        subscription_terms.subscription_id,
        subscription_terms.plan_tier,
        subscription_terms.currency_code,
        case subscription_terms.interval_months
            when 12 then 'annual'
            when 3 then 'quarterly'
        end as billing_interval,
        {{ to_reporting_date('subscription_terms.period_end_at') }} as term_end_date,
        (
            subscription_terms.is_renewed
            and {{ to_reporting_date('subscription_terms.next_term_start_at') }} <= bounds.as_of_date
        ) as is_renewed

    from subscription_terms
    cross join bounds
    where
        subscription_terms.interval_months in (3, 12)
        and not subscription_terms.is_superseded
        and {{ to_reporting_date('subscription_terms.period_end_at') }} <= bounds.as_of_date

),

terms_in_periods as (

    select
        reporting_periods.period_grain,
        reporting_periods.period_start,
        contract_terms.*

    from contract_terms
    inner join reporting_periods
        on contract_terms.term_end_date between reporting_periods.period_start and reporting_periods.period_last_date

),

terms_by_dimension as (

    {{ unpivot_dimensions('terms_in_periods', ['plan_tier', 'currency_code', 'billing_interval']) }}

),

aggregated as (

    select
        period_grain,
        period_start,
        dimension,
        dimension_value,
        sum(case when is_renewed then 1 else 0 end) as renewed_terms,
        count(*) as ended_terms

    from terms_by_dimension
    group by
        period_grain,
        period_start,
        dimension,
        dimension_value

),

{{ measures_rows_for_every_period('aggregated', 'reporting_periods', ['renewed_terms', 'ended_terms']) }}
