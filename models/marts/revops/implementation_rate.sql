{#- Implementation rate (seed 001, weighted): size weight of the initiatives implemented within
    their planned quarter ÷ size weight of the initiatives planned for it, decided quarters only. -#}
{{ kpi_from_measures(
    'measures_initiative_plans_aggregated',
    numerator='implemented_weight',
    denominator='planned_weight',
    period_grains=['quarter', 'year']
) }}
