"""Benchmark the warehouse at several data scales and write the figures as a markdown table.

For each scale (``--scales 1,10,100``; drop one to skip it) the demo data is generated into a
temporary directory and each step a user runs is timed on a throw-away DuckDB file: generate, the
native raw load, the seed, the models (``dbt build`` without tests), the data tests and the unit
tests (``dbt test``, each with its peak resident memory). An incremental build is timed on a second
file: the raw data without its last day (scripts/split_raw_day.py) loaded and built, then the whole
raw data loaded and the models built again.
Then the same compiled SQL of every model runs bare in one DuckDB connection on a copy of the loaded
file, the lower bound of what the models cost (dbt's start-up and per-node overhead removed), and a
dashboard query (one KPI, one breakdown, every month) runs 30 times on ``kpi_values`` for its median
and 95th percentile latency. Printed and written to ``--out`` (default ``benchmarks/results.md``)
with the machine and the ten slowest dbt nodes. Nothing is asserted: speed and memory targets are
read off these figures, not enforced by timed tests.

Example: ``.venv/bin/python scripts/benchmark.py --scales 1,10``
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from importlib.metadata import version
from pathlib import Path

import duckdb
from split_raw_day import split_last_day

PROJECT_DIR = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
DASHBOARD_QUERY = """
select period_start, dimension_value, value
from marts.kpi_values
where kpi_id = 'mrr' and period_grain = 'month' and dimension = 'plan_tier'
order by period_start, dimension_value
"""


def timed(label: str, command: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Run one step, fail loudly if it fails; return its wall time in seconds and the peak resident
    memory of its process in MB (os.wait4 reports that child's own rusage)."""
    print(f"{label} ...", file=sys.stderr, flush=True)
    with tempfile.TemporaryFile(mode="w+") as output:
        started = time.perf_counter()
        process = subprocess.Popen(command, cwd=PROJECT_DIR, env=env, stdout=output, stderr=subprocess.STDOUT)
        _, status, usage = os.wait4(process.pid, 0)
        elapsed = time.perf_counter() - started
        if os.waitstatus_to_exitcode(status) != 0:
            output.seek(0)
            sys.exit(f"{label} failed:\n{output.read()[-4000:]}")
    return elapsed, usage.ru_maxrss / 1024


def raw_table_rows(raw_dir: Path) -> dict[str, int]:
    """Data rows per raw CSV file (source/table), header excluded."""
    rows = {}
    for path in sorted(raw_dir.glob("*/*.csv")):
        with path.open("rb") as handle:
            rows[f"{path.parent.name}.{path.stem}"] = sum(1 for _ in handle) - 1
    return rows


def node_timings(run_results: Path) -> list[tuple[float, str]]:
    """(execution seconds, node id) of every node of the last dbt command."""
    results = json.loads(run_results.read_text())["results"]
    return [(result["execution_time"], result["unique_id"]) for result in results]


def run_bare(database: Path, manifest: Path, executed: list[str]) -> float:
    """Run the compiled SQL of every model dbt built, in dbt's order, in one DuckDB connection on
    `database` (a copy of the file after the raw load and the seed), as the table or view dbt made.
    Returns the wall time in seconds."""
    nodes = json.loads(manifest.read_text())["nodes"]
    models = [nodes[node_id] for node_id in executed if node_id.startswith("model.")]
    connection = duckdb.connect(str(database))
    started = time.perf_counter()
    for model in models:
        relation = f'"{model["schema"]}"."{model["alias"]}"'
        kind = "view" if model["config"]["materialized"] == "view" else "table"
        connection.execute(f'create schema if not exists "{model["schema"]}"')
        connection.execute(f"create or replace {kind} {relation} as {model['compiled_code']}")
    elapsed = time.perf_counter() - started
    connection.close()
    return elapsed


def incremental_build(raw_dir: Path, work_dir: Path, env: dict[str, str], dbt_steps: dict) -> dict:
    """Build the raw data without its last day on a new file (untimed), then load the whole raw data
    and time the incremental models build and its nodes."""
    first_delivery = work_dir / "raw"
    last_day = split_last_day(raw_dir, first_delivery)
    env = {**env, "REVOPS_TEST_DUCKDB_PATH": str(work_dir / "incremental.duckdb")}
    for step in ("load", "seed", "models"):
        timed(
            f"incremental: {step} without {last_day:%Y-%m-%d}",
            dbt_steps[step],
            {**env, "REVOPS_RAW_DATA_DIR": str(first_delivery)},
        )
    timed(f"incremental: load with {last_day:%Y-%m-%d}", dbt_steps["load"], env)
    elapsed, _ = timed("incremental: models", dbt_steps["models"], env)
    nodes = node_timings(Path(env["DBT_TARGET_PATH"]) / "run_results.json")
    return {"incremental_s": elapsed, "incremental_slowest": sorted(nodes, reverse=True)[:5]}


def dashboard_latency_ms(database: Path, runs: int = 30) -> tuple[float, float]:
    """Median and 95th percentile of the dashboard query, in milliseconds, on a read-only connection."""
    connection = duckdb.connect(str(database), read_only=True)
    connection.execute(DASHBOARD_QUERY).fetchall()  # warm the file cache once
    samples = []
    for _ in range(runs):
        started = time.perf_counter()
        connection.execute(DASHBOARD_QUERY).fetchall()
        samples.append((time.perf_counter() - started) * 1000)
    connection.close()
    return statistics.median(samples), statistics.quantiles(samples, n=20)[-1]


def benchmark_scale(scale: float, seed: int) -> dict:
    """Every figure of one scale."""
    with tempfile.TemporaryDirectory(prefix="revops-benchmark-") as work:
        work_dir = Path(work)
        raw_dir, target_dir = work_dir / "raw", work_dir / "dbt_target"
        database = work_dir / "benchmark.duckdb"
        env = {
            **os.environ,
            "DBT_PROFILES_DIR": str(PROJECT_DIR),
            "REVOPS_TARGET": "test",
            "REVOPS_TEST_DUCKDB_PATH": str(database),
            "REVOPS_RAW_DATA_DIR": str(raw_dir),
            "DBT_TARGET_PATH": str(target_dir),
            "DBT_LOG_PATH": str(work_dir / "logs"),
        }
        dbt = str(BIN / "dbt")
        generate = [sys.executable, "scripts/generate_data.py", "--quiet", "--seed", str(seed)]
        figures = {"scale": scale}
        generate += ["--scale", str(scale), "--out", str(raw_dir)]
        figures["generate_s"], figures["generate_mb"] = timed(f"scale {scale:g}: generate", generate, env)
        figures["raw_rows"] = raw_table_rows(raw_dir)
        figures["raw_mb"] = sum(path.stat().st_size for path in raw_dir.glob("*/*.csv")) / 1e6
        dbt_steps = {
            "load": [dbt, "run-operation", "load_raw_data"],
            "seed": [dbt, "seed"],
            "models": [dbt, "build", "--exclude-resource-type", "test", "unit_test", "seed"],
            "data_tests": [dbt, "test", "--exclude-resource-type", "unit_test"],
            "unit_tests": [dbt, "test", "--resource-type", "unit_test"],
        }
        dbt_peaks, nodes = [], {}
        bare_database = work_dir / "bare" / database.name
        for step, command in dbt_steps.items():
            if step == "models":  # the bare run starts from the same loaded and seeded file
                bare_database.parent.mkdir()
                shutil.copyfile(database, bare_database)
            figures[f"{step}_s"], peak_mb = timed(f"scale {scale:g}: {step}", command, env)
            dbt_peaks.append(peak_mb)
            nodes[step] = node_timings(target_dir / "run_results.json") if step != "load" else []
            if step == "models":
                shutil.copyfile(target_dir / "manifest.json", work_dir / "models_manifest.json")
        figures["dbt_mb"] = max(dbt_peaks)
        for step in ("models", "data_tests", "unit_tests"):
            figures[f"{step}_count"] = len(nodes[step])
        print(f"scale {scale:g}: bare DuckDB ...", file=sys.stderr, flush=True)
        executed = [node for _, node in nodes["models"]]
        figures["bare_s"] = run_bare(bare_database, work_dir / "models_manifest.json", executed)
        figures.update(incremental_build(raw_dir, work_dir / "incremental", env, dbt_steps))
        figures["dashboard_ms"] = dashboard_latency_ms(database)
        figures["warehouse_mb"] = database.stat().st_size / 1e6
        figures["slowest"] = sorted(nodes["models"] + nodes["data_tests"], reverse=True)[:10]
    # This process's peak so far: the bare runs, which grow with the scale (scales run small to large).
    figures["bare_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return figures


def machine() -> str:
    cpuinfo = Path("/proc/cpuinfo").read_text().splitlines()
    cpu = next(
        (line.split(":", 1)[1].strip() for line in cpuinfo if "model name" in line), platform.processor()
    )
    memory_gb = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 1e9
    versions = ", ".join(f"{name} {version(name)}" for name in ("dbt-core", "dbt-duckdb", "duckdb"))
    memory_limit = os.environ.get("REVOPS_DUCKDB_MEMORY_LIMIT", "the profile's default")
    return (
        f"{os.cpu_count()} cores ({cpu}), {memory_gb:.0f} GB, Python {platform.python_version()}, {versions};"
        f" DuckDB memory_limit (REVOPS_DUCKDB_MEMORY_LIMIT): {memory_limit}"
    )


def markdown(results: list[dict]) -> str:
    """The figures of every scale as a markdown report."""
    lines = [
        f"Machine: {machine()}.",
        "",
        "| | " + " | ".join(f"scale {r['scale']:g}" for r in results) + " |",
    ]
    lines.append("|---|" + "---|" * len(results))

    def row(label: str, cell) -> None:
        lines.append(f"| {label} | " + " | ".join(cell(r) for r in results) + " |")

    row("raw rows", lambda r: f"{sum(r['raw_rows'].values()):,}")
    row("raw CSV", lambda r: f"{r['raw_mb']:,.0f} MB")
    row("generate", lambda r: f"{r['generate_s']:.1f} s")
    row("native raw load", lambda r: f"{r['load_s']:.1f} s")
    row("dbt seed", lambda r: f"{r['seed_s']:.1f} s")
    row("dbt models", lambda r: f"{r['models_s']:.1f} s ({r['models_count']} nodes)")
    row("dbt data tests", lambda r: f"{r['data_tests_s']:.1f} s ({r['data_tests_count']} nodes)")
    row("**dbt build: models + data tests**", lambda r: f"**{r['models_s'] + r['data_tests_s']:.1f} s**")
    row(
        "dbt unit tests (fixed inputs: the same at every scale)",
        lambda r: f"{r['unit_tests_s']:.1f} s ({r['unit_tests_count']} nodes)",
    )
    row(
        "dbt models, incremental after one more day of raw data",
        lambda r: f"{r['incremental_s']:.1f} s ({r['incremental_s'] / r['models_s']:.0%} of the full build)",
    )
    row("models bare in one DuckDB connection", lambda r: f"{r['bare_s']:.1f} s")
    row("dbt models ÷ bare", lambda r: f"{r['models_s'] / r['bare_s']:.1f}")
    row(
        "dashboard query, median / p95",
        lambda r: f"{r['dashboard_ms'][0]:.1f} / {r['dashboard_ms'][1]:.1f} ms",
    )
    row("DuckDB file", lambda r: f"{r['warehouse_mb']:,.0f} MB")
    row("peak RSS: generator", lambda r: f"{r['generate_mb']:,.0f} MB")
    row("peak RSS: largest dbt command", lambda r: f"{r['dbt_mb']:,.0f} MB")
    row("peak RSS: bare run (this process)", lambda r: f"{r['bare_mb']:,.0f} MB")
    lines += [
        "",
        "Rows per raw table:",
        "",
        "| table | " + " | ".join(f"scale {r['scale']:g}" for r in results) + " |",
    ]
    lines.append("|---|" + "---|" * len(results))
    for table in results[0]["raw_rows"]:
        lines.append(f"| {table} | " + " | ".join(f"{r['raw_rows'].get(table, 0):,}" for r in results) + " |")
    for result in results:
        lines += ["", f"Ten slowest dbt nodes at scale {result['scale']:g}:", ""]
        lines += [f"- {seconds:.2f} s `{node}`" for seconds, node in result["slowest"]]
        lines += ["", f"Five slowest nodes of the incremental build at scale {result['scale']:g}:", ""]
        lines += [f"- {seconds:.2f} s `{node}`" for seconds, node in result["incremental_slowest"]]
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--scales", default="1,10,100", help="comma-separated data scales (1 = the demo data)"
    )
    parser.add_argument("--seed", type=int, default=42, help="generator seed")
    parser.add_argument(
        "--out", type=Path, default=PROJECT_DIR / "benchmarks" / "results.md", help="markdown report"
    )
    args = parser.parse_args(argv)
    scales = sorted(float(scale) for scale in args.scales.split(","))

    report = markdown([benchmark_scale(scale, args.seed) for scale in scales])
    print(report)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    command = f"scripts/benchmark.py --scales {args.scales} --seed {args.seed}"
    args.out.write_text(f"# Benchmark results (`make bench`)\n\nCommand: `{command}`.\n\n" + report)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
