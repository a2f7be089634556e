"""One run: every source's steps in the order of the story, then every table written.

The order is part of the output. Each step draws from its own labelled random stream, but the ids
(one stream for the whole run), e-mail addresses and company names are unique across steps, and
later steps read what earlier ones decided: billing reads the won deals, crm's expansion and renewal
opportunities read billing's subscriptions, product and support read billing's customers, revops
reads everything, the referrals read the referral leads and the customers' paid spans, and the
contacts read the converted leads and the customers' churns and expansions. Moving a
step changes the bytes.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

import duckdb

from .billing import Billing
from .contacts import Contacts
from .crm import Crm
from .product import Product
from .referrals import Referrals
from .revops import Revops
from .support import Support
from .web import Web

# Tables a team edits by hand in its data directory (its targets): written only where the file does
# not exist yet, so regenerating the demo data (`make data`) never overwrites a team's own targets.
TEAM_OWNED_TABLES = {"revops.kpi_targets", "support.business_hours", "support.holidays"}


class Generator(Crm, Billing, Product, Support, Revops, Referrals, Web, Contacts):
    """Builds every raw table for one seed and scale."""

    def build(self, progress: Callable[[str], None]) -> None:
        """Run the steps in the story's order, telling `progress` how long each took."""
        for step in (
            self.build_fx_rates,
            self.build_reps,
            self.build_agents,
            self.build_campaigns,
            self.build_prices,
            self.build_leads_and_deals,
            self.build_sales_customers,
            self.build_self_serve_customers,
            self.build_follow_up_opportunities,
            self.write_crm,
            self.write_billing,
            self.build_product,
            self.build_support,
            self.build_support_schedule,
            self.build_revops,
            self.build_repeat_inquiries,
            # steps added later come last, so the earlier tables keep their bytes
            self.build_referrals,
            self.build_web_pages,
            self.build_lead_status_history,
            self.build_cancellation_reasons,
            self.build_qbr_meetings,
            self.build_facilities_expenses,
            self.build_headcount,
            self.build_process_errors,
            self.build_form_submissions,
            self.build_contacts,
            self.build_ad_account_reach,
        ):
            started = time.perf_counter()
            step()
            progress(f"{step.__name__.replace('_', ' ')}: {time.perf_counter() - started:.1f} s")

    def write(self, out: Path, progress: Callable[[str], None], file_format: str = "csv") -> dict[str, int]:
        """Write every table under `out` as CSV (or Parquet), telling `progress` its rows and time;
        return the row counts."""
        counts: dict[str, int] = {}
        for name, table in self.tables.items():
            stem = out / table.source / table.name
            if name in TEAM_OWNED_TABLES and any(stem.with_suffix(s).exists() for s in (".csv", ".parquet")):
                progress(f"{table.source}/{table.name}: kept (the team's own file)")
                continue
            started = time.perf_counter()
            counts[name] = table.write(out)
            if file_format == "parquet":
                csv_to_parquet(stem.with_suffix(".csv"))
            elapsed = time.perf_counter() - started
            progress(f"{table.source}/{table.name}.{file_format}: {counts[name]:,} rows ({elapsed:.1f} s)")
        return counts


def csv_to_parquet(path: Path) -> None:
    """Replace a written CSV by a Parquet file beside it, every column text as the raw loader reads
    the CSV (same read_csv options: an empty field is null), one thread so the bytes never vary."""
    parquet = path.with_suffix(".parquet")
    with duckdb.connect() as connection:
        connection.execute("set threads = 1")
        connection.execute(
            f"copy (select * from read_csv({sql_literal(path)}, header = true, all_varchar = true, "
            f"delim = ',', quote = '\"', escape = '\"')) to {sql_literal(parquet)} (format parquet)"
        )
    path.unlink()


def sql_literal(path: Path) -> str:
    return "'" + path.as_posix().replace("'", "''") + "'"
