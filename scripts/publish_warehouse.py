"""Build the DuckDB warehouse into a new file, and publish it only when the whole build passed.

Write, audit, publish. Every build goes to a file of its own, ``warehouse/builds/revops-<id>.duckdb``:
the raw files are loaded into it, ``dbt build`` builds every model there and runs every data test
(not the unit tests, whose inputs are fixed: ``make test`` runs them), and the docs are generated
from it. Only when all of that succeeded is the published path (``REVOPS_DUCKDB_PATH``,
default ``warehouse/revops.duckdb``) switched to it, by replacing a symbolic link with one rename,
which is atomic. So a reader that opens the published path gets the previous build or the new one,
never a mix; a connection already open keeps reading the build it opened; a build that fails a data
test, or is killed, leaves the published warehouse exactly as it was (its unfinished file is removed,
or left behind when killed and removed by the next build). A BI connection never blocks a build, as
the build writes another file.

The previous published build is kept for ``rollback``; older ones are deleted. The published builds,
newest last, are listed in ``warehouse/builds/published.txt``.

On PostgreSQL (``REVOPS_TARGET=postgres``) the raw files are first sent over the connection
(``scripts/upload_raw_files.py``), and the build publishes by a schema swap instead: the marts are
built and tested in schema ``marts__next`` (var ``write_audit_publish``), then one transaction
renames ``marts`` to ``marts__previous`` and ``marts__next`` to ``marts`` (macro ``publish_marts``,
which first locks the published marts so each reader statement sees one build). ``rollback`` swaps
``marts`` and ``marts__previous`` back. Docs are not generated there (``make docs`` does).

Examples:
    .venv/bin/python scripts/publish_warehouse.py build [--vars '{...}']   (make build)
    .venv/bin/python scripts/publish_warehouse.py rollback                 (make rollback)
    .venv/bin/python scripts/publish_warehouse.py status
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from pathlib import Path

import yaml
from docs_site import style_docs

PROJECT_DIR = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
DEFAULT_PUBLISHED = "warehouse/revops.duckdb"
DEMO_DATA_DIR = PROJECT_DIR / "seeds"
DEMO_AS_OF_DATE = "2025-12-31"  # the demo data is a snapshot as of this day (its last events)


class Layout:
    """Where the published link, the build files and the list of published builds live."""

    def __init__(self, published: Path) -> None:
        self.published = published
        self.builds = published.parent / "builds"
        self.history = self.builds / "published.txt"

    def published_builds(self) -> list[Path]:
        """The builds published so far that still exist, oldest first."""
        if not self.history.exists():
            return []
        names = [line.strip() for line in self.history.read_text().splitlines() if line.strip()]
        return [self.builds / name for name in names if (self.builds / name).exists()]

    def adopt_unpublished_file(self) -> None:
        """A warehouse file from before builds were published becomes the first published build."""
        if self.published.exists() and not self.published.is_symlink():
            adopted = self.builds / f"revops-{time.strftime('%Y%m%dT%H%M%S')}-adopted.duckdb"
            self.builds.mkdir(parents=True, exist_ok=True)
            os.replace(self.published, adopted)
            self.record([adopted])
            self.point_to(adopted)

    def point_to(self, build_file: Path) -> None:
        """Make the published path a link to `build_file`, atomically (a new link renamed over it)."""
        self.published.parent.mkdir(parents=True, exist_ok=True)
        link = self.published.with_name(f".{self.published.name}.{os.getpid()}.link")
        link.unlink(missing_ok=True)
        link.symlink_to(os.path.relpath(build_file, self.published.parent))
        os.replace(link, self.published)

    def record(self, builds: list[Path]) -> None:
        self.builds.mkdir(parents=True, exist_ok=True)
        self.history.write_text("".join(f"{build.name}\n" for build in builds))

    def prune(self, keep: list[Path]) -> None:
        """Delete every build file (and its WAL) but those in `keep`."""
        for path in self.builds.glob("revops-*.duckdb*"):
            if not any(path.name.startswith(kept.name) for kept in keep):
                path.unlink(missing_ok=True)


def run(step: str, command: list[str], env: dict[str, str]) -> None:
    """One step of the build; a failure stops the build before anything is published."""
    print(f"== {step}", flush=True)
    started = time.perf_counter()
    completed = subprocess.run(command, cwd=PROJECT_DIR, env=env, check=False)
    elapsed = f"{time.perf_counter() - started:.0f} s"
    if completed.returncode != 0:
        raise BuildFailed(f"{step} failed (exit {completed.returncode}, after {elapsed})")
    print(f"== {step}: done in {elapsed}", flush=True)


class BuildFailed(Exception):
    """A step of the build failed: nothing was published."""


def load_build_and_test(env: dict[str, str], dbt_vars: str) -> None:
    """The steps every build takes before it may be published. Every dbt command gets the same vars:
    dbt then parses the project once and the later commands reuse the parse (other vars make it
    parse the whole project again, about 20 s)."""
    dbt = str(BIN / "dbt")
    run("register the KPI models", [sys.executable, str(PROJECT_DIR / "scripts" / "register_kpis.py")], env)
    run("load the raw files", [dbt, "run-operation", "load_raw_data", "--vars", dbt_vars], env)
    run("source freshness (warnings only)", [dbt, "source", "freshness", "--vars", dbt_vars], env)
    # Last, so that target/manifest.json is the build's, with every node's compiled SQL. Models and
    # data tests: unit tests have fixed inputs, so the data cannot change their result (make test).
    build_command = [dbt, "build", "--exclude-resource-type", "unit_test", "--vars", dbt_vars]
    run("build and run the data tests", build_command, env)


def build(layout: Layout, dbt_vars: str) -> int:
    """Load, build and test a new warehouse file; publish it when every step passed."""
    layout.builds.mkdir(parents=True, exist_ok=True)
    layout.adopt_unpublished_file()
    build_file = layout.builds / f"revops-{time.strftime('%Y%m%dT%H%M%S')}-{os.getpid()}.duckdb"
    env = {
        **os.environ,
        "DBT_PROFILES_DIR": str(PROJECT_DIR),
        "REVOPS_DUCKDB_PATH": str(build_file.resolve()),
    }
    try:
        load_build_and_test(env, dbt_vars)
        # From the build's manifest: compiling again would take half a minute for the same SQL.
        docs = [str(BIN / "dbt"), "docs", "generate", "--no-compile", "--quiet", "--vars", dbt_vars]
        run("docs", docs, env)
        style_docs(PROJECT_DIR / env.get("DBT_TARGET_PATH", "target") / "index.html")
    except BuildFailed as failure:
        for path in layout.builds.glob(f"{build_file.name}*"):
            path.unlink()
        print(f"{failure}: nothing was published; {layout.published} is unchanged", file=sys.stderr)
        return 1
    published = [*layout.published_builds(), build_file]
    layout.point_to(build_file)
    kept = published[-2:]
    layout.record(kept)
    layout.prune(kept)
    print(f"published {build_file.name} at {layout.published} (previous build kept for rollback)")
    print("BI tools read its 'marts' schema; docs: make docs")
    return 0


def parsed_vars(dbt_vars: str) -> dict:
    """The dbt vars `dbt_vars` (YAML, as for dbt --vars) as a mapping."""
    parsed = yaml.safe_load(dbt_vars) or {}
    if not isinstance(parsed, dict):
        raise SystemExit(f"--vars must be a YAML mapping such as '{{gross_margin: 0.75}}', got {dbt_vars!r}")
    return parsed


def with_var(dbt_vars: str, name: str, value: object) -> str:
    """The dbt vars `dbt_vars` with var `name` set to `value`."""
    return json.dumps({**parsed_vars(dbt_vars), name: value}, default=str)


def with_demo_as_of_date(dbt_vars: str) -> str:
    """On the demo data, the vars with `as_of_date` pinned to the day the demo is a snapshot of,
    unless they set it: source freshness then judges the demo as of that day, not today, and the
    KPIs are the same (the data gives that as-of date anyway). Other raw data keeps the vars as
    given, so its freshness is judged against the clock and a stopped export warns."""
    raw_dir = Path(os.environ.get("REVOPS_RAW_DATA_DIR", "seeds"))
    raw_dir = raw_dir if raw_dir.is_absolute() else PROJECT_DIR / raw_dir
    if raw_dir.resolve() != DEMO_DATA_DIR.resolve() or "as_of_date" in parsed_vars(dbt_vars):
        return dbt_vars
    return with_var(dbt_vars, "as_of_date", DEMO_AS_OF_DATE)


def postgres_vars(dbt_vars: str) -> str:
    """The vars of every dbt command of a PostgreSQL build or rollback: `dbt_vars` with the demo's
    as-of date (with_demo_as_of_date) and write_audit_publish, so the marts build in marts__next.
    One set for every step, as on DuckDB, so dbt parses the project once."""
    return with_var(with_demo_as_of_date(dbt_vars), "write_audit_publish", True)


def publish_marts(action: str, dbt_vars: str) -> None:
    """Run macro publish_marts (PostgreSQL's schema swap) with `action`."""
    env = {**os.environ, "DBT_PROFILES_DIR": str(PROJECT_DIR)}
    command = [str(BIN / "dbt"), "run-operation", "publish_marts", "--args", json.dumps({"action": action})]
    run(f"{action} the marts", [*command, "--vars", dbt_vars], env)


def build_on_postgres(dbt_vars: str) -> int:
    """Load, then build and test the marts in schema marts__next; swap them in when every step passed
    (`dbt_vars` from postgres_vars)."""
    env = {**os.environ, "DBT_PROFILES_DIR": str(PROJECT_DIR)}
    try:
        publish_marts("clear", dbt_vars)
        upload = [sys.executable, str(PROJECT_DIR / "scripts" / "upload_raw_files.py")]
        run("upload the raw files (client-side COPY)", upload, env)
        load_build_and_test(env, dbt_vars)
        publish_marts("publish", dbt_vars)
    except BuildFailed as failure:
        print(f"{failure}: nothing was published; the marts BI reads are unchanged", file=sys.stderr)
        return 1
    print("published: marts holds the new build, marts__previous the one before (for rollback)")
    return 0


def rollback(layout: Layout) -> int:
    """Publish the previous build again."""
    published = layout.published_builds()
    if len(published) < 2:
        print("no previous build to roll back to", file=sys.stderr)
        return 1
    previous, current = published[-2], published[-1]
    layout.point_to(previous)
    layout.record([current, previous])
    print(f"published {previous.name} again at {layout.published} ({current.name} kept)")
    return 0


def status(layout: Layout) -> int:
    current = os.readlink(layout.published) if layout.published.is_symlink() else None
    print(f"{layout.published} -> {current or 'not a published build'}")
    for build_file in layout.published_builds():
        print(f"  {build_file.name}")
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("command", choices=["build", "rollback", "status"])
    parser.add_argument("--vars", default="{}", help="dbt vars for every step, as for dbt --vars")
    args = parser.parse_args()
    target = os.environ.get("REVOPS_TARGET", "dev")
    if target == "postgres":
        if args.command == "build":
            return build_on_postgres(postgres_vars(args.vars))
        if args.command == "rollback":
            try:
                publish_marts("rollback", postgres_vars(args.vars))
            except BuildFailed as failure:
                print(f"{failure}: the marts BI reads are unchanged", file=sys.stderr)
                return 1
            return 0
        sys.exit("status lists DuckDB build files; on PostgreSQL the builds are marts, marts__previous")
    if target != "dev":
        sys.exit(f"publish_warehouse builds the targets dev (DuckDB) and postgres, not {target}")
    published = Path(os.environ.get("REVOPS_DUCKDB_PATH", DEFAULT_PUBLISHED))
    layout = Layout(published if published.is_absolute() else PROJECT_DIR / published)
    if args.command == "build":
        return build(layout, with_demo_as_of_date(args.vars))
    if args.command == "rollback":
        return rollback(layout)
    return status(layout)


if __name__ == "__main__":
    sys.exit(main())
