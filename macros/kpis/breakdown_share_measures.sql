{#- The body of a measures model for a share-of-total KPI: from the measures model `measures`
    (a company row in every period, breakdown rows where they occur), one company row per period
    with each amount column of `amounts` for the whole company and, named
    `<dimension_value>_<amount>`, for the one breakdown value `dimension_value` of `dimension`
    (0 in a period without a row for it: nothing there). Amounts are currency, decimal(38, 2). -#}
{% macro breakdown_share_measures(measures, dimension, dimension_value, amounts) -%}
with

measures as (

    select * from {{ ref(measures) }}

),

company_rows as (

    select * from measures
    where dimension = {{ sql_string_literal('all') }}

),

breakdown_rows as (

    select * from measures
    where
        dimension = {{ sql_string_literal(dimension) }}
        and dimension_value = {{ sql_string_literal(dimension_value) }}

),

final as (

    select
        company_rows.period_grain,
        company_rows.period_start,
        company_rows.dimension,
        company_rows.dimension_value,
        {%- for amount in amounts %}
            cast(company_rows.{{ amount }} as decimal(38, 2)) as {{ amount }},
            cast(coalesce(breakdown_rows.{{ amount }}, 0) as decimal(38, 2)) as {{ dimension_value }}_{{ amount }}{{ ',' if not loop.last }}
        {%- endfor %}

    from company_rows
    left join breakdown_rows
        on
            company_rows.period_grain = breakdown_rows.period_grain
            and company_rows.period_start = breakdown_rows.period_start

)

select * from final
{%- endmacro %}
