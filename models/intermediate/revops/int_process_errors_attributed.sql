{#- Every logged revenue-process error with the automation it happened under: the initiative the
    log names (stg_revops__initiatives) and whether the process was automated then (`automated`)
    or still manual (`manual`). The feed of measures_process_errors_aggregated. -#}

with

process_errors as (

    select * from {{ ref('stg_revops__process_errors') }}

),

initiatives as (

    select * from {{ ref('stg_revops__initiatives') }}

),

final as (

    select
        process_errors.error_id,
        process_errors.detected_date,
        process_errors.process,
        process_errors.severity,
        process_errors.records_affected,
        process_errors.initiative_id,
        initiatives.initiative_name,
        case when process_errors.initiative_id is null then 'manual' else 'automated' end as automation

    from process_errors
    left join initiatives
        on process_errors.initiative_id = initiatives.initiative_id

)

select * from final
