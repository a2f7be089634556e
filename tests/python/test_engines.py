"""The same KPI values on every engine: the whole project built on Spark (dbt-spark, method
session: a local pyspark inside the dbt process, REVOPS_TARGET=spark) and compared row by row with a
DuckDB build of the same raw data (engine_equality: counts, keys and text exactly, currency within a
cent, other numbers within 1e-9), on the demo data and on the bad-input fixtures that must build
(test_bad_input: one quarantined row of every kind with records deleted after the fact; every
optional source empty). PostgreSQL is compared on those two fixtures here too; its demo-data
comparison runs in `make test` (test_postgres). On each of the three engines a quoted text with
quotes, backslashes and a line break selects back unchanged (sql_string_literal).

Marked `engines` and left out of `make test`: pyspark is a 450 MB install (requirements-spark.txt)
and the Spark builds take about an hour on two cores. `make test-engines` installs it and runs
this module; the closing notes report its runs.

On Spark the demo build runs every data test too (unit tests run on DuckDB and PostgreSQL); the
fixtures build models only. Spark's tables are Parquet files under the warehouse directory, read
here with DuckDB, so the comparison needs no Spark session of its own.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import duckdb
import pytest
from conftest import (
    PROJECT_DIR,
    SEEDS_DIR,
    build_models_on_duckdb,
    dbt_files_in,
    duckdb_env,
    postgres_env,
    run_dbt,
)
from engine_equality import assert_no_differences, compare_marts
from test_bad_input import assert_the_load_names, bad_raw_data, break_raw_files, empty_optional_raw_data
from test_postgres import postgres_differences, postgres_server  # noqa: F401 (a fixture)

pytestmark = [pytest.mark.engines, pytest.mark.xdist_group("engines")]

MODELS_ONLY = ["--exclude-resource-type", "test", "--exclude-resource-type", "unit_test"]
FIXTURES: dict[str, Callable[[Path], tuple[Any, ...]]] = {
    "bad_rows_and_deletions": bad_raw_data,
    "empty_optional_sources": empty_optional_raw_data,
}
# Texts that would end or change a string literal quoted the naive way: quotes, Spark's escape
# character (a backslash, also at the end), a statement after a quote, a line break.
LITERAL_TEXTS = [
    "it's",
    "two '' quotes",
    "back\\slash",
    "ends with \\",
    "\\'; select 1; --",
    "'; drop table raw_crm.leads; --",
    "tab\\t, line\nbreak",
]
LITERAL_QUERY = (
    "{% for text in var('texts') %}select {{ loop.index }} as position,"
    " {{ sql_string_literal(text) }} as text{{ ' union all ' if not loop.last }}{% endfor %}"
)


def spark_env(work_dir: Path, raw_data_dir: Path) -> dict[str, str]:
    """Environment for an isolated Spark target: its own warehouse and metastore directories."""
    work_dir.mkdir(parents=True, exist_ok=True)
    return {
        "REVOPS_TARGET": "spark",
        "REVOPS_SPARK_WAREHOUSE_DIR": str(work_dir / "spark_warehouse"),
        "REVOPS_SPARK_METASTORE_DIR": str(work_dir / "spark_metastore"),
        "REVOPS_RAW_DATA_DIR": str(raw_data_dir),
        **dbt_files_in(work_dir),
    }


def build_on_spark(work_dir: Path, raw_data_dir: Path, build_args: list[str]) -> Path:
    """Load, seed and build on Spark; return the Parquet warehouse directory."""
    env = spark_env(work_dir, raw_data_dir)
    run_dbt(["run-operation", "load_raw_data"], env)
    run_dbt(["seed"], env)
    result = run_dbt(["build", *build_args], env, check=False)
    assert result.ok and "ERROR=0" in result.output and "SKIP=0" in result.output, result.output[-6000:]
    return Path(env["REVOPS_SPARK_WAREHOUSE_DIR"])


def as_utc_naive(value: Any) -> Any:
    """Spark writes timestamps as instants; DuckDB reads them zoned. The reference has UTC wall time."""
    if isinstance(value, dt.datetime) and value.tzinfo is not None:
        return value.astimezone(dt.UTC).replace(tzinfo=None)
    return value


def spark_differences(reference_path: Path, warehouse_dir: Path) -> tuple[int, list[str]]:
    marts_dir = warehouse_dir / "marts.db"
    tables = {path.name for path in marts_dir.iterdir() if path.is_dir()}
    with (
        duckdb.connect(str(reference_path), read_only=True) as reference,
        duckdb.connect() as parquet,
    ):
        parquet.execute("set TimeZone = 'UTC'")

        def fetch(table: str, columns: list[str]) -> list[tuple]:
            select = ", ".join(f'"{name}"' for name in columns)
            files = str(marts_dir / table / "*.parquet")
            rows = parquet.execute(f"select {select} from read_parquet(?)", [files]).fetchall()
            return [tuple(as_utc_naive(value) for value in row) for row in rows]

        return compare_marts(reference, tables, fetch, "spark")


def test_every_mart_on_spark_equals_the_duckdb_build_and_every_data_test_passes(tmp_path: Path) -> None:
    reference = build_models_on_duckdb(tmp_path / "duckdb", SEEDS_DIR)
    warehouse_dir = build_on_spark(tmp_path / "spark", SEEDS_DIR, ["--exclude-resource-type", "unit_test"])
    assert_no_differences(*spark_differences(reference, warehouse_dir), minimum_rows=500_000)


@pytest.mark.parametrize("fixture", sorted(FIXTURES))
def test_every_mart_on_spark_equals_duckdb_on_a_bad_input_fixture(fixture: str, tmp_path: Path) -> None:
    raw_dir, *_ = FIXTURES[fixture](tmp_path)
    reference = build_models_on_duckdb(tmp_path / "duckdb", raw_dir)
    warehouse_dir = build_on_spark(tmp_path / "spark", raw_dir, MODELS_ONLY)
    assert_no_differences(*spark_differences(reference, warehouse_dir), minimum_rows=100_000)


@pytest.mark.parametrize("fixture", sorted(FIXTURES))
def test_every_mart_on_postgres_equals_duckdb_on_a_bad_input_fixture(
    fixture: str,
    tmp_path: Path,
    postgres_server: dict[str, str],  # noqa: F811
) -> None:
    raw_dir, *_ = FIXTURES[fixture](tmp_path)
    reference = build_models_on_duckdb(tmp_path / "duckdb", raw_dir)
    env = postgres_env(postgres_server, tmp_path / "postgres", raw_dir)
    upload = [sys.executable, str(PROJECT_DIR / "scripts" / "upload_raw_files.py"), "--raw-dir", str(raw_dir)]
    subprocess.run(upload, env={**os.environ, **env}, check=True, capture_output=True)
    run_dbt(["run-operation", "load_raw_data"], env)
    result = run_dbt(["build", *MODELS_ONLY], env, check=False)
    assert result.ok and "ERROR=0" in result.output and "SKIP=0" in result.output, result.output[-6000:]
    assert_no_differences(*postgres_differences(reference, env), minimum_rows=100_000)


@pytest.mark.parametrize("engine", ["duckdb", "postgres", "spark"])
def test_a_quoted_text_reads_back_unchanged_on_every_engine(
    engine: str, tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    """sql_string_literal is the one way a text from outside (a var, an env value, a file name)
    enters SQL: on each engine the literal it writes selects back exactly that text. Spark reads a
    backslash as an escape and joins adjacent literals ('a' 'b' is 'ab'), so there a quote or a
    backslash quoted the DuckDB way would end the literal or drop a character."""
    envs = {
        "duckdb": lambda: duckdb_env(tmp_path),
        "postgres": lambda: postgres_env(request.getfixturevalue("postgres_server"), tmp_path, SEEDS_DIR),
        "spark": lambda: spark_env(tmp_path, SEEDS_DIR),
    }
    texts = json.dumps({"texts": LITERAL_TEXTS})
    show = ["show", "--inline", LITERAL_QUERY, "--vars", texts, "--output", "json", "--limit", "-1"]
    output = run_dbt(show, envs[engine]()).output
    shown, _ = json.JSONDecoder().raw_decode(output, output.index('{\n  "show"'))
    assert [row["text"] for row in sorted(shown["show"], key=lambda row: row["position"])] == LITERAL_TEXTS


def spark_raw_counts(warehouse_dir: Path) -> dict[str, int]:
    """Rows of every raw table of a Spark warehouse (its Parquet files, read with DuckDB)."""
    with duckdb.connect() as parquet:
        return {
            f"{schema.name}.{table.name}": parquet.execute(
                "select count(*) from read_parquet(?)", [str(table / "*.parquet")]
            ).fetchone()[0]
            for schema in sorted(warehouse_dir.glob("raw_*.db"))
            for table in sorted(schema.iterdir())
            if table.is_dir()
        }


def test_broken_files_stop_the_spark_load_naming_each_and_replacing_nothing(tmp_path: Path) -> None:
    """test_bad_input's broken files on Spark: one error names every one (a byte that is not UTF-8
    included, which Spark would read as U+FFFD), and the raw tables loaded before stay as they were."""
    raw_dir = tmp_path / "raw"
    shutil.copytree(SEEDS_DIR, raw_dir, ignore=shutil.ignore_patterns("reference"))
    env = spark_env(tmp_path / "spark", raw_dir)
    run_dbt(["run-operation", "load_raw_data"], env)  # a good load first: nothing may replace it
    expected = break_raw_files(raw_dir)
    before = spark_raw_counts(Path(env["REVOPS_SPARK_WAREHOUSE_DIR"]))
    assert len(before) > 30
    assert_the_load_names(run_dbt(["run-operation", "load_raw_data"], env, check=False), expected)
    assert spark_raw_counts(Path(env["REVOPS_SPARK_WAREHOUSE_DIR"])) == before
