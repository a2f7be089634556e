"""contacts: the people sales knows at each customer account (crm.contacts), with their function and
seniority. Accounts that stay and grow are known wider and higher up: more contacts, more often an
executive, a new senior contact in the months before an expansion; a customer about to churn is
known thinly, and often loses a contact in the months before it leaves."""

from __future__ import annotations

import random
from datetime import datetime

from .common import END, between, days, messy, pick, poisson
from .entities import Customer
from .state import State

# Additional contacts (beyond the one the lead converted into) an account gains over its life.
EXTRA_CONTACTS = {"SMB": 0.5, "Mid-Market": 1.3, "Enterprise": 2.6}
LEVELS = ("C-Level", "VP", "Director", "Manager", "Individual")
LEVEL_WEIGHTS = {
    "buyer_smb": (25, 20, 25, 25, 5),
    "buyer": (5, 20, 35, 30, 10),
    "expanding": (15, 25, 30, 20, 10),
    "steady": (8, 17, 25, 30, 20),
    "churning": (3, 7, 20, 35, 35),
}
DEPARTMENTS = (
    ("Finance", 20),
    ("Operations", 25),
    ("IT", 20),
    ("Sales", 10),
    ("Marketing", 10),
    ("Customer Success", 15),
)
CHIEF_TITLES = {
    "Executive": "CEO",
    "Finance": "CFO",
    "Operations": "COO",
    "IT": "CTO",
    "Sales": "CRO",
    "Marketing": "CMO",
    "Customer Success": "CCO",
}


class Contacts(State):
    """Contacts of the sales-managed customer accounts."""

    def build_contacts(self) -> None:
        rng = self.rng("contacts")
        column = self.tables["crm.leads"].position
        account, contact, converted_at = (
            column[name] for name in ("ConvertedAccountId", "ConvertedContactId", "SystemModstamp")
        )
        converted = {row[account]: (row[contact], row[converted_at]) for row in self.converted_leads}
        done: set[str] = set()
        for customer in self.customers:
            account = customer.account
            spans = customer.active_spans()
            if account is None or customer.deleted or not spans or account.id in done:
                continue
            done.add(account.id)
            self.account_contacts(rng, customer, spans, converted.get(account.id))

    def account_contacts(
        self,
        rng: random.Random,
        customer: Customer,
        spans: list[tuple[datetime, datetime]],
        converted: tuple[str, datetime] | None,
    ) -> None:
        """The buyer (the contact its lead converted into) and the contacts added while it pays."""
        account = customer.account
        assert account is not None
        paid_start, paid_end = spans[0][0], max(end for _, end in spans)
        churns = customer.churn_moments()
        expansions = sorted(
            event.at
            for subscription in customer.subscriptions
            for event in subscription.events
            if event.kind in ("upgrade", "add_subscription")
        )
        segment = account.segment_at(paid_start)
        fate = "churning" if churns else "expanding" if expansions else "steady"
        buyer_id, buyer_created = converted or (self.sf_id("003"), paid_start - days(rng.uniform(5, 40)))
        people = [(buyer_id, buyer_created, "buyer_smb" if segment == "SMB" else "buyer")]
        extra = poisson(rng, EXTRA_CONTACTS[segment] * {"churning": 0.5, "expanding": 1.5}.get(fate, 1.0))
        last_added = min(paid_end, END) - days(1)
        for _ in range(extra if last_added > paid_start else 0):
            people.append((self.sf_id("003"), between(rng, paid_start, last_added), fate))
        if expansions and expansions[0] - days(100) > paid_start:  # a new sponsor before the upsell
            people.append((self.sf_id("003"), expansions[0] - days(rng.uniform(15, 100)), "expanding"))
        leaving: dict[str, datetime] = {}
        for churn in churns:  # the champion leaves in the months before the churn
            candidates = [p for p in people if p[1] + days(45) < churn - days(90) and p[0] not in leaving]
            if candidates and rng.random() < 0.6:
                leaving[rng.choice(candidates)[0]] = churn - days(rng.uniform(15, 90))
        for contact_id, created, kind in people:
            left = leaving.get(contact_id)
            if left is None and rng.random() < 0.05 and created + days(60) < END - days(30):
                left = between(rng, created + days(60), END - days(30))  # people change jobs
            self.add_contact(rng, contact_id, account.id, created, kind, left)

    def add_contact(
        self,
        rng: random.Random,
        contact_id: str,
        account_id: str,
        created: datetime,
        kind: str,
        left: datetime | None,
    ) -> None:
        level = pick(rng, list(zip(LEVELS, LEVEL_WEIGHTS[kind], strict=True)))
        department = "Executive" if level == "C-Level" and rng.random() < 0.7 else pick(rng, DEPARTMENTS)
        self.tables["crm.contacts"].add(
            left or created,
            stale=({"IsDeleted": False, "SystemModstamp": created}, created) if left else None,
            force_resync=left is not None,
            Id=contact_id,
            AccountId=account_id,
            Title=job_title(level, department),
            Department=messy(rng, department),
            Level__c=messy(rng, level),
            CreatedDate=created,
            IsDeleted=left is not None,
            SystemModstamp=left or created,
        )


def job_title(level: str, department: str) -> str:
    """A plausible job title for a level and function, e.g. 'VP Finance', 'IT Manager'."""
    if level == "C-Level":
        return CHIEF_TITLES[department]
    if level == "VP":
        return f"VP {department}"
    if level == "Director":
        return f"{department} Director"
    if level == "Manager":
        return f"{department} Manager"
    return f"{department} Specialist"
