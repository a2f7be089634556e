{#- Operating expenses (OPEX, seed 001): the period's GL expenses of every department in the
    reporting currency, by department and expense category; null unless every month of the period
    is booked and every expense has an FX rate. -#}
{{ kpi_from_measures(
    'measures_operating_expenses_aggregated',
    value='case when booked_months = period_months and expenses_without_fx_rate = 0 then operating_expenses end'
) }}
