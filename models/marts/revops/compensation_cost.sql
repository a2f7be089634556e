{#- Compensation cost (seed 001's OPEX part "number of employees x average salary + commissions"):
    the period's planned salaries plus booked commissions in the reporting currency, by department;
    null unless the headcount plan and the ledger cover every month of the period and every amount
    has an FX rate. -#}
{{ kpi_from_measures(
    'measures_compensation_costs_aggregated',
    value='case when planned_months = period_months and booked_months = period_months and amounts_without_fx_rate = 0 then salary_costs + commissions end'
) }}
