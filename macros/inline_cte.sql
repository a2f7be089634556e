{#- What goes between a CTE's `as` and its parenthesis so that the engine plans the CTE inside each
    query that reads it, with the statistics of the tables beneath: `not materialized` on
    PostgreSQL, nothing elsewhere. PostgreSQL computes a CTE read more than once a single time and
    knows nothing of its columns, so a join of two such CTEs is estimated blind (at ten times the
    demo data int_customer_identifiers_mapped was planned for 9.8 billion rows and returned 65
    thousand; at a hundred times it ran for more than ten minutes). DuckDB and Spark plan a CTE
    from its parents whether or not they share its result. -#}
{% macro inline_cte() -%}
    {{ return(adapter.dispatch('inline_cte', 'revops')()) }}
{%- endmacro %}

{% macro default__inline_cte() -%}
{%- endmacro %}

{% macro postgres__inline_cte() -%}
    not materialized
{%- endmacro %}
