"""Benchmark the warehouse at several data scales on DuckDB, PostgreSQL and Spark and write the
figures as markdown tables.

For each scale (``--scales 1,10,100``; drop one to skip it) the demo data is generated into a
temporary directory and each step a user runs is timed on each engine of ``--engines`` (default
``duckdb,postgres,spark``), every one with its peak resident memory.

DuckDB, on a throw-away file: generate, the native raw load, the seed, the models (``dbt build``
without tests), the data tests and the unit tests (``dbt test``). An incremental build is timed on a
second file: the raw data without its last day (scripts/split_raw_day.py) loaded and built, then the
whole raw data loaded and the models built again.
Then the same compiled SQL of every model runs bare in one DuckDB connection on a copy of the loaded
file, the lower bound of what the models cost (dbt's start-up and per-node overhead removed), and a
dashboard query (one KPI, one breakdown, every month) runs 30 times on ``kpi_values`` for its median
and 95th percentile latency.

PostgreSQL, on a throw-away local server (scripts/throwaway_postgres.py): the raw load (the upload
of the raw files, scripts/upload_raw_files.py, and ``load_raw_data``), the seed, the models and the
data tests. Spark, on a local session with its own warehouse and metastore directories (make
spark-venv installs it): the raw load, the seed, the models and, up to ``--spark-tests-up-to``, the
data tests. These two go in the table Engines beside DuckDB's same steps.

Printed and written to ``--out`` (default ``benchmarks/results.md``) with the machine and the ten
slowest dbt nodes on DuckDB. Nothing is asserted: speed and memory targets are read off these
figures, not enforced by timed tests.

Example: ``.venv/bin/python scripts/benchmark.py --scales 1,10 --engines duckdb,postgres``
"""

from __future__ import annotations

import argparse
import ctypes
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
from throwaway_postgres import PG_BIN, missing_binaries, throwaway_postgres

PROJECT_DIR = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
DBT = str(BIN / "dbt")
DBT_STEPS = {
    "load": [DBT, "run-operation", "load_raw_data"],
    "seed": [DBT, "seed"],
    "models": [DBT, "build", "--exclude-resource-type", "test", "unit_test", "seed"],
    "data_tests": [DBT, "test", "--exclude-resource-type", "unit_test"],
    "unit_tests": [DBT, "test", "--resource-type", "unit_test"],
}
ENGINES = {"duckdb": "DuckDB", "postgres": "PostgreSQL", "spark": "Spark"}
# Spark's driver memory when REVOPS_SPARK_DRIVER_MEMORY is not set: room for scale 100 (the profile: 4g).
SPARK_DRIVER_MEMORY = "8g"
PR_SET_CHILD_SUBREAPER = 36  # linux/prctl.h
DASHBOARD_QUERY = """
select period_start, dimension_value, value
from marts.kpi_values
where kpi_id = 'mrr' and period_grain = 'month' and dimension = 'plan_tier'
order by period_start, dimension_value
"""


def timed(label: str, command: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Run one step, fail loudly if it fails; return its wall time in seconds and its peak resident
    memory in MB: that of its process (os.wait4 reports that child's own rusage, its reaped children
    included) plus that of the largest process it leaves running when it ends (Spark's JVM), which
    this process adopts as a child subreaper while the step runs and waits for.
    Linux gives a process that execs the peak of the process it was forked from as its own: this
    process's peak is reset to its current size first (a bare run would be every later step's
    floor), and the orphans' peaks are not summed (the JVM's forked helpers report the JVM's)."""
    print(f"{label} ...", end=" ", file=sys.stderr, flush=True)
    Path("/proc/self/clear_refs").write_text("5")  # proc(5): reset the peak resident set size
    with tempfile.TemporaryFile(mode="w+") as output:
        set_child_subreaper(True)
        try:
            started = time.perf_counter()
            process = subprocess.Popen(
                command, cwd=PROJECT_DIR, env=env, stdout=output, stderr=subprocess.STDOUT
            )
            _, status, usage = os.wait4(process.pid, 0)
            elapsed = time.perf_counter() - started
            orphan_kb = 0
            while True:  # the orphans of the step, now children of this process
                try:
                    orphan_kb = max(orphan_kb, os.wait4(-1, 0)[2].ru_maxrss)
                except ChildProcessError:
                    break
        finally:
            set_child_subreaper(False)
        if os.waitstatus_to_exitcode(status) != 0:
            output.seek(0)
            sys.exit(f"{label} failed:\n{output.read()[-4000:]}")
    peak_mb = (usage.ru_maxrss + orphan_kb) / 1024
    print(f"{elapsed:.1f} s, {peak_mb:,.0f} MB", file=sys.stderr, flush=True)
    return elapsed, peak_mb


def set_child_subreaper(on: bool) -> None:
    """Linux's prctl(PR_SET_CHILD_SUBREAPER): the processes orphaned below this one become its children."""
    if ctypes.CDLL(None, use_errno=True).prctl(PR_SET_CHILD_SUBREAPER, int(on), 0, 0, 0) != 0:
        raise OSError(ctypes.get_errno(), "prctl(PR_SET_CHILD_SUBREAPER) failed")


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


def incremental_build(raw_dir: Path, work_dir: Path, env: dict[str, str]) -> dict:
    """Build the raw data without its last day on a new file (untimed), then load the whole raw data
    and time the incremental models build and its nodes."""
    first_delivery = work_dir / "raw"
    last_day = split_last_day(raw_dir, first_delivery)
    env = {**env, "REVOPS_TEST_DUCKDB_PATH": str(work_dir / "incremental.duckdb")}
    for step in ("load", "seed", "models"):
        timed(
            f"incremental: {step} without {last_day:%Y-%m-%d}",
            DBT_STEPS[step],
            {**env, "REVOPS_RAW_DATA_DIR": str(first_delivery)},
        )
    timed(f"incremental: load with {last_day:%Y-%m-%d}", DBT_STEPS["load"], env)
    elapsed, _ = timed("incremental: models", DBT_STEPS["models"], env)
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


def benchmark_scale(scale: float, seed: int, engines: list[str], spark_tests_up_to: float) -> dict:
    """Every figure of one scale, on the engines named; each engine's figures for the engines table
    under `engines`."""
    with tempfile.TemporaryDirectory(prefix="revops-benchmark-") as work:
        work_dir = Path(work)
        raw_dir = work_dir / "raw"
        generate = [sys.executable, "scripts/generate_data.py", "--quiet", "--seed", str(seed)]
        generate += ["--scale", str(scale), "--out", str(raw_dir)]
        env = {**os.environ, "DBT_PROFILES_DIR": str(PROJECT_DIR), "REVOPS_RAW_DATA_DIR": str(raw_dir)}
        figures = {"scale": scale, "engines": {}}
        figures["generate_s"], figures["generate_mb"] = timed(f"scale {scale:g}: generate", generate, env)
        figures["raw_rows"] = raw_table_rows(raw_dir)
        figures["raw_mb"] = sum(path.stat().st_size for path in raw_dir.glob("*/*.csv")) / 1e6
        if "duckdb" in engines:
            figures.update(benchmark_duckdb(scale, raw_dir, work_dir / "duckdb", env))
            figures["engines"]["duckdb"] = engine_figures(figures, figures["load_s"])
        if "spark" in engines:
            run_tests = scale <= spark_tests_up_to
            figures["engines"]["spark"] = benchmark_spark(scale, work_dir / "spark", env, run_tests)
        if "postgres" in engines:
            figures["engines"]["postgres"] = benchmark_postgres(scale, raw_dir, work_dir / "postgres", env)
    return figures


def dbt_env(work_dir: Path, env: dict[str, str]) -> dict[str, str]:
    """`env` with dbt's target path and logs in `work_dir` (made here)."""
    work_dir.mkdir(parents=True, exist_ok=True)
    return {**env, "DBT_TARGET_PATH": str(work_dir / "dbt_target"), "DBT_LOG_PATH": str(work_dir / "logs")}


def time_step(label: str, step: str, env: dict[str, str], figures: dict) -> None:
    """Run one dbt step (DBT_STEPS) and add to `figures` its wall time (`<step>_s`), peak resident
    memory (`peaks_mb`), nodes (`nodes`) and node count (`<step>_count`; not for the raw load, a
    run-operation)."""
    elapsed, peak_mb = timed(f"{label}: {step}", DBT_STEPS[step], env)
    figures[f"{step}_s"] = elapsed
    figures.setdefault("peaks_mb", {})[step] = peak_mb
    if step != "load":
        nodes = node_timings(Path(env["DBT_TARGET_PATH"]) / "run_results.json")
        figures.setdefault("nodes", {})[step], figures[f"{step}_count"] = nodes, len(nodes)


def engine_figures(figures: dict, load_s: float) -> dict:
    """What the engines table compares: the raw load, seed, models and data tests (None when not
    run) and the peak resident memory of the largest of those dbt commands."""
    return {
        "load_s": load_s,
        "seed_s": figures["seed_s"],
        "models_s": figures["models_s"],
        "models_count": figures["models_count"],
        "data_tests_s": figures.get("data_tests_s"),
        "data_tests_count": figures.get("data_tests_count"),
        "peak_mb": max(mb for step, mb in figures["peaks_mb"].items() if step != "unit_tests"),
    }


def benchmark_duckdb(scale: float, raw_dir: Path, work_dir: Path, env: dict[str, str]) -> dict:
    """Every dbt step on a throw-away DuckDB file, then the bare run, the incremental build and the
    dashboard query."""
    database = work_dir / "benchmark.duckdb"
    bare_database = work_dir / "bare" / database.name
    env = {**dbt_env(work_dir, env), "REVOPS_TARGET": "test", "REVOPS_TEST_DUCKDB_PATH": str(database)}
    bare_database.parent.mkdir()
    figures: dict = {}
    for step in DBT_STEPS:
        if step == "models":  # the bare run starts from the same loaded and seeded file
            shutil.copyfile(database, bare_database)
        time_step(f"scale {scale:g}: DuckDB", step, env, figures)
        if step == "models":
            shutil.copyfile(work_dir / "dbt_target" / "manifest.json", work_dir / "models_manifest.json")
    figures["dbt_mb"] = max(figures["peaks_mb"].values())
    print(f"scale {scale:g}: bare DuckDB ...", file=sys.stderr, flush=True)
    executed = [node for _, node in figures["nodes"]["models"]]
    figures["bare_s"] = run_bare(bare_database, work_dir / "models_manifest.json", executed)
    # This process's peak since the last step reset it: the bare run's.
    figures["bare_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    figures.update(incremental_build(raw_dir, work_dir / "incremental", env))
    figures["dashboard_ms"] = dashboard_latency_ms(database)
    figures["warehouse_mb"] = database.stat().st_size / 1e6
    nodes = figures["nodes"]["models"] + figures["nodes"]["data_tests"]
    figures["slowest"] = sorted(nodes, reverse=True)[:10]
    return figures


def benchmark_postgres(scale: float, raw_dir: Path, work_dir: Path, env: dict[str, str]) -> dict:
    """On a throw-away PostgreSQL server (scripts/throwaway_postgres.py): the upload of the raw files
    and the raw load (together the raw load), the seed, the models and the data tests."""
    label = f"scale {scale:g}: PostgreSQL"
    figures: dict = {}
    with throwaway_postgres() as server:
        env = {**dbt_env(work_dir, env), **server, "REVOPS_TARGET": "postgres"}
        upload = [sys.executable, "scripts/upload_raw_files.py", "--raw-dir", str(raw_dir)]
        upload_s, _ = timed(f"{label}: upload", upload, env)
        for step in ("load", "seed", "models", "data_tests"):
            time_step(label, step, env, figures)
    return engine_figures(figures, upload_s + figures["load_s"])


def benchmark_spark(scale: float, work_dir: Path, env: dict[str, str], run_tests: bool) -> dict:
    """On a local Spark session with its own warehouse and metastore directories: the raw load, the
    seed, the models and, if `run_tests`, the data tests."""
    env = {
        **dbt_env(work_dir, env),
        "REVOPS_TARGET": "spark",
        "REVOPS_SPARK_WAREHOUSE_DIR": str(work_dir / "spark_warehouse"),
        "REVOPS_SPARK_METASTORE_DIR": str(work_dir / "spark_metastore"),
        "REVOPS_SPARK_DRIVER_MEMORY": spark_driver_memory(),
    }
    figures: dict = {}
    for step in ("load", "seed", "models", "data_tests") if run_tests else ("load", "seed", "models"):
        time_step(f"scale {scale:g}: Spark", step, env, figures)
    return engine_figures(figures, figures["load_s"])


def spark_driver_memory() -> str:
    """REVOPS_SPARK_DRIVER_MEMORY, or SPARK_DRIVER_MEMORY when it is not set."""
    return os.environ.get("REVOPS_SPARK_DRIVER_MEMORY", SPARK_DRIVER_MEMORY)


def machine(engines: list[str]) -> str:
    """The machine and the versions of what the engines named run on."""
    cpuinfo = Path("/proc/cpuinfo").read_text().splitlines()
    cpu = next(
        (line.split(":", 1)[1].strip() for line in cpuinfo if "model name" in line), platform.processor()
    )
    memory_gb = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 1e9
    packages = {
        "duckdb": ["dbt-duckdb", "duckdb"],
        "postgres": ["dbt-postgres"],
        "spark": ["dbt-spark", "pyspark"],
    }
    names = ["dbt-core"] + [name for engine in engines for name in packages[engine]]
    versions = ", ".join(f"{name} {version(name)}" for name in names)
    if "postgres" in engines:
        server = subprocess.run(
            [PG_BIN / "postgres", "--version"], capture_output=True, text=True, check=True
        )
        versions += f", {server.stdout.strip()}"
    if "duckdb" in engines:
        memory_limit = os.environ.get("REVOPS_DUCKDB_MEMORY_LIMIT", "the profile's default")
        versions += f"; DuckDB memory_limit (REVOPS_DUCKDB_MEMORY_LIMIT): {memory_limit}"
    python = f"Python {platform.python_version()}"
    return f"{os.cpu_count()} cores ({cpu}), {memory_gb:.0f} GB, {python}, {versions}"


def markdown(results: list[dict], engines: list[str], spark_tests_up_to: float) -> str:
    """The figures of every scale as a markdown report."""
    lines = [
        f"Machine: {machine(engines)}.",
        "",
        "| | " + " | ".join(f"scale {r['scale']:g}" for r in results) + " |",
    ]
    lines.append("|---|" + "---|" * len(results))

    def row(label: str, cell, duckdb: bool = True) -> None:
        """A row of the first table; a DuckDB row only if DuckDB ran."""
        if "duckdb" in engines or not duckdb:
            lines.append(f"| {label} | " + " | ".join(cell(r) for r in results) + " |")

    row("raw rows", lambda r: f"{sum(r['raw_rows'].values()):,}", duckdb=False)
    row("raw CSV", lambda r: f"{r['raw_mb']:,.0f} MB", duckdb=False)
    row("generate", lambda r: f"{r['generate_s']:.1f} s", duckdb=False)
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
    row("peak RSS: generator", lambda r: f"{r['generate_mb']:,.0f} MB", duckdb=False)
    row("peak RSS: largest dbt command", lambda r: f"{r['dbt_mb']:,.0f} MB")
    row("peak RSS: bare run (this process)", lambda r: f"{r['bare_mb']:,.0f} MB")
    lines += ["", *engines_table(results, engines, spark_tests_up_to)]
    lines += [
        "",
        "Rows per raw table:",
        "",
        "| table | " + " | ".join(f"scale {r['scale']:g}" for r in results) + " |",
    ]
    lines.append("|---|" + "---|" * len(results))
    for table in results[0]["raw_rows"]:
        lines.append(f"| {table} | " + " | ".join(f"{r['raw_rows'].get(table, 0):,}" for r in results) + " |")
    for result in results if "duckdb" in engines else []:
        lines += ["", f"Ten slowest dbt nodes at scale {result['scale']:g}:", ""]
        lines += [f"- {seconds:.2f} s `{node}`" for seconds, node in result["slowest"]]
        lines += ["", f"Five slowest nodes of the incremental build at scale {result['scale']:g}:", ""]
        lines += [f"- {seconds:.2f} s `{node}`" for seconds, node in result["incremental_slowest"]]
    return "\n".join(lines) + "\n"


def engines_table(results: list[dict], engines: list[str], spark_tests_up_to: float) -> list[str]:
    """The lines of the table Engines: the same dbt steps on the same raw data, one column per scale
    and engine, and what to read into it."""
    columns = [r["engines"][engine] for r in results for engine in engines]
    lines = [
        "Engines: the same raw data and dbt commands on each engine.",
        "",
        "| | " + " | ".join(f"{ENGINES[e]}, scale {r['scale']:g}" for r in results for e in engines) + " |",
        "|---|" + "---|" * len(columns),
    ]

    def row(label: str, cell) -> None:
        lines.append(f"| {label} | " + " | ".join(cell(figures) for figures in columns) + " |")

    def tests(cell):
        return lambda f: "not run" if f["data_tests_s"] is None else cell(f)

    row("raw load (PostgreSQL: upload + load)", lambda f: f"{f['load_s']:.1f} s")
    row("dbt seed", lambda f: f"{f['seed_s']:.1f} s")
    row("dbt models", lambda f: f"{f['models_s']:.1f} s ({f['models_count']} nodes)")
    row("dbt data tests", tests(lambda f: f"{f['data_tests_s']:.1f} s ({f['data_tests_count']} nodes)"))
    row(
        "**dbt build: models + data tests**",
        tests(lambda f: f"**{f['models_s'] + f['data_tests_s']:.1f} s**"),
    )
    row("peak RSS: largest dbt command", lambda f: f"{f['peak_mb']:,.0f} MB")
    lines += [
        "",
        f"One {os.cpu_count()}-core machine runs every engine. DuckDB runs inside the dbt process;"
        " PostgreSQL is a throw-away local server (default settings, fsync off) whose memory is not in"
        " the peak RSS (the dbt client's); Spark is a local session inside the dbt process (driver memory"
        f" {spark_driver_memory()}, four shuffle partitions), its JVM counted in the peak RSS. A Spark"
        " cluster spreads the work over machines, and Spark's local session pays JVM start-up and"
        " per-query planning in every dbt command, so on small data DuckDB wins.",
    ]
    if "spark" in engines and any(r["scale"] > spark_tests_up_to for r in results):
        lines[-1] += (
            f" Spark's data tests ran up to scale {spark_tests_up_to:g} only (--spark-tests-up-to): above it"
            " only the models are timed."
        )
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--scales", default="1,10,100", help="comma-separated data scales (1 = the demo data)"
    )
    parser.add_argument(
        "--engines", default=",".join(ENGINES), help=f"comma-separated engines, of {', '.join(ENGINES)}"
    )
    parser.add_argument(
        "--spark-tests-up-to",
        type=float,
        default=float("inf"),
        help="the largest scale at which Spark runs the data tests (default: every scale); models only above",
    )
    parser.add_argument("--seed", type=int, default=42, help="generator seed")
    parser.add_argument(
        "--out", type=Path, default=PROJECT_DIR / "benchmarks" / "results.md", help="markdown report"
    )
    args = parser.parse_args(argv)
    scales = sorted(float(scale) for scale in args.scales.split(","))
    engines = [engine for engine in ENGINES if engine in args.engines.split(",")]
    unknown = set(args.engines.split(",")) - set(ENGINES)
    if unknown or not engines:
        parser.error(f"--engines takes a comma-separated list of {', '.join(ENGINES)}, got {args.engines!r}")
    if "postgres" in engines and (reason := missing_binaries()):
        parser.error(f"--engines postgres: {reason}")

    command = f"scripts/benchmark.py --scales {args.scales} --engines {','.join(engines)} --seed {args.seed}"
    if args.spark_tests_up_to != float("inf"):
        command += f" --spark-tests-up-to {args.spark_tests_up_to:g}"
    args.out.parent.mkdir(parents=True, exist_ok=True)
    results = []
    for scale in scales:  # the report is rewritten after each scale: a stopped run keeps the scales done
        results.append(benchmark_scale(scale, args.seed, engines, args.spark_tests_up_to))
        report = markdown(results, engines, args.spark_tests_up_to)
        args.out.write_text(f"# Benchmark results (`make bench`)\n\nCommand: `{command}`.\n\n" + report)
    print(report)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
