{#- The row rules of one model in one set-based test: one scan for the per-row rules and one
    group-by per uniqueness rule, instead of a test node per column and rule (models/DECISIONLOG.md
    "One row test per model"). Returns one row per failing row: row_key (the model's key columns,
    `column=value, ...`) and failed_rules (every rule the row breaks, `column: rule`), or per
    duplicated key; report_failed_row_rules prints up to five of them after the run.

    key: the primary key columns, each not null and together unique.
    not_null: further columns that must not be null.
    unique: further columns or column lists whose values occur in one row only (a null counts as a
        value; rows where all of them are null are left out, so a nullable column may repeat null).
    accepted_values: {column: [values]}; a null passes. Strings are quoted, numbers are not.
    accepted_range: {column: {min_value, max_value, inclusive (default true)}}; a null passes.
    currency_code: columns holding an ISO 4217 shape (three upper-case letters); a null passes.
    expressions: SQL expressions every row must make true (false or null fails), each a string or
        {expression, description}; the description (else the expression) names the failure. -#}
{% test valid_rows(
    model, key=[], not_null=[], unique=[], accepted_values={}, accepted_range={}, currency_code=[],
    expressions=[]
) %}
    {%- set checks = [] -%}
    {%- for column in key + not_null -%}
        {%- do checks.append((column ~ ' is null', column ~ ': not_null')) -%}
    {%- endfor -%}
    {%- for column, values in accepted_values.items() -%}
        {%- set literals = [] -%}
        {%- for value in values -%}
            {%- do literals.append(value if value is number else sql_string_literal(value)) -%}
        {%- endfor -%}
        {%- do checks.append((column ~ ' not in (' ~ literals | join(', ') ~ ')', column ~ ': accepted_values')) -%}
    {%- endfor -%}
    {%- for column, bounds in accepted_range.items() -%}
        {%- set inclusive = bounds.get('inclusive', true) -%}
        {%- set outside = [] -%}
        {%- if bounds.get('min_value') is not none -%}
            {%- do outside.append(column ~ (' < ' if inclusive else ' <= ') ~ bounds['min_value']) -%}
        {%- endif -%}
        {%- if bounds.get('max_value') is not none -%}
            {%- do outside.append(column ~ (' > ' if inclusive else ' >= ') ~ bounds['max_value']) -%}
        {%- endif -%}
        {%- do checks.append((outside | join(' or '), column ~ ': accepted_range')) -%}
    {%- endfor -%}
    {%- for column in currency_code -%}
        {%- do checks.append((
            'not (length(' ~ column ~ ') = 3 and ' ~ column ~ ' = upper(' ~ column ~ ') and '
            ~ column ~ ' != lower(' ~ column ~ '))', column ~ ': currency_code'
        )) -%}
    {%- endfor -%}
    {%- for rule in expressions -%}
        {%- set expression = rule.expression if rule is mapping else rule -%}
        {%- do checks.append((
            'not coalesce(' ~ expression ~ ', false)', rule.get('description', expression) if rule is mapping else expression
        )) -%}
    {%- endfor -%}

    {%- set uniqueness = ([key] if key else []) + unique -%}
    {%- if not checks and not uniqueness -%}
        {{ exceptions.raise_compiler_error('valid_rows on ' ~ model ~ ': no rule given') }}
    {%- endif -%}
    {%- if checks %}
    select
        row_key,
        failed_rules
    from (
        select
            {{ row_key_text(key) }} as row_key,
            concat_ws(
                '; '
                {%- for condition, label in checks %},
                case when {{ condition }} then {{ sql_string_literal(label) }} end
                {%- endfor %}
            ) as failed_rules
        from {{ model }}
    ) as checked_rows
    where failed_rules != ''
    {%- endif %}
    {%- for columns in uniqueness %}
        {%- set columns = [columns] if columns is string else columns %}
        {%- if checks or not loop.first %}

    union all
        {%- endif %}

    select
        {{ row_key_text(columns) }} as row_key,
        {{ sql_string_literal(columns | join(', ') ~ ': unique') }} as failed_rules
    from {{ model }}
    where not ({% for column in columns %}{{ column }} is null{{ ' and ' if not loop.last }}{% endfor %})
    group by {{ columns | join(', ') }}
    having count(*) > 1
    {%- endfor %}
{% endtest %}
