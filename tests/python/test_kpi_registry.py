"""A KPI is its model and its YAML: kpi_values and the KPI catalog pick up every model whose YAML sets
config.meta.kpi_id, with no list to edit by hand (scripts/register_kpis.py writes the one dbt needs
at parse time; make build and make test run it)."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from conftest import PROJECT_DIR, Warehouse, run_dbt

REGISTER = [sys.executable, str(PROJECT_DIR / "scripts" / "register_kpis.py")]

NEW_KPI_SQL = """{#- Twice the tickets resolved, a KPI added in a test. -#}
{{ kpi_from_measures('int_resolved_ticket_measures_aggregated', value='resolved_tickets * 2') }}
"""

NEW_KPI_YAML = """version: 2

models:
  - name: doubled_tickets_resolved
    description: Twice the tickets resolved, a KPI a team adds.
    config:
      meta:
        kpi_id: doubled_tickets_resolved
        label: Doubled tickets resolved
        formula: 2 x tickets resolved
        focus_area: customer experience & health
        owner: revops_analytics
        unit: count
        direction: higher
        indicator: lagging
        cadence: monthly
        aggregation: sum
    columns:
      - name: period_grain
        description: The period grain.
"""


def test_the_committed_kpi_list_is_current() -> None:
    """The generated list matches the KPI models' YAML as committed (a stale one fails here, naming
    the KPIs it misses)."""
    completed = subprocess.run([*REGISTER, "--check"], capture_output=True, text=True, check=False)
    assert completed.returncode == 0, completed.stderr


def test_a_new_kpi_needs_only_its_model_and_yaml(warehouse: Warehouse, tmp_path: Path) -> None:
    """In a copy of the project, a KPI written as one model file and one YAML file reaches kpi_values
    and the catalog once the register runs, as it does in make build; nothing else is edited."""
    project = tmp_path / "project"
    shutil.copytree(
        PROJECT_DIR,
        project,
        ignore=shutil.ignore_patterns(".git", ".venv", "target", "logs", "warehouse", "seeds"),
    )
    shutil.copytree(PROJECT_DIR / "seeds" / "reference", project / "seeds" / "reference")
    (project / "models" / "marts" / "support" / "doubled_tickets_resolved.sql").write_text(NEW_KPI_SQL)
    (project / "models" / "marts" / "support" / "_doubled_tickets_resolved.yml").write_text(NEW_KPI_YAML)
    subprocess.run([*REGISTER, "--project-dir", str(project)], check=True, capture_output=True)

    database = tmp_path / "warehouse.duckdb"
    shutil.copyfile(warehouse.path, database)
    env = {
        **warehouse.env,
        "REVOPS_TEST_DUCKDB_PATH": str(database),
        "DBT_TARGET_PATH": str(tmp_path / "dbt_target"),
        "DBT_LOG_PATH": str(tmp_path / "logs"),
    }
    run_dbt(
        ["run", "--select", "doubled_tickets_resolved", "kpi_values", "kpi_catalog"], env, project_dir=project
    )

    built = Warehouse(database, env)
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
