"""Shared fixtures: run dbt as a user would (the CLI, in a subprocess) against isolated targets.

The test suite never touches the user's warehouse file: the DuckDB build goes to a file under
``target/pytest/<worker>`` and every dbt command gets its own target path, so it can run beside a
build. pytest-xdist runs the suite on two workers (pyproject.toml): every test that reads the demo
warehouse goes to one worker, which builds it once, and the independent builds (lint, PostgreSQL,
other data) share the other (WORKER_GROUP_OF_FIXTURE).
"""

from __future__ import annotations

import csv
import os
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import duckdb
import pytest
import yaml
from docs_site import style_docs

PROJECT_DIR = Path(__file__).resolve().parents[2]
SEEDS_DIR = PROJECT_DIR / "seeds"
DBT = str(Path(sys.executable).with_name("dbt"))
PUBLISH = [sys.executable, str(PROJECT_DIR / "scripts" / "publish_warehouse.py")]


@dataclass(frozen=True)
class DbtResult:
    """What a dbt command printed and how it exited."""

    returncode: int
    output: str

    @property
    def ok(self) -> bool:
        return self.returncode == 0


def run_dbt(
    args: list[str], env: dict[str, str], check: bool = True, project_dir: Path = PROJECT_DIR
) -> DbtResult:
    """Run one dbt CLI command in the project directory (this one unless told) with the given extra
    environment."""
    completed = subprocess.run(
        [DBT, *args],
        cwd=project_dir,
        env={**os.environ, "DBT_PROFILES_DIR": str(PROJECT_DIR), **env},
        capture_output=True,
        text=True,
        check=False,
    )
    result = DbtResult(completed.returncode, completed.stdout + completed.stderr)
    if check and not result.ok:
        pytest.fail(f"dbt {' '.join(args)} failed:\n{result.output[-6000:]}")
    return result


@dataclass(frozen=True)
class Warehouse:
    """A DuckDB warehouse built by the test suite, read-only for the tests."""

    path: Path
    env: dict[str, str]

    def query(self, sql: str) -> list[tuple]:
        with duckdb.connect(str(self.path), read_only=True) as connection:
            return connection.execute(sql).fetchall()


def dbt_files_in(work_dir: Path) -> dict[str, str]:
    """DBT_TARGET_PATH and DBT_LOG_PATH in `work_dir`: a dbt command's own compiled SQL, results and
    logs, apart from every other test's."""
    return {"DBT_TARGET_PATH": str(work_dir / "dbt_target"), "DBT_LOG_PATH": str(work_dir / "logs")}


def duckdb_env(work_dir: Path, raw_data_dir: Path = SEEDS_DIR) -> dict[str, str]:
    """Environment for an isolated DuckDB target: its own file, target path and logs."""
    work_dir.mkdir(parents=True, exist_ok=True)
    return {
        "REVOPS_TARGET": "test",
        "REVOPS_TEST_DUCKDB_PATH": str(work_dir / "warehouse.duckdb"),
        "REVOPS_RAW_DATA_DIR": str(raw_data_dir),
        **dbt_files_in(work_dir),
    }


def postgres_env(server: dict[str, str], work_dir: Path, raw_data_dir: Path = SEEDS_DIR) -> dict[str, str]:
    """Environment for the PostgreSQL target on a throw-away `server` (scripts/throwaway_postgres.py),
    dbt's files in `work_dir`."""
    return {
        **server,
        "REVOPS_TARGET": "postgres",
        "REVOPS_RAW_DATA_DIR": str(raw_data_dir),
        **dbt_files_in(work_dir),
    }


def build_models_on_duckdb(work_dir: Path, raw_data_dir: Path = SEEDS_DIR) -> Path:
    """Load `raw_data_dir` and build every model on a fresh DuckDB file (no tests: the DuckDB
    build's tests run elsewhere); the reference another engine's marts are compared with."""
    env = duckdb_env(work_dir, raw_data_dir)
    run_dbt(["run-operation", "load_raw_data"], env)
    run_dbt(["build", "--exclude-resource-type", "test", "--exclude-resource-type", "unit_test"], env)
    return Path(env["REVOPS_TEST_DUCKDB_PATH"])


# A fixture of session or module scope is made once per worker that runs a test using it. The tests
# using one of these go to one worker group, so each is made once: the demo warehouse, the bad-input
# build (with the warehouse's tests, as one of them compares the two builds) and the hostile-env
# setup (whose cases reuse one dbt parse).
WORKER_GROUP_OF_FIXTURE = {
    "warehouse": "warehouse",
    "bad_build": "warehouse",
    "hostile_env_setup": "hostile_env",
}


@pytest.hookimpl(tryfirst=True)  # before xdist's own hook turns the mark into the worker group
def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Each test using a fixture of WORKER_GROUP_OF_FIXTURE runs in that fixture's worker group."""
    for item in items:
        for fixture in getattr(item, "fixturenames", ()):
            if fixture in WORKER_GROUP_OF_FIXTURE:
                item.add_marker(pytest.mark.xdist_group(WORKER_GROUP_OF_FIXTURE[fixture]))
                break


@pytest.fixture(scope="session")
def work_dir(worker_id: str) -> Iterator[Path]:
    """A fresh directory under target/ for everything this worker builds."""
    work_dir = PROJECT_DIR / "target" / "pytest" / worker_id
    shutil.rmtree(work_dir, ignore_errors=True)
    work_dir.mkdir(parents=True)
    yield work_dir


@pytest.fixture(scope="session")
def warehouse(work_dir: Path) -> Warehouse:
    """The demo warehouse: raw data loaded natively, then `dbt build` (models, tests, unit tests)."""
    env = duckdb_env(work_dir / "duckdb")
    run_dbt(["run-operation", "load_raw_data"], env)
    run_dbt(["build"], env)
    return Warehouse(Path(env["REVOPS_TEST_DUCKDB_PATH"]), env)


@pytest.fixture(scope="session")
def docs_target(warehouse: Warehouse) -> Path:
    """`dbt docs generate` on the test warehouse, once: the directory with index.html, manifest.json
    and catalog.json (the build already compiled everything)."""
    run_dbt(["docs", "generate", "--no-compile"], warehouse.env)
    target = Path(warehouse.env["DBT_TARGET_PATH"])
    style_docs(target / "index.html")  # as make build does
    return target


@pytest.fixture
def copy_raw_data(tmp_path: Path) -> Callable[[], Path]:
    """Copy of the demo raw data that a test may corrupt."""

    def make_copy() -> Path:
        raw_dir = tmp_path / "raw"
        shutil.copytree(SEEDS_DIR, raw_dir, ignore=shutil.ignore_patterns("reference"))
        return raw_dir

    return make_copy


def read_table(raw_dir: Path, source: str, table: str) -> tuple[list[str], list[dict[str, str]]]:
    """Header and rows of a raw CSV file."""
    with (raw_dir / source / f"{table}.csv").open(newline="") as handle:
        reader = csv.DictReader(handle)
        return list(reader.fieldnames or []), list(reader)


def append_rows(raw_dir: Path, source: str, table: str, rows: list[dict[str, str]]) -> None:
    """Append rows to a raw CSV; columns a row does not name are empty."""
    header, _ = read_table(raw_dir, source, table)
    with (raw_dir / source / f"{table}.csv").open("a", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=header, lineterminator="\n")
        writer.writerows(rows)


def raw_contract() -> dict[tuple[str, str], dict]:
    """Each raw table's meta (primary_key, soft_delete_condition), as the sources YAML declares it."""
    contract = {}
    for sources_file in (SEEDS_DIR.parent / "models" / "staging").glob("*/_*__sources.yml"):
        for source in yaml.safe_load(sources_file.read_text())["sources"]:
            for table in source["tables"]:
                contract[(source["name"], table["name"])] = table["config"]["meta"]
    return contract


def kill_a_build_midway(args: list[str], env: dict[str, str], seconds: float) -> None:
    """Start `make build`'s script with `args` and kill it, with every process it started, `seconds`
    after its dbt build step began; dbt's log (in env's DBT_LOG_PATH) must show a model built by then."""
    build = subprocess.Popen(
        [*PUBLISH, *args], env=env, cwd=PROJECT_DIR, stdout=subprocess.PIPE, text=True, start_new_session=True
    )
    for line in build.stdout:
        if line.startswith("== build and run the data tests"):
            break
    else:
        pytest.fail(f"the build ended (exit {build.wait()}) before it began building the models")
    time.sleep(seconds)
    os.killpg(build.pid, signal.SIGKILL)
    build.wait()
    log = Path(env["DBT_LOG_PATH"], "dbt.log").read_text()
    assert " OK created " in log, f"the build was killed {seconds} s into its build step, before any model"


def assert_every_round_saw_one_build(log: Path, old_hash: str, new_hash: str) -> None:
    """A reader process's log: every round succeeded and answered as the old or the new build did,
    and both were seen."""
    rounds = log.read_text().splitlines()
    errors = [line for line in rounds if not line.startswith("ok ")]
    assert errors == [], errors[:5]
    seen = {line.removeprefix("ok ") for line in rounds}
    assert seen == {old_hash, new_hash}, f"{len(rounds)} rounds saw {len(seen)} different answers"


@contextmanager
def reader_process(script: str, target: str, queries: list[str], work_dir: Path) -> Iterator[Path]:
    """A reader process (`python -c script target stop_file log_file *queries`) that queries in a loop
    until the block ends, logging one line per round; yields the log's path."""
    stop, log = work_dir / "stop", work_dir / "reader.log"
    reader = subprocess.Popen([sys.executable, "-c", script, target, str(stop), str(log), *queries])
    try:
        yield log
    finally:
        stop.touch()
        reader.wait(timeout=60)
