"""The deterministic demo raw data of the RevOps metrics warehouse (run it with
``python scripts/generate_data.py [--seed 42] [--scale 1.0] [--out seeds] [--quiet]``).

Writes one CSV per raw table of the raw data contract to ``<out>/<source>/<table>.csv`` (sources
crm, billing, support, product and revops): header row with the contract's column names in the
contract's order, RFC 4180 quoting, ``\\n`` line ends, an empty field for NULL. The contract is the
sources YAML (``models/staging/<source>/_<source>__sources.yml``): the tables, their columns, types
and primary keys are read from it (contract), not written down a second time here.

The data tells one story across the sources, 2023-01-01 .. 2025-12-31:

* crm: reps with managers and monthly quotas; campaigns of every type; leads from every channel
  that sales contacts (or not), converts into accounts and new-business opportunities that walk the
  stages and end won, lost or still open; expansion and renewal opportunities that follow what
  billing shows; owner and segment history of accounts.
* billing: won deals become Stripe-like customers and subscriptions (plus self-serve trials from
  product sign-ups), invoiced every service period (monthly, quarterly, annual), with upgrades and
  their proration invoices, downgrades, second subscriptions, churn, reactivation, coupons (some
  100 %), one-time charges, void invoices, failed payments, past-due subscriptions and refunds.
* support: tickets from customers (more of them before churn) with their event history, CSAT
  ratings for solved tickets and quarterly NPS surveys.
* product: the users of customers, trials and free sign-ups, and their usage events; the marketing
  website's page views of anonymous visitors, some of whom sign up, and the forms they submit (web).
* revops: GL expenses derived from headcount and campaign spend, FX rates, KPI targets,
  initiatives and tool adoption.

On top comes the messiness the contract asks for: mixed-case and space-padded enum values, re-synced
duplicates with a later ``_loaded_at`` (sometimes an older state), soft deletes, null foreign keys
and timestamps written with various UTC offsets (the instant is always right).

Determinism: every random draw comes from ``random.Random`` instances seeded with ``--seed`` and a
fixed label (string seeds are hashed with SHA-512, not with Python's randomised ``hash``); nothing
depends on the clock or on the iteration order of sets; rows are written sorted by primary key and
``_loaded_at``. The same seed and scale give byte-identical files.

Internally every ``datetime`` is naive and means UTC; offsets are applied only when a value is
written. Money in billing is integer minor units; money in crm and revops is held as integer
hundredths of the major unit and written with two decimals.

Modules:

* contract: the raw tables, columns, types and keys, read from the sources YAML
* common: the data window, time and random helpers, messiness, tables and how values are written
* reference: volumes, names, geography, prices and plans, segment profiles, stages, lead sources
* entities: the story's entities (reps, accounts, opportunities, customers, subscriptions, ...)
* state: what one run shares across sources (tables, entities, ids, names, FX, prices, reps)
* crm, crm_opportunities, billing, support, product, revops, web, contacts: each source's generation
  steps, as mixins over the shared state
* generator: the Generator that runs the steps in the story's order and writes the tables
"""

from .generator import Generator

__all__ = ["Generator"]
