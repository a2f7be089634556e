{#- A select of one row per row of `entities` (a CTE or relation with `key`, `industry`, `segment`
    and `region`): how many of the ideal customer profile's attributes (seed icp_criteria) it
    matches and whether it matches them all (`is_icp`). An attribute matches when the entity's
    value is one of the seed's values for it; with an empty seed nothing fits. The one ICP rule,
    for customers and for the companies an ad platform reached. -#}
{% macro icp_attributes_matched(entities, key) -%}
    select
        {{ entities }}.{{ key }},
        coalesce(matched_attributes.matched_attribute_count, 0) as matched_icp_attribute_count,
        icp_attributes.attribute_count > 0
        and coalesce(matched_attributes.matched_attribute_count, 0) = icp_attributes.attribute_count as is_icp

    from {{ entities }}
    cross join (
        select count(distinct attribute) as attribute_count
        from {{ ref('icp_criteria') }}
    ) as icp_attributes
    left join (
        select
            {{ entities }}.{{ key }},
            count(distinct icp_criteria.attribute) as matched_attribute_count
        from {{ entities }}
        inner join {{ ref('icp_criteria') }} as icp_criteria
            on
                ({{ entities }}.industry = icp_criteria.value and icp_criteria.attribute = 'industry')
                or ({{ entities }}.segment = icp_criteria.value and icp_criteria.attribute = 'segment')
                or ({{ entities }}.region = icp_criteria.value and icp_criteria.attribute = 'region')
        group by {{ entities }}.{{ key }}
    ) as matched_attributes
        on {{ entities }}.{{ key }} = matched_attributes.{{ key }}
{%- endmacro %}
