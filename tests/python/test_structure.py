"""The project's structure, checked where it can drift: a refactoring leaves every KPI value of the demo
data as it was (a committed fingerprint of kpi_values), and the layers only flow forward (the edges of
the manifest)."""

from __future__ import annotations

import csv
import json
import os
import re
from pathlib import Path

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


# The layers, bottom up, and what each may read. A layer is a model's folder (and, in marts, its
# prefix). The quarantine (audit_raw_row_fates) decides which raw rows staging keeps; the calendar
# (intermediate/calendar and dim_date) is the one calendar every layer above staging may read. Facts
# and dimensions read intermediate models, dimensions and facts of their own area; measures read
# facts, dimensions and the rules of the intermediate layer; KPIs read facts, dimensions, measures
# and the calendar; the KPI reporting models (marts/kpis) read the KPIs. Any other edge must be
# listed, with its reason, under DECISIONLOG's "Layer exceptions".
MAY_READ = {
    "quarantine": {"source", "seed"},
    "staging": {"source", "seed", "quarantine", "staging"},
    "audit": {"source", "seed", "quarantine", "staging", "audit"},
    "calendar": {"seed", "staging", "calendar"},
    "intermediate": {"seed", "staging", "calendar", "intermediate"},
    "dimension": {"seed", "calendar", "intermediate", "dimension"},
    "fact": {"calendar", "intermediate", "dimension", "fact"},
    "measures": {"calendar", "intermediate", "dimension", "fact", "measures"},
    "kpi": {"calendar", "dimension", "fact", "measures"},
    "kpi reporting": {"calendar", "kpi", "kpi reporting", "audit"},
}
DECISIONLOG = Path(__file__).parents[2] / "models" / "DECISIONLOG.md"


def layer(node: dict) -> str:
    """The layer of a manifest node, from its folder and, in marts, its name."""
    if node["resource_type"] in ("source", "seed"):
        return node["resource_type"]
    folder = Path(node["original_file_path"]).parts[1]
    if node["name"] == "audit_raw_row_fates":
        return "quarantine"
    if node["name"] == "dim_date" or node["original_file_path"].startswith("models/intermediate/calendar/"):
        return "calendar"
    if folder != "marts":
        return folder
    if node["name"].startswith("fct_"):
        return "fact"
    if node["name"].startswith("dim_"):
        return "dimension"
    return "kpi reporting" if node["original_file_path"].startswith("models/marts/kpis/") else "kpi"


def area(node: dict) -> str:
    return Path(node["original_file_path"]).parts[2] if node["resource_type"] == "model" else ""


def listed_exceptions() -> set[tuple[str, str]]:
    """(reader, upstream) pairs listed as "- `reader` reads `upstream`: reason" in DECISIONLOG's
    "Layer exceptions" section."""
    section = DECISIONLOG.read_text().partition("\n## Layer exceptions\n")[2].partition("\n## ")[0]
    return set(re.findall(r"^- `(\w+)` reads `(\w+)`: \S", section, flags=re.MULTILINE))


def test_layers_only_flow_forward(docs_target: Path) -> None:
    """Every edge of the DAG goes from a layer to one that may read it: no intermediate model reads a
    mart, no mart reads staging, no KPI reads an intermediate model, no fact reads another area's fact.
    Each violation is named: reader, its layer, what it reads and that model's layer."""
    manifest = json.loads((docs_target / "manifest.json").read_text())
    nodes = {**manifest["nodes"], **manifest["sources"]}
    exceptions = listed_exceptions()
    violations = []
    for node in manifest["nodes"].values():
        if node["resource_type"] != "model":
            continue
        for upstream_id in node["depends_on"]["nodes"]:
            upstream = nodes[upstream_id]
            reader_layer, upstream_layer = layer(node), layer(upstream)
            allowed = upstream_layer in MAY_READ[reader_layer] and not (
                reader_layer == upstream_layer == "fact" and area(node) != area(upstream)
            )
            if not allowed and (node["name"], upstream["name"]) not in exceptions:
                violations.append(
                    f"{node['name']} ({reader_layer}, {area(node)}) reads "
                    f"{upstream['name']} ({upstream_layer}, {area(upstream)})"
                )
    assert not violations, f"{len(violations)} edges break the layers:\n" + "\n".join(sorted(violations))
