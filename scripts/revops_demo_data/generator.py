"""One run: every source's steps in the order of the story, then every table written.

The order is part of the output. Each step draws from its own labelled random stream, but the ids
(one stream for the whole run), e-mail addresses and company names are unique across steps, and
later steps read what earlier ones decided: billing reads the won deals, crm's expansion and renewal
opportunities read billing's subscriptions, product and support read billing's customers, revops
reads everything. Moving a step changes the bytes.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

from .billing import Billing
from .crm import Crm
from .product import Product
from .revops import Revops
from .support import Support

# Tables a team edits by hand in its data directory (its targets): written only where the file does
# not exist yet, so regenerating the demo data (`make data`) never overwrites a team's own targets.
TEAM_OWNED_TABLES = {"revops.kpi_targets", "support.business_hours", "support.holidays"}


class Generator(Crm, Billing, Product, Support, Revops):
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
        ):
            started = time.perf_counter()
            step()
            progress(f"{step.__name__.replace('_', ' ')}: {time.perf_counter() - started:.1f} s")

    def write(self, out: Path, progress: Callable[[str], None]) -> dict[str, int]:
        """Write every table under `out`, telling `progress` its rows and time; return the row counts."""
        counts: dict[str, int] = {}
        for name, table in self.tables.items():
            if name in TEAM_OWNED_TABLES and (out / table.source / f"{table.name}.csv").exists():
                progress(f"{table.source}/{table.name}.csv: kept (the team's own file)")
                continue
            started = time.perf_counter()
            counts[name] = table.write(out)
            elapsed = time.perf_counter() - started
            progress(f"{table.source}/{table.name}.csv: {counts[name]:,} rows ({elapsed:.1f} s)")
        return counts
