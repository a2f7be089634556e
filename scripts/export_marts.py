"""Export every table of the warehouse's ``marts`` schema to Parquet, one file per table.

For BI and notebook tools that read Parquet rather than a DuckDB file. Opens the warehouse
read-only (so it can run beside BI readers, but not during a build, which holds the write lock)
and writes ``<out>/<table>.parquet`` with DuckDB's own ``COPY ... (format parquet)``; column
types, decimals included, are kept. Files of the same name are overwritten; other files in the
directory are left alone. Only the ``marts`` schema is exported: staging, intermediate, audit and
raw schemas are internal.

Example: ``.venv/bin/python scripts/export_marts.py --out warehouse/parquet`` (``make export``)
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

import duckdb

SCHEMA = "marts"
DEFAULT_WAREHOUSE = os.environ.get("REVOPS_DUCKDB_PATH", "warehouse/revops.duckdb")
DEFAULT_OUT = "warehouse/parquet"


def quote_identifier(name: str) -> str:
    """A DuckDB identifier in double quotes, embedded quotes doubled."""
    return '"' + name.replace('"', '""') + '"'


def quote_literal(text: str) -> str:
    """A SQL string literal, embedded single quotes doubled."""
    return "'" + text.replace("'", "''") + "'"


def marts_tables(connection: duckdb.DuckDBPyConnection) -> list[str]:
    """Names of the tables and views in the marts schema, sorted."""
    rows = connection.execute(
        "select table_name from information_schema.tables where table_schema = ? order by table_name",
        [SCHEMA],
    ).fetchall()
    return [row[0] for row in rows]


def export_marts(warehouse: Path, out_dir: Path) -> dict[str, int]:
    """Write each marts table to ``out_dir/<table>.parquet``; return the row count per table."""
    if not warehouse.is_file():
        raise FileNotFoundError(f"warehouse file not found: {warehouse} (run `make build` first)")
    with duckdb.connect(str(warehouse), read_only=True) as connection:
        tables = marts_tables(connection)
        if not tables:
            raise LookupError(f"no '{SCHEMA}' schema (or it is empty) in {warehouse}")
        out_dir.mkdir(parents=True, exist_ok=True)
        counts = {}
        for table in tables:
            target = out_dir / f"{table}.parquet"
            # COPY ... TO returns one row: the number of rows written.
            counts[table] = connection.execute(
                f"copy (select * from {SCHEMA}.{quote_identifier(table)}) "
                f"to {quote_literal(str(target))} (format parquet)"
            ).fetchall()[0][0]
    return counts


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--warehouse",
        type=Path,
        default=Path(DEFAULT_WAREHOUSE),
        help="DuckDB file, opened read-only (default: $REVOPS_DUCKDB_PATH, else warehouse/revops.duckdb)",
    )
    parser.add_argument(
        "--out",
        type=Path,
        default=Path(DEFAULT_OUT),
        help="directory for the Parquet files (default: %(default)s)",
    )
    args = parser.parse_args(argv)
    try:
        counts = export_marts(args.warehouse, args.out)
    except (FileNotFoundError, LookupError, duckdb.Error) as error:
        print(f"export_marts: {error}", file=sys.stderr)
        return 1
    print(f"Wrote {len(counts)} tables, {sum(counts.values()):,} rows, to {args.out}/<table>.parquet")
    return 0


if __name__ == "__main__":
    sys.exit(main())
