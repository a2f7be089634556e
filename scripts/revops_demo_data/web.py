"""product.pages: the marketing website's page views (Segment page calls) of anonymous browsers.

Two kinds of visitors. About WEB_TRACKED_SIGNUP_SHARE of the self-serve sign-ups (trials and free
users; the rest block the tracking script) visit a few times before signing up, the visit that
signs up ending on /signup and a /welcome page carrying their user id from then on. Anonymous
visitors (WEB_VISITORS at scale 1, growing over the years) browse and leave. A visit lands with
its channel, referrer and campaign tags on the first page only; later pages are internal
navigation. The volumes are small on purpose: the committed seeds stay a few MB.

product.form_submissions: the forms those visits submit (newsletter, content download, contact
sales, demo request), each on a page view of a session, so a form conversion rate over sessions
holds together.
"""

from __future__ import annotations

import hashlib
import random
from datetime import datetime, timedelta

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

SESSION_TIMEOUT = timedelta(minutes=30)  # the warehouse's var web_session_timeout_minutes
# A form on the pages below a path prefix -> (form type, share of the views of such a page that submit it)
PAGE_FORMS = [
    ("/demo", "demo_request", 0.3),
    ("/contact-sales", "contact_sales", 0.35),
    ("/blog/", "content_download", 0.1),
]
NEWSLETTER_SESSION_SHARE = 0.03  # sessions that subscribe through the newsletter form in a page's footer
NEWSLETTER_WELCOME_SHARE = 0.2  # new app users who tick "send me the newsletter" on /welcome
SECOND_BROWSER_SHARE = 0.05  # visitors whose first form gives the e-mail of an earlier subscriber
WebView = tuple[str, str | None, str, datetime, tuple[str | None, ...]]


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
        self.web_views.append((anonymous_id, user_id, path, moment, (source, medium, campaign)))
        self.tables["product.pages"].add(
            moment,
            id=self.new_id("pg_", 13),
            anonymous_id=anonymous_id,
            user_id=user_id,
            path=typed_path(rng, path),
            referrer=referrer,
            utm_source=source,
            utm_medium=medium,
            utm_campaign=campaign,
            channel=messy(rng, label, 0.1) if label else None,
            timestamp=moment,
        )

    def build_form_submissions(self) -> None:
        """The website's form submissions (product.form_submissions), made on the page views
        build_web_pages exported, so each lies in a session of product.pages: demo requests and
        contact-sales forms on those pages, content downloads on blog posts, newsletter sign-ups in
        any page's footer and on /welcome (with the new user's id). A browser keeps one e-mail
        address (a few give an earlier subscriber's, the same person on a second browser); the
        tracking script sends its SHA-256 hash. Runs after every other step, on its own random
        stream, so it only adds rows."""
        rng = self.rng("product.form_submissions")
        views_of: dict[str, list[WebView]] = {}
        for view in self.web_views:
            views_of.setdefault(view[0], []).append(view)
        emails: dict[str, str] = {}  # anonymous id -> the hash of the e-mail its forms give
        subscribers: list[str] = []  # e-mail hashes subscribed to the newsletter, in order
        for anonymous_id in sorted(views_of):
            for session in split_sessions(sorted(views_of[anonymous_id], key=lambda view: view[3])):
                for form_type, (_, user_id, path, viewed, _) in session_forms(rng, session):
                    moment = viewed + seconds(rng.randint(15, 240))
                    if moment >= END:
                        continue
                    if anonymous_id not in emails:
                        emails[anonymous_id] = (
                            rng.choice(subscribers)
                            if subscribers and rng.random() < SECOND_BROWSER_SHARE
                            else hashlib.sha256(f"{self.seed}:{anonymous_id}".encode()).hexdigest()
                        )
                    email_hash = emails[anonymous_id]
                    if form_type == "newsletter" and email_hash not in subscribers:
                        subscribers.append(email_hash)
                    source, medium, campaign = session[0][4]  # the form keeps the visit's landing tags
                    self.tables["product.form_submissions"].add(
                        moment,
                        id=self.new_id("fs_", 13),
                        anonymous_id=anonymous_id,
                        user_id=user_id,
                        email_hash=email_hash,
                        form_type=messy(rng, form_type, 0.1),
                        path=typed_path(rng, path),
                        utm_source=source,
                        utm_medium=medium,
                        utm_campaign=campaign,
                        timestamp=moment,
                    )


def typed_path(rng: random.Random, path: str) -> str:
    """A path as a person typed the link: now and then its case and a trailing slash vary."""
    if rng.random() < 0.05:
        return path.title() if rng.random() < 0.5 else f"{path.rstrip('/')}/"
    return path


def split_sessions(views: list[WebView]) -> list[list[WebView]]:
    """A browser's page views in time order cut into sessions as the warehouse cuts them: a gap
    longer than SESSION_TIMEOUT starts a new one."""
    sessions: list[list[WebView]] = []
    for view in views:
        if sessions and view[3] - sessions[-1][-1][3] <= SESSION_TIMEOUT:
            sessions[-1].append(view)
        else:
            sessions.append([view])
    return sessions


def session_forms(rng: random.Random, session: list[WebView]) -> list[tuple[str, WebView]]:
    """The forms a session submits, each with the page view it was submitted on."""
    forms = []
    for view in session:
        for prefix, form_type, share in PAGE_FORMS:
            if view[2].startswith(prefix) and rng.random() < share:
                forms.append((form_type, view))
        if view[2] == "/welcome" and rng.random() < NEWSLETTER_WELCOME_SHARE:
            forms.append(("newsletter", view))
    if rng.random() < NEWSLETTER_SESSION_SHARE:
        forms.append(("newsletter", rng.choice(session)))
    return forms
