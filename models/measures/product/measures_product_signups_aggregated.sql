{#- Product signups per signup period (month, quarter, year) and breakdown (signup type and
    source), with their product-led growth outcomes once decided: signups whose PQL window has
    ended and those of them that qualified; signups whose time-to-value window has ended, those
    that reached a key value action within it, and the median days they took; the median days the
    decided PQLs took to qualify. The measures of product_signups, pql_rate, time_to_first_value
    and time_to_pql. Every period has a company row (zeros and a
    null median when nobody signed up); a breakdown value has a row where its users signed up. -#}

with

product_users as (

    select * from {{ ref('fct_product_users') }}

),

reporting_periods as (

    select * from {{ ref('int_reporting_periods_listed') }}
    where {{ period_grain_in(['month', 'quarter', 'year']) }}

),

signups_in_periods as (

    select
        reporting_periods.period_grain,
        reporting_periods.period_start,
        product_users.signup_type,
        product_users.signup_source,
        case when product_users.is_pql_window_ended then 1 else 0 end as is_pql_decided,
        case when product_users.is_pql_window_ended and product_users.is_product_qualified then 1 else 0 end
            as is_decided_pql,
        case when product_users.is_value_window_ended then 1 else 0 end as is_value_decided,
        case
            when product_users.is_value_window_ended and product_users.has_value_within_window then 1 else 0
        end as is_decided_value_reached,
        case
            when product_users.is_value_window_ended and product_users.has_value_within_window
                then product_users.days_to_first_value
        end as decided_days_to_first_value,
        case
            when product_users.is_pql_window_ended then product_users.days_to_qualification
        end as decided_days_to_qualification

    from product_users
    inner join reporting_periods
        on product_users.signup_date between reporting_periods.period_start and reporting_periods.period_last_date

),

signups_by_dimension as (

    {{ unpivot_dimensions('signups_in_periods', ['signup_type', 'signup_source']) }}

),

signup_counts as (

    select
        period_grain,
        period_start,
        dimension,
        dimension_value,
        count(*) as signups,
        sum(is_pql_decided) as pql_decided_signups,
        sum(is_decided_pql) as product_qualified_signups,
        sum(is_value_decided) as value_decided_signups,
        sum(is_decided_value_reached) as value_reached_signups

    from signups_by_dimension
    group by
        period_grain,
        period_start,
        dimension,
        dimension_value

),

value_medians as (

    {{ kpi_median('signups_by_dimension', 'decided_days_to_first_value', 'is_decided_value_reached = 1') }}

),

qualification_medians as (

    {{ kpi_median('signups_by_dimension', 'decided_days_to_qualification', 'is_decided_pql = 1') }}

),

aggregated as (

    select
        signup_counts.*,
        value_medians.median_value as days_to_first_value_median,
        qualification_medians.median_value as days_to_qualification_median

    from signup_counts
    left join value_medians
        on {{ kpi_row_join('signup_counts', 'value_medians') }}
    left join qualification_medians
        on {{ kpi_row_join('signup_counts', 'qualification_medians') }}

),

{{ measures_rows_for_every_period(
    'aggregated',
    'reporting_periods',
    ['signups', 'pql_decided_signups', 'product_qualified_signups', 'value_decided_signups', 'value_reached_signups'],
    statistics=['days_to_first_value_median', 'days_to_qualification_median'],
) }}
