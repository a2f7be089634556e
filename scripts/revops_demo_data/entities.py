"""The entities of the story as the simulation holds them (reps, campaigns, accounts, opportunities,
prices, customers, subscriptions, invoices, payments) before they are written as raw rows."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from .common import END
from .reference import PLAN_MONTHS, SegmentProfile


@dataclass(slots=True)
class Rep:
    id: str
    name: str
    email: str
    role: str  # canonical label, e.g. "Account Executive"
    team: str
    region: str
    manager_id: str | None
    hired: date
    terminated: date | None = None

    def active(self, moment: datetime) -> bool:
        day = moment.date()
        return self.hired <= day and (self.terminated is None or day < self.terminated)


@dataclass(slots=True)
class Campaign:
    id: str
    type: str
    channel: str
    start: date
    end: date
    cost: int  # hundredths of the major unit
    currency: str


@dataclass(slots=True)
class Account:
    id: str
    name: str
    domain: str
    segment: str
    industry: str
    country: str
    region: str
    currency: str
    created: datetime
    owners: list[tuple[datetime, str]] = field(default_factory=list)  # (from, owner id)
    segments: list[tuple[datetime, str]] = field(default_factory=list)  # (from, segment)
    contacts: list[str] = field(default_factory=list)

    def owner_at(self, moment: datetime) -> str:
        owner = self.owners[0][1]
        for since, rep_id in self.owners:
            if since <= moment:
                owner = rep_id
        return owner

    def segment_at(self, moment: datetime) -> str:
        segment = self.segments[0][1]
        for since, value in sorted(self.segments):
            if since <= moment:
                segment = value
        return segment


@dataclass(slots=True)
class DealPlan:
    tier: str
    plan: str
    seats: int
    discount_bp: int  # a negotiated discount for the life of the subscription


@dataclass(slots=True)
class OppChange:
    at: datetime
    stage: str
    amount: int | None
    close_date: date


@dataclass(slots=True)
class Opportunity:
    id: str
    name: str
    account: Account | None
    type: str
    currency: str
    owner_id: str
    campaign_id: str | None
    changes: list[OppChange]
    deleted: bool = False

    @property
    def final(self) -> OppChange:
        return self.changes[-1]

    @property
    def is_won(self) -> bool:
        return self.final.stage == "Closed Won"


@dataclass(slots=True)
class Price:
    id: str
    product_id: str
    tier: str
    plan: str
    interval: str
    count: int
    unit_amount: int
    currency: str
    active: bool
    created: datetime

    def period_amount(self, quantity: int) -> int:
        return self.unit_amount * quantity * self.count

    def acv(self, quantity: int) -> int:
        return self.period_amount(quantity) * 12 // PLAN_MONTHS[self.plan]


@dataclass(slots=True)
class Line:
    id: str
    subscription_id: str | None
    price_id: str | None
    type: str
    description: str
    quantity: int
    amount: int
    discount: int
    is_proration: bool
    period_start: datetime
    period_end: datetime


@dataclass(slots=True)
class Payment:
    id: str
    amount: int
    status: str
    created: datetime
    failure_code: str | None = None
    refunded: int = 0
    refunded_at: datetime | None = None


@dataclass(slots=True)
class Invoice:
    id: str
    customer: Customer
    subscription_id: str | None
    status: str
    lines: list[Line]
    tax_bp: int
    period_start: datetime
    period_end: datetime
    created: datetime
    payments: list[Payment] = field(default_factory=list)
    number: str = ""

    @property
    def subtotal(self) -> int:
        return sum(line.amount for line in self.lines)

    @property
    def discount(self) -> int:
        return sum(line.discount for line in self.lines)

    @property
    def tax(self) -> int:
        net = self.subtotal - self.discount
        return (net * self.tax_bp + 5000) // 10000 if net > 0 else 0

    @property
    def total(self) -> int:
        return self.subtotal - self.discount + self.tax


@dataclass(slots=True)
class Segment:
    """A stretch of a subscription with one price, quantity and discount (for MRR estimates)."""

    start: datetime
    end: datetime
    price: Price
    quantity: int
    discount_bp: int


@dataclass(slots=True)
class SubEvent:
    kind: str  # upgrade, downgrade, add_subscription
    at: datetime
    old_acv: int
    new_acv: int


@dataclass(slots=True)
class Subscription:
    id: str
    customer: Customer
    price: Price
    quantity: int
    created: datetime
    status: str = "active"
    trial_start: datetime | None = None
    trial_end: datetime | None = None
    period_start: datetime | None = None
    period_end: datetime | None = None
    cancel_at: datetime | None = None
    canceled_at: datetime | None = None
    ended_at: datetime | None = None
    changed_at: datetime | None = None
    segments: list[Segment] = field(default_factory=list)
    events: list[SubEvent] = field(default_factory=list)
    invoices: list[Invoice] = field(default_factory=list)
    terms: list[tuple[datetime, datetime, int]] = field(default_factory=list)  # (start, end, acv)

    @property
    def paid_start(self) -> datetime | None:
        return self.segments[0].start if self.segments else None


@dataclass(slots=True)
class Customer:
    id: str
    email: str
    name: str
    account: Account | None
    currency: str
    country: str
    created: datetime
    kind: str  # sales, self_serve, trial_only, second_currency, duplicate
    tax_bp: int
    profile: SegmentProfile
    deleted: bool = False
    subscriptions: list[Subscription] = field(default_factory=list)
    one_time_invoices: list[Invoice] = field(default_factory=list)
    users: list[tuple[str, str, datetime]] = field(default_factory=list)  # product user (id, email, signup)
    signup_source: str = "sales_assisted"

    def active_spans(self) -> list[tuple[datetime, datetime]]:
        """Paid spans of its subscriptions: first paid period start to end (or the data end)."""
        spans = []
        for subscription in self.subscriptions:
            if subscription.paid_start is not None:
                spans.append((subscription.paid_start, subscription.ended_at or END))
        return sorted(spans)

    def is_active(self, moment: datetime) -> bool:
        return any(start <= moment < end for start, end in self.active_spans())

    def churn_moments(self) -> list[datetime]:
        """Moments after which the customer had no paid subscription (full churn)."""
        spans = self.active_spans()
        moments = []
        for _, end in spans:
            if end < END and not any(start <= end < other_end for start, other_end in spans):
                moments.append(end)
        return sorted(moments)


def sub_acv(customer: Customer) -> int:
    """Current ACV (minor units) of a customer's latest subscription."""
    latest = customer.subscriptions[-1]
    return latest.price.acv(latest.quantity)
