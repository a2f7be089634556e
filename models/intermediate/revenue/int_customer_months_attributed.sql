{#- The attributes of each customer in each month of the MRR spine, as of the month: the CRM
    segment at the month's snapshot date from the account's segment history (the new value of the
    latest segment change on or before it, else the old value of the first change after it, else
    the account's segment today), and the region, billing currency, motion, acquisition channel
    and name the customer has today. What the revenue and health facts slice by. -#}

with

movements as (

    select * from {{ ref('int_customer_mrr_movements_classified') }}

),

customers as (

    select * from {{ ref('int_customer_attributes_resolved') }}

),

acquisition_channels as (

    select * from {{ ref('int_customer_acquisition_channels_decided') }}

),

account_history as (

    select * from {{ ref('stg_crm__account_history') }}

),

segment_changes as (

    select
        *,
        {{ to_reporting_date('changed_at') }} as changed_at_date
    from account_history
    where field_name = 'segment'

),

segment_as_of_month as (

    {#- The dates of the last segment change on or before the month's snapshot date and of the
        first one after it. -#}
    select
        movements.customer_id,
        movements.month_start_date,
        max(case when segment_changes.changed_at_date <= movements.snapshot_date then segment_changes.changed_at_date end)
            as last_change_date,
        min(case when segment_changes.changed_at_date > movements.snapshot_date then segment_changes.changed_at_date end)
            as next_change_date

    from movements
    inner join segment_changes
        on movements.customer_id = segment_changes.account_id
    group by movements.customer_id, movements.month_start_date

),

segments as (

    select
        segment_as_of_month.customer_id,
        segment_as_of_month.month_start_date,
        coalesce(max(last_changes.new_segment), max(next_changes.old_segment)) as customer_segment

    from segment_as_of_month
    left join segment_changes as last_changes
        on
            segment_as_of_month.customer_id = last_changes.account_id
            and segment_as_of_month.last_change_date = last_changes.changed_at_date
    left join segment_changes as next_changes
        on
            segment_as_of_month.customer_id = next_changes.account_id
            and segment_as_of_month.next_change_date = next_changes.changed_at_date
    group by segment_as_of_month.customer_id, segment_as_of_month.month_start_date

),

final as (

    select
        movements.customer_id,
        movements.month_start_date,
        coalesce(segments.customer_segment, customers.segment) as customer_segment,
        customers.region,
        customers.billing_currency_code as currency_code,
        customers.acquisition_motion,
        acquisition_channels.acquisition_channel,
        customers.customer_name

    from movements
    inner join customers
        on movements.customer_id = customers.customer_id
    inner join acquisition_channels
        on movements.customer_id = acquisition_channels.customer_id
    left join segments
        on
            movements.customer_id = segments.customer_id
            and movements.month_start_date = segments.month_start_date

)

select * from final
