"""One story, two shapes: the demo data in the native raw contract (the session's warehouse) and the
same records as Fivetran's Salesforce, Stripe and Zendesk connectors would have synced them, read
through the source adapters (vars using_fivetran_*). Every kpi_values row must be identical, to the
last decimal and null reason.

The vendor shapes are written by tests/python/vendor_shapes from the native files, with what only
the vendor shape has: Salesforce tasks and events on the Contact a lead converted into (also an
existing Contact), Stripe's proration and discount lines and amounts in minor units, Zendesk's
public and private comments and field history. Building the models is the check here (the data
tests ran on the same models in the native build); the adapters' own tests run with them."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import duckdb
from conftest import SEEDS_DIR, Warehouse, duckdb_env, run_dbt
from vendor_shapes import salesforce, stripe, zendesk

WRITERS = {"salesforce": salesforce, "stripe": stripe, "zendesk": zendesk}

KPI_ROWS = """
    select kpi_id, period_grain, period_start, dimension, dimension_value, value, null_reason
    from {side}.marts.kpi_values
"""


def build_vendor_shape(vendors: list[str], work_dir: Path) -> Warehouse:
    """The demo data written in the shape of `vendors` (the rest stays native), loaded and built
    with those adapters switched on: models and seeds, then the adapter models' own tests."""
    raw_dir = work_dir / "raw"
    shutil.copytree(SEEDS_DIR, raw_dir, ignore=shutil.ignore_patterns("reference"))
    for vendor in vendors:
        WRITERS[vendor].write_vendor_shape(raw_dir)
    env = duckdb_env(work_dir / "work", raw_dir)
    switches = json.dumps({f"using_fivetran_{vendor}": True for vendor in vendors})
    run_dbt(["run-operation", "load_raw_data", "--vars", switches], env)
    run_dbt(["build", "--vars", switches, "--resource-type", "model", "--resource-type", "seed"], env)
    run_dbt(["test", "--vars", switches, "--select", "path:models/staging/adapters"], env)
    return Warehouse(Path(env["REVOPS_TEST_DUCKDB_PATH"]), env)


def kpi_value_differences(native: Warehouse, vendor: Warehouse) -> tuple[int, list[tuple], list[tuple]]:
    """The number of native kpi_values rows, and up to 10 rows only in each build."""
    with duckdb.connect() as connection:
        connection.execute(f"attach '{native.path}' as native (read_only)")
        connection.execute(f"attach '{vendor.path}' as vendor (read_only)")
        native_rows = connection.execute(
            f"select count(*) from ({KPI_ROWS.format(side='native')})"
        ).fetchone()[0]
        native_sql, vendor_sql = KPI_ROWS.format(side="native"), KPI_ROWS.format(side="vendor")
        only_native = connection.execute(
            f"({native_sql}) except all ({vendor_sql}) order by all limit 10"
        ).fetchall()
        only_vendor = connection.execute(
            f"({vendor_sql}) except all ({native_sql}) order by all limit 10"
        ).fetchall()
    return native_rows, only_native, only_vendor


def tables_in(warehouse: Warehouse, schema: str) -> set[str]:
    """The tables of one schema of a warehouse."""
    sql = f"select table_name from information_schema.tables where table_schema = '{schema}'"
    return {row[0] for row in warehouse.query(sql)}


def test_the_vendor_shapes_give_the_same_kpi_values_as_the_native_contract(
    warehouse: Warehouse, tmp_path: Path
) -> None:
    vendor_build = build_vendor_shape(list(WRITERS), tmp_path)
    # The native tables each adapter provides were neither written nor loaded: the KPIs below read
    # the vendor's tables.
    for vendor, writer in WRITERS.items():
        native_files = [
            tmp_path / "raw" / writer.NATIVE_SOURCE / f"{table}.csv" for table in writer.NATIVE_TABLES
        ]
        assert not any(path.exists() for path in native_files)
        assert tables_in(vendor_build, f"raw_{writer.NATIVE_SOURCE}").isdisjoint(writer.NATIVE_TABLES), vendor
        assert tables_in(vendor_build, f"raw_{vendor}"), vendor
    native_rows, only_native, only_vendor = kpi_value_differences(warehouse, vendor_build)
    assert native_rows > 50_000
    assert only_native == [] and only_vendor == [], (
        f"kpi_values differ (kpi_id, grain, period, dimension, value, null_reason):\n"
        f"native only: {only_native}\nvendor only: {only_vendor}"
    )
