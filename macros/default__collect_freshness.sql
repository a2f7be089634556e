{#- dbt's source freshness query, overridden to measure it as of the data: with var as_of_date set
    (a snapshot such as the demo data, or a rebuild of a past day), a table's newest _loaded_at is
    compared with the end of that day (UTC) instead of the clock; without it, with the clock, which
    is what tells a live deployment that an export stopped arriving. -#}
{% macro default__collect_freshness(source, loaded_at_field, filter) %}
    {%- set as_of_date = checked_date_var('as_of_date') -%}
    {%- call statement('collect_freshness', fetch_result=True, auto_begin=False) -%}
        select
            max({{ loaded_at_field }}) as max_loaded_at,
            {% if as_of_date is none -%}
                {{ current_timestamp() }}
            {%- else -%}
                cast({{ dbt.dateadd('day', 1, sql_date_literal(as_of_date)) }} as {{ dbt.type_timestamp() }})
            {%- endif %} as snapshotted_at
        from {{ source }}
        {%- if filter %}
            where {{ filter }}
        {%- endif %}
    {%- endcall -%}
    {{ return(load_result('collect_freshness')) }}
{% endmacro %}
