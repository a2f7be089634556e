"""Writers of the vendor shapes: each module turns a directory of raw data in the native contract
into the tables a Fivetran connector would have synced for the same records (`write_vendor_shape`),
so one story is written in two shapes. The adapters (models/staging/adapters) must read them back
into exactly the native rows: test_source_adapters compares every kpi_values row."""

from __future__ import annotations

import csv
import hashlib
from collections.abc import Iterable, Mapping, Sequence
from datetime import UTC, datetime
from functools import cache
from pathlib import Path

import yaml

PROJECT_DIR = Path(__file__).resolve().parents[3]

Row = dict[str, str]
"""A row of a native CSV file: column -> text ('' for an empty field)."""

ID_ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"


# --- the connector tables the adapters declare ------------------------------------------------------


@cache
def declared_columns(vendor: str) -> dict[str, tuple[str, ...]]:
    """Each connector table of `vendor` and its columns, in the order the adapter's sources YAML
    (models/staging/adapters/<vendor>/_<vendor>__sources.yml) lists them: the header of its file
    (PostgreSQL's loader wants the header to match the declared columns)."""
    path = PROJECT_DIR / "models/staging/adapters" / vendor / f"_{vendor}__sources.yml"
    (source,) = yaml.safe_load(path.read_text(encoding="utf-8"))["sources"]
    return {table["name"]: tuple(column["name"] for column in table["columns"]) for table in source["tables"]}


# --- native files ------------------------------------------------------------------------------------


def native_path(raw_dir: Path, source: str, table: str) -> Path:
    """The file of a native table: `<raw_dir>/<source>/<table>.csv`."""
    return raw_dir / source / f"{table}.csv"


def read_native(raw_dir: Path, source: str, table: str) -> list[Row]:
    """The rows of a native CSV file, every value as text ('' for an empty field); a missing file is
    a FileNotFoundError."""
    with native_path(raw_dir, source, table).open(newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def read_optional_native(raw_dir: Path, source: str, table: str) -> list[Row] | None:
    """The rows of an optional native table (as `read_native`), or None when it has no file."""
    if not native_path(raw_dir, source, table).exists():
        return None
    return read_native(raw_dir, source, table)


def delete_native(raw_dir: Path, source: str, tables: Iterable[str]) -> None:
    """Delete the native files a vendor shape replaces (a table without a file is fine)."""
    for table in tables:
        native_path(raw_dir, source, table).unlink(missing_ok=True)


def loaded_at(row: Mapping[str, str | None]) -> datetime:
    """When a native row was loaded (its `_loaded_at`), in UTC."""
    return parse_timestamp(row["_loaded_at"] or "")


def versions_by_key(rows: Iterable[Row], key: Sequence[str]) -> dict[tuple[str, ...], list[Row]]:
    """Each record's versions (the rows with one value of the `key` columns), oldest first by
    `_loaded_at` (rows loaded at the same instant in file order); records in order of first
    appearance."""
    versions: dict[tuple[str, ...], list[Row]] = {}
    for row in rows:
        versions.setdefault(tuple(row[column] for column in key), []).append(row)
    return {record: sorted(record_versions, key=loaded_at) for record, record_versions in versions.items()}


def latest_versions(
    rows: Iterable[Row], key: Sequence[str], *, first_of_equal: bool = False
) -> dict[tuple[str, ...], Row]:
    """Each record's latest version (the greatest `_loaded_at`), what an in-place sync leaves, by the
    value of the `key` columns, in order of first appearance. Of versions loaded at the same instant
    the last line wins, or the first with `first_of_equal`."""
    return {
        record: max(versions, key=loaded_at) if first_of_equal else versions[-1]
        for record, versions in versions_by_key(rows, key).items()
    }


# --- values --------------------------------------------------------------------------------------------


def parse_timestamp(text: str) -> datetime:
    """A native timestamp (ISO 8601 with a UTC offset or Z) as an aware datetime in UTC."""
    parsed = datetime.fromisoformat(text.strip())
    if parsed.tzinfo is None:
        raise ValueError(f"timestamp without a UTC offset: {text!r}")
    return parsed.astimezone(UTC)


def format_utc(moment: datetime) -> str:
    """A timestamp as the connector's files carry it: in UTC with an explicit offset,
    'YYYY-MM-DD HH:MM:SS[.ffffff]+00:00'."""
    return moment.astimezone(UTC).isoformat(sep=" ")


def utc(text: str | None) -> str:
    """A native timestamp as the connector writes it (`format_utc`); null or blank gives ''."""
    if text is None or not text.strip():
        return ""
    return format_utc(parse_timestamp(text))


def as_bool(text: str | None) -> bool:
    """A native boolean: true when the text is 'true' in any case and spacing; null is false."""
    return text is not None and text.strip().lower() == "true"


def bool_text(value: bool) -> str:
    """A boolean as the connector writes it: 'true' or 'false'."""
    return "true" if value else "false"


def normalized(text: str) -> str:
    """Text trimmed and in lower case: an enum value as the vendor's API spells it."""
    return text.strip().lower()


# --- generated ids -------------------------------------------------------------------------------------


def hash_characters(seed: str, count: int, digest_bytes: int = 32) -> str:
    """`count` characters of ID_ALPHABET from the SHA-256 of `seed` (its first `digest_bytes`
    bytes as a big-endian number, least significant digit first): a deterministic id part."""
    number = int.from_bytes(hashlib.sha256(seed.encode()).digest()[:digest_bytes], "big")
    characters = []
    for _ in range(count):
        number, index = divmod(number, len(ID_ALPHABET))
        characters.append(ID_ALPHABET[index])
    return "".join(characters)


def stable_bucket(key: str, buckets: int, digest_bytes: int = 4) -> int:
    """A stable number in [0, buckets) for `key` (the first `digest_bytes` bytes of its SHA-256,
    big-endian, modulo `buckets`), to pick the records that get a variant shape."""
    return int.from_bytes(hashlib.sha256(key.encode()).digest()[:digest_bytes], "big") % buckets


# --- connector files -----------------------------------------------------------------------------------


def write_table(
    raw_dir: Path,
    vendor: str,
    table: str,
    rows: Iterable[Mapping[str, str | None]],
    *,
    sort: bool = False,
    line_terminator: str = "\n",
) -> None:
    """One connector table as `<raw_dir>/<vendor>/<table>.csv`: a header of its declared columns
    (`declared_columns`), then one line per row, a column the row lacks or a null as an empty field;
    a row with a column not declared is an error. The lines come as given or, with `sort`, in order
    of their values (a stable file whatever order the rows were built in)."""
    columns = declared_columns(vendor)[table]
    lines = []
    for row in rows:
        unknown = set(row) - set(columns)
        if unknown:
            raise ValueError(f"{vendor}.{table}: columns not in the sources YAML: {sorted(unknown)}")
        values = [row.get(column) for column in columns]
        lines.append(["" if value is None else value for value in values])
    if sort:
        lines.sort()
    path = raw_dir / vendor / f"{table}.csv"
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle, lineterminator=line_terminator)
        writer.writerow(columns)
        writer.writerows(lines)
