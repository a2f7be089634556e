"""Documentation is part of the feature: every model, source table and column that exists in the
built warehouse has a description in the YAML. Checked against dbt's catalog (what the warehouse
really holds), so a column added to the SQL but not to the YAML fails."""

from __future__ import annotations

import json
from pathlib import Path


def test_every_model_source_and_column_in_the_warehouse_is_described(docs_target: Path) -> None:
    target = docs_target
    manifest = json.loads((target / "manifest.json").read_text())
    catalog = json.loads((target / "catalog.json").read_text())

    documented = {**manifest["nodes"], **manifest["sources"]}
    built = {**catalog["nodes"], **catalog["sources"]}
    missing = []
    for unique_id, relation in built.items():
        node = documented[unique_id]
        if node["resource_type"] not in ("model", "source"):
            continue
        if not node["description"].strip():
            missing.append(f"{unique_id}: no description")
        columns = node["columns"].items()
        described = {name.lower() for name, column in columns if column["description"].strip()}
        missing += [
            f"{unique_id}.{name}: no description"
            for name in relation["columns"]
            if name.lower() not in described
        ]
    assert len(built) > 60, "the catalog should hold every model and source table"
    assert not missing, "\n".join(sorted(missing))
