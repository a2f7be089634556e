{#- Fails with one row per currency that amounts are recorded in but revops.fx_rates has no rate
    for, naming the model it occurs in: such amounts could not be converted to the reporting
    currency. -#}
{%- set currency_models = [
    'stg_billing__invoice_line_items',
    'stg_billing__invoices',
    'stg_billing__payments',
    'stg_billing__prices',
    'stg_crm__campaigns',
    'stg_crm__opportunities',
    'stg_crm__quotas',
    'stg_revops__gl_expenses',
] -%}

with

used_currencies as (

    {% for model_name in currency_models %}
        select distinct
            '{{ model_name }}' as model_name,
            currency_code
        from {{ ref(model_name) }}
        where currency_code is not null
        {% if not loop.last %}union all{% endif %}
    {% endfor %}

),

rated_currencies as (

    select distinct currency_code
    from {{ ref('stg_revops__fx_rates') }}

)

select used_currencies.*
from used_currencies
left join rated_currencies
    on used_currencies.currency_code = rated_currencies.currency_code
where rated_currencies.currency_code is null
