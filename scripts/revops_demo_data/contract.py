"""The raw data contract as the generator reads it: the sources YAML of the five demo sources.

``models/staging/<source>/_<source>__sources.yml`` declares every raw table the generator writes, in
order: its columns in order with their ``data_type``, its primary key (``config.meta.primary_key``)
and its amounts (``config.meta.amount_columns``). How a value is written (its kind) follows from
the column's ``data_type``:

* ``timestamptz``: ``ts``, ISO-8601 with an explicit UTC offset
* ``boolean``: ``bool``, ``true`` / ``false``
* ``date``: ``date``, ``YYYY-MM-DD``
* ``integer``, ``bigint``: ``int``
* ``varchar``: ``str``
* ``numeric(p,s)`` named in ``amount_columns``: ``money``, an amount the generator holds as integer
  hundredths of the major unit (crm, revops), written with two decimals
* any other ``numeric(p,s)``: ``number``, written as the generator formats it (a probability, an FX
  rate, a target)

The last column of every table, ``_loaded_at`` (the EL tool's sync time), is not a generated value:
Table.write adds it.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

SOURCES = ("crm", "billing", "support", "product", "revops")
STAGING_DIR = Path(__file__).resolve().parents[2] / "models" / "staging"
LOADED_AT = "_loaded_at"
KINDS = {
    "timestamptz": "ts",
    "boolean": "bool",
    "date": "date",
    "integer": "int",
    "bigint": "int",
    "varchar": "str",
}


@dataclass(frozen=True)
class Column:
    """One generated column: its name, its data_type in the contract and how it is written."""

    name: str
    data_type: str
    kind: str


@dataclass(frozen=True)
class RawTable:
    """One raw table of the contract: its generated columns in order (without ``_loaded_at``)."""

    source: str
    name: str
    columns: tuple[Column, ...]
    primary_key: tuple[str, ...]


def column_kind(data_type: str, is_amount: bool) -> str:
    """How a column's values are written, from its data_type (see the module docstring)."""
    data_type = data_type.strip().lower()
    if data_type.startswith("numeric"):
        return "money" if is_amount else "number"
    if data_type not in KINDS:
        raise ValueError(f"no way to write data_type {data_type!r}")
    return KINDS[data_type]


def sources_file(source: str, staging_dir: Path = STAGING_DIR) -> Path:
    return staging_dir / source / f"_{source}__sources.yml"


def raw_tables(staging_dir: Path = STAGING_DIR) -> list[RawTable]:
    """Every raw table of the five sources, in the order of the sources YAML."""
    tables: list[RawTable] = []
    for source in SOURCES:
        path = sources_file(source, staging_dir)
        document = yaml.safe_load(path.read_text(encoding="utf-8"))
        [declared] = [item for item in document["sources"] if item["name"] == source]
        for table in declared["tables"]:
            tables.append(read_table(source, table, path))
    return tables


def read_table(source: str, table: dict[str, Any], path: Path) -> RawTable:
    """A RawTable from one table entry of a sources YAML (checked: key, amounts, _loaded_at last)."""
    name = f"{source}.{table['name']}"
    meta = table.get("config", {}).get("meta", {})
    declared = [(column["name"], column["data_type"]) for column in table["columns"]]
    if not declared or declared[-1] != (LOADED_AT, "timestamptz"):
        raise ValueError(f"{path}: {name} must end with {LOADED_AT} (timestamptz)")
    names = [column for column, _ in declared[:-1]]
    amounts = set(meta.get("amount_columns") or [])
    primary_key = tuple(meta.get("primary_key") or [])
    unknown = [column for column in [*primary_key, *amounts] if column not in names]
    if not primary_key or unknown:
        raise ValueError(f"{path}: {name} needs a primary_key of its own columns (unknown: {unknown})")
    columns = tuple(
        Column(column, data_type, column_kind(data_type, column in amounts))
        for column, data_type in declared[:-1]
    )
    return RawTable(source, table["name"], columns, primary_key)
