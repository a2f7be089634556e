{#- The scope table (seed kpi_scope: every KPI the five reference articles name) must account for
    each entry: one built or partly built names a kpi_id of the catalog, one not built names none
    and says what it would need. Returns the entries that break that. -#}

with

scope as (

    select * from {{ ref('kpi_scope') }}

),

catalog as (

    select * from {{ ref('kpi_catalog') }}

)

select
    scope.seed_id,
    scope.named_kpi,
    scope.kpi_id,
    scope.coverage

from scope
left join catalog
    on scope.kpi_id = catalog.kpi_id
where
    (scope.coverage in ('built', 'partly') and catalog.kpi_id is null)
    or (scope.coverage = 'not_built' and (scope.kpi_id is not null or scope.note is null))
