{#- Every KPI in one long table: the KPI models' rows with their kpi_id, and why a value is null. The
    KPI models are every model whose YAML sets config.meta.kpi_id, listed by scripts/register_kpis.py
    in the generated macro kpi_model_names (make build runs it); assert_every_kpi_is_in_kpi_values
    fails when one is missing. -#}
{%- set source_needs = [] %}
{%- for node in kpi_model_nodes() %}
    {%- for source_table in node.config.meta.get('optional_sources', []) %}
        {%- do source_needs.append([node.config.meta['kpi_id'], source_table]) %}
    {%- endfor %}
{%- endfor %}

with

kpi_rows as (

    {% for kpi_model in kpi_model_names() %}
        select
            '{{ kpi_model }}' as kpi_id,
            period_grain,
            period_start,
            dimension,
            dimension_value,
            cast(value as decimal(38, 10)) as value,
            cast(numerator as decimal(38, 10)) as numerator,
            cast(denominator as decimal(38, 10)) as denominator
        from {{ ref(kpi_model) }}
        {% if not loop.last %}union all{% endif %}
    {% endfor %}

),

kpi_source_needs as (

    {#- The optional raw tables a KPI cannot be computed without (meta.optional_sources). -#}
    {{ literal_rows([('kpi_id', dbt.type_string()), ('source_table', dbt.type_string())], source_needs) }}

),

raw_row_counts as (

    select * from {{ ref('audit_raw_row_counts') }}

),

missing_sources as (

    select
        kpi_source_needs.kpi_id,
        min(kpi_source_needs.source_table) as source_table

    from kpi_source_needs
    inner join raw_row_counts
        on kpi_source_needs.source_table = {{ dbt.concat(['raw_row_counts.source_name', "'.'", 'raw_row_counts.table_name']) }}
    where raw_row_counts.staged_rows = 0
    group by kpi_source_needs.kpi_id

),

final as (

    {#- A KPI whose optional source has no rows is not computed: null, with the reason. Every column
        is cast to the type its contract declares (YAML), the same on every engine. -#}
    select
        cast(kpi_rows.kpi_id as {{ dbt.type_string() }}) as kpi_id,
        cast(kpi_rows.period_grain as {{ dbt.type_string() }}) as period_grain,
        cast(kpi_rows.period_start as date) as period_start,
        cast(kpi_rows.dimension as {{ dbt.type_string() }}) as dimension,
        cast(kpi_rows.dimension_value as {{ dbt.type_string() }}) as dimension_value,
        case when missing_sources.source_table is null then kpi_rows.value end as value,
        case when missing_sources.source_table is null then kpi_rows.numerator end as numerator,
        case when missing_sources.source_table is null then kpi_rows.denominator end as denominator,
        cast(
            case
                when missing_sources.source_table is not null
                    then {{ dbt.concat(["'no rows in optional source '", 'missing_sources.source_table']) }}
                when kpi_rows.value is not null then null
                when kpi_rows.denominator = 0 then 'no data for the period (zero denominator)'
                else 'not enough history for this period (see the KPI definition)'
            end as {{ dbt.type_string() }}
        ) as null_reason

    from kpi_rows
    left join missing_sources
        on kpi_rows.kpi_id = missing_sources.kpi_id

)

select * from final
