"""Write a copy of a raw data directory without its last day: the delivery before the latest one.

Every raw file (``<source>/<table>.csv`` or ``.parquet``) is copied to ``out`` in the same format
without the rows whose ``_loaded_at`` falls on the last UTC day that any raw table was loaded (a
file without ``_loaded_at``, such as a dbt seed, is copied unchanged). Loading
the copy and building, then loading the whole directory and building again, is an incremental build
after one day of new raw data: ``make bench`` times it and tests/python/test_incremental.py checks it
against a full rebuild. DuckDB reads and writes the files (every column as text, so values are
copied as delivered).

Example: ``.venv/bin/python scripts/split_raw_day.py seeds /tmp/raw_before_last_day``
"""

from __future__ import annotations

import argparse
import shutil
from datetime import datetime
from pathlib import Path

import duckdb
from export_marts import quote_literal

READERS = {".csv": "read_csv({path}, all_varchar = true, header = true)", ".parquet": "read_parquet({path})"}
WRITERS = {".csv": "(format csv, header)", ".parquet": "(format parquet)"}


def raw_files(raw_dir: Path) -> list[Path]:
    """The raw files of a raw data directory, one per source table."""
    return sorted(path for path in raw_dir.glob("*/*") if path.suffix in READERS)


def split_last_day(raw_dir: Path, out: Path) -> datetime:
    """Copy `raw_dir` to `out` without the rows loaded on the last day; return that day's start (UTC)."""
    connection = duckdb.connect()
    connection.execute("set TimeZone = 'UTC'")
    tables = {}
    for path in raw_files(raw_dir):
        table = READERS[path.suffix].format(path=quote_literal(str(path)))
        columns = [row[0] for row in connection.execute(f"describe select * from {table}").fetchall()]
        if "_loaded_at" in columns:
            tables[path] = table
        else:  # not a synced table (a dbt seed such as seeds/reference): copied as it is
            (out / path.relative_to(raw_dir)).parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(path, out / path.relative_to(raw_dir))
    latest = " union all ".join(
        f"select max(cast(_loaded_at as timestamptz)) as loaded_at from {table}" for table in tables.values()
    )
    (last_day,) = connection.execute(f"select date_trunc('day', max(loaded_at)) from ({latest})").fetchone()
    for path, table in tables.items():
        target = out / path.parent.name / path.name
        target.parent.mkdir(parents=True, exist_ok=True)
        before = f"select * from {table} where cast(_loaded_at as timestamptz) < ?"
        copy = f"copy ({before}) to {quote_literal(str(target))} {WRITERS[path.suffix]}"
        connection.execute(copy, [last_day])
    connection.close()
    return last_day


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("raw_dir", type=Path, help="raw data directory (<source>/<table>.csv or .parquet)")
    parser.add_argument("out", type=Path, help="directory for the copy without the last day")
    args = parser.parse_args(argv)
    last_day = split_last_day(args.raw_dir, args.out)
    print(f"wrote {args.out}: every raw table without the rows loaded on {last_day:%Y-%m-%d}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
