{#- One row per customer: how many of the ideal customer profile's attributes (seed icp_criteria:
    industry, segment as the company-size band, region) its current attributes match, and whether it
    matches all of them (macro icp_attributes_matched, the one ICP rule). -#}

with

customers as (

    select * from {{ ref('int_customer_attributes_resolved') }}

),

final as (

    {{ icp_attributes_matched('customers', 'customer_id') }}

)

select * from final
