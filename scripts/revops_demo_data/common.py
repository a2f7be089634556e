"""Shared by every source: the data window, time and random helpers, the messiness of typed values,
and the raw tables that hold rows and write them the way the EL tool exports them (re-synced
versions, ``_loaded_at``, UTC offsets).

Internally every ``datetime`` is naive and means UTC; offsets are applied only when a value is
written (format_cell). Money in billing is integer minor units; money in crm and revops is held as
integer hundredths of the major unit and written with two decimals.
"""

from __future__ import annotations

import calendar
import csv
import math
import random
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import TypeVar

from .contract import RawTable

T = TypeVar("T")
Value = str | int | bool | date | datetime | None

# --------------------------------------------------------------------------------------------------
# Time window, offsets and small helpers
# --------------------------------------------------------------------------------------------------

START = datetime(2023, 1, 1)
END = datetime(2026, 1, 1)  # exclusive end of the data window
LAST_INSTANT = END - timedelta(seconds=1)
LOAD_CAP = datetime(2026, 1, 1, 6, 0, 0)  # the last EL sync
MONTHS: list[date] = [date(2023 + i // 12, i % 12 + 1, 1) for i in range(36)]

# (minutes east of UTC, suffix written, weight): the offsets raw exports use.
UTC_OFFSETS: list[tuple[int, str]] = [
    (0, "Z"),
    (0, "+00:00"),
    (60, "+01:00"),
    (120, "+02:00"),
    (-300, "-05:00"),
    (-240, "-04:00"),
    (-480, "-08:00"),
    (540, "+09:00"),
    (330, "+05:30"),
]
UTC_OFFSET_CUM_WEIGHTS: list[int] = [80, 84, 87, 89, 93, 95, 97, 99, 100]

# Timestamp columns that may lie after the data window (scheduled, not happened): all others may not.
FUTURE_COLUMNS = {"trial_end", "current_period_end", "cancel_at", "period_end"}
RESYNC_RATE = 0.02  # share of rows that appear again with a later _loaded_at
TRIPLE_RATE = 0.004  # share of rows that appear three times


def seconds(n: float) -> timedelta:
    """A whole-second duration (the data never carries sub-second precision)."""
    return timedelta(seconds=int(n))


def hours(n: float) -> timedelta:
    return timedelta(seconds=int(n * 3600))


def days(n: float) -> timedelta:
    return timedelta(seconds=int(n * 86400))


def minutes_between(rng: random.Random, low: int, high: int) -> timedelta:
    return timedelta(minutes=rng.randint(low, high))


def add_months(moment: datetime, n: int, anchor_day: int) -> datetime:
    """`moment` moved by n calendar months, on `anchor_day` clamped to the month's length (Stripe)."""
    total = moment.month - 1 + n
    year, month = moment.year + total // 12, total % 12 + 1
    return moment.replace(year=year, month=month, day=min(anchor_day, calendar.monthrange(year, month)[1]))


def month_of(moment: date | datetime) -> date:
    return date(moment.year, moment.month, 1)


def month_end(month: date) -> datetime:
    """The last second of a calendar month."""
    return datetime(month.year, month.month, calendar.monthrange(month.year, month.month)[1], 23, 59, 59)


def month_weights(growth: float) -> list[float]:
    """Cumulative weights over the 36 months for volumes that grow over time."""
    cumulative, total = [], 0.0
    for index in range(36):
        total += 1 + growth * index / 35
        cumulative.append(total)
    return cumulative


def between(rng: random.Random, start: datetime, end: datetime) -> datetime:
    """A uniformly random whole-second instant in [start, end]."""
    span = int((end - start).total_seconds())
    return start + timedelta(seconds=rng.randint(0, max(span, 0)))


def pick(rng: random.Random, options: Sequence[tuple[T, float]]) -> T:
    """A weighted choice from (value, weight) pairs."""
    return rng.choices([value for value, _ in options], weights=[weight for _, weight in options])[0]


def poisson(rng: random.Random, lam: float) -> int:
    """A Poisson draw (Knuth's method; normal approximation for large means)."""
    if lam <= 0:
        return 0
    if lam > 40:
        return max(0, round(rng.gauss(lam, math.sqrt(lam))))
    limit, k, product = math.exp(-lam), 0, rng.random()
    while product > limit:
        k += 1
        product *= rng.random()
    return k


def messy(rng: random.Random, value: str, rate: float = 0.15) -> str:
    """An enum value as a person or an export tool may have typed it: case and padding vary."""
    draw = rng.random()
    if draw >= rate:
        return value
    variants = [value.lower(), value.upper(), value.lower(), f" {value}", f"{value} ", f" {value.lower()} "]
    return variants[min(int(draw / rate * len(variants)), len(variants) - 1)]


def round_to(value: float, step: int) -> int:
    return int(round(value / step)) * step


def scaled(base: float, scale: float, minimum: int) -> int:
    return max(minimum, round(base * scale))


# --------------------------------------------------------------------------------------------------
# Tables: rows, re-synced versions, writing
# --------------------------------------------------------------------------------------------------


@dataclass
class Record:
    """One row of a raw table in its latest state, and an optional earlier state of it."""

    values: list[Value]
    changed_at: datetime  # the row's own last change: the EL sync comes after it
    stale: tuple[dict[str, Value], datetime] | None = None  # overrides giving an earlier state, as of
    force_resync: bool = False


class Table:
    """A raw table: its contract columns (name, kind), primary key and records."""

    def __init__(self, contract: RawTable) -> None:
        self.source, self.name = contract.source, contract.name
        self.columns = [column.name for column in contract.columns]
        self.kinds = [column.kind for column in contract.columns]
        self.position = {column: index for index, column in enumerate(self.columns)}
        self.key = [self.position[column] for column in contract.primary_key]
        self.records: list[Record] = []

    def add(
        self,
        changed_at: datetime,
        *,
        stale: tuple[dict[str, Value], datetime] | None = None,
        force_resync: bool = False,
        **values: Value,
    ) -> Record:
        if sorted(values) != sorted(self.columns):
            missing = [c for c in self.columns if c not in values]
            extra = [c for c in values if c not in self.position]
            raise ValueError(f"{self.source}.{self.name}: missing {missing}, unknown {extra}")
        for column, kind in zip(self.columns, self.kinds, strict=True):
            value = values[column]
            if kind == "ts" and isinstance(value, datetime) and value >= END and column not in FUTURE_COLUMNS:
                raise ValueError(f"{self.source}.{self.name}.{column} = {value} is after the data window")
        record = Record([values[c] for c in self.columns], min(changed_at, LAST_INSTANT), stale, force_resync)
        self.records.append(record)
        return record

    # -- writing -------------------------------------------------------------------------------

    def versions(self, rng: random.Random, record: Record) -> list[tuple[list[Value], datetime]]:
        """The versions the EL tool synced: usually one, sometimes two or three (latest last)."""
        latest = (record.values, record.changed_at)
        draw = rng.random()
        if not (record.force_resync or draw < RESYNC_RATE):
            return [latest]
        older: tuple[list[Value], datetime]
        if record.stale is not None and (record.force_resync or rng.random() < 0.7):
            overrides, as_of = record.stale
            values = list(record.values)
            for column, value in overrides.items():
                values[self.position[column]] = value
            older = (values, min(as_of, record.changed_at))
        else:
            older = (list(record.values), record.changed_at)
        if draw < TRIPLE_RATE:
            return [older, (list(record.values), record.changed_at), latest]
        return [older, latest]

    def write(self, directory: Path, rng: random.Random) -> int:
        """Write the CSV sorted by key and _loaded_at; return the number of data rows."""
        rows: list[tuple[tuple[object, ...], list[str]]] = []
        seen_keys: set[tuple[object, ...]] = set()
        for record in self.records:
            key = tuple(record.values[i] for i in self.key)
            if key in seen_keys:
                raise ValueError(f"{self.source}.{self.name}: duplicate primary key {key}")
            seen_keys.add(key)
            versions = self.versions(rng, record)
            loaded = loaded_times(rng, [as_of for _, as_of in versions])
            for (values, _), loaded_at in zip(versions, loaded, strict=True):
                cells = [
                    format_cell(rng, kind, value) for kind, value in zip(self.kinds, values, strict=True)
                ]
                cells.append(loaded_at.isoformat() + "Z")
                rows.append(((*key, loaded_at), cells))
        rows.sort(key=lambda item: item[0])
        path = directory / self.source / f"{self.name}.csv"
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("w", newline="", encoding="utf-8") as handle:
            writer = csv.writer(handle, lineterminator="\n")
            writer.writerow([*self.columns, "_loaded_at"])
            writer.writerows(cells for _, cells in rows)
        return len(rows)


def nightly_sync_after(rng: random.Random, moment: datetime) -> datetime:
    """The nightly EL run (01:00-05:00 UTC) after `moment`."""
    day = moment.date() + timedelta(days=1)
    return datetime(day.year, day.month, day.day, 1) + seconds(rng.randint(0, 4 * 3600 - 1))


def loaded_times(rng: random.Random, as_ofs: list[datetime]) -> list[datetime]:
    """Strictly increasing _loaded_at values for a row's versions, never after the last sync."""
    result: list[datetime] = []
    for index, as_of in enumerate(as_ofs):
        candidate = nightly_sync_after(rng, min(as_of, LAST_INSTANT))
        if result and candidate <= result[-1]:
            candidate = result[-1] + days(rng.randint(1, 20)) + seconds(rng.randint(0, 3600))
        result.append(min(candidate, LOAD_CAP - timedelta(minutes=len(as_ofs) - 1 - index)))
    return result


def format_cell(rng: random.Random, kind: str, value: Value) -> str:
    """Render one value the way the raw exports write it."""
    if value is None:
        return ""
    if kind == "ts":
        assert isinstance(value, datetime)
        offset, suffix = rng.choices(UTC_OFFSETS, cum_weights=UTC_OFFSET_CUM_WEIGHTS)[0]
        return (value.replace(microsecond=0) + timedelta(minutes=offset)).isoformat() + suffix
    if kind == "bool":
        return "true" if value else "false"
    if kind == "money":  # integer hundredths of the major unit -> decimal with two places
        assert isinstance(value, int)
        sign = "-" if value < 0 else ""
        return f"{sign}{abs(value) // 100}.{abs(value) % 100:02d}"
    if isinstance(value, date):
        return value.isoformat()
    return str(value)
