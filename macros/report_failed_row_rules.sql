{#- on-run-end: for every valid_rows test that failed or warned, one line per failing row (up to
    five) naming the model, the row's key and the rules it breaks, so a failed build says which
    column of which row without anyone re-running the test's SQL. -#}
{% macro report_failed_row_rules(results) %}
    {%- if not execute -%}
        {{ return('') }}
    {%- endif -%}
    {%- for result in results
        if result.status in ('fail', 'warn') and result.node.resource_type == 'test'
        and (result.node.test_metadata.name if result.node.test_metadata else none) == 'valid_rows' -%}
        {%- set failures = run_query(
            'select row_key, failed_rules from (' ~ result.node.compiled_code ~ ') as failures'
            ~ ' order by row_key, failed_rules limit 5'
        ) -%}
        {%- for row in failures.rows -%}
            {{ log(result.status | upper ~ ' ' ~ result.node.attached_node.split('.')[-1] ~ ' row ' ~ row[0]
                ~ ': ' ~ row[1] ~ (' (first 5 of ' ~ result.failures ~ ')' if loop.last and result.failures > 5 else ''),
                info=true) }}
        {%- endfor -%}
    {%- endfor -%}
    {{ return('') }}
{% endmacro %}
