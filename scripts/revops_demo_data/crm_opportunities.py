"""crm, the deals: the accounts converted leads become (owner and segment history), new business
opportunities that walk the stages (with the activities and campaign touches on them), expansion and
renewal opportunities that follow what billing shows, deals without an account and deleted ones;
then the crm tables written from them once billing is known: crm.accounts, crm.account_history,
crm.opportunities, crm.opportunity_history, crm.opportunity_stages and crm.quotas."""

from __future__ import annotations

import random
from datetime import datetime, timedelta

from .common import (
    END,
    LAST_INSTANT,
    MONTHS,
    START,
    Value,
    between,
    days,
    hours,
    messy,
    month_end,
    month_of,
    pick,
    poisson,
    round_to,
    scaled,
    seconds,
)
from .entities import (
    Account,
    Campaign,
    Customer,
    DealPlan,
    OppChange,
    Opportunity,
    Rep,
    Subscription,
    sub_acv,
)
from .reference import SEGMENTS, STAGE_PROBABILITY, STAGES
from .state import State


class CrmOpportunities(State):
    """Accounts and opportunities, and the crm tables written from them."""

    def new_account(
        self,
        rng: random.Random,
        name: str,
        domain: str,
        industry: str,
        region: str,
        country: str,
        currency: str,
        segment: str,
        created: datetime,
        owner: Rep,
    ) -> Account:
        account = Account(
            self.sf_id("001"), name, domain, segment, industry, country, region, currency, created
        )
        account.owners.append((created, owner.id))
        account.segments.append((created, segment))
        # Owners leave: their accounts move to a colleague of the same pod a few days later.
        current = owner
        for _ in range(3):
            if current.terminated is None:
                break
            moved = (
                datetime.combine(current.terminated, datetime.min.time())
                + days(rng.uniform(0, 5))
                + hours(10)
            )
            successor = self.pick_rep(rng, "Account Executive", current.team, moved, END)
            if moved >= END or moved <= created or successor.id == current.id:
                break
            current = successor
            account.owners.append((moved, current.id))
        if rng.random() < 0.04 and created < datetime(2024, 1, 10) and len(account.owners) == 1:
            moved = datetime(2024, 1, 15, 9) + hours(rng.uniform(0, 8))
            other = self.pick_rep(rng, "Account Executive", None, moved, END)
            if other.id != owner.id:
                account.owners.append((moved, other.id))
        self.accounts.append(account)
        return account

    def convert_lead(
        self,
        rng: random.Random,
        company: str,
        domain: str,
        industry: str,
        region: str,
        country: str,
        currency: str,
        converted: datetime,
        source: str,
    ) -> Account:
        """The account a converted lead becomes, owned by an AE of the pod that sells to its segment."""
        segment = pick(
            rng,
            [("SMB", 55), ("Mid-Market", 33), ("Enterprise", 12)]
            if source not in ("Outbound", "Event", "Partner")
            else [("SMB", 35), ("Mid-Market", 42), ("Enterprise", 23)],
        )
        profile = SEGMENTS[segment]
        pod = "Team South" if segment == "Mid-Market" and region in ("EMEA", "APAC") else profile.pod
        ae = self.pick_rep(rng, "Account Executive", pod, converted, converted + days(profile.cycle_days[1]))
        return self.new_account(
            rng, company, domain, industry, region, country, currency, segment, converted, ae
        )

    def plan_acv(self, plan: DealPlan, currency: str, moment: datetime) -> int:
        """Annual contract value of a plan in crm hundredths of the account currency."""
        price = self.price_for(plan.tier, plan.plan, currency, moment)
        return self.crm_amount(price.acv(plan.seats) * (10000 - plan.discount_bp) // 10000, currency)

    def opportunity_changes(
        self,
        rng: random.Random,
        created: datetime,
        close_at: datetime,
        outcome: str,
        lost_stage: int,
        initial: int | None,
        final: int,
        amount_change_at: datetime | None = None,
        first_stage: int = 0,
    ) -> list[OppChange]:
        """Stage and amount history from creation to close (cut at the end of the data)."""
        stages = (
            STAGES[first_stage:5] + ["Closed Won"]
            if outcome == "won"
            else STAGES[first_stage:lost_stage] + ["Closed Lost"]
        )
        span = (close_at - created).total_seconds()
        cuts = sorted(rng.random() for _ in range(len(stages) - 2))
        times = [created] + [created + seconds(span * cut) for cut in cuts] + [close_at]
        for index in range(1, len(times)):
            times[index] = max(times[index], times[index - 1] + seconds(rng.randint(60, 3600)))
        expected = (created + seconds(span * rng.uniform(0.8, 1.2))).date()
        changes: list[OppChange] = []
        proposal_reached = "Proposal" in stages[:-1]
        for index, (stage, moment) in enumerate(zip(stages, times, strict=True)):
            last = index == len(stages) - 1
            if amount_change_at is not None:
                amount = initial if moment < amount_change_at else final
            elif proposal_reached:
                amount = final if STAGES.index(stage) >= 3 else initial
            else:
                amount = initial if not last or outcome != "won" else final
            close_date = moment.date() if last else max(expected, moment.date())
            changes.append(OppChange(moment, stage, amount, close_date))
        if (
            amount_change_at is None
            and changes[0].amount is not None
            and rng.random() < 0.12
            and len(changes) > 2
        ):
            changes[0].amount = None  # amount unknown at creation
        if amount_change_at is not None:
            before = [c for c in changes if c.at < amount_change_at][-1]
            if amount_change_at not in [c.at for c in changes]:
                changes.append(OppChange(amount_change_at, before.stage, final, before.close_date))
            changes.sort(key=lambda c: c.at)
        return [c for c in changes if c.at < END]

    def add_opportunity(
        self,
        rng: random.Random,
        account: Account | None,
        opp_type: str,
        name: str,
        currency: str,
        owner_id: str,
        campaign_id: str | None,
        changes: list[OppChange],
        deleted: bool = False,
    ) -> Opportunity:
        opp = Opportunity(
            self.sf_id("006"), name, account, opp_type, currency, owner_id, campaign_id, changes, deleted
        )
        self.opportunities.append(opp)
        return opp

    def new_business(
        self,
        rng: random.Random,
        account: Account,
        source: str,
        p_win: float,
        campaign: Campaign | None,
        created: datetime,
        touch_campaigns: list[Campaign],
    ) -> Opportunity:
        profile = SEGMENTS[account.segment]
        plan = self.deal_plan(rng, profile)
        final = self.plan_acv(plan, account.currency, created)
        low, high = profile.cycle_days
        close_at = created + days(rng.uniform(low, high))
        won = rng.random() < p_win
        unit = 50_000 if account.currency == "jpy" else 500
        initial = max(unit, round_to(final * rng.uniform(0.8, 1.25) / 100, unit)) * 100
        amount_change_at = None
        campaign_id = campaign.id if campaign is not None and rng.random() < 0.8 else None
        if won and rng.random() < 0.14 and (close_at - created).days >= 10:
            # A marketing touch during the deal (webinar or event attended), after which the deal grows.
            touch = between(rng, max(created + days(1), close_at - days(28)), close_at - days(5))
            day = touch.date()
            options = self.memo(
                ("touch", day), lambda: [c for c in touch_campaigns if c.start <= day <= c.end + timedelta(3)]
            )
            if options:
                touched_by = rng.choice(options)
                self.tables["crm.campaign_members"].add(
                    touch,
                    Id=self.sf_id("00v"),
                    CampaignId=touched_by.id,
                    LeadId=None,
                    AccountId=account.id,
                    Status=messy(rng, "Attended"),
                    HasResponded=True,
                    CreatedDate=touch,
                    FirstRespondedDate=touch.date(),
                )
                amount_change_at = touch + days(rng.uniform(1, 4))
                initial = round_to(final / rng.uniform(1.1, 1.3) / 100, unit // 5) * 100
                campaign_id = campaign_id or (touched_by.id if rng.random() < 0.5 else None)
        elif rng.random() < 0.5:
            initial = final
        outcome = "won" if won else "lost"
        lost_stage = rng.choice([1, 1, 2, 2, 3, 3, 4, 5])
        final_amount = final if won else initial
        changes = self.opportunity_changes(
            rng, created, close_at, outcome, lost_stage, initial, final_amount, amount_change_at
        )
        owner = account.owner_at(min(close_at, LAST_INSTANT))
        opp = self.add_opportunity(
            rng,
            account,
            "New Business",
            f"{account.name} - New Business",
            account.currency.upper(),
            owner,
            campaign_id,
            changes,
        )
        if opp.is_won:
            self.won_deals.append((opp, plan, source))
        # Sales activities on the deal (a few won deals have none at all).
        if rng.random() < 0.97 or not won:
            n = 1 + poisson(rng, 0.6)
            last_moment = min(changes[-1].at, END - hours(1))
            for _ in range(min(n, 4)):
                if last_moment <= created + hours(1):
                    break
                moment = between(rng, created + hours(1), last_moment)
                kind = pick(rng, [("Meeting", 50), ("Call", 30), ("Email", 20)])
                self.tables["crm.activities"].add(
                    moment + seconds(rng.randint(0, 900)),
                    Id=self.sf_id("00T"),
                    Type=messy(rng, kind),
                    Subject={"Meeting": "Demo", "Call": "Negotiation call", "Email": "Proposal sent"}[kind],
                    WhoId=None,
                    WhatId=opp.id,
                    OwnerId=owner,
                    ActivityDateTime=moment,
                    IsDeleted=False,
                    SystemModstamp=moment + seconds(rng.randint(0, 900)),
                )
        return opp

    def build_follow_up_opportunities(self) -> None:
        rng = self.rng("crm.follow_up")
        for customer in self.customers:
            account = customer.account
            if account is None or customer.kind == "duplicate":
                continue
            for sub in customer.subscriptions:
                for event in sub.events:
                    if event.kind == "downgrade" or event.new_acv <= event.old_acv or rng.random() > 0.85:
                        continue
                    close_at = event.at - days(rng.uniform(0, 7))
                    created = close_at - days(rng.uniform(14, 60))
                    if created <= account.created + days(1):
                        continue
                    amount = self.crm_amount(
                        self.convert_minor(
                            event.new_acv - event.old_acv, customer.currency, account.currency, close_at
                        ),
                        account.currency,
                    )
                    label = "Expansion (new team)" if event.kind == "add_subscription" else "Expansion"
                    self.follow_up(rng, account, "Expansion", label, created, close_at, "won", amount)
                    if (
                        event.kind == "upgrade"
                        and sub.quantity >= 15
                        and account.segment_at(event.at) == "SMB"
                    ):
                        moved = event.at + days(rng.uniform(1, 10))
                        if moved < END:
                            account.segments.append((moved, "Mid-Market"))
                    if sub.quantity >= 40 and account.segment_at(event.at) == "Mid-Market":
                        moved = event.at + days(rng.uniform(1, 10))
                        if moved < END:
                            account.segments.append((moved, "Enterprise"))
                if sub.price.plan == "annual" and customer.kind == "sales":
                    self.renewals(rng, account, customer, sub)
            # Expansion attempts that go nowhere.
            for start, end in customer.active_spans():
                years = (end - start).days / 365
                for _ in range(poisson(rng, 0.18 * years)):
                    created = between(rng, start + days(30), max(start + days(30), end - days(10)))
                    if created >= END:
                        continue
                    close_at = created + days(rng.uniform(20, 70))
                    amount = round_to(
                        self.crm_amount(sub_acv(customer), customer.currency) * rng.uniform(0.2, 0.6), 10000
                    )
                    self.follow_up(
                        rng, account, "Expansion", "Expansion", created, close_at, "lost", max(amount, 10000)
                    )
        # A few deals without an account (partner placeholders), open or lost.
        for _ in range(scaled(8, self.scale, 1)):
            created = between(rng, START + days(30), END - days(20))
            close_at = created + days(rng.uniform(20, 90))
            owner = self.pick_rep(rng, "Account Executive", None, created, close_at)
            amount = round_to(rng.uniform(5000, 40000), 1000) * 100
            changes = self.opportunity_changes(
                rng, created, close_at, "lost", rng.randint(1, 3), amount, amount
            )
            self.add_opportunity(
                rng, None, "New Business", "Partner referral - TBD", "USD", owner.id, None, changes
            )
        # Opportunities created by mistake and deleted.
        for _ in range(max(1, round(0.01 * len(self.opportunities)))):
            account = rng.choice(self.accounts)
            created = between(rng, account.created, min(account.created + days(60), END - hours(2)))
            owner_id = account.owner_at(created)
            change = OppChange(created, "Prospecting", None, (created + days(30)).date())
            self.add_opportunity(
                rng,
                account,
                "New Business",
                f"{account.name} - New Business",
                account.currency.upper(),
                owner_id,
                None,
                [change],
                deleted=True,
            )

    def follow_up(
        self,
        rng: random.Random,
        account: Account,
        opp_type: str,
        label: str,
        created: datetime,
        close_at: datetime,
        outcome: str,
        amount: int,
    ) -> None:
        lost_stage = rng.choice([2, 3, 4, 5])
        changes = self.opportunity_changes(
            rng, created, close_at, outcome, lost_stage, amount, amount, first_stage=1
        )
        if not changes:
            return
        owner = account.owner_at(min(close_at, LAST_INSTANT))
        year = f" {close_at.year}" if opp_type == "Renewal" else ""
        opp = self.add_opportunity(
            rng,
            account,
            opp_type,
            f"{account.name} - {label}{year}",
            account.currency.upper(),
            owner,
            None,
            changes,
        )
        if rng.random() < 0.7:
            moment = between(rng, created, min(changes[-1].at, END - hours(1)))
            self.tables["crm.activities"].add(
                moment,
                Id=self.sf_id("00T"),
                Type=messy(rng, "Meeting"),
                Subject="Account review",
                WhoId=None,
                WhatId=opp.id,
                OwnerId=owner,
                ActivityDateTime=moment,
                IsDeleted=False,
                SystemModstamp=moment,
            )

    def renewals(self, rng: random.Random, account: Account, customer: Customer, sub: Subscription) -> None:
        """One renewal opportunity per annual term end: won when billing renewed, lost when it churned."""
        for index, (_, term_end, acv) in enumerate(sub.terms):
            created = term_end - days(rng.uniform(60, 90))
            if created >= END or created <= account.created:
                continue
            close_at = term_end - days(rng.uniform(0, 20))
            renewed = index + 1 < len(sub.terms) or (term_end >= END and sub.ended_at is None)
            next_acv = sub.terms[index + 1][2] if index + 1 < len(sub.terms) else sub.price.acv(sub.quantity)
            amount = self.crm_amount(next_acv if renewed else acv, customer.currency)
            if customer.currency != account.currency:
                amount = self.crm_amount(
                    self.convert_minor(
                        next_acv if renewed else acv, customer.currency, account.currency, close_at
                    ),
                    account.currency,
                )
            self.follow_up(
                rng, account, "Renewal", "Renewal", created, close_at, "won" if renewed else "lost", amount
            )

    def write_crm(self) -> None:
        rng = self.rng("crm.write")
        # Accounts deleted as duplicates right after creation.
        originals = [a for a in self.accounts if a.created < END - days(14)]
        for _ in range(max(1, round(0.01 * len(self.accounts)))):
            original = rng.choice(originals)
            copy = Account(
                self.sf_id("001"),
                original.name,
                original.domain,
                original.segment,
                original.industry,
                original.country,
                original.region,
                original.currency,
                original.created + hours(rng.uniform(1, 72)),
            )
            copy.owners.append((copy.created, original.owner_at(copy.created)))
            copy.segments.append((copy.created, original.segment))
            self.write_account(rng, copy, deleted_at=copy.created + days(rng.uniform(1, 10)))
        for account in self.accounts:
            self.write_account(rng, account)
        self.write_opportunities(rng)
        self.write_quotas(rng)
        stages = self.tables["crm.opportunity_stages"]
        for order, stage in enumerate(STAGES, start=1):
            stages.add(
                datetime(2021, 3, 1, 12),
                Id=self.sf_id("01J"),
                MasterLabel=stage,
                SortOrder=order,
                DefaultProbability=STAGE_PROBABILITY[stage],
                IsActive=True,
                IsClosed=stage.startswith("Closed"),
                IsWon=stage == "Closed Won",
            )

    def write_account(self, rng: random.Random, account: Account, deleted_at: datetime | None = None) -> None:
        history = self.tables["crm.account_history"]
        changes: list[tuple[datetime, str, str, str]] = []
        for (_, old), (since, new) in zip(account.owners, account.owners[1:], strict=False):
            changes.append((since, "Owner", old, new))
        segments = sorted(account.segments)
        for (_, old), (since, new) in zip(segments, segments[1:], strict=False):
            if old != new:
                changes.append((since, "Segment", old, new))
        for since, field_name, old, new in sorted(changes):
            history.add(
                since,
                Id=self.sf_id("017"),
                AccountId=account.id,
                Field=messy(rng, field_name, 0.2),
                OldValue=messy(rng, old, 0.1) if field_name == "Segment" else old,
                NewValue=messy(rng, new, 0.1) if field_name == "Segment" else new,
                CreatedDate=since,
            )
        last_change = max([account.created] + [since for since, *_ in changes])
        stale: tuple[dict[str, Value], datetime] | None = None
        if changes:
            first = sorted(changes)[0]
            stale = (
                {
                    "OwnerId": account.owners[0][1],
                    "Segment": segments[0][1],
                    "SystemModstamp": account.created,
                },
                first[0] - hours(1),
            )
        if deleted_at is not None:
            stale = ({"IsDeleted": False, "SystemModstamp": account.created}, account.created)
            last_change = deleted_at
        self.tables["crm.accounts"].add(
            last_change,
            stale=stale,
            force_resync=deleted_at is not None and rng.random() < 0.5,
            Id=account.id,
            Name=account.name,
            Segment=messy(rng, account.segment_at(LAST_INSTANT)),
            Industry=account.industry,
            BillingCountry=account.country,
            Region=messy(rng, account.region, 0.2),
            OwnerId=account.owner_at(LAST_INSTANT),
            CreatedDate=account.created,
            IsDeleted=deleted_at is not None,
            SystemModstamp=last_change,
        )

    def write_opportunities(self, rng: random.Random) -> None:
        opportunities = self.tables["crm.opportunities"]
        history = self.tables["crm.opportunity_history"]
        for opp in self.opportunities:
            for change in opp.changes:
                history.add(
                    change.at,
                    Id=self.sf_id("008"),
                    OpportunityId=opp.id,
                    StageName=messy(rng, change.stage, 0.08),
                    Amount=change.amount,
                    CloseDate=change.close_date,
                    Probability=STAGE_PROBABILITY[change.stage],
                    CreatedDate=change.at,
                )
            final = opp.final
            stale = None
            if len(opp.changes) > 1:
                before = opp.changes[-2]
                stale = (
                    {
                        "StageName": before.stage,
                        "Amount": before.amount,
                        "Probability": STAGE_PROBABILITY[before.stage],
                        "CloseDate": before.close_date,
                        "IsClosed": False,
                        "IsWon": False,
                        "SystemModstamp": before.at,
                    },
                    before.at,
                )
            opportunities.add(
                final.at,
                stale=stale,
                Id=opp.id,
                Name=opp.name,
                AccountId=opp.account.id if opp.account else None,
                Type=messy(rng, opp.type),
                StageName=messy(rng, final.stage),
                Amount=final.amount,
                CurrencyIsoCode=opp.currency,
                Probability=STAGE_PROBABILITY[final.stage],
                CreatedDate=opp.changes[0].at,
                CloseDate=final.close_date,
                IsClosed=final.stage.startswith("Closed"),
                IsWon=final.stage == "Closed Won",
                OwnerId=opp.owner_id,
                CampaignId=opp.campaign_id,
                IsDeleted=opp.deleted,
                SystemModstamp=final.at,
            )

    def write_quotas(self, rng: random.Random) -> None:
        """Monthly quotas per AE, set per pod and year a little above what the pod's reps book."""
        booked: dict[tuple[str, int], int] = {}
        rep_months: dict[tuple[str, int], int] = {}
        by_id = {rep.id: rep for rep in self.reps}
        for opp in self.opportunities:
            if opp.is_won and opp.type != "Renewal" and not opp.deleted and opp.final.amount:
                rep = by_id[opp.owner_id]
                usd = opp.final.amount / 100 * self.rate(month_of(opp.final.at), opp.currency)
                key = (rep.team, opp.final.at.year)
                booked[key] = booked.get(key, 0) + round(usd)
        aes = self.reps_with("Account Executive")
        for rep in aes:
            for month in MONTHS:
                if rep.active(datetime.combine(month, datetime.min.time()) + days(14)):
                    rep_months[(rep.team, month.year)] = rep_months.get((rep.team, month.year), 0) + 1
        table = self.tables["crm.quotas"]
        for rep in aes:
            personal = rng.uniform(0.92, 1.08)
            for month in MONTHS:
                first_day = datetime.combine(month, datetime.min.time())
                if not (
                    rep.hired <= month_end(month).date()
                    and (rep.terminated is None or rep.terminated > month)
                ):
                    continue
                key = (rep.team, month.year)
                average = booked.get(key, 0) / max(rep_months.get(key, 1), 1)
                quota = max(5000, round_to(average * 1.12 * personal, 1000))
                tenure_months = (month.year - rep.hired.year) * 12 + month.month - rep.hired.month
                if tenure_months < 2:
                    quota = round_to(quota * 0.5, 500)
                set_at = first_day - days(rng.uniform(3, 20))
                table.add(
                    set_at,
                    Id=self.sf_id("0J9"),
                    OwnerId=rep.id,
                    PeriodType=messy(rng, "Month", 0.1),
                    StartDate=month,
                    QuotaAmount=quota * 100,
                    CurrencyIsoCode="USD",
                )
