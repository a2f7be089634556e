{#- True for an invoice that bills revenue: paid, open or uncollectible. A void invoice was
    cancelled or replaced by a reissue, a draft is not issued yet; revenue is what was billed,
    collected or not. -#}
{% macro is_issued_invoice(status_column) -%}
    {{ status_column }} not in ('void', 'draft')
{%- endmacro %}
