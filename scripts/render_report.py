"""Render the KPI scorecard as one static, self-contained HTML report.

Reads the warehouse read-only (``marts.kpi_catalog``, ``marts.kpi_scorecard``,
``marts.kpi_change_log``) and writes one HTML file that works offline: no external CSS, scripts,
fonts or images; every chart is inline SVG drawn with matplotlib. The layout follows the standard
report structure of the RevOps performance-management guide:

1. Executive summary: key wins, risks and trends, written from the data.
2. Performance vs. targets, by focus area.
3. Metric drill-downs: one per KPI, with definition, formula, owner, values and a trend chart.
4. Action items and next steps: the KPIs off track or at risk, with owner and gap.
5. Appendix: every KPI definition and the definition change log.

Each KPI is shown at its review grain (the grain matching its cadence) for the company
(``dimension = 'all'``). Its "current period" is the latest complete period of that grain; a
partial period after it is shown flagged as in progress. The report never reads today's date: the
same warehouse always gives a byte-identical file.

Example: ``.venv/bin/python scripts/render_report.py --out /tmp/kpi_report.html``
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import os
import re
import statistics
import sys
import time
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

import duckdb
import jinja2
import matplotlib
import yaml

matplotlib.use("Agg")

from markdown_it import MarkdownIt  # noqa: E402
from markupsafe import Markup  # noqa: E402
from matplotlib.dates import AutoDateLocator, ConciseDateFormatter  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402
from matplotlib.ticker import FuncFormatter  # noqa: E402

PROJECT_DIR = Path(__file__).resolve().parents[1]
TEMPLATE_DIR = Path(__file__).resolve().parent / "templates"
TEMPLATE_NAME = "kpi_report.html.j2"

# The seed's five focus areas in the order the guide lists them; any other area follows, sorted.
FOCUS_AREA_ORDER = (
    "pipeline health & revenue growth",
    "customer retention & expansion",
    "go-to-market efficiency",
    "acquisition quality & funnel performance",
    "customer experience & health",
)
# Scorecard statuses, most urgent first; a status not listed here sorts last under its own name.
STATUS_LABEL = {
    "off_track": "Off track",
    "at_risk": "At risk",
    "on_track": "On track",
    "no_target": "No target",
    "no_value": "No value",
    "in_progress": "In progress",
}
GRAIN_NOUN = {
    "week": "week",
    "biweek": "two-week period",
    "month": "month",
    "quarter": "quarter",
    "fiscal_quarter": "fiscal quarter",
    "year": "year",
    "fiscal_year": "fiscal year",
}
# Periods of history drawn in each trend chart, per review grain.
CHART_PERIODS = {
    "week": 26,
    "biweek": 26,
    "month": 24,
    "quarter": 12,
    "fiscal_quarter": 12,
    "year": 10,
    "fiscal_year": 10,
}
SUMMARY_ITEMS = 5


# --------------------------------------------------------------------------------------------
# Number and period formatting
# --------------------------------------------------------------------------------------------


def status_rank(status: str) -> int:
    """Sort key: off track first, then at risk, on track, without target, without value."""
    statuses = list(STATUS_LABEL)
    return statuses.index(status) if status in statuses else len(statuses)


def status_badge(status: str) -> Markup:
    """The status as a coloured label."""
    label = STATUS_LABEL.get(status, status.replace("_", " ").capitalize())
    return Markup('<span class="status status-{}">{}</span>').format(status, label)


def _grouped(value: float, decimals: int) -> str:
    return f"{value:,.{decimals}f}"


def _abbreviated(value: float) -> str:
    """1234567 -> '1.23M', 300000 -> '300k'; values under a thousand keep two decimals unless whole."""
    magnitude = abs(value)
    for limit, suffix in ((1e9, "B"), (1e6, "M"), (1e3, "k")):
        if magnitude >= limit:
            return f"{value / limit:,.2f}".removesuffix(".00") + suffix
    return f"{value:,.2f}".removesuffix(".00")


def format_value(value: float | None, unit: str, currency: str = "$", short: bool = False) -> str:
    """A KPI value in its unit: currency with separators, ratios as percentages, durations with units.

    ``short`` abbreviates currency (``$1.23M``) and drops a trailing ``.0``, for sentences and axes.
    """
    if value is None:
        return "—"
    sign = "−" if value < 0 else ""
    magnitude = abs(value)
    if unit in ("currency", "currency_per_day"):
        amount = _abbreviated(magnitude) if short else _grouped(magnitude, 2)
        text = f"{sign}{currency}{amount}"
        return f"{text}/day" if unit == "currency_per_day" else text
    if unit == "ratio":
        number = _grouped(magnitude * 100, 1)
        suffix = " %"
    elif unit == "count":
        number = _grouped(magnitude, 0 if float(magnitude).is_integer() else 1)
        suffix = ""
    else:
        number = _grouped(magnitude, 1)
        suffix = {
            "days": " days",
            "hours": " h",
            "minutes": " min",
            "months": " months",
            "multiple": "×",
        }.get(unit, "")
    if short and number.endswith(".0"):
        number = number[:-2]
    return f"{sign}{number}{suffix}"


def format_change(value: float | None, unit: str, currency: str = "$") -> str:
    """A signed difference in the KPI's unit; ratios move in percentage points. No sign on a zero."""
    if value is None:
        return "—"
    text = f"{abs(value) * 100:,.1f} pp" if unit == "ratio" else format_value(abs(value), unit, currency)
    if not any(digit in "123456789" for digit in text):
        return text
    return f"{'+' if value > 0 else '−'}{text}"


def format_rate(value: float | None, signed: bool = True) -> str:
    """A fraction as a percentage: 0.052 -> '+5.2 %'."""
    if value is None:
        return "—"
    sign = ("+" if value >= 0 else "−") if signed else ("−" if value < 0 else "")
    return f"{sign}{abs(value) * 100:,.1f} %"


def period_label(grain: str, start: dt.date, fiscal_name: tuple[int, int] | None = None) -> str:
    """A period as a reader names it: 'Nov 2025', 'Q4 2025', '2025', '2025-W48', '2025-W49–W50', and
    on the fiscal calendar 'FY2026 Q1', 'FY2026' from `fiscal_name`, dim_date's (fiscal_year,
    fiscal_quarter) of a month in the period, so the naming rule lives in the warehouse only."""
    if grain in ("fiscal_quarter", "fiscal_year"):
        if fiscal_name is None:
            raise ValueError(f"{grain} starting {start}: no fiscal year and quarter from dim_date")
        fiscal_year, fiscal_quarter = fiscal_name
        return f"FY{fiscal_year}" + (f" Q{fiscal_quarter}" if grain == "fiscal_quarter" else "")
    if grain == "month":
        return start.strftime("%b %Y")
    if grain == "quarter":
        return f"Q{(start.month - 1) // 3 + 1} {start.year}"
    if grain == "year":
        return str(start.year)
    if grain == "week":
        iso = start.isocalendar()
        return f"{iso.year}-W{iso.week:02d}"
    first, second = start.isocalendar(), (start + dt.timedelta(days=7)).isocalendar()
    return f"{first.year}-W{first.week:02d}–W{second.week:02d}"


# --------------------------------------------------------------------------------------------
# Markdown of the catalog definitions (dbt docs blocks): CommonMark with tables, raw HTML escaped
# --------------------------------------------------------------------------------------------

MARKDOWN = MarkdownIt("commonmark", {"html": False}).enable("table")


def markdown_to_html(text: str) -> Markup:
    """A definition's Markdown as HTML (markdown-it-py); HTML written in the text is shown, not run.
    The example query a mart's description ends with is for BI users in the dbt docs: left out."""
    examples = list(re.finditer(r"\n\s*Example\b", text))
    if examples and "```" in text[examples[-1].start() :]:
        text = text[: examples[-1].start()]
    return Markup(MARKDOWN.render(text))


def plain_text(text: str) -> str:
    """Markdown stripped to the words a reader sees, whitespace collapsed."""
    return " ".join(re.sub(r"[`*]", "", text).split())


def excerpt(text: str, limit: int = 320) -> str:
    """The definition's first sentences, up to about ``limit`` characters, cut at a sentence end."""
    words = plain_text(text)
    if len(words) <= limit:
        return words
    cut = words.rfind(". ", 0, limit)
    return words[: cut + 1] if cut > 0 else words[:limit].rsplit(" ", 1)[0] + " …"


# --------------------------------------------------------------------------------------------
# Data
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Period:
    """One company-level scorecard row of a KPI at its review grain."""

    start: dt.date
    last_date: dt.date
    is_partial: bool
    actual: float | None
    target: float | None
    target_origin: str | None
    attainment: float | None
    performance_vs_target: float | None
    prior: float | None
    change_vs_prior: float | None
    change_rate_vs_prior: float | None
    last_year: float | None
    change_vs_last_year: float | None
    change_rate_vs_last_year: float | None
    status: str
    null_reason: str | None
    label: str  # the period as a reader names it (period_label)


@dataclass
class Kpi:
    """A catalog entry with its review-grain history."""

    kpi_id: str
    label: str
    definition: str
    formula: str
    unit: str
    direction: str
    focus_area: str
    indicator: str
    cadence: str
    review_grain: str
    aggregation: str
    owner: str
    model_name: str
    definition_version: str
    periods: list[Period] = field(default_factory=list)

    @property
    def current(self) -> Period | None:
        """The latest complete period of the review grain."""
        complete = [period for period in self.periods if not period.is_partial]
        return complete[-1] if complete else None

    @property
    def in_progress(self) -> Period | None:
        """The partial period after the current one, if the data has one."""
        current = self.current
        partial = [
            period
            for period in self.periods
            if period.is_partial and (current is None or period.start > current.start)
        ]
        return partial[-1] if partial else None

    @property
    def status(self) -> str:
        return self.current.status if self.current else "no_target"

    @property
    def recent(self) -> list[Period]:
        """The periods the trend chart draws: the last ``CHART_PERIODS`` of the review grain."""
        return self.periods[-CHART_PERIODS.get(self.review_grain, 24) :]

    @property
    def has_gaps(self) -> bool:
        """Whether a complete period in the chart window has no value (the line skips it)."""
        return any(period.actual is None and not period.is_partial for period in self.recent)


CATALOG_COLUMNS = (
    "kpi_id, label, definition, formula, unit, direction, focus_area, indicator, cadence,"
    " review_grain, aggregation, owner, model_name, definition_version"
)
SCORECARD_COLUMNS = (
    "s.kpi_id, s.period_start, s.period_last_date, s.is_partial_period, s.actual_value, s.target_value,"
    " s.target_origin, s.attainment, s.performance_vs_target, s.prior_period_value,"
    " s.change_vs_prior_period, s.change_rate_vs_prior_period, s.same_period_last_year_value,"
    " s.change_vs_last_year, s.change_rate_vs_last_year, s.status, s.null_reason"
)


def _number(value: Any) -> Any:
    return float(value) if isinstance(value, Decimal) else value


BRIDGE_STEPS = (  # the MRR bridge: each movement KPI with its sign (mrr = previous + Σ sign × movement)
    ("new_mrr", 1),
    ("expansion_mrr", 1),
    ("reactivation_mrr", 1),
    ("contraction_mrr", -1),
    ("churned_mrr", -1),
    ("fx_impact_mrr", 1),
)

COHORT_COLUMNS = (
    "cohort_month_start_date, months_since_start, cohort_customers, net_revenue_retention_rate,"
    " logo_retention_rate"
)
HEATMAP_COHORTS = 24  # the most recent cohorts the heatmap shows
# The open stages of the raw contract (crm.opportunities StageName), in process order: the funnel.
FUNNEL_STAGES = ("prospecting", "discovery", "demo", "proposal", "negotiation")
COVERAGE_PERIODS = 8  # the most recent review periods of pipeline coverage the chart shows


@dataclass(frozen=True)
class WarehouseRows:
    """What the report reads from the warehouse, read-only: the KPIs with their company series at the
    review grain, the change log, and the rows of each chart (every number a mart's)."""

    kpis: list[Kpi]
    change_log: list[tuple[str, int, str, str]]
    cohorts: list[tuple]  # fct_mrr_cohorts, the most recent cohorts
    bridge: list[tuple]  # the MRR bridge's scorecard rows: company, latest complete month
    funnel: list[tuple]  # stage_conversion_rate by stage, latest complete quarter (kpi_values)
    coverage: dict[dt.date, tuple]  # pipeline_coverage's pipeline and quota by review period (kpi_values)


def load_warehouse(path: Path) -> WarehouseRows:
    """The warehouse's rows the report shows (see WarehouseRows)."""
    if not path.exists():
        sys.exit(f"No warehouse at {path}: run `make build` first (or pass --warehouse).")
    with duckdb.connect(str(path), read_only=True) as connection:
        try:
            catalog = connection.execute(
                f"select {CATALOG_COLUMNS} from marts.kpi_catalog order by kpi_id"
            ).fetchall()
            rows = connection.execute(
                f"""
                select {SCORECARD_COLUMNS}
                from marts.kpi_scorecard as s
                inner join marts.kpi_catalog as c
                    on s.kpi_id = c.kpi_id and s.period_grain = c.review_grain
                where s.dimension = 'all' and s.dimension_value = 'all'
                order by s.kpi_id, s.period_start
                """
            ).fetchall()
            change_log = connection.execute(
                "select kpi_id, change_sequence, version, change from marts.kpi_change_log"
                " order by kpi_id, change_sequence"
            ).fetchall()
            bridge = connection.execute(
                f"""
                select kpi_id, period_start, actual_value, prior_period_value
                from marts.kpi_scorecard
                where period_grain = 'month' and dimension = 'all'
                    and kpi_id in ('mrr', {", ".join(f"'{kpi_id}'" for kpi_id, _ in BRIDGE_STEPS)})
                    and period_start = (
                        select max(period_start) from marts.kpi_scorecard
                        where kpi_id = 'mrr' and period_grain = 'month' and not is_partial_period
                    )
                """
            ).fetchall()
            cohorts = connection.execute(
                f"""
                select {COHORT_COLUMNS}
                from marts.fct_mrr_cohorts
                where cohort_month_start_date in (
                    select distinct cohort_month_start_date from marts.fct_mrr_cohorts
                    order by cohort_month_start_date desc limit {HEATMAP_COHORTS}
                )
                order by cohort_month_start_date, months_since_start
                """
            ).fetchall()
            funnel = connection.execute(
                """
                select period_start, dimension_value, numerator, denominator, value
                from marts.kpi_values
                where kpi_id = 'stage_conversion_rate' and period_grain = 'quarter' and dimension = 'stage'
                    and period_start = (
                        select max(period_start) from marts.kpi_scorecard
                        where kpi_id = 'stage_conversion_rate' and period_grain = 'quarter'
                            and dimension = 'all' and not is_partial_period
                    )
                """
            ).fetchall()
            coverage = connection.execute(
                """
                select v.period_start, v.numerator, v.denominator
                from marts.kpi_values as v
                inner join marts.kpi_catalog as c on v.kpi_id = c.kpi_id and v.period_grain = c.review_grain
                where v.kpi_id = 'pipeline_coverage' and v.dimension = 'all'
                """
            ).fetchall()
            fiscal = connection.execute(
                "select date_day, fiscal_year, fiscal_quarter from marts.dim_date"
                " where date_day = month_start_date"
            ).fetchall()
        except duckdb.CatalogException as error:
            sys.exit(f"{path} lacks the KPI marts ({error}); rebuild it with `make build`.")
    kpis = {row[0]: Kpi(*row) for row in catalog}
    fiscal_names = {month: (year, quarter) for month, year, quarter in fiscal}
    for row in rows:
        # A fiscal period may start before the calendar does (the data's first months): it is named
        # by its last month, which dim_date always has.
        kpi, start, last_date = kpis[row[0]], row[1], row[2]
        label = period_label(kpi.review_grain, start, fiscal_names.get(last_date.replace(day=1)))
        kpi.periods.append(Period(*(_number(value) for value in row[1:]), label=label))
    return WarehouseRows(
        kpis=list(kpis.values()),
        change_log=[tuple(row) for row in change_log],
        cohorts=[tuple(row) for row in cohorts],
        bridge=[tuple(row) for row in bridge],
        funnel=[tuple(_number(value) for value in row) for row in funnel],
        coverage={start: (_number(pipeline), _number(quota)) for start, pipeline, quota in coverage},
    )


def cohort_heatmap(cohorts: list[tuple]) -> dict[str, Any]:
    """The cohort mart's rows as heatmap rows: one per cohort, a cell per month since its start
    (None where the as-of month has not reached it), shaded by net revenue retention."""
    months = max((row[1] for row in cohorts), default=0) + 1
    rows: dict[dt.date, dict[str, Any]] = {}
    for cohort, month, customers, net, logo in cohorts:
        row = rows.setdefault(cohort, {"cohort": cohort, "customers": customers, "cells": [None] * months})
        net, logo = _number(net), _number(logo)
        shade = 0.0 if net is None else (min(max(net, 0.4), 1.2) - 0.4) / 0.8  # 40 % lightest, 120 % darkest
        row["cells"][month] = {
            "months": month,
            "text": format_value(net, "ratio"),
            "title": f"{cohort:%Y-%m} cohort ({customers} customers), month {month}: net revenue retention"
            f" {format_value(net, 'ratio')}, logo retention {format_value(logo, 'ratio')}",
            "style": f"background: hsl(210, 65%, {92 - 50 * shade:.0f}%);"
            f" color: {'#fff' if shade > 0.6 else '#111'}",
        }
    return {"months": list(range(months)), "rows": list(rows.values())}


def load_commentary(path: Path | None, kpi_ids: set[str]) -> dict[str, str]:
    """Optional owner commentary: a YAML mapping of kpi_id to text. An id not in the catalog (a typo,
    a KPI renamed) stops the report naming it, rather than dropping the commentary silently."""
    if path is None:
        return {}
    data = yaml.safe_load(path.read_text()) or {}
    if not isinstance(data, dict):
        sys.exit(f"{path}: expected a mapping of kpi_id to commentary text")
    unknown = sorted(str(key) for key in data if str(key) not in kpi_ids)
    if unknown:
        sys.exit(f"{path}: commentary for {', '.join(unknown)}, not a kpi_id of the catalog")
    return {str(key): str(value) for key, value in data.items()}


# --------------------------------------------------------------------------------------------
# Charts
# --------------------------------------------------------------------------------------------


def value_axis(axes: Any, unit: str, currency: str) -> None:
    """The value axis in the KPI's unit, with light horizontal grid lines and no top or right frame."""
    axes.yaxis.set_major_formatter(
        FuncFormatter(lambda value, _position: format_value(value, unit, currency, short=True))
    )
    axes.grid(axis="y", color="#e3e6ea", linewidth=0.8)
    axes.spines[["top", "right"]].set_visible(False)


def svg_markup(figure: Figure) -> Markup:
    """The figure as inline SVG (no XML header, no date: the output depends on the data only)."""
    buffer = io.StringIO()
    figure.savefig(buffer, format="svg", metadata={"Date": None})
    svg = buffer.getvalue()
    return Markup(svg[svg.index("<svg") :])


def trend_chart_svg(kpi: Kpi, currency: str) -> Markup:
    """Inline SVG of the KPI's recent history: actual line, target line, the partial period hollow.

    The salt and the missing date make matplotlib's output depend on the data only; the salt is the
    kpi_id so that the clip-path ids of the charts on one page differ.
    """
    periods = kpi.recent
    complete = [period for period in periods if not period.is_partial and period.actual is not None]
    partial = [period for period in periods if period.is_partial and period.actual is not None]
    targets = [period for period in periods if period.target is not None]
    with matplotlib.rc_context(
        {"svg.hashsalt": kpi.kpi_id, "svg.fonttype": "none", "font.size": 9, "axes.titlesize": 9}
    ):
        figure = Figure(figsize=(6.4, 2.3), layout="constrained")
        axes = figure.subplots()
        (actual_line,) = axes.plot(
            [period.start for period in complete],
            [period.actual for period in complete],
            color="#1f5fa8",
            marker="o",
            markersize=2.5,
            linewidth=1.6,
            label="actual",
        )
        actual_line.set_gid(f"actual-{kpi.kpi_id}")
        if targets:
            (target_line,) = axes.plot(
                [period.start for period in targets],
                [period.target for period in targets],
                color="#c0392b",
                linestyle="--",
                linewidth=1.2,
                label="target",
            )
            target_line.set_gid(f"target-{kpi.kpi_id}")
        if partial:
            axes.plot(
                [period.start for period in partial],
                [period.actual for period in partial],
                linestyle="none",
                marker="o",
                markersize=5,
                markerfacecolor="white",
                color="#1f5fa8",
                label="in progress",
            )
        if not complete and not partial:
            axes.text(0.5, 0.5, "no data", transform=axes.transAxes, ha="center", va="center")
        locator = AutoDateLocator(maxticks=8)
        axes.xaxis.set_major_locator(locator)
        axes.xaxis.set_major_formatter(ConciseDateFormatter(locator))
        value_axis(axes, kpi.unit, currency)
        axes.legend(loc="best", frameon=False, fontsize=8)
        return svg_markup(figure)


def mrr_bridge(rows: list[tuple], labels: dict[str, str], currency: str) -> dict[str, Any] | None:
    """The MRR bridge of the latest complete month as a waterfall: the previous month's MRR, each
    movement KPI of that month (signed), the month's MRR; every number a scorecard row (`rows`:
    kpi_id, period_start, actual_value, prior_period_value at month grain, company total)."""
    values = {kpi_id: (month, _number(actual), _number(prior)) for kpi_id, month, actual, prior in rows}
    if "mrr" not in values or values["mrr"][2] is None:
        return None
    month, closing, opening = values["mrr"]
    steps = [("previous month's MRR", "mrr", opening)]
    for kpi_id, sign in BRIDGE_STEPS:
        steps.append((labels[kpi_id], kpi_id, sign * (values[kpi_id][1] or 0)))
    steps.append(("MRR", "mrr", closing))
    with matplotlib.rc_context({"svg.hashsalt": "mrr-bridge", "svg.fonttype": "none", "font.size": 9}):
        figure = Figure(figsize=(7.2, 2.8), layout="constrained")
        axes = figure.subplots()
        running = 0.0
        for index, (_, _, value) in enumerate(steps):
            total = index in (0, len(steps) - 1)
            bottom = 0.0 if total else (running if value >= 0 else running + value)
            colour = "#1f5fa8" if total else ("#2e8b57" if value >= 0 else "#c0392b")
            axes.bar(index, abs(value), bottom=bottom, color=colour, width=0.6)
            text = format_value(value, "currency", currency, short=True)
            axes.text(index, bottom + abs(value), text, ha="center", va="bottom", fontsize=8)
            running = value if total else running + value
        # The axis starts below the lower total by three times the movements, so they stay visible.
        movements = sum(abs(value) for _, _, value in steps[1:-1])
        axes.set_ylim(bottom=max(0.0, min(opening, closing) - 3 * movements))
        axes.set_xticks(range(len(steps)), [label for label, _, _ in steps], rotation=20, ha="right")
        value_axis(axes, "currency", currency)
        svg = svg_markup(figure)
    return {
        "month": month,
        "steps": [
            {
                "label": label,
                "kpi_id": kpi_id,
                "value": value,
                "text": format_value(value, "currency", currency),
            }
            for label, kpi_id, value in steps
        ],
        "svg": svg,
    }


STATUS_COLOUR = {"on_track": "#2e8b57", "at_risk": "#d4a017", "off_track": "#c0392b"}


def sales_funnel(rows: list[tuple]) -> dict[str, Any] | None:
    """The sales funnel of the latest complete quarter: per open stage in process order, the entries
    into it decided by the as-of date and the share that went on to a later stage. Every number is
    a `stage_conversion_rate` row by stage in kpi_values (`rows`: period_start, stage, numerator,
    denominator, value); a stage nobody entered shows 0 entries and no rate."""
    if not rows:
        return None
    by_stage = {stage: (advanced, entries, rate) for _, stage, advanced, entries, rate in rows}
    stages = []
    for stage in FUNNEL_STAGES:
        advanced, entries, rate = by_stage.get(stage, (0, 0, None))
        stages.append(
            {
                "stage": stage,
                "entries": format_value(entries, "count"),
                "advanced": format_value(advanced, "count"),
                "rate": format_value(rate, "ratio"),
                "width": float(entries),
            }
        )
    widest = max((stage["width"] for stage in stages), default=0.0) or 1.0
    with matplotlib.rc_context({"svg.hashsalt": "sales-funnel", "svg.fonttype": "none", "font.size": 9}):
        figure = Figure(figsize=(7.2, 2.6), layout="constrained")
        axes = figure.subplots()
        for index, stage in enumerate(stages):
            axes.barh(-index, stage["width"], left=-stage["width"] / 2, height=0.7, color="#1f5fa8")
            axes.text(
                -widest / 2 - widest * 0.03,
                -index,
                f"{stage['stage']}: {stage['entries']}",
                ha="right",
                va="center",
            )
            axes.text(widest / 2 + widest * 0.03, -index, f"{stage['rate']} went on", ha="left", va="center")
        axes.set_xlim(-widest * 1.1, widest * 1.1)
        axes.set_axis_off()
        svg = svg_markup(figure)
    return {"quarter": rows[0][0], "stages": stages, "svg": svg}


def coverage_chart(kpi: Kpi, amounts: dict[dt.date, tuple], currency: str) -> dict[str, Any] | None:
    """Pipeline coverage against its target in the recent review periods (company): a bar per
    period coloured by its scorecard status, the target as a dashed line, and the pipeline and quota
    it divides (`amounts`: kpi_values' numerator and denominator by period start)."""
    if not kpi.periods:
        return None
    periods = []
    for period in kpi.periods[-COVERAGE_PERIODS:]:
        pipeline, quota = amounts.get(period.start, (None, None))
        periods.append(
            {
                "label": period.label + (" (in progress)" if period.is_partial else ""),
                "axis_label": period.label,
                "pipeline": format_value(pipeline, "currency", currency),
                "quota": format_value(quota, "currency", currency),
                "coverage": format_value(period.actual, kpi.unit, currency),
                "target": format_value(period.target, kpi.unit, currency),
                "status": period.status,
                "actual": period.actual,
                "target_value": period.target,
                "start": period.start,
            }
        )
    with matplotlib.rc_context({"svg.hashsalt": "pipeline-coverage", "svg.fonttype": "none", "font.size": 9}):
        figure = Figure(figsize=(7.2, 2.6), layout="constrained")
        axes = figure.subplots()
        positions = range(len(periods))
        axes.bar(
            positions,
            [period["actual"] or 0 for period in periods],
            width=0.6,
            color=[STATUS_COLOUR.get(period["status"], "#9aa5b1") for period in periods],
        )
        targets = [(index, period["target_value"]) for index, period in enumerate(periods)]
        targets = [(index, value) for index, value in targets if value is not None]
        if targets:
            axes.plot(
                [index for index, _ in targets],
                [value for _, value in targets],
                color="#333333",
                linestyle="--",
                marker="_",
                markersize=14,
                linewidth=1,
                label="target",
            )
            axes.legend(loc="upper right", frameon=False, fontsize=8)
        # Headroom above the highest bar or target, so neither the labels nor the legend touch it.
        highest = max([value for _, value in targets] + [period["actual"] or 0 for period in periods])
        axes.set_ylim(0, 1.3 * highest or 1.0)
        for index, period in enumerate(periods):
            axes.text(index, period["actual"] or 0, period["coverage"], ha="center", va="bottom", fontsize=8)
        axes.set_xticks(list(positions), [period["axis_label"] for period in periods])
        value_axis(axes, kpi.unit, currency)
        svg = svg_markup(figure)
    return {"kpi": kpi, "periods": periods, "svg": svg}


# --------------------------------------------------------------------------------------------
# The report's content
# --------------------------------------------------------------------------------------------


def focus_area_key(area: str) -> tuple[int, str]:
    return (FOCUS_AREA_ORDER.index(area) if area in FOCUS_AREA_ORDER else len(FOCUS_AREA_ORDER), area)


def is_favourable(kpi: Kpi, change: float | None) -> bool | None:
    """Whether a change moves the KPI in its better direction."""
    if change is None or change == 0:
        return None
    return (change > 0) == (kpi.direction == "higher")


def target_sentence(kpi: Kpi, period: Period, currency: str) -> str:
    gap = period.performance_vs_target
    side = "better" if gap is not None and gap >= 0 else "worse"
    return (
        f"{kpi.label} was {format_value(period.actual, kpi.unit, currency, short=True)} in"
        f" {period.label} against a target of"
        f" {format_value(period.target, kpi.unit, currency, short=True)}"
        f" ({format_rate(abs(gap) if gap is not None else None, signed=False)} {side} than target)."
    )


@dataclass(frozen=True)
class Move:
    """A KPI's latest value against last year (or, without it, the prior period)."""

    basis: str
    base: float
    change: float
    size: float  # |change| in standard deviations of the KPI's recent values: comparable across KPIs


def comparable_move(kpi: Kpi, period: Period) -> Move | None:
    """The year-on-year move if last year has a value, else the move against the prior period.

    Moves are ranked by their size against the KPI's own spread (the standard deviation of its
    complete values in the chart window), so a small KPI going from $7 to $120 does not outrank a
    large one moving a lot, and ratios, scores and amounts compare on one scale.
    """
    if period.actual is None:
        return None
    window = [recent.actual for recent in kpi.recent if not recent.is_partial and recent.actual is not None]
    if len(window) < 3 or statistics.pstdev(window) == 0:
        return None
    spread = statistics.pstdev(window)
    noun = GRAIN_NOUN[kpi.review_grain]
    for basis, base in (
        (f"the same {noun} last year", period.last_year),
        (f"the prior {noun}", period.prior),
    ):
        if base is not None:
            change = period.actual - base
            return Move(basis, base, change, abs(change) / spread)
    return None


def trend_sentence(kpi: Kpi, period: Period, move: Move, currency: str) -> str:
    """'X rose by 4.1 pp against ... (from A to B in P), favourable: higher is better.'"""
    size = (
        f"{abs(move.change) * 100:,.1f} pp"
        if kpi.unit == "ratio"
        else format_value(abs(move.change), kpi.unit, currency, short=True)
    )
    if kpi.unit != "ratio" and move.base != 0 and (move.base > 0) == ((period.actual or 0) > 0):
        size += f" ({format_rate(move.change / abs(move.base))})"
    verb = "rose" if move.change > 0 else "fell"
    judgement = "favourable" if is_favourable(kpi, move.change) else "unfavourable"
    return (
        f"{kpi.label} {verb} by {size} against {move.basis}"
        f" (from {format_value(move.base, kpi.unit, currency, short=True)} to"
        f" {format_value(period.actual, kpi.unit, currency, short=True)} in"
        f" {period.label}), {judgement}: {kpi.direction} is better."
    )


def executive_summary(kpis: Sequence[Kpi], currency: str) -> dict[str, Any]:
    """Status counts and the wins, risks and trends sentences, ordered by size and then kpi_id."""
    current = [(kpi, kpi.current) for kpi in kpis if kpi.current is not None]
    with_target = [(kpi, period) for kpi, period in current if period.performance_vs_target is not None]
    on_track = sorted(
        (pair for pair in with_target if pair[1].status == "on_track"),
        key=lambda pair: (-(pair[1].performance_vs_target or 0), pair[0].kpi_id),
    )
    risks = sorted(
        (pair for pair in with_target if pair[1].status in ("off_track", "at_risk")),
        key=lambda pair: (status_rank(pair[1].status), pair[1].performance_vs_target or 0, pair[0].kpi_id),
    )
    moves = []
    for kpi, period in current:
        move = comparable_move(kpi, period)
        if move is not None and move.change != 0:
            moves.append((kpi, period, move))
    moves.sort(key=lambda item: (-item[2].size, item[0].kpi_id))
    # Each KPI is named once in the summary: wins and risks against target first, then moves.
    shown = {kpi.kpi_id for kpi, _ in on_track[:SUMMARY_ITEMS] + risks[: SUMMARY_ITEMS * 2]}
    improvements = [
        item for item in moves if is_favourable(item[0], item[2].change) and item[0].kpi_id not in shown
    ][:3]
    shown |= {item[0].kpi_id for item in improvements}
    largest = [item for item in moves if item[0].kpi_id not in shown][:SUMMARY_ITEMS]
    wins = [target_sentence(kpi, period, currency) for kpi, period in on_track[:SUMMARY_ITEMS]]
    wins += [trend_sentence(kpi, period, move, currency) for kpi, period, move in improvements]
    return {
        "status_counts": sorted(
            Counter(kpi.status for kpi in kpis).items(), key=lambda item: status_rank(item[0])
        ),
        "wins": wins,
        "risks": [target_sentence(kpi, period, currency) for kpi, period in risks[: SUMMARY_ITEMS * 2]],
        "more_risks": max(0, len(risks) - SUMMARY_ITEMS * 2),
        "trends": [trend_sentence(kpi, period, move, currency) for kpi, period, move in largest],
    }


def action_items(kpis: Iterable[Kpi], currency: str) -> list[dict[str, Any]]:
    """One row per KPI off track or at risk in its current period, by owner, severity and gap."""
    items = []
    for kpi in kpis:
        period = kpi.current
        if period is None or period.status not in ("off_track", "at_risk"):
            continue
        gap = "—"
        if period.target is not None and period.actual is not None:
            side = "above" if period.actual > period.target else "below"
            gap = (
                f"{format_change(abs(period.actual - period.target), kpi.unit, currency).lstrip('+')} {side}"
            )
        items.append(
            {
                "kpi": kpi,
                "period": period,
                "period_label": period.label,
                "gap": gap,
                "gap_rate": format_rate(period.performance_vs_target),
                "next_step": (
                    f"{kpi.owner} to explain the gap and bring a recovery plan to the next"
                    f" {kpi.cadence} review."
                ),
            }
        )
    return sorted(
        items,
        key=lambda item: (
            item["kpi"].owner,
            status_rank(item["period"].status),
            item["period"].performance_vs_target or 0,
            item["kpi"].kpi_id,
        ),
    )


def report_context(
    data: WarehouseRows, commentary: dict[str, str], currency: str, title: str
) -> dict[str, Any]:
    """Everything the template needs, in display order."""
    kpis = data.kpis
    areas: dict[str, list[Kpi]] = {}
    for kpi in sorted(kpis, key=lambda kpi: (focus_area_key(kpi.focus_area), kpi.label.lower(), kpi.kpi_id)):
        areas.setdefault(kpi.focus_area, []).append(kpi)
    current_ends = [kpi.current.last_date for kpi in kpis if kpi.current is not None]
    labels = {kpi.kpi_id: kpi.label for kpi in kpis}
    return {
        "title": title,
        "data_through": max(current_ends).isoformat() if current_ends else None,
        "kpi_count": len(kpis),
        "summary": executive_summary(kpis, currency),
        "focus_areas": [
            {
                "name": name,
                "slug": re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-"),
                "kpis": members,
                "by_status": sorted(members, key=lambda kpi: (status_rank(kpi.status), kpi.label.lower())),
            }
            for name, members in areas.items()
        ],
        "charts": {kpi.kpi_id: trend_chart_svg(kpi, currency) for kpi in kpis},
        "cohorts": cohort_heatmap(data.cohorts),
        "bridge": mrr_bridge(data.bridge, labels, currency),
        "funnel": sales_funnel(data.funnel),
        "coverage": next(
            (
                coverage_chart(kpi, data.coverage, currency)
                for kpi in kpis
                if kpi.kpi_id == "pipeline_coverage"
            ),
            None,
        ),
        "commentary": commentary,
        "actions": action_items(kpis, currency),
        "catalog": sorted(kpis, key=lambda kpi: kpi.kpi_id),
        "change_log": [
            {
                "kpi_id": kpi_id,
                "label": labels.get(kpi_id, kpi_id),
                "sequence": seq,
                "version": version,
                "change": change,
            }
            for kpi_id, seq, version, change in data.change_log
        ],
        "grain_noun": GRAIN_NOUN,
    }


def render(context: dict[str, Any], currency: str) -> str:
    environment = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATE_DIR),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    environment.filters.update(
        value=lambda value, unit, short=False: format_value(value, unit, currency, short),
        change=lambda value, unit: format_change(value, unit, currency),
        rate=format_rate,
        period=lambda start, grain: period_label(grain, start),
        markdown=markdown_to_html,
        status=status_badge,
        excerpt=excerpt,
        favourable=lambda change, kpi: is_favourable(kpi, change),
    )
    return environment.get_template(TEMPLATE_NAME).render(**context)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--warehouse",
        type=Path,
        default=Path(os.environ.get("REVOPS_DUCKDB_PATH", PROJECT_DIR / "warehouse" / "revops.duckdb")),
        help="DuckDB warehouse to read, read-only (default: $REVOPS_DUCKDB_PATH or warehouse/revops.duckdb)",
    )
    parser.add_argument(
        "--out",
        type=Path,
        default=PROJECT_DIR / "warehouse" / "kpi_report.html",
        help="HTML file to write (default: warehouse/kpi_report.html)",
    )
    parser.add_argument(
        "--commentary",
        type=Path,
        default=None,
        help="optional YAML mapping of kpi_id to owner commentary, shown in the drill-downs",
    )
    parser.add_argument(
        "--currency-symbol", default="$", help="symbol of the reporting currency (default: $, for USD)"
    )
    parser.add_argument("--title", default="RevOps KPI report", help="the report's title")
    args = parser.parse_args(argv)

    started = time.perf_counter()
    data = load_warehouse(args.warehouse)
    kpis = data.kpis
    context = report_context(
        data,
        load_commentary(args.commentary, {kpi.kpi_id for kpi in kpis}),
        args.currency_symbol,
        args.title,
    )
    document = render(context, args.currency_symbol)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(document, encoding="utf-8")
    print(
        f"KPI report: {args.out} ({len(kpis)} KPIs rendered, {len(document) / 1e6:.1f} MB,"
        f" {time.perf_counter() - started:.1f} s)"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
