{#- Fails when the model and compare_model (optionally filtered by compare_condition) do not have the
    same number of rows: returns both counts. -#}
{% test equal_row_count(model, compare_model, compare_condition='1 = 1') %}
    select
        model_rows.row_count as model_row_count,
        compared_rows.row_count as compare_model_row_count
    from (select count(*) as row_count from {{ model }}) as model_rows
    cross join (select count(*) as row_count from {{ compare_model }} where {{ compare_condition }}) as compared_rows
    where model_rows.row_count != compared_rows.row_count
{% endtest %}
