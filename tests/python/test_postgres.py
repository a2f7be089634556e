"""Portability: the whole project (raw load, every model, every data and unit test) builds on a
throw-away PostgreSQL 15 server that this test starts on 127.0.0.1 and stops.

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

import pytest
from conftest import SEEDS_DIR, run_dbt

DATABASE = "revops"
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
    subprocess.run(
        as_server_user([str(PG_BIN / "initdb"), "-D", str(data_dir), "-U", "postgres", "--auth=trust"]),
        check=True,
        capture_output=True,
    )
    options = f"-c listen_addresses=127.0.0.1 -p {port} -k {socket_dir} -c fsync=off"
    start = [str(PG_BIN / "pg_ctl"), "-D", str(data_dir), "-o", options, "-l", str(base / "server.log")]
    subprocess.run(as_server_user([*start, "-w", "start"]), check=True, capture_output=True)
    try:
        createdb = [str(PG_BIN / "createdb"), "-h", "127.0.0.1", "-p", str(port), "-U", "postgres", DATABASE]
        subprocess.run(as_server_user(createdb), check=True, capture_output=True)
        yield {
            "REVOPS_PG_HOST": "127.0.0.1",
            "REVOPS_PG_PORT": str(port),
            "REVOPS_PG_DATABASE": DATABASE,
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
    result = run_dbt(["build"], env)
    assert "ERROR=0" in result.output and "SKIP=0" in result.output
