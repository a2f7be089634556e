{#- The aggregate `fraction` percentile of `expression` with linear interpolation between the two
    nearest values (percentile_cont semantics: 0.9 of 1..10 is 9.1, 0.5 is the median). The
    ordered-set aggregate of SQL:2003, native on DuckDB and PostgreSQL; Spark 3.3+ spells it the
    same. The values are interpolated as doubles: DuckDB's decimal percentile truncates to the
    input's scale (the 0.9 percentile of 1..10 as decimals is 9.099999), so callers round the double
    (round_to_scale) instead. One place for the percentile rule, so a model never writes it by hand. -#}
{% macro percentile_cont(expression, fraction) -%}
    {%- if fraction is not number or fraction < 0 or fraction > 1 -%}
        {{ exceptions.raise_compiler_error('percentile_cont: fraction must be a number from 0 to 1, got ' ~ fraction) }}
    {%- endif -%}
    {{ return(adapter.dispatch('percentile_cont')(expression, fraction)) }}
{%- endmacro %}

{% macro default__percentile_cont(expression, fraction) -%}
    percentile_cont({{ fraction }}) within group (order by cast({{ expression }} as {{ revops.type_double() }}))
{%- endmacro %}
