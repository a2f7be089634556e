"""billing: Stripe-like prices; customers (won deals, self-serve trials, sales duplicates,
subsidiaries billed in USD) and their subscriptions simulated period by period, with invoices,
upgrades and their proration, downgrades, coupons, one-time charges, void invoices, failed payments,
refunds, past-due, churn and reactivation; written as billing.prices, billing.customers,
billing.subscriptions, billing.invoices, billing.invoice_line_items and billing.payments."""

from __future__ import annotations

import calendar
import random
import string
from datetime import datetime, timedelta

from .common import (
    END,
    MONTHS,
    add_months,
    between,
    days,
    hours,
    messy,
    minutes_between,
    month_weights,
    pick,
    round_to,
    scaled,
    seconds,
)
from .entities import (
    Account,
    Customer,
    DealPlan,
    Invoice,
    Line,
    Payment,
    Price,
    Segment,
    SubEvent,
    Subscription,
)
from .reference import (
    CURRENCY_PRICE_FACTOR,
    LEGACY_USD_CENTS,
    LIST_USD_CENTS_PER_SEAT_MONTH,
    NEW_PRICE_DATE,
    PLAN_MONTHS,
    PLANS,
    REGION_WEIGHTS,
    SEGMENTS,
    SELF_SERVE,
    SELF_SERVE_STARTS,
    SIGNUP_SOURCES,
    TAX_BP,
    TIERS,
    SegmentProfile,
)
from .state import State


class Billing(State):
    """Prices, customers, subscriptions, invoices and payments."""

    def build_prices(self) -> None:
        rng = self.rng("prices")
        products = {tier: self.new_id("prod_", 14) for tier in TIERS}
        for tier in TIERS:
            for plan, (interval, count, factor) in PLANS.items():
                for currency in ["usd", "eur", "gbp", "jpy"]:
                    raw = LIST_USD_CENTS_PER_SEAT_MONTH[tier] * factor * CURRENCY_PRICE_FACTOR[currency]
                    unit = round_to(raw, 100 if plan != "quarterly" or currency == "jpy" else 25)
                    created = datetime(2022, 1, 10, 15) + days(rng.uniform(0, 20))
                    if currency == "usd" and plan == "monthly" and tier in LEGACY_USD_CENTS:
                        created = NEW_PRICE_DATE - days(rng.uniform(5, 15))
                        legacy = Price(
                            self.new_id("price_", 14),
                            products[tier],
                            tier,
                            plan,
                            interval,
                            count,
                            LEGACY_USD_CENTS[tier],
                            currency,
                            False,
                            datetime(2021, 6, 1, 12),
                        )
                        self.prices[(tier, plan, currency, True)] = legacy
                    price = Price(
                        self.new_id("price_", 14),
                        products[tier],
                        tier,
                        plan,
                        interval,
                        count,
                        unit,
                        currency,
                        True,
                        created,
                    )
                    self.prices[(tier, plan, currency, False)] = price
        table = self.tables["billing.prices"]
        for price in self.prices.values():
            table.add(
                NEW_PRICE_DATE if not price.active else price.created,
                id=price.id,
                product_id=price.product_id,
                plan_tier=messy(rng, price.tier.title(), 0.3),
                recurring_interval=price.interval,
                recurring_interval_count=price.count,
                unit_amount=price.unit_amount,
                currency=price.currency,
                active=price.active,
                created=price.created,
            )

    def new_customer(
        self,
        rng: random.Random,
        *,
        email: str,
        name: str,
        account: Account | None,
        currency: str,
        country: str,
        created: datetime,
        kind: str,
        profile: SegmentProfile,
    ) -> Customer:
        customer = Customer(
            self.new_id("cus_", 14),
            email,
            name,
            account,
            currency,
            country,
            created,
            kind,
            rng.choice(TAX_BP[country]),
            profile,
        )
        self.customers.append(customer)
        return customer

    def build_sales_customers(self) -> None:
        """Won new business -> a billing customer whose subscription starts within two weeks."""
        rng = self.rng("billing.sales")
        for opp, plan, _ in self.won_deals:
            account = opp.account
            assert account is not None
            closed = opp.final.at
            start = closed + days(rng.uniform(0, 14))
            if start >= END - hours(1):  # the deal closed in the last days of the data
                start = closed + seconds((END - closed).total_seconds() * rng.uniform(0.1, 0.9))
            created = min(start, closed + days(rng.uniform(0, 3)))
            email = self.unique_email(rng.choice(["billing", "finance", "ap", "accounts"]), account.domain)
            customer = self.new_customer(
                rng,
                email=email,
                name=account.name,
                account=account,
                currency=account.currency,
                country=account.country,
                created=created,
                kind="sales",
                profile=SEGMENTS[account.segment],
            )
            self.run_customer(rng, customer, plan, start, trial=False)
            if created < END - days(5) and rng.random() < 0.02:  # a duplicate created by sales
                duplicate = self.new_customer(
                    rng,
                    email=email,
                    name=account.name,
                    account=account,
                    currency=account.currency,
                    country=account.country,
                    created=created + days(rng.uniform(1, 4)),
                    kind="duplicate",
                    profile=customer.profile,
                )
                duplicate.deleted = rng.random() < 0.5
                if not duplicate.deleted:
                    self.one_time_invoice(
                        rng, duplicate, duplicate.created + days(rng.uniform(1, 30)), "Training"
                    )
            if account.currency != "usd" and rng.random() < 0.05:  # a subsidiary billed in USD
                moment = start + days(rng.uniform(30, 400))
                if moment < END - days(20) and customer.is_active(moment):
                    second = self.new_customer(
                        rng,
                        email=self.unique_email("billing-us", account.domain),
                        name=f"{account.name} (US)",
                        account=account,
                        currency="usd",
                        country="US",
                        created=moment - days(rng.uniform(0, 2)),
                        kind="second_currency",
                        profile=customer.profile,
                    )
                    sub_plan = DealPlan(
                        plan.tier, rng.choice(["monthly", "annual"]), max(1, plan.seats // 3), 0
                    )
                    subscription = self.run_subscription(rng, second, sub_plan, moment, trial=False)
                    acv = subscription.terms[0][2] if subscription.terms else 0
                    subscription.events.append(SubEvent("add_subscription", moment, 0, acv))

    def build_self_serve_customers(self) -> None:
        """Product sign-ups that start a trial: about 60 % convert to paid, the rest never pay."""
        rng = self.rng("billing.self_serve")
        cumulative = month_weights(1.2)
        starts = []
        for _ in range(scaled(SELF_SERVE_STARTS, self.scale, 12)):
            month = MONTHS[rng.choices(range(36), cum_weights=cumulative)[0]]
            region = pick(rng, REGION_WEIGHTS)
            day = month + timedelta(rng.randint(0, calendar.monthrange(month.year, month.month)[1] - 1))
            starts.append((min(self.work_time(rng, day, region), END - hours(3)), region))
        starts.sort()
        for started, region in starts:
            country, currency = self.country_in(rng, region)
            first, last = self.person(rng)
            if rng.random() < 0.6:
                name = f"{first} {last}"
                email = self.unique_email(f"{first}.{last}".lower(), rng.choice(["gmail.com", "outlook.com"]))
            else:
                name, domain, _ = self.company(rng, country)
                email = self.unique_email(f"{first}.{last}".lower(), domain)
            converts = rng.random() < 0.6
            customer = self.new_customer(
                rng,
                email=email,
                name=name,
                account=None,
                currency=currency,
                country=country,
                created=started,
                kind="self_serve" if converts else "trial_only",
                profile=SELF_SERVE,
            )
            customer.signup_source = pick(rng, SIGNUP_SOURCES)
            deleted = not converts and rng.random() < 0.03
            plan = self.deal_plan(rng, SELF_SERVE)
            if started > END - days(12) and rng.random() < 0.35:
                # Paid sign-up without a trial whose first payment fails: an incomplete subscription.
                subscription = self.run_subscription(rng, customer, plan, started, trial=False)
                customer.kind = "self_serve"
                subscription.status = "incomplete"
                invoice = subscription.invoices[0]
                invoice.status = "open"
                invoice.payments = [
                    Payment(
                        self.new_id("ch_", 14),
                        invoice.total,
                        "failed",
                        invoice.created + seconds(30),
                        "card_declined",
                    )
                ]
                continue
            customer.deleted = deleted  # a trial that never paid, deleted on request
            self.run_customer(rng, customer, plan, started, trial=True, converts=converts)

    def run_customer(
        self,
        rng: random.Random,
        customer: Customer,
        plan: DealPlan,
        start: datetime,
        *,
        trial: bool,
        converts: bool = True,
    ) -> None:
        """A customer's subscriptions over time: the first one, maybe a second, maybe a reactivation."""
        first = self.run_subscription(rng, customer, plan, start, trial=trial, converts=converts)
        if customer.kind == "sales" and customer.profile.seats[0] >= 8 and rng.random() < 0.4:
            self.one_time_invoice(rng, customer, start + hours(rng.uniform(1, 48)), "Onboarding & setup fee")
        if first.paid_start is None:
            return
        if rng.random() < (0.08 if customer.kind == "sales" else 0.04):
            moment = first.paid_start + days(rng.uniform(60, 500))
            if moment < END - days(30) and customer.is_active(moment):
                extra = DealPlan(
                    pick(rng, customer.profile.tiers), "monthly", max(1, min(10, plan.seats // 2)), 0
                )
                second = self.run_subscription(rng, customer, extra, moment, trial=False, hazard_factor=2.5)
                acv = second.terms[0][2] if second.terms else 0
                second.events.append(SubEvent("add_subscription", moment, 0, acv))
        if customer.kind == "sales" and rng.random() < 0.12:
            moment = first.paid_start + days(rng.uniform(90, 700))
            if moment < END - days(10) and customer.is_active(moment):
                self.one_time_invoice(rng, customer, moment, "Training session")
        churns = customer.churn_moments()
        if churns and churns[-1] < END - days(40) and rng.random() < 0.14:
            gap = days(rng.uniform(27, 40)) if rng.random() < 0.45 else days(rng.uniform(120, 420))
            moment = churns[-1] + gap
            if moment < END - days(2):
                again = DealPlan(plan.tier, "monthly", plan.seats, 0)
                self.run_subscription(rng, customer, again, moment, trial=False)

    def run_subscription(
        self,
        rng: random.Random,
        customer: Customer,
        plan: DealPlan,
        start: datetime,
        *,
        trial: bool,
        converts: bool = True,
        hazard_factor: float = 1.0,
    ) -> Subscription:
        """Simulate one subscription period by period: invoices, upgrades, downgrades, churn."""
        price = self.price_for(plan.tier, plan.plan, customer.currency, start)
        quantity = plan.seats
        sub = Subscription(self.new_id("sub_", 14), customer, price, quantity, start, changed_at=start)
        customer.subscriptions.append(sub)
        anchor = start
        if trial:
            sub.trial_start, sub.trial_end = start, start + days(14)
            sub.period_start, sub.period_end = sub.trial_start, sub.trial_end
            if sub.trial_end >= END:
                sub.status = "trialing"
                return sub
            if not converts:
                sub.status = "canceled"
                sub.ended_at = sub.trial_end
                if rng.random() < 0.5:
                    sub.canceled_at, sub.cancel_at = start + days(rng.uniform(1, 12)), sub.trial_end
                else:
                    sub.canceled_at = sub.trial_end
                sub.changed_at = sub.ended_at
                return sub
            anchor = sub.trial_end
        months = PLAN_MONTHS[plan.plan]
        profile = customer.profile
        coupon: tuple[int, int, int] | None = None  # (basis points, first period, end period)
        if plan.discount_bp:
            coupon = (plan.discount_bp, 0, 10_000)
        elif rng.random() < (0.15 if profile is SELF_SERVE else 0.2) and months < 12:
            coupon = (rng.choice([1000, 2000, 2500]), 0, max(1, 3 // months))
        elif months == 1 and rng.random() < 0.025:
            begin = rng.randint(3, 12)
            coupon = (10000, begin, begin + rng.randint(1, 2))  # goodwill: some months free
        monthly_churn = profile.monthly_churn * hazard_factor
        k = 0
        while True:
            period_start = add_months(anchor, k * months, anchor.day)
            period_end = add_months(anchor, (k + 1) * months, anchor.day)
            discount = coupon[0] if coupon and coupon[1] <= k < coupon[2] else 0
            self.subscription_invoice(rng, sub, price, quantity, period_start, period_end, discount)
            sub.segments.append(Segment(period_start, period_end, price, quantity, discount))
            sub.terms.append((period_start, period_end, price.acv(quantity)))
            sub.period_start, sub.period_end = period_start, period_end
            sub.changed_at = period_start
            upgrade_chance = {1: 0.025, 3: 0.06, 12: 0.25}[months]
            if discount == 0 and (k > 0 or months == 12) and rng.random() < upgrade_chance:
                moment = period_start + seconds(
                    (period_end - period_start).total_seconds() * rng.uniform(0.15, 0.85)
                )
                if moment < END - hours(1):
                    new_price, new_quantity = self.upgraded(rng, price, quantity, moment)
                    self.proration_invoice(
                        rng, sub, price, quantity, new_price, new_quantity, moment, period_end
                    )
                    sub.segments[-1].end = moment
                    sub.segments.append(Segment(moment, period_end, new_price, new_quantity, 0))
                    sub.events.append(
                        SubEvent("upgrade", moment, price.acv(quantity), new_price.acv(new_quantity))
                    )
                    price, quantity = new_price, new_quantity
                    sub.changed_at = moment
            if period_end >= END:
                break
            churn = (
                profile.annual_churn * hazard_factor if months == 12 else 1 - (1 - monthly_churn) ** months
            )
            if rng.random() < churn:
                sub.status = "canceled"
                sub.cancel_at = sub.ended_at = period_end
                length = (period_end - period_start).total_seconds()
                sub.canceled_at = period_end - seconds(length * rng.uniform(0.05, 0.6))
                sub.changed_at = period_end
                break
            downgrade_chance = {1: 0.012, 3: 0.03, 12: 0.08}[months]
            if rng.random() < downgrade_chance:
                new_price, new_quantity = self.downgraded(rng, price, quantity, period_end)
                if (new_price, new_quantity) != (price, quantity):
                    sub.events.append(
                        SubEvent("downgrade", period_end, price.acv(quantity), new_price.acv(new_quantity))
                    )
                    price, quantity = new_price, new_quantity
            k += 1
        sub.price, sub.quantity = price, quantity
        assert sub.period_start is not None and sub.period_end is not None
        if sub.status == "active" and rng.random() < 0.02:  # cancellation requested, effective after the data
            sub.canceled_at = between(rng, max(sub.period_start, END - days(20)), END - hours(1))
            sub.cancel_at = sub.period_end
            sub.changed_at = sub.canceled_at
        self.payment_trouble(rng, sub)
        return sub

    def upgraded(
        self, rng: random.Random, price: Price, quantity: int, moment: datetime
    ) -> tuple[Price, int]:
        tier_index = TIERS.index(price.tier)
        if (rng.random() < 0.6 and quantity < 50) or tier_index == len(TIERS) - 1:
            return self.price_for(price.tier, price.plan, price.currency, moment), min(
                50, quantity + max(1, round(quantity * rng.uniform(0.1, 0.6)))
            )
        return self.price_for(TIERS[tier_index + 1], price.plan, price.currency, moment), quantity

    def downgraded(
        self, rng: random.Random, price: Price, quantity: int, moment: datetime
    ) -> tuple[Price, int]:
        tier_index = TIERS.index(price.tier)
        if (rng.random() < 0.6 and quantity > 1) or tier_index == 0:
            reduced = max(1, quantity - max(1, round(quantity * rng.uniform(0.1, 0.4))))
            return self.price_for(price.tier, price.plan, price.currency, moment), reduced
        return self.price_for(TIERS[tier_index - 1], price.plan, price.currency, moment), quantity

    def new_invoice(
        self,
        customer: Customer,
        subscription_id: str | None,
        lines: list[Line],
        period_start: datetime,
        period_end: datetime,
        created: datetime,
    ) -> Invoice:
        return Invoice(
            self.new_id("in_", 14),
            customer,
            subscription_id,
            "paid",
            lines,
            customer.tax_bp,
            period_start,
            period_end,
            created,
        )

    def subscription_invoice(
        self,
        rng: random.Random,
        sub: Subscription,
        price: Price,
        quantity: int,
        period_start: datetime,
        period_end: datetime,
        discount_bp: int,
    ) -> None:
        created = period_start
        if rng.random() < 0.008:  # issued with a wrong quantity, voided and issued again
            void = self.new_invoice(
                sub.customer,
                sub.id,
                [self.subscription_line(sub, price, quantity + 1, period_start, period_end, discount_bp)],
                period_start,
                period_end,
                created,
            )
            void.status = "void"
            sub.invoices.append(void)
            created = created + seconds(rng.randint(600, 3600))
        invoice = self.new_invoice(
            sub.customer,
            sub.id,
            [self.subscription_line(sub, price, quantity, period_start, period_end, discount_bp)],
            period_start,
            period_end,
            created,
        )
        self.settle(rng, invoice)
        sub.invoices.append(invoice)

    def subscription_line(
        self,
        sub: Subscription,
        price: Price,
        quantity: int,
        period_start: datetime,
        period_end: datetime,
        discount_bp: int,
    ) -> Line:
        amount = price.period_amount(quantity)
        return Line(
            self.new_id("il_", 14),
            sub.id,
            price.id,
            "subscription",
            f"{quantity} x {price.tier.title()} ({price.plan})",
            quantity,
            amount,
            (amount * discount_bp + 5000) // 10000,
            False,
            period_start,
            period_end,
        )

    def proration_invoice(
        self,
        rng: random.Random,
        sub: Subscription,
        old_price: Price,
        old_quantity: int,
        new_price: Price,
        new_quantity: int,
        moment: datetime,
        period_end: datetime,
    ) -> None:
        """Upgrade mid-period: credit the unused time on the old price, charge the rest on the new one."""
        period_start = sub.period_start
        assert period_start is not None
        remaining = int((period_end - moment).total_seconds())
        length = int((period_end - period_start).total_seconds())
        credit = -((old_price.period_amount(old_quantity) * remaining + length // 2) // length)
        charge = (new_price.period_amount(new_quantity) * remaining + length // 2) // length
        lines = [
            Line(
                self.new_id("il_", 14),
                sub.id,
                old_price.id,
                "invoiceitem",
                f"Unused time on {old_quantity} x {old_price.tier.title()}",
                old_quantity,
                credit,
                0,
                True,
                moment,
                period_end,
            ),
            Line(
                self.new_id("il_", 14),
                sub.id,
                new_price.id,
                "invoiceitem",
                f"Remaining time on {new_quantity} x {new_price.tier.title()}",
                new_quantity,
                charge,
                0,
                True,
                moment,
                period_end,
            ),
        ]
        invoice = self.new_invoice(sub.customer, sub.id, lines, moment, period_end, moment)
        self.settle(rng, invoice)
        sub.invoices.append(invoice)

    def one_time_invoice(
        self, rng: random.Random, customer: Customer, moment: datetime, description: str
    ) -> None:
        if moment >= END:
            return
        usd = (
            rng.choice([1500, 2500, 5000, 7500]) if "setup" in description else rng.choice([800, 1200, 2000])
        )
        amount = round_to(
            self.convert_minor(usd * 100, "usd", customer.currency, moment),
            100 if customer.currency == "jpy" else 1000,
        )
        line = Line(
            self.new_id("il_", 14),
            None,
            None,
            "invoiceitem",
            description,
            1,
            amount,
            0,
            False,
            moment,
            moment,
        )
        invoice = self.new_invoice(customer, None, [line], moment, moment, moment)
        if moment > END - days(3) and rng.random() < 0.5:
            invoice.status = "draft"
        else:
            self.settle(rng, invoice)
        customer.one_time_invoices.append(invoice)

    def settle(self, rng: random.Random, invoice: Invoice) -> None:
        """Charge an invoice: usually one successful payment, sometimes a failure before it."""
        if invoice.total <= 0:
            invoice.status = "paid"
            return
        moment = invoice.created + seconds(rng.randint(30, 3600))
        if rng.random() < 0.03:
            failed_at = moment
            moment = moment + days(rng.uniform(1, 4))
            if moment < END:
                invoice.payments.append(
                    Payment(
                        self.new_id("ch_", 14),
                        invoice.total,
                        "failed",
                        failed_at,
                        pick(rng, [("card_declined", 5), ("insufficient_funds", 3), ("expired_card", 2)]),
                    )
                )
            else:
                moment = failed_at
        if moment >= END:
            invoice.status = "open"
            return
        payment = Payment(self.new_id("ch_", 14), invoice.total, "succeeded", moment)
        if rng.random() < 0.01:
            refund_at = moment + days(rng.uniform(1, 25))
            if refund_at < END:
                payment.refunded = (
                    invoice.total if rng.random() < 0.5 else invoice.total // rng.choice([2, 4])
                )
                payment.refunded_at = refund_at
        invoice.payments.append(payment)
        invoice.status = "paid"

    def payment_trouble(self, rng: random.Random, sub: Subscription) -> None:
        """A few subscriptions end the data past due; a few churned ones ended unpaid."""
        paid = [
            inv
            for inv in sub.invoices
            if inv.status != "void" and inv.total > 0 and inv.lines[0].type == "subscription"
        ]
        if not paid:
            return
        last = paid[-1]
        codes = [("card_declined", 5), ("insufficient_funds", 3), ("expired_card", 2)]
        if sub.status == "active" and PLAN_MONTHS[sub.price.plan] == 1 and rng.random() < 0.03:
            sub.status = "past_due"
            last.status = "open"
            last.payments = []
            for attempt in range(3):
                moment = last.created + days(attempt * 3) + seconds(rng.randint(30, 3600))
                if moment < END:
                    last.payments.append(
                        Payment(self.new_id("ch_", 14), last.total, "failed", moment, pick(rng, codes))
                    )
            if len(paid) > 1 and rng.random() < 0.5:  # the month before was paid late after a failure
                previous = paid[-2]
                previous.payments.insert(
                    0,
                    Payment(
                        self.new_id("ch_", 14),
                        previous.total,
                        "failed",
                        previous.created + seconds(10),
                        pick(rng, codes),
                    ),
                )
        elif (
            sub.status == "canceled"
            and sub.ended_at is not None
            and PLAN_MONTHS[sub.price.plan] == 1
            and rng.random() < 0.1
            and last.period_start == sub.period_start
        ):
            last.status = "uncollectible"
            last.payments = []
            for attempt in range(4):
                moment = last.created + days(attempt * 5) + seconds(rng.randint(30, 3600))
                last.payments.append(
                    Payment(self.new_id("ch_", 14), last.total, "failed", moment, pick(rng, codes))
                )
            assert sub.period_start is not None
            sub.canceled_at = sub.ended_at = sub.period_start + days(rng.uniform(22, 26))
            sub.cancel_at = None
            sub.changed_at = sub.ended_at

    def write_billing(self) -> None:
        rng = self.rng("billing.write")
        customers = self.tables["billing.customers"]
        subscriptions = self.tables["billing.subscriptions"]
        invoices: list[Invoice] = []
        for customer in self.customers:
            customers.add(
                customer.created + days(3) if customer.deleted else customer.created,
                stale=({"deleted": False}, customer.created) if customer.deleted else None,
                force_resync=customer.deleted and rng.random() < 0.5,
                id=customer.id,
                email=customer.email,
                name=customer.name,
                crm_account_id=customer.account.id if customer.account else None,
                currency=customer.currency.upper() if rng.random() < 0.1 else customer.currency,
                country=customer.country,
                created=customer.created,
                deleted=customer.deleted,
            )
            invoices.extend(customer.one_time_invoices)
            for sub in customer.subscriptions:
                invoices.extend(sub.invoices)
                changed = sub.changed_at or sub.created
                stale = None
                if sub.status == "canceled" and sub.canceled_at is not None:
                    was = "trialing" if sub.paid_start is None else "active"
                    stale = (
                        {"status": was, "canceled_at": None, "cancel_at": None, "ended_at": None},
                        min(sub.canceled_at, changed) - hours(1),
                    )
                    changed = max(changed, sub.canceled_at)
                subscriptions.add(
                    changed,
                    stale=stale,
                    id=sub.id,
                    customer_id=customer.id,
                    price_id=sub.price.id,
                    quantity=sub.quantity,
                    status=messy(rng, sub.status, 0.12),
                    trial_start=sub.trial_start,
                    trial_end=sub.trial_end,
                    start_date=sub.created,
                    current_period_start=sub.period_start,
                    current_period_end=sub.period_end,
                    cancel_at=sub.cancel_at,
                    canceled_at=sub.canceled_at,
                    ended_at=sub.ended_at,
                    created=sub.created,
                )
        self.write_invoices(rng, invoices)
        # Written: no later step reads invoices, so the run does not keep them (memory at scale).
        for customer in self.customers:
            customer.one_time_invoices = []
            for sub in customer.subscriptions:
                sub.invoices = []

    def write_invoices(self, rng: random.Random, invoices: list[Invoice]) -> None:
        table = self.tables["billing.invoices"]
        lines = self.tables["billing.invoice_line_items"]
        payments = self.tables["billing.payments"]
        sequence: dict[str, int] = {}
        prefixes: dict[str, str] = {}
        for invoice in sorted(invoices, key=lambda inv: (inv.created, inv.id)):
            customer = invoice.customer
            if customer.id not in prefixes:
                prefixes[customer.id] = "".join(rng.choices(string.ascii_uppercase + string.digits, k=8))
            sequence[customer.id] = sequence.get(customer.id, 0) + 1
            number = f"{prefixes[customer.id]}-{sequence[customer.id]:04d}"
            paid = sum(p.amount for p in invoice.payments if p.status == "succeeded")
            changed = max([invoice.created] + [p.created for p in invoice.payments])
            stale = None
            if invoice.status == "paid" and invoice.payments:
                stale = ({"status": "open", "amount_paid": 0}, invoice.created)
            table.add(
                changed,
                stale=stale,
                id=invoice.id,
                customer_id=customer.id,
                subscription_id=invoice.subscription_id,
                number=number,
                status=invoice.status,
                currency=customer.currency,
                subtotal=invoice.subtotal,
                discount=invoice.discount,
                tax=invoice.tax,
                total=invoice.total,
                amount_paid=paid,
                period_start=invoice.period_start,
                period_end=invoice.period_end,
                created=invoice.created,
            )
            for line in invoice.lines:
                lines.add(
                    invoice.created,
                    id=line.id,
                    invoice_id=invoice.id,
                    subscription_id=line.subscription_id,
                    price_id=line.price_id,
                    type=line.type,
                    description=line.description,
                    quantity=line.quantity,
                    amount=line.amount,
                    discount_amount=line.discount,
                    is_proration=line.is_proration,
                    period_start=line.period_start,
                    period_end=line.period_end,
                    currency=customer.currency,
                )
            for payment in invoice.payments:
                payments.add(
                    payment.refunded_at or payment.created,
                    stale=({"amount_refunded": 0, "refunded_at": None}, payment.created)
                    if payment.refunded
                    else None,
                    id=payment.id,
                    invoice_id=invoice.id,
                    customer_id=customer.id,
                    amount=payment.amount,
                    amount_refunded=payment.refunded,
                    currency=customer.currency,
                    status=payment.status,
                    failure_code=payment.failure_code,
                    created=payment.created,
                    refunded_at=payment.refunded_at,
                )
        # Card checks without an invoice ($1 authorisations, refunded at once).
        paying = [c for c in self.customers if c.kind == "self_serve"]
        for customer in rng.sample(paying, min(len(paying), scaled(6, self.scale, 1))):
            moment = customer.created + minutes_between(rng, 1, 30)
            amount = 100 if customer.currency != "jpy" else 100
            payments.add(
                moment + hours(1),
                id=self.new_id("ch_", 14),
                invoice_id=None,
                customer_id=customer.id,
                amount=amount,
                amount_refunded=amount,
                currency=customer.currency,
                status="succeeded",
                failure_code=None,
                created=moment,
                refunded_at=moment + hours(1),
            )

    def build_cancellation_reasons(self) -> None:
        """The churn survey: about 70 % of the customers who cancel a paid subscription say why, with
        Stripe's cancellation feedback values (price weighs most for small customers, a competitor and
        missing features for large ones) and sometimes a comment. Runs after every other step, on its
        own random stream, so it only adds rows."""
        rng = self.rng("cancellation_reasons")
        table = self.tables["billing.cancellation_reasons"]
        small = [
            ("too_expensive", 30),
            ("unused", 20),
            ("missing_features", 12),
            ("switched_service", 12),
            ("too_complex", 8),
            ("low_quality", 6),
            ("customer_service", 4),
            ("other", 8),
        ]
        large = [
            ("switched_service", 28),
            ("missing_features", 25),
            ("too_expensive", 15),
            ("low_quality", 10),
            ("customer_service", 8),
            ("too_complex", 6),
            ("unused", 3),
            ("other", 5),
        ]
        comments = {
            "too_expensive": ["Budget cuts this year", "Price went up too much"],
            "unused": ["The team never adopted it", "Project ended"],
            "missing_features": ["Needed SSO", "No Salesforce sync for our setup"],
            "switched_service": ["Moved to a competitor", "Consolidating tools"],
            "too_complex": ["Too hard to set up"],
            "low_quality": ["Dashboards were slow"],
            "customer_service": ["Support took too long"],
            "other": ["Company was acquired"],
        }
        for customer in self.customers:
            if customer.deleted:
                continue
            options = small if customer.profile in (SELF_SERVE, SEGMENTS["SMB"]) else large
            for sub in customer.subscriptions:
                if sub.status != "canceled" or sub.canceled_at is None or sub.paid_start is None:
                    continue
                if rng.random() >= 0.7:
                    continue
                reason = pick(rng, options)
                answered = min(sub.canceled_at + seconds(rng.randint(30, 900)), END - seconds(1))
                table.add(
                    answered,
                    subscription_id=sub.id,
                    customer_id=customer.id,
                    canceled_at=sub.canceled_at,
                    reason=messy(rng, reason, 0.05),
                    comment=rng.choice(comments[reason]) if rng.random() < 0.4 else None,
                )
