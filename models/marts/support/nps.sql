{#- Net promoter score: 100 × (promoters − detractors) ÷ respondents among the surveys answered in
    the period (response date), a score from −100 to 100. Promoters score 9-10, detractors 0-6;
    passives (7-8) count only in the denominator; unanswered surveys in neither. -#}

with

surveys as (

    select * from {{ ref('int_nps_surveys_mapped') }}
    where has_responded

),

reporting_periods as (

    select * from {{ ref('int_reporting_periods_listed') }}
    where {{ period_grain_in(['month', 'quarter', 'year']) }}

),

responses_in_periods as (

    select
        reporting_periods.period_grain,
        reporting_periods.period_start,
        surveys.customer_segment,
        surveys.responded_plan_tier as plan_tier,
        case
            when surveys.score >= 9 then 1
            when surveys.score <= 6 then -1
            else 0
        end as promoter_balance

    from surveys
    inner join reporting_periods
        on surveys.responded_date between reporting_periods.period_start and reporting_periods.period_last_date

),

responses_by_dimension as (

    {{ unpivot_dimensions('responses_in_periods', ['customer_segment', 'plan_tier']) }}

),

aggregated as (

    select
        period_grain,
        period_start,
        dimension,
        dimension_value,
        sum(promoter_balance) as net_promoters,
        count(*) as respondents

    from responses_by_dimension
    group by
        period_grain,
        period_start,
        dimension,
        dimension_value

),

row_keys as (

    {{ period_row_keys('aggregated', 'reporting_periods') }}

),

final as (

    select
        row_keys.period_grain,
        row_keys.period_start,
        row_keys.dimension,
        row_keys.dimension_value,
        cast(
            case
                when coalesce(aggregated.respondents, 0) != 0
                    then {{ round_to_scale('cast(100 * aggregated.net_promoters as decimal(38, 12)) / aggregated.respondents', 10) }}
            end as decimal(38, 10)
        ) as value,
        cast(coalesce(aggregated.net_promoters, 0) as decimal(38, 10)) as numerator,
        cast(coalesce(aggregated.respondents, 0) as decimal(38, 10)) as denominator

    from row_keys
    left join aggregated
        on {{ kpi_row_join('row_keys', 'aggregated') }}

)

select * from final
