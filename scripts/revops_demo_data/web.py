"""product.pages: the marketing website's page views (Segment page calls) of anonymous browsers.

Two kinds of visitors. About WEB_TRACKED_SIGNUP_SHARE of the self-serve sign-ups (trials and free
users; the rest block the tracking script) visit a few times before signing up, the visit that
signs up ending on /signup and a /welcome page carrying their user id from then on. Anonymous
visitors (WEB_VISITORS at scale 1, growing over the years) browse and leave. A visit lands with
its channel, referrer and campaign tags on the first page only; later pages are internal
navigation. The volumes are small on purpose: the committed seeds stay a few MB.
"""

from __future__ import annotations

import random
from datetime import datetime

from .common import END, MONTHS, START, days, messy, month_weights, pick, poisson, scaled, seconds
from .state import State

WEB_VISITORS = 2000  # anonymous visitors who never sign up, at scale 1
WEB_TRACKED_SIGNUP_SHARE = 0.6  # self-serve sign-ups whose browser Segment tracked

# Channel -> (label the tag manager writes, referrer, [(utm_source, utm_medium, utm_campaign)] or None)
CHANNELS: dict[str, tuple[str, str | None, list[tuple[str, str, str]] | None]] = {
    "direct": ("Direct", None, None),
    "organic_search": ("Organic Search", "https://www.google.com/", None),
    "paid_search": (
        "Paid Search",
        "https://www.google.com/",
        [
            ("google", "cpc", "brand_search"),
            ("google", "cpc", "competitor_search"),
            ("bing", "cpc", "brand_search"),
        ],
    ),
    "paid_social": (
        "Paid Social",
        "https://www.linkedin.com/",
        [("linkedin", "paid_social", "revops_guide"), ("facebook", "paid_social", "retargeting")],
    ),
    "email": ("Email", None, [("newsletter", "email", "monthly_newsletter")]),
    "referral": ("Referral", "https://www.g2.com/", None),
    "partner": ("Partner", "https://partners.example.com/", [("partner_portal", "partner", "co_marketing")]),
    "outbound": ("Outbound", None, [("outreach", "email", "abm_sequence")]),
    "event": ("Event", None, [("saastock", "event", "booth_followup")]),
}
VISITOR_CHANNELS = [
    ("direct", 20),
    ("organic_search", 34),
    ("paid_search", 14),
    ("paid_social", 9),
    ("email", 6),
    ("referral", 7),
    ("partner", 4),
    ("outbound", 4),
    ("event", 2),
]
SIGNUP_CHANNELS = {  # product.users signup_source -> the channel of the visit that signed up
    "organic": "organic_search",
    "paid_search": "paid_search",
    "paid_social": "paid_social",
    "referral": "referral",
    "partner": "partner",
}
LANDING_PAGES = [("/", 30), ("/blog/revops-metrics", 14), ("/blog/nrr-explained", 10), ("/features", 14)]
BROWSE_PAGES = [
    ("/features", 20),
    ("/pricing", 16),
    ("/customers", 10),
    ("/integrations", 10),
    ("/about", 6),
    ("/demo", 5),
    ("/contact-sales", 4),
    ("/blog/revops-metrics", 8),
]
SALES_PAGES = [("/demo", 5), ("/contact-sales", 3), ("/pricing", 4)]


class Web(State):
    """Website page views of visitors who sign up and of those who do not."""

    def build_web_pages(self) -> None:
        rng = self.rng("product.pages")
        for customer in self.customers:
            if customer.kind not in ("self_serve", "trial_only") or not customer.users:
                continue
            user_id, _, signup = customer.users[0]
            if rng.random() < WEB_TRACKED_SIGNUP_SHARE:
                self.visit_and_sign_up(
                    rng, user_id, signup, SIGNUP_CHANNELS.get(customer.signup_source, "direct")
                )
        for user_id, _, signup in self.free_users:
            if rng.random() < WEB_TRACKED_SIGNUP_SHARE:
                self.visit_and_sign_up(rng, user_id, signup, pick(rng, VISITOR_CHANNELS))
        cumulative = month_weights(1.3)
        for _ in range(scaled(WEB_VISITORS, self.scale, 50)):
            month = MONTHS[rng.choices(range(36), cum_weights=cumulative)[0]]
            first = datetime.combine(month, datetime.min.time()) + days(rng.uniform(0, 28))
            anonymous_id = self.new_id("anon_", 10)
            channel = pick(rng, VISITOR_CHANNELS)
            for index in range(1 + poisson(rng, 0.4)):
                moment = first + days(rng.uniform(1, 40)) if index else first
                self.visit(rng, anonymous_id, moment, channel if index == 0 else pick(rng, VISITOR_CHANNELS))

    def visit_and_sign_up(self, rng: random.Random, user_id: str, signup: datetime, channel: str) -> None:
        """Earlier visits, then the visit that signs up: landing, maybe pricing, /signup, /welcome."""
        anonymous_id = self.new_id("anon_", 10)
        for _ in range(poisson(rng, 0.8)):
            self.visit(rng, anonymous_id, signup - days(rng.uniform(1, 25)), pick(rng, VISITOR_CHANNELS))
        pages = ["/pricing", "/signup"] if rng.random() < 0.5 else ["/signup"]
        moment = signup - seconds(rng.randint(60, 900))
        self.page(rng, anonymous_id, None, pick(rng, LANDING_PAGES), moment, channel)
        for path in pages:
            moment += seconds(rng.randint(10, 240))
            self.page(rng, anonymous_id, None, path, min(moment, signup - seconds(5)), None)
        self.page(rng, anonymous_id, user_id, "/welcome", signup + seconds(rng.randint(2, 20)), None)

    def visit(self, rng: random.Random, anonymous_id: str, moment: datetime, channel: str) -> None:
        """One visit (a session): a landing page with the channel's tags, then internal navigation."""
        sales = channel in ("outbound", "event", "partner")
        self.page(rng, anonymous_id, None, pick(rng, LANDING_PAGES), moment, channel)
        for _ in range(poisson(rng, 0.9)):
            moment += seconds(rng.randint(10, 420))
            path = pick(rng, SALES_PAGES if sales and rng.random() < 0.5 else BROWSE_PAGES)
            self.page(rng, anonymous_id, None, path, moment, None)

    def page(
        self,
        rng: random.Random,
        anonymous_id: str,
        user_id: str | None,
        path: str,
        moment: datetime,
        channel: str | None,
    ) -> None:
        if not START <= moment < END:  # outside the data window: not exported
            return
        label, referrer, campaigns = CHANNELS[channel] if channel else (None, None, None)
        source, medium, campaign = rng.choice(campaigns) if campaigns else (None, None, None)
        if rng.random() < 0.05:  # as a person typed the link: case and a trailing slash vary
            path = path.title() if rng.random() < 0.5 else f"{path.rstrip('/')}/"
        self.tables["product.pages"].add(
            moment,
            id=self.new_id("pg_", 13),
            anonymous_id=anonymous_id,
            user_id=user_id,
            path=path,
            referrer=referrer,
            utm_source=source,
            utm_medium=medium,
            utm_campaign=campaign,
            channel=messy(rng, label, 0.1) if label else None,
            timestamp=moment,
        )
