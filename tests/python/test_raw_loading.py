"""The raw loader enforces the contract: bad input stops the load with an error that names the
source, table, file, column and key, and good input is loaded row for row."""

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


def load(raw_dir: Path, work_dir: Path) -> str:
    result = run_dbt(["run-operation", "load_raw_data"], duckdb_env(work_dir, raw_dir), check=False)
    assert not result.ok, "the load should have failed"
    return result.output


def test_a_value_of_the_wrong_type_names_source_table_column_and_key(copy_raw_data, tmp_path: Path) -> None:
    raw_dir = copy_raw_data()
    bad_invoice: dict[str, str] = {}

    def corrupt_total(header: list[str], rows: list[list[str]]) -> None:
        rows[10][header.index("total")] = "12.5x"
        bad_invoice["id"] = rows[10][header.index("id")]

    rewrite_csv(raw_dir / "billing" / "invoices.csv", corrupt_total)
    output = load(raw_dir, tmp_path / "work")
    assert "raw data error in source billing.invoices" in output
    assert f"column total, key id={bad_invoice['id']}: '12.5x' is not a valid bigint" in output


def test_a_missing_column_is_named(copy_raw_data, tmp_path: Path) -> None:
    raw_dir = copy_raw_data()

    def drop_stage(header: list[str], rows: list[list[str]]) -> None:
        position = header.index("StageName")
        del header[position]
        for row in rows:
            del row[position]

    rewrite_csv(raw_dir / "crm" / "opportunities.csv", drop_stage)
    output = load(raw_dir, tmp_path / "work")
    assert "raw data error in source crm.opportunities" in output
    assert "missing column(s) StageName" in output


def test_a_missing_file_is_named(copy_raw_data, tmp_path: Path) -> None:
    raw_dir = copy_raw_data()
    (raw_dir / "support" / "agents.csv").unlink()
    output = load(raw_dir, tmp_path / "work")
    assert "raw data error in source support.agents" in output
    assert "agents.csv not found" in output


def test_every_raw_row_is_loaded_and_accounted_for(warehouse: Warehouse) -> None:
    """Raw rows and superseded versions, counted here in Python from the CSV files, equal what the
    audit model counts in SQL; and staged + removed = raw for every table."""
    audit = warehouse.query(
        "select source_name, table_name, raw_rows, superseded_rows, soft_deleted_rows, staged_rows,"
        " unexplained_rows from audit.audit_raw_row_counts order by 1, 2"
    )
    contract = raw_contract()
    assert sorted(contract) == [(source, table) for source, table, *_ in audit]
    for source_name, table_name, raw_rows, superseded, soft_deleted, staged, unexplained in audit:
        with (SEEDS_DIR / source_name / f"{table_name}.csv").open(newline="") as handle:
            rows = list(csv.DictReader(handle))
        key = contract[(source_name, table_name)]["primary_key"]
        distinct_keys = {tuple(row[column] for column in key) for row in rows}
        label = f"{source_name}.{table_name}"
        assert raw_rows == len(rows), f"{label}: loaded {raw_rows} of {len(rows)} rows"
        assert superseded == len(rows) - len(distinct_keys), f"{label}: superseded versions miscounted"
        assert soft_deleted >= 0
        assert unexplained == 0, f"{label}: staging lost {unexplained} rows for no recorded reason"
        assert staged == raw_rows - superseded - soft_deleted


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


def test_a_column_the_contract_does_not_know_is_ignored_with_a_warning(copy_raw_data, tmp_path: Path) -> None:
    raw_dir = copy_raw_data()

    def add_column(header: list[str], rows: list[list[str]]) -> None:
        header.append("favourite_colour")
        for row in rows:
            row.append("teal")

    rewrite_csv(raw_dir / "support" / "agents.csv", add_column)
    result = run_dbt(["run-operation", "load_raw_data"], duckdb_env(tmp_path / "work", raw_dir))
    assert "support.agents" in result.output
    assert "column favourite_colour is not in the raw contract and is not loaded" in result.output


def test_unit_test_overrides_of_the_raw_contract_match_the_sources_yaml() -> None:
    """dbt builds unit tests without the graph, so a staging unit test states its table's key and
    soft-delete rule in overrides.macros.raw_table_meta: it must say what the sources YAML says."""
    contract = {
        f"stg_{source_name}__{table_name}": {
            "primary_key": meta["primary_key"],
            "soft_delete_condition": meta.get("soft_delete_condition"),
        }
        for (source_name, table_name), meta in raw_contract().items()
    }
    overrides = []
    for unit_file in (SEEDS_DIR.parent / "models").rglob("_*unit_tests.yml"):
        for unit_test in yaml.safe_load(unit_file.read_text())["unit_tests"]:
            stated = unit_test.get("overrides", {}).get("macros", {}).get("raw_table_meta")
            if stated is not None:
                overrides.append(unit_test["name"])
                stated = {"soft_delete_condition": None, **stated}
                assert stated == contract[unit_test["model"]], unit_test["name"]
    assert overrides, "the staging unit tests state the contract they exercise"
