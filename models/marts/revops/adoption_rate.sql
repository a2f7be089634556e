{#- Tool adoption rate (seed 001): monthly active users ÷ licensed seats of the go-to-market tools,
    per tool and pooled over all tools; a quarter or year reports its last month. -#}
{{ kpi_from_measures(
    'measures_tool_adoption_aggregated',
    numerator='active_users',
    denominator='licensed_users'
) }}
