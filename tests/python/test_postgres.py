"""Portability: the whole project (raw load, every model, every data and unit test) builds on a
throw-away PostgreSQL 15 server that this test starts on 127.0.0.1 and stops.

Least privilege: the server asks every role for a password; the build runs as a role that owns
its database and nothing more (no superuser, no server file privilege: the raw files travel over
the connection, scripts/upload_raw_files.py); and the BI role (var bi_reader_role) can read the
marts and nothing else.

Write, audit, publish: `make build`'s script builds the marts in schema marts__next and swaps them
in; a reader process sees one build or the other while a build is killed and while marts swap.

The server (scripts/throwaway_postgres.py) comes from the machine's PostgreSQL binaries (`initdb`,
`pg_ctl`); set REVOPS_PG_BIN to use another directory. The test is skipped, saying why, only where no
PostgreSQL binaries exist.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import closing
from pathlib import Path

import duckdb
import psycopg2
import psycopg2.errors
import psycopg2.sql
import pytest
from conftest import (
    PROJECT_DIR,
    PUBLISH,
    SEEDS_DIR,
    assert_every_round_saw_one_build,
    build_models_on_duckdb,
    dbt_files_in,
    kill_a_build_midway,
    postgres_env,
    reader_process,
    run_dbt,
)
from engine_equality import assert_no_differences, compare_marts
from publish_warehouse import postgres_vars
from throwaway_postgres import DATABASE, READER_PASSWORD, READER_ROLE, missing_binaries, throwaway_postgres

READER_VARS = f"{{bi_reader_role: {READER_ROLE}}}"
# One statement per round, as a BI tool sends: kpi_values and two marts.
READER_QUERY = """
select
    (select count(*) from marts.kpi_values),
    (select sum(value) from marts.kpi_values),
    (select count(distinct customer_id) from marts.dim_customers),
    (select sum(amount) from marts.fct_opportunities)
"""
READER = """
import hashlib, json, sys, time
from pathlib import Path
import psycopg2
connection_args, stop, log, query = json.loads(sys.argv[1]), Path(sys.argv[2]), Path(sys.argv[3]), sys.argv[4]
connection = psycopg2.connect(**connection_args)
connection.autocommit = True
with log.open("w") as out, connection.cursor() as cursor:
    while not stop.exists():
        try:
            cursor.execute(query)
            out.write("ok " + hashlib.sha256(repr(cursor.fetchone()).encode()).hexdigest() + "\\n")
        except Exception as error:
            out.write("error " + repr(error).replace("\\n", " ") + "\\n")
        out.flush()
        time.sleep(0.25)
"""
# One worker runs this module, so its server and build are made once.
pytestmark = pytest.mark.xdist_group("postgres")


@pytest.fixture(scope="module")
def postgres_server() -> Iterator[dict[str, str]]:
    """A throw-away server (scripts/throwaway_postgres.py) for the demo data."""
    if reason := missing_binaries():
        pytest.skip(reason)
    with throwaway_postgres() as env:
        yield env


@pytest.fixture(scope="module")
def published(postgres_server: dict[str, str], tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """The demo data loaded, built, tested and published by `make build`'s script on PostgreSQL: the
    marts built in schema marts__next, then swapped in for marts."""
    work = tmp_path_factory.mktemp("postgres_build")
    env = {**os.environ, **postgres_env(postgres_server, work)}
    build = subprocess.run(
        [*PUBLISH, "build", "--vars", READER_VARS], env=env, capture_output=True, text=True, check=False
    )
    assert build.returncode == 0, build.stdout[-4000:] + build.stderr[-2000:]
    assert "ERROR=0" in build.stdout and "SKIP=0" in build.stdout
    return env


def reader_connection(env: dict[str, str]) -> dict[str, str]:
    return {"host": "127.0.0.1", "port": env["REVOPS_PG_PORT"], "dbname": DATABASE, "user": READER_ROLE}


def test_the_whole_project_builds_on_postgres_and_the_bi_role_reads_only_the_marts(
    published: dict[str, str],
) -> None:
    reader = reader_connection(published)
    with psycopg2.connect(**reader, password=READER_PASSWORD) as connection, connection.cursor() as cursor:
        cursor.execute("select count(*) from marts.kpi_values")
        assert cursor.fetchone()[0] > 50_000
    for statement in [
        "create table marts.bi_scratch (x integer)",
        "delete from marts.kpi_values",
        "select count(*) from raw_crm.leads",
        "select count(*) from staging.stg_crm__leads",
    ]:
        with (
            psycopg2.connect(**reader, password=READER_PASSWORD) as connection,
            connection.cursor() as cursor,
            pytest.raises(psycopg2.errors.InsufficientPrivilege),
        ):
            cursor.execute(statement)
    with pytest.raises(psycopg2.OperationalError, match="password authentication failed"):
        psycopg2.connect(**reader, password="wrong").close()


def test_the_unit_tests_pass_on_postgres(published: dict[str, str]) -> None:
    """The hand-worked unit tests hold on PostgreSQL as on DuckDB (make build leaves them out: their
    inputs are fixed, so only a change of SQL or engine can change their result)."""
    result = run_dbt(["test", "--resource-type", "unit_test", "--vars", READER_VARS], published)
    assert "ERROR=0" in result.output and "PASS=0" not in result.output, result.output[-2000:]


@pytest.fixture(scope="module")
def duckdb_reference(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The same demo data built on DuckDB, models only."""
    return build_models_on_duckdb(tmp_path_factory.mktemp("duckdb_reference"))


def test_every_mart_on_postgres_equals_the_duckdb_build(
    published: dict[str, str], duckdb_reference: Path
) -> None:
    """Every row of every mart (kpi_values, the KPI tables, facts and dimensions) is the same on both
    engines: counts, keys and text exactly, currency within a cent, other numbers within 1e-9
    (engine_equality). Before the readers test, which publishes changed marts."""
    assert_no_differences(*postgres_differences(duckdb_reference, published), minimum_rows=500_000)


@pytest.mark.parametrize("model", ["int_customer_identifiers_mapped", "int_lead_activities_mapped"])
def test_postgres_plans_the_identity_joins_from_statistics(published: dict[str, str], model: str) -> None:
    """The two models that join CTEs they read more than once declare those CTEs with inline_cte,
    so PostgreSQL plans them from the staging tables' statistics: its row estimate for the model's
    query (as the build compiled it) is within ten times of the rows the model holds. Planned blind
    (such a CTE has no column statistics), the first was estimated at 9.8 billion rows for 65
    thousand at scale 10 and ran for over ten minutes at scale 100."""
    (model_file,) = (PROJECT_DIR / "models").rglob(f"{model}.sql")
    compiled = Path(published["DBT_TARGET_PATH"], "compiled", "revops", model_file.relative_to(PROJECT_DIR))
    with closing(builder_connection(published)) as connection, connection.cursor() as cursor:
        cursor.execute("explain (format json) " + compiled.read_text())
        estimated = cursor.fetchone()[0][0]["Plan"]["Plan Rows"]
        cursor.execute(
            psycopg2.sql.SQL("select count(*) from intermediate.{}").format(psycopg2.sql.Identifier(model))
        )
        rows = cursor.fetchone()[0]
    assert rows / 10 <= estimated <= rows * 10, (
        f"{model}: PostgreSQL estimated {estimated:,.0f} rows for {rows:,}"
    )


def postgres_differences(reference_path: Path, env: dict[str, str]) -> tuple[int, list[str]]:
    """The rows compared and the differences between the marts of the DuckDB build at
    `reference_path` and those of the PostgreSQL database of `env` (engine_equality)."""
    with (
        duckdb.connect(str(reference_path), read_only=True) as reference,
        closing(builder_connection(env)) as connection,
        connection.cursor() as cursor,
    ):

        def fetch(table: str, columns: list[str]) -> list[tuple]:
            cursor.execute(
                psycopg2.sql.SQL("select {} from marts.{}").format(
                    psycopg2.sql.SQL(", ").join(map(psycopg2.sql.Identifier, columns)),
                    psycopg2.sql.Identifier(table),
                )
            )
            return cursor.fetchall()

        cursor.execute("select tablename from pg_tables where schemaname = 'marts'")
        tables = {table for (table,) in cursor.fetchall()}
        return compare_marts(reference, tables, fetch, "postgres")


def builder_connection(env: dict[str, str]) -> psycopg2.extensions.connection:
    return psycopg2.connect(
        host="127.0.0.1",
        port=env["REVOPS_PG_PORT"],
        dbname=DATABASE,
        user=env["REVOPS_PG_USER"],
        password=env["REVOPS_PG_PASSWORD"],
    )


def unpublish_a_changed_copy_of_the_marts(env: dict[str, str]) -> None:
    """marts__next as a build with var write_audit_publish leaves it, readable by the BI role: here
    a copy of the published marts in which monthly MRR is one higher. What a killed build left in
    marts__next goes first, as the next build's first step (publish_marts clear) drops it."""
    with closing(builder_connection(env)) as connection, connection, connection.cursor() as cursor:
        cursor.execute("drop schema if exists marts__next cascade")
        cursor.execute("create schema marts__next")
        cursor.execute("select tablename from pg_tables where schemaname = 'marts'")
        for (table,) in cursor.fetchall():
            cursor.execute(f'create table marts__next."{table}" as table marts."{table}"')
        cursor.execute("update marts__next.kpi_values set value = value + 1 where kpi_id = 'mrr'")
        cursor.execute(f"grant usage on schema marts__next to {READER_ROLE}")
        cursor.execute(f"grant select on all tables in schema marts__next to {READER_ROLE}")


def marts_hash(env: dict[str, str]) -> str:
    """The hash a reader's round gives for the marts published now."""
    with (
        psycopg2.connect(**reader_connection(env), password=READER_PASSWORD) as connection,
        connection.cursor() as cursor,
    ):
        cursor.execute(READER_QUERY)
        return hashlib.sha256(repr(cursor.fetchone()).encode()).hexdigest()


def test_readers_see_one_build_while_a_build_is_killed_and_while_marts_are_swapped(
    published: dict[str, str], tmp_path: Path
) -> None:
    """A BI reader process queries kpi_values and two marts in one statement per round, on one
    connection, while (b) a build is killed midway and (a) publish_marts swaps in other marts (a copy
    of the published ones with one KPI changed: the fixture's build already proved the whole build
    reaches publish_marts). Every query succeeds and every answer is the old marts' or the new ones';
    a rollback publishes the old marts again."""
    env = {**published, **dbt_files_in(tmp_path)}
    old_hash = marts_hash(env)
    connection = json.dumps({**reader_connection(env), "password": READER_PASSWORD})
    with reader_process(READER, connection, [READER_QUERY], tmp_path) as log:
        kill_a_build_midway(["build", "--vars", READER_VARS], env, seconds=10)
        assert marts_hash(env) == old_hash

        unpublish_a_changed_copy_of_the_marts(env)
        # The vars of the killed build (as make build's script gives them): dbt reuses its parse.
        publish = ["run-operation", "publish_marts", "--args", "{action: publish}"]
        run_dbt([*publish, "--vars", postgres_vars(READER_VARS)], env)
        new_hash = marts_hash(env)
        assert new_hash != old_hash
        time.sleep(1)
    assert_every_round_saw_one_build(log, old_hash, new_hash)

    subprocess.run([*PUBLISH, "rollback"], env=env, check=True, capture_output=True)
    assert marts_hash(env) == old_hash


def uploaded_tables(env: dict[str, str]) -> list[str]:
    """The text tables of the last raw upload."""
    with closing(builder_connection(env)) as connection, connection, connection.cursor() as cursor:
        cursor.execute("select tablename from pg_tables where schemaname = 'raw_upload' order by 1")
        return [row[0] for row in cursor.fetchall()]


@pytest.mark.parametrize(
    ("file_name", "content", "message"),
    [
        ("tickets.csv", 'id,subject\n1,"an unclosed quote\n', "unreadable CSV"),
        ("tickets.csv", b"id,subject\n1,caf\xe9\n", "unreadable CSV"),
        ("tickets';drop schema marts cascade;--.csv", "id\n1\n", "folder and file names must be"),
    ],
)
def test_the_upload_refuses_a_bad_file_and_changes_nothing(
    published: dict[str, str], tmp_path: Path, file_name: str, content: str | bytes, message: str
) -> None:
    """A file that is not valid CSV or UTF-8, or whose name is not a contract name, stops the upload
    naming the file; the previous upload and the marts are untouched (one transaction)."""
    before, marts_before = uploaded_tables(published), marts_hash(published)
    raw_dir = tmp_path / "raw"
    shutil.copytree(SEEDS_DIR, raw_dir)
    path = raw_dir / "support" / file_name
    path.write_bytes(content if isinstance(content, bytes) else content.encode())
    upload = subprocess.run(
        [sys.executable, str(PROJECT_DIR / "scripts" / "upload_raw_files.py"), "--raw-dir", str(raw_dir)],
        env=published,
        capture_output=True,
        text=True,
        check=False,
    )
    assert upload.returncode != 0 and message in upload.stderr and file_name in upload.stderr, upload.stderr
    assert uploaded_tables(published) == before and "support__tickets" in before
    assert marts_hash(published) == marts_before
