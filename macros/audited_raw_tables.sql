{#- Every raw table the audit reconciles and the quarantine lists, as (source, table) pairs. Kept
    literal (not read from the graph) because the audit ref()s each staging model, which dbt must see
    when it parses; assert_every_raw_table_is_audited fails when a table of the sources YAML is
    missing here. -#}
{% macro audited_raw_tables() %}
    {{ return([
    ('billing', 'cancellation_reasons'),
    ('billing', 'customers'),
    ('billing', 'invoice_line_items'),
    ('billing', 'invoices'),
    ('billing', 'payments'),
    ('billing', 'prices'),
    ('billing', 'subscriptions'),
    ('crm', 'account_history'),
    ('crm', 'accounts'),
    ('crm', 'activities'),
    ('crm', 'campaign_members'),
    ('crm', 'campaigns'),
    ('crm', 'lead_status_history'),
    ('crm', 'leads'),
    ('crm', 'opportunities'),
    ('crm', 'opportunity_history'),
    ('crm', 'opportunity_stages'),
    ('crm', 'qbr_meetings'),
    ('crm', 'quotas'),
    ('crm', 'referrals'),
    ('crm', 'users'),
    ('product', 'pages'),
    ('product', 'tracks'),
    ('product', 'users'),
    ('revops', 'fx_rates'),
    ('revops', 'gl_expenses'),
    ('revops', 'initiatives'),
    ('revops', 'kpi_targets'),
    ('revops', 'tool_adoption'),
    ('support', 'agents'),
    ('support', 'business_hours'),
    ('support', 'holidays'),
    ('support', 'nps_responses'),
    ('support', 'satisfaction_ratings'),
    ('support', 'ticket_events'),
    ('support', 'tickets'),
    ]) }}
{% endmacro %}
