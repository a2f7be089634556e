{#- Fails for every non-null value outside [min_value, max_value] (either bound optional;
    inclusive unless inclusive=false). -#}
{% test accepted_range(model, column_name, min_value=none, max_value=none, inclusive=true) %}
    {%- set lower_operator = '<' if inclusive else '<=' -%}
    {%- set upper_operator = '>' if inclusive else '>=' -%}
    select {{ column_name }}
    from {{ model }}
    where {{ column_name }} is not null
        and (
            false
            {%- if min_value is not none %}
                or {{ column_name }} {{ lower_operator }} {{ min_value }}
            {%- endif %}
            {%- if max_value is not none %}
                or {{ column_name }} {{ upper_operator }} {{ max_value }}
            {%- endif %}
        )
{% endtest %}
