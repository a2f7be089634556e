{#- The marts schema of one state of the warehouse on PostgreSQL: `published` (`marts`, what BI
    reads), `unpublished` (`marts__next`, a build being written and audited) and `previous`
    (`marts__previous`, the build before, kept for a rollback). -#}
{% macro marts_schema(state) %}
    {%- set suffixes = {'published': '', 'unpublished': '__next', 'previous': '__previous'} -%}
    {{ return('marts' ~ suffixes[state]) }}
{% endmacro %}


{#- Write-audit-publish on PostgreSQL; scripts/publish_warehouse.py runs it (make build with
    REVOPS_TARGET=postgres). `action`:
    - `clear`: drops the unpublished marts a killed build left behind;
    - `publish`: in one transaction, moves the published marts to the previous schema (dropping the
      one before) and the unpublished marts, built and tested with var write_audit_publish, to the
      published name;
    - `rollback`: in one transaction, swaps the published and the previous marts.
    Every published mart is locked first, so each reader statement sees one build: a query already
    running on the old marts finishes first, and one that starts during the swap waits for the
    commit (milliseconds), then reads the new marts. The grants of the BI role follow the schema. -#}
{% macro publish_marts(action) %}
    {{ return(adapter.dispatch('publish_marts', 'revops')(action)) }}
{% endmacro %}

{% macro default__publish_marts(action) %}
    {{ exceptions.raise_compiler_error(
        'publish_marts swaps schemas on PostgreSQL; on DuckDB, make build publishes a new file'
        ~ ' (scripts/publish_warehouse.py)'
    ) }}
{% endmacro %}

{% macro postgres__publish_marts(action) %}
    {%- set schemas, exists = {}, {} -%}
    {%- for state in ['published', 'unpublished', 'previous'] -%}
        {%- do schemas.update({state: adapter.quote(marts_schema(state))}) -%}
        {%- do exists.update({state: adapter.check_schema_exists(target.database, marts_schema(state))}) -%}
    {%- endfor -%}
    {%- set statements = [] -%}
    {%- if action in ('publish', 'rollback') and exists.published -%}
        {%- set tables = run_query(
            'select tablename from pg_catalog.pg_tables where schemaname = '
            ~ sql_string_literal(marts_schema('published')) ~ ' order by tablename'
        ).columns[0].values() -%}
        {%- do statements.append("set local lock_timeout = '10min'") -%}
        {%- for table_name in tables -%}
            {%- do statements.append('lock table ' ~ schemas.published ~ '.' ~ adapter.quote(table_name) ~ ' in access exclusive mode') -%}
        {%- endfor -%}
    {%- endif -%}
    {%- if action == 'clear' -%}
        {%- do statements.append('drop schema if exists ' ~ schemas.unpublished ~ ' cascade') -%}
    {%- elif action == 'publish' -%}
        {%- if not exists.unpublished -%}
            {{ exceptions.raise_compiler_error('publish_marts: there are no unpublished marts (schema ' ~ marts_schema('unpublished') ~ '); build them with var write_audit_publish first') }}
        {%- endif -%}
        {%- if exists.published -%}
            {%- do statements.append('drop schema if exists ' ~ schemas.previous ~ ' cascade') -%}
            {%- do statements.append('alter schema ' ~ schemas.published ~ ' rename to ' ~ schemas.previous) -%}
        {%- endif -%}
        {%- do statements.append('alter schema ' ~ schemas.unpublished ~ ' rename to ' ~ schemas.published) -%}
    {%- elif action == 'rollback' -%}
        {%- if not (exists.previous and exists.published) -%}
            {{ exceptions.raise_compiler_error('publish_marts: there is no previous build to roll back to (schema ' ~ marts_schema('previous') ~ ')') }}
        {%- endif -%}
        {%- set swapping = adapter.quote(marts_schema('previous') ~ '__swap') -%}
        {%- do statements.append('alter schema ' ~ schemas.published ~ ' rename to ' ~ swapping) -%}
        {%- do statements.append('alter schema ' ~ schemas.previous ~ ' rename to ' ~ schemas.published) -%}
        {%- do statements.append('alter schema ' ~ swapping ~ ' rename to ' ~ schemas.previous) -%}
    {%- else -%}
        {{ exceptions.raise_compiler_error('publish_marts: action must be clear, publish or rollback, got ' ~ action) }}
    {%- endif -%}
    {%- call statement('publish_marts') -%}
        {{ statements | join(';\n') }}
    {%- endcall -%}
    {%- do adapter.commit() -%}
    {{ log('publish_marts ' ~ action ~ ': done', info=true) }}
{% endmacro %}
