{#- The value of var `name`, after checking it is a number in its allowed range: at least
    `minimum`, above `above` (exclusive), at most `maximum`, and whole when `whole_number` (window
    lengths and lags are whole months). A bad value stops compilation with a message naming the
    var, instead of building wrong KPIs. -#}
{% macro checked_var(name, minimum=none, above=none, maximum=none, whole_number=true) -%}
    {%- set value = var(name) -%}
    {%- set is_valid = value is number
        and (minimum is none or value >= minimum)
        and (above is none or value > above)
        and (maximum is none or value <= maximum)
        and (not whole_number or value == value | int) -%}
    {%- if not is_valid -%}
        {%- set bounds = [] -%}
        {%- if minimum is not none %}{% do bounds.append('at least ' ~ minimum) %}{% endif -%}
        {%- if above is not none %}{% do bounds.append('above ' ~ above) %}{% endif -%}
        {%- if maximum is not none %}{% do bounds.append('at most ' ~ maximum) %}{% endif -%}
        {{ exceptions.raise_compiler_error(
            'var ' ~ name ~ ' must be a ' ~ ('whole ' if whole_number else '') ~ 'number '
            ~ bounds | join(' and ') ~ ', got ' ~ value
        ) }}
    {%- endif -%}
    {{ return(value) }}
{%- endmacro %}
