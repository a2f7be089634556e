{#- One row per calendar day, served to BI (how each column is decided: int_dates_listed). -#}

with

dates as (

    select * from {{ ref('int_dates_listed') }}

),

final as (

    select
        date_day,
        day_of_week,
        is_weekend,
        week_start_date,
        week_end_date,
        iso_year,
        iso_week,
        biweek_start_date,
        month_start_date,
        month_end_date,
        month_of_year,
        days_in_month,
        quarter_start_date,
        quarter_of_year,
        calendar_year,
        year_start_date,
        fiscal_year,
        fiscal_quarter,
        fiscal_year_start_date,
        fiscal_quarter_start_date

    from dates

)

select * from final
