{#- The position of a plan tier on var plan_tier_ladder (1 for the lowest tier), null for a tier
    the ladder does not list. -#}
{% macro plan_tier_rank(plan_tier_column) -%}
    {%- set ladder = checked_string_list_var('plan_tier_ladder', '[a-z0-9_]+', 'starter') -%}
    case {{ plan_tier_column }}
        {%- for tier in ladder %}
            when {{ sql_string_literal(tier) }} then {{ loop.index }}
        {%- endfor %}
    end
{%- endmacro %}
