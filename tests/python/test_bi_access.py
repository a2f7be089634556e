"""BI tools can read the warehouse the three ways the README offers, and only read it.

- SQLAlchemy through duckdb-engine with ``read_only`` (how Superset-style tools connect): the MRR
  trend comes back, and a write is refused.
- An older driver: a throw-away virtualenv with duckdb 1.5.x opens the file (written with
  ``storage_compatibility_version: v1.5.0``) and reads the same numbers duckdb 2 reads.
- ``scripts/export_marts.py``: one Parquet file per marts table, nothing missing and nothing
  extra, each equal to its table row for row, with the same column names and types.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import duckdb
import pytest
import sqlalchemy
from conftest import PROJECT_DIR, Warehouse
from sqlalchemy import create_engine, text

# The latest duckdb 1.x release: the oldest driver line the README says can open the file.
DUCKDB_1X_VERSION = "1.5.6"

MRR_TREND_SQL = """
select period_start, value
from marts.kpi_values
where kpi_id = 'mrr' and period_grain = 'month' and dimension = 'all'
order by period_start
"""

DECEMBER_2025_MRR_SQL = """
select cast(value as varchar)
from marts.kpi_values
where kpi_id = 'mrr' and period_grain = 'month' and dimension = 'all' and period_start = '2025-12-01'
"""

KPI_VALUES_COUNT_SQL = "select count(*) from marts.kpi_values"


def test_sqlalchemy_read_only_connection_reads_marts_and_refuses_writes(warehouse: Warehouse) -> None:
    engine = create_engine(f"duckdb:///{warehouse.path}", connect_args={"read_only": True})
    try:
        with engine.connect() as connection:
            trend = connection.execute(text(MRR_TREND_SQL)).fetchall()
            with pytest.raises(sqlalchemy.exc.DBAPIError, match="(?i)read.only"):
                connection.execute(text("create table marts.bi_write_probe as select 1 as one"))
    finally:
        engine.dispose()

    assert len(trend) == 36, f"expected 36 months of company MRR, got {len(trend)}"
    assert len({period_start for period_start, _ in trend}) == 36
    assert all(value > 0 for _, value in trend), trend
    probe = "select count(*) from information_schema.tables where table_name = 'bi_write_probe'"
    assert warehouse.query(probe) == [(0,)]


def test_duckdb_1x_driver_opens_the_warehouse(warehouse: Warehouse, tmp_path: Path) -> None:
    venv_dir = tmp_path / f"duckdb-{DUCKDB_1X_VERSION}"
    subprocess.run([sys.executable, "-m", "venv", str(venv_dir)], check=True, capture_output=True)
    venv_python = venv_dir / "bin" / "python"
    install = subprocess.run(
        [
            str(venv_python),
            "-m",
            "pip",
            "install",
            "--quiet",
            "--no-cache-dir",
            f"duckdb=={DUCKDB_1X_VERSION}",
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert install.returncode == 0, (
        f"pip install duckdb=={DUCKDB_1X_VERSION} failed:\n{install.stderr[-3000:]}"
    )

    reader = textwrap.dedent(
        f"""
        import json, sys
        import duckdb
        with duckdb.connect(sys.argv[1], read_only=True) as connection:
            count = connection.execute({KPI_VALUES_COUNT_SQL!r}).fetchall()[0][0]
            december_mrr = connection.execute({DECEMBER_2025_MRR_SQL!r}).fetchall()[0][0]
        print(json.dumps({{"version": duckdb.__version__, "count": count, "december_mrr": december_mrr}}))
        """
    )
    completed = subprocess.run(
        [str(venv_python), "-c", reader, str(warehouse.path)],
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "PYTHONNOUSERSITE": "1"},
    )
    assert completed.returncode == 0, (
        f"duckdb {DUCKDB_1X_VERSION} could not read the warehouse:\n{completed.stderr}"
    )
    read_by_1x = json.loads(completed.stdout)

    assert read_by_1x["version"] == DUCKDB_1X_VERSION
    assert duckdb.__version__.startswith("2."), "the project's own duckdb is expected to be 2.x"
    assert read_by_1x["count"] == warehouse.query(KPI_VALUES_COUNT_SQL)[0][0] > 0
    assert read_by_1x["december_mrr"] == warehouse.query(DECEMBER_2025_MRR_SQL)[0][0]


def column_types(connection: duckdb.DuckDBPyConnection, relation: str) -> list[tuple[str, str]]:
    """(name, type) of each column of a relation, in order."""
    return [(row[0], row[1]) for row in connection.execute(f"describe select * from {relation}").fetchall()]


def test_parquet_export_equals_every_marts_table(warehouse: Warehouse, tmp_path: Path) -> None:
    out_dir = tmp_path / "parquet"
    completed = subprocess.run(
        [
            sys.executable,
            "scripts/export_marts.py",
            "--warehouse",
            str(warehouse.path),
            "--out",
            str(out_dir),
        ],
        cwd=PROJECT_DIR,
        capture_output=True,
        text=True,
        check=False,
    )
    assert completed.returncode == 0, completed.stderr

    with duckdb.connect(str(warehouse.path), read_only=True) as connection:
        tables = {
            row[0]
            for row in connection.execute(
                "select table_name from information_schema.tables where table_schema = 'marts'"
            ).fetchall()
        }
        assert "kpi_values" in tables
        assert {path.stem for path in out_dir.glob("*.parquet")} == tables
        assert f"Wrote {len(tables)} tables" in completed.stdout

        for table in sorted(tables):
            table_sql = f'marts."{table}"'
            parquet_sql = f"read_parquet('{out_dir / table}.parquet')"
            assert column_types(connection, parquet_sql) == column_types(connection, table_sql), table

            table_rows, parquet_rows = (
                connection.execute(f"select count(*) from {sql}").fetchall()[0][0]
                for sql in (table_sql, parquet_sql)
            )
            assert table_rows == parquet_rows, (
                f"{table}: {table_rows} rows in the table, {parquet_rows} in Parquet"
            )
            for left, right in ((table_sql, parquet_sql), (parquet_sql, table_sql)):
                difference = f"select count(*) from (select * from {left} except all select * from {right})"
                assert connection.execute(difference).fetchall() == [(0,)], f"{table}: rows differ"
