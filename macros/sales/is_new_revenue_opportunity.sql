{#- True for an opportunity that brings new revenue: new business or expansion. Renewals re-sign
    revenue already booked, so no bookings, pipeline, win, cycle, velocity, quota, stage or
    attribution measure counts them (DECISIONLOG, "Bookings are won new-business and expansion
    ACV"). The one statement of that rule. -#}
{% macro is_new_revenue_opportunity(opportunity_type) -%}
    {{ opportunity_type }} in ('new_business', 'expansion')
{%- endmacro %}
