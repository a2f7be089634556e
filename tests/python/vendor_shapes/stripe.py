"""The billing raw data as Fivetran's Stripe connector would have synced the same records.

`write_vendor_shape` reads the native `billing` tables of a raw-data directory and writes the
connector's tables to `<raw_dir>/stripe/` (base models: models/staging/adapters/stripe):

- Fivetran overwrites each object in place, so only the latest synced version of a customer, price,
  invoice, line or charge survives (`_fivetran_synced` = its `_loaded_at`); staging kept only that
  version anyway. Subscriptions are the exception: `subscription_history` is in history mode and
  keeps every version that changed (`_fivetran_start`, `_fivetran_end`, `_fivetran_active`).
- What Stripe writes elsewhere is moved there: the subscription's price and seats to a
  `subscription_item`, the CRM account id and the plan tier to JSON `metadata` (on the product the
  tier most of its prices are typed with, on a price only a tier that differs), a line's discount to
  `discount` rows (with the subscription and invoice rows of the same discount, which the adapter
  must not count twice), a refund to `refund` rows (a partial refund sometimes in two steps, and a
  later failed refund on some charges, which must not move `refunded_at`).
- As the API gives them: currencies and enum values (statuses, intervals, line types) in lower
  case, timestamps in UTC, a null `tax` where an invoice has none. Free text (names, e-mails,
  countries, plan tiers) is kept as typed.

Every generated id is a hash of the native id, so the output is deterministic.
"""

from __future__ import annotations

import json
from collections import defaultdict
from datetime import datetime, timedelta
from pathlib import Path

from . import (
    Row,
    bool_text,
    declared_columns,
    delete_native,
    format_utc,
    hash_characters,
    latest_versions,
    loaded_at,
    normalized,
    parse_timestamp,
    read_native,
    stable_bucket,
    utc,
    versions_by_key,
    write_table,
)

NATIVE_SOURCE = "billing"
NATIVE_TABLES = ("customers", "invoice_line_items", "invoices", "payments", "prices", "subscriptions")
VENDOR = "stripe"

# History mode's end of the current version.
END_OF_TIME = "9999-12-31 23:59:59.999000+00:00"

# A subscription version's fields (history mode compares them) and which of them are timestamps.
SUBSCRIPTION_FIELDS = (
    "customer_id",
    "status",
    "quantity",
    "trial_start",
    "trial_end",
    "start_date",
    "current_period_start",
    "current_period_end",
    "cancel_at",
    "canceled_at",
    "ended_at",
    "created",
)
SUBSCRIPTION_TIMESTAMPS = set(SUBSCRIPTION_FIELDS) - {"customer_id", "status", "quantity"}


def write_vendor_shape(raw_dir: Path) -> None:
    """Write the Stripe connector's tables for the native billing files of `raw_dir` to
    `raw_dir/stripe/<table>.csv`, then delete the native files they replace."""
    native = {table: read_native(raw_dir, NATIVE_SOURCE, table) for table in NATIVE_TABLES}
    latest = {table: latest_in_place(rows) for table, rows in native.items()}
    customer_of_invoice = {invoice["id"]: invoice["customer_id"] for invoice in latest["invoices"]}
    products, prices = product_and_price_rows(latest["prices"])
    tables = {
        "customer": [customer_row(customer) for customer in latest["customers"]],
        "product": products,
        "price": prices,
        "subscription_history": subscription_history_rows(native["subscriptions"]),
        "subscription_item": [
            subscription_item_row(subscription) for subscription in latest["subscriptions"]
        ],
        "invoice": [invoice_row(invoice) for invoice in latest["invoices"]],
        "invoice_line_item": [line_row(line) for line in latest["invoice_line_items"]],
        "discount": discount_rows(latest["invoice_line_items"], customer_of_invoice),
        "charge": [charge_row(payment) for payment in latest["payments"]],
        "refund": [refund for payment in latest["payments"] for refund in refund_rows(payment)],
    }
    columns = declared_columns(VENDOR)
    assert set(tables) == set(columns), "write every table the sources YAML declares, and only those"
    for table, rows in tables.items():
        # Sorted by their values for a stable file, with the csv module's default CRLF line ends.
        write_table(raw_dir, VENDOR, table, rows, sort=True, line_terminator="\r\n")
    delete_native(raw_dir, NATIVE_SOURCE, NATIVE_TABLES)


# --- ids and versions ------------------------------------------------------------------------------


def stripe_id(prefix: str, *parts: str) -> str:
    """A Stripe-like id (`prefix` and 14 characters), a hash of `parts` so it is deterministic."""
    return prefix + hash_characters("|".join((prefix, *parts)), 14, digest_bytes=12)


def latest_in_place(rows: list[Row]) -> list[Row]:
    """The latest synced version of every id (of versions loaded at the same instant, the first
    line), in order of first appearance: what an in-place sync leaves."""
    return list(latest_versions(rows, ["id"], first_of_equal=True).values())


# --- customers, products and prices ---------------------------------------------------------------


def customer_row(customer: Row) -> Row:
    """A `customer` row: the CRM account id in metadata, the deletion flag as `is_deleted`."""
    metadata = {"crm_account_id": customer["crm_account_id"]} if customer["crm_account_id"] else {}
    return {
        "id": customer["id"],
        "email": customer["email"],
        "name": customer["name"],
        "currency": normalized(customer["currency"]),
        "address_country": customer["country"],
        "metadata": json.dumps(metadata),
        "created": utc(customer["created"]),
        "is_deleted": customer["deleted"],
        "_fivetran_deleted": "false",
        "_fivetran_synced": utc(customer["_loaded_at"]),
    }


def product_and_price_rows(prices: list[Row]) -> tuple[list[Row], list[Row]]:
    """`product` and `price` rows. A product's metadata carries the plan tier most of its prices
    are typed with; a price carries its own only where it differs from its product's."""
    prices_of_product: dict[str, list[Row]] = defaultdict(list)
    for price in prices:
        prices_of_product[price["product_id"]].append(price)
    products, price_rows = [], []
    for product_id, product_prices in prices_of_product.items():
        tiers = sorted(price["plan_tier"] for price in product_prices)
        product_tier = max(tiers, key=tiers.count)
        products.append(
            {
                "id": product_id,
                "name": product_tier.strip().title(),
                "metadata": json.dumps({"plan_tier": product_tier}),
                "_fivetran_synced": format_utc(max(loaded_at(price) for price in product_prices)),
            }
        )
        for price in product_prices:
            metadata = {} if price["plan_tier"] == product_tier else {"plan_tier": price["plan_tier"]}
            price_rows.append(
                {
                    "id": price["id"],
                    "product_id": product_id,
                    "active": price["active"],
                    "currency": normalized(price["currency"]),
                    "unit_amount": price["unit_amount"],
                    "recurring_interval": normalized(price["recurring_interval"]),
                    "recurring_interval_count": price["recurring_interval_count"],
                    "metadata": json.dumps(metadata),
                    "created": utc(price["created"]),
                    "_fivetran_synced": utc(price["_loaded_at"]),
                }
            )
    return products, price_rows


# --- subscriptions ---------------------------------------------------------------------------------


def subscription_state(subscription: Row) -> tuple[str, ...]:
    """What Stripe holds for a subscription version (timestamps as instants): history mode writes a
    new version only when this changes."""
    return tuple(
        utc(subscription[field])
        if field in SUBSCRIPTION_TIMESTAMPS
        else normalized(subscription[field])
        if field == "status"
        else subscription[field].strip()
        for field in SUBSCRIPTION_FIELDS
    )


def subscription_history_rows(subscriptions: list[Row]) -> list[Row]:
    """`subscription_history` rows: every version of each subscription that changed something, valid
    from the sync that first saw it to 1 ms before the next; the last one is the current version,
    last written at the latest sync (its `_loaded_at`)."""
    rows = []
    for versions in versions_by_key(subscriptions, ["id"]).values():
        changes: list[tuple[Row, datetime, datetime]] = []  # (version, first seen, last seen)
        for version in versions:
            seen = loaded_at(version)
            if changes and subscription_state(changes[-1][0]) == subscription_state(version):
                changes[-1] = (changes[-1][0], changes[-1][1], seen)
            else:
                changes.append((version, seen, seen))
        for index, (version, first_seen, last_seen) in enumerate(changes):
            is_current = index == len(changes) - 1
            next_start = None if is_current else changes[index + 1][1]
            rows.append(
                {
                    "id": version["id"],
                    "customer_id": version["customer_id"],
                    "status": normalized(version["status"]),
                    "quantity": version["quantity"],
                    **{field: utc(version[field]) for field in sorted(SUBSCRIPTION_TIMESTAMPS)},
                    "_fivetran_start": format_utc(first_seen),
                    "_fivetran_end": END_OF_TIME
                    if next_start is None
                    else format_utc(next_start - timedelta(milliseconds=1)),
                    "_fivetran_active": bool_text(is_current),
                    "_fivetran_synced": format_utc(last_seen if next_start is None else next_start),
                }
            )
    return rows


def subscription_item_row(subscription: Row) -> Row:
    """The subscription's one `subscription_item`: its price (as the plan id) and seats."""
    return {
        "id": stripe_id("si_", subscription["id"]),
        "subscription_id": subscription["id"],
        "plan_id": subscription["price_id"],
        "quantity": subscription["quantity"],
        "created": utc(subscription["created"]),
        "current_period_start": utc(subscription["current_period_start"]),
        "current_period_end": utc(subscription["current_period_end"]),
        "_fivetran_synced": utc(subscription["_loaded_at"]),
    }


# --- invoices, lines and discounts -----------------------------------------------------------------


def invoice_row(invoice: Row) -> Row:
    """An `invoice` row: no discount column (the adapter sums the line discounts), tax null when 0."""
    return {
        "id": invoice["id"],
        "customer_id": invoice["customer_id"],
        "subscription_id": invoice["subscription_id"],
        "number": invoice["number"],
        "status": normalized(invoice["status"]),
        "currency": normalized(invoice["currency"]),
        "subtotal": invoice["subtotal"],
        "tax": "" if int(invoice["tax"]) == 0 else invoice["tax"],
        "total": invoice["total"],
        "amount_paid": invoice["amount_paid"],
        "period_start": utc(invoice["period_start"]),
        "period_end": utc(invoice["period_end"]),
        "created": utc(invoice["created"]),
        "is_deleted": "false",
        "_fivetran_synced": utc(invoice["_loaded_at"]),
    }


def line_row(line: Row) -> Row:
    """An `invoice_line_item` row: subscription lines point to the subscription item, invoice items
    (one-time charges, prorations) to their invoice item; the discount goes to `discount`."""
    is_subscription_line = normalized(line["type"]) == "subscription"
    return {
        "id": line["id"],
        "unique_id": line["id"],
        "invoice_id": line["invoice_id"],
        "type": normalized(line["type"]),
        "description": line["description"],
        "amount": line["amount"],
        "currency": normalized(line["currency"]),
        "quantity": line["quantity"],
        "proration": line["is_proration"],
        "price_id": line["price_id"],
        "plan_id": line["price_id"],
        "subscription_id": line["subscription_id"],
        "subscription_item_id": stripe_id("si_", line["subscription_id"]) if line["subscription_id"] else "",
        "invoice_item_id": "" if is_subscription_line else stripe_id("ii_", line["id"]),
        "period_start": utc(line["period_start"]),
        "period_end": utc(line["period_end"]),
        "_fivetran_synced": utc(line["_loaded_at"]),
    }


def discount_rows(lines: list[Row], customer_of_invoice: dict[str, str]) -> list[Row]:
    """`discount` rows for the discounted lines: one per line with its amount, and, for the same
    discount (one coupon per subscription, or per invoice for lines without one), a row for the
    subscription (no amount) and one per invoice with the invoice's total discount."""
    rows: dict[tuple[str, str, str], Row] = {}
    invoice_totals: dict[tuple[str, str], int] = defaultdict(int)
    for line in lines:
        if int(line["discount_amount"]) <= 0:
            continue
        owner = line["subscription_id"] or line["invoice_id"]
        discount_id = stripe_id("di_", owner)
        common = {
            "id": discount_id,
            "coupon_id": stripe_id("CPN", owner)[3:11],
            "customer_id": customer_of_invoice.get(line["invoice_id"], ""),
            "subscription_id": line["subscription_id"],
            "_fivetran_synced": utc(line["_loaded_at"]),
        }
        rows[(discount_id, "INVOICE_LINE_ITEM", line["id"])] = {
            **common,
            "type": "INVOICE_LINE_ITEM",
            "type_id": line["id"],
            "amount": line["discount_amount"],
            "invoice_id": line["invoice_id"],
        }
        if line["subscription_id"]:
            rows[(discount_id, "SUBSCRIPTION", line["subscription_id"])] = {
                **common,
                "type": "SUBSCRIPTION",
                "type_id": line["subscription_id"],
                "amount": "",
                "invoice_id": "",
            }
        invoice_totals[(discount_id, line["invoice_id"])] += int(line["discount_amount"])
        rows[(discount_id, "INVOICE", line["invoice_id"])] = {
            **common,
            "type": "INVOICE",
            "type_id": line["invoice_id"],
            "invoice_id": line["invoice_id"],
        }
    for (discount_id, invoice_id), total in invoice_totals.items():
        rows[(discount_id, "INVOICE", invoice_id)]["amount"] = str(total)
    return list(rows.values())


# --- charges and refunds ---------------------------------------------------------------------------


def charge_row(payment: Row) -> Row:
    """A `charge` row: the payment without its refund time, which lives in `refund`."""
    return {
        "id": payment["id"],
        "invoice_id": payment["invoice_id"],
        "customer_id": payment["customer_id"],
        "amount": payment["amount"],
        "amount_refunded": payment["amount_refunded"],
        "currency": normalized(payment["currency"]),
        "status": normalized(payment["status"]),
        "failure_code": payment["failure_code"],
        "created": utc(payment["created"]),
        "_fivetran_synced": utc(payment["_loaded_at"]),
    }


def refund_rows(payment: Row) -> list[Row]:
    """The `refund` rows of a refunded payment: one refund at `refunded_at`; for one partial refund
    in three, two refunds (half at the midpoint between charge and refund, the rest at
    `refunded_at`); for one refunded charge in five, also a failed refund after the last one."""
    refunded = int(payment["amount_refunded"])
    if refunded <= 0 or not payment["refunded_at"].strip():
        return []
    charged_at, refunded_at = parse_timestamp(payment["created"]), parse_timestamp(payment["refunded_at"])
    synced_at = loaded_at(payment)
    steps = [(refunded_at, refunded, "succeeded")]
    if (
        refunded < int(payment["amount"])
        and refunded >= 2
        and refunded_at > charged_at
        and stable_bucket(payment["id"], 3) == 0
    ):
        first = refunded // 2
        steps = [
            (charged_at + (refunded_at - charged_at) / 2, first, "succeeded"),
            (refunded_at, refunded - first, "succeeded"),
        ]
    if synced_at > refunded_at and stable_bucket(payment["id"], 5) == 1:
        steps.append((refunded_at + (synced_at - refunded_at) / 2, refunded, "failed"))
    return [
        {
            "id": stripe_id("re_", payment["id"], str(index)),
            "charge_id": payment["id"],
            "amount": str(amount),
            "currency": normalized(payment["currency"]),
            "status": status,
            "created": format_utc(created),
            "_fivetran_synced": utc(payment["_loaded_at"]),
        }
        for index, (created, amount, status) in enumerate(steps)
    ]
