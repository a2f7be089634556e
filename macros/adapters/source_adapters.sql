{#- The source adapters: for each vendor whose synced tables (Fivetran connector schemas) can stand
    in for part of the raw contract, the var that switches it on and the raw-contract tables it
    provides. An adapter's models are `models/staging/adapters/<vendor>/base_<vendor>__<table>.sql`,
    one per table listed here, each giving exactly the columns of that raw-contract table (sources
    YAML) from the vendor's tables; staging, the quarantine and the audit then read it in place of
    the raw table (`raw_relation`), so nothing downstream knows which shape the data came in.
    The raw-contract tables an adapter does not list (quotas, FX rates, targets, NPS, product
    events) stay in the native contract, loaded from files as before. -#}
{% macro source_adapters() %}
    {{ return({
        'salesforce': {
            'switch': 'using_fivetran_salesforce',
            'raw_tables': [
                ('crm', 'account_history'), ('crm', 'accounts'), ('crm', 'activities'),
                ('crm', 'campaign_members'), ('crm', 'campaigns'), ('crm', 'leads'),
                ('crm', 'opportunities'), ('crm', 'opportunity_history'), ('crm', 'opportunity_stages'),
                ('crm', 'users'),
            ],
        },
        'stripe': {
            'switch': 'using_fivetran_stripe',
            'raw_tables': [
                ('billing', 'customers'), ('billing', 'invoice_line_items'), ('billing', 'invoices'),
                ('billing', 'payments'), ('billing', 'prices'), ('billing', 'subscriptions'),
            ],
        },
        'zendesk': {
            'switch': 'using_fivetran_zendesk',
            'raw_tables': [
                ('support', 'agents'), ('support', 'business_hours'), ('support', 'holidays'),
                ('support', 'satisfaction_ratings'), ('support', 'ticket_events'), ('support', 'tickets'),
            ],
        },
    }) }}
{% endmacro %}


{#- True when the adapter `vendor` is switched on. Its var must be true or false (YAML booleans);
    anything else stops compilation naming the var. -#}
{% macro is_adapter_enabled(vendor) %}
    {{ return(checked_bool_var(source_adapters()[vendor].switch)) }}
{% endmacro %}


{#- The switched-on adapter that provides raw-contract table `source_name.table_name`, or none when
    the table is read in the native contract. -#}
{% macro raw_table_adapter(source_name, table_name) %}
    {%- for vendor, adapter_spec in source_adapters().items() -%}
        {%- if (source_name, table_name) in adapter_spec.raw_tables and is_adapter_enabled(vendor) -%}
            {{ return(vendor) }}
        {%- endif -%}
    {%- endfor -%}
    {{ return(none) }}
{% endmacro %}


{#- The relation holding raw-contract table `source_name.table_name`: the native raw table
    (`source()`), or the adapter model that builds the same columns from a vendor's tables. Every
    reader of raw data goes through here (live_source_rows, raw_row_fates, row checks). -#}
{% macro raw_relation(source_name, table_name) %}
    {%- set vendor = raw_table_adapter(source_name, table_name) -%}
    {%- if vendor -%}
        {{ return(ref('base_' ~ vendor ~ '__' ~ table_name)) }}
    {%- endif -%}
    {{ return(source(source_name, table_name)) }}
{% endmacro %}


{#- True when graph source node `raw_table` belongs to the native raw contract (not a vendor's
    table read by an adapter): what the audit reconciles and the catalogue of raw tables lists. -#}
{% macro is_raw_contract_table(raw_table) %}
    {{ return(raw_table.package_name == project_name and raw_table.source_name not in source_adapters()) }}
{% endmacro %}
