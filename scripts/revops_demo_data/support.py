"""support: agents; tickets from customers (more of them before churn, after onboarding and while past
due) and from strangers, with their event history; CSAT ratings of solved tickets; quarterly NPS
surveys; the team's business hours and holidays (support.agents, support.tickets,
support.ticket_events, support.satisfaction_ratings, support.nps_responses, support.business_hours,
support.holidays)."""

from __future__ import annotations

import math
import random
from bisect import bisect_right
from datetime import date, datetime, timedelta

from .common import (
    END,
    MONTHS,
    START,
    between,
    days,
    hours,
    messy,
    month_end,
    month_of,
    pick,
    poisson,
    scaled,
    seconds,
)
from .entities import Customer
from .reference import TICKETS_PER_CUSTOMER_MONTH
from .state import State


class Support(State):
    """Agents, tickets and their events, satisfaction ratings, NPS and the support schedule."""

    def build_agents(self) -> None:
        rng = self.rng("agents")
        table = self.tables["support.agents"]
        teams = [("Tier 1", 45), ("Tier 2", 25), ("Billing", 15), ("Onboarding", 15)]
        count = scaled(18, self.scale, 4)
        for index in range(count):
            agent_id = 70001 + index
            team = ["Tier 1", "Tier 2", "Billing", "Onboarding"][index] if index < 4 else pick(rng, teams)
            role = "admin" if index in (1, 5) else "agent"
            if index < max(4, count * 0.6):
                started = datetime(2021, 1, 1) + days(rng.uniform(0, 700))
            else:
                started = datetime(2023, 1, 1) + days(rng.uniform(0, 900))
            left = None
            if index >= 4 and rng.random() < 0.12:
                left = max(started, START) + days(rng.uniform(120, 600))
                left = left if left < END - days(20) else None
            self.agents.append((agent_id, team, started, left))
            first, last = self.person(rng)
            table.add(
                left or started,
                id=agent_id,
                name=f"{first} {last}",
                email=self.unique_email(f"{first}.{last}".lower(), "support.northbeam.io"),
                role=role,
                team=team,
                is_active=left is None,
                created_at=started,
            )

    def agent_for(self, rng: random.Random, team: str, moment: datetime) -> int:
        """An agent of the team working at `moment` (else anyone working, else anyone). Who works
        changes only at the agents' start and leaving instants, so the choices are memoised per team
        and span between two of those instants."""
        if not self.agent_changes:
            self.agent_changes = sorted({a[2] for a in self.agents} | {a[3] for a in self.agents if a[3]})
        key = (team, bisect_right(self.agent_changes, moment))
        in_team = self.agent_pools.get(key)
        if in_team is None:
            working = [a for a in self.agents if a[2] <= moment and (a[3] is None or moment < a[3])]
            in_team = [a for a in working if a[1] == team] or working or self.agents
            self.agent_pools[key] = in_team
        return rng.choice(in_team)[0]

    def build_support(self) -> None:
        rng = self.rng("support")
        topics = {
            "billing": (
                [
                    "Question about my invoice",
                    "Update payment method",
                    "Refund request",
                    "VAT number on invoice",
                    "Change billing email",
                ],
                "Billing",
            ),
            "onboarding": (
                [
                    "Help setting up SSO",
                    "Importing data from CSV",
                    "How do I invite my team?",
                    "Onboarding call request",
                ],
                "Onboarding",
            ),
            "technical": (
                [
                    "Dashboard not loading",
                    "Integration sync failing",
                    "Export is empty",
                    "Error when creating a report",
                    "API rate limit question",
                    "Slow performance",
                ],
                "Tier 1",
            ),
            "account": (["Add seats", "Change plan", "Cancel subscription", "Reset 2FA"], "Tier 1"),
        }
        base_rate = TICKETS_PER_CUSTOMER_MONTH
        tickets: list[tuple[datetime, str, Customer | None, str]] = []  # created, topic, customer, email
        for customer in self.customers:
            if customer.kind == "duplicate":
                continue
            churns = customer.churn_moments()
            past_due = any(s.status == "past_due" for s in customer.subscriptions)
            seats = max([s.quantity for s in customer.subscriptions] or [1])
            emails = [u[1] for u in customer.users] or [customer.email]
            for sub in customer.subscriptions:
                if sub.trial_start is not None and sub.trial_end is not None and rng.random() < 0.12:
                    moment = between(rng, sub.trial_start, min(sub.trial_end, END - hours(2)))
                    tickets.append((moment, "onboarding", customer, customer.email))
            for start, end in customer.active_spans():
                month = month_of(start)
                while month <= MONTHS[-1] and datetime.combine(month, datetime.min.time()) < end:
                    month_start = max(datetime.combine(month, datetime.min.time()), start)
                    month_stop = min(month_end(month), end - seconds(1), END - hours(2))
                    if month_stop <= month_start:
                        break
                    lam = base_rate * (0.7 + math.log1p(seats) / 3)
                    pre_churn = any(timedelta(0) <= churn - month_start <= days(100) for churn in churns)
                    if pre_churn:
                        lam *= 1.9
                    if month_start - start < days(60):
                        lam *= 1.4
                    if past_due and month_stop > END - days(60):
                        lam *= 2
                    for _ in range(poisson(rng, lam)):
                        moment = between(rng, month_start, month_stop)
                        topic = pick(
                            rng,
                            [
                                ("technical", 50),
                                ("billing", 20 if not pre_churn else 30),
                                ("onboarding", 15 if month_start - start < days(60) else 4),
                                ("account", 11 if not pre_churn else 20),
                            ],
                        )
                        email = customer.email if customer.account is None else rng.choice(emails)
                        tickets.append((moment, topic, customer, email))
                    month = month_of(month_end(month) + days(1))
        for _ in range(max(2, round(len(tickets) * 0.02))):
            first, last = self.person(rng)
            provider = rng.choice(["gmail.com", "hotmail.com", "web.de"])
            email = f"{first}.{last}{rng.randint(1, 99)}@{provider}".lower()
            tickets.append(
                (
                    between(rng, START, END - hours(2)),
                    pick(rng, [("technical", 1), ("billing", 1)]),
                    None,
                    email,
                )
            )
        tickets.sort(key=lambda t: (t[0], t[3]))
        ticket_table = self.tables["support.tickets"]
        all_events: list[
            tuple[
                datetime,
                int,
                int,
                tuple[str, int | None, str, str | None, str | None, str | None, bool | None],
            ]
        ] = []
        ratings: list[tuple[int, datetime, Customer | None, bool, bool]] = []
        for number, (created, topic, customer, email) in enumerate(tickets):
            ticket_id = 10001 + number
            subjects, team = topics[topic]
            priority = pick(rng, [("low", 25), ("normal", 50), ("high", 18), ("urgent", 5), (None, 2)])
            if topic == "technical" and priority in ("high", "urgent"):
                team = "Tier 2"
            channel = pick(rng, [("Email", 40), ("Web", 25), ("Chat", 20), ("Phone", 8), ("API", 7)])
            events, assignee, solved_at, reopened = self.ticket_life(rng, created, priority, team)
            deleted = (customer is None and rng.random() < 0.4) or rng.random() < 0.006
            if deleted:  # spam or a duplicate ticket, deleted by an agent
                moment = created + hours(rng.uniform(0.2, 30))
                assignee = self.agent_for(rng, team, created)
                events = (
                    [events[0]]
                    if moment >= END
                    else [
                        events[0],
                        (moment, ("Change", assignee, "agent", "status", "new", "deleted", None)),
                    ]
                )
                solved_at = None
            status = "new"
            for _, (kind, _, _, field_name, _, value, _) in events:
                if kind in ("Create", "Change") and field_name == "status" and value:
                    status = value
            for sequence, (moment, payload) in enumerate(events):
                all_events.append((moment, ticket_id, sequence, payload))
            updated = events[-1][0]
            at_risk = customer is not None and any(
                timedelta(0) <= churn - created <= days(120) for churn in customer.churn_moments()
            )
            if solved_at is not None:
                ratings.append((ticket_id, solved_at, customer, reopened, at_risk))
            old_status = "open" if status in ("solved", "closed") else None
            ticket_table.add(
                updated,
                stale=(
                    {"status": old_status, "updated_at": events[len(events) // 2][0]},
                    events[len(events) // 2][0],
                )
                if old_status
                else None,
                id=ticket_id,
                account_id=customer.account.id if customer and customer.account else None,
                requester_email=email,
                subject=rng.choice(subjects),
                channel=messy(rng, channel, 0.3),
                priority=priority,
                status=messy(rng, status.title() if rng.random() < 0.3 else status, 0.1),
                assignee_id=assignee,
                group_name=team if assignee is not None else None,
                created_at=created,
                updated_at=updated,
            )
        all_events.sort(key=lambda e: (e[0], e[1], e[2]))
        event_table = self.tables["support.ticket_events"]
        for index, (moment, ticket_id, _, payload) in enumerate(all_events):
            kind, author, role, field_name, previous, value, public = payload
            event_table.add(
                moment,
                id=500001 + index,
                ticket_id=ticket_id,
                event_type=kind,
                author_id=author,
                author_role=role,
                field_name=field_name,
                previous_value=previous,
                value=value,
                is_public=public,
                created_at=moment,
            )
        self.write_ratings(rng, ratings)
        self.build_nps(rng)

    def ticket_life(
        self, rng: random.Random, created: datetime, priority: str | None, team: str
    ) -> tuple[
        list[tuple[datetime, tuple[str, int | None, str, str | None, str | None, str | None, bool | None]]],
        int | None,
        datetime | None,
        bool,
    ]:
        """Events of one ticket, cut at the end of the data: (events, assignee, final solve, reopened)."""
        median_hours = {"urgent": 0.7, "high": 2.0, "normal": 4.0, "low": 8.0, None: 5.0}[priority]
        events: list[
            tuple[datetime, tuple[str, int | None, str, str | None, str | None, str | None, bool | None]]
        ] = []
        events.append((created, ("Create", None, "end-user", "status", None, "new", None)))
        agent = self.agent_for(rng, team, created)
        t = created + hours(min(96, rng.lognormvariate(math.log(median_hours), 1.0))) + seconds(60)
        status = "new"
        if created > END - days(30) and rng.random() < 0.12:
            # Only internal notes so far: no public reply yet.
            events.append((t, ("Change", agent, "agent", "status", "new", "open", None)))
            events.append((t, ("Comment", agent, "agent", None, None, None, False)))
            if rng.random() < 0.3:
                events.append(
                    (
                        t + hours(rng.uniform(1, 20)),
                        ("Change", agent, "agent", "status", "open", "hold", None),
                    )
                )
            events = [e for e in events if e[0] < END]
            return events, agent, None, False
        if rng.random() < 0.1:
            note_at = max(created + seconds(30), t - seconds(rng.randint(120, 1800)))
            events.append((note_at, ("Comment", agent, "agent", None, None, None, False)))
        events.append((t, ("Comment", agent, "agent", None, None, None, True)))
        rounds = pick(rng, [(0, 82), (1, 15), (2, 2), (3, 1)])
        if rounds == 0:
            events.append((t, ("Change", agent, "agent", "status", "new", "solved", None)))
            status = "solved"
        else:
            use_pending = rng.random() < 0.3
            new_status = "pending" if use_pending else "open"
            events.append((t, ("Change", agent, "agent", "status", "new", new_status, None)))
            status = new_status
            for round_number in range(rounds):
                t = t + hours(rng.lognormvariate(math.log(10), 0.9)) + seconds(60)
                events.append((t, ("Comment", None, "end-user", None, None, None, True)))
                if status == "pending":
                    events.append((t, ("Change", None, "end-user", "status", "pending", "open", None)))
                    status = "open"
                t = t + hours(rng.lognormvariate(math.log(median_hours * 1.5), 1.0)) + seconds(60)
                events.append((t, ("Comment", agent, "agent", None, None, None, True)))
                if round_number == rounds - 1:
                    events.append((t, ("Change", agent, "agent", "status", status, "solved", None)))
                    status = "solved"
                elif use_pending:
                    events.append((t, ("Change", agent, "agent", "status", status, "pending", None)))
                    status = "pending"
        solved_at = t
        reopened = False
        if rng.random() < 0.08:
            reopened = True
            t = t + hours(rng.uniform(2, 120))
            events.append((t, ("Comment", None, "end-user", None, None, None, True)))
            events.append((t, ("Change", None, "end-user", "status", "solved", "open", None)))
            t = t + hours(rng.lognormvariate(math.log(median_hours * 2), 1.0)) + seconds(60)
            events.append((t, ("Comment", agent, "agent", None, None, None, True)))
            events.append((t, ("Change", agent, "agent", "status", "open", "solved", None)))
            solved_at = t
        events.append((solved_at + days(4), ("Change", -1, "system", "status", "solved", "closed", None)))
        events.sort(key=lambda e: e[0])
        kept = [e for e in events if e[0] < END]
        final_solve = None
        for moment, (kind, _, _, field_name, _, value, _) in kept:
            if kind == "Change" and field_name == "status" and value == "solved":
                final_solve = moment
            elif kind == "Change" and field_name == "status" and value == "open":
                final_solve = None
        assignee = agent if len(kept) > 1 else None
        return kept, assignee, final_solve, reopened and final_solve is not None

    def build_support_schedule(self) -> None:
        """The support team's week, 08:00-18:00 New York time on weekdays, and the days it closes:
        New Year's Day, Independence Day and Christmas Day of every year of the data."""
        hours = self.tables["support.business_hours"]
        for weekday in range(1, 6):
            hours.add(
                START, time_zone="America/New_York", weekday=weekday, start_time="08:00", end_time="18:00"
            )
        holidays = self.tables["support.holidays"]
        for year in range(START.year, END.year):
            for month, day, name in (
                (1, 1, "New Year's Day"),
                (7, 4, "Independence Day"),
                (12, 25, "Christmas Day"),
            ):
                holidays.add(START, holiday_date=date(year, month, day), name=name)

    def write_ratings(
        self, rng: random.Random, ratings: list[tuple[int, datetime, Customer | None, bool, bool]]
    ) -> None:
        table = self.tables["support.satisfaction_ratings"]
        good_comments = ["Quick and helpful, thanks!", "Great support", "Solved my problem"]
        bad_comments = ["Took too long", "Still not working", "Had to explain twice"]
        ratings.sort(key=lambda r: (r[1], r[0]))
        for index, (ticket_id, solved_at, _customer, reopened, at_risk) in enumerate(ratings):
            offered_at = solved_at + hours(rng.uniform(20, 28))
            if offered_at >= END:
                continue
            answered = rng.random() < 0.36
            answered_at = offered_at + hours(rng.lognormvariate(math.log(6), 1.2))
            if not answered or answered_at >= END:
                score, comment, updated = "offered", None, offered_at
            else:
                p_good = 0.9 - (0.25 if reopened else 0) - (0.25 if at_risk else 0)
                good = rng.random() < p_good
                score = "good" if good else "bad"
                comment = rng.choice(good_comments if good else bad_comments) if rng.random() < 0.4 else None
                updated = answered_at
            table.add(
                updated,
                stale=({"score": "offered", "comment": None, "updated_at": offered_at}, offered_at)
                if score != "offered"
                else None,
                id=80001 + index,
                ticket_id=ticket_id,
                score=messy(rng, score, 0.15),
                comment=comment,
                created_at=offered_at,
                updated_at=updated,
            )

    def build_nps(self, rng: random.Random) -> None:
        """Quarterly NPS surveys to a sample of paying customers; about a third answer."""
        table = self.tables["support.nps_responses"]
        comments = {
            "promoter": ["Love the dashboards", "Saves us hours every week", "Great product"],
            "passive": ["Good, but pricey", "Does the job", "Some reports are slow"],
            "detractor": [
                "Too many bugs",
                "Support is slow",
                "Missing integrations",
                "Considering alternatives",
            ],
        }
        sends = []
        for quarter_start in MONTHS[::3]:
            for customer in self.customers:
                if customer.kind in ("duplicate", "trial_only"):
                    continue
                sent = datetime.combine(quarter_start, datetime.min.time()) + days(rng.uniform(5, 20))
                if not customer.is_active(sent) or rng.random() > 0.35:
                    continue
                sends.append((sent, customer))
        sends.sort(key=lambda s: (s[0], s[1].id))
        for index, (sent, customer) in enumerate(sends):
            at_risk = any(
                timedelta(0) <= churn - sent <= days(180) for churn in customer.churn_moments()
            ) or any(s.status == "past_due" for s in customer.subscriptions)
            recipient = customer.email
            if customer.account is not None and customer.users:
                recipient = rng.choice(customer.users)[1]
            responded_at: datetime | None = sent + hours(rng.lognormvariate(math.log(20), 1.0))
            score: int | None = None
            comment = None
            if rng.random() < 0.35 and responded_at is not None and responded_at < END:
                group = pick(
                    rng,
                    [("promoter", 15), ("passive", 30), ("detractor", 55)]
                    if at_risk
                    else [("promoter", 50), ("passive", 32), ("detractor", 18)],
                )
                if group == "promoter":
                    score = rng.choice([9, 10])
                elif group == "passive":
                    score = rng.choice([7, 8])
                else:
                    score = pick(rng, [(0, 1), (1, 1), (2, 2), (3, 3), (4, 4), (5, 6), (6, 7)])
                comment = rng.choice(comments[group]) if rng.random() < 0.4 else None
            else:
                responded_at = None
            table.add(
                responded_at or sent,
                id=20001 + index,
                account_id=customer.account.id if customer.account else None,
                billing_customer_id=None
                if customer.account is not None and rng.random() < 0.7
                else customer.id,
                recipient_email=recipient,
                sent_at=sent,
                responded_at=responded_at,
                score=score,
                comment=comment,
            )
