{#- Each customer paying (fct_customer_mrr_monthly.is_paying) in at least one month of a reporting
    period, once per period: period_grain, period_start, period_last_date, customer_id. -#}
{% macro paying_customers_in_periods(customer_months, reporting_periods) -%}
    select distinct
        {{ reporting_periods }}.period_grain,
        {{ reporting_periods }}.period_start,
        {{ reporting_periods }}.period_last_date,
        {{ customer_months }}.customer_id

    from {{ customer_months }}
    inner join {{ reporting_periods }}
        on {{ customer_months }}.month_start_date between {{ reporting_periods }}.period_start and {{ reporting_periods }}.period_last_date
    where {{ customer_months }}.is_paying
{%- endmacro %}
