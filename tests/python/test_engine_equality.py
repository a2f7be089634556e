"""The engine comparison (engine_equality) finds what it must and forgives what it may: checked on
small hand-made marts, so the PostgreSQL (and later Spark) equality tests cannot pass by accident."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from engine_equality import compare_table

COLUMNS = [
    ("kpi_id", "VARCHAR"),
    ("period_start", "DATE"),
    ("dimension", "VARCHAR"),
    ("value", "DECIMAL(38,10)"),
    ("numerator", "BIGINT"),
]
JANUARY = date(2025, 1, 1)


def differences(reference: list[tuple], other: list[tuple], currency: bool = False) -> list[str]:
    return compare_table("kpi_values", COLUMNS, reference, other, lambda row: currency, "postgres")


def test_equal_marts_and_differences_within_the_tolerance_pass() -> None:
    reference = [("win_rate", JANUARY, "all", Decimal("0.3333333333"), 3), ("mrr", JANUARY, "all", None, 0)]
    other = [("mrr", JANUARY, "all", None, 0), ("win_rate", JANUARY, "all", Decimal("0.3333333336"), 3)]
    assert differences(reference, other) == []
    amount = [("mrr", JANUARY, "all", Decimal("1000.004"), 1)]
    assert differences(amount, [("mrr", JANUARY, "all", Decimal("1000.01"), 1)], currency=True) == []


def test_each_kind_of_difference_is_named_with_the_key_and_both_values() -> None:
    reference = [("win_rate", JANUARY, "all", Decimal("0.25"), 3)]
    assert differences(reference, [("win_rate", JANUARY, "all", Decimal("0.250000002"), 3)]) == [
        "kpi_values [kpi_id=win_rate, period_start=2025-01-01, dimension=all] value:"
        " duckdb Decimal('0.25'), postgres Decimal('0.250000002')"
    ]
    # a count differs by one; a value is null on one engine only
    assert len(differences(reference, [("win_rate", JANUARY, "all", Decimal("0.25"), 4)])) == 1
    assert len(differences(reference, [("win_rate", JANUARY, "all", None, 3)])) == 1
    # two cents apart on a currency KPI; a row missing on the other engine
    amount = [("mrr", JANUARY, "all", Decimal("1000.00"), 1)]
    assert len(differences(amount, [("mrr", JANUARY, "all", Decimal("1000.02"), 1)], currency=True)) == 1
    assert differences(amount, []) == [
        "kpi_values [kpi_id=mrr, period_start=2025-01-01, dimension=all]: 1 rows on duckdb, 0 on postgres"
    ]
