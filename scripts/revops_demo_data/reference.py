"""Reference data of the story: volumes at scale 1, names, geography, tax, currencies, list prices
and plans, FX bands, segment profiles, opportunity stages, lead and sign-up sources."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

# Volumes at scale 1 (about 1,000 billing customers; the committed seeds stay a few MB). Billing keeps
# every customer's full history; the bulky, repetitive tables (leads, tickets, usage) are kept small.
LEADS = 3600  # crm leads; about 30 % convert and 30 % of their deals are won: about 300 customers
SELF_SERVE_STARTS = 720  # product sign-ups that start a trial (about 60 % pay)
FREE_USERS = 300  # product sign-ups that never start a trial
TICKETS_PER_CUSTOMER_MONTH = 0.11  # support tickets per active customer and month (before modifiers)
TRACKS_PER_CUSTOMER_MONTH = 0.3  # product usage events per active customer and month (before modifiers)


def words(text: str) -> list[str]:
    """The whitespace-separated words of a text (keeps long name lists readable)."""
    return text.split()


FIRST_NAMES = words(
    "Alex Amelia Ana Ben Carla Chen Chloe Daniel David Diego Elena Emma Ethan Fatima Felix Gabriel "
    "Grace Hannah Hiro Isabel Ivan Jack James Julia Kai Karin Laura Leo Lina Lucas Maria Mateo Maya "
    "Mia Nina Noah Olivia Omar Paul Priya Rafael Rosa Sam Sara Sofia Tom Uma Victor Yuki Zoe Aiko "
    "Bruno Claire Dev Erik Femi Greta Hugo Ines Jonas Kenji Lea Marco Nora Oscar Pia Quinn Ravi Sven "
    "Tara"
)
LAST_NAMES = words(
    "Adams Alvarez Andersen Baker Becker Bianchi Brown Carter Chen Costa Dubois Evans Fischer Garcia "
    "Gomez Green Hansen Harris Hoffmann Ito Jensen Johnson Kato Kim Klein Kowalski Lee Lopez Martin "
    "Meyer Miller Moreau Murphy Nakamura Nguyen Novak Olsen Patel Perez Peters Rossi Santos Schmidt "
    "Silva Singh Smith Suzuki Tanaka Taylor Thomas Walker Wang Weber Wilson Wright Young Zimmermann"
)
COMPANY_HEADS = words(
    "Acme Alder Apex Arbor Atlas Aurora Beacon Birch Blue Bright Cedar Cobalt Copper Coral Crest "
    "Delta Ember Evergreen Falcon Fern Flint Fox Garnet Granite Harbor Hawk Helix Indigo Iron "
    "Juniper Kestrel Lark Lumen Maple Marble Meadow Mesa Nimbus North Nova Oak Onyx Orbit Pine Polar "
    "Prism Quartz Raven Ridge River Sage Silver Solar Spruce Stone Summit Swift Terra Tidal Topaz "
    "Vertex Willow Zenith"
)
COMPANY_TAILS: dict[str, str] = {
    "Analytics": "Software",
    "Bank": "Financial Services",
    "Bio": "Healthcare",
    "Brands": "Retail",
    "Capital": "Financial Services",
    "Cloud": "Software",
    "Data": "Software",
    "Dynamics": "Manufacturing",
    "Education": "Education",
    "Energy": "Manufacturing",
    "Foods": "Retail",
    "Freight": "Manufacturing",
    "Games": "Media",
    "Health": "Healthcare",
    "Insurance": "Financial Services",
    "Labs": "Software",
    "Learning": "Education",
    "Logistics": "Manufacturing",
    "Media": "Media",
    "Medical": "Healthcare",
    "Motors": "Manufacturing",
    "Networks": "Software",
    "Payments": "Financial Services",
    "Pharma": "Healthcare",
    "Retail": "Retail",
    "Robotics": "Manufacturing",
    "Schools": "Education",
    "Software": "Software",
    "Studios": "Media",
    "Systems": "Software",
    "Telecom": "Media",
    "Textiles": "Manufacturing",
    "Tools": "Manufacturing",
    "Wear": "Retail",
}
COMPANY_EXTRAS = ["", " Co", " Group"]
COMPANY_QUALIFIERS = words(
    "Digital Global United Next Prime First Smart Open Modern Pacific Atlantic Central"
)

# region -> [(country, billing currency, weight)]
COUNTRIES: dict[str, list[tuple[str, str, int]]] = {
    "NA": [("US", "usd", 82), ("CA", "usd", 18)],
    "EMEA": [
        ("GB", "gbp", 32),
        ("DE", "eur", 24),
        ("FR", "eur", 14),
        ("NL", "eur", 10),
        ("ES", "eur", 8),
        ("IE", "eur", 6),
        ("IT", "eur", 6),
    ],
    "APAC": [("JP", "jpy", 40), ("AU", "usd", 35), ("SG", "usd", 25)],
    "LATAM": [("BR", "usd", 50), ("MX", "usd", 35), ("CL", "usd", 15)],
}
REGION_WEIGHTS: list[tuple[str, float]] = [("NA", 48), ("EMEA", 32), ("APAC", 12), ("LATAM", 8)]
REGION_UTC_HOURS = {"NA": -5, "EMEA": 1, "APAC": 9, "LATAM": -3}
TLD = {
    "US": "com",
    "CA": "ca",
    "GB": "co.uk",
    "DE": "de",
    "FR": "fr",
    "NL": "nl",
    "ES": "es",
    "IE": "ie",
    "IT": "it",
    "JP": "co.jp",
    "AU": "com.au",
    "SG": "sg",
    "BR": "com.br",
    "MX": "mx",
    "CL": "cl",
}
LEGAL_FORMS = {
    "US": "Inc",
    "CA": "Inc",
    "GB": "Ltd",
    "DE": "GmbH",
    "FR": "SAS",
    "NL": "BV",
    "ES": "SL",
    "IE": "Ltd",
    "IT": "Srl",
    "JP": "KK",
    "AU": "Pty Ltd",
    "SG": "Pte Ltd",
    "BR": "Ltda",
    "MX": "SA de CV",
    "CL": "SpA",
}
# VAT / sales tax in basis points; EU B2B customers often reverse-charge (0).
TAX_BP = {
    "US": [0, 0, 0, 600, 725, 825],
    "CA": [500],
    "GB": [2000],
    "DE": [1900, 0],
    "FR": [2000, 0],
    "NL": [2100, 0],
    "ES": [2100, 0],
    "IE": [2300, 0],
    "IT": [2200, 0],
    "JP": [1000],
    "AU": [1000],
    "SG": [900],
    "BR": [0],
    "MX": [1600],
    "CL": [1900],
}
MINOR_UNIT_FACTOR = {"usd": 100, "eur": 100, "gbp": 100, "jpy": 1}

TIERS = ["starter", "growth", "pro", "enterprise"]
LIST_USD_CENTS_PER_SEAT_MONTH = {"starter": 1500, "growth": 3900, "pro": 7900, "enterprise": 14900}
LEGACY_USD_CENTS = {"starter": 1200, "growth": 2900}  # monthly USD list prices before 2024
NEW_PRICE_DATE = datetime(2024, 1, 1)  # USD monthly starter/growth list prices changed here
PLANS = {"monthly": ("month", 1, 1.0), "quarterly": ("month", 3, 0.95), "annual": ("year", 1, 12 * 0.85)}
PLAN_MONTHS = {"monthly": 1, "quarterly": 3, "annual": 12}
CURRENCY_PRICE_FACTOR = {"usd": 1.0, "eur": 0.92, "gbp": 0.79, "jpy": 1.5}  # per USD cent

FX_BANDS = {"EUR": (1.05, 1.12, 1.07), "GBP": (1.20, 1.30, 1.25), "JPY": (0.0065, 0.0075, 0.0071)}


@dataclass(frozen=True)
class SegmentProfile:
    """How deals and subscriptions of a customer segment look."""

    tiers: tuple[tuple[str, float], ...]
    seats: tuple[int, int]
    plans: tuple[tuple[str, float], ...]
    cycle_days: tuple[int, int]
    monthly_churn: float
    annual_churn: float
    pod: str


SEGMENTS: dict[str, SegmentProfile] = {
    "SMB": SegmentProfile(
        (("starter", 30), ("growth", 55), ("pro", 15)),
        (2, 12),
        (("monthly", 75), ("quarterly", 10), ("annual", 15)),
        (10, 45),
        0.025,
        0.14,
        "SMB Pod",
    ),
    "Mid-Market": SegmentProfile(
        (("growth", 40), ("pro", 50), ("enterprise", 10)),
        (8, 30),
        (("monthly", 50), ("quarterly", 15), ("annual", 35)),
        (25, 90),
        0.013,
        0.09,
        "Team North",
    ),
    "Enterprise": SegmentProfile(
        (("pro", 40), ("enterprise", 60)),
        (20, 50),
        (("monthly", 10), ("quarterly", 15), ("annual", 75)),
        (60, 150),
        0.006,
        0.05,
        "Enterprise Pod",
    ),
}
SELF_SERVE = SegmentProfile(
    (("starter", 55), ("growth", 35), ("pro", 10)),
    (1, 5),
    (("monthly", 85), ("quarterly", 5), ("annual", 10)),
    (0, 0),
    0.035,
    0.2,
    "",
)

STAGES = ["Prospecting", "Discovery", "Demo", "Proposal", "Negotiation", "Closed Won", "Closed Lost"]
STAGE_PROBABILITY = {
    "Prospecting": 10,
    "Discovery": 20,
    "Demo": 40,
    "Proposal": 60,
    "Negotiation": 80,
    "Closed Won": 100,
    "Closed Lost": 0,
}

# label, weight, conversion probability, win probability, campaign channel sourcing it
LEAD_SOURCES: list[tuple[str, float, float, float, str | None]] = [
    ("Web", 20, 0.31, 0.30, None),
    ("Referral", 8, 0.46, 0.42, None),
    ("Paid Search", 14, 0.28, 0.27, "Paid Search"),
    ("Paid Social", 10, 0.21, 0.22, "Paid Social"),
    ("Event", 8, 0.33, 0.32, "Event"),
    ("Webinar", 10, 0.31, 0.30, "Webinar"),
    ("Outbound", 14, 0.26, 0.25, None),
    ("Partner", 6, 0.39, 0.36, None),
    ("Content", 10, 0.25, 0.27, "Content"),
]
SIGNUP_SOURCES: list[tuple[str, float]] = [
    ("organic", 45),
    ("paid_search", 20),
    ("paid_social", 12),
    ("referral", 15),
    ("partner", 8),
]
