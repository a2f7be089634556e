"""A KPI is its model and its YAML: kpi_values and the KPI catalog pick up every model whose YAML sets
config.meta.kpi_id, with no list to edit by hand (scripts/register_kpis.py writes the one dbt needs
at parse time; make build and make test run it)."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from conftest import PROJECT_DIR, Warehouse, dbt_files_in, run_dbt

REGISTER = [sys.executable, str(PROJECT_DIR / "scripts" / "register_kpis.py")]

NEW_KPI_SQL = """{#- Twice the tickets resolved, a KPI added in a test. -#}
{{ kpi_from_measures('measures_resolved_tickets_aggregated', value='resolved_tickets * 2') }}
"""

NEW_KPI_YAML = """version: 2

models:
  - name: doubled_tickets_resolved
    description: Twice the tickets resolved, a KPI a team adds.
    config:
      group: customer_experience_and_health
      meta:
        kpi_id: doubled_tickets_resolved
        label: Doubled tickets resolved
        formula: 2 x tickets resolved
        focus_area: customer experience & health
        owner: VP Customer Success
        unit: count
        direction: higher
        indicator: lagging
        cadence: monthly
        aggregation: sum
    columns:
      - {name: period_grain, data_type: varchar, description: The period grain.}
      - {name: period_start, data_type: date, description: The period's first day.}
      - {name: dimension, data_type: varchar, description: The breakdown.}
      - {name: dimension_value, data_type: varchar, description: The breakdown's value.}
      - {name: value, data_type: "numeric(38, 10)", description: Twice the tickets resolved.}
      - {name: numerator, data_type: "numeric(38, 10)", description: Null.}
      - {name: denominator, data_type: "numeric(38, 10)", description: Null.}
"""


def test_the_committed_kpi_list_is_current() -> None:
    """The generated list matches the KPI models' YAML as committed (a stale one fails here, naming
    the KPIs it misses)."""
    completed = subprocess.run([*REGISTER, "--check"], capture_output=True, text=True, check=False)
    assert completed.returncode == 0, completed.stderr


def project_copy(tmp_path: Path) -> Path:
    """A copy of the project's code (not its raw data, builds or virtualenv) to change in a test."""
    project = tmp_path / "project"
    ignored = shutil.ignore_patterns(".git", ".venv", "target", "logs", "warehouse", "seeds")
    shutil.copytree(PROJECT_DIR, project, ignore=ignored)
    shutil.copytree(PROJECT_DIR / "seeds" / "reference", project / "seeds" / "reference")
    return project


def warehouse_copy(warehouse: Warehouse, tmp_path: Path) -> Warehouse:
    """A copy of the demo warehouse, with its own dbt target and log paths."""
    database = tmp_path / "warehouse.duckdb"
    shutil.copyfile(warehouse.path, database)
    env = {
        **warehouse.env,
        "REVOPS_TEST_DUCKDB_PATH": str(database),
        **dbt_files_in(tmp_path),
    }
    return Warehouse(database, env)


def test_a_new_kpi_needs_only_its_model_and_yaml(warehouse: Warehouse, tmp_path: Path) -> None:
    """In a copy of the project, a KPI written as one model file and one YAML file (its columns with
    their types: every mart is a contract) reaches kpi_values and the catalog once the register
    runs, as it does in make build; nothing else is edited."""
    project = project_copy(tmp_path)
    (project / "models" / "marts" / "support" / "doubled_tickets_resolved.sql").write_text(NEW_KPI_SQL)
    (project / "models" / "marts" / "support" / "_doubled_tickets_resolved.yml").write_text(NEW_KPI_YAML)
    subprocess.run([*REGISTER, "--project-dir", str(project)], check=True, capture_output=True)

    built = warehouse_copy(warehouse, tmp_path)
    run_dbt(
        ["run", "--select", "doubled_tickets_resolved", "kpi_values", "kpi_catalog"],
        built.env,
        project_dir=project,
    )

    doubled = built.query(
        "select count(*), sum(value) from marts.kpi_values where kpi_id = 'doubled_tickets_resolved'"
    )[0]
    resolved = built.query(
        "select count(*), sum(value) from marts.kpi_values where kpi_id = 'tickets_resolved'"
    )[0]
    assert doubled[0] == resolved[0] > 0 and doubled[1] == 2 * resolved[1]
    assert built.query("select label from marts.kpi_catalog where kpi_id = 'doubled_tickets_resolved'") == [
        ("Doubled tickets resolved",)
    ]


def test_a_type_change_in_kpi_values_fails_its_contract(warehouse: Warehouse, tmp_path: Path) -> None:
    """kpi_values' columns and types are an enforced contract: in a copy of the project where
    period_start becomes text, the model fails to build, naming the column and both types, and the
    published table is left as it was."""
    project = project_copy(tmp_path)
    model = project / "models" / "marts" / "kpis" / "kpi_values.sql"
    model.write_text(
        model.read_text().replace(
            "cast(kpi_rows.period_start as date) as period_start",
            "cast(kpi_rows.period_start as {{ dbt.type_string() }}) as period_start",
        )
    )
    built = warehouse_copy(warehouse, tmp_path)
    result = run_dbt(["run", "--select", "kpi_values"], built.env, check=False, project_dir=project)
    assert not result.ok
    assert "contract" in result.output.lower() and "period_start" in result.output, result.output[-3000:]
    column_type = (
        "select data_type from information_schema.columns"
        " where table_name = 'kpi_values' and column_name = 'period_start'"
    )
    assert built.query(column_type) == [("DATE",)]
