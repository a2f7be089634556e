{#- Net promoter score: 100 × (promoters − detractors) ÷ respondents among the surveys answered in
    the period (response date), a score from −100 to 100. Promoters score 9-10, detractors 0-6;
    passives (7-8) count only in the denominator; unanswered surveys in neither. -#}

with

measures as (

    select * from {{ ref('measures_nps_answers_aggregated') }}
    where {{ period_grain_in(['month', 'quarter', 'year']) }}

),

final as (

    select
        period_grain,
        period_start,
        dimension,
        dimension_value,
        cast(
            case
                when respondents != 0
                    then {{ round_to_scale('cast(100 * net_promoters as decimal(38, 12)) / respondents', 10) }}
            end as decimal(38, 10)
        ) as value,
        cast(net_promoters as decimal(38, 10)) as numerator,
        cast(respondents as decimal(38, 10)) as denominator

    from measures

)

select * from final
