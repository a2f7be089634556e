{#- Fails for every row where the SQL expression is not true (false or null). At column level the
    column is only where the test is declared; the expression names what it checks. -#}
{% test expression_is_true(model, expression, column_name=none) %}
    select *
    from {{ model }}
    where not coalesce({{ expression }}, false)
{% endtest %}
