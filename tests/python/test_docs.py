"""Documentation is part of the feature: every model, source table and column that exists in the
built warehouse has a description in the YAML. Checked against dbt's catalog (what the warehouse
really holds), so a column added to the SQL but not to the YAML fails. The same holds for every macro
of the project and each argument of its signature, checked against the macros' own SQL."""

from __future__ import annotations

import ast
import json
import re
from pathlib import Path

# The `{% macro name(args) %}` (or `{% test name(args) %}`) line a macro's SQL starts with.
MACRO_HEADER = re.compile(r"\{%-?\s*(?:macro|test)\s+\w+\s*\((?P<arguments>.*?)\)\s*-?%\}", re.DOTALL)


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


def signature(macro_sql: str) -> list[str] | None:
    """The argument names of a macro, from its first line (None if it has no such line). A Jinja
    argument list parses as a Python one, defaults such as none or ['month'] included."""
    header = MACRO_HEADER.match(macro_sql)
    if header is None:
        return None
    arguments = ast.parse(f"def macro({header['arguments']}): pass").body[0].args
    return [argument.arg for argument in arguments.posonlyargs + arguments.args + arguments.kwonlyargs]


def is_dispatch_implementation(name: str, macros: dict[str, dict]) -> bool:
    """An engine's implementation of a dispatched macro (default__x, duckdb__x, postgres__x, ...):
    x is a macro of the project that calls adapter.dispatch('x')."""
    _, _, public_name = name.partition("__")
    public_macro = macros.get(public_name)
    return public_macro is not None and f"adapter.dispatch('{public_name}'" in public_macro["macro_sql"]


def test_every_macro_and_its_arguments_are_described(docs_target: Path) -> None:
    """Every macro of the project (generic tests included) has a description in the macros' YAML, and
    so has every argument of its signature, with a type; the engine implementations of a dispatched
    macro need only a description. Read from the test build's manifest, which lists only the
    arguments the YAML documents, so the signature is read from the macro's own SQL."""
    manifest = json.loads((docs_target / "manifest.json").read_text())

    macros = {
        macro["name"]: macro for macro in manifest["macros"].values() if macro["package_name"] == "revops"
    }
    missing = []
    for name, macro in macros.items():
        where = f"{name} ({macro['original_file_path']})"
        if not macro["description"].strip():
            missing.append(f"{where}: no description")
        arguments = signature(macro["macro_sql"])
        if arguments is None:
            missing.append(f"{where}: no {{% macro name(args) %}} line to read the arguments from")
            continue
        documented = [argument["name"] for argument in macro["arguments"]]
        described = {
            argument["name"]
            for argument in macro["arguments"]
            if (argument["description"] or "").strip() and (argument["type"] or "").strip()
        }
        if not is_dispatch_implementation(name, macros):
            missing += [
                f"{where}: argument {argument} has no description or type"
                for argument in arguments
                if argument not in described
            ]
        missing += [
            f"{where}: argument {argument} is documented but not in the signature"
            for argument in documented
            if argument not in arguments
        ]
    assert len(macros) > 80, "the manifest should hold every macro of the project"
    assert not missing, "\n".join(sorted(missing))


def test_every_mart_description_ends_with_an_example_query(docs_target: Path) -> None:
    """What BI reads comes with a query to start from: every model in the marts schema (facts,
    dimensions, KPIs, the KPI reporting tables) ends its description with an example query on itself,
    as a fenced SQL block the docs site renders as code."""
    manifest = json.loads((docs_target / "manifest.json").read_text())
    without = sorted(
        node["name"]
        for node in manifest["nodes"].values()
        if node["resource_type"] == "model"
        and node["original_file_path"].startswith("models/marts/")
        and not re.search(
            rf"```sql\n\s*select [^`]*\bfrom marts\.{node['name']}\b[^`]*\n\s*```$",
            node["description"].strip(),
        )
    )
    assert not without, "marts without an example query on themselves at the end of their description:\n" + (
        "\n".join(without)
    )
