"""Company MRR, recomputed in plain Python from the raw CSV files, equals what the warehouse publishes.

The recomputation follows models/DECISIONLOG.md ("Revenue: MRR and its movements") and the raw
contract of the sources YAML, not the SQL: it reads the raw billing and FX files with `csv`, keeps the
latest synced version of every key, computes every recurring line's monthly rate with
`decimal.Decimal`, snapshots the lines in service on each month's snapshot date, and rounds every
customer-currency-month to the cent once. Only two things come from the warehouse: the as-of date
(which closes the last month) and the billing customer -> customer mapping (identity resolution is
not what this test checks; it only decides which billing customers are rounded and counted together).
"""

from __future__ import annotations

import calendar
import csv
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime
from decimal import ROUND_HALF_UP, Decimal

import pytest
import yaml
from conftest import PROJECT_DIR, SEEDS_DIR, Warehouse, raw_contract

SOFT_DELETE_GRACE_DAYS = yaml.safe_load((PROJECT_DIR / "dbt_project.yml").read_text())["vars"][
    "soft_delete_grace_days"
]

STAGING_DIR = SEEDS_DIR.parent / "models" / "staging"

# The reporting currency is USD (fx_rates.rate_to_usd); the reporting timezone is UTC.
# ISO 4217 exponents of the currencies in the raw data: amounts are integers in minor units.
MINOR_UNIT_EXPONENTS = {"USD": 2, "EUR": 2, "GBP": 2, "JPY": 0}
RATE_SCALE = Decimal("0.000001")  # monthly rates are kept to six decimals
CENT = Decimal("0.01")  # every customer-currency-month is rounded to the cent once

# Recurring lines: issued invoices only (void ones were replaced, drafts are not billed yet), of
# subscriptions that started (an `incomplete` one's first payment failed).
EXCLUDED_INVOICE_STATUSES = {"void", "draft"}
EXCLUDED_SUBSCRIPTION_STATUSES = {"incomplete"}


# --- raw files, read as staging reads them ----------------------------------------------------------


def utc_timestamp(value: str) -> datetime | None:
    """A raw ISO 8601 timestamp with a UTC offset (or `Z`) as an aware UTC datetime; None if empty."""
    if not value.strip():
        return None
    return datetime.fromisoformat(value.strip()).astimezone(UTC)


def utc_date(value: datetime) -> date:
    """The calendar date of a UTC timestamp in the reporting timezone (UTC)."""
    return value.astimezone(UTC).date()


def is_true(value: str) -> bool:
    return value.strip().lower() in {"true", "t", "1", "yes"}


def enum(value: str) -> str:
    """An enum value as exported in mixed case and with stray whitespace, normalised."""
    return value.strip().lower()


def currency_code(value: str) -> str:
    return value.strip().upper()


def major_units(minor_units: str, currency: str) -> Decimal:
    """An integer amount in minor units of `currency` as an exact decimal amount in major units."""
    return Decimal(int(minor_units)).scaleb(-MINOR_UNIT_EXPONENTS[currency_code(currency)])


def live_rows(source_name: str, table_name: str) -> dict[tuple[str, ...], dict[str, str]]:
    """The staged rows of a raw table by primary key: the latest `_loaded_at` version of every key,
    minus the keys soft-deleted within var soft_delete_grace_days of their creation (entry errors);
    a key deleted later stays, since a deletion never rewrites history."""
    meta = raw_contract()[(source_name, table_name)]
    key_columns: list[str] = meta["primary_key"]
    soft_delete_column: str | None = meta.get("soft_delete_condition")
    # Only a boolean column is supported as a delete rule here (the billing tables' form).
    assert soft_delete_column is None or soft_delete_column.isidentifier(), soft_delete_column
    latest: dict[tuple[str, ...], dict[str, str]] = {}
    first_deleted: dict[tuple[str, ...], datetime] = {}
    with (SEEDS_DIR / source_name / f"{table_name}.csv").open(newline="") as handle:
        for row in csv.DictReader(handle):
            key = tuple(row[column] for column in key_columns)
            loaded_at = utc_timestamp(row["_loaded_at"])
            current = latest.get(key)
            if current is None or loaded_at > utc_timestamp(current["_loaded_at"]):
                latest[key] = row
            if soft_delete_column and is_true(row[soft_delete_column]):
                first_deleted[key] = min(first_deleted.get(key, loaded_at), loaded_at)

    def is_entry_error(key: tuple[str, ...], row: dict[str, str]) -> bool:
        if not soft_delete_column or not is_true(row[soft_delete_column]):
            return False
        created = utc_timestamp(row[meta["created_at_column"]])
        return (first_deleted[key] - created).total_seconds() <= SOFT_DELETE_GRACE_DAYS * 86400

    return {key: row for key, row in latest.items() if not is_entry_error(key, row)}


def live_rows_by_id(source_name: str, table_name: str) -> dict[str, dict[str, str]]:
    """Live rows of a table whose primary key is the single column `id`."""
    assert raw_contract()[(source_name, table_name)]["primary_key"] == ["id"]
    return {key[0]: row for key, row in live_rows(source_name, table_name).items()}


# --- the MRR rules -----------------------------------------------------------------------------------


def round_half_away(value: Decimal, scale: Decimal) -> Decimal:
    """Round to `scale` half away from zero (Decimal's ROUND_HALF_UP works on the magnitude)."""
    return value.quantize(scale, rounding=ROUND_HALF_UP)


def sign(value: Decimal) -> int:
    return (value > 0) - (value < 0)


@dataclass(frozen=True)
class RecurringLine:
    """One recurring invoice line: who pays it, in what currency, when it is in service (start
    inclusive, end exclusive, reporting-timezone dates) and its billed monthly rate (after
    discounts) in the invoice currency and in the reporting currency's FX rate of its start month."""

    line_id: str
    billing_customer_id: str
    currency: str
    service_start: date
    service_end: date
    billed_rate: Decimal
    fx_rate: Decimal

    def in_service_on(self, snapshot: date) -> bool:
        return self.service_start <= snapshot < self.service_end


def interval_months(price: dict[str, str]) -> int:
    """Months between two billings of a price: a year is 12 months, a quarter is 3 `month`s."""
    months_per_unit = {"month": 1, "year": 12}[enum(price["recurring_interval"])]
    return int(price["recurring_interval_count"]) * months_per_unit


def monthly_rates(line: dict[str, str], price: dict[str, str]) -> tuple[Decimal, Decimal]:
    """(contracted, billed) monthly rate of a recurring line in its currency, six decimals each.

    A subscription line bills one whole interval: amount / interval months. A proration line bills or
    credits part of an interval: its monthly rate is the price's monthly rate for the line's quantity,
    with the line's sign. A discount applies in proportion to the line's amount."""
    amount = major_units(line["amount"], line["currency"])
    discount = major_units(line["discount_amount"], line["currency"])
    months = interval_months(price)
    if is_true(line["is_proration"]):
        unit_amount = major_units(price["unit_amount"], price["currency"])
        contracted = sign(amount) * unit_amount * int(line["quantity"]) / months
    else:
        contracted = amount / months
    contracted = round_half_away(contracted, RATE_SCALE)
    if amount == 0:
        return contracted, contracted
    return contracted, round_half_away(contracted * (amount - discount) / amount, RATE_SCALE)


def fx_rates_to_reporting_currency() -> dict[tuple[str, date], Decimal]:
    """Rate to the reporting currency by (currency, month start date)."""
    return {
        (currency_code(row["currency"]), date.fromisoformat(row["month"])): Decimal(row["rate_to_usd"])
        for row in live_rows("revops", "fx_rates").values()
    }


def recurring_lines() -> list[RecurringLine]:
    """Every recurring line (a subscription line or a proration line) on an issued invoice of a
    subscription that started, with its service period and billed monthly rate."""
    invoices = live_rows_by_id("billing", "invoices")
    subscriptions = live_rows_by_id("billing", "subscriptions")
    prices = live_rows_by_id("billing", "prices")
    fx_rates = fx_rates_to_reporting_currency()
    lines = []
    for line_id, line in live_rows_by_id("billing", "invoice_line_items").items():
        if not (enum(line["type"]) == "subscription" or is_true(line["is_proration"])):
            continue  # one-time charges (and anything else) never enter MRR
        # The raw data has no orphans; a new one must be looked at, not silently dropped.
        invoice = invoices.get(line["invoice_id"])
        subscription = subscriptions.get(line["subscription_id"])
        price = prices.get(line["price_id"])
        assert invoice and subscription and price, f"line {line_id}: invoice, subscription or price missing"
        if enum(invoice["status"]) in EXCLUDED_INVOICE_STATUSES:
            continue
        if enum(subscription["status"]) in EXCLUDED_SUBSCRIPTION_STATUSES:
            continue
        currency = currency_code(line["currency"])
        assert currency_code(price["currency"]) == currency, f"line {line_id}: price in another currency"
        _, billed_rate = monthly_rates(line, price)
        period_start = utc_timestamp(line["period_start"])
        period_end = utc_timestamp(line["period_end"])
        ended_at = utc_timestamp(subscription["ended_at"])
        assert period_start is not None and period_end is not None, line_id
        # A subscription that ended before the line's period did stops counting when it ended.
        service_end = period_end if ended_at is None else min(period_end, ended_at)
        service_start = utc_date(period_start)
        fx_rate = fx_rates.get((currency, service_start.replace(day=1)))
        assert fx_rate is not None, f"no FX rate for {currency} in {service_start:%Y-%m} (line {line_id})"
        lines.append(
            RecurringLine(
                line_id=line_id,
                billing_customer_id=invoice["customer_id"],
                currency=currency,
                service_start=service_start,
                service_end=utc_date(service_end),
                billed_rate=billed_rate,
                fx_rate=fx_rate,
            )
        )
    return lines


def month_starts(first: date, last: date) -> Iterable[date]:
    """First days of the months from `first`'s month to `last`'s month, inclusive."""
    month = first.replace(day=1)
    while month <= last:
        yield month
        month = date(month.year + month.month // 12, month.month % 12 + 1, 1)


def snapshot_date(month_start: date, as_of_date: date) -> date:
    """A month's snapshot date: its last day, or the as-of date in the current month."""
    last_day = month_start.replace(day=calendar.monthrange(month_start.year, month_start.month)[1])
    return min(last_day, as_of_date)


@dataclass(frozen=True)
class MonthTotals:
    mrr: Decimal
    paying_customers: int


def company_mrr_by_month(
    lines: list[RecurringLine], customer_of: dict[str, str], as_of_date: date
) -> dict[date, MonthTotals]:
    """Company MRR in the reporting currency and the number of paying customers for every month from
    the first line's service start month to the as-of month.

    Per (customer, currency, month): sum of billed rate x FX rate over the lines in service on the
    snapshot date, rounded to the cent; the company's MRR is the sum of those, and a customer pays
    in a month when its MRR (over its currencies) is positive."""
    totals = {}
    first_month = min(line.service_start for line in lines)
    for month in month_starts(first_month, as_of_date):
        snapshot = snapshot_date(month, as_of_date)
        unrounded: dict[tuple[str, str], Decimal] = defaultdict(Decimal)
        for line in lines:
            if line.in_service_on(snapshot):
                customer = customer_of[line.billing_customer_id]
                unrounded[(customer, line.currency)] += line.billed_rate * line.fx_rate
        customer_mrr: dict[str, Decimal] = defaultdict(Decimal)
        for (customer, _currency), amount in unrounded.items():
            customer_mrr[customer] += round_half_away(amount, CENT)
        totals[month] = MonthTotals(
            mrr=sum(customer_mrr.values(), Decimal(0)),
            paying_customers=sum(1 for amount in customer_mrr.values() if amount > 0),
        )
    return totals


# --- the comparison ----------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def python_totals(warehouse: Warehouse) -> dict[date, MonthTotals]:
    """MRR and paying customers per month, recomputed from the raw files."""
    [(as_of_date,)] = warehouse.query("select as_of_date from intermediate.int_calendar_bounds_computed")
    customer_of = dict(
        warehouse.query(
            "select source_record_id, customer_id from intermediate.int_customer_identifiers_mapped"
            " where source_system = 'billing_customer' and customer_id is not null"
        )
    )
    lines = recurring_lines()
    unmapped = sorted({line.billing_customer_id for line in lines} - customer_of.keys())
    assert not unmapped, f"billing customers with recurring lines but no customer_id: {unmapped}"
    return company_mrr_by_month(lines, customer_of, as_of_date)


def published(warehouse: Warehouse, kpi_id: str) -> dict[date, Decimal]:
    """A KPI's company-level monthly values as kpi_values publishes them."""
    return dict(
        warehouse.query(
            "select period_start, value from marts.kpi_values"
            f" where kpi_id = '{kpi_id}' and period_grain = 'month' and dimension = 'all'"
        )
    )


def assert_same_months(python_months: dict[date, MonthTotals], warehouse_months: dict[date, Decimal]) -> None:
    """kpi_values reports every month from the first paying month to the as-of month, and before it at
    most months at zero (Python starts at the first recurring line's month)."""
    first_paying = min(month for month, totals in python_months.items() if totals.mrr > 0)
    unreported = python_months.keys() - warehouse_months.keys()
    missing = sorted(month for month in unreported if month >= first_paying)
    extra = sorted(
        month
        for month in warehouse_months.keys() - python_months.keys()
        if month >= first_paying or warehouse_months[month] != 0
    )
    assert not missing, f"months with MRR in the raw data but no row in kpi_values: {missing}"
    assert not extra, f"months in kpi_values outside the months the raw data has MRR for: {extra}"


@pytest.mark.parametrize("kpi_id", ["mrr", "paying_customers"])
def test_company_kpi_matches_the_raw_data(
    warehouse: Warehouse, python_totals: dict[date, MonthTotals], kpi_id: str
) -> None:
    """Company MRR to the cent, and the count of customers with positive MRR, in every month."""
    published_values = published(warehouse, kpi_id)
    assert_same_months(python_totals, published_values)
    mismatches = [
        f"{month:%Y-%m}: python {getattr(totals, kpi_id)} warehouse {published_values[month]}"
        for month, totals in sorted(python_totals.items())
        if month in published_values and published_values[month].quantize(CENT) != getattr(totals, kpi_id)
    ]
    assert not mismatches, f"{kpi_id} differs:\n" + "\n".join(mismatches)
    assert getattr(python_totals[max(python_totals)], kpi_id) > 0
