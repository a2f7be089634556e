"""Upload the raw CSV files to PostgreSQL from the client, for ``load_raw_data`` to check and load.

PostgreSQL's server-side ``COPY ... FROM '<file>'`` needs a superuser or ``pg_read_server_files``
and a path the server can see. This script instead sends each file over the connection
(``COPY ... FROM STDIN``), so the build role needs no file privilege and the files may sit anywhere
the client can read. Every ``<raw dir>/<folder>/<table>.csv`` becomes the text table
``raw_upload."<folder>__<table>"``, its columns named as in the file's header; ``load_raw_data``
reads the tables the raw contract names from there, checks them like any file and replaces the raw
tables. The upload is one transaction: the schema is dropped and refilled, so a failed upload
leaves the previous one, and no file of an earlier upload lingers.

Folder and file names are checked (letters, digits and underscores, as the raw contract's names
are) and quoted as identifiers; a file that is not valid CSV or UTF-8 stops the upload naming the
file and PostgreSQL's message (which gives the line). Parquet files load on DuckDB only.

The connection comes from the same environment variables as the ``postgres`` profile
(``REVOPS_PG_HOST``, ``REVOPS_PG_PORT``, ``REVOPS_PG_USER``, ``REVOPS_PG_PASSWORD``,
``REVOPS_PG_DATABASE``); ``make build`` with ``REVOPS_TARGET=postgres`` runs this script first.

Example: ``.venv/bin/python scripts/upload_raw_files.py --raw-dir seeds``
"""

from __future__ import annotations

import argparse
import csv
import os
import re
import sys
from pathlib import Path

import psycopg2
from psycopg2 import sql

SCHEMA = "raw_upload"
NAME = re.compile(r"[a-z][a-z0-9_]{0,29}")


def raw_files(raw_dir: Path) -> list[tuple[str, Path]]:
    """(upload table name, path) of every <folder>/<table>.csv under `raw_dir`, sorted."""
    found = []
    for path in sorted(raw_dir.glob("*/*.csv")):
        folder, table = path.parent.name, path.stem
        if not (NAME.fullmatch(folder) and NAME.fullmatch(table)):
            sys.exit(
                f"upload_raw_files: {path}: folder and file names must be lower-case letters, digits and"
                " underscores (at most 30 each), as the raw contract names sources and tables"
            )
        found.append((f"{folder}__{table}", path))
    return found


def upload(connection: psycopg2.extensions.connection, raw_dir: Path) -> int:
    """Replace schema raw_upload by one text table per raw file; returns the number of files."""
    files = raw_files(raw_dir)
    with connection.cursor() as cursor:
        cursor.execute(sql.SQL("drop schema if exists {} cascade").format(sql.Identifier(SCHEMA)))
        cursor.execute(sql.SQL("create schema {}").format(sql.Identifier(SCHEMA)))
        for table_name, path in files:
            table = sql.Identifier(SCHEMA, table_name)
            try:
                with path.open("rb") as data:
                    header = next(csv.reader([data.readline().decode("utf-8")]), [])
                    columns = sql.SQL(", ").join(
                        sql.SQL("{} text").format(sql.Identifier(name)) for name in header
                    )
                    cursor.execute(sql.SQL("create table {} ({})").format(table, columns))
                    data.seek(0)
                    cursor.copy_expert(
                        sql.SQL("copy {} from stdin with (format csv, header true)").format(table), data
                    )
            except (UnicodeDecodeError, psycopg2.DataError, psycopg2.ProgrammingError) as error:
                raise SystemExit(
                    f"upload_raw_files: {path}: unreadable CSV (the file must be UTF-8, comma-separated,"
                    f" double-quoted, with one header line of distinct names): {str(error).strip()}"
                ) from error
    return len(files)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--raw-dir", type=Path, default=Path(os.environ.get("REVOPS_RAW_DATA_DIR", "seeds")))
    args = parser.parse_args()
    if not args.raw_dir.is_dir():
        sys.exit(f"upload_raw_files: {args.raw_dir} is not a directory")
    if "REVOPS_PG_PASSWORD" not in os.environ:
        sys.exit("upload_raw_files: set REVOPS_PG_PASSWORD to the password of REVOPS_PG_USER (no default)")
    connection = psycopg2.connect(
        host=os.environ.get("REVOPS_PG_HOST", "127.0.0.1"),
        port=os.environ.get("REVOPS_PG_PORT", "5432"),
        user=os.environ.get("REVOPS_PG_USER", "postgres"),
        password=os.environ["REVOPS_PG_PASSWORD"],
        dbname=os.environ.get("REVOPS_PG_DATABASE", "revops"),
    )
    try:
        connection.set_client_encoding("UTF8")
        with connection:  # one transaction: committed only when every file is in
            count = upload(connection, args.raw_dir)
    finally:
        connection.close()
    print(f"uploaded {count} raw files from {args.raw_dir} to schema {SCHEMA}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
