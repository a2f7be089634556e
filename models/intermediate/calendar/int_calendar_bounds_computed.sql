{#- One row: the data's first and as-of dates and the calendar range dim_date spans. The as-of date
    is var('as_of_date') when set, else the latest day with a business event (a record created
    or a product event), never today's date, so a build is deterministic. -#}

with

event_timestamps as (

    {%- set event_columns = [
        ('stg_crm__leads', 'created_at'),
        ('stg_crm__opportunities', 'created_at'),
        ('stg_billing__invoices', 'created_at'),
        ('stg_support__tickets', 'created_at'),
        ('stg_product__tracks', 'occurred_at'),
    ] %}
    {% for model_name, column_name in event_columns %}
        select
            min({{ column_name }}) as first_event_at,
            max({{ column_name }}) as last_event_at
        from {{ ref(model_name) }}
        {% if not loop.last %}union all{% endif %}
    {% endfor %}

),

data_dates as (

    select
        {{ to_reporting_date('min(first_event_at)') }} as first_data_date,
        {%- if var('as_of_date') %}
            cast('{{ var("as_of_date") }}' as date)
        {%- else %}
            {{ to_reporting_date('max(last_event_at)') }}
        {%- endif %} as as_of_date

    from event_timestamps

),

final as (

    select
        first_data_date,
        as_of_date,
        cast({{ dbt.date_trunc('year', 'first_data_date') }} as date) as calendar_start_date,
        cast(
            {{ dbt.dateadd('day', -1, dbt.dateadd('year', 1, dbt.date_trunc('year', 'as_of_date'))) }} as date
        ) as calendar_end_date

    from data_dates

)

select * from final
