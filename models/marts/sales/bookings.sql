{#- Bookings: won new-business and expansion amounts (ACV, reporting currency) by close period. -#}
{{ kpi_from_measures('measures_bookings_aggregated', value='booked_amount') }}
