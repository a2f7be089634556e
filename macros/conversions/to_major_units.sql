{#- Converts an integer amount in a currency's minor units (Stripe style) to a decimal amount in
    major units, respecting each currency's ISO 4217 exponent (JPY has none, KWD has three):
    var('currency_minor_unit_exponents') lists the currencies whose exponent is not 2.
    Multiplies by an exact decimal factor, so no floating point is involved. -#}
{% macro to_major_units(amount_column, currency_column) -%}
    cast(
        {{ amount_column }} * case upper(trim({{ currency_column }}))
        {%- for currency, exponent in var('currency_minor_unit_exponents') | dictsort %}
            when '{{ currency | upper }}' then {{ '1' if exponent == 0 else '0.' ~ '0' * (exponent - 1) ~ '1' }}
        {%- endfor %}
            else 0.01
        end as {{ dbt.type_numeric() }}
    )
{%- endmacro %}
