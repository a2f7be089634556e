{#- Canonical form of a website URL path as a tracking script sends it: trimmed, lower case, without
    a trailing slash ('/Pricing/' -> '/pricing'; the home page stays '/'). -#}
{% macro normalize_page_path(column) -%}
    case
        when length(trim({{ column }})) > 1 and {{ dbt.right('trim(' ~ column ~ ')', 1) }} = '/'
            then lower(substring(trim({{ column }}), 1, length(trim({{ column }})) - 1))
        else lower(trim({{ column }}))
    end
{%- endmacro %}
