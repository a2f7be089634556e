{#- The two sums a rule-based score is made of, for signals whose columns are named
    <signal><suffix> and hold a value between 0 and 1 or null (the signal is missing):
    `available_signal_weight` sums the weights of the signals present, `weighted_signal_sum` sums
    weight × value over them. The score is 100 × weighted_signal_sum ÷ available_signal_weight, so
    a missing signal's weight is shared by the others; null when no weighted signal is present. -#}
{% macro available_signal_weight(weights, suffix) -%}
    {%- for signal, weight in weights | dictsort -%}
        case when {{ signal }}{{ suffix }} is not null then {{ weight }} else 0 end
        {%- if not loop.last %} + {% endif -%}
    {%- endfor -%}
{%- endmacro %}


{% macro weighted_signal_sum(weights, suffix) -%}
    {%- for signal, weight in weights | dictsort -%}
        coalesce({{ weight }} * {{ signal }}{{ suffix }}, 0)
        {%- if not loop.last %} + {% endif -%}
    {%- endfor -%}
{%- endmacro %}


{#- The 0..100 score, rounded to cents, from the two sums (column names or expressions). -#}
{% macro weighted_score(weighted_sum, available_weight) -%}
    cast(case
        when {{ available_weight }} > 0 then {{ round_to_scale(divided('100 * (' ~ weighted_sum ~ ')', available_weight), 2) }}
    end as decimal(38, 2))
{%- endmacro %}
