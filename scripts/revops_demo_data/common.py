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
import functools
import io
import marshal
import math
import random
import tempfile
from bisect import bisect_right
from collections.abc import Callable, Sequence
from datetime import date, datetime, time, timedelta
from itertools import accumulate
from operator import itemgetter
from pathlib import Path
from typing import IO, TypeVar

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
UTC_OFFSETS: list[tuple[timedelta, str]] = [
    (timedelta(minutes=minutes), suffix)
    for minutes, suffix in [
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


@functools.cache
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


def below(getrandbits: Callable[[int], int], n: int) -> int:
    """A uniform int in [0, n), n > 0, drawn exactly as random.Random's randrange(n), randint and
    choice draw it (rejection sampling on n.bit_length() bits), without their call overhead."""
    bits = n.bit_length()
    drawn = getrandbits(bits)
    while drawn >= n:
        drawn = getrandbits(bits)
    return drawn


def pick(rng: random.Random, options: Sequence[tuple[T, float]]) -> T:
    """A weighted choice from (value, weight) pairs."""
    cumulative = list(accumulate([weight for _, weight in options]))  # as rng.choices(weights=...) draws
    return options[bisect_right(cumulative, rng.random() * (cumulative[-1] + 0.0), 0, len(options) - 1)][0]


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


class Table:
    """A raw table: its contract columns (name, kind), primary key and rows.

    Each row is turned into its CSV lines when it is added (its re-synced versions, their
    ``_loaded_at`` and UTC offsets drawn from the table's own random stream, in the order rows are
    added), so a table holds one short string per line, not the row's values; write sorts the lines
    by key and ``_loaded_at``."""

    def __init__(self, contract: RawTable, rng: random.Random) -> None:
        self.source, self.name = contract.source, contract.name
        self.columns = [column.name for column in contract.columns]
        self.kinds = [column.kind for column in contract.columns]
        self.position = {column: index for index, column in enumerate(self.columns)}
        self.key = [self.position[column] for column in contract.primary_key]
        self.rng = rng
        self.past_only = [
            index
            for index, (column, kind) in enumerate(zip(self.columns, self.kinds, strict=True))
            if kind == "ts" and column not in FUTURE_COLUMNS
        ]
        self.formats = [CELL_FORMATS.get(kind, format_plain) for kind in self.kinds]
        self.plain = [kind not in CELL_FORMATS for kind in self.kinds]  # a str value is written as is
        self.count = 0  # rows added
        # (key columns..., _loaded_at, CSV line) of each line, dates as ISO strings (which sort as the
        # dates do; a flat tuple sorts faster than one holding the key as a tuple);
        # every SPILL_ROWS lines go to a temporary file, so the run's memory does not grow with them
        self.lines: list[tuple[str | int, ...]] = []
        self.spill: IO[bytes] | None = None
        self.quoting = io.StringIO()
        self.quoting_writer = csv.writer(self.quoting, lineterminator="\n")

    def add(
        self,
        changed_at: datetime,
        *,
        stale: tuple[dict[str, Value], datetime] | None = None,
        force_resync: bool = False,
        **values: Value,
    ) -> list[Value]:
        """Add a row in its latest state (with an optional earlier state: overrides, as of); return
        its values in column order."""
        if values.keys() != self.position.keys():
            missing = [c for c in self.columns if c not in values]
            extra = [c for c in values if c not in self.position]
            raise ValueError(f"{self.source}.{self.name}: missing {missing}, unknown {extra}")
        row = [values[c] for c in self.columns]
        for index in self.past_only:
            value = row[index]
            if isinstance(value, datetime) and value >= END:
                column = f"{self.source}.{self.name}.{self.columns[index]}"
                raise ValueError(f"{column} = {value} is after the data window")
        key = [plain_key(row[index]) for index in self.key]
        self.count += 1
        versions = self.versions(row, min(changed_at, LAST_INSTANT), stale, force_resync)
        loaded = loaded_times(self.rng, [as_of for _, as_of in versions])
        for (version, _), loaded_at in zip(versions, loaded, strict=True):
            loaded_text = loaded_at.isoformat()
            self.lines.append((*key, loaded_text, self.csv_line(version, loaded_text)))
        if len(self.lines) >= SPILL_ROWS:
            if self.spill is None:
                self.spill = tempfile.TemporaryFile()  # noqa: SIM115 (closed once read back, in take_lines)
            marshal.dump(self.lines, self.spill)
            self.lines = []
        return row

    def versions(
        self,
        row: list[Value],
        changed_at: datetime,
        stale: tuple[dict[str, Value], datetime] | None,
        force_resync: bool,
    ) -> list[tuple[list[Value], datetime]]:
        """The versions the EL tool synced: usually one, sometimes two or three (latest last)."""
        random = self.rng.random
        draw = random()
        if not (force_resync or draw < RESYNC_RATE):
            return [(row, changed_at)]
        older: tuple[list[Value], datetime]
        if stale is not None and (force_resync or random() < 0.7):
            overrides, as_of = stale
            values = list(row)
            for column, value in overrides.items():
                values[self.position[column]] = value
            older = (values, min(as_of, changed_at))
        else:
            older = (row, changed_at)
        if draw < TRIPLE_RATE:
            return [older, (row, changed_at), (row, changed_at)]
        return [older, (row, changed_at)]

    def csv_line(self, values: list[Value], loaded_at: str) -> str:
        """One CSV line (RFC 4180 quoting, ``\\n`` end): the cells as the raw exports write them."""
        rng = self.rng
        cells = [
            ""
            if value is None
            else value
            if plain and value.__class__ is str
            else cell(rng, value)
            if cell is format_timestamp
            else cell(value)
            for cell, plain, value in zip(self.formats, self.plain, values, strict=True)
        ]
        cells.append(loaded_at + "Z")
        line = ",".join(cells)
        if line.count(",") == len(cells) - 1 and '"' not in line and "\n" not in line and "\r" not in line:
            return line + "\n"
        self.quoting.seek(0)
        self.quoting.truncate()
        self.quoting_writer.writerow(cells)
        return self.quoting.getvalue()

    def write(self, directory: Path) -> int:
        """Write the CSV sorted by key and _loaded_at; return the number of data rows."""
        lines = self.take_lines()
        lines.sort()
        keys = len(set(map(itemgetter(*range(len(self.key))), lines)))
        if keys != self.count:
            raise ValueError(f"{self.source}.{self.name}: {self.count - keys} rows repeat a primary key")
        path = directory / self.source / f"{self.name}.csv"
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("w", newline="", encoding="utf-8") as handle:
            csv.writer(handle, lineterminator="\n").writerow([*self.columns, "_loaded_at"])
            handle.writelines(map(itemgetter(-1), lines))
        return len(lines)

    def take_lines(self) -> list[tuple[str | int, ...]]:
        """Every line added so far, the spilled ones read back; the table no longer holds them."""
        lines, self.lines = self.lines, []
        if self.spill is None:
            return lines
        spilled: list[tuple[str | int, ...]] = []
        self.spill.seek(0)
        while True:
            try:
                spilled.extend(marshal.load(self.spill))
            except EOFError:
                break
        self.spill.close()
        self.spill = None
        return spilled + lines


def plain_key(value: Value) -> Value:
    """A key value as marshal stores it: dates as ISO strings, which sort as the dates do."""
    return value.isoformat() if isinstance(value, date) else value


SPILL_ROWS = 10_000
ONE_DAY, ONE_AM = timedelta(days=1), time(1)


def nightly_sync_after(rng: random.Random, moment: datetime) -> datetime:
    """The nightly EL run (01:00-05:00 UTC) after `moment`."""
    drawn = below(rng.getrandbits, 4 * 3600)  # rng.randint(0, 4 * 3600 - 1)
    return datetime.combine(moment.date() + ONE_DAY, ONE_AM) + timedelta(seconds=drawn)


def loaded_times(rng: random.Random, as_ofs: list[datetime]) -> list[datetime]:
    """Strictly increasing _loaded_at values for a row's versions, never after the last sync."""
    result: list[datetime] = []
    for index, as_of in enumerate(as_ofs):
        candidate = nightly_sync_after(rng, min(as_of, LAST_INSTANT))
        if result and candidate <= result[-1]:
            candidate = result[-1] + days(rng.randint(1, 20)) + seconds(rng.randint(0, 3600))
        result.append(min(candidate, LOAD_CAP - timedelta(minutes=len(as_ofs) - 1 - index)))
    return result


def format_timestamp(rng: random.Random, value: datetime) -> str:
    """A timestamp written with one of the UTC offsets raw exports use (the instant stays right)."""
    offset, suffix = UTC_OFFSETS[bisect_right(UTC_OFFSET_CUM_WEIGHTS, rng.random() * 100.0, 0, 8)]
    if value.microsecond:
        value = value.replace(microsecond=0)
    return (value + offset if offset else value).isoformat() + suffix


def format_money(value: int) -> str:
    """Integer hundredths of the major unit -> decimal with two places."""
    sign = "-" if value < 0 else ""
    return f"{sign}{abs(value) // 100}.{abs(value) % 100:02d}"


def format_plain(value: Value) -> str:
    return value.isoformat() if isinstance(value, date) else str(value)


# How each kind of non-null value is written (format_plain for the other kinds).
CELL_FORMATS = {
    "ts": format_timestamp,
    "bool": lambda value: "true" if value else "false",
    "money": format_money,
}
