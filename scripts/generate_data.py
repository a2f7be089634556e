#!/usr/bin/env python3
"""Generate the deterministic demo raw data of the RevOps metrics warehouse.

Writes one CSV per raw table of the raw data contract to ``<out>/<source>/<table>.csv`` (sources
crm, billing, support, product and revops): header row with the contract's column names in the
contract's order, RFC 4180 quoting, ``\\n`` line ends, an empty field for NULL.

The data tells one story across the sources, 2023-01-01 .. 2025-12-31:

* crm: reps with managers and monthly quotas; campaigns of every type; leads from every channel
  that sales contacts (or not), converts into accounts and new-business opportunities that walk the
  stages and end won, lost or still open; expansion and renewal opportunities that follow what
  billing shows; owner and segment history of accounts.
* billing: won deals become Stripe-like customers and subscriptions (plus self-serve trials from
  product sign-ups), invoiced every service period (monthly, quarterly, annual), with upgrades and
  their proration invoices, downgrades, second subscriptions, churn, reactivation, coupons (some
  100 %), one-time charges, void invoices, failed payments, past-due subscriptions and refunds.
* support: tickets from customers (more of them before churn) with their event history, CSAT
  ratings for solved tickets and quarterly NPS surveys.
* product: the users of customers, trials and free sign-ups, and their usage events.
* revops: GL expenses derived from headcount and campaign spend, FX rates, KPI targets,
  initiatives and tool adoption.

On top comes the messiness the contract asks for: mixed-case and space-padded enum values, re-synced
duplicates with a later ``_loaded_at`` (sometimes an older state), soft deletes, null foreign keys
and timestamps written with various UTC offsets (the instant is always right).

Determinism: every random draw comes from ``random.Random`` instances seeded with ``--seed`` and a
fixed label (string seeds are hashed with SHA-512, not with Python's randomised ``hash``); nothing
depends on the clock or on the iteration order of sets; rows are written sorted by primary key and
``_loaded_at``. The same seed and scale give byte-identical files.

Internally every ``datetime`` is naive and means UTC; offsets are applied only when a value is
written. Money in billing is integer minor units; money in crm and revops is held as integer
hundredths of the major unit and written with two decimals.

Usage: ``python scripts/generate_data.py [--seed 42] [--scale 1.0] [--out seeds] [--quiet]``
"""

from __future__ import annotations

import argparse
import calendar
import csv
import math
import random
import string
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import TypeVar

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
NEW_PRICE_DATE = datetime(2024, 1, 1)  # USD monthly starter/growth list prices changed here

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
# Tables a team edits by hand in its data directory (its targets): written only where the file does
# not exist yet, so regenerating the demo data (`make data`) never overwrites a team's own targets.
TEAM_OWNED_TABLES = {"revops.kpi_targets", "support.business_hours", "support.holidays"}
TRIPLE_RATE = 0.004  # share of rows that appear three times

# Volumes at scale 1 (about 1,000 billing customers; the committed seeds stay a few MB). Billing keeps
# every customer's full history; the bulky, repetitive tables (leads, tickets, usage) are kept small.
LEADS = 3600  # crm leads; about 30 % convert and 30 % of their deals are won: about 300 customers
SELF_SERVE_STARTS = 720  # product sign-ups that start a trial (about 60 % pay)
FREE_USERS = 300  # product sign-ups that never start a trial
TICKETS_PER_CUSTOMER_MONTH = 0.11  # support tickets per active customer and month (before modifiers)
TRACKS_PER_CUSTOMER_MONTH = 0.3  # product usage events per active customer and month (before modifiers)


def seconds(n: float) -> timedelta:
    """A whole-second duration (the data never carries sub-second precision)."""
    return timedelta(seconds=int(n))


def hours(n: float) -> timedelta:
    return timedelta(seconds=int(n * 3600))


def days(n: float) -> timedelta:
    return timedelta(seconds=int(n * 86400))


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

    def __init__(self, source: str, name: str, columns: str, key: Sequence[str]) -> None:
        self.source, self.name = source, name
        pairs = [item.split(":") for item in columns.split()]
        self.columns = [column for column, _ in pairs]
        self.kinds = [kind for _, kind in pairs]
        self.position = {column: index for index, column in enumerate(self.columns)}
        self.key = [self.position[column] for column in key]
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


# Every raw table of the contract: "source.table key=<primary key>", then its columns in contract order as
# name:kind, where kind says how a value is written: str, int, bool (true/false), date (YYYY-MM-DD),
# ts (ISO-8601 with an explicit UTC offset) or money (integer hundredths -> two decimals). Every table also
# gets `_loaded_at` as its last column.
RAW_TABLES = """
crm.users key=Id
    Id:str Name:str Email:str UserRole:str Team:str Region:str ManagerId:str IsQuotaCarrying:bool
    HiredDate:date TerminatedDate:date IsDeleted:bool SystemModstamp:ts
crm.accounts key=Id
    Id:str Name:str Segment:str Industry:str BillingCountry:str Region:str OwnerId:str CreatedDate:ts
    IsDeleted:bool SystemModstamp:ts
crm.account_history key=Id
    Id:str AccountId:str Field:str OldValue:str NewValue:str CreatedDate:ts
crm.leads key=Id
    Id:str Company:str Email:str LeadSource:str Status:str OwnerId:str CampaignId:str CreatedDate:ts
    IsConverted:bool ConvertedDate:date ConvertedAccountId:str ConvertedOpportunityId:str
    ConvertedContactId:str IsDeleted:bool
    SystemModstamp:ts
crm.opportunities key=Id
    Id:str Name:str AccountId:str Type:str StageName:str Amount:money CurrencyIsoCode:str
    Probability:int CreatedDate:ts CloseDate:date IsClosed:bool IsWon:bool OwnerId:str CampaignId:str
    IsDeleted:bool SystemModstamp:ts
crm.opportunity_history key=Id
    Id:str OpportunityId:str StageName:str Amount:money CloseDate:date Probability:int CreatedDate:ts
crm.opportunity_stages key=Id
    Id:str MasterLabel:str SortOrder:int DefaultProbability:int IsActive:bool IsClosed:bool IsWon:bool
crm.activities key=Id
    Id:str Type:str Subject:str WhoId:str WhatId:str OwnerId:str ActivityDateTime:ts IsDeleted:bool
    SystemModstamp:ts
crm.campaigns key=Id
    Id:str Name:str Type:str Channel:str StartDate:date EndDate:date ActualCost:money
    CurrencyIsoCode:str IsDeleted:bool SystemModstamp:ts
crm.campaign_members key=Id
    Id:str CampaignId:str LeadId:str AccountId:str Status:str HasResponded:bool CreatedDate:ts
    FirstRespondedDate:date
crm.quotas key=Id
    Id:str OwnerId:str PeriodType:str StartDate:date QuotaAmount:money CurrencyIsoCode:str
billing.customers key=id
    id:str email:str name:str crm_account_id:str currency:str country:str created:ts deleted:bool
billing.prices key=id
    id:str product_id:str plan_tier:str recurring_interval:str recurring_interval_count:int
    unit_amount:int currency:str active:bool created:ts
billing.subscriptions key=id
    id:str customer_id:str price_id:str quantity:int status:str trial_start:ts trial_end:ts
    start_date:ts current_period_start:ts current_period_end:ts cancel_at:ts canceled_at:ts ended_at:ts
    created:ts
billing.invoices key=id
    id:str customer_id:str subscription_id:str number:str status:str currency:str subtotal:int
    discount:int tax:int total:int amount_paid:int period_start:ts period_end:ts created:ts
billing.invoice_line_items key=id
    id:str invoice_id:str subscription_id:str price_id:str type:str description:str quantity:int
    amount:int discount_amount:int is_proration:bool period_start:ts period_end:ts currency:str
billing.payments key=id
    id:str invoice_id:str customer_id:str amount:int amount_refunded:int currency:str status:str
    failure_code:str created:ts refunded_at:ts
support.tickets key=id
    id:int account_id:str requester_email:str subject:str channel:str priority:str status:str
    assignee_id:int group_name:str created_at:ts updated_at:ts
support.ticket_events key=id
    id:int ticket_id:int event_type:str author_id:int author_role:str field_name:str previous_value:str
    value:str is_public:bool created_at:ts
support.agents key=id
    id:int name:str email:str role:str team:str is_active:bool created_at:ts
support.business_hours key=weekday,start_time
    time_zone:str weekday:int start_time:str end_time:str
support.holidays key=holiday_date
    holiday_date:date name:str
support.satisfaction_ratings key=id
    id:int ticket_id:int score:str comment:str created_at:ts updated_at:ts
support.nps_responses key=id
    id:int account_id:str billing_customer_id:str recipient_email:str sent_at:ts responded_at:ts
    score:int comment:str
product.users key=id
    id:str email:str billing_customer_id:str crm_account_id:str signup_at:ts signup_type:str
    signup_source:str
product.tracks key=id
    id:str user_id:str event:str timestamp:ts received_at:ts
revops.gl_expenses key=month,department,category
    month:date department:str category:str amount:money currency:str
revops.fx_rates key=month,currency
    month:date currency:str rate_to_usd:str
revops.kpi_targets key=kpi_id,period_grain,period_start,dimension,dimension_value
    kpi_id:str period_grain:str period_start:date dimension:str dimension_value:str target_value:str
revops.initiatives key=initiative_id
    initiative_id:str name:str owner:str planned_quarter:str size:str size_weight:int status:str
    implemented_date:date est_hours_saved_per_month:str
revops.tool_adoption key=month,tool
    month:date tool:str licensed_users:int active_users:int
"""


def table_definitions(spec: str) -> list[tuple[str, str, str, tuple[str, ...]]]:
    """Parse RAW_TABLES: (source, table, "column:kind ...", primary key columns) in contract order."""
    tables: list[tuple[str, str, str, tuple[str, ...]]] = []
    for line in spec.strip().splitlines():
        if not line.startswith(" "):
            name, key = line.split(" key=")
            source, table = name.split(".")
            tables.append((source, table, "", tuple(key.split(","))))
        else:
            source, table, columns, key = tables[-1]
            tables[-1] = (source, table, f"{columns} {line.strip()}".strip(), key)
    return tables


TABLE_DEFINITIONS = table_definitions(RAW_TABLES)


# --------------------------------------------------------------------------------------------------
# Reference data: names, geography, prices, FX
# --------------------------------------------------------------------------------------------------


def words(text: str) -> list[str]:
    """The whitespace-separated words of a text (keeps long name lists readable)."""
    return text.split()


FIRST_NAMES = words(
    "Alex Amelia Ana Ben Carla Chen Chloe Daniel David Diego Elena Emma Ethan Fatima Felix Gabriel "
    "Grace Hannah Hiro Isabel Ivan Jack James Julia Kai Karin Laura Leo Lina Lucas Maria Mateo Maya "
    "Mia Nina Noah Olivia Omar Paul Priya Rafael Rosa Sam Sara Sofia Tom Uma Victor Yuki Zoe Aiko "
    "Bruno Claire Dev Erik Femi Greta Hugo Ines Jonas Kenji Lea Marco Nora Oscar Pia Quinn Ravi Sven "
    "Tara"
)
LAST_NAMES = words(
    "Adams Alvarez Andersen Baker Becker Bianchi Brown Carter Chen Costa Dubois Evans Fischer Garcia "
    "Gomez Green Hansen Harris Hoffmann Ito Jensen Johnson Kato Kim Klein Kowalski Lee Lopez Martin "
    "Meyer Miller Moreau Murphy Nakamura Nguyen Novak Olsen Patel Perez Peters Rossi Santos Schmidt "
    "Silva Singh Smith Suzuki Tanaka Taylor Thomas Walker Wang Weber Wilson Wright Young Zimmermann"
)
COMPANY_HEADS = words(
    "Acme Alder Apex Arbor Atlas Aurora Beacon Birch Blue Bright Cedar Cobalt Copper Coral Crest "
    "Delta Ember Evergreen Falcon Fern Flint Fox Garnet Granite Harbor Hawk Helix Indigo Iron "
    "Juniper Kestrel Lark Lumen Maple Marble Meadow Mesa Nimbus North Nova Oak Onyx Orbit Pine Polar "
    "Prism Quartz Raven Ridge River Sage Silver Solar Spruce Stone Summit Swift Terra Tidal Topaz "
    "Vertex Willow Zenith"
)
COMPANY_TAILS: dict[str, str] = {
    "Analytics": "Software",
    "Bank": "Financial Services",
    "Bio": "Healthcare",
    "Brands": "Retail",
    "Capital": "Financial Services",
    "Cloud": "Software",
    "Data": "Software",
    "Dynamics": "Manufacturing",
    "Education": "Education",
    "Energy": "Manufacturing",
    "Foods": "Retail",
    "Freight": "Manufacturing",
    "Games": "Media",
    "Health": "Healthcare",
    "Insurance": "Financial Services",
    "Labs": "Software",
    "Learning": "Education",
    "Logistics": "Manufacturing",
    "Media": "Media",
    "Medical": "Healthcare",
    "Motors": "Manufacturing",
    "Networks": "Software",
    "Payments": "Financial Services",
    "Pharma": "Healthcare",
    "Retail": "Retail",
    "Robotics": "Manufacturing",
    "Schools": "Education",
    "Software": "Software",
    "Studios": "Media",
    "Systems": "Software",
    "Telecom": "Media",
    "Textiles": "Manufacturing",
    "Tools": "Manufacturing",
    "Wear": "Retail",
}
COMPANY_EXTRAS = ["", " Co", " Group"]
COMPANY_QUALIFIERS = words(
    "Digital Global United Next Prime First Smart Open Modern Pacific Atlantic Central"
)

# region -> [(country, billing currency, weight)]
COUNTRIES: dict[str, list[tuple[str, str, int]]] = {
    "NA": [("US", "usd", 82), ("CA", "usd", 18)],
    "EMEA": [
        ("GB", "gbp", 32),
        ("DE", "eur", 24),
        ("FR", "eur", 14),
        ("NL", "eur", 10),
        ("ES", "eur", 8),
        ("IE", "eur", 6),
        ("IT", "eur", 6),
    ],
    "APAC": [("JP", "jpy", 40), ("AU", "usd", 35), ("SG", "usd", 25)],
    "LATAM": [("BR", "usd", 50), ("MX", "usd", 35), ("CL", "usd", 15)],
}
REGION_WEIGHTS: list[tuple[str, float]] = [("NA", 48), ("EMEA", 32), ("APAC", 12), ("LATAM", 8)]
REGION_UTC_HOURS = {"NA": -5, "EMEA": 1, "APAC": 9, "LATAM": -3}
TLD = {
    "US": "com",
    "CA": "ca",
    "GB": "co.uk",
    "DE": "de",
    "FR": "fr",
    "NL": "nl",
    "ES": "es",
    "IE": "ie",
    "IT": "it",
    "JP": "co.jp",
    "AU": "com.au",
    "SG": "sg",
    "BR": "com.br",
    "MX": "mx",
    "CL": "cl",
}
LEGAL_FORMS = {
    "US": "Inc",
    "CA": "Inc",
    "GB": "Ltd",
    "DE": "GmbH",
    "FR": "SAS",
    "NL": "BV",
    "ES": "SL",
    "IE": "Ltd",
    "IT": "Srl",
    "JP": "KK",
    "AU": "Pty Ltd",
    "SG": "Pte Ltd",
    "BR": "Ltda",
    "MX": "SA de CV",
    "CL": "SpA",
}
# VAT / sales tax in basis points; EU B2B customers often reverse-charge (0).
TAX_BP = {
    "US": [0, 0, 0, 600, 725, 825],
    "CA": [500],
    "GB": [2000],
    "DE": [1900, 0],
    "FR": [2000, 0],
    "NL": [2100, 0],
    "ES": [2100, 0],
    "IE": [2300, 0],
    "IT": [2200, 0],
    "JP": [1000],
    "AU": [1000],
    "SG": [900],
    "BR": [0],
    "MX": [1600],
    "CL": [1900],
}
MINOR_UNIT_FACTOR = {"usd": 100, "eur": 100, "gbp": 100, "jpy": 1}

TIERS = ["starter", "growth", "pro", "enterprise"]
LIST_USD_CENTS_PER_SEAT_MONTH = {"starter": 1500, "growth": 3900, "pro": 7900, "enterprise": 14900}
LEGACY_USD_CENTS = {"starter": 1200, "growth": 2900}  # monthly USD list prices before 2024
PLANS = {"monthly": ("month", 1, 1.0), "quarterly": ("month", 3, 0.95), "annual": ("year", 1, 12 * 0.85)}
PLAN_MONTHS = {"monthly": 1, "quarterly": 3, "annual": 12}
CURRENCY_PRICE_FACTOR = {"usd": 1.0, "eur": 0.92, "gbp": 0.79, "jpy": 1.5}  # per USD cent

FX_BANDS = {"EUR": (1.05, 1.12, 1.07), "GBP": (1.20, 1.30, 1.25), "JPY": (0.0065, 0.0075, 0.0071)}


@dataclass(frozen=True)
class SegmentProfile:
    """How deals and subscriptions of a customer segment look."""

    tiers: tuple[tuple[str, float], ...]
    seats: tuple[int, int]
    plans: tuple[tuple[str, float], ...]
    cycle_days: tuple[int, int]
    monthly_churn: float
    annual_churn: float
    pod: str


SEGMENTS: dict[str, SegmentProfile] = {
    "SMB": SegmentProfile(
        (("starter", 30), ("growth", 55), ("pro", 15)),
        (2, 12),
        (("monthly", 75), ("quarterly", 10), ("annual", 15)),
        (10, 45),
        0.025,
        0.14,
        "SMB Pod",
    ),
    "Mid-Market": SegmentProfile(
        (("growth", 40), ("pro", 50), ("enterprise", 10)),
        (8, 30),
        (("monthly", 50), ("quarterly", 15), ("annual", 35)),
        (25, 90),
        0.013,
        0.09,
        "Team North",
    ),
    "Enterprise": SegmentProfile(
        (("pro", 40), ("enterprise", 60)),
        (20, 50),
        (("monthly", 10), ("quarterly", 15), ("annual", 75)),
        (60, 150),
        0.006,
        0.05,
        "Enterprise Pod",
    ),
}
SELF_SERVE = SegmentProfile(
    (("starter", 55), ("growth", 35), ("pro", 10)),
    (1, 5),
    (("monthly", 85), ("quarterly", 5), ("annual", 10)),
    (0, 0),
    0.035,
    0.2,
    "",
)

STAGES = ["Prospecting", "Discovery", "Demo", "Proposal", "Negotiation", "Closed Won", "Closed Lost"]
STAGE_PROBABILITY = {
    "Prospecting": 10,
    "Discovery": 20,
    "Demo": 40,
    "Proposal": 60,
    "Negotiation": 80,
    "Closed Won": 100,
    "Closed Lost": 0,
}

# label, weight, conversion probability, win probability, campaign channel sourcing it
LEAD_SOURCES: list[tuple[str, float, float, float, str | None]] = [
    ("Web", 20, 0.31, 0.30, None),
    ("Referral", 8, 0.46, 0.42, None),
    ("Paid Search", 14, 0.28, 0.27, "Paid Search"),
    ("Paid Social", 10, 0.21, 0.22, "Paid Social"),
    ("Event", 8, 0.33, 0.32, "Event"),
    ("Webinar", 10, 0.31, 0.30, "Webinar"),
    ("Outbound", 14, 0.26, 0.25, None),
    ("Partner", 6, 0.39, 0.36, None),
    ("Content", 10, 0.25, 0.27, "Content"),
]
SIGNUP_SOURCES: list[tuple[str, float]] = [
    ("organic", 45),
    ("paid_search", 20),
    ("paid_social", 12),
    ("referral", 15),
    ("partner", 8),
]


def month_weights(growth: float) -> list[float]:
    """Cumulative weights over the 36 months for volumes that grow over time."""
    cumulative, total = [], 0.0
    for index in range(36):
        total += 1 + growth * index / 35
        cumulative.append(total)
    return cumulative


# --------------------------------------------------------------------------------------------------
# Entities
# --------------------------------------------------------------------------------------------------


@dataclass
class Rep:
    id: str
    name: str
    email: str
    role: str  # canonical label, e.g. "Account Executive"
    team: str
    region: str
    manager_id: str | None
    hired: date
    terminated: date | None = None

    def active(self, moment: datetime) -> bool:
        day = moment.date()
        return self.hired <= day and (self.terminated is None or day < self.terminated)


@dataclass
class Campaign:
    id: str
    type: str
    channel: str
    start: date
    end: date
    cost: int  # hundredths of the major unit
    currency: str


@dataclass
class Account:
    id: str
    name: str
    domain: str
    segment: str
    industry: str
    country: str
    region: str
    currency: str
    created: datetime
    owners: list[tuple[datetime, str]] = field(default_factory=list)  # (from, owner id)
    segments: list[tuple[datetime, str]] = field(default_factory=list)  # (from, segment)
    contacts: list[str] = field(default_factory=list)

    def owner_at(self, moment: datetime) -> str:
        owner = self.owners[0][1]
        for since, rep_id in self.owners:
            if since <= moment:
                owner = rep_id
        return owner

    def segment_at(self, moment: datetime) -> str:
        segment = self.segments[0][1]
        for since, value in sorted(self.segments):
            if since <= moment:
                segment = value
        return segment


@dataclass
class DealPlan:
    tier: str
    plan: str
    seats: int
    discount_bp: int  # a negotiated discount for the life of the subscription


@dataclass
class OppChange:
    at: datetime
    stage: str
    amount: int | None
    close_date: date


@dataclass
class Opportunity:
    id: str
    name: str
    account: Account | None
    type: str
    currency: str
    owner_id: str
    campaign_id: str | None
    changes: list[OppChange]
    deleted: bool = False

    @property
    def final(self) -> OppChange:
        return self.changes[-1]

    @property
    def is_won(self) -> bool:
        return self.final.stage == "Closed Won"


@dataclass
class Price:
    id: str
    product_id: str
    tier: str
    plan: str
    interval: str
    count: int
    unit_amount: int
    currency: str
    active: bool
    created: datetime

    def period_amount(self, quantity: int) -> int:
        return self.unit_amount * quantity * self.count

    def acv(self, quantity: int) -> int:
        return self.period_amount(quantity) * 12 // PLAN_MONTHS[self.plan]


@dataclass
class Line:
    id: str
    subscription_id: str | None
    price_id: str | None
    type: str
    description: str
    quantity: int
    amount: int
    discount: int
    is_proration: bool
    period_start: datetime
    period_end: datetime


@dataclass
class Payment:
    id: str
    amount: int
    status: str
    created: datetime
    failure_code: str | None = None
    refunded: int = 0
    refunded_at: datetime | None = None


@dataclass
class Invoice:
    id: str
    customer: Customer
    subscription_id: str | None
    status: str
    lines: list[Line]
    tax_bp: int
    period_start: datetime
    period_end: datetime
    created: datetime
    payments: list[Payment] = field(default_factory=list)
    number: str = ""

    @property
    def subtotal(self) -> int:
        return sum(line.amount for line in self.lines)

    @property
    def discount(self) -> int:
        return sum(line.discount for line in self.lines)

    @property
    def tax(self) -> int:
        net = self.subtotal - self.discount
        return (net * self.tax_bp + 5000) // 10000 if net > 0 else 0

    @property
    def total(self) -> int:
        return self.subtotal - self.discount + self.tax


@dataclass
class Segment:
    """A stretch of a subscription with one price, quantity and discount (for MRR estimates)."""

    start: datetime
    end: datetime
    price: Price
    quantity: int
    discount_bp: int


@dataclass
class SubEvent:
    kind: str  # upgrade, downgrade, add_subscription
    at: datetime
    old_acv: int
    new_acv: int


@dataclass
class Subscription:
    id: str
    customer: Customer
    price: Price
    quantity: int
    created: datetime
    status: str = "active"
    trial_start: datetime | None = None
    trial_end: datetime | None = None
    period_start: datetime | None = None
    period_end: datetime | None = None
    cancel_at: datetime | None = None
    canceled_at: datetime | None = None
    ended_at: datetime | None = None
    changed_at: datetime | None = None
    segments: list[Segment] = field(default_factory=list)
    events: list[SubEvent] = field(default_factory=list)
    invoices: list[Invoice] = field(default_factory=list)
    terms: list[tuple[datetime, datetime, int]] = field(default_factory=list)  # (start, end, acv)

    @property
    def paid_start(self) -> datetime | None:
        return self.segments[0].start if self.segments else None


@dataclass
class Customer:
    id: str
    email: str
    name: str
    account: Account | None
    currency: str
    country: str
    created: datetime
    kind: str  # sales, self_serve, trial_only, second_currency, duplicate
    tax_bp: int
    profile: SegmentProfile
    deleted: bool = False
    subscriptions: list[Subscription] = field(default_factory=list)
    one_time_invoices: list[Invoice] = field(default_factory=list)
    users: list[tuple[str, str, datetime]] = field(default_factory=list)  # product user (id, email, signup)
    signup_source: str = "sales_assisted"

    def active_spans(self) -> list[tuple[datetime, datetime]]:
        """Paid spans of its subscriptions: first paid period start to end (or the data end)."""
        spans = []
        for subscription in self.subscriptions:
            if subscription.paid_start is not None:
                spans.append((subscription.paid_start, subscription.ended_at or END))
        return sorted(spans)

    def is_active(self, moment: datetime) -> bool:
        return any(start <= moment < end for start, end in self.active_spans())

    def churn_moments(self) -> list[datetime]:
        """Moments after which the customer had no paid subscription (full churn)."""
        spans = self.active_spans()
        moments = []
        for _, end in spans:
            if end < END and not any(start <= end < other_end for start, other_end in spans):
                moments.append(end)
        return sorted(moments)


# --------------------------------------------------------------------------------------------------
# The generator
# --------------------------------------------------------------------------------------------------


class Generator:
    """Builds every raw table for one seed and scale."""

    def __init__(self, seed: int, scale: float) -> None:
        self.seed, self.scale = seed, scale
        self.tables = {f"{s}.{n}": Table(s, n, cols, key) for s, n, cols, key in TABLE_DEFINITIONS}
        self.ids_rng = self.rng("ids")
        self.seen_ids: set[str] = set()
        self.fx: dict[tuple[date, str], float] = {}
        self.reps: list[Rep] = []
        self.campaigns: list[Campaign] = []
        self.accounts: list[Account] = []
        self.opportunities: list[Opportunity] = []
        self.customers: list[Customer] = []
        self.prices: dict[tuple[str, str, str, bool], Price] = {}
        self.agents: list[tuple[int, str, datetime, datetime | None]] = []  # id, team, start, left
        self.company_names: set[str] = set()
        self.emails: set[str] = set()
        self.free_users: list[tuple[str, str, datetime]] = []
        self.won_deals: list[tuple[Opportunity, DealPlan, str]] = []  # (opp, plan, lead source)

    # -- randomness and ids -------------------------------------------------------------------

    def rng(self, label: str) -> random.Random:
        return random.Random(f"{self.seed}:{label}")

    def new_id(self, prefix: str, length: int, alphabet: str = string.ascii_letters + string.digits) -> str:
        while True:
            candidate = prefix + "".join(self.ids_rng.choices(alphabet, k=length))
            if candidate not in self.seen_ids:
                self.seen_ids.add(candidate)
                return candidate

    def sf_id(self, prefix: str) -> str:
        """A Salesforce-style 18-character id: 3-character key prefix + 15 characters."""
        return self.new_id(prefix + "5g0000", 9)

    def person(self, rng: random.Random) -> tuple[str, str]:
        return rng.choice(FIRST_NAMES), rng.choice(LAST_NAMES)

    def unique_email(self, local: str, domain: str) -> str:
        email, n = f"{local}@{domain}", 1
        while email in self.emails:
            n += 1
            email = f"{local}{n}@{domain}"
        self.emails.add(email)
        return email

    def company(self, rng: random.Random, country: str) -> tuple[str, str, str]:
        """A unique company: (name, web domain, industry)."""
        attempt = 0
        while True:
            head, tail = rng.choice(COMPANY_HEADS), rng.choice(list(COMPANY_TAILS))
            extra = rng.choice(COMPANY_EXTRAS)
            qualifier = f"{rng.choice(COMPANY_QUALIFIERS)} " if attempt >= 3 else ""
            base = f"{head} {qualifier}{tail}{extra}" + (f" {attempt}" if attempt >= 30 else "")
            attempt += 1
            if base not in self.company_names:
                self.company_names.add(base)
                domain = base.lower().replace(" ", "") + "." + TLD[country]
                return f"{base} {LEGAL_FORMS[country]}", domain, COMPANY_TAILS[tail]

    def rate(self, month: date, currency: str) -> float:
        """USD per unit of `currency` in a month (months outside the window use the nearest)."""
        month = min(max(month, MONTHS[0]), MONTHS[-1])
        return 1.0 if currency.upper() == "USD" else self.fx[(month, currency.upper())]

    def convert_minor(self, amount: int, from_currency: str, to_currency: str, moment: datetime) -> int:
        """Convert minor units between currencies at the month's rates."""
        month = month_of(moment)
        usd = amount / MINOR_UNIT_FACTOR[from_currency] * self.rate(month, from_currency)
        return round(usd / self.rate(month, to_currency) * MINOR_UNIT_FACTOR[to_currency])

    @staticmethod
    def crm_amount(minor: int, currency: str) -> int:
        """Billing minor units -> crm hundredths of the major unit."""
        return minor * 100 // MINOR_UNIT_FACTOR[currency]

    # -- run ------------------------------------------------------------------------------------

    def build(self) -> None:
        self.build_fx_rates()
        self.build_reps()
        self.build_agents()
        self.build_campaigns()
        self.build_prices()
        self.build_leads_and_deals()
        self.build_sales_customers()
        self.build_self_serve_customers()
        self.build_follow_up_opportunities()
        self.write_crm()
        self.write_billing()
        self.build_product()
        self.build_support()
        self.build_support_schedule()
        self.build_revops()
        self.build_repeat_inquiries()

    def write(self, out: Path, quiet: bool) -> dict[str, int]:
        counts: dict[str, int] = {}
        for name, table in self.tables.items():
            if name in TEAM_OWNED_TABLES and (out / table.source / f"{table.name}.csv").exists():
                if not quiet:
                    print(f"{table.source}/{table.name}.csv: kept (the team's own file)", file=sys.stderr)
                continue
            counts[name] = table.write(out, self.rng(f"write:{name}"))
            if not quiet:
                print(f"{table.source}/{table.name}.csv: {counts[name]} rows", file=sys.stderr)
        return counts

    # -- revops.fx_rates --------------------------------------------------------------------------

    def build_fx_rates(self) -> None:
        rng = self.rng("fx")
        table = self.tables["revops.fx_rates"]
        levels = {currency: band[2] for currency, band in FX_BANDS.items()}
        for month in MONTHS:
            for currency in ["EUR", "GBP", "JPY"]:
                low, high, _ = FX_BANDS[currency]
                step = rng.gauss(0, (high - low) * 0.07)
                level = levels[currency] + step
                if not low <= level <= high:
                    level = levels[currency] - step
                levels[currency] = min(max(level, low), high)
                self.fx[(month, currency)] = round(levels[currency], 8)
            for currency in ["EUR", "GBP", "JPY", "USD"]:
                value = 1.0 if currency == "USD" else self.fx[(month, currency)]
                table.add(
                    datetime(month.year, month.month, 1, 9),
                    month=month,
                    currency=currency,
                    rate_to_usd=f"{value:.8f}",
                )

    # -- crm.users ----------------------------------------------------------------------------------

    def build_reps(self) -> None:
        rng = self.rng("reps")
        scale = self.scale
        domain = "northbeam.io"

        def hire(role: str, team: str, region: str, manager: str | None, hired: date) -> Rep:
            first, last = self.person(rng)
            rep = Rep(
                self.sf_id("005"),
                f"{first} {last}",
                self.unique_email(f"{first}.{last}".lower(), domain),
                role,
                team,
                region,
                manager,
                hired,
            )
            self.reps.append(rep)
            return rep

        def early_date() -> date:
            return date(2020, 1, 1) + timedelta(days=rng.randint(0, 1050))

        vp = hire("Sales Manager", "Leadership", "NA", None, date(2019, 9, 2))
        pods = {"SMB Pod": "NA", "Team North": "NA", "Team South": "EMEA", "Enterprise Pod": "NA"}
        managers = {
            pod: hire("Sales Manager", pod, region, vp.id, early_date()) for pod, region in pods.items()
        }
        n_ae = scaled(16, scale, 4)
        pod_names = list(pods)
        pod_regions = {
            "SMB Pod": ["NA", "EMEA", "APAC", "LATAM"],
            "Team North": ["NA", "LATAM"],
            "Team South": ["EMEA", "APAC"],
            "Enterprise Pod": ["NA", "EMEA"],
        }
        n_growth = round(n_ae * 0.25)
        aes = []
        for index in range(n_ae):
            pod = pod_names[index % 4]
            hired = (
                early_date() if index < n_ae - n_growth else date(2023, 3, 1) + timedelta(rng.randint(0, 820))
            )
            aes.append(hire("Account Executive", pod, rng.choice(pod_regions[pod]), managers[pod].id, hired))
        early_aes = [rep for rep in aes if rep.hired < date(2023, 1, 1)]
        for rep in rng.sample(early_aes, min(len(early_aes) - 1, scaled(3, scale, 1))):
            rep.terminated = date(2023, 6, 1) + timedelta(rng.randint(0, 820))
            hired = rep.terminated + timedelta(rng.randint(-10, 40))
            hire("Account Executive", rep.team, rep.region, rep.manager_id, hired)
        sdrs = []
        for index in range(scaled(8, scale, 2)):
            pod = ["Team North", "Team South"][index % 2]
            sdrs.append(hire("Sales Development Rep", pod, pods[pod], managers[pod].id, early_date()))
        for rep in rng.sample(sdrs, round(1 * scale)):
            rep.terminated = date(2024, 2, 1) + timedelta(rng.randint(0, 400))
            hire("Sales Development Rep", rep.team, rep.region, rep.manager_id, rep.terminated)
        for _ in range(scaled(5, scale, 1)):
            hire("Customer Success Manager", "CS", pick(rng, REGION_WEIGHTS), vp.id, early_date())
        head = hire("Marketing", "Marketing", "NA", None, date(2020, 5, 4))
        for _ in range(scaled(4, scale, 1) - 1):
            hire("Marketing", "Marketing", rng.choice(["NA", "EMEA"]), head.id, early_date())

        table = self.tables["crm.users"]
        for rep in self.reps:
            last_change = datetime.combine(
                rep.terminated or max(rep.hired, date(2022, 12, 1)), datetime.min.time()
            )
            table.add(
                last_change + hours(rng.uniform(9, 18)),
                Id=rep.id,
                Name=rep.name,
                Email=rep.email,
                UserRole=messy(rng, rep.role),
                Team=rep.team,
                Region=messy(rng, rep.region, 0.2),
                ManagerId=rep.manager_id,
                IsQuotaCarrying=rep.role == "Account Executive",
                HiredDate=rep.hired,
                TerminatedDate=rep.terminated,
                IsDeleted=False,
                SystemModstamp=last_change + hours(rng.uniform(9, 18)),
            )

    def reps_with(self, role: str, team: str | None = None) -> list[Rep]:
        return [rep for rep in self.reps if rep.role == role and (team is None or rep.team == team)]

    def pick_rep(
        self, rng: random.Random, role: str, team: str | None, start: datetime, end: datetime
    ) -> Rep:
        """A rep of a role (and team) employed at `start`, preferably until `end`."""
        candidates = self.reps_with(role, team) or self.reps_with(role)
        whole = [rep for rep in candidates if rep.active(start) and rep.active(min(end, LAST_INSTANT))]
        at_start = [rep for rep in candidates if rep.active(start)]
        pool = whole or at_start or [rep for rep in self.reps_with(role) if rep.active(start)] or candidates
        return rng.choice(pool)

    # -- support.agents -----------------------------------------------------------------------------

    def build_agents(self) -> None:
        rng = self.rng("agents")
        table = self.tables["support.agents"]
        teams = [("Tier 1", 45), ("Tier 2", 25), ("Billing", 15), ("Onboarding", 15)]
        count = scaled(18, self.scale, 4)
        for index in range(count):
            agent_id = 70001 + index
            team = ["Tier 1", "Tier 2", "Billing", "Onboarding"][index] if index < 4 else pick(rng, teams)
            role = "admin" if index in (1, 5) else "agent"
            if index < max(4, count * 0.6):
                started = datetime(2021, 1, 1) + days(rng.uniform(0, 700))
            else:
                started = datetime(2023, 1, 1) + days(rng.uniform(0, 900))
            left = None
            if index >= 4 and rng.random() < 0.12:
                left = max(started, START) + days(rng.uniform(120, 600))
                left = left if left < END - days(20) else None
            self.agents.append((agent_id, team, started, left))
            first, last = self.person(rng)
            table.add(
                left or started,
                id=agent_id,
                name=f"{first} {last}",
                email=self.unique_email(f"{first}.{last}".lower(), "support.northbeam.io"),
                role=role,
                team=team,
                is_active=left is None,
                created_at=started,
            )

    # -- crm.campaigns --------------------------------------------------------------------------------

    def build_campaigns(self) -> None:
        rng = self.rng("campaigns")
        kinds = [
            ("Webinar", ["Webinar"], 36, (1500, 6000), (0, 0)),
            ("Event", ["Event"], 12, (8000, 60000), (0, 2)),
            ("Paid", ["Paid Search", "Paid Social"], 60, (4000, 25000), (27, 30)),
            ("Content", ["Content"], 20, (1000, 8000), (30, 90)),
            ("Email", ["Email"], 30, (300, 2000), (0, 6)),
        ]
        topics = [
            "Forecasting 101",
            "Pipeline Reviews",
            "RevOps Summit",
            "Churn Playbook",
            "Board Metrics",
            "Q4 Planning",
            "Data Quality",
            "Sales Efficiency",
            "NRR Masterclass",
            "CFO Roundtable",
        ]
        for campaign_type, channels, base_count, (low, high), (min_days, max_days) in kinds:
            count = scaled(base_count, self.scale, 1)
            for index in range(count):
                start = START + days((index + rng.random()) * 1080 / count)
                channel = channels[index % len(channels)]
                emea = campaign_type in ("Webinar", "Event") and rng.random() < 0.25
                currency = "EUR" if emea else "USD"
                cost_usd = rng.uniform(low, high)
                cost = round_to(cost_usd / (self.rate(month_of(start), currency)) * 100, 100)
                campaign = Campaign(
                    self.sf_id("701"),
                    campaign_type,
                    channel,
                    start.date(),
                    min(start.date() + timedelta(rng.randint(min_days, max_days)), date(2025, 12, 31)),
                    cost,
                    currency,
                )
                self.campaigns.append(campaign)
        self.campaigns.sort(key=lambda c: (c.start, c.id))
        table = self.tables["crm.campaigns"]
        for campaign in self.campaigns:
            label = {"Paid": campaign.channel, "Email": "Newsletter"}.get(campaign.type, campaign.type)
            modstamp = datetime.combine(campaign.end, datetime.min.time()) + hours(rng.uniform(30, 200))
            modstamp = min(modstamp, END - hours(rng.uniform(1, 12)))
            table.add(
                modstamp,
                Id=campaign.id,
                Name=f"{campaign.start:%Y-%m} {label} - {rng.choice(topics)}",
                Type=messy(rng, campaign.type),
                Channel=messy(rng, campaign.channel),
                StartDate=campaign.start,
                EndDate=campaign.end,
                ActualCost=campaign.cost,
                CurrencyIsoCode=campaign.currency,
                IsDeleted=False,
                SystemModstamp=modstamp,
            )
        for _ in range(max(1, round(0.012 * len(self.campaigns)))):
            created = between(rng, START, END - days(30))
            table.add(
                created + days(2),
                stale=({"IsDeleted": False, "SystemModstamp": created}, created),
                force_resync=True,
                Id=self.sf_id("701"),
                Name="TEST campaign - do not use",
                Type="Email",
                Channel="Email",
                StartDate=created.date(),
                EndDate=created.date(),
                ActualCost=0,
                CurrencyIsoCode="USD",
                IsDeleted=True,
                SystemModstamp=created + days(2),
            )

    def campaign_for(
        self, rng: random.Random, channel: str, moment: datetime, grace_days: int
    ) -> Campaign | None:
        day = moment.date()
        options = [
            c
            for c in self.campaigns
            if c.channel == channel and c.start <= day <= c.end + timedelta(days=grace_days)
        ]
        return rng.choice(options) if options else None

    # -- billing.prices -------------------------------------------------------------------------------

    def build_prices(self) -> None:
        rng = self.rng("prices")
        products = {tier: self.new_id("prod_", 14) for tier in TIERS}
        for tier in TIERS:
            for plan, (interval, count, factor) in PLANS.items():
                for currency in ["usd", "eur", "gbp", "jpy"]:
                    raw = LIST_USD_CENTS_PER_SEAT_MONTH[tier] * factor * CURRENCY_PRICE_FACTOR[currency]
                    unit = round_to(raw, 100 if plan != "quarterly" or currency == "jpy" else 25)
                    created = datetime(2022, 1, 10, 15) + days(rng.uniform(0, 20))
                    if currency == "usd" and plan == "monthly" and tier in LEGACY_USD_CENTS:
                        created = NEW_PRICE_DATE - days(rng.uniform(5, 15))
                        legacy = Price(
                            self.new_id("price_", 14),
                            products[tier],
                            tier,
                            plan,
                            interval,
                            count,
                            LEGACY_USD_CENTS[tier],
                            currency,
                            False,
                            datetime(2021, 6, 1, 12),
                        )
                        self.prices[(tier, plan, currency, True)] = legacy
                    price = Price(
                        self.new_id("price_", 14),
                        products[tier],
                        tier,
                        plan,
                        interval,
                        count,
                        unit,
                        currency,
                        True,
                        created,
                    )
                    self.prices[(tier, plan, currency, False)] = price
        table = self.tables["billing.prices"]
        for price in self.prices.values():
            table.add(
                NEW_PRICE_DATE if not price.active else price.created,
                id=price.id,
                product_id=price.product_id,
                plan_tier=messy(rng, price.tier.title(), 0.3),
                recurring_interval=price.interval,
                recurring_interval_count=price.count,
                unit_amount=price.unit_amount,
                currency=price.currency,
                active=price.active,
                created=price.created,
            )

    def price_for(self, tier: str, plan: str, currency: str, moment: datetime) -> Price:
        if moment < NEW_PRICE_DATE and (tier, plan, currency, True) in self.prices:
            return self.prices[(tier, plan, currency, True)]
        return self.prices[(tier, plan, currency, False)]

    # -- crm: leads, accounts, new business ----------------------------------------------------------

    def new_account(
        self,
        rng: random.Random,
        name: str,
        domain: str,
        industry: str,
        region: str,
        country: str,
        currency: str,
        segment: str,
        created: datetime,
        owner: Rep,
    ) -> Account:
        account = Account(
            self.sf_id("001"), name, domain, segment, industry, country, region, currency, created
        )
        account.owners.append((created, owner.id))
        account.segments.append((created, segment))
        # Owners leave: their accounts move to a colleague of the same pod a few days later.
        current = owner
        for _ in range(3):
            if current.terminated is None:
                break
            moved = (
                datetime.combine(current.terminated, datetime.min.time())
                + days(rng.uniform(0, 5))
                + hours(10)
            )
            successor = self.pick_rep(rng, "Account Executive", current.team, moved, END)
            if moved >= END or moved <= created or successor.id == current.id:
                break
            current = successor
            account.owners.append((moved, current.id))
        if rng.random() < 0.04 and created < datetime(2024, 1, 10) and len(account.owners) == 1:
            moved = datetime(2024, 1, 15, 9) + hours(rng.uniform(0, 8))
            other = self.pick_rep(rng, "Account Executive", None, moved, END)
            if other.id != owner.id:
                account.owners.append((moved, other.id))
        self.accounts.append(account)
        return account

    def deal_plan(self, rng: random.Random, profile: SegmentProfile) -> DealPlan:
        low, high = profile.seats
        seats = low + int((high - low + 1) * rng.random() ** 1.6)
        discount = 0
        if profile is not SELF_SERVE and profile is not SEGMENTS["SMB"] and rng.random() < 0.25:
            discount = rng.choice([500, 1000, 1500])
        return DealPlan(pick(rng, profile.tiers), pick(rng, profile.plans), min(seats, 50), discount)

    def plan_acv(self, plan: DealPlan, currency: str, moment: datetime) -> int:
        """Annual contract value of a plan in crm hundredths of the account currency."""
        price = self.price_for(plan.tier, plan.plan, currency, moment)
        return self.crm_amount(price.acv(plan.seats) * (10000 - plan.discount_bp) // 10000, currency)

    def opportunity_changes(
        self,
        rng: random.Random,
        created: datetime,
        close_at: datetime,
        outcome: str,
        lost_stage: int,
        initial: int | None,
        final: int,
        amount_change_at: datetime | None = None,
        first_stage: int = 0,
    ) -> list[OppChange]:
        """Stage and amount history from creation to close (cut at the end of the data)."""
        stages = (
            STAGES[first_stage:5] + ["Closed Won"]
            if outcome == "won"
            else STAGES[first_stage:lost_stage] + ["Closed Lost"]
        )
        span = (close_at - created).total_seconds()
        cuts = sorted(rng.random() for _ in range(len(stages) - 2))
        times = [created] + [created + seconds(span * cut) for cut in cuts] + [close_at]
        for index in range(1, len(times)):
            times[index] = max(times[index], times[index - 1] + seconds(rng.randint(60, 3600)))
        expected = (created + seconds(span * rng.uniform(0.8, 1.2))).date()
        changes: list[OppChange] = []
        proposal_reached = "Proposal" in stages[:-1]
        for index, (stage, moment) in enumerate(zip(stages, times, strict=True)):
            last = index == len(stages) - 1
            if amount_change_at is not None:
                amount = initial if moment < amount_change_at else final
            elif proposal_reached:
                amount = final if STAGES.index(stage) >= 3 else initial
            else:
                amount = initial if not last or outcome != "won" else final
            close_date = moment.date() if last else max(expected, moment.date())
            changes.append(OppChange(moment, stage, amount, close_date))
        if (
            amount_change_at is None
            and changes[0].amount is not None
            and rng.random() < 0.12
            and len(changes) > 2
        ):
            changes[0].amount = None  # amount unknown at creation
        if amount_change_at is not None:
            before = [c for c in changes if c.at < amount_change_at][-1]
            if amount_change_at not in [c.at for c in changes]:
                changes.append(OppChange(amount_change_at, before.stage, final, before.close_date))
            changes.sort(key=lambda c: c.at)
        return [c for c in changes if c.at < END]

    def add_opportunity(
        self,
        rng: random.Random,
        account: Account | None,
        opp_type: str,
        name: str,
        currency: str,
        owner_id: str,
        campaign_id: str | None,
        changes: list[OppChange],
        deleted: bool = False,
    ) -> Opportunity:
        opp = Opportunity(
            self.sf_id("006"), name, account, opp_type, currency, owner_id, campaign_id, changes, deleted
        )
        self.opportunities.append(opp)
        return opp

    def build_leads_and_deals(self) -> None:
        """Leads from every channel; sales works them; about 30 % convert to an account and a deal."""
        rng = self.rng("leads")
        leads = self.tables["crm.leads"]
        cumulative = month_weights(1.6)
        n_leads = scaled(LEADS, self.scale, 60)
        email_campaigns = [c for c in self.campaigns if c.channel == "Email"]
        touch_campaigns = [c for c in self.campaigns if c.type in ("Webinar", "Event")]
        lead_rows = []
        for _ in range(n_leads):
            month = MONTHS[rng.choices(range(36), cum_weights=cumulative)[0]]
            region = pick(rng, REGION_WEIGHTS)
            country, currency = self.country_in(rng, region)
            day = month + timedelta(rng.randint(0, calendar.monthrange(month.year, month.month)[1] - 1))
            created = self.work_time(rng, day, region)
            if created >= END - hours(2):
                created = END - hours(rng.uniform(3, 30))
            lead_rows.append((created, region, country, currency))
        lead_rows.sort()
        for created, region, country, currency in lead_rows:
            source, _, p_convert, p_win, channel = rng.choices(
                LEAD_SOURCES, weights=[weight for _, weight, *_ in LEAD_SOURCES]
            )[0]
            company, domain, industry = self.company(rng, country)
            first, last = self.person(rng)
            email = self.unique_email(f"{first}.{last}".lower(), domain)
            lead_id = self.sf_id("00Q")
            campaign = None
            if channel is not None and rng.random() < 0.9:
                grace = {"Webinar": 10, "Event": 14, "Content": 30}.get(channel, 0)
                campaign = self.campaign_for(rng, channel, created, grace)
            if source == "Partner":
                owner = self.pick_rep(rng, "Account Executive", None, created, created + days(60))
            else:
                owner = self.pick_rep(rng, "Sales Development Rep", None, created, created + days(30))
            # Sales response: minutes to days; some leads are never contacted.
            p_contact = {"Outbound": 1.0, "Referral": 0.95, "Partner": 0.93}.get(source, 0.84)
            contacted = rng.random() < p_contact
            converts = rng.random() < p_convert / 0.86
            if converts and not contacted:
                converts = rng.random() < 0.15  # a few convert without any logged activity
            touches = self.sales_touches(rng, source, created) if contacted else []
            base = touches[0] if touches else created
            convert_at = base + days(rng.uniform(1, 35)) if converts else None
            if convert_at is not None and convert_at >= END:
                convert_at = None
            if convert_at is not None:
                touches = [t for t in touches if t < convert_at]
            # Converting moves the lead's tasks and events to its new contact (their WhoId).
            contact_id = "003" + lead_id[3:] if convert_at is not None else None
            self.log_lead_activities(rng, contact_id or lead_id, owner.id, touches)
            self.lead_campaign_members(rng, lead_id, created, campaign, email_campaigns)
            # Outcome of the lead.
            account_id = opp_id = None
            status = "Open"
            changed = created
            if convert_at is not None:
                status, changed = "Converted", convert_at
                account = self.convert_lead(
                    rng, company, domain, industry, region, country, currency, convert_at, source
                )
                account.contacts.append(email)
                account_id = account.id
                if rng.random() < 0.92:
                    opp = self.new_business(
                        rng, account, source, p_win, campaign, convert_at, touch_campaigns
                    )
                    opp_id = opp.id
            elif touches:
                last_touch = touches[-1]
                if last_touch + days(21) < END:
                    status = pick(rng, [("Unqualified", 85), ("Working", 10), ("Qualified", 5)])
                    changed = last_touch + days(rng.uniform(1, 20))
                else:
                    status, changed = pick(rng, [("Working", 70), ("Qualified", 30)]), last_touch
            elif created + days(45) < END and rng.random() < 0.5:
                status, changed = "Unqualified", created + days(rng.uniform(20, 45))
            leads.add(
                changed,
                stale=(
                    {
                        "Status": "Working",
                        "IsConverted": False,
                        "ConvertedDate": None,
                        "ConvertedAccountId": None,
                        "ConvertedOpportunityId": None,
                        "ConvertedContactId": None,
                        "SystemModstamp": base,
                    },
                    base,
                )
                if status == "Converted"
                else None,
                Id=lead_id,
                Company=company,
                Email=email,
                LeadSource=messy(rng, source),
                Status=status,
                OwnerId=owner.id,
                CampaignId=campaign.id if campaign else None,
                CreatedDate=created,
                IsConverted=status == "Converted",
                ConvertedDate=convert_at.date() if convert_at else None,
                ConvertedAccountId=account_id,
                ConvertedOpportunityId=opp_id,
                ConvertedContactId=contact_id,
                IsDeleted=False,
                SystemModstamp=changed,
            )
            if created < END - days(5) and rng.random() < 0.01:
                self.deleted_duplicate_lead(rng, created, company, email, source, owner.id)

    def sales_touches(self, rng: random.Random, source: str, created: datetime) -> list[datetime]:
        """When sales works a lead: a first touch minutes to days after creation, maybe follow-ups."""
        if source == "Outbound":  # the SDR creates the lead while prospecting
            first_touch = created + seconds(rng.randint(60, 900))
        else:
            band = pick(rng, [(0, 40), (1, 30), (2, 20), (3, 10)])
            if band == 0:
                first_touch = created + seconds(rng.randint(120, 3600))
            elif band == 1:
                first_touch = created + hours(rng.uniform(1, 8))
            elif band == 2:
                first_touch = created + hours(rng.uniform(8, 48))
            else:
                first_touch = created + days(rng.uniform(2, 7))
        touches = [first_touch]
        for _ in range(2):
            if rng.random() < 0.2:
                touches.append(touches[-1] + days(rng.uniform(1, 12)) + seconds(rng.randint(0, 3600)))
        return [t for t in touches if t < END]

    def log_lead_activities(
        self, rng: random.Random, who_id: str, owner_id: str, touches: list[datetime]
    ) -> None:
        """One call, email or meeting per touch with the lead, or with the contact it converted into
        (a few logged twice, the copy deleted)."""
        activities = self.tables["crm.activities"]
        for touch in touches:
            kind = pick(rng, [("Call", 45), ("Email", 45), ("Meeting", 10)])
            subject = rng.choice(
                {
                    "Call": ["Intro call", "Follow-up call"],
                    "Email": ["Intro email", "Follow-up"],
                    "Meeting": ["Discovery meeting", "Demo"],
                }[kind]
            )
            logged = min(touch + seconds(rng.randint(0, 600)), LAST_INSTANT)
            activities.add(
                logged,
                Id=self.sf_id("00T"),
                Type=messy(rng, kind),
                Subject=subject,
                WhoId=who_id,
                WhatId=None,
                OwnerId=owner_id,
                ActivityDateTime=touch,
                IsDeleted=False,
                SystemModstamp=logged,
            )
            if touch < END - hours(3) and rng.random() < 0.008:
                activities.add(
                    touch + hours(2),
                    Id=self.sf_id("00T"),
                    Type=kind,
                    Subject=subject,
                    WhoId=who_id,
                    WhatId=None,
                    OwnerId=owner_id,
                    ActivityDateTime=touch + seconds(rng.randint(60, 900)),
                    IsDeleted=True,
                    SystemModstamp=touch + hours(2),
                )

    def lead_campaign_members(
        self,
        rng: random.Random,
        lead_id: str,
        created: datetime,
        campaign: Campaign | None,
        email_campaigns: list[Campaign],
    ) -> None:
        """The campaign response that sourced the lead, and sometimes a later nurture email."""
        members = self.tables["crm.campaign_members"]
        if campaign is not None:
            touched = max(
                created - seconds(rng.randint(0, 900)), datetime.combine(campaign.start, datetime.min.time())
            )
            status = "Attended" if campaign.channel in ("Webinar", "Event") else "Responded"
            members.add(
                touched,
                Id=self.sf_id("00v"),
                CampaignId=campaign.id,
                LeadId=lead_id,
                AccountId=None,
                Status=messy(rng, status),
                HasResponded=True,
                CreatedDate=touched,
                FirstRespondedDate=touched.date(),
            )
        if email_campaigns and rng.random() < 0.22:
            last_start = min(created.date() + timedelta(75), date(2025, 12, 28))
            later = [c for c in email_campaigns if created.date() < c.start <= last_start]
            if later:
                nurture = rng.choice(later)
                sent = datetime.combine(nurture.start, datetime.min.time()) + hours(rng.uniform(13, 16))
                responded = rng.random() < 0.25
                members.add(
                    sent,
                    Id=self.sf_id("00v"),
                    CampaignId=nurture.id,
                    LeadId=lead_id,
                    AccountId=None,
                    Status=messy(rng, "Responded" if responded else "Sent"),
                    HasResponded=responded,
                    CreatedDate=sent,
                    FirstRespondedDate=(sent + hours(rng.uniform(1, 40))).date() if responded else None,
                )

    def convert_lead(
        self,
        rng: random.Random,
        company: str,
        domain: str,
        industry: str,
        region: str,
        country: str,
        currency: str,
        converted: datetime,
        source: str,
    ) -> Account:
        """The account a converted lead becomes, owned by an AE of the pod that sells to its segment."""
        segment = pick(
            rng,
            [("SMB", 55), ("Mid-Market", 33), ("Enterprise", 12)]
            if source not in ("Outbound", "Event", "Partner")
            else [("SMB", 35), ("Mid-Market", 42), ("Enterprise", 23)],
        )
        profile = SEGMENTS[segment]
        pod = "Team South" if segment == "Mid-Market" and region in ("EMEA", "APAC") else profile.pod
        ae = self.pick_rep(rng, "Account Executive", pod, converted, converted + days(profile.cycle_days[1]))
        return self.new_account(
            rng, company, domain, industry, region, country, currency, segment, converted, ae
        )

    def build_repeat_inquiries(self) -> None:
        """A few people already converted come back as a new lead (a second inquiry, months later).
        Sales converts it into the contact that already exists, as Salesforce does when a lead
        matches a contact, so its tasks and events sit on that contact beside the first lead's and
        count for the new lead from its creation on. About 2 % of converted leads, at least two.
        Runs last, on its own random stream, so it only adds rows."""
        rng = self.rng("repeat_inquiries")
        leads = self.tables["crm.leads"]
        column = leads.position
        converted = [
            record.values
            for record in leads.records
            if record.values[column["IsConverted"]] and not record.values[column["IsDeleted"]]
        ]
        for first in rng.sample(converted, min(len(converted), max(2, round(0.02 * len(converted))))):
            first_converted = first[column["ConvertedDate"]]
            day = first_converted + timedelta(days=rng.randint(30, 240))
            created = datetime(day.year, day.month, day.day, 9) + seconds(rng.randint(0, 8 * 3600))
            touches = self.sales_touches(rng, "Referral", created)
            if not touches or created + days(45) >= END:
                continue
            converted_at = touches[0] + days(rng.uniform(1, 14))
            if converted_at >= END:
                continue
            contact_id, owner_id = first[column["ConvertedContactId"]], first[column["OwnerId"]]
            self.log_lead_activities(rng, contact_id, owner_id, [t for t in touches if t < converted_at])
            leads.add(
                converted_at,
                Id=self.sf_id("00Q"),
                Company=first[column["Company"]],
                Email=first[column["Email"]],
                LeadSource=first[column["LeadSource"]],
                Status="Converted",
                OwnerId=owner_id,
                CampaignId=None,
                CreatedDate=created,
                IsConverted=True,
                ConvertedDate=converted_at.date(),
                ConvertedAccountId=first[column["ConvertedAccountId"]],
                ConvertedOpportunityId=None,
                ConvertedContactId=contact_id,
                IsDeleted=False,
                SystemModstamp=converted_at,
            )

    def deleted_duplicate_lead(
        self, rng: random.Random, created: datetime, company: str, email: str, source: str, owner_id: str
    ) -> None:
        """The same person entered twice; the copy is deleted a few days later."""
        dup_created = created + hours(rng.uniform(0.1, 30))
        self.tables["crm.leads"].add(
            dup_created + days(3),
            stale=({"IsDeleted": False, "SystemModstamp": dup_created}, dup_created),
            force_resync=rng.random() < 0.5,
            Id=self.sf_id("00Q"),
            Company=company,
            Email=email,
            LeadSource=messy(rng, source),
            Status="Open",
            OwnerId=owner_id,
            CampaignId=None,
            CreatedDate=dup_created,
            IsConverted=False,
            ConvertedDate=None,
            ConvertedAccountId=None,
            ConvertedOpportunityId=None,
            ConvertedContactId=None,
            IsDeleted=True,
            SystemModstamp=dup_created + days(3),
        )

    def country_in(self, rng: random.Random, region: str) -> tuple[str, str]:
        options = COUNTRIES[region]
        country, currency, _ = rng.choices(options, weights=[w for *_, w in options])[0]
        return country, currency

    def work_time(self, rng: random.Random, day: date, region: str) -> datetime:
        """A business-hours moment of a local day, as UTC."""
        local = datetime(day.year, day.month, day.day, 8) + seconds(rng.randint(0, 10 * 3600 - 1))
        return local - timedelta(hours=REGION_UTC_HOURS[region])

    def new_business(
        self,
        rng: random.Random,
        account: Account,
        source: str,
        p_win: float,
        campaign: Campaign | None,
        created: datetime,
        touch_campaigns: list[Campaign],
    ) -> Opportunity:
        profile = SEGMENTS[account.segment]
        plan = self.deal_plan(rng, profile)
        final = self.plan_acv(plan, account.currency, created)
        low, high = profile.cycle_days
        close_at = created + days(rng.uniform(low, high))
        won = rng.random() < p_win
        unit = 50_000 if account.currency == "jpy" else 500
        initial = max(unit, round_to(final * rng.uniform(0.8, 1.25) / 100, unit)) * 100
        amount_change_at = None
        campaign_id = campaign.id if campaign is not None and rng.random() < 0.8 else None
        if won and rng.random() < 0.14 and (close_at - created).days >= 10:
            # A marketing touch during the deal (webinar or event attended), after which the deal grows.
            touch = between(rng, max(created + days(1), close_at - days(28)), close_at - days(5))
            options = [c for c in touch_campaigns if c.start <= touch.date() <= c.end + timedelta(3)]
            if options:
                touched_by = rng.choice(options)
                self.tables["crm.campaign_members"].add(
                    touch,
                    Id=self.sf_id("00v"),
                    CampaignId=touched_by.id,
                    LeadId=None,
                    AccountId=account.id,
                    Status=messy(rng, "Attended"),
                    HasResponded=True,
                    CreatedDate=touch,
                    FirstRespondedDate=touch.date(),
                )
                amount_change_at = touch + days(rng.uniform(1, 4))
                initial = round_to(final / rng.uniform(1.1, 1.3) / 100, unit // 5) * 100
                campaign_id = campaign_id or (touched_by.id if rng.random() < 0.5 else None)
        elif rng.random() < 0.5:
            initial = final
        outcome = "won" if won else "lost"
        lost_stage = rng.choice([1, 1, 2, 2, 3, 3, 4, 5])
        final_amount = final if won else initial
        changes = self.opportunity_changes(
            rng, created, close_at, outcome, lost_stage, initial, final_amount, amount_change_at
        )
        owner = account.owner_at(min(close_at, LAST_INSTANT))
        opp = self.add_opportunity(
            rng,
            account,
            "New Business",
            f"{account.name} - New Business",
            account.currency.upper(),
            owner,
            campaign_id,
            changes,
        )
        if opp.is_won:
            self.won_deals.append((opp, plan, source))
        # Sales activities on the deal (a few won deals have none at all).
        if rng.random() < 0.97 or not won:
            n = 1 + poisson(rng, 0.6)
            last_moment = min(changes[-1].at, END - hours(1))
            for _ in range(min(n, 4)):
                if last_moment <= created + hours(1):
                    break
                moment = between(rng, created + hours(1), last_moment)
                kind = pick(rng, [("Meeting", 50), ("Call", 30), ("Email", 20)])
                self.tables["crm.activities"].add(
                    moment + seconds(rng.randint(0, 900)),
                    Id=self.sf_id("00T"),
                    Type=messy(rng, kind),
                    Subject={"Meeting": "Demo", "Call": "Negotiation call", "Email": "Proposal sent"}[kind],
                    WhoId=None,
                    WhatId=opp.id,
                    OwnerId=owner,
                    ActivityDateTime=moment,
                    IsDeleted=False,
                    SystemModstamp=moment + seconds(rng.randint(0, 900)),
                )
        return opp

    # -- billing: customers and subscriptions ----------------------------------------------------------

    def new_customer(
        self,
        rng: random.Random,
        *,
        email: str,
        name: str,
        account: Account | None,
        currency: str,
        country: str,
        created: datetime,
        kind: str,
        profile: SegmentProfile,
    ) -> Customer:
        customer = Customer(
            self.new_id("cus_", 14),
            email,
            name,
            account,
            currency,
            country,
            created,
            kind,
            rng.choice(TAX_BP[country]),
            profile,
        )
        self.customers.append(customer)
        return customer

    def build_sales_customers(self) -> None:
        """Won new business -> a billing customer whose subscription starts within two weeks."""
        rng = self.rng("billing.sales")
        for opp, plan, _ in self.won_deals:
            account = opp.account
            assert account is not None
            closed = opp.final.at
            start = closed + days(rng.uniform(0, 14))
            if start >= END - hours(1):  # the deal closed in the last days of the data
                start = closed + seconds((END - closed).total_seconds() * rng.uniform(0.1, 0.9))
            created = min(start, closed + days(rng.uniform(0, 3)))
            email = self.unique_email(rng.choice(["billing", "finance", "ap", "accounts"]), account.domain)
            customer = self.new_customer(
                rng,
                email=email,
                name=account.name,
                account=account,
                currency=account.currency,
                country=account.country,
                created=created,
                kind="sales",
                profile=SEGMENTS[account.segment],
            )
            self.run_customer(rng, customer, plan, start, trial=False)
            if created < END - days(5) and rng.random() < 0.02:  # a duplicate created by sales
                duplicate = self.new_customer(
                    rng,
                    email=email,
                    name=account.name,
                    account=account,
                    currency=account.currency,
                    country=account.country,
                    created=created + days(rng.uniform(1, 4)),
                    kind="duplicate",
                    profile=customer.profile,
                )
                duplicate.deleted = rng.random() < 0.5
                if not duplicate.deleted:
                    self.one_time_invoice(
                        rng, duplicate, duplicate.created + days(rng.uniform(1, 30)), "Training"
                    )
            if account.currency != "usd" and rng.random() < 0.05:  # a subsidiary billed in USD
                moment = start + days(rng.uniform(30, 400))
                if moment < END - days(20) and customer.is_active(moment):
                    second = self.new_customer(
                        rng,
                        email=self.unique_email("billing-us", account.domain),
                        name=f"{account.name} (US)",
                        account=account,
                        currency="usd",
                        country="US",
                        created=moment - days(rng.uniform(0, 2)),
                        kind="second_currency",
                        profile=customer.profile,
                    )
                    sub_plan = DealPlan(
                        plan.tier, rng.choice(["monthly", "annual"]), max(1, plan.seats // 3), 0
                    )
                    subscription = self.run_subscription(rng, second, sub_plan, moment, trial=False)
                    acv = subscription.terms[0][2] if subscription.terms else 0
                    subscription.events.append(SubEvent("add_subscription", moment, 0, acv))

    def build_self_serve_customers(self) -> None:
        """Product sign-ups that start a trial: about 60 % convert to paid, the rest never pay."""
        rng = self.rng("billing.self_serve")
        cumulative = month_weights(1.2)
        starts = []
        for _ in range(scaled(SELF_SERVE_STARTS, self.scale, 12)):
            month = MONTHS[rng.choices(range(36), cum_weights=cumulative)[0]]
            region = pick(rng, REGION_WEIGHTS)
            day = month + timedelta(rng.randint(0, calendar.monthrange(month.year, month.month)[1] - 1))
            starts.append((min(self.work_time(rng, day, region), END - hours(3)), region))
        starts.sort()
        for started, region in starts:
            country, currency = self.country_in(rng, region)
            first, last = self.person(rng)
            if rng.random() < 0.6:
                name = f"{first} {last}"
                email = self.unique_email(f"{first}.{last}".lower(), rng.choice(["gmail.com", "outlook.com"]))
            else:
                name, domain, _ = self.company(rng, country)
                email = self.unique_email(f"{first}.{last}".lower(), domain)
            converts = rng.random() < 0.6
            customer = self.new_customer(
                rng,
                email=email,
                name=name,
                account=None,
                currency=currency,
                country=country,
                created=started,
                kind="self_serve" if converts else "trial_only",
                profile=SELF_SERVE,
            )
            customer.signup_source = pick(rng, SIGNUP_SOURCES)
            deleted = not converts and rng.random() < 0.03
            plan = self.deal_plan(rng, SELF_SERVE)
            if started > END - days(12) and rng.random() < 0.35:
                # Paid sign-up without a trial whose first payment fails: an incomplete subscription.
                subscription = self.run_subscription(rng, customer, plan, started, trial=False)
                customer.kind = "self_serve"
                subscription.status = "incomplete"
                invoice = subscription.invoices[0]
                invoice.status = "open"
                invoice.payments = [
                    Payment(
                        self.new_id("ch_", 14),
                        invoice.total,
                        "failed",
                        invoice.created + seconds(30),
                        "card_declined",
                    )
                ]
                continue
            customer.deleted = deleted  # a trial that never paid, deleted on request
            self.run_customer(rng, customer, plan, started, trial=True, converts=converts)

    def run_customer(
        self,
        rng: random.Random,
        customer: Customer,
        plan: DealPlan,
        start: datetime,
        *,
        trial: bool,
        converts: bool = True,
    ) -> None:
        """A customer's subscriptions over time: the first one, maybe a second, maybe a reactivation."""
        first = self.run_subscription(rng, customer, plan, start, trial=trial, converts=converts)
        if customer.kind == "sales" and customer.profile.seats[0] >= 8 and rng.random() < 0.4:
            self.one_time_invoice(rng, customer, start + hours(rng.uniform(1, 48)), "Onboarding & setup fee")
        if first.paid_start is None:
            return
        if rng.random() < (0.08 if customer.kind == "sales" else 0.04):
            moment = first.paid_start + days(rng.uniform(60, 500))
            if moment < END - days(30) and customer.is_active(moment):
                extra = DealPlan(
                    pick(rng, customer.profile.tiers), "monthly", max(1, min(10, plan.seats // 2)), 0
                )
                second = self.run_subscription(rng, customer, extra, moment, trial=False, hazard_factor=2.5)
                acv = second.terms[0][2] if second.terms else 0
                second.events.append(SubEvent("add_subscription", moment, 0, acv))
        if customer.kind == "sales" and rng.random() < 0.12:
            moment = first.paid_start + days(rng.uniform(90, 700))
            if moment < END - days(10) and customer.is_active(moment):
                self.one_time_invoice(rng, customer, moment, "Training session")
        churns = customer.churn_moments()
        if churns and churns[-1] < END - days(40) and rng.random() < 0.14:
            gap = days(rng.uniform(27, 40)) if rng.random() < 0.45 else days(rng.uniform(120, 420))
            moment = churns[-1] + gap
            if moment < END - days(2):
                again = DealPlan(plan.tier, "monthly", plan.seats, 0)
                self.run_subscription(rng, customer, again, moment, trial=False)

    def run_subscription(
        self,
        rng: random.Random,
        customer: Customer,
        plan: DealPlan,
        start: datetime,
        *,
        trial: bool,
        converts: bool = True,
        hazard_factor: float = 1.0,
    ) -> Subscription:
        """Simulate one subscription period by period: invoices, upgrades, downgrades, churn."""
        price = self.price_for(plan.tier, plan.plan, customer.currency, start)
        quantity = plan.seats
        sub = Subscription(self.new_id("sub_", 14), customer, price, quantity, start, changed_at=start)
        customer.subscriptions.append(sub)
        anchor = start
        if trial:
            sub.trial_start, sub.trial_end = start, start + days(14)
            sub.period_start, sub.period_end = sub.trial_start, sub.trial_end
            if sub.trial_end >= END:
                sub.status = "trialing"
                return sub
            if not converts:
                sub.status = "canceled"
                sub.ended_at = sub.trial_end
                if rng.random() < 0.5:
                    sub.canceled_at, sub.cancel_at = start + days(rng.uniform(1, 12)), sub.trial_end
                else:
                    sub.canceled_at = sub.trial_end
                sub.changed_at = sub.ended_at
                return sub
            anchor = sub.trial_end
        months = PLAN_MONTHS[plan.plan]
        profile = customer.profile
        coupon: tuple[int, int, int] | None = None  # (basis points, first period, end period)
        if plan.discount_bp:
            coupon = (plan.discount_bp, 0, 10_000)
        elif rng.random() < (0.15 if profile is SELF_SERVE else 0.2) and months < 12:
            coupon = (rng.choice([1000, 2000, 2500]), 0, max(1, 3 // months))
        elif months == 1 and rng.random() < 0.025:
            begin = rng.randint(3, 12)
            coupon = (10000, begin, begin + rng.randint(1, 2))  # goodwill: some months free
        monthly_churn = profile.monthly_churn * hazard_factor
        k = 0
        while True:
            period_start = add_months(anchor, k * months, anchor.day)
            period_end = add_months(anchor, (k + 1) * months, anchor.day)
            discount = coupon[0] if coupon and coupon[1] <= k < coupon[2] else 0
            self.subscription_invoice(rng, sub, price, quantity, period_start, period_end, discount)
            sub.segments.append(Segment(period_start, period_end, price, quantity, discount))
            sub.terms.append((period_start, period_end, price.acv(quantity)))
            sub.period_start, sub.period_end = period_start, period_end
            sub.changed_at = period_start
            upgrade_chance = {1: 0.025, 3: 0.06, 12: 0.25}[months]
            if discount == 0 and (k > 0 or months == 12) and rng.random() < upgrade_chance:
                moment = period_start + seconds(
                    (period_end - period_start).total_seconds() * rng.uniform(0.15, 0.85)
                )
                if moment < END - hours(1):
                    new_price, new_quantity = self.upgraded(rng, price, quantity, moment)
                    self.proration_invoice(
                        rng, sub, price, quantity, new_price, new_quantity, moment, period_end
                    )
                    sub.segments[-1].end = moment
                    sub.segments.append(Segment(moment, period_end, new_price, new_quantity, 0))
                    sub.events.append(
                        SubEvent("upgrade", moment, price.acv(quantity), new_price.acv(new_quantity))
                    )
                    price, quantity = new_price, new_quantity
                    sub.changed_at = moment
            if period_end >= END:
                break
            churn = (
                profile.annual_churn * hazard_factor if months == 12 else 1 - (1 - monthly_churn) ** months
            )
            if rng.random() < churn:
                sub.status = "canceled"
                sub.cancel_at = sub.ended_at = period_end
                length = (period_end - period_start).total_seconds()
                sub.canceled_at = period_end - seconds(length * rng.uniform(0.05, 0.6))
                sub.changed_at = period_end
                break
            downgrade_chance = {1: 0.012, 3: 0.03, 12: 0.08}[months]
            if rng.random() < downgrade_chance:
                new_price, new_quantity = self.downgraded(rng, price, quantity, period_end)
                if (new_price, new_quantity) != (price, quantity):
                    sub.events.append(
                        SubEvent("downgrade", period_end, price.acv(quantity), new_price.acv(new_quantity))
                    )
                    price, quantity = new_price, new_quantity
            k += 1
        sub.price, sub.quantity = price, quantity
        assert sub.period_start is not None and sub.period_end is not None
        if sub.status == "active" and rng.random() < 0.02:  # cancellation requested, effective after the data
            sub.canceled_at = between(rng, max(sub.period_start, END - days(20)), END - hours(1))
            sub.cancel_at = sub.period_end
            sub.changed_at = sub.canceled_at
        self.payment_trouble(rng, sub)
        return sub

    def upgraded(
        self, rng: random.Random, price: Price, quantity: int, moment: datetime
    ) -> tuple[Price, int]:
        tier_index = TIERS.index(price.tier)
        if (rng.random() < 0.6 and quantity < 50) or tier_index == len(TIERS) - 1:
            return self.price_for(price.tier, price.plan, price.currency, moment), min(
                50, quantity + max(1, round(quantity * rng.uniform(0.1, 0.6)))
            )
        return self.price_for(TIERS[tier_index + 1], price.plan, price.currency, moment), quantity

    def downgraded(
        self, rng: random.Random, price: Price, quantity: int, moment: datetime
    ) -> tuple[Price, int]:
        tier_index = TIERS.index(price.tier)
        if (rng.random() < 0.6 and quantity > 1) or tier_index == 0:
            reduced = max(1, quantity - max(1, round(quantity * rng.uniform(0.1, 0.4))))
            return self.price_for(price.tier, price.plan, price.currency, moment), reduced
        return self.price_for(TIERS[tier_index - 1], price.plan, price.currency, moment), quantity

    def new_invoice(
        self,
        customer: Customer,
        subscription_id: str | None,
        lines: list[Line],
        period_start: datetime,
        period_end: datetime,
        created: datetime,
    ) -> Invoice:
        return Invoice(
            self.new_id("in_", 14),
            customer,
            subscription_id,
            "paid",
            lines,
            customer.tax_bp,
            period_start,
            period_end,
            created,
        )

    def subscription_invoice(
        self,
        rng: random.Random,
        sub: Subscription,
        price: Price,
        quantity: int,
        period_start: datetime,
        period_end: datetime,
        discount_bp: int,
    ) -> None:
        created = period_start
        if rng.random() < 0.008:  # issued with a wrong quantity, voided and issued again
            void = self.new_invoice(
                sub.customer,
                sub.id,
                [self.subscription_line(sub, price, quantity + 1, period_start, period_end, discount_bp)],
                period_start,
                period_end,
                created,
            )
            void.status = "void"
            sub.invoices.append(void)
            created = created + seconds(rng.randint(600, 3600))
        invoice = self.new_invoice(
            sub.customer,
            sub.id,
            [self.subscription_line(sub, price, quantity, period_start, period_end, discount_bp)],
            period_start,
            period_end,
            created,
        )
        self.settle(rng, invoice)
        sub.invoices.append(invoice)

    def subscription_line(
        self,
        sub: Subscription,
        price: Price,
        quantity: int,
        period_start: datetime,
        period_end: datetime,
        discount_bp: int,
    ) -> Line:
        amount = price.period_amount(quantity)
        return Line(
            self.new_id("il_", 14),
            sub.id,
            price.id,
            "subscription",
            f"{quantity} x {price.tier.title()} ({price.plan})",
            quantity,
            amount,
            (amount * discount_bp + 5000) // 10000,
            False,
            period_start,
            period_end,
        )

    def proration_invoice(
        self,
        rng: random.Random,
        sub: Subscription,
        old_price: Price,
        old_quantity: int,
        new_price: Price,
        new_quantity: int,
        moment: datetime,
        period_end: datetime,
    ) -> None:
        """Upgrade mid-period: credit the unused time on the old price, charge the rest on the new one."""
        period_start = sub.period_start
        assert period_start is not None
        remaining = int((period_end - moment).total_seconds())
        length = int((period_end - period_start).total_seconds())
        credit = -((old_price.period_amount(old_quantity) * remaining + length // 2) // length)
        charge = (new_price.period_amount(new_quantity) * remaining + length // 2) // length
        lines = [
            Line(
                self.new_id("il_", 14),
                sub.id,
                old_price.id,
                "invoiceitem",
                f"Unused time on {old_quantity} x {old_price.tier.title()}",
                old_quantity,
                credit,
                0,
                True,
                moment,
                period_end,
            ),
            Line(
                self.new_id("il_", 14),
                sub.id,
                new_price.id,
                "invoiceitem",
                f"Remaining time on {new_quantity} x {new_price.tier.title()}",
                new_quantity,
                charge,
                0,
                True,
                moment,
                period_end,
            ),
        ]
        invoice = self.new_invoice(sub.customer, sub.id, lines, moment, period_end, moment)
        self.settle(rng, invoice)
        sub.invoices.append(invoice)

    def one_time_invoice(
        self, rng: random.Random, customer: Customer, moment: datetime, description: str
    ) -> None:
        if moment >= END:
            return
        usd = (
            rng.choice([1500, 2500, 5000, 7500]) if "setup" in description else rng.choice([800, 1200, 2000])
        )
        amount = round_to(
            self.convert_minor(usd * 100, "usd", customer.currency, moment),
            100 if customer.currency == "jpy" else 1000,
        )
        line = Line(
            self.new_id("il_", 14),
            None,
            None,
            "invoiceitem",
            description,
            1,
            amount,
            0,
            False,
            moment,
            moment,
        )
        invoice = self.new_invoice(customer, None, [line], moment, moment, moment)
        if moment > END - days(3) and rng.random() < 0.5:
            invoice.status = "draft"
        else:
            self.settle(rng, invoice)
        customer.one_time_invoices.append(invoice)

    def settle(self, rng: random.Random, invoice: Invoice) -> None:
        """Charge an invoice: usually one successful payment, sometimes a failure before it."""
        if invoice.total <= 0:
            invoice.status = "paid"
            return
        moment = invoice.created + seconds(rng.randint(30, 3600))
        if rng.random() < 0.03:
            failed_at = moment
            moment = moment + days(rng.uniform(1, 4))
            if moment < END:
                invoice.payments.append(
                    Payment(
                        self.new_id("ch_", 14),
                        invoice.total,
                        "failed",
                        failed_at,
                        pick(rng, [("card_declined", 5), ("insufficient_funds", 3), ("expired_card", 2)]),
                    )
                )
            else:
                moment = failed_at
        if moment >= END:
            invoice.status = "open"
            return
        payment = Payment(self.new_id("ch_", 14), invoice.total, "succeeded", moment)
        if rng.random() < 0.01:
            refund_at = moment + days(rng.uniform(1, 25))
            if refund_at < END:
                payment.refunded = (
                    invoice.total if rng.random() < 0.5 else invoice.total // rng.choice([2, 4])
                )
                payment.refunded_at = refund_at
        invoice.payments.append(payment)
        invoice.status = "paid"

    def payment_trouble(self, rng: random.Random, sub: Subscription) -> None:
        """A few subscriptions end the data past due; a few churned ones ended unpaid."""
        paid = [
            inv
            for inv in sub.invoices
            if inv.status != "void" and inv.total > 0 and inv.lines[0].type == "subscription"
        ]
        if not paid:
            return
        last = paid[-1]
        codes = [("card_declined", 5), ("insufficient_funds", 3), ("expired_card", 2)]
        if sub.status == "active" and PLAN_MONTHS[sub.price.plan] == 1 and rng.random() < 0.03:
            sub.status = "past_due"
            last.status = "open"
            last.payments = []
            for attempt in range(3):
                moment = last.created + days(attempt * 3) + seconds(rng.randint(30, 3600))
                if moment < END:
                    last.payments.append(
                        Payment(self.new_id("ch_", 14), last.total, "failed", moment, pick(rng, codes))
                    )
            if len(paid) > 1 and rng.random() < 0.5:  # the month before was paid late after a failure
                previous = paid[-2]
                previous.payments.insert(
                    0,
                    Payment(
                        self.new_id("ch_", 14),
                        previous.total,
                        "failed",
                        previous.created + seconds(10),
                        pick(rng, codes),
                    ),
                )
        elif (
            sub.status == "canceled"
            and sub.ended_at is not None
            and PLAN_MONTHS[sub.price.plan] == 1
            and rng.random() < 0.1
            and last.period_start == sub.period_start
        ):
            last.status = "uncollectible"
            last.payments = []
            for attempt in range(4):
                moment = last.created + days(attempt * 5) + seconds(rng.randint(30, 3600))
                last.payments.append(
                    Payment(self.new_id("ch_", 14), last.total, "failed", moment, pick(rng, codes))
                )
            assert sub.period_start is not None
            sub.canceled_at = sub.ended_at = sub.period_start + days(rng.uniform(22, 26))
            sub.cancel_at = None
            sub.changed_at = sub.ended_at

    # -- crm: expansion and renewal opportunities, history, quotas ---------------------------------------

    def build_follow_up_opportunities(self) -> None:
        rng = self.rng("crm.follow_up")
        for customer in self.customers:
            account = customer.account
            if account is None or customer.kind == "duplicate":
                continue
            for sub in customer.subscriptions:
                for event in sub.events:
                    if event.kind == "downgrade" or event.new_acv <= event.old_acv or rng.random() > 0.85:
                        continue
                    close_at = event.at - days(rng.uniform(0, 7))
                    created = close_at - days(rng.uniform(14, 60))
                    if created <= account.created + days(1):
                        continue
                    amount = self.crm_amount(
                        self.convert_minor(
                            event.new_acv - event.old_acv, customer.currency, account.currency, close_at
                        ),
                        account.currency,
                    )
                    label = "Expansion (new team)" if event.kind == "add_subscription" else "Expansion"
                    self.follow_up(rng, account, "Expansion", label, created, close_at, "won", amount)
                    if (
                        event.kind == "upgrade"
                        and sub.quantity >= 15
                        and account.segment_at(event.at) == "SMB"
                    ):
                        moved = event.at + days(rng.uniform(1, 10))
                        if moved < END:
                            account.segments.append((moved, "Mid-Market"))
                    if sub.quantity >= 40 and account.segment_at(event.at) == "Mid-Market":
                        moved = event.at + days(rng.uniform(1, 10))
                        if moved < END:
                            account.segments.append((moved, "Enterprise"))
                if sub.price.plan == "annual" and customer.kind == "sales":
                    self.renewals(rng, account, customer, sub)
            # Expansion attempts that go nowhere.
            for start, end in customer.active_spans():
                years = (end - start).days / 365
                for _ in range(poisson(rng, 0.18 * years)):
                    created = between(rng, start + days(30), max(start + days(30), end - days(10)))
                    if created >= END:
                        continue
                    close_at = created + days(rng.uniform(20, 70))
                    amount = round_to(
                        self.crm_amount(sub_acv(customer), customer.currency) * rng.uniform(0.2, 0.6), 10000
                    )
                    self.follow_up(
                        rng, account, "Expansion", "Expansion", created, close_at, "lost", max(amount, 10000)
                    )
        # A few deals without an account (partner placeholders), open or lost.
        for _ in range(scaled(8, self.scale, 1)):
            created = between(rng, START + days(30), END - days(20))
            close_at = created + days(rng.uniform(20, 90))
            owner = self.pick_rep(rng, "Account Executive", None, created, close_at)
            amount = round_to(rng.uniform(5000, 40000), 1000) * 100
            changes = self.opportunity_changes(
                rng, created, close_at, "lost", rng.randint(1, 3), amount, amount
            )
            self.add_opportunity(
                rng, None, "New Business", "Partner referral - TBD", "USD", owner.id, None, changes
            )
        # Opportunities created by mistake and deleted.
        for _ in range(max(1, round(0.01 * len(self.opportunities)))):
            account = rng.choice(self.accounts)
            created = between(rng, account.created, min(account.created + days(60), END - hours(2)))
            owner_id = account.owner_at(created)
            change = OppChange(created, "Prospecting", None, (created + days(30)).date())
            self.add_opportunity(
                rng,
                account,
                "New Business",
                f"{account.name} - New Business",
                account.currency.upper(),
                owner_id,
                None,
                [change],
                deleted=True,
            )

    def follow_up(
        self,
        rng: random.Random,
        account: Account,
        opp_type: str,
        label: str,
        created: datetime,
        close_at: datetime,
        outcome: str,
        amount: int,
    ) -> None:
        lost_stage = rng.choice([2, 3, 4, 5])
        changes = self.opportunity_changes(
            rng, created, close_at, outcome, lost_stage, amount, amount, first_stage=1
        )
        if not changes:
            return
        owner = account.owner_at(min(close_at, LAST_INSTANT))
        year = f" {close_at.year}" if opp_type == "Renewal" else ""
        opp = self.add_opportunity(
            rng,
            account,
            opp_type,
            f"{account.name} - {label}{year}",
            account.currency.upper(),
            owner,
            None,
            changes,
        )
        if rng.random() < 0.7:
            moment = between(rng, created, min(changes[-1].at, END - hours(1)))
            self.tables["crm.activities"].add(
                moment,
                Id=self.sf_id("00T"),
                Type=messy(rng, "Meeting"),
                Subject="Account review",
                WhoId=None,
                WhatId=opp.id,
                OwnerId=owner,
                ActivityDateTime=moment,
                IsDeleted=False,
                SystemModstamp=moment,
            )

    def renewals(self, rng: random.Random, account: Account, customer: Customer, sub: Subscription) -> None:
        """One renewal opportunity per annual term end: won when billing renewed, lost when it churned."""
        for index, (_, term_end, acv) in enumerate(sub.terms):
            created = term_end - days(rng.uniform(60, 90))
            if created >= END or created <= account.created:
                continue
            close_at = term_end - days(rng.uniform(0, 20))
            renewed = index + 1 < len(sub.terms) or (term_end >= END and sub.ended_at is None)
            next_acv = sub.terms[index + 1][2] if index + 1 < len(sub.terms) else sub.price.acv(sub.quantity)
            amount = self.crm_amount(next_acv if renewed else acv, customer.currency)
            if customer.currency != account.currency:
                amount = self.crm_amount(
                    self.convert_minor(
                        next_acv if renewed else acv, customer.currency, account.currency, close_at
                    ),
                    account.currency,
                )
            self.follow_up(
                rng, account, "Renewal", "Renewal", created, close_at, "won" if renewed else "lost", amount
            )

    def write_crm(self) -> None:
        rng = self.rng("crm.write")
        # Accounts deleted as duplicates right after creation.
        for _ in range(max(1, round(0.01 * len(self.accounts)))):
            original = rng.choice([a for a in self.accounts if a.created < END - days(14)])
            copy = Account(
                self.sf_id("001"),
                original.name,
                original.domain,
                original.segment,
                original.industry,
                original.country,
                original.region,
                original.currency,
                original.created + hours(rng.uniform(1, 72)),
            )
            copy.owners.append((copy.created, original.owner_at(copy.created)))
            copy.segments.append((copy.created, original.segment))
            self.write_account(rng, copy, deleted_at=copy.created + days(rng.uniform(1, 10)))
        for account in self.accounts:
            self.write_account(rng, account)
        self.write_opportunities(rng)
        self.write_quotas(rng)
        stages = self.tables["crm.opportunity_stages"]
        for order, stage in enumerate(STAGES, start=1):
            stages.add(
                datetime(2021, 3, 1, 12),
                Id=self.sf_id("01J"),
                MasterLabel=stage,
                SortOrder=order,
                DefaultProbability=STAGE_PROBABILITY[stage],
                IsActive=True,
                IsClosed=stage.startswith("Closed"),
                IsWon=stage == "Closed Won",
            )

    def write_account(self, rng: random.Random, account: Account, deleted_at: datetime | None = None) -> None:
        history = self.tables["crm.account_history"]
        changes: list[tuple[datetime, str, str, str]] = []
        for (_, old), (since, new) in zip(account.owners, account.owners[1:], strict=False):
            changes.append((since, "Owner", old, new))
        segments = sorted(account.segments)
        for (_, old), (since, new) in zip(segments, segments[1:], strict=False):
            if old != new:
                changes.append((since, "Segment", old, new))
        for since, field_name, old, new in sorted(changes):
            history.add(
                since,
                Id=self.sf_id("017"),
                AccountId=account.id,
                Field=messy(rng, field_name, 0.2),
                OldValue=messy(rng, old, 0.1) if field_name == "Segment" else old,
                NewValue=messy(rng, new, 0.1) if field_name == "Segment" else new,
                CreatedDate=since,
            )
        last_change = max([account.created] + [since for since, *_ in changes])
        stale: tuple[dict[str, Value], datetime] | None = None
        if changes:
            first = sorted(changes)[0]
            stale = (
                {
                    "OwnerId": account.owners[0][1],
                    "Segment": segments[0][1],
                    "SystemModstamp": account.created,
                },
                first[0] - hours(1),
            )
        if deleted_at is not None:
            stale = ({"IsDeleted": False, "SystemModstamp": account.created}, account.created)
            last_change = deleted_at
        self.tables["crm.accounts"].add(
            last_change,
            stale=stale,
            force_resync=deleted_at is not None and rng.random() < 0.5,
            Id=account.id,
            Name=account.name,
            Segment=messy(rng, account.segment_at(LAST_INSTANT)),
            Industry=account.industry,
            BillingCountry=account.country,
            Region=messy(rng, account.region, 0.2),
            OwnerId=account.owner_at(LAST_INSTANT),
            CreatedDate=account.created,
            IsDeleted=deleted_at is not None,
            SystemModstamp=last_change,
        )

    def write_opportunities(self, rng: random.Random) -> None:
        opportunities = self.tables["crm.opportunities"]
        history = self.tables["crm.opportunity_history"]
        for opp in self.opportunities:
            for change in opp.changes:
                history.add(
                    change.at,
                    Id=self.sf_id("008"),
                    OpportunityId=opp.id,
                    StageName=messy(rng, change.stage, 0.08),
                    Amount=change.amount,
                    CloseDate=change.close_date,
                    Probability=STAGE_PROBABILITY[change.stage],
                    CreatedDate=change.at,
                )
            final = opp.final
            stale = None
            if len(opp.changes) > 1:
                before = opp.changes[-2]
                stale = (
                    {
                        "StageName": before.stage,
                        "Amount": before.amount,
                        "Probability": STAGE_PROBABILITY[before.stage],
                        "CloseDate": before.close_date,
                        "IsClosed": False,
                        "IsWon": False,
                        "SystemModstamp": before.at,
                    },
                    before.at,
                )
            opportunities.add(
                final.at,
                stale=stale,
                Id=opp.id,
                Name=opp.name,
                AccountId=opp.account.id if opp.account else None,
                Type=messy(rng, opp.type),
                StageName=messy(rng, final.stage),
                Amount=final.amount,
                CurrencyIsoCode=opp.currency,
                Probability=STAGE_PROBABILITY[final.stage],
                CreatedDate=opp.changes[0].at,
                CloseDate=final.close_date,
                IsClosed=final.stage.startswith("Closed"),
                IsWon=final.stage == "Closed Won",
                OwnerId=opp.owner_id,
                CampaignId=opp.campaign_id,
                IsDeleted=opp.deleted,
                SystemModstamp=final.at,
            )

    def write_quotas(self, rng: random.Random) -> None:
        """Monthly quotas per AE, set per pod and year a little above what the pod's reps book."""
        booked: dict[tuple[str, int], int] = {}
        rep_months: dict[tuple[str, int], int] = {}
        by_id = {rep.id: rep for rep in self.reps}
        for opp in self.opportunities:
            if opp.is_won and opp.type != "Renewal" and not opp.deleted and opp.final.amount:
                rep = by_id[opp.owner_id]
                usd = opp.final.amount / 100 * self.rate(month_of(opp.final.at), opp.currency)
                key = (rep.team, opp.final.at.year)
                booked[key] = booked.get(key, 0) + round(usd)
        aes = self.reps_with("Account Executive")
        for rep in aes:
            for month in MONTHS:
                if rep.active(datetime.combine(month, datetime.min.time()) + days(14)):
                    rep_months[(rep.team, month.year)] = rep_months.get((rep.team, month.year), 0) + 1
        table = self.tables["crm.quotas"]
        for rep in aes:
            personal = rng.uniform(0.92, 1.08)
            for month in MONTHS:
                first_day = datetime.combine(month, datetime.min.time())
                if not (
                    rep.hired <= month_end(month).date()
                    and (rep.terminated is None or rep.terminated > month)
                ):
                    continue
                key = (rep.team, month.year)
                average = booked.get(key, 0) / max(rep_months.get(key, 1), 1)
                quota = max(5000, round_to(average * 1.12 * personal, 1000))
                tenure_months = (month.year - rep.hired.year) * 12 + month.month - rep.hired.month
                if tenure_months < 2:
                    quota = round_to(quota * 0.5, 500)
                set_at = first_day - days(rng.uniform(3, 20))
                table.add(
                    set_at,
                    Id=self.sf_id("0J9"),
                    OwnerId=rep.id,
                    PeriodType=messy(rng, "Month", 0.1),
                    StartDate=month,
                    QuotaAmount=quota * 100,
                    CurrencyIsoCode="USD",
                )

    # -- billing tables -------------------------------------------------------------------------------

    def write_billing(self) -> None:
        rng = self.rng("billing.write")
        customers = self.tables["billing.customers"]
        subscriptions = self.tables["billing.subscriptions"]
        invoices: list[Invoice] = []
        for customer in self.customers:
            customers.add(
                customer.created + days(3) if customer.deleted else customer.created,
                stale=({"deleted": False}, customer.created) if customer.deleted else None,
                force_resync=customer.deleted and rng.random() < 0.5,
                id=customer.id,
                email=customer.email,
                name=customer.name,
                crm_account_id=customer.account.id if customer.account else None,
                currency=customer.currency.upper() if rng.random() < 0.1 else customer.currency,
                country=customer.country,
                created=customer.created,
                deleted=customer.deleted,
            )
            invoices.extend(customer.one_time_invoices)
            for sub in customer.subscriptions:
                invoices.extend(sub.invoices)
                changed = sub.changed_at or sub.created
                stale = None
                if sub.status == "canceled" and sub.canceled_at is not None:
                    was = "trialing" if sub.paid_start is None else "active"
                    stale = (
                        {"status": was, "canceled_at": None, "cancel_at": None, "ended_at": None},
                        min(sub.canceled_at, changed) - hours(1),
                    )
                    changed = max(changed, sub.canceled_at)
                subscriptions.add(
                    changed,
                    stale=stale,
                    id=sub.id,
                    customer_id=customer.id,
                    price_id=sub.price.id,
                    quantity=sub.quantity,
                    status=messy(rng, sub.status, 0.12),
                    trial_start=sub.trial_start,
                    trial_end=sub.trial_end,
                    start_date=sub.created,
                    current_period_start=sub.period_start,
                    current_period_end=sub.period_end,
                    cancel_at=sub.cancel_at,
                    canceled_at=sub.canceled_at,
                    ended_at=sub.ended_at,
                    created=sub.created,
                )
        self.write_invoices(rng, invoices)

    def write_invoices(self, rng: random.Random, invoices: list[Invoice]) -> None:
        table = self.tables["billing.invoices"]
        lines = self.tables["billing.invoice_line_items"]
        payments = self.tables["billing.payments"]
        sequence: dict[str, int] = {}
        prefixes: dict[str, str] = {}
        for invoice in sorted(invoices, key=lambda inv: (inv.created, inv.id)):
            customer = invoice.customer
            if customer.id not in prefixes:
                prefixes[customer.id] = "".join(rng.choices(string.ascii_uppercase + string.digits, k=8))
            sequence[customer.id] = sequence.get(customer.id, 0) + 1
            number = f"{prefixes[customer.id]}-{sequence[customer.id]:04d}"
            paid = sum(p.amount for p in invoice.payments if p.status == "succeeded")
            changed = max([invoice.created] + [p.created for p in invoice.payments])
            stale = None
            if invoice.status == "paid" and invoice.payments:
                stale = ({"status": "open", "amount_paid": 0}, invoice.created)
            table.add(
                changed,
                stale=stale,
                id=invoice.id,
                customer_id=customer.id,
                subscription_id=invoice.subscription_id,
                number=number,
                status=invoice.status,
                currency=customer.currency,
                subtotal=invoice.subtotal,
                discount=invoice.discount,
                tax=invoice.tax,
                total=invoice.total,
                amount_paid=paid,
                period_start=invoice.period_start,
                period_end=invoice.period_end,
                created=invoice.created,
            )
            for line in invoice.lines:
                lines.add(
                    invoice.created,
                    id=line.id,
                    invoice_id=invoice.id,
                    subscription_id=line.subscription_id,
                    price_id=line.price_id,
                    type=line.type,
                    description=line.description,
                    quantity=line.quantity,
                    amount=line.amount,
                    discount_amount=line.discount,
                    is_proration=line.is_proration,
                    period_start=line.period_start,
                    period_end=line.period_end,
                    currency=customer.currency,
                )
            for payment in invoice.payments:
                payments.add(
                    payment.refunded_at or payment.created,
                    stale=({"amount_refunded": 0, "refunded_at": None}, payment.created)
                    if payment.refunded
                    else None,
                    id=payment.id,
                    invoice_id=invoice.id,
                    customer_id=customer.id,
                    amount=payment.amount,
                    amount_refunded=payment.refunded,
                    currency=customer.currency,
                    status=payment.status,
                    failure_code=payment.failure_code,
                    created=payment.created,
                    refunded_at=payment.refunded_at,
                )
        # Card checks without an invoice ($1 authorisations, refunded at once).
        paying = [c for c in self.customers if c.kind == "self_serve"]
        for customer in rng.sample(paying, min(len(paying), scaled(6, self.scale, 1))):
            moment = customer.created + minutes_between(rng, 1, 30)
            amount = 100 if customer.currency != "jpy" else 100
            payments.add(
                moment + hours(1),
                id=self.new_id("ch_", 14),
                invoice_id=None,
                customer_id=customer.id,
                amount=amount,
                amount_refunded=amount,
                currency=customer.currency,
                status="succeeded",
                failure_code=None,
                created=moment,
                refunded_at=moment + hours(1),
            )

    # -- product -----------------------------------------------------------------------------------------

    def build_product(self) -> None:
        rng = self.rng("product")
        table = self.tables["product.users"]
        for customer in self.customers:
            if customer.kind == "duplicate":
                continue
            account = customer.account
            sales = customer.kind in ("sales", "second_currency")
            spans = customer.active_spans()
            first_seen = customer.subscriptions[0].created if customer.subscriptions else customer.created
            seats = max([s.quantity for s in customer.subscriptions] or [1])
            n_users = 1 if customer.kind == "trial_only" else min(4, 1 + seats // 12 + rng.randint(0, 1))
            if customer.kind == "trial_only" and rng.random() < 0.3:
                n_users = 2
            last_possible = spans[-1][1] if spans else (customer.subscriptions[0].ended_at or END)
            for index in range(n_users):
                if index == 0:
                    signup = (
                        first_seen - seconds(rng.randint(30, 600))
                        if not sales
                        else first_seen + hours(rng.uniform(1, 72))
                    )
                else:
                    signup = between(rng, first_seen, min(first_seen + days(120), last_possible - hours(1)))
                if signup >= END:
                    continue
                if index == 0 and not sales:
                    email = customer.email
                else:
                    first, last = self.person(rng)
                    domain = account.domain if account else customer.email.split("@")[1]
                    if domain in ("gmail.com", "outlook.com"):
                        domain = rng.choice(["gmail.com", "outlook.com", "proton.me"])
                    email = self.unique_email(f"{first}.{last}".lower(), domain)
                user_id = self.new_id("usr_", 12)
                customer.users.append((user_id, email, signup))
                if account is not None:
                    account.contacts.append(email)
                if sales:
                    signup_type, source = "paid", "sales_assisted"
                else:
                    trial = customer.subscriptions[0].trial_start is not None
                    signup_type = "trial" if index == 0 and trial else "paid"
                    source = customer.signup_source if index == 0 else "organic"
                table.add(
                    signup,
                    id=user_id,
                    email=email,
                    billing_customer_id=None if sales and rng.random() < 0.1 else customer.id,
                    crm_account_id=account.id if account else None,
                    signup_at=signup,
                    signup_type=messy(rng, signup_type, 0.15),
                    signup_source=messy(rng, source, 0.1),
                )
        cumulative = month_weights(1.5)
        for _ in range(scaled(FREE_USERS, self.scale, 10)):
            month = MONTHS[rng.choices(range(36), cum_weights=cumulative)[0]]
            signup = datetime.combine(month, datetime.min.time()) + days(rng.uniform(0, 28))
            first, last = self.person(rng)
            email = self.unique_email(
                f"{first}.{last}".lower(), rng.choice(["gmail.com", "outlook.com", "yahoo.com"])
            )
            user_id = self.new_id("usr_", 12)
            self.free_users.append((user_id, email, signup))
            table.add(
                signup,
                id=user_id,
                email=email,
                billing_customer_id=None,
                crm_account_id=None,
                signup_at=signup,
                signup_type=messy(rng, "free", 0.15),
                signup_source=messy(rng, pick(rng, SIGNUP_SOURCES), 0.1),
            )
        self.build_tracks(rng)

    def build_tracks(self, rng: random.Random) -> None:
        """Usage events: more for healthy customers, fading in the months before a churn."""
        table = self.tables["product.tracks"]
        events = [
            ("Signed In", 48),
            ("Report Created", 16),
            ("Dashboard Shared", 8),
            ("Integration Connected", 4),
            ("Invite Sent", 5),
            ("Export Downloaded", 19),
        ]
        events_per_month = TRACKS_PER_CUSTOMER_MONTH

        def emit(user_id: str, moment: datetime, event: str) -> None:
            received = moment + seconds(
                rng.randint(1, 90) if rng.random() < 0.95 else rng.randint(600, 30000)
            )
            if received >= END:  # arrives after the export
                return
            table.add(
                received,
                id=self.new_id("evt_", 16),
                user_id=user_id,
                event=event,
                timestamp=moment,
                received_at=received,
            )

        for customer in self.customers:
            if not customer.users:
                continue
            churns = customer.churn_moments()
            engagement = rng.uniform(0.5, 1.5)
            for sub in customer.subscriptions:
                if sub.trial_start is not None and sub.trial_end is not None:  # trial activity
                    for _ in range(poisson(rng, 3 if customer.kind != "trial_only" else 1.5)):
                        moment = between(rng, sub.trial_start, min(sub.trial_end, END - hours(1)))
                        user_id, _, signup = customer.users[0]
                        emit(user_id, max(moment, signup + seconds(60)), pick(rng, events))
            for start, end in customer.active_spans():
                month = month_of(start)
                while month <= MONTHS[-1] and datetime.combine(month, datetime.min.time()) < end:
                    month_start = max(datetime.combine(month, datetime.min.time()), start)
                    month_stop = min(month_end(month), end - seconds(1), END - seconds(1))
                    health = engagement
                    if any(timedelta(0) <= churn - month_start <= days(100) for churn in churns):
                        health *= 0.35
                    seats = max(s.quantity for s in customer.subscriptions)
                    lam = events_per_month * health * (1 + math.log1p(seats) / 3)
                    for _ in range(poisson(rng, lam)):
                        moment = between(rng, month_start, month_stop)
                        users = [u for u in customer.users if u[2] <= moment]
                        if not users:
                            continue
                        user_id = rng.choice(users)[0]
                        emit(user_id, moment, pick(rng, events))
                    month = month_of(month_end(month) + days(1))
        for user_id, _, signup in self.free_users:
            for _ in range(poisson(rng, 1.5)):
                moment = signup + days(rng.uniform(0, 20))
                if moment < END:
                    emit(user_id, moment, pick(rng, events[:3]))

    # -- support ---------------------------------------------------------------------------------------

    def agent_for(self, rng: random.Random, team: str, moment: datetime) -> int:
        working = [a for a in self.agents if a[2] <= moment and (a[3] is None or moment < a[3])]
        in_team = [a for a in working if a[1] == team] or working or self.agents
        return rng.choice(in_team)[0]

    def build_support(self) -> None:
        rng = self.rng("support")
        topics = {
            "billing": (
                [
                    "Question about my invoice",
                    "Update payment method",
                    "Refund request",
                    "VAT number on invoice",
                    "Change billing email",
                ],
                "Billing",
            ),
            "onboarding": (
                [
                    "Help setting up SSO",
                    "Importing data from CSV",
                    "How do I invite my team?",
                    "Onboarding call request",
                ],
                "Onboarding",
            ),
            "technical": (
                [
                    "Dashboard not loading",
                    "Integration sync failing",
                    "Export is empty",
                    "Error when creating a report",
                    "API rate limit question",
                    "Slow performance",
                ],
                "Tier 1",
            ),
            "account": (["Add seats", "Change plan", "Cancel subscription", "Reset 2FA"], "Tier 1"),
        }
        base_rate = TICKETS_PER_CUSTOMER_MONTH
        tickets: list[tuple[datetime, str, Customer | None, str]] = []  # created, topic, customer, email
        for customer in self.customers:
            if customer.kind == "duplicate":
                continue
            churns = customer.churn_moments()
            past_due = any(s.status == "past_due" for s in customer.subscriptions)
            seats = max([s.quantity for s in customer.subscriptions] or [1])
            emails = [u[1] for u in customer.users] or [customer.email]
            for sub in customer.subscriptions:
                if sub.trial_start is not None and sub.trial_end is not None and rng.random() < 0.12:
                    moment = between(rng, sub.trial_start, min(sub.trial_end, END - hours(2)))
                    tickets.append((moment, "onboarding", customer, customer.email))
            for start, end in customer.active_spans():
                month = month_of(start)
                while month <= MONTHS[-1] and datetime.combine(month, datetime.min.time()) < end:
                    month_start = max(datetime.combine(month, datetime.min.time()), start)
                    month_stop = min(month_end(month), end - seconds(1), END - hours(2))
                    if month_stop <= month_start:
                        break
                    lam = base_rate * (0.7 + math.log1p(seats) / 3)
                    pre_churn = any(timedelta(0) <= churn - month_start <= days(100) for churn in churns)
                    if pre_churn:
                        lam *= 1.9
                    if month_start - start < days(60):
                        lam *= 1.4
                    if past_due and month_stop > END - days(60):
                        lam *= 2
                    for _ in range(poisson(rng, lam)):
                        moment = between(rng, month_start, month_stop)
                        topic = pick(
                            rng,
                            [
                                ("technical", 50),
                                ("billing", 20 if not pre_churn else 30),
                                ("onboarding", 15 if month_start - start < days(60) else 4),
                                ("account", 11 if not pre_churn else 20),
                            ],
                        )
                        email = customer.email if customer.account is None else rng.choice(emails)
                        tickets.append((moment, topic, customer, email))
                    month = month_of(month_end(month) + days(1))
        for _ in range(max(2, round(len(tickets) * 0.02))):
            first, last = self.person(rng)
            provider = rng.choice(["gmail.com", "hotmail.com", "web.de"])
            email = f"{first}.{last}{rng.randint(1, 99)}@{provider}".lower()
            tickets.append(
                (
                    between(rng, START, END - hours(2)),
                    pick(rng, [("technical", 1), ("billing", 1)]),
                    None,
                    email,
                )
            )
        tickets.sort(key=lambda t: (t[0], t[3]))
        ticket_table = self.tables["support.tickets"]
        all_events: list[
            tuple[
                datetime,
                int,
                int,
                tuple[str, int | None, str, str | None, str | None, str | None, bool | None],
            ]
        ] = []
        ratings: list[tuple[int, datetime, Customer | None, bool, bool]] = []
        for number, (created, topic, customer, email) in enumerate(tickets):
            ticket_id = 10001 + number
            subjects, team = topics[topic]
            priority = pick(rng, [("low", 25), ("normal", 50), ("high", 18), ("urgent", 5), (None, 2)])
            if topic == "technical" and priority in ("high", "urgent"):
                team = "Tier 2"
            channel = pick(rng, [("Email", 40), ("Web", 25), ("Chat", 20), ("Phone", 8), ("API", 7)])
            events, assignee, solved_at, reopened = self.ticket_life(rng, created, priority, team)
            deleted = (customer is None and rng.random() < 0.4) or rng.random() < 0.006
            if deleted:  # spam or a duplicate ticket, deleted by an agent
                moment = created + hours(rng.uniform(0.2, 30))
                assignee = self.agent_for(rng, team, created)
                events = (
                    [events[0]]
                    if moment >= END
                    else [
                        events[0],
                        (moment, ("Change", assignee, "agent", "status", "new", "deleted", None)),
                    ]
                )
                solved_at = None
            status = "new"
            for _, (kind, _, _, field_name, _, value, _) in events:
                if kind in ("Create", "Change") and field_name == "status" and value:
                    status = value
            for sequence, (moment, payload) in enumerate(events):
                all_events.append((moment, ticket_id, sequence, payload))
            updated = events[-1][0]
            at_risk = customer is not None and any(
                timedelta(0) <= churn - created <= days(120) for churn in customer.churn_moments()
            )
            if solved_at is not None:
                ratings.append((ticket_id, solved_at, customer, reopened, at_risk))
            old_status = "open" if status in ("solved", "closed") else None
            ticket_table.add(
                updated,
                stale=(
                    {"status": old_status, "updated_at": events[len(events) // 2][0]},
                    events[len(events) // 2][0],
                )
                if old_status
                else None,
                id=ticket_id,
                account_id=customer.account.id if customer and customer.account else None,
                requester_email=email,
                subject=rng.choice(subjects),
                channel=messy(rng, channel, 0.3),
                priority=priority,
                status=messy(rng, status.title() if rng.random() < 0.3 else status, 0.1),
                assignee_id=assignee,
                group_name=team if assignee is not None else None,
                created_at=created,
                updated_at=updated,
            )
        all_events.sort(key=lambda e: (e[0], e[1], e[2]))
        event_table = self.tables["support.ticket_events"]
        for index, (moment, ticket_id, _, payload) in enumerate(all_events):
            kind, author, role, field_name, previous, value, public = payload
            event_table.add(
                moment,
                id=500001 + index,
                ticket_id=ticket_id,
                event_type=kind,
                author_id=author,
                author_role=role,
                field_name=field_name,
                previous_value=previous,
                value=value,
                is_public=public,
                created_at=moment,
            )
        self.write_ratings(rng, ratings)
        self.build_nps(rng)

    def ticket_life(
        self, rng: random.Random, created: datetime, priority: str | None, team: str
    ) -> tuple[
        list[tuple[datetime, tuple[str, int | None, str, str | None, str | None, str | None, bool | None]]],
        int | None,
        datetime | None,
        bool,
    ]:
        """Events of one ticket, cut at the end of the data: (events, assignee, final solve, reopened)."""
        median_hours = {"urgent": 0.7, "high": 2.0, "normal": 4.0, "low": 8.0, None: 5.0}[priority]
        events: list[
            tuple[datetime, tuple[str, int | None, str, str | None, str | None, str | None, bool | None]]
        ] = []
        events.append((created, ("Create", None, "end-user", "status", None, "new", None)))
        agent = self.agent_for(rng, team, created)
        t = created + hours(min(96, rng.lognormvariate(math.log(median_hours), 1.0))) + seconds(60)
        status = "new"
        if created > END - days(30) and rng.random() < 0.12:
            # Only internal notes so far: no public reply yet.
            events.append((t, ("Change", agent, "agent", "status", "new", "open", None)))
            events.append((t, ("Comment", agent, "agent", None, None, None, False)))
            if rng.random() < 0.3:
                events.append(
                    (
                        t + hours(rng.uniform(1, 20)),
                        ("Change", agent, "agent", "status", "open", "hold", None),
                    )
                )
            events = [e for e in events if e[0] < END]
            return events, agent, None, False
        if rng.random() < 0.1:
            note_at = max(created + seconds(30), t - seconds(rng.randint(120, 1800)))
            events.append((note_at, ("Comment", agent, "agent", None, None, None, False)))
        events.append((t, ("Comment", agent, "agent", None, None, None, True)))
        rounds = pick(rng, [(0, 82), (1, 15), (2, 2), (3, 1)])
        if rounds == 0:
            events.append((t, ("Change", agent, "agent", "status", "new", "solved", None)))
            status = "solved"
        else:
            use_pending = rng.random() < 0.3
            new_status = "pending" if use_pending else "open"
            events.append((t, ("Change", agent, "agent", "status", "new", new_status, None)))
            status = new_status
            for round_number in range(rounds):
                t = t + hours(rng.lognormvariate(math.log(10), 0.9)) + seconds(60)
                events.append((t, ("Comment", None, "end-user", None, None, None, True)))
                if status == "pending":
                    events.append((t, ("Change", None, "end-user", "status", "pending", "open", None)))
                    status = "open"
                t = t + hours(rng.lognormvariate(math.log(median_hours * 1.5), 1.0)) + seconds(60)
                events.append((t, ("Comment", agent, "agent", None, None, None, True)))
                if round_number == rounds - 1:
                    events.append((t, ("Change", agent, "agent", "status", status, "solved", None)))
                    status = "solved"
                elif use_pending:
                    events.append((t, ("Change", agent, "agent", "status", status, "pending", None)))
                    status = "pending"
        solved_at = t
        reopened = False
        if rng.random() < 0.08:
            reopened = True
            t = t + hours(rng.uniform(2, 120))
            events.append((t, ("Comment", None, "end-user", None, None, None, True)))
            events.append((t, ("Change", None, "end-user", "status", "solved", "open", None)))
            t = t + hours(rng.lognormvariate(math.log(median_hours * 2), 1.0)) + seconds(60)
            events.append((t, ("Comment", agent, "agent", None, None, None, True)))
            events.append((t, ("Change", agent, "agent", "status", "open", "solved", None)))
            solved_at = t
        events.append((solved_at + days(4), ("Change", -1, "system", "status", "solved", "closed", None)))
        events.sort(key=lambda e: e[0])
        kept = [e for e in events if e[0] < END]
        final_solve = None
        for moment, (kind, _, _, field_name, _, value, _) in kept:
            if kind == "Change" and field_name == "status" and value == "solved":
                final_solve = moment
            elif kind == "Change" and field_name == "status" and value == "open":
                final_solve = None
        assignee = agent if len(kept) > 1 else None
        return kept, assignee, final_solve, reopened and final_solve is not None

    # -- support.business_hours, support.holidays ---------------------------------------------

    def build_support_schedule(self) -> None:
        """The support team's week, 08:00-18:00 New York time on weekdays, and the days it closes:
        New Year's Day, Independence Day and Christmas Day of every year of the data."""
        hours = self.tables["support.business_hours"]
        for weekday in range(1, 6):
            hours.add(
                START, time_zone="America/New_York", weekday=weekday, start_time="08:00", end_time="18:00"
            )
        holidays = self.tables["support.holidays"]
        for year in range(START.year, END.year):
            for month, day, name in (
                (1, 1, "New Year's Day"),
                (7, 4, "Independence Day"),
                (12, 25, "Christmas Day"),
            ):
                holidays.add(START, holiday_date=date(year, month, day), name=name)

    def write_ratings(
        self, rng: random.Random, ratings: list[tuple[int, datetime, Customer | None, bool, bool]]
    ) -> None:
        table = self.tables["support.satisfaction_ratings"]
        good_comments = ["Quick and helpful, thanks!", "Great support", "Solved my problem"]
        bad_comments = ["Took too long", "Still not working", "Had to explain twice"]
        ratings.sort(key=lambda r: (r[1], r[0]))
        for index, (ticket_id, solved_at, _customer, reopened, at_risk) in enumerate(ratings):
            offered_at = solved_at + hours(rng.uniform(20, 28))
            if offered_at >= END:
                continue
            answered = rng.random() < 0.36
            answered_at = offered_at + hours(rng.lognormvariate(math.log(6), 1.2))
            if not answered or answered_at >= END:
                score, comment, updated = "offered", None, offered_at
            else:
                p_good = 0.9 - (0.25 if reopened else 0) - (0.25 if at_risk else 0)
                good = rng.random() < p_good
                score = "good" if good else "bad"
                comment = rng.choice(good_comments if good else bad_comments) if rng.random() < 0.4 else None
                updated = answered_at
            table.add(
                updated,
                stale=({"score": "offered", "comment": None, "updated_at": offered_at}, offered_at)
                if score != "offered"
                else None,
                id=80001 + index,
                ticket_id=ticket_id,
                score=messy(rng, score, 0.15),
                comment=comment,
                created_at=offered_at,
                updated_at=updated,
            )

    def build_nps(self, rng: random.Random) -> None:
        """Quarterly NPS surveys to a sample of paying customers; about a third answer."""
        table = self.tables["support.nps_responses"]
        comments = {
            "promoter": ["Love the dashboards", "Saves us hours every week", "Great product"],
            "passive": ["Good, but pricey", "Does the job", "Some reports are slow"],
            "detractor": [
                "Too many bugs",
                "Support is slow",
                "Missing integrations",
                "Considering alternatives",
            ],
        }
        sends = []
        for quarter_start in MONTHS[::3]:
            for customer in self.customers:
                if customer.kind in ("duplicate", "trial_only"):
                    continue
                sent = datetime.combine(quarter_start, datetime.min.time()) + days(rng.uniform(5, 20))
                if not customer.is_active(sent) or rng.random() > 0.35:
                    continue
                sends.append((sent, customer))
        sends.sort(key=lambda s: (s[0], s[1].id))
        for index, (sent, customer) in enumerate(sends):
            at_risk = any(
                timedelta(0) <= churn - sent <= days(180) for churn in customer.churn_moments()
            ) or any(s.status == "past_due" for s in customer.subscriptions)
            recipient = customer.email
            if customer.account is not None and customer.users:
                recipient = rng.choice(customer.users)[1]
            responded_at: datetime | None = sent + hours(rng.lognormvariate(math.log(20), 1.0))
            score: int | None = None
            comment = None
            if rng.random() < 0.35 and responded_at is not None and responded_at < END:
                group = pick(
                    rng,
                    [("promoter", 15), ("passive", 30), ("detractor", 55)]
                    if at_risk
                    else [("promoter", 50), ("passive", 32), ("detractor", 18)],
                )
                if group == "promoter":
                    score = rng.choice([9, 10])
                elif group == "passive":
                    score = rng.choice([7, 8])
                else:
                    score = pick(rng, [(0, 1), (1, 1), (2, 2), (3, 3), (4, 4), (5, 6), (6, 7)])
                comment = rng.choice(comments[group]) if rng.random() < 0.4 else None
            else:
                responded_at = None
            table.add(
                responded_at or sent,
                id=20001 + index,
                account_id=customer.account.id if customer.account else None,
                billing_customer_id=None
                if customer.account is not None and rng.random() < 0.7
                else customer.id,
                recipient_email=recipient,
                sent_at=sent,
                responded_at=responded_at,
                score=score,
                comment=comment,
            )

    # -- revops ----------------------------------------------------------------------------------------

    def build_revops(self) -> None:
        rng = self.rng("revops")
        self.build_gl_expenses(rng)
        self.build_kpi_targets(rng)
        self.build_initiatives(rng)
        self.build_tool_adoption(rng)

    def headcount(self, role: str, month: date) -> int:
        moment = datetime.combine(month, datetime.min.time()) + days(14)
        return sum(1 for rep in self.reps if rep.role == role and rep.active(moment))

    def staff(self, month: date) -> tuple[int, int, int, int, int, int]:
        """Headcount in the month: AEs, SDRs, sales managers, CSMs, marketers, support agents."""
        roles = ("Account Executive", "Sales Development Rep", "Sales Manager", "Customer Success Manager")
        ae, sdr, managers, csm = (self.headcount(role, month) for role in roles)
        agents = sum(1 for a in self.agents if a[2].date() <= month and (a[3] is None or a[3].date() > month))
        return ae, sdr, managers, csm, self.headcount("Marketing", month), agents

    def bookings_usd(self) -> dict[date, float]:
        booked: dict[date, float] = {}
        for opp in self.opportunities:
            if opp.is_won and opp.type != "Renewal" and not opp.deleted and opp.final.amount:
                month = month_of(opp.final.at)
                booked[month] = booked.get(month, 0.0) + opp.final.amount / 100 * self.rate(
                    month, opp.currency
                )
        return booked

    def build_gl_expenses(self, rng: random.Random) -> None:
        table = self.tables["revops.gl_expenses"]
        bookings = self.bookings_usd()
        campaign_spend: dict[tuple[date, str], float] = {}
        for campaign in self.campaigns:
            month = month_of(campaign.start)
            category = {"Paid": "Advertising", "Event": "Events", "Webinar": "Events"}.get(
                campaign.type, "Contractors"
            )
            usd = campaign.cost / 100 * self.rate(month, campaign.currency)
            campaign_spend[(month, category)] = campaign_spend.get((month, category), 0.0) + usd
        scale = self.scale
        for index, month in enumerate(MONTHS):
            growth = 1 + index / 35
            ae, sdr, managers, csm, marketers, agents = self.staff(month)
            lines = [
                ("Sales", "Salaries", ae * 9000 + sdr * 5500 + managers * 13000),
                ("Sales", "Commissions", bookings.get(month, 0.0) * 0.08),
                ("Sales", "Software", (ae + sdr + managers) * 320),
                ("Sales", "Travel", (ae + managers) * rng.uniform(300, 900)),
                ("Marketing", "Salaries", marketers * 8000),
                ("Marketing", "Advertising", campaign_spend.get((month, "Advertising"), 0.0)),
                ("Marketing", "Events", campaign_spend.get((month, "Events"), 0.0)),
                ("Marketing", "Contractors", campaign_spend.get((month, "Contractors"), 0.0) + 2500 * scale),
                ("Marketing", "Software", 4200 * scale * growth),
                ("Customer Success", "Salaries", csm * 8500),
                ("Customer Success", "Software", csm * 250),
                ("Customer Success", "Travel", csm * rng.uniform(100, 400)),
                ("Support", "Salaries", agents * 5200),
                ("Support", "Software", agents * 115),
                ("R&D", "Salaries", round(22 * scale * growth * 0.9 + 1) * 11000),
                ("R&D", "Contractors", 15000 * scale * rng.uniform(0.6, 1.4)),
                ("R&D", "Software", 9000 * scale * growth),
                ("G&A", "Salaries", max(2, round(7 * scale * (1 + index / 70))) * 9500),
                ("G&A", "Software", 3000 * scale),
                ("G&A", "Contractors", 6000 * scale * rng.uniform(0.5, 1.5)),
                ("G&A", "Travel", 1500 * scale * rng.uniform(0.5, 1.5)),
            ]
            for department, category, amount in lines:
                if amount <= 0:
                    continue
                cents = round(amount * rng.uniform(0.98, 1.02) * 100)
                closed = datetime.combine(month, datetime.min.time()) + days(rng.uniform(35, 40))
                table.add(
                    closed,
                    stale=({"amount": round(cents * rng.uniform(0.9, 0.99))}, closed - days(2)),
                    month=month,
                    department=messy(rng, department, 0.12),
                    category=messy(rng, category, 0.12),
                    amount=cents,
                    currency="USD",
                )

    def estimated_mrr_usd(self) -> tuple[dict[date, float], dict[date, float]]:
        """Month-end MRR and new MRR in USD, estimated from the simulation (for plausible targets)."""
        mrr: dict[date, float] = {m: 0.0 for m in MONTHS}
        new: dict[date, float] = {m: 0.0 for m in MONTHS}
        for customer in self.customers:
            first_month: date | None = None
            for sub in customer.subscriptions:
                for segment in sub.segments:
                    monthly = (
                        segment.price.period_amount(segment.quantity)
                        * (10000 - segment.discount_bp)
                        / 10000
                        / PLAN_MONTHS[segment.price.plan]
                        / MINOR_UNIT_FACTOR[customer.currency]
                    )
                    for month in MONTHS:
                        instant = month_end(month)
                        ended = sub.ended_at is not None and sub.ended_at <= instant
                        if segment.start <= instant < segment.end and not ended:
                            mrr[month] += monthly * self.rate(month, customer.currency)
                            if first_month is None or month < first_month:
                                first_month = month
            if first_month is not None and customer.subscriptions:
                segment = min(
                    (s for sub in customer.subscriptions for s in sub.segments), key=lambda s: s.start
                )
                new[first_month] += (
                    segment.price.period_amount(segment.quantity)
                    / PLAN_MONTHS[segment.price.plan]
                    / MINOR_UNIT_FACTOR[customer.currency]
                    * self.rate(first_month, customer.currency)
                )
        return mrr, new

    def build_kpi_targets(self, rng: random.Random) -> None:
        table = self.tables["revops.kpi_targets"]
        mrr, new = self.estimated_mrr_usd()
        bookings = self.bookings_usd()

        def smooth(series: dict[date, float], month: date) -> float:
            index = MONTHS.index(month)
            window = [series.get(MONTHS[i], 0.0) for i in range(max(0, index - 2), index + 1)]
            return sum(window) / len(window)

        def add(kpi: str, grain: str, month: date, value: float, decimals: int) -> None:
            set_at = datetime(month.year - 1, 12, 15, 10) if month.year > 2023 else datetime(2022, 12, 15, 10)
            table.add(
                set_at + days(rng.uniform(0, 10)),
                kpi_id=kpi,
                period_grain=grain,
                period_start=month,
                dimension="all",
                dimension_value="all",
                target_value=f"{value:.{decimals}f}",
            )

        for month in MONTHS:
            year_factor = {2023: 1.0, 2024: 0.98, 2025: 0.96}[month.year]
            add("mrr", "month", month, round_to(smooth(mrr, month) * 1.06 + 500, 1000), 4)
            add("new_mrr", "month", month, round_to(smooth(new, month) * 1.1, 100), 4)
            add("bookings", "month", month, round_to(smooth(bookings, month) * 1.1, 1000), 4)
            add("customer_churn_rate", "month", month, 0.025 * year_factor, 4)
            add("csat", "month", month, 0.9, 4)
            add("first_response_time", "month", month, 4, 4)
        for quarter in MONTHS[::3]:
            index = MONTHS.index(quarter)
            quarter_bookings = sum(bookings.get(MONTHS[i], 0.0) for i in range(index, index + 3))
            add("bookings", "quarter", quarter, round_to(quarter_bookings * 1.1, 1000), 4)
            add("win_rate", "quarter", quarter, 0.3, 4)
            add("nps", "quarter", quarter, {2023: 30, 2024: 35, 2025: 40}[quarter.year], 4)
            add(
                "net_revenue_retention",
                "quarter",
                quarter,
                {2023: 1.0, 2024: 1.02, 2025: 1.05}[quarter.year],
                4,
            )
            add("cac", "quarter", quarter, {2023: 16000, 2024: 14000, 2025: 12000}[quarter.year], 4)

    def build_initiatives(self, rng: random.Random) -> None:
        table = self.tables["revops.initiatives"]
        names = [
            "Lead routing automation",
            "CPQ rollout",
            "Renewal playbook",
            "Forecast call cadence",
            "Territory redesign",
            "Deal desk",
            "Churn early-warning alerts",
            "Self-serve checkout",
            "Zendesk macros cleanup",
            "Opportunity stage definitions",
            "Data enrichment",
            "Quote approvals",
            "Commission calculator",
            "Pipeline hygiene bot",
            "Partner portal",
            "Usage-based alerts for CSMs",
            "Lead scoring v2",
            "Billing-CRM sync",
            "Onboarding checklist",
            "QBR templates",
            "Win/loss interviews",
            "Marketing attribution model",
            "Support tiers",
            "Health score dashboard",
            "Board pack automation",
        ]
        owners = ["Dana Price", "Marco Rossi", "Lena Fischer", "Sam Carter", "Priya Patel"]
        sizes = [("S", 1, (5, 15)), ("M", 2, (15, 40)), ("L", 4, (40, 100)), ("XL", 8, (100, 240))]
        quarters = [f"{year}-Q{q}" for year in (2023, 2024, 2025) for q in (1, 2, 3, 4)] + ["2026-Q1"]
        for index, name in enumerate(names):
            quarter = quarters[
                min(len(quarters) - 1, index * len(quarters) // len(names) + rng.randint(0, 1))
            ]
            size, weight, (low, high) = rng.choices(sizes, weights=[35, 35, 20, 10])[0]
            year, q = int(quarter[:4]), int(quarter[-1])
            quarter_start = date(year, 3 * q - 2, 1)
            implemented = None
            if quarter_start >= date(2025, 10, 1):
                status = (
                    "Planned"
                    if quarter_start > date(2025, 10, 1)
                    else pick(rng, [("In Progress", 2), ("Planned", 1)])
                )
            else:
                status = pick(rng, [("Implemented", 70), ("Cancelled", 12), ("In Progress", 18)])
                if status == "Implemented":
                    implemented = quarter_start + timedelta(rng.randint(20, 150))
                    if implemented > date(2025, 12, 31):
                        implemented, status = None, "In Progress"
            changed = datetime.combine(implemented or quarter_start, datetime.min.time()) + hours(11)
            table.add(
                min(changed, LAST_INSTANT),
                initiative_id=f"INIT-{index + 1:03d}",
                name=name,
                owner=rng.choice(owners),
                planned_quarter=quarter,
                size=size,
                size_weight=weight,
                status=messy(rng, status, 0.2),
                implemented_date=implemented,
                est_hours_saved_per_month=f"{rng.randint(low, high)}",
            )

    def build_tool_adoption(self, rng: random.Random) -> None:
        table = self.tables["revops.tool_adoption"]
        for month in MONTHS:
            ae, sdr, managers, csm, marketers, agents = self.staff(month)
            index = MONTHS.index(month)
            licensed = {
                "Salesforce": ae + sdr + managers + csm + 2,
                "Outreach": ae + sdr,
                "Gong": ae + managers if month >= date(2024, 2, 1) else 0,
                "HubSpot": marketers + 2,
                "Clari": managers + 1 if month >= date(2024, 7, 1) else 0,
                "Zendesk": agents + 2,
            }
            adoption = {
                "Salesforce": 0.95,
                "Outreach": 0.8 + index / 350,
                "Gong": 0.4 + min(0.45, max(0, index - 13) * 0.03),
                "HubSpot": 0.9,
                "Clari": 0.5 + min(0.35, max(0, index - 18) * 0.03),
                "Zendesk": 0.97,
            }
            for tool, count in licensed.items():
                active = min(count, round(count * adoption[tool] * rng.uniform(0.93, 1.05)))
                table.add(
                    month_end(month) + days(2),
                    month=month,
                    tool=tool,
                    licensed_users=count,
                    active_users=active,
                )


def sub_acv(customer: Customer) -> int:
    """Current ACV (minor units) of a customer's latest subscription."""
    latest = customer.subscriptions[-1]
    return latest.price.acv(latest.quantity)


def minutes_between(rng: random.Random, low: int, high: int) -> timedelta:
    return timedelta(minutes=rng.randint(low, high))


# --------------------------------------------------------------------------------------------------
# Command line
# --------------------------------------------------------------------------------------------------


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description=(
            "Generate the deterministic demo raw data (crm, billing, support, product, revops CSVs) of the "
            "RevOps metrics warehouse, following the raw data contract."
        ),
        epilog="Same seed and scale give byte-identical files.",
    )
    parser.add_argument("--seed", type=int, default=42, help="random seed (default: 42)")
    parser.add_argument(
        "--scale",
        type=positive_float,
        default=1.0,
        help="entity-count multiplier; 1.0 = about 1,000 billing customers over 2023-2025 (default: 1.0)",
    )
    parser.add_argument(
        "--out", type=Path, default=Path("seeds"), help="output directory; writes <out>/<source>/<table>.csv"
    )
    parser.add_argument("--quiet", action="store_true", help="print nothing")
    return parser.parse_args(argv)


def positive_float(text: str) -> float:
    value = float(text)
    if not value > 0:
        raise argparse.ArgumentTypeError("must be greater than 0")
    return value


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    started = time.perf_counter()
    generator = Generator(args.seed, args.scale)
    generator.build()
    counts = generator.write(args.out, args.quiet)
    if not args.quiet:
        elapsed = time.perf_counter() - started
        print(
            f"{sum(counts.values())} rows in {len(counts)} tables under {args.out} ({elapsed:.1f} s)",
            file=sys.stderr,
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
