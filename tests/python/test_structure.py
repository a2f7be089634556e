"""The project's structure, checked where it can drift: a refactoring leaves every KPI value of the demo
data as it was (a committed fingerprint of kpi_values), the layers only flow forward (the edges of
the manifest), and every KPI has the one KPI shape."""

from __future__ import annotations

import csv
import json
import os
from pathlib import Path

import project_layers
from conftest import Warehouse

FINGERPRINT = Path(__file__).with_name("kpi_values_fingerprint.csv")

# One line per KPI: its row count and an md5 of all its rows (every column as text, rows sorted), so
# a change in any value, period, dimension or null reason of the demo data changes the KPI's hash.
FINGERPRINT_SQL = """
select kpi_id, count(*) as row_count, md5(string_agg(row_text, '|' order by row_text)) as rows_md5
from (
    select kpi_id, concat_ws(',', period_grain, period_start, dimension, dimension_value,
        coalesce(cast(value as varchar), '-'), coalesce(cast(numerator as varchar), '-'),
        coalesce(cast(denominator as varchar), '-'), coalesce(null_reason, '-')) as row_text
    from marts.kpi_values
)
group by kpi_id
order by kpi_id
"""


def test_kpi_values_on_the_demo_data_match_the_committed_fingerprint(warehouse: Warehouse) -> None:
    """A regression guard for refactoring, not a proof of correctness (the unit tests and the
    reconciliations are that): the demo build's kpi_values equal, KPI by KPI, the fingerprint
    committed with the last intended change of a value. After an intended change, rewrite it with
    REVOPS_WRITE_FINGERPRINT=1 and say in the commit which KPIs changed and why."""
    rows = [tuple(map(str, row)) for row in warehouse.query(FINGERPRINT_SQL)]
    if os.environ.get("REVOPS_WRITE_FINGERPRINT") == "1":
        with FINGERPRINT.open("w", newline="") as file:
            csv.writer(file).writerows([("kpi_id", "row_count", "rows_md5"), *rows])
    with FINGERPRINT.open(newline="") as file:
        expected = {row[0]: tuple(row) for row in list(csv.reader(file))[1:]}
    actual = {row[0]: row for row in rows}
    changed = [
        f"{kpi_id}: committed {expected.get(kpi_id, 'absent')}, built {actual.get(kpi_id, 'absent')}"
        for kpi_id in sorted(expected.keys() | actual.keys())
        if expected.get(kpi_id) != actual.get(kpi_id)
    ]
    assert len(expected) > 70, "the fingerprint should list every KPI"
    assert not changed, "kpi_values changed on the demo data:\n" + "\n".join(changed)


def test_layers_only_flow_forward(docs_target: Path) -> None:
    """Every edge of the DAG goes from a layer to one that may read it (scripts/project_layers.py):
    no intermediate model reads a mart, no mart reads staging, no KPI reads an intermediate model, no
    fact reads another area's fact, unless the DECISIONLOG lists the edge with its reason. Each
    violation is named: reader, its layer, what it reads and that model's layer."""
    manifest = json.loads((docs_target / "manifest.json").read_text())
    found = project_layers.violations(manifest)
    assert not found, f"{len(found)} edges break the layers:\n" + "\n".join(found)


def test_every_kpi_is_one_declarative_call_unless_the_decisionlog_says_why(docs_target: Path) -> None:
    """One KPI shape: each KPI model is its header comment and one kpi_from_measures call naming the
    measures model, the measure (or measure over measure), grains and breakdowns; the arithmetic
    lives in the measures, and the KPI's description names the measures model and columns it uses.
    The few exceptions are listed in the DECISIONLOG with their reasons, and a listed model that
    has the shape (or is gone) fails too, so the list stays true."""
    manifest = json.loads((docs_target / "manifest.json").read_text())
    found = project_layers.shape_violations(manifest)
    assert not found, f"{len(found)} KPI models break the one KPI shape:\n" + "\n".join(found)


def test_unit_test_names_fit_postgres_relation_names(docs_target: Path) -> None:
    """dbt names a unit test's temporary relation after the test; PostgreSQL refuses names over 63
    characters, so a longer name passes on DuckDB and errors on PostgreSQL."""
    manifest = json.loads((docs_target / "manifest.json").read_text())
    too_long = sorted(test["name"] for test in manifest["unit_tests"].values() if len(test["name"]) > 63)
    assert not too_long, "unit test names over 63 characters:\n" + "\n".join(too_long)


def test_the_readme_diagram_is_the_manifest_s(docs_target: Path) -> None:
    """The README's architecture diagram is what scripts/project_layers.py draws from the build's
    manifest: layers, folders, model counts and the edges between layers never go stale."""
    manifest = json.loads((docs_target / "manifest.json").read_text())
    readme = project_layers.README.read_text()
    assert project_layers.DIAGRAM_START in readme, "the README has no layers diagram"
    assert readme == project_layers.readme_with_diagram(readme, manifest), (
        "the README's layers diagram is stale: run .venv/bin/python scripts/project_layers.py "
        "--manifest target/manifest.json --write after make build"
    )


def test_no_model_is_over_200_lines_without_saying_why() -> None:
    """A model reads in one sitting: a SQL file over 200 lines says in its header comment why it is
    longer ("Longer than 200 lines because ...")."""
    too_long = [
        f"{path.relative_to(project_layers.PROJECT_DIR)}: {lines} lines"
        for path in sorted((project_layers.PROJECT_DIR / "models").rglob("*.sql"))
        if (lines := len(path.read_text().splitlines())) > 200
        and "Longer than 200 lines because" not in " ".join(path.read_text().partition("-#}")[0].split())
    ]
    assert not too_long, "models over 200 lines without a reason in their header:\n" + "\n".join(too_long)
