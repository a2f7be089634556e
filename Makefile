# The two commands a new user runs are `make build` and `make test` (see README.md).
PYTHON ?= python3
VENV := .venv
DBT := $(VENV)/bin/dbt
export DBT_PROFILES_DIR := $(CURDIR)
# Raw data: `make build RAW=/path/to/exports` (or REVOPS_RAW_DATA_DIR); the demo data by default.
export REVOPS_RAW_DATA_DIR := $(or $(RAW),$(REVOPS_RAW_DATA_DIR),seeds)
export REVOPS_DUCKDB_PATH ?= warehouse/revops.duckdb
# dbt vars for make build, e.g. VARS='{using_fivetran_stripe: true}'; passed to dbt through the
# environment, so the shell never parses the value.
export REVOPS_DBT_VARS := $(or $(VARS),{})
# Data scales and engines make bench runs, e.g. `make bench SCALES=1,10 ENGINES=duckdb,postgres`.
SCALES ?= 1,10,100
ENGINES ?= duckdb,postgres,spark

.PHONY: build rollback test test-engines venv spark-venv lint docs data bench export report clean

build: venv  ## load, build and test a new warehouse (file, or schemas on PostgreSQL); publish it only if all passed
	$(VENV)/bin/python scripts/publish_warehouse.py build --vars "$$REVOPS_DBT_VARS"

rollback: venv  ## publish the previous build again
	$(VENV)/bin/python scripts/publish_warehouse.py rollback

test: venv  ## the whole test suite: lint, dbt build on a test target, PostgreSQL build, Python tests
	$(VENV)/bin/python -m pytest

test-engines: spark-venv  ## every mart on Spark and PostgreSQL equals DuckDB, on the demo data and the bad-input fixtures (about an hour on two cores)
	$(VENV)/bin/python -m pytest -m engines -n 0 tests/python/test_engines.py

venv: $(VENV)/.installed  ## a local virtualenv with the pinned stack

spark-venv: $(VENV)/.spark-installed  ## add dbt-spark and pyspark (requirements-spark.txt) to the venv, for REVOPS_TARGET=spark

$(VENV)/.spark-installed: $(VENV)/.installed requirements-spark.txt
	$(VENV)/bin/pip install --quiet --disable-pip-version-check -r requirements.txt -r requirements-spark.txt
	@touch $@

$(VENV)/.installed: requirements.txt
	@echo "== installing the pinned stack (requirements.txt) into $(VENV): about 1.5 minutes, once"
	$(PYTHON) -m venv $(VENV)
	$(VENV)/bin/pip install --quiet --disable-pip-version-check -r requirements.txt
	@touch $@

lint: venv  ## sqlfluff (dbt templater, in-memory target, one worker per core) and ruff; tests/python/test_lint.py runs the same script
	$(VENV)/bin/python scripts/lint.py

docs: venv  ## generate the dbt docs and serve them on http://127.0.0.1:8080 (scripts/docs_site.py says why not dbt docs serve)
	$(DBT) docs generate --quiet && $(VENV)/bin/python scripts/docs_site.py target/index.html \
		&& $(VENV)/bin/python -m http.server 8080 --bind 127.0.0.1 --directory target

data: venv  ## regenerate the committed demo data in seeds/ (deterministic)
	$(VENV)/bin/python scripts/generate_data.py --out seeds

bench: spark-venv  ## at SCALES (default 1,10,100): time generate, load, seed, models, data and unit tests, an incremental build, bare DuckDB and a dashboard query on DuckDB, and load, seed, models and data tests on PostgreSQL and Spark (ENGINES, default duckdb,postgres,spark); writes benchmarks/results.md
	$(VENV)/bin/python scripts/benchmark.py --scales $(SCALES) --engines $(ENGINES)

export: venv  ## write every marts table to warehouse/parquet/<table>.parquet for Parquet readers
	$(VENV)/bin/python scripts/export_marts.py --out warehouse/parquet

report: venv  ## render the KPI report (one offline HTML file) from the warehouse `make build` made
	$(VENV)/bin/python scripts/render_report.py --warehouse $(REVOPS_DUCKDB_PATH) --out warehouse/kpi_report.html

clean:  ## remove build output (not the venv)
	rm -rf target logs warehouse
