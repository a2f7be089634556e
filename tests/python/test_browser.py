"""What a reader sees, checked in a real headless browser (Debian's chromium and chromedriver).

The KPI report (scripts/render_report.py) rendered from the test warehouse, and the generated dbt
docs site, are served over HTTP on 127.0.0.1 and opened in chromium. One browser session for the
module. Chromium runs with background networking off: the machine may have no network at all.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from decimal import Decimal
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from conftest import PROJECT_DIR, SEEDS_DIR, Warehouse, append_rows, duckdb_env, run_dbt
from render_report import markdown_to_html
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.remote.webdriver import WebDriver
from selenium.webdriver.support.ui import WebDriverWait

CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")
RENDER_REPORT = PROJECT_DIR / "scripts" / "render_report.py"
CHROMIUM_FLAGS = (
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
    "--window-size=1280,1000",
)
REPORT_SECTIONS = (
    "scorecard",
    "executive-summary",
    "performance-vs-targets",
    "metric-drill-downs",
    "cohort-retention",
    "action-items",
    "appendix",
)


def ensure_chromium() -> None:
    """Install Debian's chromium and chromium-driver when missing (CI runs as root on bookworm)."""
    if CHROMIUM.exists() and CHROMEDRIVER.exists():
        return
    if os.geteuid() != 0:
        pytest.fail(
            f"{CHROMIUM} or {CHROMEDRIVER} is missing and this user cannot install them: run"
            " `sudo apt-get install -y chromium chromium-driver` (Debian) and re-run the tests."
        )
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    for command in (["apt-get", "update"], ["apt-get", "install", "-y", "chromium", "chromium-driver"]):
        completed = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
        if completed.returncode != 0:
            pytest.fail(f"{' '.join(command)} failed:\n{(completed.stdout + completed.stderr)[-4000:]}")


def test_missing_chromium_without_root_fails_with_the_install_command(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(sys.modules[__name__], "CHROMIUM", Path("/nonexistent/chromium"))
    monkeypatch.setattr(os, "geteuid", lambda: 1000)
    with pytest.raises(pytest.fail.Exception, match="apt-get install -y chromium chromium-driver"):
        ensure_chromium()


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[WebDriver]:
    """One headless chromium for the module, driven through the system chromedriver (no downloads)."""
    ensure_chromium()
    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for flag in CHROMIUM_FLAGS:
        options.add_argument(flag)
    options.add_argument(f"--user-data-dir={tmp_path_factory.mktemp('chromium-profile')}")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SE_OFFLINE", "true")  # Selenium Manager must never fetch a driver
        driver = webdriver.Chrome(options=options, service=Service(str(CHROMEDRIVER)))
    driver.set_page_load_timeout(60)
    yield driver
    driver.quit()


class QuietHandler(SimpleHTTPRequestHandler):
    """Static files without a log line per request."""

    def log_message(self, format: str, *args: object) -> None:
        pass


@contextmanager
def serve(directory: Path) -> Iterator[str]:
    """Serve `directory` over HTTP on 127.0.0.1 and a free port; yield its base URL."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(QuietHandler, directory=str(directory)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


COMMENTARY = "Price increase landed in the enterprise tier; expect the effect to fade next quarter."


def render_report(warehouse: Warehouse, out: Path, timezone: str = "UTC") -> Path:
    """Run the report script as a user does, with owner commentary for `mrr`; return the HTML file."""
    commentary = out.with_suffix(".yml")
    commentary.write_text(f"mrr: {COMMENTARY}\n")
    completed = subprocess.run(
        [
            sys.executable,
            str(RENDER_REPORT),
            *("--warehouse", str(warehouse.path), "--out", str(out), "--commentary", str(commentary)),
        ],
        env={**os.environ, "TZ": timezone},
        capture_output=True,
        text=True,
        check=False,
    )
    assert completed.returncode == 0, completed.stdout + completed.stderr
    assert str(out) in completed.stdout and "KPIs rendered" in completed.stdout
    return out


@pytest.fixture(scope="module")
def report(warehouse: Warehouse, tmp_path_factory: pytest.TempPathFactory) -> Path:
    return render_report(warehouse, tmp_path_factory.mktemp("report") / "kpi_report.html")


def words(text: str) -> str:
    """Text as a reader sees it: markdown marks dropped, whitespace collapsed."""
    return " ".join(text.replace("`", "").replace("**", "").split())


# Each chart: its rendered size, and the drawn actual line (a path with at least one segment).
CHARTS_JS = """
return Array.from(document.querySelectorAll('figure.trend-chart')).map(figure => {
  const svg = figure.querySelector('svg');
  const box = svg ? svg.getBoundingClientRect() : {width: 0, height: 0};
  const line = figure.querySelector('g[id^="actual-"] path');
  const lineBox = line ? line.getBoundingClientRect() : {width: 0, height: 0};
  return {kpi_id: figure.dataset.kpiId, width: box.width, height: box.height,
          segments: line ? (line.getAttribute('d').match(/L/g) || []).length : 0,
          line_width: lineBox.width};
});
"""


def test_report_shows_every_kpi_with_a_drawn_chart_and_every_section(
    browser: WebDriver, report: Path, warehouse: Warehouse
) -> None:
    with serve(report.parent) as base_url:
        browser.get(f"{base_url}/{report.name}#kpi-arr")
        # Collapsed, the page scans: a drill-down is open only for a KPI on the scorecard, and a link
        # to another KPI opens it.
        linked_open = browser.execute_script("return document.getElementById('kpi-arr').open")
        browser.get(f"{base_url}/{report.name}")
        collapsed_height = browser.execute_script("return document.documentElement.scrollHeight")
        open_drilldowns = {
            node.get_attribute("data-kpi-id")
            for node in browser.find_elements(By.CSS_SELECTOR, "details.kpi-drilldown[open]")
        }
        browser.execute_script("document.querySelectorAll('details').forEach(node => { node.open = true; })")
        charts = browser.execute_script(CHARTS_JS)
        external = browser.execute_script(
            "return performance.getEntriesByType('resource').map(entry => entry.name)"
            ".concat(Array.from(document.querySelectorAll('[src], link[href]'))"
            ".map(node => node.src || node.href)).filter(url => !url.startsWith('data:'))"
        )
        sections = {
            section: browser.find_element(By.ID, section).is_displayed() for section in REPORT_SECTIONS
        }
        page_text = words(browser.find_element(By.TAG_NAME, "body").text)
        mrr_formula = browser.find_element(By.CSS_SELECTOR, "#kpi-mrr .formula").text
        mrr_commentary = browser.find_element(By.CSS_SELECTOR, "#kpi-mrr .commentary").text
        action_rows = browser.find_elements(By.CSS_SELECTOR, "#action-items tr[data-kpi-id]")
        actioned = {row.get_attribute("data-kpi-id") for row in action_rows}
        mrr_row = browser.find_element(By.CSS_SELECTOR, "#performance-vs-targets tr[data-kpi-id='mrr']").text
        ltv_to_cac = browser.find_element(By.CSS_SELECTOR, "#kpi-ltv_to_cac").text
        scorecard_rows = {
            row.get_attribute("data-kpi-id"): (
                row.find_element(By.CSS_SELECTOR, "span.status").get_attribute("class").split("status-")[-1],
                row.find_element(By.CSS_SELECTOR, "td.attainment").text,
            )
            for row in browser.find_elements(By.CSS_SELECTOR, "#scorecard tr[data-kpi-id]")
        }
        scorecard_bottom = browser.execute_script(
            "return document.getElementById('scorecard').getBoundingClientRect().bottom"
        )
        window_height = browser.execute_script("return window.innerHeight")
        page_width = browser.execute_script("return document.documentElement.scrollWidth")
        window_width = browser.execute_script("return document.documentElement.clientWidth")
        bridge = {
            row.get_attribute("data-kpi-id") + ("" if index < 7 else "_closing"): row.text
            for index, row in enumerate(browser.find_elements(By.CSS_SELECTOR, "#mrr-bridge tr[data-kpi-id]"))
        }
        actual_cells = [
            cell.text
            for cell in browser.find_elements(
                By.CSS_SELECTOR, "#performance-vs-targets tr[data-kpi-id] td:nth-child(3)"
            )
        ]
        funnel_title = browser.find_element(By.CSS_SELECTOR, "#sales-funnel h3").text
        funnel = [
            tuple(cell.text for cell in row.find_elements(By.TAG_NAME, "td"))
            for row in browser.find_elements(By.CSS_SELECTOR, "#sales-funnel tr[data-stage]")
        ]
        coverage = {
            row.get_attribute("data-period"): tuple(
                cell.text for cell in row.find_elements(By.TAG_NAME, "td")
            )
            for row in browser.find_elements(By.CSS_SELECTOR, "#pipeline-coverage tr[data-period]")
        }
        charts_drawn = browser.execute_script(
            "return ['sales-funnel', 'pipeline-coverage', 'mrr-bridge'].map(id =>"
            " document.querySelector('#' + id + ' svg').getBoundingClientRect().width)"
        )
        heatmap = {
            (row.get_attribute("data-cohort"), cell.get_attribute("data-months")): cell.text
            for row in browser.find_elements(By.CSS_SELECTOR, "#cohort-retention tr[data-cohort]")
            for cell in row.find_elements(By.CSS_SELECTOR, "td[data-months]")
        }

    catalog = {
        kpi_id: (definition, formula)
        for kpi_id, definition, formula in warehouse.query(
            "select kpi_id, definition, formula from marts.kpi_catalog"
        )
    }
    assert len(catalog) > 60
    assert sorted(chart["kpi_id"] for chart in charts) == sorted(catalog), "one trend chart per catalog KPI"
    undrawn = [chart for chart in charts if not (chart["width"] > 100 and chart["height"] > 50)]
    assert not undrawn, f"charts with no rendered size: {undrawn}"
    lineless = [chart["kpi_id"] for chart in charts if chart["segments"] < 1 or chart["line_width"] <= 0]
    assert not lineless, f"charts without a drawn actual line: {lineless}"
    assert all(sections.values()), sections
    assert external == [], "the report must load nothing from outside the file"

    definition, formula = catalog["mrr"]
    assert mrr_formula == formula
    assert COMMENTARY in mrr_commentary
    first_sentence = words(definition).split(". ")[0]
    assert len(first_sentence) > 20 and first_sentence in page_text

    # The action items are exactly the KPIs off track or at risk in their latest complete period
    # of the review grain, company total, recomputed here from the scorecard.
    expected = {
        kpi_id
        for (kpi_id,) in warehouse.query(
            """
            select s.kpi_id
            from marts.kpi_scorecard as s
            inner join marts.kpi_catalog as c on s.kpi_id = c.kpi_id and s.period_grain = c.review_grain
            where s.dimension = 'all' and not s.is_partial_period
            qualify row_number() over (partition by s.kpi_id order by s.period_start desc) = 1
                and s.status in ('off_track', 'at_risk')
            """
        )
    }
    assert actioned == expected

    # The scorecard row shows the latest complete month's MRR, to the cent.
    (latest_mrr,) = warehouse.query(
        """
        select actual_value from marts.kpi_scorecard
        where kpi_id = 'mrr' and period_grain = 'month' and dimension = 'all' and not is_partial_period
        order by period_start desc limit 1
        """
    )[0]
    assert f"${float(latest_mrr):,.2f}" in mrr_row

    # Every blank actual says why (kpi_values.null_reason through the scorecard), and there are some.
    blanks = [text for text in actual_cells if text.startswith("—")]
    assert blanks and all(text.startswith("— (") and text.endswith(")") for text in blanks), blanks

    # The scorecard opens the report on one screen, nothing overflows the window's width, and it
    # lists exactly the KPIs with a target in their latest complete review period, with their status
    # and an attainment above 100 % only for a KPI on track (direction respected).
    assert scorecard_bottom <= window_height and page_width <= window_width
    assert linked_open and collapsed_height < 40_000, (linked_open, collapsed_height)
    assert open_drilldowns == set(scorecard_rows)
    expected_scorecard = {
        kpi_id: (status, attainment)
        for kpi_id, status, attainment in warehouse.query(
            """
            select s.kpi_id, s.status, s.attainment
            from marts.kpi_scorecard as s
            where s.dimension = 'all' and s.is_review_grain and not s.is_partial_period
            qualify row_number() over (partition by s.kpi_id order by s.period_start desc) = 1
                and s.target_value is not null
            """
        )
    }
    assert {kpi_id: status for kpi_id, (status, _) in scorecard_rows.items()} == {
        kpi_id: status for kpi_id, (status, _) in expected_scorecard.items()
    }
    for kpi_id, (status, attainment) in expected_scorecard.items():
        assert attainment is None or (attainment > 1) <= (status == "on_track"), kpi_id
        if attainment is not None:
            assert scorecard_rows[kpi_id][1] == f"{float(attainment) * 100:,.1f} %", kpi_id

    # The MRR bridge of the latest complete month: each step is that month's scorecard value (the
    # opening is MRR's prior period, contraction and churn negative), and the steps reconcile.
    scorecard = dict(
        warehouse.query(
            """
            select kpi_id, actual_value from marts.kpi_scorecard
            where period_grain = 'month' and dimension = 'all' and period_start = (
                select max(period_start) from marts.kpi_scorecard
                where kpi_id = 'mrr' and period_grain = 'month' and not is_partial_period
            )
            union all
            select 'mrr_opening', prior_period_value from marts.kpi_scorecard
            where kpi_id = 'mrr' and period_grain = 'month' and dimension = 'all' and period_start = (
                select max(period_start) from marts.kpi_scorecard
                where kpi_id = 'mrr' and period_grain = 'month' and not is_partial_period
            )
            """
        )
    )
    signs = {"contraction_mrr": -1, "churned_mrr": -1}
    expected_bridge = {"mrr": scorecard["mrr_opening"], "mrr_closing": scorecard["mrr"]}
    for kpi_id in (
        "new_mrr",
        "expansion_mrr",
        "reactivation_mrr",
        "contraction_mrr",
        "churned_mrr",
        "fx_impact_mrr",
    ):
        expected_bridge[kpi_id] = signs.get(kpi_id, 1) * scorecard[kpi_id]
    for key, value in expected_bridge.items():
        amount = f"${abs(float(value)):,.2f}"
        assert bridge[key].endswith(("−" if value < 0 else "") + amount), (key, bridge[key], value)
    opening, closing = expected_bridge.pop("mrr"), expected_bridge.pop("mrr_closing")
    assert abs(opening + sum(expected_bridge.values()) - closing) < Decimal("0.01")

    # The cohort heatmap: a cell per row of the cohort mart for the 24 latest cohorts, each showing
    # the mart's net revenue retention as a percentage with one decimal.
    cohort_rows = warehouse.query(
        """
        select cast(cohort_month_start_date as varchar), cast(months_since_start as varchar),
            net_revenue_retention_rate
        from marts.fct_mrr_cohorts
        where cohort_month_start_date in (
            select distinct cohort_month_start_date from marts.fct_mrr_cohorts order by 1 desc limit 24
        )
        """
    )
    assert len(cohort_rows) > 100
    assert heatmap == {
        (cohort, months): f"{float(rate) * 100:,.1f} %" for cohort, months, rate in cohort_rows
    }

    # The charts are drawn, and their tables show a mart's numbers. The funnel: the five open stages
    # in process order, each with stage_conversion_rate's decided entries, advanced entries and rate
    # by stage in the latest complete quarter (kpi_values).
    assert all(width > 300 for width in charts_drawn), charts_drawn
    funnel_rows = warehouse.query(
        """
        select v.period_start, v.dimension_value, v.denominator, v.numerator, v.value
        from marts.kpi_values as v
        where v.kpi_id = 'stage_conversion_rate' and v.period_grain = 'quarter' and v.dimension = 'stage'
            and v.period_start = (
                select max(period_start) from marts.kpi_scorecard
                where kpi_id = 'stage_conversion_rate' and period_grain = 'quarter' and dimension = 'all'
                    and not is_partial_period
            )
        """
    )
    quarter = funnel_rows[0][0]
    assert funnel_title == f"Sales funnel, Q{(quarter.month - 1) // 3 + 1} {quarter.year}"
    by_stage = {stage: (decided, advanced, rate) for _, stage, decided, advanced, rate in funnel_rows}
    assert funnel == [
        (
            stage,
            f"{by_stage[stage][0]:,.0f}",
            f"{by_stage[stage][1]:,.0f}",
            f"{float(by_stage[stage][2]) * 100:,.1f} %",
        )
        for stage in ("prospecting", "discovery", "demo", "proposal", "negotiation")
    ]
    # Pipeline coverage: the last eight quarters of its review grain, each with the pipeline and
    # quota it divides (kpi_values) and the coverage, target and status of the scorecard.
    coverage_rows = warehouse.query(
        """
        select cast(s.period_start as varchar), v.numerator, v.denominator, s.actual_value, s.target_value,
            s.status
        from marts.kpi_scorecard as s
        inner join marts.kpi_values as v
            on s.kpi_id = v.kpi_id and s.period_grain = v.period_grain and s.period_start = v.period_start
            and s.dimension = v.dimension and s.dimension_value = v.dimension_value
        where s.kpi_id = 'pipeline_coverage' and s.period_grain = 'quarter' and s.dimension = 'all'
        order by s.period_start desc limit 8
        """
    )
    assert len(coverage_rows) == 8 and any(row[-1] == "off_track" for row in coverage_rows)
    assert {
        period: cells[1:5] + (cells[5].lower().replace(" ", "_"),) for period, cells in coverage.items()
    } == {
        period: (f"${pipeline:,.2f}", f"${quota:,.2f}", f"{actual:,.1f}×", f"{target:,.1f}×", status)
        for period, pipeline, quota, actual, target, status in coverage_rows
    }

    # LTV:CAC is a multiple (unit `multiple`): its current period reads 3.2×, never 320.0 %.
    (ltv_to_cac_value,) = warehouse.query(
        """
        select s.actual_value
        from marts.kpi_scorecard as s
        inner join marts.kpi_catalog as c on s.kpi_id = c.kpi_id and s.period_grain = c.review_grain
        where s.kpi_id = 'ltv_to_cac' and s.dimension = 'all' and not s.is_partial_period
        order by s.period_start desc limit 1
        """
    )[0]
    multiple, percentage = f"{float(ltv_to_cac_value):,.1f}×", f"{float(ltv_to_cac_value) * 100:,.1f} %"
    assert multiple in ltv_to_cac and percentage not in ltv_to_cac


STATUS_TEXT = {"on_track": "On track", "at_risk": "At risk", "off_track": "Off track"}
FISCAL_QRR_TARGETS = {"2025-05-01": "900000", "2025-08-01": "950000"}  # fiscal Q2 and Q3 of FY2026


@pytest.fixture(scope="module")
def fiscal_report(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Warehouse]:
    """The demo data on a fiscal year starting in February, with QRR targets set by fiscal quarter
    (seeds and models only: test_publish runs the data tests on a February fiscal year)."""
    work_dir = tmp_path_factory.mktemp("fiscal")
    raw_dir = work_dir / "raw"
    shutil.copytree(SEEDS_DIR, raw_dir, ignore=shutil.ignore_patterns("reference"))
    append_rows(
        raw_dir,
        "revops",
        "kpi_targets",
        [
            {
                "kpi_id": "qrr",
                "period_grain": "fiscal_quarter",
                "period_start": start,
                "dimension": "all",
                "dimension_value": "all",
                "target_value": target,
                "_loaded_at": "2025-01-20T09:00:00Z",
            }
            for start, target in FISCAL_QRR_TARGETS.items()
        ],
    )
    env = duckdb_env(work_dir / "duckdb", raw_dir)
    fiscal = ["--vars", "{fiscal_year_start_month: 2}"]  # for both commands: dbt parses once
    run_dbt(["run-operation", "load_raw_data", *fiscal], env)
    run_dbt(["build", "--resource-type", "seed", "--resource-type", "model", *fiscal], env)
    warehouse = Warehouse(Path(env["REVOPS_TEST_DUCKDB_PATH"]), env)
    return render_report(warehouse, work_dir / "kpi_report.html"), warehouse


def test_scorecard_names_fiscal_quarters_with_their_targets(
    browser: WebDriver, fiscal_report: tuple[Path, Warehouse]
) -> None:
    """With a February fiscal year, a KPI whose targets are set by fiscal quarter is scored by fiscal
    quarter: the scorecard names the latest complete one as the reader's calendar does (FY2026 Q3 is
    August to October 2025: a fiscal year is named after the calendar year it ends in), with that
    quarter's target and an attainment of actual ÷ target (QRR: higher is better), under its owner."""
    report, warehouse = fiscal_report
    with serve(report.parent) as base_url:
        browser.get(f"{base_url}/{report.name}")
        cells = [
            cell.text
            for cell in browser.find_elements(By.CSS_SELECTOR, "#scorecard tr[data-kpi-id='qrr'] td")
        ]
        owner = browser.find_element(
            By.CSS_SELECTOR, "#scorecard table:has(tr[data-kpi-id='qrr']) caption"
        ).text
    ((actual, status, owner_expected),) = warehouse.query(
        """
        select s.actual_value, s.status, c.owner
        from marts.kpi_scorecard as s
        inner join marts.kpi_catalog as c on s.kpi_id = c.kpi_id and s.period_grain = c.review_grain
        where s.kpi_id = 'qrr' and s.dimension = 'all' and s.period_start = '2025-08-01'
            and s.period_grain = 'fiscal_quarter'
        """
    )
    target = Decimal(FISCAL_QRR_TARGETS["2025-08-01"])
    assert cells[1] == "FY2026 Q3", cells
    assert cells[2] == f"${actual:,.2f}" and cells[3] == f"of ${target:,.2f}", cells
    assert cells[4] == f"{float(actual / target) * 100:,.1f} %", cells
    assert (status == "on_track") == (actual >= target) and cells[5] == STATUS_TEXT[status], (status, cells)
    assert owner.endswith(f"owner: {owner_expected}"), owner


def test_definitions_render_lists_and_escape_html() -> None:
    """A list straight after a paragraph line is a list (the hand-written converter made it a
    paragraph), inline code and bold render, and HTML in a definition is shown as text."""
    rendered = markdown_to_html("Edge cases:\n- a **zero** base: `null`\n- <script>x</script> none")
    assert "<ul>" in rendered and rendered.count("<li>") == 2
    assert "<strong>zero</strong>" in rendered and "<code>null</code>" in rendered
    assert "<script>" not in rendered and "&lt;script&gt;" in rendered


def test_commentary_for_an_unknown_kpi_stops_the_report_naming_it(
    warehouse: Warehouse, tmp_path: Path
) -> None:
    commentary = tmp_path / "commentary.yml"
    commentary.write_text("mrr: Fine.\nmonthly_recuring_revenue: A typo.\n")
    out = tmp_path / "report.html"
    command = [sys.executable, str(RENDER_REPORT), "--warehouse", str(warehouse.path), "--out", str(out)]
    completed = subprocess.run([*command, "--commentary", str(commentary)], capture_output=True, text=True)
    assert completed.returncode != 0 and not out.exists()
    assert "monthly_recuring_revenue, not a kpi_id of the catalog" in completed.stderr


def test_report_is_deterministic(report: Path, warehouse: Warehouse, tmp_path: Path) -> None:
    """Same warehouse, same bytes, even where the local date differs (UTC+14)."""
    again = render_report(warehouse, tmp_path / "again.html", timezone="Pacific/Kiritimati")
    assert again.read_bytes() == report.read_bytes()


# The model page's details table: one (key, value) pair per rendered `dl.detail`, meta included.
DETAILS_JS = """
return Array.from(document.querySelectorAll('dl.detail')).map(detail => [
  (detail.querySelector('dt') || {innerText: ''}).innerText.trim().toLowerCase(),
  (detail.querySelector('dd') || {innerText: ''}).innerText.trim()]);
"""


def test_docs_site_shows_a_kpi_definition_and_its_meta(browser: WebDriver, docs_target: Path) -> None:
    target = docs_target
    node = json.loads((target / "manifest.json").read_text())["nodes"]["model.revops.mrr"]
    meta = node["config"]["meta"]
    first_sentence = words(node["description"]).split(". ")[0]

    with serve(target) as base_url:
        browser.get(f"{base_url}/#!/model/model.revops.mrr")
        # The SPA fetches manifest.json and catalog.json, then renders the model page.
        details = WebDriverWait(browser, 30).until(
            lambda driver: (
                (pairs := driver.execute_script(DETAILS_JS))
                and ["formula", meta["formula"]] in pairs
                and pairs
            )
        )
        text = words(browser.find_element(By.TAG_NAME, "body").text)
        # Every detail (meta, owner, relation) is inside the window: the rows wrap, none scrolls.
        hidden = browser.execute_script(
            "return Array.from(document.querySelectorAll('dl.detail')).filter(detail => {"
            " const box = detail.getBoundingClientRect();"
            " return box.right > document.documentElement.clientWidth || box.width === 0;"
            "}).map(detail => detail.innerText.split('\\n')[0])"
        )
    assert not hidden, f"details cut off at a {browser.get_window_size()['width']}-pixel window: {hidden}"
    for key in ("label", "unit", "direction", "owner", "cadence"):
        assert [key, meta[key]] in details, f"meta {key} not shown on the docs page"
    # dbt's own owner field: the owner of the KPI's focus-area group, with the email.
    owner = json.loads((target / "manifest.json").read_text())["groups"][f"group.revops.{node['group']}"][
        "owner"
    ]
    assert ["owner", f"{owner['name']} <{owner['email']}>"] in details, "the group owner is not shown"
    assert len(first_sentence) > 20 and first_sentence in text, "the model description is not shown"
