{#- dbt's cast on Spark, overriding dbt's default: the type is spelled through contract_type, so
    the varchar (and timestamptz) the contracts of this project declare, which Spark does not know,
    become Spark's string (and timestamp). dbt casts with it when it checks an enforced contract
    (get_empty_schema_sql), so the contracts hold unchanged on Spark. -#}
{% macro spark__cast(field, type) -%}
    cast({{ field }} as {{ revops.contract_type(type) }})
{%- endmacro %}
