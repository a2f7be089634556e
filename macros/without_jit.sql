{#- A pre-hook statement that switches off PostgreSQL's JIT compilation for the rest of the model's
    transaction, or '' elsewhere. PostgreSQL compiles a query's expressions to machine code when its
    estimated cost is high, and each parallel worker compiles them again: for audit_raw_row_fates,
    one query with a row check per column of every raw table, the compilation cost more than the
    query (at ten times the demo data 49 s of 65 s; at a hundred times the model took 256 s with
    JIT and 159 s without). For models of ordinary size JIT pays its way, so it stays on there. -#}
{% macro without_jit() -%}
    {{ return(adapter.dispatch('without_jit', 'revops')()) }}
{%- endmacro %}

{% macro default__without_jit() -%}
{%- endmacro %}

{% macro postgres__without_jit() -%}
    set local jit = off
{%- endmacro %}
