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


{#- The value of var `name` after checking it is null (unset) or a real calendar date written
    YYYY-MM-DD: the string "2025-06-30", or the same date left unquoted in YAML, which YAML reads as
    a date. Returns none or the canonical 'YYYY-MM-DD' string, which `sql_date_literal` turns into
    SQL. Anything else (another format, 2025-02-30, text with quotes) stops compilation with a
    message naming the var and the value, so no var text ever reaches SQL unchecked. -#}
{% macro checked_date_var(name) -%}
    {%- set value = var(name) -%}
    {%- if value is none -%}
        {{ return(none) }}
    {%- endif -%}
    {%- set date_text = value | string -%}
    {%- if not is_iso_date(date_text) -%}
        {{ exceptions.raise_compiler_error(
            'var ' ~ name ~ ' must be null or a real calendar date written YYYY-MM-DD (e.g. "2025-06-30"), got '
            ~ "'" ~ date_text ~ "'"
        ) }}
    {%- endif -%}
    {{ return(date_text) }}
{%- endmacro %}


{#- True when `value` is a string of exactly four, two and two ASCII digits joined by hyphens that
    names a day that exists (month 1 to 12, day within the month, 29 February in leap years only).
    The one date-format rule, used by `checked_date_var` and `sql_date_literal`. -#}
{% macro is_iso_date(value) -%}
    {%- if value is not string or modules.re.fullmatch('[0-9]{4}-[0-9]{2}-[0-9]{2}', value) is none -%}
        {{ return(false) }}
    {%- endif -%}
    {%- set year = value[0:4] | int -%}
    {%- set month = value[5:7] | int -%}
    {%- set day = value[8:10] | int -%}
    {%- set is_leap_year = year % 4 == 0 and (year % 100 != 0 or year % 400 == 0) -%}
    {%- set month_lengths = [31, 29 if is_leap_year else 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] -%}
    {{ return(year >= 1 and month >= 1 and month <= 12 and day >= 1 and day <= month_lengths[month - 1]) }}
{%- endmacro %}


{#- The value of var `name` after checking it is true or false (a YAML boolean); anything else
    stops compilation naming the var. -#}
{% macro checked_bool_var(name) -%}
    {%- set value = var(name) -%}
    {%- if value is not boolean -%}
        {{ exceptions.raise_compiler_error('var ' ~ name ~ ' must be true or false, got ' ~ value) }}
    {%- endif -%}
    {{ return(value) }}
{%- endmacro %}


{#- The value of var `name` after checking it is a string matching `pattern` in full (a regular
    expression), e.g. a currency code or a time zone name; else compilation stops with a message
    naming the var, the value and `example`. Quote the result with `sql_string_literal`. -#}
{% macro checked_string_var(name, pattern, example) -%}
    {%- set value = var(name) -%}
    {%- if value is not string or modules.re.fullmatch(pattern, value) is none -%}
        {{ exceptions.raise_compiler_error('var ' ~ name ~ ' must be written like ' ~ example ~ ', got ' ~ value) }}
    {%- endif -%}
    {{ return(value) }}
{%- endmacro %}


{#- Checks the vars that name schemas (raw_schema_prefix, salesforce_schema, stripe_schema,
    zendesk_schema) or a role (bi_reader_role): the sources YAML pastes the schema names into
    relation names, where no macro can run, and dbt's grants config pastes the role into GRANT
    statements unquoted, so they are checked before any SQL does, by the on-run-start hook and by
    load_raw_data. A name is letters, digits and underscores (at most 63, PostgreSQL's limit),
    starting with a letter or underscore; the prefix may also be empty, a role is lower case. -#}
{% macro check_name_vars() -%}
    {%- do checked_string_var('raw_schema_prefix', '([A-Za-z_][A-Za-z0-9_]{0,40})?', 'raw_') -%}
    {%- for name in ['salesforce_schema', 'stripe_schema', 'zendesk_schema'] if var(name) is not none -%}
        {%- do checked_string_var(name, '[A-Za-z_][A-Za-z0-9_]{0,62}', 'salesforce') -%}
    {%- endfor -%}
    {%- if var('bi_reader_role') is not none -%}
        {%- do checked_string_var('bi_reader_role', '[a-z_][a-z0-9_]{0,62}', 'revops_reader') -%}
    {%- endif -%}
{%- endmacro %}


{#- The value of dict var `name` after checking it maps exactly the names `keys` to numbers
    between `minimum` and `maximum`, and, when `total` is given, that they sum to it (within 1e-6).
    Used for the weights and points of the rule-based scores; a bad value stops compilation with a
    message naming the var, the expected keys and the value. -#}
{% macro checked_mapping_var(name, keys, minimum=0, maximum=none, total=none) -%}
    {%- set value = var(name) -%}
    {%- if value is not mapping or value.keys() | list | sort != keys | list | sort -%}
        {{ exceptions.raise_compiler_error(
            'var ' ~ name ~ ' must map exactly these names to numbers: ' ~ keys | join(', ') ~ '; got ' ~ value
        ) }}
    {%- endif -%}
    {%- for key in keys -%}
        {%- set number = value[key] -%}
        {%- if number is not number or number < minimum or (maximum is not none and number > maximum) -%}
            {{ exceptions.raise_compiler_error(
                'var ' ~ name ~ ': the value of ' ~ key ~ ' must be a number at least ' ~ minimum
                ~ (' and at most ' ~ maximum if maximum is not none else '') ~ ', got ' ~ number
            ) }}
        {%- endif -%}
    {%- endfor -%}
    {%- if total is not none and ((value.values() | sum) - total) | abs > 0.000001 -%}
        {{ exceptions.raise_compiler_error(
            'var ' ~ name ~ ': the values must sum to ' ~ total ~ ', got ' ~ value.values() | sum
        ) }}
    {%- endif -%}
    {{ return(value) }}
{%- endmacro %}


{#- The value of var `name` after checking it is a non-empty list of strings each matching
    `pattern` in full (web channels, URL paths, utm mediums); anything else stops compilation
    naming the var. Returns the list; `sql_string_list` turns it into SQL. -#}
{% macro checked_string_list_var(name, pattern, example) -%}
    {%- set values = var(name) -%}
    {%- set is_list = values is iterable and values is not string and values is not mapping and values | length > 0 -%}
    {%- set bad_values = [] -%}
    {%- for value in (values if is_list else []) if value is not string or modules.re.fullmatch(pattern, value) is none -%}
        {%- do bad_values.append(value) -%}
    {%- endfor -%}
    {%- if not is_list or bad_values -%}
        {{ exceptions.raise_compiler_error('var ' ~ name ~ ' must be a non-empty list of values written like ' ~ example ~ ', got ' ~ values) }}
    {%- endif -%}
    {{ return(values) }}
{%- endmacro %}


{#- A list of values as the items of a SQL `in (...)` list: string literals (sql_string_literal)
    joined by commas. -#}
{% macro sql_string_list(values) -%}
    {%- for value in values -%}
        {{ sql_string_literal(value) }}{{ ', ' if not loop.last }}
    {%- endfor -%}
{%- endmacro %}
