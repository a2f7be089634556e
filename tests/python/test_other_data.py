"""The build accepts any directory of CSVs in the raw layout, without editing a file: here, data
the generator makes from another seed, which the models have never seen, at two scales: small
(breakdowns and periods with no customers at all), built and tested, and ten times the demo data
(amounts large enough to overflow a narrow decimal multiplication, which once broke CAC at that
scale), where building the models is the check: the data tests ran on the same SQL at the small
scale, and at this scale they would double the suite's longest step. The small build also runs on
a fiscal year starting in February (var fiscal_year_start_month), so every KPI with quarters and
years also carries fiscal quarters and fiscal years, through the same data tests."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from conftest import PROJECT_DIR, Warehouse, duckdb_env, run_dbt


@pytest.mark.parametrize(
    ("scale", "build_args"),
    [
        ("0.4", ["--vars", "{fiscal_year_start_month: 2}"]),
        ("10", ["--resource-type", "seed", "--resource-type", "model"]),
    ],
)
def test_the_warehouse_builds_and_passes_its_tests_on_unseen_data(
    tmp_path: Path, scale: str, build_args: list[str]
) -> None:
    raw_dir = tmp_path / "raw"
    subprocess.run(
        [
            sys.executable,
            "scripts/generate_data.py",
            "--seed",
            "2024",
            "--scale",
            scale,
            "--out",
            str(raw_dir),
            "--quiet",
        ],
        cwd=PROJECT_DIR,
        check=True,
    )
    env = duckdb_env(tmp_path / "work", raw_dir)
    run_dbt(["run-operation", "load_raw_data"], env)
    result = run_dbt(["build", *build_args], env)
    assert "ERROR=0" in result.output and "SKIP=0" in result.output
    if "fiscal_year_start_month" in " ".join(build_args):
        grains = {
            row[0]
            for row in Warehouse(Path(env["REVOPS_TEST_DUCKDB_PATH"]), env).query(
                "select distinct period_grain from marts.kpi_values"
            )
        }
        assert {"fiscal_quarter", "fiscal_year"} <= grains
