{#- Fails for every value that is not shaped like an ISO 4217 code: three upper-case letters.
    Which currencies occur is a fact of the data, not a rule; that each has FX rates is tested by
    assert_every_currency_has_fx_rates. -#}
{% test iso_currency_code(model, column_name) %}
    select {{ column_name }}
    from {{ model }}
    where {{ column_name }} is not null
        and not (
            length({{ column_name }}) = 3
            and {{ column_name }} = upper({{ column_name }})
            and {{ column_name }} != lower({{ column_name }})
        )
{% endtest %}
