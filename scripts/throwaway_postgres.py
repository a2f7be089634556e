"""A throw-away PostgreSQL server for the tests and the benchmark: started on a free 127.0.0.1 port
from the machine's PostgreSQL binaries (``initdb``, ``pg_ctl``; set REVOPS_PG_BIN to use another
directory), stopped and deleted on exit.

Every role logs in with a password (scram-sha-256): the superuser only creates the roles and the
database; the build role (``revops_builder``) owns database ``revops`` and nothing more, as a
deployment's would; the BI role (``revops_reader``) exists for a build to grant it the marts (var
bi_reader_role). fsync is off: the server holds nothing worth keeping.

Example::

    with throwaway_postgres() as env:  # REVOPS_PG_HOST, REVOPS_PG_PORT, ... for REVOPS_TARGET=postgres
        subprocess.run(["dbt", "build"], env={**os.environ, **env, "REVOPS_TARGET": "postgres"})
"""

from __future__ import annotations

import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import psycopg2

PG_BIN = Path(os.environ.get("REVOPS_PG_BIN", "/usr/lib/postgresql/15/bin"))
DATABASE = "revops"
BUILDER_ROLE, READER_ROLE = "revops_builder", "revops_reader"
SUPERUSER_PASSWORD, BUILDER_PASSWORD, READER_PASSWORD = "superuser-pw", "builder-pw", "reader-pw"


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


def missing_binaries() -> str | None:
    """Why no server can start on this machine, or None."""
    if (PG_BIN / "initdb").exists():
        return None
    return f"no PostgreSQL binaries in {PG_BIN} (set REVOPS_PG_BIN)"


@contextmanager
def throwaway_postgres() -> Iterator[dict[str, str]]:
    """A server with the build and BI roles and the build role's database; yields the environment
    of the ``postgres`` profile for the build role (REVOPS_PG_HOST, _PORT, _DATABASE, _USER,
    _PASSWORD). Raises RuntimeError when the machine has no PostgreSQL binaries (missing_binaries)."""
    if reason := missing_binaries():
        raise RuntimeError(reason)
    # Its parents must be readable by the server's user: not a directory private to this process.
    base = Path(tempfile.mkdtemp(prefix="revops-postgres-"))
    base.chmod(0o755)
    data_dir, socket_dir = base / "data", base / "socket"
    socket_dir.mkdir()
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
            cursor.execute(f"create role {BUILDER_ROLE} login password '{BUILDER_PASSWORD}'")
            cursor.execute(f"create role {READER_ROLE} login password '{READER_PASSWORD}'")
            cursor.execute(f"create database {DATABASE} owner {BUILDER_ROLE}")
        admin.close()
        yield {
            "REVOPS_PG_HOST": "127.0.0.1",
            "REVOPS_PG_PORT": str(port),
            "REVOPS_PG_DATABASE": DATABASE,
            "REVOPS_PG_USER": BUILDER_ROLE,
            "REVOPS_PG_PASSWORD": BUILDER_PASSWORD,
        }
    finally:
        stop = [str(PG_BIN / "pg_ctl"), "-D", str(data_dir), "-m", "fast", "-w", "stop"]
        subprocess.run(as_server_user(stop), check=False, capture_output=True)
        shutil.rmtree(base, ignore_errors=True)
