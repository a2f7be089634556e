{#- One row per open opportunity at each week-end and month-end snapshot, with its stage, amount and
    weighted amount in the reporting currency: the fact behind the pipeline KPIs (the rules:
    int_pipeline_snapshots_listed). -#}

with

pipeline_snapshots as (

    select * from {{ ref('int_pipeline_snapshots_listed') }}

),

final as (

    select
        snapshot_grain,
        snapshot_date,
        opportunity_id,
        account_id,
        owner_user_id,
        opportunity_type,
        owner_team_name,
        owner_region,
        customer_segment,
        stage_name,
        close_date,
        currency_code,
        amount,
        fx_rate_to_reporting_currency,
        amount_reporting_currency,
        probability,
        weighted_amount_reporting_currency,
        snapshot_period_start,
        created_date

    from pipeline_snapshots

)

select * from final
