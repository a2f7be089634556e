"""Compare every mart of two builds of the project on different engines, row by row.

The reference is a DuckDB build; the other engine's rows are read through any DB-API connection.
Rows are matched on their text, date, timestamp and boolean columns (a mart's keys: ids, periods,
dimensions); the remaining columns are values and must agree within a tolerance:

- whole numbers, text, dates: exactly;
- a currency amount (a column typed with at most 2 decimals, or any number of a KPI whose unit is
  currency): within one cent;
- any other number (ratios, averages, scores): within 1e-9, relative to the value when it exceeds 1.

Each difference names the mart, the row's key (for kpi_values: the KPI, period and dimension) and
both values.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from decimal import Decimal
from typing import Any

import duckdb

KEY_TYPES = ("VARCHAR", "DATE", "BOOLEAN", "TIMESTAMP")
CENT = Decimal("0.01")
RATIO_TOLERANCE = Decimal("1e-9")

Rows = list[tuple[Any, ...]]


def mart_columns(reference: duckdb.DuckDBPyConnection, schema: str) -> dict[str, list[tuple[str, str]]]:
    """Every table of `schema` in the reference build, with its columns and DuckDB types, in order."""
    columns: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for table, column, data_type in reference.execute(
        "select table_name, column_name, data_type from information_schema.columns"
        " where table_schema = ? order by table_name, ordinal_position",
        [schema],
    ).fetchall():
        columns[table].append((column, data_type))
    return dict(columns)


def tolerance(data_type: str, currency: bool) -> Decimal | None:
    """How far two values of a column may be apart; None where they must be equal."""
    if not data_type.startswith(("DECIMAL", "DOUBLE", "FLOAT", "REAL")):
        return None
    scale = int(data_type.rstrip(")").split(",")[1]) if data_type.startswith("DECIMAL(") else None
    if currency or (scale is not None and scale <= 2):
        return CENT
    return RATIO_TOLERANCE


def agrees(reference: Any, other: Any, allowed: Decimal | None) -> bool:
    if reference is None or other is None:
        return reference is None and other is None
    if allowed is None:
        return reference == other
    reference, other = Decimal(str(reference)), Decimal(str(other))
    scale = 1 if allowed == CENT else max(Decimal(1), abs(reference))
    return abs(reference - other) <= allowed * scale


def rounded(value: Any) -> Any:
    """A sort key for a value column: numbers rounded coarsely, so near-equal values sort alike."""
    if value is None:
        return (0, 0)
    if isinstance(value, int | float | Decimal) and not isinstance(value, bool):
        return (1, round(Decimal(str(value)), 4))
    return (1, str(value))


def compare_table(
    table: str,
    columns: Sequence[tuple[str, str]],
    reference_rows: Rows,
    other_rows: Rows,
    currency_of: Callable[[tuple[Any, ...]], bool],
    engine: str,
) -> list[str]:
    """The differences between one mart's rows on DuckDB and on `engine`."""
    key_positions = [i for i, (_, data_type) in enumerate(columns) if data_type.startswith(KEY_TYPES)]
    value_positions = [i for i in range(len(columns)) if i not in key_positions]

    def grouped(rows: Rows) -> dict[tuple[Any, ...], Rows]:
        groups: dict[tuple[Any, ...], Rows] = defaultdict(list)
        for row in rows:
            groups[tuple(row[i] for i in key_positions)].append(row)
        for group in groups.values():
            group.sort(key=lambda row: [rounded(row[i]) for i in value_positions])
        return groups

    def named(key: tuple[Any, ...]) -> str:
        return ", ".join(f"{columns[i][0]}={value}" for i, value in zip(key_positions, key, strict=True))

    reference_groups, other_groups = grouped(reference_rows), grouped(other_rows)
    differences = []
    keys = sorted(
        reference_groups.keys() | other_groups.keys(), key=lambda key: [(v is None, str(v)) for v in key]
    )
    for key in keys:
        ours, theirs = reference_groups.get(key, []), other_groups.get(key, [])
        if len(ours) != len(theirs):
            counts = f"{len(ours)} rows on duckdb, {len(theirs)} on {engine}"
            differences.append(f"{table} [{named(key)}]: {counts}")
            continue
        for reference_row, other_row in zip(ours, theirs, strict=True):
            currency = currency_of(reference_row)
            for i in value_positions:
                column, data_type = columns[i]
                ours_value, their_value = reference_row[i], other_row[i]
                if not agrees(ours_value, their_value, tolerance(data_type, currency)):
                    values = f"duckdb {ours_value!r}, {engine} {their_value!r}"
                    differences.append(f"{table} [{named(key)}] {column}: {values}")
    return differences


def compare_marts(
    reference: duckdb.DuckDBPyConnection,
    other_tables: set[str],
    fetch_other: Callable[[str, Sequence[str]], Iterable[tuple[Any, ...]]],
    engine: str,
    schema: str = "marts",
) -> tuple[int, list[str]]:
    """Compare every table of `schema` in the DuckDB reference with the other engine's (its tables
    `other_tables`; `fetch_other(table, columns)` returns a table's rows); return the rows compared
    and the differences."""
    catalog = mart_columns(reference, schema)
    differences = [f"{table}: only on duckdb" for table in sorted(catalog.keys() - other_tables)]
    differences += [f"{table}: only on {engine}" for table in sorted(other_tables - catalog.keys())]
    currency = f"select kpi_id from {schema}.kpi_catalog where unit like 'currency%'"
    currency_kpis = {kpi_id for (kpi_id,) in reference.execute(currency).fetchall()}
    compared = 0
    for table, columns in catalog.items():
        if table not in other_tables:
            continue
        names = [column for column, _ in columns]
        select = ", ".join(f'"{name}"' for name in names)
        reference_rows = reference.execute(f'select {select} from {schema}."{table}"').fetchall()
        other_rows = [tuple(row) for row in fetch_other(table, names)]
        if "kpi_id" in names:
            position = names.index("kpi_id")

            def currency_of(row: tuple[Any, ...], position: int = position) -> bool:
                return row[position] in currency_kpis

        else:

            def currency_of(row: tuple[Any, ...], table: str = table) -> bool:
                return table in currency_kpis

        differences += compare_table(table, columns, reference_rows, other_rows, currency_of, engine)
        compared += len(reference_rows)
    return compared, differences


def assert_no_differences(compared: int, differences: list[str], minimum_rows: int) -> None:
    """Fail naming the first 30 differences, or when fewer rows than `minimum_rows` were compared
    (a build that lost a mart's rows must not pass for equal)."""
    assert compared > minimum_rows, compared
    assert differences == [], f"{len(differences)} differences:\n" + "\n".join(differences[:30])
