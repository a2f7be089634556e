{#- crm.account_history from Fivetran's Salesforce `account_history` table (AccountHistory, field
    history tracking). Salesforce writes two rows for a change of a lookup field such as Owner, one
    with the record ids and one with their names: the contract wants the ids, so the names row (its
    values are not user ids, '005...') is left out. Custom field Segment__c is the contract's
    'Segment'. Every row is kept, deleted or not: a history row is only deleted with its account,
    whose own soft delete the contract carries. An empty table (field history not synced) gives no
    rows. -#}

with

account_history as (

    select * from {{ source('salesforce', 'account_history') }}

),

id_rows as (

    select * from account_history
    where not (
        lower(trim(field)) = 'owner'
        and coalesce(new_value, old_value, '') not like '005%'
    )

),

final as (

    select
        -- ids
        cast(id as {{ dbt.type_string() }}) as id,
        cast(account_id as {{ dbt.type_string() }}) as accountid,

        -- strings
        cast(
            case when lower(trim(field)) = 'segment__c' then 'Segment' else field end
            as {{ dbt.type_string() }}
        ) as field,
        cast(old_value as {{ dbt.type_string() }}) as oldvalue,
        cast(new_value as {{ dbt.type_string() }}) as newvalue,

        -- timestamps
        created_date as createddate,
        _fivetran_synced as _loaded_at

    from id_rows

)

select * from final
