"""An incremental build after a new delivery of raw data equals a full rebuild of the same data.

The five incremental staging models (invoice lines, ticket events, activities, stage history,
product tracks) select on an incremental run only the staged versions they do not hold yet
(macro live_source_rows) and delete the keys no longer staged (post-hook remove_unstaged_rows).

The first delivery is the demo data without its last day (scripts/split_raw_day.py) plus a product
event whose user has not been delivered yet, quarantined as an orphan. The second is the whole demo
data plus, loaded the day after it, one case for each part of the incremental selection:

- a corrected amount on a held invoice line of a closed month: a newer version replaces the held one;
- a ticket comment created in a closed month and delivered late: a new key;
- a newer version of a stage-history row with an unknown stage: quarantined, so the held key must go;
- the user of the orphaned product event: the event is staged now with its old `_loaded_at`, which
  a look-back window on `_loaded_at` would miss;
- an activity deleted after the fact: a newer version of a held key, flagged deleted.

Both deliveries build on one file, the second incrementally (the first builds only the incremental
models and what they read); a copy of it is then rebuilt with --full-refresh, and every table of the
staging, marts and audit schemas must hold the same rows.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import duckdb
from conftest import SEEDS_DIR, append_rows, duckdb_env, read_table, run_dbt
from split_raw_day import split_last_day

NEXT_DAY = "2026-01-02T03:00:00Z"  # the demo data's last load is on 2026-01-01
ORPHAN_LOADED = "2025-06-02T03:00:00Z"  # months before the first delivery's last day
INCREMENTAL_MODELS = [
    "stg_billing__invoice_line_items",
    "stg_support__ticket_events",
    "stg_crm__activities",
    "stg_crm__opportunity_history",
    "stg_product__tracks",
]
ORPHAN_TRACK = {
    "id": "evt_incremental_orphan",
    "user_id": "usr_delivered_late",
    "event": "Export Downloaded",
    "timestamp": "2025-06-01T10:00:00Z",
    "received_at": "2025-06-01T10:00:05Z",
    "_loaded_at": ORPHAN_LOADED,
}


def first(rows: list[dict[str, str]], key: str, **wanted: str) -> dict[str, str]:
    """The row with the smallest `key` among those with the wanted values."""
    matching = [row for row in rows if all(row[column] == value for column, value in wanted.items())]
    return min(matching, key=lambda row: row[key])


def deliver_next_day(raw_dir: Path) -> dict[str, str]:
    """Append the five cases to the whole demo data; return the key of each, by staging model."""
    _, lines = read_table(raw_dir, "billing", "invoice_line_items")
    line = first(lines, "id", type="subscription")
    append_rows(
        raw_dir,
        "billing",
        "invoice_line_items",
        [{**line, "amount": str(int(line["amount"]) + 100), "_loaded_at": NEXT_DAY}],
    )
    _, events = read_table(raw_dir, "support", "ticket_events")
    created = first(events, "id", event_type="Create")
    late_event_id = str(max(int(event["id"]) for event in events) + 1)
    append_rows(
        raw_dir,
        "support",
        "ticket_events",
        [
            {
                **created,
                "id": late_event_id,
                "event_type": "Comment",
                "field_name": "",
                "value": "",
                "previous_value": "",
                "is_public": "true",
                "_loaded_at": NEXT_DAY,
            }
        ],
    )
    _, history = read_table(raw_dir, "crm", "opportunity_history")
    stage_change = first(history, "Id")
    append_rows(
        raw_dir,
        "crm",
        "opportunity_history",
        [{**stage_change, "StageName": "Not A Stage", "_loaded_at": NEXT_DAY}],
    )
    append_rows(
        raw_dir,
        "product",
        "users",
        [
            {
                "id": ORPHAN_TRACK["user_id"],
                "email": "late.user@example.com",
                "signup_at": "2025-05-30T09:00:00Z",
                "signup_type": "free",
                "signup_source": "organic",
                "_loaded_at": NEXT_DAY,
            }
        ],
    )
    _, activities = read_table(raw_dir, "crm", "activities")
    activity = first(activities, "Id", IsDeleted="false")
    append_rows(
        raw_dir,
        "crm",
        "activities",
        [{**activity, "IsDeleted": "true", "SystemModstamp": NEXT_DAY, "_loaded_at": NEXT_DAY}],
    )
    return {
        "stg_billing__invoice_line_items": line["id"],
        "stg_support__ticket_events": late_event_id,
        "stg_crm__opportunity_history": stage_change["Id"],
        "stg_product__tracks": ORPHAN_TRACK["id"],
        "stg_crm__activities": activity["Id"],
    }


def build(env: dict[str, str], raw_dir: Path, *flags: str) -> None:
    """Load `raw_dir` and build the models and seeds (the data tests are make test's)."""
    env = {**env, "REVOPS_RAW_DATA_DIR": str(raw_dir)}
    run_dbt(["run-operation", "load_raw_data"], env)
    run_dbt(["build", "--exclude-resource-type", "test", "unit_test", *flags], env)


def differing_tables(left: Path, right: Path) -> dict[str, int]:
    """Rows in one file and not the other (duplicates counted), per staging, marts and audit table."""
    with duckdb.connect() as connection:
        connection.execute(f"attach '{left}' as left_build (read_only)")
        connection.execute(f"attach '{right}' as right_build (read_only)")
        tables = connection.execute(
            "select schema_name || '.' || table_name from duckdb_tables()"
            " where database_name = 'left_build' and schema_name in ('staging', 'marts', 'audit')"
        ).fetchall()
        differing = {}
        for (table,) in tables:
            (count,) = connection.execute(
                f"select (select count(*) from (select * from left_build.{table}"
                f" except all select * from right_build.{table}))"
                f" + (select count(*) from (select * from right_build.{table}"
                f" except all select * from left_build.{table}))"
            ).fetchone()
            if count:
                differing[table] = count
    assert len(tables) > 100, "the builds hold no tables to compare"
    return differing


def test_an_incremental_build_after_a_new_delivery_equals_a_full_rebuild(tmp_path: Path) -> None:
    first_delivery, whole = tmp_path / "first", tmp_path / "whole"
    split_last_day(SEEDS_DIR, first_delivery)
    shutil.rmtree(first_delivery / "reference")
    shutil.copytree(SEEDS_DIR, whole, ignore=shutil.ignore_patterns("reference"))
    for raw_dir in (first_delivery, whole):
        append_rows(raw_dir, "product", "tracks", [ORPHAN_TRACK])
    keys = deliver_next_day(whole)
    env = duckdb_env(tmp_path / "build")
    # The first delivery builds what the second run's incremental models read of their own state:
    # the models and everything upstream of them (every other model is rebuilt whole on every run).
    build(env, first_delivery, "--select", "+config.materialized:incremental")
    build(env, whole)

    run_sql = Path(env["DBT_TARGET_PATH"]) / "run" / "revops" / "models" / "staging"
    for model in INCREMENTAL_MODELS:
        (compiled,) = run_sql.glob(f"*/{model}.sql")
        assert "delete from" in compiled.read_text(), f"{model} was rebuilt, not built incrementally"
    incremental = tmp_path / "incremental.duckdb"
    shutil.copyfile(env["REVOPS_TEST_DUCKDB_PATH"], incremental)
    with duckdb.connect(str(incremental), read_only=True) as connection:

        def staged(model: str, key_column: str, columns: str) -> list[tuple]:
            query = f"select {columns} from staging.{model} where cast({key_column} as varchar) = ?"
            return connection.execute(query, [keys[model]]).fetchall()

        line_amount = staged("stg_billing__invoice_line_items", "invoice_line_item_id", "loaded_at")
        assert [str(row[0])[:10] for row in line_amount] == ["2026-01-02"]
        assert len(staged("stg_support__ticket_events", "ticket_event_id", "1")) == 1
        assert staged("stg_crm__opportunity_history", "opportunity_history_id", "1") == []
        assert len(staged("stg_product__tracks", "track_id", "1")) == 1
        assert staged("stg_crm__activities", "activity_id", "deleted_at is not null") == [(True,)]

    build(env, whole, "--full-refresh")
    assert differing_tables(incremental, Path(env["REVOPS_TEST_DUCKDB_PATH"])) == {}
