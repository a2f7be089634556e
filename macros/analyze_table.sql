{#- The statement that refreshes the planner statistics of a table just written, or '' where the
    engine needs none. PostgreSQL plans each query from pg_statistic, which autovacuum fills only
    minutes after a table appears: a model built on a parent without statistics may get a nested
    loop over a hundred thousand rows (int_customer_currency_months_snapshotted took 709 s at scale
    10 instead of 1 s). DuckDB keeps its statistics as it writes; Spark plans at run time from
    what each stage produced (adaptive query execution). -#}
{% macro analyze_table(relation) -%}
    {{ return(adapter.dispatch('analyze_table', 'revops')(relation)) }}
{%- endmacro %}

{% macro default__analyze_table(relation) -%}
{%- endmacro %}

{% macro postgres__analyze_table(relation) -%}
    analyze {{ relation }}
{%- endmacro %}
