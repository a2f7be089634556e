{#- The next-month MRR forecast made at month m for month m + 1, per month and breakdown:
    month-end MRR − month-end MRR × the trailing net revenue churn rate + the trailing monthly
    average of new and reactivated MRR, both over the window of var `forecast_window_months` ending
    at m. Read by predicted_next_month_mrr. -#}
{%- set window_months = checked_var('forecast_window_months', minimum=1) -%}

with

windowed_measures as (

    select * from {{ ref('measures_revenue_windowed') }}
    where window_months = {{ window_months }}

),

predictions as (

    {#- Net revenue churn rate = (churned + contraction − expansion MRR) ÷ opening MRR, summed over
        the window ("retained growth": expansion is carried forward in proportion to MRR like churn
        is); expected new MRR = (new + reactivation MRR) summed over the window ÷ its months (a
        month without a row had none). FX impact is left out: a forecast at constant rates. Null
        until the window is complete and when the window opened with no MRR (no rate). One
        expression, rounded to the cent once; dividends are exact decimal(30, x) so that Spark
        keeps 10 decimals in the quotients. -#}
    select
        month_start_date,
        dimension,
        dimension_value,
        case
            when is_window_complete and trailing_opening_mrr != 0
                then {{ round_to_scale(
                    'closing_mrr - ' ~ divided(
                        'closing_mrr * (trailing_churned_mrr + trailing_contraction_mrr - trailing_expansion_mrr)',
                        'trailing_opening_mrr'
                    ) ~ ' + ' ~ divided('trailing_new_mrr + trailing_reactivation_mrr', window_months),
                    2) }}
        end as predicted_next_month_mrr

    from windowed_measures

),

final as (

    select
        'month' as period_grain,
        month_start_date as period_start,
        dimension,
        dimension_value,
        predicted_next_month_mrr

    from predictions

)

select * from final
