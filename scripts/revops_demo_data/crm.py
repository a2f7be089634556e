"""crm, the people and the funnel: users (reps with managers, hires and leavers), campaigns of every
type, leads from every channel with the sales activities and campaign responses on them, deleted
duplicate leads, and the repeat inquiries of people already converted (crm.users, crm.campaigns,
crm.leads, crm.activities, crm.campaign_members). A converted lead's account and deal come from
crm_opportunities."""

from __future__ import annotations

import calendar
import random
from datetime import date, datetime, timedelta

from .common import (
    END,
    LAST_INSTANT,
    MONTHS,
    START,
    Table,
    between,
    days,
    hours,
    messy,
    month_of,
    month_weights,
    pick,
    round_to,
    scaled,
    seconds,
)
from .crm_opportunities import CrmOpportunities
from .entities import Campaign, Rep
from .reference import LEAD_SOURCES, LEADS, REGION_WEIGHTS

# Why a rep disqualified a lead (weights): one never worked was unreachable, bad data or a duplicate;
# a worked one mostly not a fit, without budget or gone to a competitor.
WORKED_LEAD_REASONS = [
    ("not_a_fit", 35),
    ("no_budget", 30),
    ("competitor", 15),
    ("unreachable", 15),
    ("duplicate", 5),
]
UNWORKED_LEAD_REASONS = [("unreachable", 55), ("bad_data", 30), ("duplicate", 15)]


class Crm(CrmOpportunities):
    """Users, campaigns, leads and what sales does with them."""

    def build_reps(self) -> None:
        rng = self.rng("reps")
        scale = self.scale
        domain = "northbeam.io"

        def hire(role: str, team: str, region: str, manager: str | None, hired: date) -> Rep:
            first, last = self.person(rng)
            rep = Rep(
                self.sf_id("005"),
                f"{first} {last}",
                self.unique_email(f"{first}.{last}".lower(), domain),
                role,
                team,
                region,
                manager,
                hired,
            )
            self.reps.append(rep)
            return rep

        def early_date() -> date:
            return date(2020, 1, 1) + timedelta(days=rng.randint(0, 1050))

        vp = hire("Sales Manager", "Leadership", "NA", None, date(2019, 9, 2))
        pods = {"SMB Pod": "NA", "Team North": "NA", "Team South": "EMEA", "Enterprise Pod": "NA"}
        managers = {
            pod: hire("Sales Manager", pod, region, vp.id, early_date()) for pod, region in pods.items()
        }
        n_ae = scaled(16, scale, 4)
        pod_names = list(pods)
        pod_regions = {
            "SMB Pod": ["NA", "EMEA", "APAC", "LATAM"],
            "Team North": ["NA", "LATAM"],
            "Team South": ["EMEA", "APAC"],
            "Enterprise Pod": ["NA", "EMEA"],
        }
        n_growth = round(n_ae * 0.25)
        aes = []
        for index in range(n_ae):
            pod = pod_names[index % 4]
            hired = (
                early_date() if index < n_ae - n_growth else date(2023, 3, 1) + timedelta(rng.randint(0, 820))
            )
            aes.append(hire("Account Executive", pod, rng.choice(pod_regions[pod]), managers[pod].id, hired))
        early_aes = [rep for rep in aes if rep.hired < date(2023, 1, 1)]
        for rep in rng.sample(early_aes, min(len(early_aes) - 1, scaled(3, scale, 1))):
            rep.terminated = date(2023, 6, 1) + timedelta(rng.randint(0, 820))
            hired = rep.terminated + timedelta(rng.randint(-10, 40))
            hire("Account Executive", rep.team, rep.region, rep.manager_id, hired)
        sdrs = []
        for index in range(scaled(8, scale, 2)):
            pod = ["Team North", "Team South"][index % 2]
            sdrs.append(hire("Sales Development Rep", pod, pods[pod], managers[pod].id, early_date()))
        for rep in rng.sample(sdrs, round(1 * scale)):
            rep.terminated = date(2024, 2, 1) + timedelta(rng.randint(0, 400))
            hire("Sales Development Rep", rep.team, rep.region, rep.manager_id, rep.terminated)
        for _ in range(scaled(5, scale, 1)):
            hire("Customer Success Manager", "CS", pick(rng, REGION_WEIGHTS), vp.id, early_date())
        head = hire("Marketing", "Marketing", "NA", None, date(2020, 5, 4))
        for _ in range(scaled(4, scale, 1) - 1):
            hire("Marketing", "Marketing", rng.choice(["NA", "EMEA"]), head.id, early_date())

        table = self.tables["crm.users"]
        for rep in self.reps:
            last_change = datetime.combine(
                rep.terminated or max(rep.hired, date(2022, 12, 1)), datetime.min.time()
            )
            table.add(
                last_change + hours(rng.uniform(9, 18)),
                Id=rep.id,
                Name=rep.name,
                Email=rep.email,
                UserRole=messy(rng, rep.role),
                Team=rep.team,
                Region=messy(rng, rep.region, 0.2),
                ManagerId=rep.manager_id,
                IsQuotaCarrying=rep.role == "Account Executive",
                HiredDate=rep.hired,
                TerminatedDate=rep.terminated,
                IsDeleted=False,
                SystemModstamp=last_change + hours(rng.uniform(9, 18)),
            )

    def build_campaigns(self) -> None:
        rng = self.rng("campaigns")
        kinds = [
            ("Webinar", ["Webinar"], 36, (1500, 6000), (0, 0)),
            ("Event", ["Event"], 12, (8000, 60000), (0, 2)),
            ("Paid", ["Paid Search", "Paid Social"], 60, (4000, 25000), (27, 30)),
            ("Content", ["Content"], 20, (1000, 8000), (30, 90)),
            ("Email", ["Email"], 30, (300, 2000), (0, 6)),
        ]
        topics = [
            "Forecasting 101",
            "Pipeline Reviews",
            "RevOps Summit",
            "Churn Playbook",
            "Board Metrics",
            "Q4 Planning",
            "Data Quality",
            "Sales Efficiency",
            "NRR Masterclass",
            "CFO Roundtable",
        ]
        for campaign_type, channels, base_count, (low, high), (min_days, max_days) in kinds:
            count = scaled(base_count, self.scale, 1)
            for index in range(count):
                start = START + days((index + rng.random()) * 1080 / count)
                channel = channels[index % len(channels)]
                emea = campaign_type in ("Webinar", "Event") and rng.random() < 0.25
                currency = "EUR" if emea else "USD"
                cost_usd = rng.uniform(low, high)
                cost = round_to(cost_usd / (self.rate(month_of(start), currency)) * 100, 100)
                campaign = Campaign(
                    self.sf_id("701"),
                    campaign_type,
                    channel,
                    start.date(),
                    min(start.date() + timedelta(rng.randint(min_days, max_days)), date(2025, 12, 31)),
                    cost,
                    currency,
                )
                self.campaigns.append(campaign)
        self.campaigns.sort(key=lambda c: (c.start, c.id))
        table = self.tables["crm.campaigns"]
        for campaign in self.campaigns:
            label = {"Paid": campaign.channel, "Email": "Newsletter"}.get(campaign.type, campaign.type)
            modstamp = datetime.combine(campaign.end, datetime.min.time()) + hours(rng.uniform(30, 200))
            modstamp = min(modstamp, END - hours(rng.uniform(1, 12)))
            table.add(
                modstamp,
                Id=campaign.id,
                Name=f"{campaign.start:%Y-%m} {label} - {rng.choice(topics)}",
                Type=messy(rng, campaign.type),
                Channel=messy(rng, campaign.channel),
                StartDate=campaign.start,
                EndDate=campaign.end,
                ActualCost=campaign.cost,
                CurrencyIsoCode=campaign.currency,
                IsDeleted=False,
                SystemModstamp=modstamp,
            )
        for _ in range(max(1, round(0.012 * len(self.campaigns)))):
            created = between(rng, START, END - days(30))
            table.add(
                created + days(2),
                stale=({"IsDeleted": False, "SystemModstamp": created}, created),
                force_resync=True,
                Id=self.sf_id("701"),
                Name="TEST campaign - do not use",
                Type="Email",
                Channel="Email",
                StartDate=created.date(),
                EndDate=created.date(),
                ActualCost=0,
                CurrencyIsoCode="USD",
                IsDeleted=True,
                SystemModstamp=created + days(2),
            )

    def campaign_for(
        self, rng: random.Random, channel: str, moment: datetime, grace_days: int
    ) -> Campaign | None:
        day = moment.date()
        in_channel = self.memo(
            ("channel", channel), lambda: [c for c in self.campaigns if c.channel == channel]
        )
        options = self.memo(
            ("campaigns", channel, day, grace_days),
            lambda: [c for c in in_channel if c.start <= day <= c.end + timedelta(days=grace_days)],
        )
        return rng.choice(options) if options else None

    def build_leads_and_deals(self) -> None:
        """Leads from every channel; sales works them; about 30 % convert to an account and a deal."""
        rng = self.rng("leads")
        leads = self.tables["crm.leads"]
        cumulative = month_weights(1.6)
        n_leads = scaled(LEADS, self.scale, 60)
        email_campaigns = [c for c in self.campaigns if c.channel == "Email"]
        touch_campaigns = [c for c in self.campaigns if c.type in ("Webinar", "Event")]
        lead_rows = []
        for _ in range(n_leads):
            month = MONTHS[rng.choices(range(36), cum_weights=cumulative)[0]]
            region = pick(rng, REGION_WEIGHTS)
            country, currency = self.country_in(rng, region)
            day = month + timedelta(rng.randint(0, calendar.monthrange(month.year, month.month)[1] - 1))
            created = self.work_time(rng, day, region)
            if created >= END - hours(2):
                created = END - hours(rng.uniform(3, 30))
            lead_rows.append((created, region, country, currency))
        lead_rows.sort()
        for created, region, country, currency in lead_rows:
            source, _, p_convert, p_win, channel = rng.choices(
                LEAD_SOURCES, weights=[weight for _, weight, *_ in LEAD_SOURCES]
            )[0]
            company, domain, industry = self.company(rng, country)
            first, last = self.person(rng)
            email = self.unique_email(f"{first}.{last}".lower(), domain)
            lead_id = self.sf_id("00Q")
            campaign = None
            if channel is not None and rng.random() < 0.9:
                grace = {"Webinar": 10, "Event": 14, "Content": 30}.get(channel, 0)
                campaign = self.campaign_for(rng, channel, created, grace)
            if source == "Partner":
                owner = self.pick_rep(rng, "Account Executive", None, created, created + days(60))
            else:
                owner = self.pick_rep(rng, "Sales Development Rep", None, created, created + days(30))
            # Sales response: minutes to days; some leads are never contacted.
            p_contact = {"Outbound": 1.0, "Referral": 0.95, "Partner": 0.93}.get(source, 0.84)
            contacted = rng.random() < p_contact
            converts = rng.random() < p_convert / 0.86
            if converts and not contacted:
                converts = rng.random() < 0.15  # a few convert without any logged activity
            touches = self.sales_touches(rng, source, created) if contacted else []
            base = touches[0] if touches else created
            convert_at = base + days(rng.uniform(1, 35)) if converts else None
            if convert_at is not None and convert_at >= END:
                convert_at = None
            if convert_at is not None:
                touches = [t for t in touches if t < convert_at]
            # Converting moves the lead's tasks and events to its new contact (their WhoId).
            contact_id = "003" + lead_id[3:] if convert_at is not None else None
            self.log_lead_activities(rng, contact_id or lead_id, owner.id, touches)
            self.lead_campaign_members(rng, lead_id, created, campaign, email_campaigns)
            # Outcome of the lead.
            account_id = opp_id = None
            status = "Open"
            changed = created
            if convert_at is not None:
                status, changed = "Converted", convert_at
                account = self.convert_lead(
                    rng, company, domain, industry, region, country, currency, convert_at, source
                )
                account.contacts.append(email)
                account_id = account.id
                if rng.random() < 0.92:
                    opp = self.new_business(
                        rng, account, source, p_win, campaign, convert_at, touch_campaigns
                    )
                    opp_id = opp.id
            elif touches:
                last_touch = touches[-1]
                if last_touch + days(21) < END:
                    status = pick(rng, [("Unqualified", 85), ("Working", 10), ("Qualified", 5)])
                    changed = last_touch + days(rng.uniform(1, 20))
                else:
                    status, changed = pick(rng, [("Working", 70), ("Qualified", 30)]), last_touch
            elif created + days(45) < END and rng.random() < 0.5:
                status, changed = "Unqualified", created + days(rng.uniform(20, 45))
            row = leads.add(
                changed,
                stale=(
                    {
                        "Status": "Working",
                        "IsConverted": False,
                        "ConvertedDate": None,
                        "ConvertedAccountId": None,
                        "ConvertedOpportunityId": None,
                        "ConvertedContactId": None,
                        "SystemModstamp": base,
                    },
                    base,
                )
                if status == "Converted"
                else None,
                Id=lead_id,
                Company=company,
                Email=email,
                LeadSource=messy(rng, source),
                Status=status,
                OwnerId=owner.id,
                CampaignId=campaign.id if campaign else None,
                CreatedDate=created,
                IsConverted=status == "Converted",
                ConvertedDate=convert_at.date() if convert_at else None,
                ConvertedAccountId=account_id,
                ConvertedOpportunityId=opp_id,
                ConvertedContactId=contact_id,
                IsDeleted=False,
                SystemModstamp=changed,
            )
            if status == "Converted":
                self.converted_leads.append(row)
            if source == "Referral":  # repeat inquiries (build_repeat_inquiries) are not referrals
                self.referral_leads.append((lead_id, created))
            self.lead_stories.append((lead_id, created, source, status, touches, convert_at))
            if status == "Unqualified":
                self.unqualified_at[lead_id] = changed
            if created < END - days(5) and rng.random() < 0.01:
                self.deleted_duplicate_lead(rng, created, company, email, source, owner.id)

    def sales_touches(self, rng: random.Random, source: str, created: datetime) -> list[datetime]:
        """When sales works a lead: a first touch minutes to days after creation, maybe follow-ups."""
        if source == "Outbound":  # the SDR creates the lead while prospecting
            first_touch = created + seconds(rng.randint(60, 900))
        else:
            band = pick(rng, [(0, 40), (1, 30), (2, 20), (3, 10)])
            if band == 0:
                first_touch = created + seconds(rng.randint(120, 3600))
            elif band == 1:
                first_touch = created + hours(rng.uniform(1, 8))
            elif band == 2:
                first_touch = created + hours(rng.uniform(8, 48))
            else:
                first_touch = created + days(rng.uniform(2, 7))
        touches = [first_touch]
        for _ in range(2):
            if rng.random() < 0.2:
                touches.append(touches[-1] + days(rng.uniform(1, 12)) + seconds(rng.randint(0, 3600)))
        return [t for t in touches if t < END]

    def log_lead_activities(
        self, rng: random.Random, who_id: str, owner_id: str, touches: list[datetime]
    ) -> None:
        """One call, email or meeting per touch with the lead, or with the contact it converted into
        (a few logged twice, the copy deleted)."""
        activities = self.tables["crm.activities"]
        for touch in touches:
            kind = pick(rng, [("Call", 45), ("Email", 45), ("Meeting", 10)])
            subject = rng.choice(
                {
                    "Call": ["Intro call", "Follow-up call"],
                    "Email": ["Intro email", "Follow-up"],
                    "Meeting": ["Discovery meeting", "Demo"],
                }[kind]
            )
            logged = min(touch + seconds(rng.randint(0, 600)), LAST_INSTANT)
            activities.add(
                logged,
                Id=self.sf_id("00T"),
                Type=messy(rng, kind),
                Subject=subject,
                WhoId=who_id,
                WhatId=None,
                OwnerId=owner_id,
                ActivityDateTime=touch,
                IsDeleted=False,
                SystemModstamp=logged,
            )
            if touch < END - hours(3) and rng.random() < 0.008:
                activities.add(
                    touch + hours(2),
                    Id=self.sf_id("00T"),
                    Type=kind,
                    Subject=subject,
                    WhoId=who_id,
                    WhatId=None,
                    OwnerId=owner_id,
                    ActivityDateTime=touch + seconds(rng.randint(60, 900)),
                    IsDeleted=True,
                    SystemModstamp=touch + hours(2),
                )

    def lead_campaign_members(
        self,
        rng: random.Random,
        lead_id: str,
        created: datetime,
        campaign: Campaign | None,
        email_campaigns: list[Campaign],
    ) -> None:
        """The campaign response that sourced the lead, and sometimes a later nurture email."""
        members = self.tables["crm.campaign_members"]
        if campaign is not None:
            touched = max(
                created - seconds(rng.randint(0, 900)), datetime.combine(campaign.start, datetime.min.time())
            )
            status = "Attended" if campaign.channel in ("Webinar", "Event") else "Responded"
            members.add(
                touched,
                Id=self.sf_id("00v"),
                CampaignId=campaign.id,
                LeadId=lead_id,
                AccountId=None,
                Status=messy(rng, status),
                HasResponded=True,
                CreatedDate=touched,
                FirstRespondedDate=touched.date(),
            )
        if email_campaigns and rng.random() < 0.22:
            day = created.date()
            last_start = min(day + timedelta(75), date(2025, 12, 28))
            later = self.memo(
                ("nurture", day), lambda: [c for c in email_campaigns if day < c.start <= last_start]
            )
            if later:
                nurture = rng.choice(later)
                sent = datetime.combine(nurture.start, datetime.min.time()) + hours(rng.uniform(13, 16))
                responded = rng.random() < 0.25
                members.add(
                    sent,
                    Id=self.sf_id("00v"),
                    CampaignId=nurture.id,
                    LeadId=lead_id,
                    AccountId=None,
                    Status=messy(rng, "Responded" if responded else "Sent"),
                    HasResponded=responded,
                    CreatedDate=sent,
                    FirstRespondedDate=(sent + hours(rng.uniform(1, 40))).date() if responded else None,
                )

    def deleted_duplicate_lead(
        self, rng: random.Random, created: datetime, company: str, email: str, source: str, owner_id: str
    ) -> None:
        """The same person entered twice; the copy is deleted a few days later."""
        dup_created = created + hours(rng.uniform(0.1, 30))
        self.tables["crm.leads"].add(
            dup_created + days(3),
            stale=({"IsDeleted": False, "SystemModstamp": dup_created}, dup_created),
            force_resync=rng.random() < 0.5,
            Id=self.sf_id("00Q"),
            Company=company,
            Email=email,
            LeadSource=messy(rng, source),
            Status="Open",
            OwnerId=owner_id,
            CampaignId=None,
            CreatedDate=dup_created,
            IsConverted=False,
            ConvertedDate=None,
            ConvertedAccountId=None,
            ConvertedOpportunityId=None,
            ConvertedContactId=None,
            IsDeleted=True,
            SystemModstamp=dup_created + days(3),
        )

    def build_repeat_inquiries(self) -> None:
        """A few people already converted come back as a new lead (a second inquiry, months later).
        Sales converts it into the contact that already exists, as Salesforce does when a lead
        matches a contact, so its tasks and events sit on that contact beside the first lead's and
        count for the new lead from its creation on. About 2 % of converted leads, at least two.
        Runs last, on its own random stream, so it only adds rows."""
        rng = self.rng("repeat_inquiries")
        leads = self.tables["crm.leads"]
        column = leads.position
        converted = self.converted_leads
        for first in rng.sample(converted, min(len(converted), max(2, round(0.02 * len(converted))))):
            first_converted = first[column["ConvertedDate"]]
            day = first_converted + timedelta(days=rng.randint(30, 240))
            created = datetime(day.year, day.month, day.day, 9) + seconds(rng.randint(0, 8 * 3600))
            touches = self.sales_touches(rng, "Referral", created)
            if not touches or created + days(45) >= END:
                continue
            converted_at = touches[0] + days(rng.uniform(1, 14))
            if converted_at >= END:
                continue
            contact_id, owner_id = first[column["ConvertedContactId"]], first[column["OwnerId"]]
            self.log_lead_activities(rng, contact_id, owner_id, [t for t in touches if t < converted_at])
            lead_id = self.sf_id("00Q")
            self.lead_stories.append((lead_id, created, "Referral", "Converted", touches, converted_at))
            leads.add(
                converted_at,
                Id=lead_id,
                Company=first[column["Company"]],
                Email=first[column["Email"]],
                LeadSource=first[column["LeadSource"]],
                Status="Converted",
                OwnerId=owner_id,
                CampaignId=None,
                CreatedDate=created,
                IsConverted=True,
                ConvertedDate=converted_at.date(),
                ConvertedAccountId=first[column["ConvertedAccountId"]],
                ConvertedOpportunityId=None,
                ConvertedContactId=contact_id,
                IsDeleted=False,
                SystemModstamp=converted_at,
            )

    def build_lead_status_history(self) -> None:
        """The lifecycle stages of the live leads as Salesforce field history records them: the
        Status changes to MQL (marketing qualified, with the qualification criteria the lead met)
        and to SQL (sales accepted), and to Unqualified with the disqualification reason. Every
        converted lead passed both before its conversion; a lead sales qualified or worked often
        did, an unqualified or untouched one sometimes reached MQL; referrals qualify more often.
        Runs after every other step, on its own random streams, so it only adds rows."""
        rng = self.rng("lead_status_history")
        table = self.tables["crm.lead_status_history"]
        stages: dict[str, tuple[str, datetime]] = {}  # each lead's latest stage change (stage, when)
        for lead_id, created, source, status, touches, converted_at in self.lead_stories:
            boost = 1.4 if source == "Referral" else 1.0
            p_mql, p_sql = {
                "Converted": (1.0, 1.0),
                "Qualified": (1.0, 0.9),
                "Working": (0.6, 0.3),
                "Unqualified": (0.35 if touches else 0.2, 0.15),
            }.get(status, (0.15, 0.0))
            if converted_at is None and rng.random() >= min(p_mql * boost, 1.0):
                continue
            first_touch = touches[0] if touches else created + days(2)
            mql_at = created + (min(first_touch, converted_at or END) - created) * rng.uniform(0.05, 0.9)
            mql_at = min(mql_at, END - hours(1))
            criteria = [name for name in ("budget", "authority", "need", "timing") if rng.random() < 0.8]
            if status not in ("Converted", "Qualified"):
                criteria = [name for name in criteria if rng.random() < 0.75]
            self.add_status_change(rng, table, lead_id, mql_at, "Open", "MQL", ";".join(criteria or ["need"]))
            stages[lead_id] = ("MQL", mql_at)
            if converted_at is not None:
                sql_at = mql_at + (converted_at - mql_at) * rng.uniform(0.1, 0.9)
            elif rng.random() < p_sql:
                sql_at = mql_at + days(rng.uniform(0.5, 12))
            else:
                continue
            if sql_at < END:
                self.add_status_change(rng, table, lead_id, sql_at, "MQL", "SQL", None)
                stages[lead_id] = ("SQL", sql_at)
        self.add_disqualifications(table, stages)

    def add_disqualifications(self, table: Table, stages: dict[str, tuple[str, datetime]]) -> None:
        """Every live Unqualified lead's change to that status, when the lead record says (or just
        after its latest stage change), with the reason the rep picked: a lead never worked was
        unreachable, bad data (a fake name, a dead e-mail) or a duplicate; a worked one mostly not a
        fit, without budget or gone to a competitor, sometimes unreachable after the first touches.
        On its own random stream, ids included, so the earlier rows and every other table keep
        their bytes."""
        rng = self.rng("lead_disqualifications")
        worked = {lead_id for lead_id, *_, touches, _ in self.lead_stories if touches}
        for lead_id, changed in self.unqualified_at.items():
            reasons = WORKED_LEAD_REASONS if lead_id in worked else UNWORKED_LEAD_REASONS
            old_value, stage_at = stages.get(lead_id, ("Open", None))
            after_stage = changed if stage_at is None else stage_at + hours(rng.uniform(2, 48))
            changed_at = min(max(changed, after_stage), END - hours(1))
            reason = pick(rng, reasons)
            self.add_status_change(
                rng, table, lead_id, changed_at, old_value, "Unqualified", None, reason, own_id=True
            )

    def add_status_change(
        self,
        rng: random.Random,
        table: Table,
        lead_id: str,
        changed_at: datetime,
        old_value: str,
        new_value: str,
        criteria: str | None,
        reason: str | None = None,
        own_id: bool = False,
    ) -> None:
        """One LeadHistory row: a change of the lead's Status field. With own_id, the id is drawn
        from `rng` rather than the shared id stream (a step added later must not move other ids)."""
        changed_at = changed_at.replace(microsecond=0)
        table.add(
            changed_at,
            Id=self.own_sf_id(rng, "017") if own_id else self.sf_id("017"),
            LeadId=lead_id,
            Field="Status",
            OldValue=old_value,
            NewValue=messy(rng, new_value, 0.05),
            QualificationCriteria=criteria,
            DisqualificationReason=reason,
            CreatedDate=changed_at,
        )

    def build_qbr_meetings(self) -> None:
        """Quarterly business reviews with the sales-managed customers (a mid-market or enterprise
        CRM account, paying at the quarter's start): most quarters the account owner holds one, some
        are cancelled and not held again. Runs after every other step, on its own random stream, so
        it only adds rows."""
        rng = self.rng("qbr_meetings")
        table = self.tables["crm.qbr_meetings"]
        for customer in self.customers:
            account = customer.account
            if account is None or customer.deleted:
                continue
            for quarter_start in MONTHS[::3]:
                start = datetime.combine(quarter_start, datetime.min.time())
                segment = account.segment_at(start)
                if segment not in ("Mid-Market", "Enterprise") or not customer.is_active(start):
                    continue
                held = rng.random() < (0.8 if segment == "Enterprise" else 0.6)
                if not held and rng.random() >= 0.4:
                    continue
                last = min(start + days(85), END - hours(2))
                if last <= start + days(5):
                    continue
                moment = self.work_time(rng, between(rng, start + days(5), last).date(), account.region)
                table.add(
                    moment,
                    Id=self.sf_id("00U"),
                    AccountId=account.id,
                    OwnerId=account.owner_at(moment),
                    Status=messy(rng, "Completed" if held else "Canceled", 0.05),
                    StartDateTime=moment,
                )
