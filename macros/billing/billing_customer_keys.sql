{#- The shared customer key of every billing customer (`billing_customer_id`, `customer_id`), from
    int_customer_identifiers_mapped: the body of an import CTE for models that start from billing
    records and report by customer. -#}
{% macro billing_customer_keys() -%}
    select
        source_record_id as billing_customer_id,
        customer_id
    from {{ ref('int_customer_identifiers_mapped') }}
    where source_system = 'billing_customer'
{%- endmacro %}
