{#- Implementation rate by count (seed 001's plain formula): initiatives implemented within their
    planned quarter ÷ initiatives planned for it, decided quarters only. -#}
{{ kpi_from_measures(
    'measures_initiative_plans_aggregated',
    numerator='implemented_initiatives',
    denominator='planned_initiatives',
    period_grains=['quarter', 'year']
) }}
