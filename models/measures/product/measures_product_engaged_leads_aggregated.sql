{#- Leads per creation period (month, quarter, year) and lead source channel, decided once their
    product-engagement window has ended by the as-of date, and of the decided ones the
    product-engaged leads (the rule: int_leads_product_engaged). The measures of
    product_engaged_lead_rate. Every period has a company row (zeros when no lead was created); a
    channel has a row where its leads were created. -#}

with

leads as (

    select * from {{ ref('int_leads_product_engaged') }}

),

reporting_periods as (

    select * from {{ ref('int_reporting_periods_listed') }}
    where {{ period_grain_in(['month', 'quarter', 'year']) }}

),

leads_in_periods as (

    select
        reporting_periods.period_grain,
        reporting_periods.period_start,
        leads.lead_source_channel,
        case when leads.is_pel_window_ended then 1 else 0 end as is_decided,
        case when leads.is_pel_window_ended and leads.is_product_engaged then 1 else 0 end as is_decided_engaged

    from leads
    inner join reporting_periods
        on leads.created_date between reporting_periods.period_start and reporting_periods.period_last_date

),

leads_by_dimension as (

    {{ unpivot_dimensions('leads_in_periods', ['lead_source_channel']) }}

),

aggregated as (

    select
        period_grain,
        period_start,
        dimension,
        dimension_value,
        count(*) as leads,
        sum(is_decided) as pel_decided_leads,
        sum(is_decided_engaged) as product_engaged_leads

    from leads_by_dimension
    group by
        period_grain,
        period_start,
        dimension,
        dimension_value

),

{{ measures_rows_for_every_period(
    'aggregated',
    'reporting_periods',
    ['leads', 'pel_decided_leads', 'product_engaged_leads'],
) }}
