{#- One row per customer: how many of the ideal customer profile's attributes (seed icp_criteria:
    industry, segment as the company-size band, region) its current attributes match, and whether it
    matches all of them (an attribute matches when the customer's value is one of the seed's values
    for it). -#}

with

customers as (

    select * from {{ ref('int_customer_attributes_resolved') }}

),

icp_criteria as (

    select * from {{ ref('icp_criteria') }}

),

icp_attributes as (

    select count(distinct attribute) as attribute_count
    from icp_criteria

),

matched_attributes as (

    select
        customers.customer_id,
        count(distinct icp_criteria.attribute) as matched_attribute_count

    from customers
    inner join icp_criteria
        on
            (customers.industry = icp_criteria.value and icp_criteria.attribute = 'industry')
            or (customers.segment = icp_criteria.value and icp_criteria.attribute = 'segment')
            or (customers.region = icp_criteria.value and icp_criteria.attribute = 'region')
    group by customers.customer_id

),

final as (

    select
        -- ids
        customers.customer_id,

        -- numerics
        coalesce(matched_attributes.matched_attribute_count, 0) as matched_icp_attribute_count,

        -- booleans
        icp_attributes.attribute_count > 0
        and coalesce(matched_attributes.matched_attribute_count, 0) = icp_attributes.attribute_count as is_icp

    from customers
    cross join icp_attributes
    left join matched_attributes
        on customers.customer_id = matched_attributes.customer_id

)

select * from final
