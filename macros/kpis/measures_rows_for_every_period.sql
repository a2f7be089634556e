{#- The last two CTEs of a measures model counted from events: `row_keys` gives the company total a
    row for every period of `periods` and each breakdown value a row in the periods it occurs in;
    `final` carries each of `measures` (counts and sums, columns of `aggregated`) with 0 where the
    period had none, and each of `statistics` (medians, percentiles, averages) as it is, null where
    the period had nothing to compute it over; each cast to its type in `data_types` where one is
    given. Ends with `select * from final`; the KPI model then divides or publishes the columns. -#}
{% macro measures_rows_for_every_period(aggregated, periods, measures, data_types={}, statistics=[]) -%}
row_keys as (

    {{ period_row_keys(aggregated, periods) }}

),

final as (

    select
        row_keys.period_grain,
        row_keys.period_start,
        row_keys.dimension,
        row_keys.dimension_value,
        {%- for column in measures + statistics %}
            {%- set filled = 'coalesce(' ~ aggregated ~ '.' ~ column ~ ', 0)' if column in measures else aggregated ~ '.' ~ column %}
            {% if column in data_types %}cast({{ filled }} as {{ data_types[column] }}){% else %}{{ filled }}{% endif %} as {{ column }}{{ ',' if not loop.last }}
        {%- endfor %}

    from row_keys
    left join {{ aggregated }}
        on {{ kpi_row_join('row_keys', aggregated) }}

)

select * from final
{%- endmacro %}
