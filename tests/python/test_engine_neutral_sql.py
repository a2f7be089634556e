"""Models stay engine-neutral: SQL that only some of DuckDB, PostgreSQL and Spark understand lives in
`adapter.dispatch` macros (macros/) or dbt's cross-database macros, never in a model, an analysis or
a singular test; and inside macros/ only in a dispatch implementation (`duckdb__`, `postgres__`,
`spark__` or `default__`), so porting to an engine means adding its implementations, nothing else.

The check reads each file as written, without Jinja (`{{ }}`, `{% %}`, `{# #}`: a macro call is the
sanctioned way), comments and string literals, and looks for the functions and syntax one of the
three engines lacks or reads differently. A hit names the file, the line and the construct.
"""

from __future__ import annotations

import re
from pathlib import Path

PROJECT_DIR = Path(__file__).resolve().parents[2]
CHECKED = ("models", "analyses", "tests/singular")

# Function calls that at least one of the three engines lacks or defines differently, and what to
# use instead.
ENGINE_ONLY_FUNCTIONS = {
    "try_cast": "dbt.safe_cast",
    "strftime": "a dispatched macro",
    "strptime": "a dispatched macro",
    "to_char": "a dispatched macro",
    "to_timestamp": "to_utc_timestamp",
    "date_format": "a dispatched macro",
    "date_diff": "dbt.datediff",
    "datediff": "dbt.datediff",
    "date_add": "dbt.dateadd",
    "dateadd": "dbt.dateadd",
    "date_sub": "dbt.dateadd",
    "date_part": "extract or a dispatched macro",
    "epoch": "a dispatched macro",
    "last_day": "dbt.last_day",
    "string_agg": "dbt.listagg",
    "listagg": "dbt.listagg",
    "group_concat": "dbt.listagg",
    "median": "kpi_median",
    "quantile": "kpi_percentile",
    "quantile_cont": "kpi_percentile",
    "quantile_disc": "kpi_percentile",
    "percentile_cont": "kpi_percentile",
    "percentile_disc": "kpi_percentile",
    "arg_max": "a window function",
    "arg_min": "a window function",
    "max_by": "a window function",
    "min_by": "a window function",
    "count_if": "sum(case when ... then 1 else 0 end)",
    "ifnull": "coalesce",
    "nvl": "coalesce",
    "iif": "case",
    "generate_series": "the calendar models (dim_date)",
    "range": "the calendar models (dim_date)",
    "sequence": "the calendar models (dim_date)",
    "unnest": "a dispatched macro",
    "explode": "a dispatched macro",
    "regexp_matches": "a dispatched macro",
    "regexp_full_match": "a dispatched macro",
    "regexp_extract": "a dispatched macro",
    "json_extract": "json_text_field",
    "json_extract_string": "json_text_field",
    "get_json_object": "json_text_field",
    "list_value": "a dispatched macro",
    "struct_pack": "a dispatched macro",
    "collect_list": "a dispatched macro",
    "array_agg": "a dispatched macro",
    "now": "the as-of date (int_calendar_bounds_computed)",
    "today": "the as-of date (int_calendar_bounds_computed)",
}
ENGINE_ONLY_SYNTAX = {
    r"::": "a cast() (PostgreSQL and DuckDB only)",
    r"\binterval\b": "dbt.dateadd (interval literals differ per engine)",
    r"\bqualify\b": "a window in a CTE and a where (PostgreSQL has no qualify)",
    r"->>?": "json_text_field (JSON operators differ per engine)",
    r"\bcurrent_date\b|\bcurrent_timestamp\b": "the as-of date (int_calendar_bounds_computed)",
    r'"[^"\n]*"': "adapter.quote() (Spark reads a double-quoted name as a string)",
    r"(?<![/*])/(?![/*])": "divided() (the engines divide decimals and integers each their own way)",
}
# A Jinja string holding a double-quoted name, such as to_utc_timestamp('"timestamp"'): the same.
QUOTED_NAME_IN_JINJA = re.compile(r"""'"\w+"'""")
JINJA = re.compile(r"\{#.*?#\}|\{\{.*?\}\}|\{%.*?%\}", re.DOTALL)
COMMENTS_AND_STRINGS = re.compile(r"--[^\n]*|/\*.*?\*/|'(?:[^']|'')*'", re.DOTALL)
FUNCTION_CALL = re.compile(r"\b(" + "|".join(ENGINE_ONLY_FUNCTIONS) + r")\s*\(", re.IGNORECASE)


def without_jinja_comments_and_strings(sql: str) -> str:
    """The SQL text a reader sees, with Jinja, comments and string literals blanked (newlines kept,
    so line numbers stay right)."""

    def blank(match: re.Match[str]) -> str:
        return re.sub(r"[^\n]", " ", match.group(0))

    return COMMENTS_AND_STRINGS.sub(blank, JINJA.sub(blank, sql))


def engine_only_constructs(sql: str) -> list[tuple[int, str, str]]:
    """(line, construct, what to use instead) for every engine-only construct in `sql`."""
    text = without_jinja_comments_and_strings(sql)
    found = [
        (sql.count("\n", 0, match.start()) + 1, match.group(0), ENGINE_ONLY_SYNTAX[r'"[^"\n]*"'])
        for match in QUOTED_NAME_IN_JINJA.finditer(sql)
    ]
    for number, line in enumerate(text.splitlines(), start=1):
        for match in FUNCTION_CALL.finditer(line):
            name = match.group(1).lower()
            found.append((number, f"{name}()", ENGINE_ONLY_FUNCTIONS[name]))
        for pattern, instead in ENGINE_ONLY_SYNTAX.items():
            for match in re.finditer(pattern, line, re.IGNORECASE):
                found.append((number, match.group(0), instead))
    return found


def test_the_check_finds_engine_only_sql_and_passes_macros_comments_and_strings() -> None:
    sql = """select
    {{ dbt.datediff('a', 'b', 'day') }} as days,  -- not datediff(a, b) here
    try_cast(x as integer) as y,
    'median(z)' as text,
    created_at::date as day,
    "order" as order_number,
    {{ to_utc_timestamp('"timestamp"') }} as occurred_at
from t
qualify row_number() over (partition by k order by v) = 1
{# string_agg(v, ',') #}
union all select 1 / 2 /* a comment */"""
    quoted_name = "adapter.quote() (Spark reads a double-quoted name as a string)"
    assert engine_only_constructs(sql) == [
        (7, "'\"timestamp\"'", quoted_name),
        (3, "try_cast()", "dbt.safe_cast"),
        (5, "::", "a cast() (PostgreSQL and DuckDB only)"),
        (6, '"order"', quoted_name),
        (9, "qualify", "a window in a CTE and a where (PostgreSQL has no qualify)"),
        (11, "/", "divided() (the engines divide decimals and integers each their own way)"),
    ]


MACRO_START = re.compile(r"\{%-?\s*macro\s+(\w+)")
DISPATCH_IMPLEMENTATION = ("duckdb__", "postgres__", "spark__", "default__")


def test_engine_only_sql_in_macros_sits_in_dispatch_implementations() -> None:
    hits = []
    for path in sorted((PROJECT_DIR / "macros").rglob("*.sql")):
        text = path.read_text()
        enclosing, current = [], None
        for line in text.splitlines():
            current = (MACRO_START.search(line) or [None, current])[1]
            enclosing.append(current)
        hits += [
            f"{path.relative_to(PROJECT_DIR)}:{line}: {construct} in macro {enclosing[line - 1]}"
            for line, construct, _ in engine_only_constructs(text)
            if not (enclosing[line - 1] or "").startswith(DISPATCH_IMPLEMENTATION)
            and not (construct == "/" and enclosing[line - 1] == "divided")
        ]
    assert hits == [], "\n".join(hits)


def test_no_model_analysis_or_singular_test_uses_engine_only_sql() -> None:
    hits = [
        f"{path.relative_to(PROJECT_DIR)}:{line}: {construct} (use {instead})"
        for folder in CHECKED
        for path in sorted((PROJECT_DIR / folder).rglob("*.sql"))
        for line, construct, instead in engine_only_constructs(path.read_text())
    ]
    assert hits == [], "\n".join(hits)
