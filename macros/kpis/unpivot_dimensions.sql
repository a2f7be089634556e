{#- Repeats every row of `relation` once per KPI dimension: `dimension = 'all'` (the company
    total, `dimension_value = 'all'`) and one row per column named in `dimensions`, whose value
    becomes `dimension_value` ('unassigned' when null). Grouping the result by
    (dimension, dimension_value) gives a KPI for the company and for each breakdown in one query. -#}
{% macro unpivot_dimensions(relation, dimensions) -%}
    select
        {{ relation }}.*,
        kpi_dimensions.dimension,
        case kpi_dimensions.dimension
            {%- for dimension in dimensions %}
                when '{{ dimension }}' then coalesce(cast({{ relation }}.{{ dimension }} as {{ dbt.type_string() }}), 'unassigned')
            {%- endfor %}
            else 'all'
        end as dimension_value
    from {{ relation }}
    cross join (
        select 'all' as dimension
        {%- for dimension in dimensions %}
            union all
            select '{{ dimension }}' as dimension
        {%- endfor %}
    ) as kpi_dimensions
{%- endmacro %}
