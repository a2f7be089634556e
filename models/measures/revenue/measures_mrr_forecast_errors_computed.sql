{#- Per month and breakdown, the month's actual MRR (measures_revenue_aggregated, closing MRR at the
    month-end, or at the as-of date in the current month) beside the forecast made for it a month
    earlier (measures_mrr_forecasts_computed, predicted_next_month_mrr of the month before) and the
    absolute error between them; forecast and error are null where no forecast was made (before
    the forecast window is complete, or when the breakdown had no row the month before). The
    measures of forecast_accuracy. -#}

with

actuals as (

    select * from {{ ref('measures_revenue_aggregated') }}
    where period_grain = 'month'

),

forecasts as (

    select * from {{ ref('measures_mrr_forecasts_computed') }}

),

final as (

    select
        actuals.period_grain,
        actuals.period_start,
        actuals.dimension,
        actuals.dimension_value,
        actuals.closing_mrr as actual_mrr,
        cast(forecasts.predicted_next_month_mrr as decimal(38, 2)) as forecast_mrr,
        cast(abs(actuals.closing_mrr - forecasts.predicted_next_month_mrr) as decimal(38, 2))
            as absolute_forecast_error

    from actuals
    left join forecasts
        on
            actuals.dimension = forecasts.dimension
            and actuals.dimension_value = forecasts.dimension_value
            and forecasts.period_start = cast({{ dbt.dateadd('month', -1, 'actuals.period_start') }} as date)

)

select * from final
