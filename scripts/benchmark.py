"""Benchmark the warehouse build at a chosen data scale and print the figures.

Generates demo raw data at ``--scale`` into a temporary directory, then times each step a user
runs (generate, native raw load, ``dbt build``) on a throw-away DuckDB file, and prints wall time,
raw rows and the peak memory of the dbt processes. Nothing is asserted: speed and memory targets
are read off these figures, not enforced by timed tests.

Example: ``.venv/bin/python scripts/benchmark.py --scale 5``
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

PROJECT_DIR = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent


def timed(label: str, command: list[str], env: dict[str, str]) -> float:
    """Run one step, fail loudly if it fails, return its wall time in seconds."""
    print(f"{label} ...", file=sys.stderr, flush=True)
    started = time.perf_counter()
    completed = subprocess.run(command, cwd=PROJECT_DIR, env=env, capture_output=True, text=True, check=False)
    elapsed = time.perf_counter() - started
    if completed.returncode != 0:
        sys.exit(f"{label} failed:\n{(completed.stdout + completed.stderr)[-4000:]}")
    return elapsed


def count_rows(raw_dir: Path) -> int:
    total = 0
    for path in raw_dir.glob("*/*.csv"):
        with path.open("rb") as handle:
            total += sum(1 for _ in handle) - 1
    return total


def slowest_nodes(run_results: Path, count: int) -> list[tuple[float, str]]:
    """The `count` dbt nodes of the last command that took longest, from its run_results.json."""
    results = json.loads(run_results.read_text())["results"]
    timings = sorted(((result["execution_time"], result["unique_id"]) for result in results), reverse=True)
    return timings[:count]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--scale", type=float, default=5.0, help="demo data scale (1 = the committed data)")
    parser.add_argument("--seed", type=int, default=42, help="generator seed")
    args = parser.parse_args(argv)

    with tempfile.TemporaryDirectory(prefix="revops-benchmark-") as work:
        work_dir = Path(work)
        raw_dir = work_dir / "raw"
        env = {
            **os.environ,
            "DBT_PROFILES_DIR": str(PROJECT_DIR),
            "REVOPS_TARGET": "test",
            "REVOPS_TEST_DUCKDB_PATH": str(work_dir / "benchmark.duckdb"),
            "REVOPS_RAW_DATA_DIR": str(raw_dir),
            "DBT_TARGET_PATH": str(work_dir / "dbt_target"),
            "DBT_LOG_PATH": str(work_dir / "logs"),
        }
        generate = [sys.executable, "scripts/generate_data.py", "--quiet", "--seed", str(args.seed)]
        generate += ["--scale", str(args.scale), "--out", str(raw_dir)]
        figures = {
            "generate_s": timed("generate", generate, env),
            "load_raw_s": timed("load raw data", [str(BIN / "dbt"), "run-operation", "load_raw_data"], env),
            "dbt_build_s": timed("dbt build", [str(BIN / "dbt"), "build"], env),
        }
        slowest = slowest_nodes(work_dir / "dbt_target" / "run_results.json", 5)
        raw_rows = count_rows(raw_dir)
        raw_mb = sum(path.stat().st_size for path in raw_dir.glob("*/*.csv")) / 1e6
        warehouse_mb = (work_dir / "benchmark.duckdb").stat().st_size / 1e6

    peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(f"scale {args.scale:g}: {raw_rows:,} rows ({raw_mb:.1f} MB CSV), DuckDB file {warehouse_mb:.1f} MB")
    for name, seconds in figures.items():
        print(f"  {name:<12} {seconds:7.1f}")
    print(f"  peak memory of one step: {peak_mb:,.0f} MB")
    print("  slowest dbt nodes (s):")
    for seconds, node in slowest:
        print(f"    {seconds:6.2f}  {node}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
