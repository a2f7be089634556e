"""Readers never see half a build: `make build` (scripts/publish_warehouse.py) builds and tests a new
DuckDB file and publishes it with one atomic rename only when everything passed.

Proved with real processes: a reader process queries kpi_values and two marts in a loop, one
connection per round, while a build is killed midway, a build fails a data test, and a build
succeeds. Every reader query must succeed, and every round's answer must be entirely the previous
build's or entirely the new build's (a hash of the answers). The builds are published over a copy of
the demo warehouse and run on data the models have never seen: the generator's output for another
seed at a tenth of the demo scale (breakdowns and periods with no customers at all), which the
passing build must take without editing a file, every data test green. That build runs on a fiscal
year starting in February (var fiscal_year_start_month), so every KPI with quarters and years also
carries fiscal quarters and fiscal years through the same data tests. Ten times the demo data is
`make bench`'s (its build fails on any error); the one defect that scale found, a decimal
multiplication overflowing in currency conversion, has unit test acquisition_costs_seven_figure_expense."""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

import duckdb
from conftest import (
    PROJECT_DIR,
    PUBLISH,
    Warehouse,
    assert_every_round_saw_one_build,
    dbt_files_in,
    kill_a_build_midway,
    reader_process,
    run_dbt,
)
from publish_warehouse import DEMO_AS_OF_DATE, Layout

READER_QUERIES = [
    "select count(*), sum(value) from marts.kpi_values",
    "select count(*), count(distinct customer_id) from marts.dim_customers",
    "select count(*), sum(amount) from marts.fct_opportunities",
]
# A round opens the file anew, as a BI tool reconnecting does: about 50 ms of CPU, so a round every
# quarter of a second leaves the builds the cores.
READER = """
import hashlib, sys, time
from pathlib import Path
import duckdb
published, stop, log, queries = Path(sys.argv[1]), Path(sys.argv[2]), Path(sys.argv[3]), sys.argv[4:]
with log.open("w") as out:
    while not stop.exists():
        try:
            with duckdb.connect(str(published), read_only=True) as connection:
                answers = [connection.execute(query).fetchone() for query in queries]
            out.write("ok " + hashlib.sha256(repr(answers).encode()).hexdigest() + "\\n")
        except Exception as error:
            out.write("error " + repr(error).replace("\\n", " ") + "\\n")
        out.flush()
        time.sleep(0.25)
"""


def answers_hash(path: Path) -> str:
    """The hash a reader's round gives for the build at `path`."""
    with duckdb.connect(str(path), read_only=True) as connection:
        answers = [connection.execute(query).fetchone() for query in READER_QUERIES]
    return hashlib.sha256(repr(answers).encode()).hexdigest()


def test_readers_see_the_old_build_or_the_new_one_never_a_mix(warehouse: Warehouse, tmp_path: Path) -> None:
    layout = Layout(tmp_path / "warehouse" / "revops.duckdb")
    first_build = layout.builds / "revops-first.duckdb"
    layout.builds.mkdir(parents=True)
    shutil.copyfile(warehouse.path, first_build)
    layout.point_to(first_build)
    layout.record([first_build])
    old_hash = answers_hash(layout.published)

    raw_dir = tmp_path / "raw"
    subprocess.run(
        [
            sys.executable,
            "scripts/generate_data.py",
            "--seed",
            "7",
            "--scale",
            "0.1",
            "--out",
            str(raw_dir),
            "--quiet",
        ],
        cwd=PROJECT_DIR,
        check=True,
    )
    failing_raw_dir = tmp_path / "raw_failing"
    shutil.copytree(raw_dir, failing_raw_dir)
    fx_rates = failing_raw_dir / "revops" / "fx_rates.csv"
    # A reporting-currency rate other than 1 fails a data test of stg_revops__fx_rates, which nearly
    # every model depends on, so dbt skips them and the failing build is short.
    fx_rates.write_text(
        re.sub(r"^([0-9-]+),USD,[0-9.]+,", r"\1,USD,2,", fx_rates.read_text(), count=1, flags=re.M)
    )

    env = {
        **os.environ,
        "REVOPS_TARGET": "dev",
        "REVOPS_DUCKDB_PATH": str(layout.published),
        **dbt_files_in(tmp_path),
    }
    with reader_process(READER, str(layout.published), READER_QUERIES, tmp_path) as log:
        # (b) A build killed midway, while dbt builds the models.
        kill_a_build_midway(["build"], {**env, "REVOPS_RAW_DATA_DIR": str(raw_dir)}, seconds=8)
        assert answers_hash(layout.published) == old_hash

        # (c) A build whose data tests fail: not published, its file removed.
        failing = subprocess.run(
            [*PUBLISH, "build"],
            env={**env, "REVOPS_RAW_DATA_DIR": str(failing_raw_dir)},
            cwd=PROJECT_DIR,
            capture_output=True,
            text=True,
            check=False,
        )
        assert failing.returncode == 1 and "nothing was published" in failing.stderr, failing.stdout[-3000:]
        assert answers_hash(layout.published) == old_hash

        # (a) A build that passes, on a February fiscal year: published.
        passing = subprocess.run(
            [*PUBLISH, "build", "--vars", "{fiscal_year_start_month: 2}"],
            env={**env, "REVOPS_RAW_DATA_DIR": str(raw_dir)},
            cwd=PROJECT_DIR,
            capture_output=True,
            text=True,
            check=False,
        )
        assert passing.returncode == 0, passing.stdout[-3000:] + passing.stderr[-3000:]
        assert "ERROR=0" in passing.stdout and "SKIP=0" in passing.stdout, passing.stdout[-3000:]
        new_hash = answers_hash(layout.published)
        assert new_hash != old_hash
        time.sleep(1)
    with duckdb.connect(str(layout.published), read_only=True) as connection:
        grains = {
            row[0]
            for row in connection.execute("select distinct period_grain from marts.kpi_values").fetchall()
        }
    assert {"fiscal_quarter", "fiscal_year"} <= grains

    assert_every_round_saw_one_build(log, old_hash, new_hash)

    # The killed and the failed builds left nothing behind; the previous build is kept for rollback.
    assert sorted(path.name for path in layout.builds.glob("*.duckdb")) == sorted(
        path.name for path in layout.published_builds()
    )
    subprocess.run([*PUBLISH, "rollback"], env=env, cwd=PROJECT_DIR, check=True, capture_output=True)
    assert answers_hash(layout.published) == old_hash


def freshness_statuses(warehouse: Warehouse, as_of_date: str) -> dict[str, str]:
    """`dbt source freshness` with var as_of_date: the status of every source table it checks."""
    result = run_dbt(["source", "freshness", "--vars", json.dumps({"as_of_date": as_of_date})], warehouse.env)
    return dict(
        (table, status)
        for status, table in re.findall(r"\d+ of \d+ (PASS|WARN|ERROR\w*) freshness of (\S+)", result.output)
    )


def test_freshness_is_judged_as_of_the_as_of_date(warehouse: Warehouse) -> None:
    """make build pins var as_of_date on the demo data to the day the data itself gives (checked
    here), and freshness is then judged as of the end of that day: every checked table passes, so
    the demo build prints no freshness warning. Three weeks later the daily feeds warn while the
    quarterly ones (quotas, NPS waves) do not; reference tables (stages, holidays, targets, ...) are
    never checked. Without the var, freshness uses the clock (not tested: it depends on today)."""
    ((as_of_date,),) = warehouse.query("select as_of_date from intermediate.int_calendar_bounds_computed")
    assert str(as_of_date) == DEMO_AS_OF_DATE
    fresh = freshness_statuses(warehouse, DEMO_AS_OF_DATE)
    assert len(fresh) == 30 and set(fresh.values()) == {"PASS"}, fresh
    assert not {"crm.opportunity_stages", "support.holidays", "revops.kpi_targets"} & fresh.keys()
    stale = freshness_statuses(warehouse, "2026-01-21")
    assert stale.keys() == fresh.keys()
    assert stale["crm.leads"] == stale["billing.invoices"] == stale["revops.fx_rates"] == "WARN", stale
    assert stale["crm.quotas"] == stale["support.nps_responses"] == "PASS", stale
