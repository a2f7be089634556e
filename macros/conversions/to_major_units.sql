{#- Converts an integer amount in a currency's minor units (Stripe style) to a decimal amount in
    major units, respecting each currency's ISO 4217 exponent (JPY has none, KWD has three):
    var('currency_minor_unit_exponents') lists the currencies whose exponent is not 2.
    Multiplies by an exact decimal factor, so no floating point is involved. -#}
{% macro to_major_units(amount_column, currency_column) -%}
    {%- set exponents = var('currency_minor_unit_exponents') -%}
    {%- if exponents is not mapping -%}
        {{ exceptions.raise_compiler_error('var currency_minor_unit_exponents must be a mapping of ISO 4217 code to exponent, got ' ~ exponents) }}
    {%- endif -%}
    {%- for currency, exponent in exponents.items() -%}
        {%- if currency is not string or modules.re.fullmatch('[A-Za-z]{3}', currency) is none
            or exponent is not number or exponent not in [0, 1, 2, 3, 4] -%}
            {{ exceptions.raise_compiler_error('var currency_minor_unit_exponents: each key must be a three-letter ISO 4217 code and each value a whole exponent from 0 to 4, got ' ~ currency ~ ': ' ~ exponent) }}
        {%- endif -%}
    {%- endfor -%}
    cast(
        {{ amount_column }} * case upper(trim({{ currency_column }}))
        {%- for currency, exponent in exponents | dictsort %}
            when {{ sql_string_literal(currency | upper) }} then {{ '1' if exponent == 0 else '0.' ~ '0' * (exponent | int - 1) ~ '1' }}
        {%- endfor %}
            else 0.01
        end as {{ dbt.type_numeric() }}
    )
{%- endmacro %}
