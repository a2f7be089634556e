{#- Canonical form of a hand-typed or exported enum value: trimmed, lower case, snake_case
    ('Closed Won' -> 'closed_won', ' Mid-Market' -> 'mid_market', 'R&D' -> 'r_and_d'). -#}
{% macro normalize_enum(column) -%}
    replace(replace(replace(lower(trim({{ column }})), '&', '_and_'), '-', '_'), ' ', '_')
{%- endmacro %}
