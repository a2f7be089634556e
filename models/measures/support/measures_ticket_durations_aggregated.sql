{#- The ticket duration measures the response and resolution time KPIs are computed from, per
    period (month, quarter, year) and breakdown: first responses by the period of the ticket's
    creation date, final solves by the period of the final solve date (reporting timezone), each
    with its count, summed hours, median and 90th percentile, and the summed business hours of the
    tickets measured against the support schedule. Every period has a company row (counts and sums
    0, medians and percentiles null when nothing was measured); breakdown rows exist where tickets
    were measured. One place for which tickets count; the KPI models only name and divide these
    columns. -#}

with

tickets as (

    select * from {{ ref('fct_tickets') }}

),

periods as (

    select * from {{ ref('int_reporting_periods_listed') }}
    where {{ period_grain_in(['month', 'quarter', 'year']) }}

),

ticket_durations as (

    {#- One row per measured duration: the first response of a replied ticket, dated by its
        creation; the resolution of a finally solved ticket, dated by its final solve. Tickets
        without a public agent reply or without a final solve have no row of that kind. -#}
    select
        ticket_id,
        channel,
        priority,
        agent_team,
        customer_segment,
        plan_tier,
        'first_response' as duration_kind,
        created_date as measured_date,
        first_response_hours as duration_hours,
        first_response_business_hours as business_hours
    from tickets
    where first_response_hours is not null

    union all

    select
        ticket_id,
        channel,
        priority,
        agent_team,
        customer_segment,
        plan_tier,
        'resolution' as duration_kind,
        final_solved_date as measured_date,
        resolution_hours as duration_hours,
        resolution_business_hours as business_hours
    from tickets
    where resolution_hours is not null

),

durations_in_periods as (

    select
        periods.period_grain,
        periods.period_start,
        ticket_durations.*

    from ticket_durations
    inner join periods
        on ticket_durations.measured_date between periods.period_start and periods.period_last_date

),

durations_by_dimension as (

    {{ unpivot_dimensions('durations_in_periods', ['channel', 'priority', 'agent_team', 'customer_segment', 'plan_tier']) }}

),

period_sums as (

    select
        period_grain,
        period_start,
        dimension,
        dimension_value,
        sum(case when duration_kind = 'first_response' then 1 else 0 end) as responded_tickets,
        cast(
            coalesce(sum(case when duration_kind = 'first_response' then duration_hours end), 0) as decimal(38, 6)
        ) as first_response_hours_total,
        -- business hours exist only where a support schedule is loaded: counted on their own
        count(case when duration_kind = 'first_response' then business_hours end) as business_responded_tickets,
        cast(
            coalesce(sum(case when duration_kind = 'first_response' then business_hours end), 0) as decimal(38, 6)
        ) as first_response_business_hours_total,
        sum(case when duration_kind = 'resolution' then 1 else 0 end) as resolved_tickets,
        cast(
            coalesce(sum(case when duration_kind = 'resolution' then duration_hours end), 0) as decimal(38, 6)
        ) as resolution_hours_total,
        -- business hours exist only where a support schedule is loaded: counted on their own
        count(case when duration_kind = 'resolution' then business_hours end) as business_resolved_tickets,
        cast(
            coalesce(sum(case when duration_kind = 'resolution' then business_hours end), 0) as decimal(38, 6)
        ) as resolution_business_hours_total

    from durations_by_dimension
    group by
        period_grain,
        period_start,
        dimension,
        dimension_value

),

first_response_medians as (

    {{ kpi_percentile('durations_by_dimension', 'duration_hours', 0.5, "duration_kind = 'first_response'") }}

),

first_response_p90s as (

    {{ kpi_percentile('durations_by_dimension', 'duration_hours', 0.9, "duration_kind = 'first_response'") }}

),

resolution_medians as (

    {{ kpi_percentile('durations_by_dimension', 'duration_hours', 0.5, "duration_kind = 'resolution'") }}

),

resolution_p90s as (

    {{ kpi_percentile('durations_by_dimension', 'duration_hours', 0.9, "duration_kind = 'resolution'") }}

),

aggregated as (

    select
        period_sums.period_grain,
        period_sums.period_start,
        period_sums.dimension,
        period_sums.dimension_value,
        period_sums.responded_tickets,
        period_sums.first_response_hours_total,
        period_sums.business_responded_tickets,
        period_sums.first_response_business_hours_total,
        cast(first_response_medians.percentile_value as decimal(38, 6)) as first_response_hours_median,
        cast(first_response_p90s.percentile_value as decimal(38, 6)) as first_response_hours_p90,
        period_sums.resolved_tickets,
        period_sums.resolution_hours_total,
        period_sums.business_resolved_tickets,
        period_sums.resolution_business_hours_total,
        cast(resolution_medians.percentile_value as decimal(38, 6)) as resolution_hours_median,
        cast(resolution_p90s.percentile_value as decimal(38, 6)) as resolution_hours_p90

    from period_sums
    left join first_response_medians
        on {{ kpi_row_join('period_sums', 'first_response_medians') }}
    left join first_response_p90s
        on {{ kpi_row_join('period_sums', 'first_response_p90s') }}
    left join resolution_medians
        on {{ kpi_row_join('period_sums', 'resolution_medians') }}
    left join resolution_p90s
        on {{ kpi_row_join('period_sums', 'resolution_p90s') }}

),

{{ measures_rows_for_every_period(
    'aggregated',
    'periods',
    [
        'responded_tickets', 'first_response_hours_total',
        'business_responded_tickets', 'first_response_business_hours_total',
        'resolved_tickets', 'resolution_hours_total',
        'business_resolved_tickets', 'resolution_business_hours_total',
    ],
    statistics=[
        'first_response_hours_median', 'first_response_hours_p90',
        'resolution_hours_median', 'resolution_hours_p90',
    ],
    data_types={
        'first_response_hours_total': 'decimal(38, 6)',
        'first_response_business_hours_total': 'decimal(38, 6)',
        'resolution_hours_total': 'decimal(38, 6)',
        'resolution_business_hours_total': 'decimal(38, 6)',
    },
) }}
