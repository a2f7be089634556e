"""revops: monthly FX rates (built first: every currency conversion reads them) and, at the end of
the story, GL expenses from headcount, bookings and campaign spend, KPI targets a little above what
the story achieves, RevOps initiatives and tool adoption (revops.fx_rates, revops.gl_expenses,
revops.kpi_targets, revops.initiatives, revops.tool_adoption), and in steps of their own the
headcount plan, the process error log and the ad platforms' company-engagement export of the paid
campaigns (revops.headcount, revops.process_errors, revops.ad_account_reach)."""

from __future__ import annotations

import random
from bisect import bisect_left
from datetime import date, datetime, timedelta

from .common import LAST_INSTANT, MONTHS, days, hours, messy, month_end, month_of, pick, poisson, round_to
from .reference import (
    COMPANY_HEADS,
    COMPANY_TAILS,
    COUNTRIES,
    FX_BANDS,
    MINOR_UNIT_FACTOR,
    PLAN_MONTHS,
    REGION_WEIGHTS,
    TLD,
)
from .state import State

MONTH_ENDS = [month_end(month) for month in MONTHS]
# Employee bands an ad platform reports, per CRM segment (prospects draw from every band).
SEGMENT_BANDS = {
    "SMB": ["11-50", "51-200"],
    "Mid-Market": ["201-500", "501-1000"],
    "Enterprise": ["1001-5000", "5001-10000", "10001+"],
}
EMPLOYEE_BANDS = ["1-10", *SEGMENT_BANDS["SMB"], *SEGMENT_BANDS["Mid-Market"], *SEGMENT_BANDS["Enterprise"]]
# Industries the paid campaigns target (the ideal customer profile's), reached more often.
TARGETED_INDUSTRIES = {"Software", "Financial Services", "Manufacturing"}


class Revops(State):
    """FX rates, GL expenses, KPI targets, initiatives, tool adoption, headcount and process errors."""

    def build_fx_rates(self) -> None:
        rng = self.rng("fx")
        table = self.tables["revops.fx_rates"]
        levels = {currency: band[2] for currency, band in FX_BANDS.items()}
        for month in MONTHS:
            for currency in ["EUR", "GBP", "JPY"]:
                low, high, _ = FX_BANDS[currency]
                step = rng.gauss(0, (high - low) * 0.07)
                level = levels[currency] + step
                if not low <= level <= high:
                    level = levels[currency] - step
                levels[currency] = min(max(level, low), high)
                self.fx[(month, currency)] = round(levels[currency], 8)
            for currency in ["EUR", "GBP", "JPY", "USD"]:
                value = 1.0 if currency == "USD" else self.fx[(month, currency)]
                table.add(
                    datetime(month.year, month.month, 1, 9),
                    month=month,
                    currency=currency,
                    rate_to_usd=f"{value:.8f}",
                )

    def build_revops(self) -> None:
        rng = self.rng("revops")
        self.build_gl_expenses(rng)
        self.build_kpi_targets(rng)
        self.build_initiatives(rng)
        self.build_tool_adoption(rng)

    def headcount(self, role: str, month: date) -> int:
        moment = datetime.combine(month, datetime.min.time()) + days(14)
        return sum(1 for rep in self.reps if rep.role == role and rep.active(moment))

    def staff(self, month: date) -> tuple[int, int, int, int, int, int]:
        """Headcount in the month: AEs, SDRs, sales managers, CSMs, marketers, support agents."""
        roles = ("Account Executive", "Sales Development Rep", "Sales Manager", "Customer Success Manager")
        ae, sdr, managers, csm = (self.headcount(role, month) for role in roles)
        agents = sum(1 for a in self.agents if a[2].date() <= month and (a[3] is None or a[3].date() > month))
        return ae, sdr, managers, csm, self.headcount("Marketing", month), agents

    def bookings_usd(self) -> dict[date, float]:
        booked: dict[date, float] = {}
        for opp in self.opportunities:
            if opp.is_won and opp.type != "Renewal" and not opp.deleted and opp.final.amount:
                month = month_of(opp.final.at)
                booked[month] = booked.get(month, 0.0) + opp.final.amount / 100 * self.rate(
                    month, opp.currency
                )
        return booked

    def build_gl_expenses(self, rng: random.Random) -> None:
        table = self.tables["revops.gl_expenses"]
        bookings = self.bookings_usd()
        campaign_spend: dict[tuple[date, str], float] = {}
        for campaign in self.campaigns:
            month = month_of(campaign.start)
            category = {"Paid": "Advertising", "Event": "Events", "Webinar": "Events"}.get(
                campaign.type, "Contractors"
            )
            usd = campaign.cost / 100 * self.rate(month, campaign.currency)
            campaign_spend[(month, category)] = campaign_spend.get((month, category), 0.0) + usd
        scale = self.scale
        for index, month in enumerate(MONTHS):
            growth = 1 + index / 35
            ae, sdr, managers, csm, marketers, agents = self.staff(month)
            lines = [
                ("Sales", "Salaries", ae * 9000 + sdr * 5500 + managers * 13000),
                ("Sales", "Commissions", bookings.get(month, 0.0) * 0.08),
                ("Sales", "Software", (ae + sdr + managers) * 320),
                ("Sales", "Travel", (ae + managers) * rng.uniform(300, 900)),
                ("Marketing", "Salaries", marketers * 8000),
                ("Marketing", "Advertising", campaign_spend.get((month, "Advertising"), 0.0)),
                ("Marketing", "Events", campaign_spend.get((month, "Events"), 0.0)),
                ("Marketing", "Contractors", campaign_spend.get((month, "Contractors"), 0.0) + 2500 * scale),
                ("Marketing", "Software", 4200 * scale * growth),
                ("Customer Success", "Salaries", csm * 8500),
                ("Customer Success", "Software", csm * 250),
                ("Customer Success", "Travel", csm * rng.uniform(100, 400)),
                ("Support", "Salaries", agents * 5200),
                ("Support", "Software", agents * 115),
                ("R&D", "Salaries", round(22 * scale * growth * 0.9 + 1) * 11000),
                ("R&D", "Contractors", 15000 * scale * rng.uniform(0.6, 1.4)),
                ("R&D", "Software", 9000 * scale * growth),
                ("G&A", "Salaries", max(2, round(7 * scale * (1 + index / 70))) * 9500),
                ("G&A", "Software", 3000 * scale),
                ("G&A", "Contractors", 6000 * scale * rng.uniform(0.5, 1.5)),
                ("G&A", "Travel", 1500 * scale * rng.uniform(0.5, 1.5)),
            ]
            for department, category, amount in lines:
                if amount <= 0:
                    continue
                cents = round(amount * rng.uniform(0.98, 1.02) * 100)
                closed = datetime.combine(month, datetime.min.time()) + days(rng.uniform(35, 40))
                table.add(
                    closed,
                    stale=({"amount": round(cents * rng.uniform(0.9, 0.99))}, closed - days(2)),
                    month=month,
                    department=messy(rng, department, 0.12),
                    category=messy(rng, category, 0.12),
                    amount=cents,
                    currency="USD",
                )

    def build_facilities_expenses(self) -> None:
        """G&A facility costs booked with the other GL lines: office rent (a lease that steps up once
        a year), utilities and office supplies, each month."""
        rng = self.rng("facilities")
        table = self.tables["revops.gl_expenses"]
        scale = self.scale
        for index, month in enumerate(MONTHS):
            lines = [
                ("Rent", 18000 * scale * (1.03 ** (index // 12))),
                ("Utilities", 1400 * scale * rng.uniform(0.8, 1.25)),
                ("Supplies", 650 * scale * rng.uniform(0.6, 1.4)),
            ]
            for category, amount in lines:
                closed = datetime.combine(month, datetime.min.time()) + days(rng.uniform(35, 40))
                table.add(
                    closed,
                    month=month,
                    department=messy(rng, "G&A", 0.12),
                    category=messy(rng, category, 0.12),
                    amount=round(amount * 100),
                    currency="USD",
                )

    def build_headcount(self) -> None:
        """The headcount plan behind the ledger's salary lines: each department's full-time
        equivalents and average monthly salary per month, the figures build_gl_expenses books
        salaries from (the ledger adds +-2 % noise, so plan and booked cost differ a little)."""
        rng = self.rng("headcount")
        table = self.tables["revops.headcount"]
        scale = self.scale
        for index, month in enumerate(MONTHS):
            growth = 1 + index / 35
            ae, sdr, managers, csm, marketers, agents = self.staff(month)
            sellers = ae + sdr + managers
            sales_salary = (ae * 9000 + sdr * 5500 + managers * 13000) / sellers if sellers else 9000
            plan = [
                ("Sales", sellers, sales_salary),
                ("Marketing", marketers, 8000),
                ("Customer Success", csm, 8500),
                ("Support", agents, 5200),
                ("R&D", round(22 * scale * growth * 0.9 + 1), 11000),
                ("G&A", max(2, round(7 * scale * (1 + index / 70))), 9500),
            ]
            for department, employees, salary in plan:
                typed = datetime.combine(month, datetime.min.time()) + days(rng.uniform(0.5, 2.5))
                table.add(
                    typed,
                    month=month,
                    department=messy(rng, department, 0.12),
                    employees=f"{employees:.2f}",
                    average_monthly_salary=round(salary * 100),
                    currency="USD",
                )

    def build_process_errors(self) -> None:
        """Errors found in four revenue processes, a few a week: each process errs at its own
        monthly rate until the first of its automating initiatives (by name) goes live, then at
        a third of it; an error after that names the initiative."""
        rng = self.rng("process_errors")
        table = self.tables["revops.process_errors"]
        processes = [
            ("Lead routing", 6.0, ["Lead routing automation", "Lead scoring v2"]),
            ("Quoting", 4.0, ["CPQ rollout", "Quote approvals"]),
            ("Invoicing", 5.0, ["Billing-CRM sync", "Self-serve checkout"]),
            ("Data entry", 8.0, ["Data enrichment", "Pipeline hygiene bot"]),
        ]
        severities = [("Low", 55), ("Medium", 35), ("High", 10)]
        records = {"Low": (0, 3), "Medium": (2, 15), "High": (10, 80)}
        errors: list[tuple[date, str, str | None, str, int]] = []
        for process, monthly_rate, automations in processes:
            live = sorted(
                (implemented, initiative_id)
                for initiative_id, implemented in (self.initiative_dates[name] for name in automations)
                if implemented is not None
            )
            automated = live[0] if live else None
            for month in MONTHS:
                for _ in range(poisson(rng, monthly_rate * self.scale)):
                    detected = month + timedelta(rng.randrange(month_end(month).day))
                    after = automated is not None and detected >= automated[0]
                    if after and rng.random() > 1 / 3:
                        continue
                    severity = pick(rng, severities)
                    low, high = records[severity]
                    errors.append(
                        (detected, process, automated[1] if after else None, severity, rng.randint(low, high))
                    )
        for number, (detected, process, initiative_id, severity, affected) in enumerate(sorted(errors), 1):
            found = datetime.combine(detected, datetime.min.time()) + hours(rng.uniform(8, 18))
            table.add(
                min(found, LAST_INSTANT),
                error_id=f"ERR-{number:05d}",
                detected_date=detected,
                process=messy(rng, process, 0.15),
                initiative_id=initiative_id,
                severity=messy(rng, severity, 0.15),
                records_affected=affected,
            )

    def estimated_mrr_usd(self) -> tuple[dict[date, float], dict[date, float]]:
        """Month-end MRR and new MRR in USD, estimated from the simulation (for plausible targets)."""
        mrr: dict[date, float] = {m: 0.0 for m in MONTHS}
        new: dict[date, float] = {m: 0.0 for m in MONTHS}
        for customer in self.customers:
            first_month: date | None = None
            for sub in customer.subscriptions:
                for segment in sub.segments:
                    monthly = (
                        segment.price.period_amount(segment.quantity)
                        * (10000 - segment.discount_bp)
                        / 10000
                        / PLAN_MONTHS[segment.price.plan]
                        / MINOR_UNIT_FACTOR[customer.currency]
                    )
                    # The months whose last second lies in the segment and before the end.
                    stop = segment.end if sub.ended_at is None else min(segment.end, sub.ended_at)
                    first, after = bisect_left(MONTH_ENDS, segment.start), bisect_left(MONTH_ENDS, stop)
                    for month in MONTHS[first:after]:
                        mrr[month] += monthly * self.rate(month, customer.currency)
                        if first_month is None or month < first_month:
                            first_month = month
            if first_month is not None and customer.subscriptions:
                segment = min(
                    (s for sub in customer.subscriptions for s in sub.segments), key=lambda s: s.start
                )
                new[first_month] += (
                    segment.price.period_amount(segment.quantity)
                    / PLAN_MONTHS[segment.price.plan]
                    / MINOR_UNIT_FACTOR[customer.currency]
                    * self.rate(first_month, customer.currency)
                )
        return mrr, new

    def build_kpi_targets(self, rng: random.Random) -> None:
        table = self.tables["revops.kpi_targets"]
        mrr, new = self.estimated_mrr_usd()
        bookings = self.bookings_usd()

        def smooth(series: dict[date, float], month: date) -> float:
            index = MONTHS.index(month)
            window = [series.get(MONTHS[i], 0.0) for i in range(max(0, index - 2), index + 1)]
            return sum(window) / len(window)

        def add(
            kpi: str,
            grain: str,
            month: date,
            value: float,
            decimals: int,
            set_after_days: float | None = None,
        ) -> None:
            set_at = datetime(month.year - 1, 12, 15, 10) if month.year > 2023 else datetime(2022, 12, 15, 10)
            table.add(
                set_at + days(rng.uniform(0, 10) if set_after_days is None else set_after_days),
                kpi_id=kpi,
                period_grain=grain,
                period_start=month,
                dimension="all",
                dimension_value="all",
                target_value=f"{value:.{decimals}f}",
            )

        for month in MONTHS:
            year_factor = {2023: 1.0, 2024: 0.98, 2025: 0.96}[month.year]
            add("mrr", "month", month, round_to(smooth(mrr, month) * 1.06 + 500, 1000), 4)
            add("new_mrr", "month", month, round_to(smooth(new, month) * 1.1, 100), 4)
            add("bookings", "month", month, round_to(smooth(bookings, month) * 1.1, 1000), 4)
            add("customer_churn_rate", "month", month, 0.025 * year_factor, 4)
            add("csat", "month", month, 0.9, 4)
            add("first_response_time", "month", month, 4, 4)
        for quarter in MONTHS[::3]:
            index = MONTHS.index(quarter)
            quarter_bookings = sum(bookings.get(MONTHS[i], 0.0) for i in range(index, index + 3))
            add("bookings", "quarter", quarter, round_to(quarter_bookings * 1.1, 1000), 4)
            add("win_rate", "quarter", quarter, 0.3, 4)
            add("nps", "quarter", quarter, {2023: 30, 2024: 35, 2025: 40}[quarter.year], 4)
            add(
                "net_revenue_retention",
                "quarter",
                quarter,
                {2023: 1.0, 2024: 1.02, 2025: 1.05}[quarter.year],
                4,
            )
            add("cac", "quarter", quarter, {2023: 16000, 2024: 14000, 2025: 12000}[quarter.year], 4)
        # Targets added later set their date without drawing from rng, so the rest of the demo data
        # (drawn from the same generator afterwards) stays byte-identical.
        for quarter in MONTHS[::3]:
            add("pipeline_coverage", "quarter", quarter, 3.0, 4, set_after_days=5)

    def build_initiatives(self, rng: random.Random) -> None:
        table = self.tables["revops.initiatives"]
        names = [
            "Lead routing automation",
            "CPQ rollout",
            "Renewal playbook",
            "Forecast call cadence",
            "Territory redesign",
            "Deal desk",
            "Churn early-warning alerts",
            "Self-serve checkout",
            "Zendesk macros cleanup",
            "Opportunity stage definitions",
            "Data enrichment",
            "Quote approvals",
            "Commission calculator",
            "Pipeline hygiene bot",
            "Partner portal",
            "Usage-based alerts for CSMs",
            "Lead scoring v2",
            "Billing-CRM sync",
            "Onboarding checklist",
            "QBR templates",
            "Win/loss interviews",
            "Marketing attribution model",
            "Support tiers",
            "Health score dashboard",
            "Board pack automation",
        ]
        owners = ["Dana Price", "Marco Rossi", "Lena Fischer", "Sam Carter", "Priya Patel"]
        sizes = [("S", 1, (5, 15)), ("M", 2, (15, 40)), ("L", 4, (40, 100)), ("XL", 8, (100, 240))]
        quarters = [f"{year}-Q{q}" for year in (2023, 2024, 2025) for q in (1, 2, 3, 4)] + ["2026-Q1"]
        for index, name in enumerate(names):
            quarter = quarters[
                min(len(quarters) - 1, index * len(quarters) // len(names) + rng.randint(0, 1))
            ]
            size, weight, (low, high) = rng.choices(sizes, weights=[35, 35, 20, 10])[0]
            year, q = int(quarter[:4]), int(quarter[-1])
            quarter_start = date(year, 3 * q - 2, 1)
            implemented = None
            if quarter_start >= date(2025, 10, 1):
                status = (
                    "Planned"
                    if quarter_start > date(2025, 10, 1)
                    else pick(rng, [("In Progress", 2), ("Planned", 1)])
                )
            else:
                status = pick(rng, [("Implemented", 70), ("Cancelled", 12), ("In Progress", 18)])
                if status == "Implemented":
                    implemented = quarter_start + timedelta(rng.randint(20, 150))
                    if implemented > date(2025, 12, 31):
                        implemented, status = None, "In Progress"
            changed = datetime.combine(implemented or quarter_start, datetime.min.time()) + hours(11)
            self.initiative_dates[name] = (f"INIT-{index + 1:03d}", implemented)
            table.add(
                min(changed, LAST_INSTANT),
                initiative_id=f"INIT-{index + 1:03d}",
                name=name,
                owner=rng.choice(owners),
                planned_quarter=quarter,
                size=size,
                size_weight=weight,
                status=messy(rng, status, 0.2),
                implemented_date=implemented,
                est_hours_saved_per_month=f"{rng.randint(low, high)}",
            )

    def build_tool_adoption(self, rng: random.Random) -> None:
        table = self.tables["revops.tool_adoption"]
        for month in MONTHS:
            ae, sdr, managers, csm, marketers, agents = self.staff(month)
            index = MONTHS.index(month)
            licensed = {
                "Salesforce": ae + sdr + managers + csm + 2,
                "Outreach": ae + sdr,
                "Gong": ae + managers if month >= date(2024, 2, 1) else 0,
                "HubSpot": marketers + 2,
                "Clari": managers + 1 if month >= date(2024, 7, 1) else 0,
                "Zendesk": agents + 2,
            }
            adoption = {
                "Salesforce": 0.95,
                "Outreach": 0.8 + index / 350,
                "Gong": 0.4 + min(0.45, max(0, index - 13) * 0.03),
                "HubSpot": 0.9,
                "Clari": 0.5 + min(0.35, max(0, index - 18) * 0.03),
                "Zendesk": 0.97,
            }
            for tool, count in licensed.items():
                active = min(count, round(count * adoption[tool] * rng.uniform(0.93, 1.05)))
                table.add(
                    month_end(month) + days(2),
                    month=month,
                    tool=tool,
                    licensed_users=count,
                    active_users=active,
                )

    def build_ad_account_reach(self) -> None:
        """The ad platforms' monthly company-engagement export of the paid campaigns: in each month a
        campaign runs, a handful of reached companies (CRM accounts and prospects that are not in
        the CRM; the export keeps the companies above the platform's reporting threshold) with
        their impressions, clicks and spend in the campaign's currency. Targeting favours the
        profile's industries and larger companies. Runs after every other step on its own random
        stream and draws no ids or company names from the shared ones, so it only adds its table."""
        rng = self.rng("ad_account_reach")
        table = self.tables["revops.ad_account_reach"]
        companies: dict[str, tuple[str, str, str, str]] = {}  # domain: name, industry, band, country
        for account in self.accounts:
            band = rng.choice(SEGMENT_BANDS.get(account.segment, EMPLOYEE_BANDS))
            companies.setdefault(account.domain, (account.name, account.industry, band, account.country))
        tails = sorted(COMPANY_TAILS)
        for _ in range(round(250 * self.scale)):
            head, tail = rng.choice(COMPANY_HEADS), rng.choice(tails)
            name = f"{head} {tail} {rng.choice(['Partners', 'Works', 'Hub'])}"
            region = pick(rng, REGION_WEIGHTS)
            country = pick(rng, [(code, weight) for code, _, weight in COUNTRIES[region]])
            domain = name.lower().replace(" ", "") + "." + TLD[country]
            band = rng.choice(EMPLOYEE_BANDS)
            companies.setdefault(domain, (name, COMPANY_TAILS[tail], band, country))
        domains = sorted(companies)
        weights = [
            (3 if industry in TARGETED_INDUSTRIES else 1) * (1 if band in EMPLOYEE_BANDS[:3] else 2)
            for _, industry, band, _ in (companies[domain] for domain in domains)
        ]
        for campaign in self.campaigns:
            if campaign.type != "Paid":
                continue
            for month in MONTHS:
                if not month_of(campaign.start) <= month <= month_of(campaign.end):
                    continue
                reached = set(rng.choices(domains, weights=weights, k=rng.randint(4, 8)))
                # cost per 1,000 impressions, in the campaign's currency
                cpm = rng.uniform(35, 90) / self.rate(month, campaign.currency)
                for domain in sorted(reached):
                    name, industry, band, country = companies[domain]
                    impressions = max(1, round(rng.lognormvariate(5.7, 1.2)))
                    table.add(
                        month_end(month) + days(rng.uniform(2, 5)),
                        month=month,
                        campaign_id=campaign.id,
                        company_domain=messy(rng, domain, 0.05),
                        company_name=name,
                        industry=messy(rng, industry, 0.1),
                        company_size=band,
                        country_code=country,
                        impressions=impressions,
                        clicks=round(impressions * rng.uniform(0.002, 0.015)),
                        spend=round(impressions * cpm / 10),
                        currency=campaign.currency,
                    )
