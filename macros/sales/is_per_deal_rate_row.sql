{#- True for the rows a per-deal rate (win rate, deal size, sales cycle, velocity, stage conversion)
    keeps after unpivot_dimensions: the company total and every breakdown count new business only,
    and expansion deals appear only in their own opportunity_type row (DECISIONLOG, "Pipeline
    leaves renewals out"). The one statement of that rule. -#}
{% macro is_per_deal_rate_row(dimension, opportunity_type) -%}
    {{ dimension }} = 'opportunity_type' or {{ opportunity_type }} = 'new_business'
{%- endmacro %}
