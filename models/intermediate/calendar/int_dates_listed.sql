{#- One row per calendar day: the one calendar every model uses (dim_date serves it to BI). Built
    only with dbt's cross-database macros, so it is the same on every engine. -#}
{%- set fiscal_start_month = checked_var('fiscal_year_start_month', minimum=1, maximum=12) -%}
{%- set biweekly_anchor = sql_date_literal(checked_date_var('biweekly_anchor_date')) -%}

with

bounds as (

    select * from {{ ref('int_calendar_bounds_computed') }}

),

day_numbers as (

    {{ dbt.generate_series(40000) }}

),

days as (

    select cast({{ dbt.dateadd('day', 'day_numbers.generated_number - 1', 'bounds.calendar_start_date') }} as date) as date_day
    from day_numbers
    cross join bounds
    where
        day_numbers.generated_number - 1
        <= {{ dbt.datediff('bounds.calendar_start_date', 'bounds.calendar_end_date', 'day') }}

),

truncated as (

    select
        date_day,
        cast({{ dbt.date_trunc('week', 'date_day') }} as date) as week_start_date,
        cast({{ dbt.date_trunc('month', 'date_day') }} as date) as month_start_date,
        cast({{ dbt.date_trunc('quarter', 'date_day') }} as date) as quarter_start_date,
        cast({{ dbt.date_trunc('year', 'date_day') }} as date) as year_start_date,
        cast(extract(month from date_day) as {{ dbt.type_int() }}) as month_of_year

    from days

),

enriched as (

    select
        *,
        -- ISO 8601: the week belongs to the year of its Thursday.
        cast({{ dbt.dateadd('day', 3, 'week_start_date') }} as date) as week_thursday_date,
        -- Months since the fiscal year began (0 to 11).
        mod(month_of_year - {{ fiscal_start_month }} + 12, 12) as fiscal_month_index,
        -- Two-week periods count from a fixed Monday, so they never depend on the data.
        cast(floor(
            {{ divided(dbt.datediff(biweekly_anchor, 'week_start_date', 'day'), 14) }}
        ) as {{ dbt.type_int() }}) as biweek_number

    from truncated

),

final as (

    select
        -- day
        date_day,
        cast({{ dbt.datediff('week_start_date', 'date_day', 'day') }} + 1 as {{ dbt.type_int() }}) as day_of_week,
        {{ dbt.datediff('week_start_date', 'date_day', 'day') }} >= 5 as is_weekend,

        -- ISO week (starts Monday)
        week_start_date,
        cast({{ dbt.dateadd('day', 6, 'week_start_date') }} as date) as week_end_date,
        cast(extract(year from week_thursday_date) as {{ dbt.type_int() }}) as iso_year,
        cast(floor(
            {{ divided(dbt.datediff(dbt.date_trunc('year', 'week_thursday_date'), 'week_thursday_date', 'day'), 7) }}
        ) as {{ dbt.type_int() }}) + 1 as iso_week,

        -- bi-weekly period
        cast(
            {{ dbt.dateadd('day', '14 * biweek_number', biweekly_anchor) }}
            as date
        ) as biweek_start_date,

        -- month
        month_start_date,
        cast({{ dbt.dateadd('day', -1, dbt.dateadd('month', 1, 'month_start_date')) }} as date) as month_end_date,
        month_of_year,
        cast(
            {{ dbt.datediff('month_start_date', dbt.dateadd('month', 1, 'month_start_date'), 'day') }}
            as {{ dbt.type_int() }}
        ) as days_in_month,

        -- quarter and year
        quarter_start_date,
        cast(floor({{ divided('month_of_year - 1', 3) }}) as {{ dbt.type_int() }}) + 1 as quarter_of_year,
        cast(extract(year from date_day) as {{ dbt.type_int() }}) as calendar_year,
        year_start_date,

        -- fiscal year (named after the calendar year it ends in) and quarter
        cast(
            extract(year from {{ dbt.dateadd('month', '11 - fiscal_month_index', 'month_start_date') }})
            as {{ dbt.type_int() }}
        ) as fiscal_year,
        cast(floor({{ divided('fiscal_month_index', 3) }}) as {{ dbt.type_int() }}) + 1 as fiscal_quarter,
        cast({{ dbt.dateadd('month', '-1 * fiscal_month_index', 'month_start_date') }} as date) as fiscal_year_start_date,
        cast(
            {{ dbt.dateadd('month', '-1 * mod(fiscal_month_index, 3)', 'month_start_date') }} as date
        ) as fiscal_quarter_start_date

    from enriched

)

select * from final
