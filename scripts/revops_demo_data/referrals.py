"""referrals: the customer referral programme (crm.referrals), one referral per referral lead, made
by a sales-managed customer paying at the time, healthy and long-standing customers more often."""

from __future__ import annotations

from bisect import bisect_right
from datetime import datetime

from .common import messy, pick, seconds
from .entities import Customer
from .state import State


class Referrals(State):
    """Referrals of the referral leads."""

    def build_referrals(self) -> None:
        rng = self.rng("referrals")
        table = self.tables["crm.referrals"]
        referrers = sorted(
            (
                (customer.active_spans()[0][0], customer.id, customer)
                for customer in self.customers
                if customer.account is not None
                and customer.kind in ("sales", "second_currency")
                and customer.active_spans()
            ),
            key=lambda item: item[:2],
        )
        starts = [start for start, _, _ in referrers]
        for lead_id, lead_created in self.referral_leads:
            referred = lead_created - seconds(rng.randint(600, 4 * 86400))
            known = bisect_right(starts, referred)
            referrer = None
            for _ in range(40 if known else 0):  # rejection sampling: O(1) per lead at any scale
                customer = referrers[rng.randrange(known)][2]
                propensity = self.referral_propensity(customer, referred)
                if customer.is_active(referred) and rng.random() < propensity:
                    referrer = customer
                    break
            if referrer is None:  # nobody suitable yet: the referral came from outside the programme
                continue
            table.add(
                referred,
                Id=self.sf_id("a0R"),
                Referrer_Account__c=referrer.account.id,
                Lead__c=lead_id,
                Program__c=messy(rng, pick(rng, [("Customer Referral", 80), ("Advocate Program", 20)])),
                CreatedDate=referred,
                IsDeleted=False,
                SystemModstamp=referred,
            )

    @staticmethod
    def referral_propensity(customer: Customer, moment: datetime) -> float:
        """How likely a paying customer refers at `moment`: a customer that churns within 180 days
        rarely does, a customer paying for less than 180 days less often than a long-standing one."""
        churning = any(0 <= (churn - moment).days <= 180 for churn in customer.churn_moments())
        tenure_days = (moment - customer.active_spans()[0][0]).days
        return (0.15 if churning else 1.0) * (1.0 if tenure_days >= 180 else 0.4)
