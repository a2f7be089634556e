"""Portability: the whole project (raw load, every model, every data and unit test) builds on a
throw-away PostgreSQL 15 server that this test starts on 127.0.0.1 and stops.

Least privilege: the server asks every role for a password; the build runs as a role that owns
its database and may read server files (pg_read_server_files, for the loader's COPY), not as a
superuser; and the BI role (var bi_reader_role) can read the marts and nothing else.

The server comes from the machine's PostgreSQL binaries (`initdb`, `pg_ctl`); set REVOPS_PG_BIN to
use another directory. The test is skipped, saying why, only where no PostgreSQL binaries exist.
"""

from __future__ import annotations

import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path

import psycopg2
import psycopg2.errors
import pytest
from conftest import SEEDS_DIR, run_dbt

DATABASE = "revops"
SUPERUSER_PASSWORD, BUILDER_PASSWORD, READER_PASSWORD = "superuser-pw", "builder-pw", "reader-pw"
PG_BIN = Path(os.environ.get("REVOPS_PG_BIN", "/usr/lib/postgresql/15/bin"))


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def as_server_user(command: list[str]) -> list[str]:
    """PostgreSQL refuses to run as root: run its binaries as the `postgres` user when we are root."""
    if os.geteuid() == 0:
        return ["runuser", "-u", "postgres", "--", *command]
    return command


def hand_to_server_user(path: Path) -> None:
    if os.geteuid() == 0:
        account = pwd.getpwnam("postgres")
        for item in [path, *path.rglob("*")]:
            os.chown(item, account.pw_uid, account.pw_gid)


@pytest.fixture(scope="module")
def postgres_server() -> Iterator[dict[str, str]]:
    """A server on a free 127.0.0.1 port, with the demo raw data copied where it may read it."""
    if not (PG_BIN / "initdb").exists():
        pytest.skip(f"no PostgreSQL binaries in {PG_BIN} (set REVOPS_PG_BIN)")
    # Not pytest's tmp_path: its parents are private to us, and the server's user must read the files.
    base = Path(tempfile.mkdtemp(prefix="revops-postgres-"))
    base.chmod(0o755)
    data_dir, socket_dir = base / "data", base / "socket"
    socket_dir.mkdir()
    # The server reads raw files itself (COPY).
    shutil.copytree(SEEDS_DIR, base / "raw")
    hand_to_server_user(base)
    port = free_port()
    password_file = base / "superuser_password"
    password_file.write_text(SUPERUSER_PASSWORD)
    hand_to_server_user(password_file)
    initdb = [str(PG_BIN / "initdb"), "-D", str(data_dir), "-U", "postgres", "--auth=scram-sha-256"]
    subprocess.run(as_server_user([*initdb, f"--pwfile={password_file}"]), check=True, capture_output=True)
    options = f"-c listen_addresses=127.0.0.1 -p {port} -k {socket_dir} -c fsync=off"
    start = [str(PG_BIN / "pg_ctl"), "-D", str(data_dir), "-o", options, "-l", str(base / "server.log")]
    subprocess.run(as_server_user([*start, "-w", "start"]), check=True, capture_output=True)
    try:
        admin = psycopg2.connect(host="127.0.0.1", port=port, user="postgres", password=SUPERUSER_PASSWORD)
        admin.autocommit = True  # create database runs outside a transaction
        with admin.cursor() as cursor:
            cursor.execute(f"create role revops_builder login password '{BUILDER_PASSWORD}'")
            cursor.execute("grant pg_read_server_files to revops_builder")
            cursor.execute(f"create role revops_reader login password '{READER_PASSWORD}'")
            cursor.execute(f"create database {DATABASE} owner revops_builder")
        admin.close()
        # The loader asks whether a raw file exists before reading it (a grant in that database).
        with (
            psycopg2.connect(
                host="127.0.0.1", port=port, dbname=DATABASE, user="postgres", password=SUPERUSER_PASSWORD
            ) as admin,
            admin.cursor() as cursor,
        ):
            cursor.execute(
                "grant execute on function pg_catalog.pg_stat_file(text, boolean) to revops_builder"
            )
        admin.close()
        yield {
            "REVOPS_PG_HOST": "127.0.0.1",
            "REVOPS_PG_PORT": str(port),
            "REVOPS_PG_DATABASE": DATABASE,
            "REVOPS_PG_USER": "revops_builder",
            "REVOPS_PG_PASSWORD": BUILDER_PASSWORD,
            "REVOPS_RAW_DATA_DIR": str(base / "raw"),
        }
    finally:
        stop = [str(PG_BIN / "pg_ctl"), "-D", str(data_dir), "-m", "fast", "-w", "stop"]
        subprocess.run(as_server_user(stop), check=False, capture_output=True)
        shutil.rmtree(base, ignore_errors=True)


def test_the_whole_project_builds_on_postgres(postgres_server: dict[str, str], tmp_path: Path) -> None:
    env = {
        **postgres_server,
        "REVOPS_TARGET": "postgres",
        "DBT_TARGET_PATH": str(tmp_path / "dbt_target"),
        "DBT_LOG_PATH": str(tmp_path / "logs"),
    }
    run_dbt(["run-operation", "load_raw_data"], env)
    result = run_dbt(["build", "--vars", "{bi_reader_role: revops_reader}"], env)
    assert "ERROR=0" in result.output and "SKIP=0" in result.output

    # The BI role reads the marts, and cannot write them or read anything else.
    reader = {"host": "127.0.0.1", "port": env["REVOPS_PG_PORT"], "dbname": DATABASE, "user": "revops_reader"}
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
