{#- One row per reporting period (ISO week, bi-week, month, quarter, year, and with a fiscal year not
    starting in January also fiscal quarter and fiscal year: reporting_grains) that has started by the as-of date. Any dated row joins its periods with
    `date_day between period_start and period_end_date`; `period_last_date` stops the current
    period at the as-of date, so no KPI reports days the data has not reached. -#}

with

dates as (

    select * from {{ ref('int_dates_listed') }}

),

bounds as (

    select * from {{ ref('int_calendar_bounds_computed') }}

),

period_starts as (

    {#- A year earlier: 52 weeks for weeks and bi-weeks (the same weekdays), 12 months otherwise. -#}
    {%- set grain_specs = {
        'week': ('week_start_date', 'day', 7, 364),
        'biweek': ('biweek_start_date', 'day', 14, 364),
        'month': ('month_start_date', 'month', 1, 12),
        'quarter': ('quarter_start_date', 'month', 3, 12),
        'year': ('year_start_date', 'month', 12, 12),
        'fiscal_quarter': ('fiscal_quarter_start_date', 'month', 3, 12),
        'fiscal_year': ('fiscal_year_start_date', 'month', 12, 12),
    } %}
    {% for grain in reporting_grains(['week', 'biweek', 'month', 'quarter', 'year']) %}
        {%- set start_column, datepart, length, year_length = grain_specs[grain] %}
        select distinct
            '{{ grain }}' as period_grain,
            {{ start_column }} as period_start,
            cast({{ dbt.dateadd('day', -1, dbt.dateadd(datepart, length, start_column)) }} as date) as period_end_date,
            cast({{ dbt.dateadd(datepart, -length, start_column) }} as date) as previous_period_start,
            cast({{ dbt.dateadd(datepart, -year_length, start_column) }} as date) as year_earlier_period_start
        from dates
        {% if not loop.last %}union all{% endif %}
    {% endfor %}

),

final as (

    select
        period_starts.period_grain,
        period_starts.period_start,
        period_starts.period_end_date,
        period_starts.previous_period_start,
        period_starts.year_earlier_period_start,
        case
            when period_starts.period_end_date < bounds.as_of_date then period_starts.period_end_date
            else bounds.as_of_date
        end as period_last_date,
        cast({{ dbt.date_trunc('month', 'case when period_starts.period_end_date < bounds.as_of_date then period_starts.period_end_date else bounds.as_of_date end') }} as date) as period_last_month_start,
        period_starts.period_end_date > bounds.as_of_date as is_partial

    from period_starts
    cross join bounds
    where period_starts.period_start <= bounds.as_of_date

)

select * from final
