{#- Raw-to-staging reconciliation: one row per raw table. Every raw table of the sources YAML must
    be listed (the singular test assert_every_raw_table_is_audited checks it). -#}
{%- set staged_tables = [
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
    ('crm', 'leads'),
    ('crm', 'opportunities'),
    ('crm', 'opportunity_history'),
    ('crm', 'opportunity_stages'),
    ('crm', 'quotas'),
    ('crm', 'users'),
    ('product', 'tracks'),
    ('product', 'users'),
    ('revops', 'fx_rates'),
    ('revops', 'gl_expenses'),
    ('revops', 'initiatives'),
    ('revops', 'kpi_targets'),
    ('revops', 'tool_adoption'),
    ('support', 'agents'),
    ('support', 'nps_responses'),
    ('support', 'satisfaction_ratings'),
    ('support', 'ticket_events'),
    ('support', 'tickets'),
] -%}

with

reconciled as (

    {% for source_name, table_name in staged_tables %}
        {{ audit_staged_rows(source_name, table_name) }}
        {% if not loop.last %}union all{% endif %}
    {% endfor %}

),

final as (

    select
        source_name,
        table_name,
        staging_model,
        raw_rows,
        superseded_rows,
        soft_deleted_rows,
        staged_rows,
        raw_rows - superseded_rows - soft_deleted_rows - staged_rows as unexplained_rows

    from reconciled

)

select * from final
