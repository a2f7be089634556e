"""Lint what we write: sqlfluff on the SQL (dbt templater, in-memory DuckDB target) and ruff on the Python.

``make lint`` and tests/python/test_lint.py both run this script, so the two lint the same files the
same way. ruff runs in a thread while sqlfluff loads the dbt manifest. sqlfluff runs in this process
(``sqlfluff lint --processes 0``: one worker per core parses and lints, this process templates) with
two costs of sqlfluff 4.4.0 removed that change no finding (figures in models/DECISIONLOG.md):

- A worker sends each linted file back with its whole parse tree, which ``sqlfluff lint`` never
  reads (it keeps only the violations): 63 MB pickled for audit_raw_row_fates.sql alone. The worker
  drops the tree before sending.
- The dbt templater finds a file's node by running dbt's path selector over every manifest node
  for every file (9 s for the 233 files). The node whose original_file_path is the file is looked up
  in an index instead; a file with no single such node goes the templater's own way (skip reasons).

Example: ``.venv/bin/python scripts/lint.py``
"""

from __future__ import annotations

import os
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from importlib.metadata import version
from pathlib import Path

from sqlfluff.cli.commands import cli as sqlfluff_cli
from sqlfluff.core.linter import LintedFile
from sqlfluff.core.linter.runner import ParallelRunner
from sqlfluff_templater_dbt.templater import DbtTemplater

PROJECT_DIR = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
SQL_PATHS = ["models", "analyses", "tests"]
PYTHON_PATHS = ["scripts", "tests"]
# The two replacements below reach into these releases' internals (requirements.txt pins them).
PATCHED_RELEASE = "4.4.0"

_sqlfluff_apply = ParallelRunner._apply
_dbt_find_node = DbtTemplater._find_node


def _apply_without_tree(partial_tuple):  # type: ignore[no-untyped-def]
    """ParallelRunner._apply (run in a worker), returning the linted file without its parse tree."""
    result = _sqlfluff_apply(partial_tuple)
    return result._replace(tree=None) if isinstance(result, LintedFile) else result


def _find_node_by_path(self, fname, config=None, dbt_dir=None):  # type: ignore[no-untyped-def]
    """DbtTemplater._find_node through an index of the manifest's nodes by absolute file path."""
    index = self.__dict__.get("_nodes_by_path")
    if index is None:
        index = self.__dict__["_nodes_by_path"] = {}
        for node in self.dbt_manifest.nodes.values():
            path = os.path.abspath(os.path.join(self.project_dir, node.original_file_path))
            index.setdefault(path, []).append(node)
    nodes = index.get(os.path.abspath(fname), [])
    if len(nodes) == 1:
        return nodes[0]
    return _dbt_find_node(self, fname, config, dbt_dir or os.getcwd())


def run_ruff() -> tuple[int, str]:
    """ruff check and ruff format --check on the Python; the exit code and what ruff printed."""
    output, returncode = [], 0
    for command in (["check"], ["format", "--check"]):
        done = subprocess.run(
            [str(BIN / "ruff"), *command, *PYTHON_PATHS],
            cwd=PROJECT_DIR,
            capture_output=True,
            text=True,
            check=False,
        )
        output.append(done.stdout + done.stderr)
        returncode = returncode or done.returncode
    return returncode, "".join(output)


def run_sqlfluff() -> int:
    """sqlfluff lint on the SQL paths, in this process; its exit code."""
    for package in ("sqlfluff", "sqlfluff-templater-dbt"):
        if version(package) != PATCHED_RELEASE:
            sys.exit(
                f"scripts/lint.py replaces internals of {package} {PATCHED_RELEASE}, found {version(package)}"
            )
    ParallelRunner._apply = staticmethod(_apply_without_tree)
    DbtTemplater._find_node = _find_node_by_path
    try:
        sqlfluff_cli.main(["lint", "--processes", "0", *SQL_PATHS], prog_name="sqlfluff")
    except SystemExit as done:
        return done.code if isinstance(done.code, int) else 1
    return 0


def main() -> int:
    os.chdir(PROJECT_DIR)
    with ThreadPoolExecutor(max_workers=1) as pool:
        ruff = pool.submit(run_ruff)
        sqlfluff_code = run_sqlfluff()
        ruff_code, ruff_output = ruff.result()
    print(ruff_output, end="", flush=True)
    return sqlfluff_code or ruff_code


if __name__ == "__main__":
    sys.exit(main())
