"""Good input is loaded row for row and every raw row is accounted for; unknown columns are ignored
with a warning (the bad-input catalog, loader errors included, is test_bad_input.py)."""

from __future__ import annotations

import csv
import shutil
from collections.abc import Callable
from pathlib import Path

import duckdb
import yaml
from conftest import SEEDS_DIR, Warehouse, duckdb_env, raw_contract, run_dbt


def rewrite_csv(path: Path, edit: Callable[[list[str], list[list[str]]], None]) -> None:
    """Read a raw CSV, let `edit` change header and rows in place, write it back."""
    with path.open(newline="") as handle:
        header, *rows = list(csv.reader(handle))
    edit(header, rows)
    with path.open("w", newline="") as handle:
        csv.writer(handle, lineterminator="\n").writerows([header, *rows])


def test_every_raw_row_is_loaded_and_accounted_for(warehouse: Warehouse) -> None:
    """Raw rows and superseded versions, counted here in Python from the CSV files, equal what the
    audit model counts in SQL; and superseded + entry errors + quarantined + staged = raw for every
    table (the demo data has no quarantined rows)."""
    audit = warehouse.query(
        "select source_name, table_name, raw_rows, superseded_rows, entry_error_rows, quarantined_rows,"
        " staged_rows, unexplained_rows from audit.audit_raw_row_counts order by 1, 2"
    )
    contract = raw_contract()
    assert sorted(contract) == [(source, table) for source, table, *_ in audit]
    for (
        source_name,
        table_name,
        raw_rows,
        superseded,
        entry_errors,
        quarantined,
        staged,
        unexplained,
    ) in audit:
        with (SEEDS_DIR / source_name / f"{table_name}.csv").open(newline="") as handle:
            rows = list(csv.DictReader(handle))
        key = contract[(source_name, table_name)]["primary_key"]
        distinct_keys = {tuple(row[column] for column in key) for row in rows}
        label = f"{source_name}.{table_name}"
        assert raw_rows == len(rows), f"{label}: loaded {raw_rows} of {len(rows)} rows"
        assert superseded == len(rows) - len(distinct_keys), f"{label}: superseded versions miscounted"
        assert entry_errors >= 0 and quarantined == 0
        assert unexplained == 0, f"{label}: staging lost {unexplained} rows for no recorded reason"
        assert staged == raw_rows - superseded - entry_errors


def test_the_audit_catches_a_staging_model_that_loses_a_row(warehouse: Warehouse, tmp_path: Path) -> None:
    """Make one staging view drop one row in a copy of the warehouse: the audit's compiled SQL must
    report exactly that row as unexplained (so the audit's zero elsewhere means something)."""
    copy = tmp_path / warehouse.path.name  # same file stem: the compiled SQL names the catalog
    shutil.copy(warehouse.path, copy)
    compiled = next(Path(warehouse.env["DBT_TARGET_PATH"]).glob("compiled/**/audit_raw_row_counts.sql"))
    with duckdb.connect(str(copy)) as connection:
        connection.execute(
            "create or replace view staging.stg_crm__users_lossy as"
            " select * from staging.stg_crm__users order by user_id offset 1"
        )
        staged_users = '"staging"."stg_crm__users"'
        audit_sql = compiled.read_text().replace(staged_users, staged_users[:-1] + '_lossy"')
        unexplained = connection.execute(
            f"select table_name, unexplained_rows from ({audit_sql}) where unexplained_rows <> 0"
        ).fetchall()
    assert unexplained == [("users", 1)]


def test_exports_load_as_teams_have_them(copy_raw_data, tmp_path: Path) -> None:
    """One load of exports as a team has them: a Parquet file instead of a CSV (read natively, the
    same rows), an optional table with no file at all (loads empty, with a warning) and a column the
    contract does not know (ignored, with a warning)."""
    raw_dir = copy_raw_data()

    def add_column(header: list[str], rows: list[list[str]]) -> None:
        header.append("favourite_colour")
        for row in rows:
            row.append("teal")

    rewrite_csv(raw_dir / "support" / "agents.csv", add_column)
    invoices_csv = raw_dir / "billing" / "invoices.csv"
    with duckdb.connect() as connection:
        csv_rows = connection.execute(f"select count(*) from read_csv('{invoices_csv}')").fetchone()[0]
        invoices_parquet = invoices_csv.with_suffix(".parquet")
        connection.execute(
            f"copy (select * from read_csv('{invoices_csv}')) to '{invoices_parquet}' (format parquet)"
        )
    invoices_csv.unlink()
    (raw_dir / "crm" / "campaigns.csv").unlink()

    env = duckdb_env(tmp_path / "work", raw_dir)
    result = run_dbt(["run-operation", "load_raw_data"], env)
    assert "column favourite_colour is not in the raw contract and is not loaded" in result.output
    assert "campaigns.csv (or .parquet) not found; the table is optional and loads empty" in result.output
    with duckdb.connect(env["REVOPS_TEST_DUCKDB_PATH"], read_only=True) as connection:
        assert connection.execute("select count(*) from raw_billing.invoices").fetchone()[0] == csv_rows > 0
        assert connection.execute("select count(*) from raw_crm.campaigns").fetchone()[0] == 0
    # A required table without a file still stops the load, naming it.
    (raw_dir / "crm" / "leads.csv").unlink()
    failed = run_dbt(["run-operation", "load_raw_data"], env, check=False)
    assert not failed.ok and "source crm.leads: file" in failed.output and "not found" in failed.output


def test_unit_test_overrides_of_the_raw_contract_match_the_sources_yaml() -> None:
    """dbt builds unit tests without the graph, so a staging unit test states its table's key,
    soft-delete rule and creation column in overrides.macros.raw_table_meta: it must say what the
    sources YAML says."""
    contract = {
        f"stg_{source_name}__{table_name}": {
            "primary_key": meta["primary_key"],
            "soft_delete_condition": meta.get("soft_delete_condition"),
            "created_at_column": meta.get("created_at_column"),
        }
        for (source_name, table_name), meta in raw_contract().items()
    }
    overrides = []
    for yaml_file in (SEEDS_DIR.parent / "models").rglob("_*.yml"):
        for unit_test in yaml.safe_load(yaml_file.read_text()).get("unit_tests") or []:
            macros = unit_test.get("overrides", {}).get("macros", {})
            stated = macros.get("raw_table_meta")
            if stated is not None:
                overrides.append(unit_test["name"])
                stated = {"soft_delete_condition": None, "created_at_column": None, **stated}
                # audit_raw_row_fates is tested one table at a time (its audited_raw_tables override)
                tables = macros.get("audited_raw_tables") or [
                    unit_test["model"].removeprefix("stg_").split("__")
                ]
                assert len(tables) == 1, unit_test["name"]
                assert stated == contract[f"stg_{tables[0][0]}__{tables[0][1]}"], unit_test["name"]
    assert overrides, "the staging unit tests state the contract they exercise"
