"""Style is enforced, not suggested: scripts/lint.py, the script `make lint` runs, passes. It lints
every SQL file we write with sqlfluff (dbt templater, in-memory target) and the Python with ruff."""

from __future__ import annotations

import subprocess
import sys

from conftest import PROJECT_DIR


def test_lint_passes() -> None:
    result = subprocess.run(
        [sys.executable, str(PROJECT_DIR / "scripts" / "lint.py")],
        cwd=PROJECT_DIR,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout[-8000:] + result.stderr[-2000:]
