"""Style is enforced, not suggested: sqlfluff (dbt templater, in-memory target) on every SQL file
we write, and ruff on the Python."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from conftest import PROJECT_DIR

BIN = Path(sys.executable).parent


def run(command: list[str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(command, cwd=PROJECT_DIR, capture_output=True, text=True, check=False)


def test_sqlfluff_passes_on_every_sql_file() -> None:
    result = run([str(BIN / "sqlfluff"), "lint", "--processes", "2", "models", "analyses", "macros", "tests"])
    assert result.returncode == 0, result.stdout[-8000:] + result.stderr[-2000:]


def test_ruff_passes_on_scripts_and_tests() -> None:
    check = run([str(BIN / "ruff"), "check", "scripts", "tests"])
    assert check.returncode == 0, check.stdout
    formatted = run([str(BIN / "ruff"), "format", "--check", "scripts", "tests"])
    assert formatted.returncode == 0, formatted.stdout
