{#- The body of an attribution KPI model: the rows of measures_won_opportunities_attributed where
    `row_filter` holds, in the period of their close date, by `dimensions`, summing
    `amount_column`. `counted_rows` chooses which of a deal's rows count once unpivoted (a touched
    deal has one row per channel: each counts in its channel, only the primary one elsewhere).
    Every period has a company row (0 when nothing was won). -#}
{% macro attributed_revenue_kpi(row_filter, amount_column, dimensions, counted_rows='true') -%}
with

attributed_opportunities as (

    select * from {{ ref('measures_won_opportunities_attributed') }}
    where {{ row_filter }}

),

reporting_periods as (

    select * from {{ ref('int_reporting_periods_listed') }}
    where {{ period_grain_in(['month', 'quarter', 'year']) }}

),

deals_in_periods as (

    select
        reporting_periods.period_grain,
        reporting_periods.period_start,
        attributed_opportunities.*

    from attributed_opportunities
    inner join reporting_periods
        on attributed_opportunities.close_date between reporting_periods.period_start and reporting_periods.period_last_date

),

deals_by_dimension as (

    {{ unpivot_dimensions('deals_in_periods', dimensions) }}

),

aggregated as (

    select
        period_grain,
        period_start,
        dimension,
        dimension_value,
        sum({{ amount_column }}) as attributed_amount

    from deals_by_dimension
    where {{ counted_rows }}
    group by
        period_grain,
        period_start,
        dimension,
        dimension_value

),

{{ kpi_rows_for_every_period('aggregated', 'reporting_periods', value='coalesce(aggregated.attributed_amount, 0)') }}
{%- endmacro %}
