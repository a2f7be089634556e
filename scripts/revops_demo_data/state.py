"""What one run shares across sources: the raw tables being filled (their columns read from the
raw data contract), the entities of the story and the helpers every source uses (random streams,
ids, names, e-mail addresses, companies, currencies and FX, prices, deal plans, reps)."""

from __future__ import annotations

import random
import string
from bisect import bisect_right
from collections.abc import Callable
from datetime import date, datetime, timedelta

from .common import LAST_INSTANT, MONTHS, Table, Value, below, month_of, pick, seconds
from .contract import raw_tables
from .entities import Account, Campaign, Customer, DealPlan, Opportunity, Price, Rep
from .reference import (
    COMPANY_EXTRAS,
    COMPANY_HEADS,
    COMPANY_QUALIFIERS,
    COMPANY_TAILS,
    COUNTRIES,
    FIRST_NAMES,
    LAST_NAMES,
    LEGAL_FORMS,
    MINOR_UNIT_FACTOR,
    NEW_PRICE_DATE,
    REGION_UTC_HOURS,
    SEGMENTS,
    SELF_SERVE,
    TLD,
    SegmentProfile,
)

TAIL_NAMES = list(COMPANY_TAILS)


class State:
    """One run's tables, entities and shared helpers; each source module adds its steps as a mixin."""

    def __init__(self, seed: int, scale: float) -> None:
        self.seed, self.scale = seed, scale
        self.tables = {
            f"{t.source}.{t.name}": Table(t, self.rng(f"write:{t.source}.{t.name}")) for t in raw_tables()
        }
        self.ids_rng = self.rng("ids")
        self.seen_ids: set[str] = set()
        self.fx: dict[tuple[date, str], float] = {}
        self.reps: list[Rep] = []
        self.campaigns: list[Campaign] = []
        self.accounts: list[Account] = []
        self.opportunities: list[Opportunity] = []
        self.customers: list[Customer] = []
        self.prices: dict[tuple[str, str, str, bool], Price] = {}
        self.agents: list[tuple[int, str, datetime, datetime | None]] = []  # id, team, start, left
        self.company_names: set[str] = set()
        self.emails: set[str] = set()
        self.free_users: list[tuple[str, str, datetime]] = []
        self.won_deals: list[tuple[Opportunity, DealPlan, str]] = []  # (opp, plan, lead source)
        self.converted_leads: list[list[Value]] = []  # crm.leads rows converted (and not deleted)
        self.referral_leads: list[tuple[str, datetime]] = []  # (id, created) of the referral leads
        self.initiative_dates: dict[str, tuple[str, date | None]] = {}  # name -> (id, implemented date)
        # every exported website page view, for the form submissions made on them:
        # (anonymous id, user id, path, moment, (utm_source, utm_medium, utm_campaign))
        self.web_views: list[tuple[str, str | None, str, datetime, tuple[str | None, ...]]] = []
        # every live lead's story for its lifecycle stages: (id, created, source, status, touches, converted)
        self.lead_stories: list[tuple[str, datetime, str, str, list[datetime], datetime | None]] = []
        self.unqualified_at: dict[str, datetime] = {}  # when each live Unqualified lead was given that status
        self.memos: dict[tuple[object, ...], list[Campaign]] = {}
        self.agent_changes: list[datetime] = []  # the instants agents start or leave, sorted
        self.agent_pools: dict[tuple[str, int], list[tuple[int, str, datetime, datetime | None]]] = {}
        self.rep_candidates: dict[tuple[str, str | None], list[Rep]] = {}
        self.rep_leaving_days: dict[tuple[str, str | None, date], list[date]] = {}
        self.rep_pools: dict[tuple[str, str | None, date, int | date], list[Rep]] = {}

    def rng(self, label: str) -> random.Random:
        return random.Random(f"{self.seed}:{label}")

    def memo(self, key: tuple[object, ...], compute: Callable[[], list[Campaign]]) -> list[Campaign]:
        """compute(), once per key: the campaigns a channel, day or purpose offers (linear scans per
        lead or deal would make the run quadratic in scale)."""
        if key not in self.memos:
            self.memos[key] = compute()
        return self.memos[key]

    def new_id(self, prefix: str, length: int, alphabet: str = string.ascii_letters + string.digits) -> str:
        random, size = self.ids_rng.random, float(len(alphabet))
        while True:
            # self.ids_rng.choices(alphabet, k=length), drawn as random.Random draws it
            candidate = prefix + "".join([alphabet[int(random() * size)] for _ in range(length)])
            if candidate not in self.seen_ids:
                self.seen_ids.add(candidate)
                return candidate

    def sf_id(self, prefix: str) -> str:
        """A Salesforce-style 18-character id: 3-character key prefix + 15 characters."""
        return self.new_id(prefix + "5g0000", 9)

    def own_sf_id(self, rng: random.Random, prefix: str) -> str:
        """A Salesforce-style id drawn from a step's own stream, still unique among all ids: a step
        added later uses it so the shared id stream, and every later table's ids, do not move."""
        alphabet = string.ascii_letters + string.digits
        while True:
            candidate = prefix + "5g0000" + "".join(rng.choice(alphabet) for _ in range(9))
            if candidate not in self.seen_ids:
                self.seen_ids.add(candidate)
                return candidate

    def person(self, rng: random.Random) -> tuple[str, str]:
        return rng.choice(FIRST_NAMES), rng.choice(LAST_NAMES)

    def unique_email(self, local: str, domain: str) -> str:
        email, n = f"{local}@{domain}", 1
        while email in self.emails:
            n += 1
            email = f"{local}{n}@{domain}"
        self.emails.add(email)
        return email

    def company(self, rng: random.Random, country: str) -> tuple[str, str, str]:
        """A unique company: (name, web domain, industry)."""
        attempt, bits = 0, rng.getrandbits  # below(bits, len(x)) draws as rng.choice(x) does
        while True:  # at scale 100 a name takes about 30 attempts: the draws are the cost
            head = COMPANY_HEADS[below(bits, len(COMPANY_HEADS))]
            tail = TAIL_NAMES[below(bits, len(TAIL_NAMES))]
            extra = COMPANY_EXTRAS[below(bits, len(COMPANY_EXTRAS))]
            qualifier = f"{COMPANY_QUALIFIERS[below(bits, len(COMPANY_QUALIFIERS))]} " if attempt >= 3 else ""
            base = f"{head} {qualifier}{tail}{extra}" + (f" {attempt}" if attempt >= 30 else "")
            attempt += 1
            if base not in self.company_names:
                self.company_names.add(base)
                domain = base.lower().replace(" ", "") + "." + TLD[country]
                return f"{base} {LEGAL_FORMS[country]}", domain, COMPANY_TAILS[tail]

    def country_in(self, rng: random.Random, region: str) -> tuple[str, str]:
        options = COUNTRIES[region]
        country, currency, _ = rng.choices(options, weights=[w for *_, w in options])[0]
        return country, currency

    def work_time(self, rng: random.Random, day: date, region: str) -> datetime:
        """A business-hours moment of a local day, as UTC."""
        local = datetime(day.year, day.month, day.day, 8) + seconds(rng.randint(0, 10 * 3600 - 1))
        return local - timedelta(hours=REGION_UTC_HOURS[region])

    def rate(self, month: date, currency: str) -> float:
        """USD per unit of `currency` in a month (months outside the window use the nearest)."""
        month = min(max(month, MONTHS[0]), MONTHS[-1])
        return 1.0 if currency.upper() == "USD" else self.fx[(month, currency.upper())]

    def convert_minor(self, amount: int, from_currency: str, to_currency: str, moment: datetime) -> int:
        """Convert minor units between currencies at the month's rates."""
        month = month_of(moment)
        usd = amount / MINOR_UNIT_FACTOR[from_currency] * self.rate(month, from_currency)
        return round(usd / self.rate(month, to_currency) * MINOR_UNIT_FACTOR[to_currency])

    @staticmethod
    def crm_amount(minor: int, currency: str) -> int:
        """Billing minor units -> crm hundredths of the major unit."""
        return minor * 100 // MINOR_UNIT_FACTOR[currency]

    def price_for(self, tier: str, plan: str, currency: str, moment: datetime) -> Price:
        if moment < NEW_PRICE_DATE and (tier, plan, currency, True) in self.prices:
            return self.prices[(tier, plan, currency, True)]
        return self.prices[(tier, plan, currency, False)]

    def deal_plan(self, rng: random.Random, profile: SegmentProfile) -> DealPlan:
        low, high = profile.seats
        seats = low + int((high - low + 1) * rng.random() ** 1.6)
        discount = 0
        if profile is not SELF_SERVE and profile is not SEGMENTS["SMB"] and rng.random() < 0.25:
            discount = rng.choice([500, 1000, 1500])
        return DealPlan(pick(rng, profile.tiers), pick(rng, profile.plans), min(seats, 50), discount)

    def reps_with(self, role: str, team: str | None = None) -> list[Rep]:
        return [rep for rep in self.reps if rep.role == role and (team is None or rep.team == team)]

    def pick_rep(
        self, rng: random.Random, role: str, team: str | None, start: datetime, end: datetime
    ) -> Rep:
        """A rep of a role (and team) employed at `start`, preferably until `end`."""
        return rng.choice(self.rep_pool(role, team, start, min(end, LAST_INSTANT)))

    def rep_pool(self, role: str, team: str | None, start: datetime, end: datetime) -> list[Rep]:
        """The reps pick_rep chooses from, memoised: the pool depends only on the day of `start` and
        on which of the reps employed then have left by the day of `end` (reps are all hired first)."""
        day, last_day = start.date(), end.date()
        if (role, team) not in self.rep_candidates:
            self.rep_candidates[(role, team)] = self.reps_with(role, team) or self.reps_with(role)
        candidates = self.rep_candidates[(role, team)]
        leaving = self.rep_leaving_days.get((role, team, day))
        if leaving is None:
            leaving = sorted(rep.terminated for rep in candidates if rep.active(start) and rep.terminated)
            self.rep_leaving_days[(role, team, day)] = leaving
        key = (role, team, day, bisect_right(leaving, last_day) if last_day >= day else last_day)
        pool = self.rep_pools.get(key)
        if pool is None:
            at_start = [rep for rep in candidates if rep.active(start)]
            whole = [rep for rep in at_start if rep.active(end)]
            pool = (
                whole or at_start or [rep for rep in self.reps_with(role) if rep.active(start)] or candidates
            )
            if len(self.rep_pools) >= 4096:  # bounded: the calls come in rough time order
                self.rep_pools.clear()
            self.rep_pools[key] = pool
        return pool
