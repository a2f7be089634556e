"""product: the users of customers, trials and free sign-ups (product.users) and their usage events,
more for healthy customers and fading in the months before a churn (product.tracks)."""

from __future__ import annotations

import math
import random
from datetime import datetime, timedelta

from .common import (
    END,
    MONTHS,
    between,
    days,
    hours,
    messy,
    month_end,
    month_of,
    month_weights,
    pick,
    poisson,
    scaled,
    seconds,
)
from .reference import FREE_USERS, SIGNUP_SOURCES, TRACKS_PER_CUSTOMER_MONTH
from .state import State


class Product(State):
    """Product users and their usage events."""

    def build_product(self) -> None:
        rng = self.rng("product")
        table = self.tables["product.users"]
        for customer in self.customers:
            if customer.kind == "duplicate":
                continue
            account = customer.account
            sales = customer.kind in ("sales", "second_currency")
            spans = customer.active_spans()
            first_seen = customer.subscriptions[0].created if customer.subscriptions else customer.created
            seats = max([s.quantity for s in customer.subscriptions] or [1])
            n_users = 1 if customer.kind == "trial_only" else min(4, 1 + seats // 12 + rng.randint(0, 1))
            if customer.kind == "trial_only" and rng.random() < 0.3:
                n_users = 2
            last_possible = spans[-1][1] if spans else (customer.subscriptions[0].ended_at or END)
            for index in range(n_users):
                if index == 0:
                    signup = (
                        first_seen - seconds(rng.randint(30, 600))
                        if not sales
                        else first_seen + hours(rng.uniform(1, 72))
                    )
                else:
                    signup = between(rng, first_seen, min(first_seen + days(120), last_possible - hours(1)))
                if signup >= END:
                    continue
                if index == 0 and not sales:
                    email = customer.email
                else:
                    first, last = self.person(rng)
                    domain = account.domain if account else customer.email.split("@")[1]
                    if domain in ("gmail.com", "outlook.com"):
                        domain = rng.choice(["gmail.com", "outlook.com", "proton.me"])
                    email = self.unique_email(f"{first}.{last}".lower(), domain)
                user_id = self.new_id("usr_", 12)
                customer.users.append((user_id, email, signup))
                if account is not None:
                    account.contacts.append(email)
                if sales:
                    signup_type, source = "paid", "sales_assisted"
                else:
                    trial = customer.subscriptions[0].trial_start is not None
                    signup_type = "trial" if index == 0 and trial else "paid"
                    source = customer.signup_source if index == 0 else "organic"
                table.add(
                    signup,
                    id=user_id,
                    email=email,
                    billing_customer_id=None if sales and rng.random() < 0.1 else customer.id,
                    crm_account_id=account.id if account else None,
                    signup_at=signup,
                    signup_type=messy(rng, signup_type, 0.15),
                    signup_source=messy(rng, source, 0.1),
                )
        cumulative = month_weights(1.5)
        for _ in range(scaled(FREE_USERS, self.scale, 10)):
            month = MONTHS[rng.choices(range(36), cum_weights=cumulative)[0]]
            signup = datetime.combine(month, datetime.min.time()) + days(rng.uniform(0, 28))
            first, last = self.person(rng)
            email = self.unique_email(
                f"{first}.{last}".lower(), rng.choice(["gmail.com", "outlook.com", "yahoo.com"])
            )
            user_id = self.new_id("usr_", 12)
            self.free_users.append((user_id, email, signup))
            table.add(
                signup,
                id=user_id,
                email=email,
                billing_customer_id=None,
                crm_account_id=None,
                signup_at=signup,
                signup_type=messy(rng, "free", 0.15),
                signup_source=messy(rng, pick(rng, SIGNUP_SOURCES), 0.1),
            )
        self.build_tracks(rng)

    def build_tracks(self, rng: random.Random) -> None:
        """Usage events: more for healthy customers, fading in the months before a churn."""
        table = self.tables["product.tracks"]
        events = [
            ("Signed In", 48),
            ("Report Created", 16),
            ("Dashboard Shared", 8),
            ("Integration Connected", 4),
            ("Invite Sent", 5),
            ("Export Downloaded", 19),
        ]
        events_per_month = TRACKS_PER_CUSTOMER_MONTH

        def emit(user_id: str, moment: datetime, event: str) -> None:
            received = moment + seconds(
                rng.randint(1, 90) if rng.random() < 0.95 else rng.randint(600, 30000)
            )
            if received >= END:  # arrives after the export
                return
            table.add(
                received,
                id=self.new_id("evt_", 16),
                user_id=user_id,
                event=event,
                timestamp=moment,
                received_at=received,
            )

        for customer in self.customers:
            if not customer.users:
                continue
            churns = customer.churn_moments()
            engagement = rng.uniform(0.5, 1.5)
            for sub in customer.subscriptions:
                if sub.trial_start is not None and sub.trial_end is not None:  # trial activity
                    for _ in range(poisson(rng, 3 if customer.kind != "trial_only" else 1.5)):
                        moment = between(rng, sub.trial_start, min(sub.trial_end, END - hours(1)))
                        user_id, _, signup = customer.users[0]
                        emit(user_id, max(moment, signup + seconds(60)), pick(rng, events))
            for start, end in customer.active_spans():
                month = month_of(start)
                while month <= MONTHS[-1] and datetime.combine(month, datetime.min.time()) < end:
                    month_start = max(datetime.combine(month, datetime.min.time()), start)
                    month_stop = min(month_end(month), end - seconds(1), END - seconds(1))
                    health = engagement
                    if any(timedelta(0) <= churn - month_start <= days(100) for churn in churns):
                        health *= 0.35
                    seats = max(s.quantity for s in customer.subscriptions)
                    lam = events_per_month * health * (1 + math.log1p(seats) / 3)
                    for _ in range(poisson(rng, lam)):
                        moment = between(rng, month_start, month_stop)
                        users = [u for u in customer.users if u[2] <= moment]
                        if not users:
                            continue
                        user_id = rng.choice(users)[0]
                        emit(user_id, moment, pick(rng, events))
                    month = month_of(month_end(month) + days(1))
        for user_id, _, signup in self.free_users:
            for _ in range(poisson(rng, 1.5)):
                moment = signup + days(rng.uniform(0, 20))
                if moment < END:
                    emit(user_id, moment, pick(rng, events[:3]))
