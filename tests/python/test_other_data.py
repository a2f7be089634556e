"""The build accepts any directory of CSVs in the raw layout, without editing a file: here, data
the generator makes from another seed, which the models have never seen, at a small scale
(breakdowns and periods with no customers at all), built and tested. The build runs on a fiscal
year starting in February (var fiscal_year_start_month), so every KPI with quarters and years also
carries fiscal quarters and fiscal years, through the same data tests. Ten times the demo data is
`make benchmark`'s (its build fails on any error); the one defect that scale found, a decimal
multiplication overflowing in currency conversion, has a unit test of its own
(acquisition_costs_seven_figure_expense)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from conftest import PROJECT_DIR, Warehouse, duckdb_env, run_dbt


def test_the_warehouse_builds_and_passes_its_tests_on_unseen_data(tmp_path: Path) -> None:
    raw_dir = tmp_path / "raw"
    subprocess.run(
        [
            sys.executable,
            "scripts/generate_data.py",
            "--seed",
            "2024",
            "--scale",
            "0.4",
            "--out",
            str(raw_dir),
            "--quiet",
        ],
        cwd=PROJECT_DIR,
        check=True,
    )
    env = duckdb_env(tmp_path / "work", raw_dir)
    run_dbt(["run-operation", "load_raw_data"], env)
    result = run_dbt(["build", "--vars", "{fiscal_year_start_month: 2}"], env)
    assert "ERROR=0" in result.output and "SKIP=0" in result.output
    grains = {
        row[0]
        for row in Warehouse(Path(env["REVOPS_TEST_DUCKDB_PATH"]), env).query(
            "select distinct period_grain from marts.kpi_values"
        )
    }
    assert {"fiscal_quarter", "fiscal_year"} <= grains
