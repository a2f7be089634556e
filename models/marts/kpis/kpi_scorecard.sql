{#- The KPI scorecard: every row of kpi_values with its target, attainment, the prior period and the
    same period a year earlier, and a status that respects the KPI's direction. The current, partial
    period is flagged (status in_progress) and not compared. -#}
{%- set tolerance = checked_var('scorecard_at_risk_tolerance', minimum=0, maximum=1, whole_number=false) %}

with

kpi_values as (

    select * from {{ ref('kpi_values') }}

),

previous_values as (

    {#- The prior period's and the year-earlier values: kpi_values again, each its own import (a
        CTE read once), since PostgreSQL stores a CTE read three times without column statistics
        and then joined the three through a near cross product (minutes at ten times the demo data). -#}
    select * from {{ ref('kpi_values') }}

),

year_earlier_values as (

    select * from {{ ref('kpi_values') }}

),

kpi_catalog as (

    select * from {{ ref('kpi_catalog') }}

),

targets as (

    select * from {{ ref('fct_kpi_targets') }}

),

reporting_periods as (

    select * from {{ ref('int_reporting_periods_listed') }}

),

compared as (

    select
        kpi_values.kpi_id,
        kpi_values.period_grain,
        kpi_values.period_start,
        reporting_periods.period_last_date,
        kpi_values.dimension,
        kpi_values.dimension_value,
        reporting_periods.is_partial as is_partial_period,
        kpi_catalog.review_grain = kpi_values.period_grain as is_review_grain,
        kpi_catalog.label as kpi_label,
        kpi_catalog.focus_area,
        kpi_catalog.unit,
        kpi_catalog.direction,
        kpi_catalog.owner,
        kpi_values.value as actual_value,
        kpi_values.null_reason,
        targets.target_value,
        targets.target_origin,
        previous_values.value as prior_period_value,
        year_earlier_values.value as same_period_last_year_value,
        {#- How far the actual is better (+) or worse (−) than the target, in target units. -#}
        case when kpi_catalog.direction = 'lower' then -1 else 1 end
        * (kpi_values.value - targets.target_value) as gap_to_target

    from kpi_values
    inner join kpi_catalog
        on kpi_values.kpi_id = kpi_catalog.kpi_id
    inner join reporting_periods
        on
            kpi_values.period_grain = reporting_periods.period_grain
            and kpi_values.period_start = reporting_periods.period_start
    left join targets
        on
            kpi_values.kpi_id = targets.kpi_id
            and {{ kpi_row_join('kpi_values', 'targets') }}
    {%- for alias, period_start_column in [
        ('previous_values', 'previous_period_start'), ('year_earlier_values', 'year_earlier_period_start'),
    ] %}
        left join {{ alias }}
            on
                kpi_values.kpi_id = {{ alias }}.kpi_id
                and kpi_values.period_grain = {{ alias }}.period_grain
                and reporting_periods.{{ period_start_column }} = {{ alias }}.period_start
                and kpi_values.dimension = {{ alias }}.dimension
                and kpi_values.dimension_value = {{ alias }}.dimension_value
    {%- endfor %}

),

final as (

    {#- Comparisons only for complete periods; rates are null where their base is zero. -#}
    select
        kpi_id,
        period_grain,
        period_start,
        period_last_date,
        dimension,
        dimension_value,
        is_partial_period,
        is_review_grain,
        kpi_label,
        focus_area,
        unit,
        direction,
        owner,
        actual_value,
        null_reason,
        target_value,
        target_origin,
        {#- Above 1 only when the KPI beats its target: target ÷ actual for a `lower` KPI. -#}
        case
            when direction = 'lower'
                then {{ safe_ratio('case when not is_partial_period then target_value end', 'actual_value') }}
            else {{ safe_ratio('case when not is_partial_period then actual_value end', 'target_value') }}
        end as attainment,
        {{ safe_ratio('case when not is_partial_period then gap_to_target end', 'abs(target_value)') }}
            as performance_vs_target,
        prior_period_value,
        cast(case when not is_partial_period then actual_value - prior_period_value end as decimal(38, 10))
            as change_vs_prior_period,
        {{ safe_ratio('case when not is_partial_period then actual_value - prior_period_value end', 'abs(prior_period_value)') }}
            as change_rate_vs_prior_period,
        same_period_last_year_value,
        cast(case when not is_partial_period then actual_value - same_period_last_year_value end as decimal(38, 10))
            as change_vs_last_year,
        {{ safe_ratio('case when not is_partial_period then actual_value - same_period_last_year_value end', 'abs(same_period_last_year_value)') }}
            as change_rate_vs_last_year,
        case
            when is_partial_period then 'in_progress'
            when target_value is null then 'no_target'
            when actual_value is null then 'no_value'
            when gap_to_target >= 0 then 'on_track'
            when gap_to_target >= -{{ tolerance }} * abs(target_value) then 'at_risk'
            else 'off_track'
        end as status

    from compared

),

typed as (

    {#- Every column cast to the type its contract declares (YAML), the same on every engine. -#}
    select
        cast(kpi_id as {{ dbt.type_string() }}) as kpi_id,
        cast(period_grain as {{ dbt.type_string() }}) as period_grain,
        cast(period_start as date) as period_start,
        cast(period_last_date as date) as period_last_date,
        cast(dimension as {{ dbt.type_string() }}) as dimension,
        cast(dimension_value as {{ dbt.type_string() }}) as dimension_value,
        cast(is_partial_period as {{ dbt.type_boolean() }}) as is_partial_period,
        cast(is_review_grain as {{ dbt.type_boolean() }}) as is_review_grain,
        cast(kpi_label as {{ dbt.type_string() }}) as kpi_label,
        cast(focus_area as {{ dbt.type_string() }}) as focus_area,
        cast(unit as {{ dbt.type_string() }}) as unit,
        cast(direction as {{ dbt.type_string() }}) as direction,
        cast(owner as {{ dbt.type_string() }}) as owner,  -- noqa: RF04
        cast(actual_value as decimal(38, 10)) as actual_value,
        cast(null_reason as {{ dbt.type_string() }}) as null_reason,
        cast(target_value as decimal(38, 10)) as target_value,
        cast(target_origin as {{ dbt.type_string() }}) as target_origin,
        cast(attainment as decimal(38, 10)) as attainment,
        cast(performance_vs_target as decimal(38, 10)) as performance_vs_target,
        cast(prior_period_value as decimal(38, 10)) as prior_period_value,
        cast(change_vs_prior_period as decimal(38, 10)) as change_vs_prior_period,
        cast(change_rate_vs_prior_period as decimal(38, 10)) as change_rate_vs_prior_period,
        cast(same_period_last_year_value as decimal(38, 10)) as same_period_last_year_value,
        cast(change_vs_last_year as decimal(38, 10)) as change_vs_last_year,
        cast(change_rate_vs_last_year as decimal(38, 10)) as change_rate_vs_last_year,
        cast(status as {{ dbt.type_string() }}) as status

    from final

)

select * from typed
