"""The catalog of bad raw input (README "What happens to bad data"), each kind a small change to a copy
of the demo data run through the real loader and build:

- quarantine kinds share one build: every bad row is set aside in audit.audit_quarantined_rows with
  its source, table, key, column and reason, a warning names it, the build stays green, and every
  KPI of every complete period equals the clean demo build (none of the bad rows reaches a KPI);
  records soft-deleted after the fact ride along, since a deletion must not change a past period
  either;
- fail kinds share one load: the loader checks every file before it replaces any table, so one run
  names every broken file with its source, table, column and key, and replaces nothing;
- empty optional sources get their own build: green, every KPI still in kpi_values, and the KPIs
  that need an emptied source null with that source named as the reason.
"""

from __future__ import annotations

import csv
import json
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import duckdb
import pytest
from conftest import (
    SEEDS_DIR,
    DbtResult,
    Warehouse,
    append_rows,
    duckdb_env,
    raw_contract,
    read_table,
    run_dbt,
)

AFTER_THE_DEMO = "2026-01-02T00:00:00Z"  # a sync after every demo row: deletions happen "now"


def latest_versions(rows: list[dict[str, str]], key: str) -> dict[str, dict[str, str]]:
    latest: dict[str, dict[str, str]] = {}
    for row in sorted(rows, key=lambda row: row["_loaded_at"]):
        latest[row[key]] = row
    return latest


@dataclass(frozen=True, order=True)
class Quarantined:
    """One row the quarantine must set aside."""

    source: str
    table: str
    row_key: str
    column: str
    reason: str


def inject_bad_rows(raw_dir: Path) -> list[Quarantined]:
    """Add one row of each quarantine kind (new keys, so a kept row could only add to the KPIs),
    return what the quarantine must list."""
    _, invoices = read_table(raw_dir, "billing", "invoices")
    paid = sorted(
        (row for row in latest_versions(invoices, "id").values() if row["status"] == "paid"),
        key=lambda row: row["id"],
    )[0]
    _, lines = read_table(raw_dir, "billing", "invoice_line_items")
    line = sorted(
        (row for row in lines if row["invoice_id"] == paid["id"] and row["type"] == "subscription"),
        key=lambda row: row["id"],
    )[0]
    _, opportunities = read_table(raw_dir, "crm", "opportunities")
    opportunity = sorted(opportunities, key=lambda row: row["Id"])[0]
    loaded = "2025-06-01T00:00:00Z"
    expected: list[Quarantined] = []

    def bad(source: str, table: str, key: str, column: str, reason: str, *rows: dict[str, str]) -> None:
        append_rows(raw_dir, source, table, list(rows))
        expected.extend(Quarantined(source, table, key, column, reason) for _ in rows)

    # An invoice line of a billion dollars on a real paid invoice: a typo that would make MRR $1bn.
    bad(
        "billing",
        "invoice_line_items",
        "il_bad_billion",
        "amount",
        "implausible_amount",
        {**line, "id": "il_bad_billion", "amount": "100000000000", "_loaded_at": loaded},
    )
    # A payment with no id, and a negative payment.
    bad(
        "billing",
        "payments",
        "<null>",
        "id",
        "null_key",
        {
            "id": "",
            "invoice_id": paid["id"],
            "customer_id": paid["customer_id"],
            "amount": "100",
            "amount_refunded": "0",
            "currency": "usd",
            "status": "succeeded",
            "created": loaded,
            "_loaded_at": loaded,
        },
    )
    bad(
        "billing",
        "payments",
        "ch_bad_negative",
        "amount",
        "negative_amount",
        {
            "id": "ch_bad_negative",
            "invoice_id": paid["id"],
            "customer_id": paid["customer_id"],
            "amount": "-500",
            "amount_refunded": "0",
            "currency": "usd",
            "status": "succeeded",
            "created": loaded,
            "_loaded_at": loaded,
        },
    )
    # An invoice of a customer billing never exported, and its line: the line goes with it.
    orphan_invoice = {**paid, "id": "in_bad_orphan", "customer_id": "cus_missing", "_loaded_at": loaded}
    bad("billing", "invoices", "in_bad_orphan", "customer_id", "orphaned_reference", orphan_invoice)
    bad(
        "billing",
        "invoice_line_items",
        "il_bad_orphan",
        "invoice_id",
        "orphaned_reference",
        {**line, "id": "il_bad_orphan", "invoice_id": "in_bad_orphan", "_loaded_at": loaded},
    )
    # An invoice whose total does not add up.
    bad(
        "billing",
        "invoices",
        "in_bad_total",
        "total",
        "inconsistent_row",
        {**paid, "id": "in_bad_total", "total": str(int(paid["total"]) + 1), "_loaded_at": loaded},
    )
    # A subscription that ends before it starts.
    bad(
        "billing",
        "subscriptions",
        "sub_bad_ends_early",
        "ended_at",
        "end_before_start",
        {
            "id": "sub_bad_ends_early",
            "customer_id": paid["customer_id"],
            "price_id": line["price_id"],
            "quantity": "1",
            "status": "canceled",
            "start_date": "2024-05-01T00:00:00Z",
            "current_period_start": "2024-05-01T00:00:00Z",
            "current_period_end": "2024-06-01T00:00:00Z",
            "canceled_at": "2024-04-01T00:00:00Z",
            "ended_at": "2024-04-01T00:00:00Z",
            "created": "2024-05-01T00:00:00Z",
            "_loaded_at": loaded,
        },
    )
    # Two different versions of one opportunity synced at the same instant.
    conflicting = {**opportunity, "Id": "0065gBADCONFLICT01", "_loaded_at": loaded}
    bad(
        "crm",
        "opportunities",
        "0065gBADCONFLICT01",
        "_loaded_at",
        "conflicting_versions",
        conflicting,
        {**conflicting, "Amount": "999999.00"},
    )
    # A won deal in a currency nobody has rates for, and one closed in 2031.
    bad(
        "crm",
        "opportunities",
        "0065gBADCURRENCY01",
        "CurrencyIsoCode",
        "unknown_currency",
        {**opportunity, "Id": "0065gBADCURRENCY01", "CurrencyIsoCode": "XYZ", "_loaded_at": loaded},
    )
    bad(
        "crm",
        "opportunities",
        "0065gBADFUTURE0001",
        "CloseDate",
        "future_dated",
        {
            **opportunity,
            "Id": "0065gBADFUTURE0001",
            "StageName": "Closed Won",
            "IsClosed": "true",
            "IsWon": "true",
            "CloseDate": "2031-01-01",
            "_loaded_at": loaded,
        },
    )
    # Stage history of an opportunity the CRM never exported.
    bad(
        "crm",
        "opportunity_history",
        "0085gBADORPHAN0001",
        "OpportunityId",
        "orphaned_reference",
        {
            "Id": "0085gBADORPHAN0001",
            "OpportunityId": "0065gMISSING000001",
            "StageName": "Demo",
            "Amount": "100.00",
            "CloseDate": "2025-07-01",
            "Probability": "30",
            "CreatedDate": "2025-05-01T00:00:00Z",
            "_loaded_at": loaded,
        },
    )
    # A lead from a source the contract does not know.
    bad(
        "crm",
        "leads",
        "00Q5gBADSOURCE0001",
        "LeadSource",
        "unknown_value",
        {
            "Id": "00Q5gBADSOURCE0001",
            "Company": "Pigeon Post Ltd",
            "LeadSource": "Carrier Pigeon",
            "Status": "Open",
            "CreatedDate": "2025-05-01T00:00:00Z",
            "IsConverted": "false",
            "IsDeleted": "false",
            "SystemModstamp": "2025-05-01T00:00:00Z",
            "_loaded_at": loaded,
        },
    )
    # A ticket created in 2031 (it would move the as-of date), one with an unknown status, an event
    # and a CSAT rating of a ticket support never exported.
    ticket = {
        "channel": "Email",
        "priority": "normal",
        "requester_email": "x@example.com",
        "subject": "bad",
        "updated_at": "2031-01-02T00:00:00Z",
        "_loaded_at": loaded,
    }
    bad(
        "support",
        "tickets",
        "99000001",
        "created_at",
        "future_dated",
        {**ticket, "id": "99000001", "status": "Open", "created_at": "2031-01-01T00:00:00Z"},
    )
    bad(
        "support",
        "tickets",
        "99000002",
        "status",
        "unknown_value",
        {
            **ticket,
            "id": "99000002",
            "status": "Escalated",
            "created_at": "2025-05-01T00:00:00Z",
            "updated_at": "2025-05-02T00:00:00Z",
        },
    )
    bad(
        "support",
        "ticket_events",
        "99000003",
        "ticket_id",
        "orphaned_reference",
        {
            "id": "99000003",
            "ticket_id": "99999999",
            "event_type": "Comment",
            "author_role": "agent",
            "is_public": "true",
            "created_at": "2025-05-01T00:00:00Z",
            "_loaded_at": loaded,
        },
    )
    bad(
        "support",
        "satisfaction_ratings",
        "99000004",
        "ticket_id",
        "orphaned_reference",
        {
            "id": "99000004",
            "ticket_id": "99999999",
            "score": "bad",
            "created_at": "2025-05-01T00:00:00Z",
            "updated_at": "2025-05-01T00:00:00Z",
            "_loaded_at": loaded,
        },
    )
    # A lead stage change of a lead that does not exist, a churn survey answer of a subscription that
    # does not exist, a business review with an outcome the contract does not know.
    bad(
        "crm",
        "lead_status_history",
        "0175gBADNOLEAD0001",
        "LeadId",
        "orphaned_reference",
        {
            "Id": "0175gBADNOLEAD0001",
            "LeadId": "00Q5gBADNOLEAD0001",
            "Field": "Status",
            "OldValue": "Open",
            "NewValue": "MQL",
            "QualificationCriteria": "budget;need",
            "CreatedDate": "2025-05-01T00:00:00Z",
            "_loaded_at": loaded,
        },
    )
    # A disqualification of a real lead with a reason the team's picklist does not have.
    _, lead_changes = read_table(raw_dir, "crm", "lead_status_history")
    bad(
        "crm",
        "lead_status_history",
        "0175gBADREASON0001",
        "DisqualificationReason",
        "unknown_value",
        {
            "Id": "0175gBADREASON0001",
            "LeadId": sorted(row["LeadId"] for row in lead_changes)[0],
            "Field": "Status",
            "OldValue": "Open",
            "NewValue": "Unqualified",
            "DisqualificationReason": "Too Busy",
            "CreatedDate": "2025-05-01T00:00:00Z",
            "_loaded_at": loaded,
        },
    )
    bad(
        "billing",
        "cancellation_reasons",
        "sub_BADNOSUB000001",
        "subscription_id",
        "orphaned_reference",
        {
            "subscription_id": "sub_BADNOSUB000001",
            "customer_id": paid["customer_id"],
            "canceled_at": "2025-05-01T00:00:00Z",
            "reason": "too_expensive",
            "_loaded_at": loaded,
        },
    )
    bad(
        "crm",
        "qbr_meetings",
        "00U5gBADSTATUS0001",
        "Status",
        "unknown_value",
        {
            "Id": "00U5gBADSTATUS0001",
            "Status": "Postponed",
            "StartDateTime": "2025-05-01T00:00:00Z",
            "_loaded_at": loaded,
        },
    )
    # A headcount plan row (of a month before the plan, a new key) with negative employees, a
    # process error of a process the contract does not know.
    bad(
        "revops",
        "headcount",
        "2019-01-01|Support",
        "employees",
        "negative_amount",
        {
            "month": "2019-01-01",
            "department": "Support",
            "employees": "-3.00",
            "average_monthly_salary": "5200.00",
            "currency": "USD",
            "_loaded_at": loaded,
        },
    )
    bad(
        "revops",
        "process_errors",
        "ERR-99001",
        "process",
        "unknown_value",
        {
            "error_id": "ERR-99001",
            "detected_date": "2025-05-01",
            "process": "Renewals",
            "initiative_id": "",
            "severity": "Low",
            "records_affected": "1",
            "_loaded_at": loaded,
        },
    )
    # A referral by an account that does not exist, for a real referred lead.
    _, referrals = read_table(raw_dir, "crm", "referrals")
    referral = sorted(referrals, key=lambda row: row["Id"])[0]
    bad(
        "crm",
        "referrals",
        "a0R5gBADNOACCT0001",
        "Referrer_Account__c",
        "orphaned_reference",
        {
            **referral,
            "Id": "a0R5gBADNOACCT0001",
            "Referrer_Account__c": "0015gBADNOACCT0001",
            "_loaded_at": loaded,
        },
    )
    # A website form submission of a form type the contract does not know.
    bad(
        "product",
        "form_submissions",
        "fs_BADFORMTYPE01",
        "form_type",
        "unknown_value",
        {
            "id": "fs_BADFORMTYPE01",
            "anonymous_id": "anon_BADFORM001",
            "email_hash": "0" * 64,
            "form_type": "Webinar Signup",
            "path": "/webinars",
            "timestamp": "2025-05-01T00:00:00Z",
            "_loaded_at": loaded,
        },
    )
    # A contact at a seniority level the contract does not know, on a real account.
    _, contacts = read_table(raw_dir, "crm", "contacts")
    contact = sorted(contacts, key=lambda row: row["Id"])[0]
    bad(
        "crm",
        "contacts",
        "0035gBADLEVEL00001",
        "Level__c",
        "unknown_value",
        {**contact, "Id": "0035gBADLEVEL00001", "Level__c": "Intern", "_loaded_at": loaded},
    )
    # An ad-platform row of a real campaign with more clicks than impressions.
    _, reach = read_table(raw_dir, "revops", "ad_account_reach")
    reached = sorted(reach, key=lambda row: (row["month"], row["campaign_id"], row["company_domain"]))[0]
    bad(
        "revops",
        "ad_account_reach",
        f"{reached['month']}|{reached['campaign_id']}|bad-clicks.example",
        "clicks",
        "inconsistent_row",
        {
            **reached,
            "company_domain": "bad-clicks.example",
            "impressions": "10",
            "clicks": "11",
            "_loaded_at": loaded,
        },
    )
    return expected


def delete_after_the_fact(raw_dir: Path) -> dict[str, str]:
    """Soft-delete, in a sync after the demo data, records with a long history: a churned billing
    customer with paid invoices, a CRM account and an opportunity won long ago, a solved ticket, and
    (Stripe deletes a subscription by cancelling it) an active subscription cancelled on the as-of
    day, to end with its paid period. Returns the deleted keys."""
    _, subscriptions = read_table(raw_dir, "billing", "subscriptions")
    latest_subscriptions = latest_versions(subscriptions, "id")
    _, invoices = read_table(raw_dir, "billing", "invoices")
    paid_customers = {row["customer_id"] for row in invoices if row["status"] == "paid"}
    statuses: dict[str, set[str]] = {}
    for row in latest_subscriptions.values():
        statuses.setdefault(row["customer_id"], set()).add(row["status"])
    churned = sorted(c for c, s in statuses.items() if s == {"canceled"} and c in paid_customers)[0]
    active = sorted(row["id"] for row in latest_subscriptions.values() if row["status"] == "active")[0]
    _, customers = read_table(raw_dir, "billing", "customers")
    _, opportunities = read_table(raw_dir, "crm", "opportunities")
    won = sorted(
        (row for row in latest_versions(opportunities, "Id").values() if row["StageName"] == "Closed Won"),
        key=lambda row: row["Id"],
    )
    _, accounts = read_table(raw_dir, "crm", "accounts")
    account = latest_versions(accounts, "Id")[won[1]["AccountId"]]
    _, tickets = read_table(raw_dir, "support", "tickets")
    solved = sorted(
        (row for row in latest_versions(tickets, "id").values() if row["status"].lower() == "closed"),
        key=lambda row: int(row["id"]),
    )[0]
    append_rows(
        raw_dir,
        "billing",
        "customers",
        [{**latest_versions(customers, "id")[churned], "deleted": "true", **deleted_at()}],
    )
    append_rows(
        raw_dir,
        "billing",
        "subscriptions",
        [
            {
                **latest_subscriptions[active],
                "canceled_at": "2025-12-31T20:00:00Z",
                "cancel_at": latest_subscriptions[active]["current_period_end"],
                **deleted_at(),
            }
        ],
    )
    append_rows(raw_dir, "crm", "accounts", [{**account, "IsDeleted": "true", **deleted_at()}])
    append_rows(raw_dir, "crm", "opportunities", [{**won[0], "IsDeleted": "true", **deleted_at()}])
    append_rows(raw_dir, "support", "tickets", [{**solved, "status": "Deleted", **deleted_at()}])
    return {
        "billing.customers": churned,
        "crm.accounts": account["Id"],
        "crm.opportunities": won[0]["Id"],
        "support.tickets": solved["id"],
        "billing.subscriptions": active,
    }


def deleted_at() -> dict[str, str]:
    return {"_loaded_at": AFTER_THE_DEMO}


def bad_raw_data(work_dir: Path) -> tuple[Path, list[Quarantined], dict[str, str]]:
    """A copy of the demo data in `work_dir`/raw with one row of every quarantine kind and records
    deleted after the fact; returns the directory, the quarantined rows and the deleted records."""
    raw_dir = work_dir / "raw"
    shutil.copytree(SEEDS_DIR, raw_dir, ignore=shutil.ignore_patterns("reference"))
    return raw_dir, inject_bad_rows(raw_dir), delete_after_the_fact(raw_dir)


def empty_optional_raw_data(work_dir: Path) -> tuple[Path, list[tuple[str, str]]]:
    """A copy of the demo data in `work_dir`/raw with every table the contract marks optional
    emptied to its header; returns the directory and the emptied (source, table) pairs."""
    raw_dir = work_dir / "raw"
    shutil.copytree(SEEDS_DIR, raw_dir, ignore=shutil.ignore_patterns("reference"))
    optional = sorted(key for key, meta in raw_contract().items() if meta.get("optional"))
    for source, table in optional:
        path = raw_dir / source / f"{table}.csv"
        path.write_text(path.read_text().split("\n", 1)[0] + "\n")
    return raw_dir, optional


@pytest.fixture(scope="module")
def bad_build(
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[tuple[Warehouse, list[Quarantined], dict, str]]:
    """Demo data + one row of every quarantine kind + deletions after the fact, loaded and built."""
    work = tmp_path_factory.mktemp("bad_input")
    raw_dir, expected, deleted = bad_raw_data(work)
    env = duckdb_env(work / "build", raw_dir)
    run_dbt(["run-operation", "load_raw_data"], env)
    result = run_dbt(["build", "--exclude", "test_type:unit"], env, check=False)
    yield Warehouse(Path(env["REVOPS_TEST_DUCKDB_PATH"]), env), expected, deleted, result.output


def test_bad_rows_are_quarantined_with_source_table_key_column_and_reason(bad_build) -> None:
    warehouse, expected, _, output = bad_build
    assert "ERROR=0" in output and "SKIP=0" in output, output[-4000:]
    listed = warehouse.query(
        "select source_name, table_name, row_key, column_name, reason_code from audit.audit_quarantined_rows"
    )
    assert sorted(Quarantined(*row) for row in listed) == sorted(expected)
    counts = dict(
        ((source, table), quarantined)
        for source, table, quarantined in warehouse.query(
            "select source_name, table_name, quarantined_rows from audit.audit_raw_row_counts"
        )
    )
    for row in expected:
        assert counts[(row.source, row.table)] == sum(
            1 for other in expected if (other.source, other.table) == (row.source, row.table)
        )
    # The build says so, naming source, table, column, reason and key.
    assert (
        "quarantined 1 row(s) of source billing.invoice_line_items, column amount, reason implausible_amount,"
        " keys il_bad_billion" in output
    )
    assert "quarantined 1 row(s) of source support.tickets, column created_at, reason future_dated" in output


def test_no_bad_row_and_no_deletion_changes_a_kpi_of_a_complete_period(
    bad_build, warehouse: Warehouse
) -> None:
    """Every KPI value of every period the clean demo build had complete is the same to the last
    decimal: the quarantine kept every bad row away from every KPI, and deleting a churned customer,
    an account, a won opportunity or a solved ticket, or cancelling a subscription, did not rewrite
    one past period."""
    bad_warehouse, *_ = bad_build
    compare = """
        select kpi_values.kpi_id, kpi_values.period_grain, kpi_values.period_start, kpi_values.dimension,
            kpi_values.dimension_value, kpi_values.value, kpi_values.null_reason
        from {side}.marts.kpi_values as kpi_values
        inner join clean.intermediate.int_reporting_periods_listed as periods
            on kpi_values.period_grain = periods.period_grain
            and kpi_values.period_start = periods.period_start
        where not periods.is_partial
    """
    with duckdb.connect() as connection:
        connection.execute(f"attach '{warehouse.path}' as clean (read_only)")
        connection.execute(f"attach '{bad_warehouse.path}' as bad (read_only)")
        clean_rows = connection.execute(compare.format(side="clean")).fetchall()
        only_clean = connection.execute(
            f"({compare.format(side='clean')}) except all ({compare.format(side='bad')}) limit 10"
        ).fetchall()
        only_bad = connection.execute(
            f"({compare.format(side='bad')}) except all ({compare.format(side='clean')}) limit 10"
        ).fetchall()
    assert len(clean_rows) > 50_000
    assert only_clean == [] and only_bad == []


def test_a_record_deleted_after_the_fact_stays_in_history_flagged(bad_build) -> None:
    warehouse, _, deleted, _ = bad_build
    flagged = {
        "billing.customers": ("stg_billing__customers", "billing_customer_id"),
        "crm.accounts": ("stg_crm__accounts", "account_id"),
        "crm.opportunities": ("stg_crm__opportunities", "opportunity_id"),
        "support.tickets": ("stg_support__tickets", "ticket_id"),
    }
    with duckdb.connect(str(warehouse.path), read_only=True) as connection:
        for table, (model, key) in flagged.items():
            sql = f"select is_deleted from staging.{model} where cast({key} as varchar) = ?"
            assert connection.execute(sql, [deleted[table]]).fetchall() == [(True,)], table
        # The deleted customer's revenue history still maps to a customer key.
        assert connection.execute(
            "select count(*) from intermediate.int_customer_identifiers_mapped"
            " where source_record_id = ? and customer_id is not null",
            [deleted["billing.customers"]],
        ).fetchall() == [(1,)]


def break_raw_files(raw_dir: Path) -> list[str]:
    """One broken file per fail kind in `raw_dir`; returns what the loader's error must say of them."""

    def rewrite(source: str, table: str, edit) -> None:
        header, rows = read_table(raw_dir, source, table)
        edit(rows)
        with (raw_dir / source / f"{table}.csv").open("w", newline="") as handle:
            writer = csv.DictWriter(handle, fieldnames=header, lineterminator="\n")
            writer.writeheader()
            writer.writerows(rows)

    def first_row(column: str, value: str):
        return lambda rows: rows[0].update({column: value})

    rewrite("billing", "payments", lambda rows: rows.clear())  # a required table with no rows
    rewrite(
        "billing", "invoice_line_items", first_row("amount", "1000000000000000")
    )  # beyond any plausible amount
    rewrite("support", "tickets", first_row("created_at", "2025-03-01 09:30:00"))  # no UTC offset
    rewrite("crm", "leads", first_row("CreatedDate", "2025-02-30T10:00:00Z"))  # not a date
    rewrite("support", "agents", first_row("id", "seventy"))  # not a number
    _, users = read_table(raw_dir, "crm", "users")
    (raw_dir / "crm" / "users.csv").write_text(  # semicolons instead of commas
        ";".join(users[0].keys()) + "\n" + ";".join(users[0].values()) + "\n"
    )
    campaigns = raw_dir / "crm" / "campaigns.csv"  # a byte that is not UTF-8, on line 3
    lines = campaigns.read_bytes().split(b"\n")
    lines[2] = lines[2].replace(b",", b",\xff", 1)
    campaigns.write_bytes(b"\n".join(lines))
    (raw_dir / "crm" / "opportunity_stages.csv").unlink()  # a missing file of a required table
    rewrite(
        "revops",
        "fx_rates",
        lambda rows: rows.remove(  # a month without an FX rate
            next(row for row in rows if (row["month"], row["currency"]) == ("2024-03-01", "EUR"))
        ),
    )
    quotas = raw_dir / "crm" / "quotas.csv"  # a missing column
    with quotas.open(newline="") as handle:
        quota_rows = [row[:-2] + row[-1:] for row in csv.reader(handle)]  # drop the one before _loaded_at
    assert quota_rows[0][-1] == "_loaded_at" and "CurrencyIsoCode" not in quota_rows[0]
    with quotas.open("w", newline="") as handle:
        csv.writer(handle, lineterminator="\n").writerows(quota_rows)
    return [
        "nothing was replaced",
        "source billing.payments",
        "the file has no rows, and the contract requires them",
        "source billing.invoice_line_items",
        "column amount, key id=",
        "'1000000000000000' is beyond var raw_amount_max_abs",
        "source support.tickets",
        "column created_at, key id=",
        "'2025-03-01 09:30:00' has no UTC offset (set var raw_source_timezones for source support)",
        "source crm.leads",
        "column CreatedDate, key Id=",
        "'2025-02-30T10:00:00Z' is not a valid timestamptz",
        "source support.agents",
        "column id, key id=seventy: 'seventy' is not a valid bigint",
        "source crm.users",
        "missing column(s) Id, Name",
        "source crm.campaigns",
        "invalid encoding",
        "source crm.opportunity_stages: file",
        "opportunity_stages.csv (or .parquet) not found",
        "source revops.fx_rates",
        "column month, key month|currency=2024-03-01|EUR: has no row",
        "source crm.quotas",
        "missing column(s) CurrencyIsoCode",
    ]


def assert_the_load_names(result: DbtResult, expected: list[str]) -> None:
    assert not result.ok
    output = " ".join(result.output.split())
    for message in expected:
        assert message in output, f"{message!r} not in the loader's error:\n{result.output[-4000:]}"


def test_broken_files_stop_the_load_naming_each_and_replacing_nothing(tmp_path: Path) -> None:
    """One load, one broken file per fail kind: the loader checks every file before it replaces any
    table, so the one error names them all, and the raw tables loaded before stay as they were."""
    raw_dir = tmp_path / "raw"
    shutil.copytree(SEEDS_DIR, raw_dir, ignore=shutil.ignore_patterns("reference"))
    env = duckdb_env(tmp_path / "work", raw_dir)
    run_dbt(["run-operation", "load_raw_data"], env)  # a good load first: nothing may replace it
    expected = break_raw_files(raw_dir)
    before = duckdb_counts(Path(env["REVOPS_TEST_DUCKDB_PATH"]))
    result = run_dbt(["run-operation", "load_raw_data"], env, check=False)
    assert_the_load_names(result, [*expected, "line 3: invalid encoding"])
    assert duckdb_counts(Path(env["REVOPS_TEST_DUCKDB_PATH"])) == before


def duckdb_counts(path: Path) -> dict[str, int]:
    tables = [f"raw_{source}.{table}" for source, table in raw_contract()]
    with duckdb.connect(str(path), read_only=True) as connection:
        return {table: connection.execute(f"select count(*) from {table}").fetchone()[0] for table in tables}


def test_timestamps_without_offset_are_read_in_the_sources_configured_time_zone(tmp_path: Path) -> None:
    raw_dir = tmp_path / "raw"
    shutil.copytree(SEEDS_DIR, raw_dir, ignore=shutil.ignore_patterns("reference"))
    header, rows = read_table(raw_dir, "support", "agents")
    rows[0]["created_at"] = "2025-03-01 09:30:00"
    with (raw_dir / "support" / "agents.csv").open("w", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=header, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    env = duckdb_env(tmp_path / "work", raw_dir)
    run_dbt(
        ["run-operation", "load_raw_data", "--vars", "{raw_source_timezones: {support: America/New_York}}"],
        env,
    )
    with duckdb.connect(env["REVOPS_TEST_DUCKDB_PATH"], read_only=True) as connection:
        loaded = connection.execute(
            "select strftime(created_at at time zone 'UTC', '%Y-%m-%d %H:%M')"
            " from raw_support.agents where id = ?",
            [int(rows[0]["id"])],
        ).fetchone()
    assert loaded == ("2025-03-01 14:30",)  # 09:30 in New York (EST, UTC-5) is 14:30 UTC


@pytest.mark.parametrize(
    ("command", "bad_vars", "named"),
    [
        (
            ["run-operation", "load_raw_data"],
            '{raw_source_timezones: {support: "UTC\'; drop table x; --"}}',
            "var raw_source_timezones",
        ),
        (
            ["run-operation", "load_raw_data"],
            "{raw_source_timezones: {nowhere: UTC}}",
            "var raw_source_timezones",
        ),
        (
            ["compile", "--select", "int_calendar_bounds_computed"],
            '{as_of_date: "2025-01-01\' or 1=1 --"}',
            "var as_of_date",
        ),
        (
            ["compile", "--select", "int_calendar_bounds_computed"],
            '{as_of_date: "2025-02-30"}',
            "var as_of_date",
        ),
        (
            ["compile", "--select", "dim_date"],
            '{biweekly_anchor_date: "2000-01-03\' as date) --"}',
            "var biweekly_anchor_date",
        ),
        (["compile", "--select", "stg_product__tracks"], '{product_value_events: ["x\') or (1=1"]}', None),
        (
            ["compile", "--select", "stg_product__pages"],
            '{web_high_intent_paths: ["/pricing\' or 1=1 --"]}',
            "var web_high_intent_paths",
        ),
        (
            ["compile", "--select", "stg_product__pages"],
            "{web_high_intent_paths: [/]}",
            "var web_high_intent_paths",
        ),
        (
            ["compile", "--select", "int_web_sessions_converted"],
            "{web_sales_aligned_channels: outbound}",
            "var web_sales_aligned_channels",
        ),
        (
            ["compile", "--select", "int_web_sessions_converted"],
            "{web_signup_paths: [signup]}",
            "var web_signup_paths",
        ),
        (
            ["compile", "--select", "measures_created_opportunities_aggregated"],
            '{opportunity_pitch_stage: "demo\' or 1=1 --"}',
            "var opportunity_pitch_stage",
        ),
        (
            ["compile", "--select", "stg_billing__prices"],
            '{currency_minor_unit_exponents: {"JPY\' then 1 end --": 0}}',
            "var currency_minor_unit_exponents",
        ),
        (
            ["run-operation", "load_raw_data"],
            '{raw_schema_prefix: "raw\\"; drop schema marts; --"}',
            "var raw_schema_prefix",
        ),
        (
            ["run-operation", "load_raw_data"],
            '{bi_reader_role: "bi\\"; grant all to public; --"}',
            "var bi_reader_role",
        ),
        (
            ["compile", "--select", "dim_date"],
            '{write_audit_publish: "yes; drop schema marts"}',
            "var write_audit_publish",
        ),
        (
            ["run-operation", "load_raw_data", "--args", '{raw_data_dir: "seeds\'; drop table x; --"}'],
            "{}",
            "load_raw_data argument raw_data_dir",
        ),
    ],
)
def test_an_unsafe_var_value_is_refused_before_any_sql_runs(
    tmp_path: Path, command: list[str], bad_vars: str, named: str | None
) -> None:
    """A var (or a loader argument) that would end a SQL string or identifier, or is not of its type,
    stops the command, naming it; a value that is only text (an event name with a quote) is quoted
    through sql_string_literal instead."""
    result = run_dbt([*command, "--vars", bad_vars], duckdb_env(tmp_path / "work"), check=False)
    if named is None:
        compiled = next(
            Path(duckdb_env(tmp_path / "work")["DBT_TARGET_PATH"]).rglob(f"{command[-1]}.sql")
        ).read_text()
        assert result.ok and "'x'') or (1=1'" in compiled, result.output[-2000:]
        return
    assert not result.ok and named in result.output, result.output[-2000:]


@pytest.fixture(scope="module")
def hostile_env_setup(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, str]]:
    """A tiny warehouse, every raw table of the contract with one row (what a hostile env value
    would drop, or a load let through would replace), and the environment every hostile value of a
    worker runs in: one warehouse, target and log path, so that after the first loader run the
    others reuse its partial parse (dbt parses again when a connection setting changes)."""
    work = tmp_path_factory.mktemp("hostile_env")
    tiny_warehouse = work / "tiny_warehouse.duckdb"
    with duckdb.connect(str(tiny_warehouse)) as connection:
        for source, table in raw_contract():
            connection.execute(f"create schema if not exists raw_{source}")
            connection.execute(f"create table raw_{source}.{table} as select 1 as id")
    (work / "warehouse").mkdir()
    env = {
        **duckdb_env(work / "dbt"),
        "REVOPS_TEST_DUCKDB_PATH": str(work / "warehouse" / "warehouse.duckdb"),
        "REVOPS_PG_PASSWORD": "unused",  # the postgres cases stop before connecting
    }
    return tiny_warehouse, env


@pytest.mark.parametrize(
    ("target", "name", "hostile_value"),
    [
        ("test", "REVOPS_TARGET", "test'; DROP TABLE raw_billing.invoices; --"),
        ("dev", "REVOPS_DUCKDB_PATH", "{pointed}/revops.duckdb'; DROP TABLE raw_billing.invoices; --"),
        ("dev", "REVOPS_DUCKDB_PATH", "{pointed}/../revops.duckdb"),
        ("test", "REVOPS_TEST_DUCKDB_PATH", '{pointed}/test.duckdb"; DROP SCHEMA raw_crm CASCADE; --'),
        ("test", "REVOPS_TEST_DUCKDB_PATH", "{pointed}/test.duckdb\n-- comment"),
        ("test", "REVOPS_TEST_DUCKDB_PATH", "{pointed}/../test.duckdb"),
        ("test", "REVOPS_DUCKDB_MEMORY_LIMIT", "8GB'; DROP TABLE raw_billing.invoices; --"),
        ("test", "REVOPS_DUCKDB_MEMORY_LIMIT", "8GB /* comment */"),
        ("test", "REVOPS_DUCKDB_TEMP_DIRECTORY", "{pointed}/spill'; DROP TABLE raw_billing.invoices; --"),
        ("test", "REVOPS_DUCKDB_TEMP_DIRECTORY", "{pointed}/../spill"),
        ("test", "REVOPS_DBT_THREADS", "4; DROP TABLE raw_billing.invoices"),
        ("postgres", "REVOPS_DBT_THREADS", "2 -- comment"),
        ("postgres", "REVOPS_PG_HOST", "localhost'; DROP TABLE raw_billing.invoices; --"),
        ("postgres", "REVOPS_PG_PORT", "5432; DROP DATABASE revops"),
        ("postgres", "REVOPS_PG_USER", 'postgres"; DROP ROLE postgres; --'),
        ("postgres", "REVOPS_PG_DATABASE", "revops /* comment */"),
        ("postgres", "REVOPS_PG_SCHEMA", "public; DROP SCHEMA raw_billing CASCADE"),
        ("postgres", "REVOPS_PG_PASSWORD", ""),
        ("test", "REVOPS_RAW_DATA_DIR", "{pointed}/raw'; DROP TABLE raw_billing.invoices; --"),
        ("test", "REVOPS_RAW_DATA_DIR", "{seeds}/* comment */"),
        ("test", "REVOPS_RAW_DATA_DIR", "{seeds}/../seeds"),
    ],
)
def test_a_hostile_env_value_is_refused_naming_it_and_nothing_is_dropped_or_written(
    tmp_path: Path, hostile_env_setup: tuple[Path, dict[str, str]], target: str, name: str, hostile_value: str
) -> None:
    """Every env value the project reads is checked before a connection opens (profiles.yml) or the
    loader reads a file (macro checked_path): a value with a quote, a statement after a semicolon,
    an SQL comment or a `..` stops the command with a message naming the env var, its expected form
    and the value (not the password's: an empty one is refused, as there is no default); the
    warehouse keeps every table and row, and no file appears where a hostile path points
    (`{pointed}` is an empty directory of the test; `{seeds}/../seeds` is the real demo data, which
    a load let through would put in the warehouse)."""
    pointed = tmp_path / "pointed"
    pointed.mkdir()
    value = hostile_value.format(pointed=pointed, seeds=SEEDS_DIR)
    tiny_warehouse, env = hostile_env_setup
    warehouse = Path(shutil.copy(tiny_warehouse, env["REVOPS_TEST_DUCKDB_PATH"]))

    def files() -> set[Path]:
        return {*tmp_path.rglob("*"), *warehouse.parent.rglob("*")}

    before = (files(), duckdb_counts(warehouse))
    result = run_dbt(
        ["run-operation", "load_raw_data"], {**env, "REVOPS_TARGET": target, name: value}, check=False
    )
    output = " ".join(result.output.split())
    assert not result.ok, result.output[-2000:]
    assert f"env {name} must be " in output, result.output[-2000:]
    assert name == "REVOPS_PG_PASSWORD" or f", got {json.dumps(value)}" in output, result.output[-2000:]
    assert (files(), duckdb_counts(warehouse)) == before


def test_empty_optional_sources_build_green_and_null_only_the_kpis_that_need_them(tmp_path: Path) -> None:
    """Every raw table the contract marks optional, emptied to its header (a team without targets,
    GL spend, surveys, product events, campaigns or RevOps logs yet): the build is green, every KPI
    still has rows, and exactly the KPIs that declare an emptied source are null, naming it."""
    raw_dir, optional = empty_optional_raw_data(tmp_path)
    assert ("revops", "kpi_targets") in optional and ("revops", "gl_expenses") in optional
    env = duckdb_env(tmp_path / "work", raw_dir)
    run_dbt(["run-operation", "load_raw_data"], env)
    result = run_dbt(["build", "--exclude", "test_type:unit"], env, check=False)
    assert result.ok and "ERROR=0" in result.output and "SKIP=0" in result.output, result.output[-4000:]
    warehouse = Warehouse(Path(env["REVOPS_TEST_DUCKDB_PATH"]), env)
    needs = dict(warehouse.query("select kpi_id, optional_sources from marts.kpi_catalog"))
    emptied = {f"{source}.{table}" for source, table in optional}
    summary = warehouse.query(
        "select kpi_id, count(*), count(value), min(null_reason), max(null_reason)"
        " from marts.kpi_values group by kpi_id"
    )
    assert {kpi_id for kpi_id, *_ in summary} == set(needs)
    for kpi_id, rows, values, first_reason, last_reason in summary:
        assert rows > 0, kpi_id
        needed = sorted(set((needs[kpi_id] or "").split(", ")) & emptied)
        if needed:
            assert values == 0, kpi_id
            assert first_reason == last_reason == f"no rows in optional source {needed[0]}", kpi_id
        else:
            assert values > 0, f"{kpi_id} needs no optional source but has no value"
