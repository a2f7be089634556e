"""The demo support data as Fivetran's Zendesk Support connector would have synced it.

`write_vendor_shape` reads the native support tables the Zendesk adapter provides (tickets, ticket
events, agents, CSAT ratings, business hours, holidays) from `<raw_dir>/support/`, writes the same
records as the connector's tables to `<raw_dir>/zendesk/` and deletes the native files. What a
Zendesk account holds and the native export does not is written too, so the adapter has to deal
with it the way it would on a real account:

- one row per record, its latest synced version (`_fivetran_synced`), timestamps in UTC, enum values
  in Zendesk's own clean lower case (`voice` for phone tickets);
- users: the agents and admins (team = default group; one who left downgraded to end user, as
  Zendesk advises) and one end user per requester email;
  organizations whose external id is the CRM account id; groups for the teams;
- deleted tickets: half with status 'deleted', half marked `_fivetran_deleted` with the status they
  had before (both mean the contract's soft delete);
- the status history as `ticket_field_history`, beside the priority and assignee changes the
  adapter must not read; comments as `ticket_comment` with private internal notes exactly where the
  native events have `is_public = false`, and every ticket's opening description (by the agent for
  phone tickets: it must not count as a first response);
- CSAT ratings, plus an 'unoffered' rating for every solved ticket without one (no survey sent: left out);
- the schedule in minutes after Sunday 00:00 with its Rails time zone name, beside a deleted
  interval, a newer second schedule and their holidays, which the adapter must not read.

Deterministic: no randomness, no clock. Run as a module from tests/python (test_source_adapters).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date, timedelta
from pathlib import Path

from . import (
    Row,
    as_bool,
    bool_text,
    delete_native,
    format_utc,
    latest_versions,
    loaded_at,
    normalized,
    parse_timestamp,
    read_optional_native,
    utc,
    write_table,
)

NATIVE_SOURCE = "support"
NATIVE_TABLES = ("agents", "business_hours", "holidays", "satisfaction_ratings", "ticket_events", "tickets")
VENDOR = "zendesk"

# Ids the native export has no counterpart for, in ranges that cannot meet the native ids.
ORGANIZATION_ID_BASE = 360_000_000_000
GROUP_ID_BASE = 360_000_100_000
SCHEDULE_ID = 360_000_200_001
SECOND_SCHEDULE_ID = 360_000_200_002
HOLIDAY_ID_BASE = 360_000_300_000
END_USER_ID_BASE = 380_000_000_000
DESCRIPTION_COMMENT_ID_BASE = 9_000_000_000  # + ticket id
UNOFFERED_RATING_ID_BASE = 9_100_000_000

MINUTES_PER_DAY = 1440

# Zendesk names schedule time zones the way Rails does; the IANA zones the demo may use. A zone not
# listed is written as its IANA name, which the adapter passes through.
RAILS_TIME_ZONES = {
    "America/New_York": "Eastern Time (US & Canada)",
    "America/Chicago": "Central Time (US & Canada)",
    "America/Denver": "Mountain Time (US & Canada)",
    "America/Los_Angeles": "Pacific Time (US & Canada)",
    "Europe/London": "London",
    "Europe/Berlin": "Berlin",
    "Europe/Paris": "Paris",
    "Asia/Tokyo": "Tokyo",
    "Australia/Sydney": "Sydney",
    "UTC": "UTC",
}


def support_rows(raw_dir: Path, table: str) -> list[Row]:
    """The rows of a native support table; no rows when an optional table has no file."""
    return read_optional_native(raw_dir, NATIVE_SOURCE, table) or []


def latest_by_key(rows: Iterable[Row], key: Sequence[str]) -> list[Row]:
    """The latest synced version of every key (the greatest _loaded_at; of equal ones the later
    line), ordered by key: Fivetran keeps one row per record."""
    latest = latest_versions(rows, key)
    return [latest[row_key] for row_key in sorted(latest, key=sort_key)]


def sort_key(row_key: tuple[str, ...]) -> tuple[tuple[int, int | str], ...]:
    """Numbers in numeric order, then text."""
    return tuple((0, int(part)) if part.lstrip("-").isdigit() else (1, part) for part in row_key)


def earliest_loaded(rows: Iterable[Row]) -> str:
    """The earliest _loaded_at of rows, in UTC."""
    return format_utc(min(loaded_at(row) for row in rows))


def write_vendor_shape(raw_dir: Path) -> None:
    """Write the native support tables the adapter provides as Fivetran's Zendesk tables and delete
    the native files (the other support tables, NPS, stay)."""
    tickets = latest_by_key(support_rows(raw_dir, "tickets"), ["id"])
    events = latest_by_key(support_rows(raw_dir, "ticket_events"), ["id"])
    agents = latest_by_key(support_rows(raw_dir, "agents"), ["id"])
    ratings = latest_by_key(support_rows(raw_dir, "satisfaction_ratings"), ["id"])
    hours = latest_by_key(support_rows(raw_dir, "business_hours"), ["weekday", "start_time"])
    holidays = latest_by_key(support_rows(raw_dir, "holidays"), ["holiday_date"])

    group_ids = write_groups(raw_dir, agents, tickets)
    requester_ids = write_users(raw_dir, agents, tickets, group_ids)
    organization_ids = write_organizations(raw_dir, tickets)
    write_tickets(raw_dir, tickets, events, requester_ids, group_ids, organization_ids)
    ticket_requesters = {
        row["id"]: requester_ids.get(normalized(row["requester_email"]), "") for row in tickets
    }
    write_field_history(raw_dir, tickets, events, ticket_requesters)
    write_comments(raw_dir, tickets, events, ticket_requesters)
    write_ratings(raw_dir, tickets, ratings)
    write_schedules(raw_dir, hours, holidays)

    delete_native(raw_dir, NATIVE_SOURCE, NATIVE_TABLES)


def write_groups(raw_dir: Path, agents: list[Row], tickets: list[Row]) -> dict[str, str]:
    """One group per team name (agents' teams, tickets' group names); returns name -> group id."""
    referencing: dict[str, list[Row]] = {}
    for row in agents:
        if row["team"].strip():
            referencing.setdefault(row["team"].strip(), []).append(row)
    for row in tickets:
        if row["group_name"].strip():
            referencing.setdefault(row["group_name"].strip(), []).append(row)
    group_ids = {
        name: str(GROUP_ID_BASE + number) for number, name in enumerate(sorted(referencing), start=1)
    }
    write_table(
        raw_dir,
        VENDOR,
        "group",
        (
            {"id": group_ids[name], "_fivetran_synced": earliest_loaded(rows), "name": name}
            for name, rows in sorted(referencing.items())
        ),
    )
    return group_ids


def write_users(
    raw_dir: Path, agents: list[Row], tickets: list[Row], group_ids: dict[str, str]
) -> dict[str, str]:
    """Agents and admins (an inactive one downgraded to end user, as Zendesk advises for an agent
    who leaves), and one end user per requester email (created with their first ticket); returns
    requester email -> user id."""
    users = [
        {
            "id": row["id"],
            "_fivetran_synced": utc(row["_loaded_at"]),
            "_fivetran_deleted": "false",
            "name": row["name"],
            "email": row["email"],
            "role": normalized(row["role"]) if as_bool(row["is_active"]) else "end-user",
            "active": "true",
            "default_group_id": group_ids.get(row["team"].strip(), ""),
            "created_at": utc(row["created_at"]),
        }
        for row in agents
    ]
    first_tickets: dict[str, Row] = {}
    for row in sorted(tickets, key=lambda ticket: parse_timestamp(ticket["created_at"])):
        if normalized(row["requester_email"]):
            first_tickets.setdefault(normalized(row["requester_email"]), row)
    requester_ids = {}
    for number, email in enumerate(sorted(first_tickets), start=1):
        requester_ids[email] = str(END_USER_ID_BASE + number)
        first_ticket = first_tickets[email]
        users.append(
            {
                "id": requester_ids[email],
                "_fivetran_synced": utc(first_ticket["_loaded_at"]),
                "_fivetran_deleted": "false",
                "name": email.split("@")[0].replace(".", " ").title(),
                "email": email,
                "role": "end-user",
                "active": "true",
                "default_group_id": "",
                "created_at": utc(first_ticket["created_at"]),
            }
        )
    write_table(raw_dir, VENDOR, "user", users)
    return requester_ids


def write_organizations(raw_dir: Path, tickets: list[Row]) -> dict[str, str]:
    """One organization per CRM account with tickets, its external id the account id; returns
    account id -> organization id."""
    account_tickets: dict[str, list[Row]] = {}
    for row in tickets:
        if row["account_id"].strip():
            account_tickets.setdefault(row["account_id"].strip(), []).append(row)
    organization_ids = {
        account_id: str(ORGANIZATION_ID_BASE + number)
        for number, account_id in enumerate(sorted(account_tickets), start=1)
    }
    write_table(
        raw_dir,
        VENDOR,
        "organization",
        (
            {
                "id": organization_ids[account_id],
                "_fivetran_synced": earliest_loaded(rows),
                "name": f"Customer {account_id}",
                "external_id": account_id,
            }
            for account_id, rows in sorted(account_tickets.items())
        ),
    )
    return organization_ids


def write_tickets(
    raw_dir: Path,
    tickets: list[Row],
    events: list[Row],
    requester_ids: dict[str, str],
    group_ids: dict[str, str],
    organization_ids: dict[str, str],
) -> None:
    """Tickets; of the deleted ones (by id) every second is marked _fivetran_deleted instead, with
    the status it had before its deletion."""
    status_before_deletion = {
        row["ticket_id"]: normalized(row["previous_value"]) or "new"
        for row in events
        if normalized(row["field_name"]) == "status" and normalized(row["value"]) == "deleted"
    }
    deleted_ids = [row["id"] for row in tickets if normalized(row["status"]) == "deleted"]
    purged_ids = set(deleted_ids[1::2])
    rows = []
    for row in tickets:
        channel = normalized(row["channel"])
        is_purged = row["id"] in purged_ids
        rows.append(
            {
                "id": row["id"],
                "_fivetran_synced": utc(row["_loaded_at"]),
                "_fivetran_deleted": bool_text(is_purged),
                "created_at": utc(row["created_at"]),
                "updated_at": utc(row["updated_at"]),
                "subject": row["subject"],
                "status": status_before_deletion.get(row["id"], "new")
                if is_purged
                else normalized(row["status"]),
                "priority": normalized(row["priority"]),
                "via_channel": "voice" if channel == "phone" else channel,
                "requester_id": requester_ids.get(normalized(row["requester_email"]), ""),
                "assignee_id": row["assignee_id"],
                "group_id": group_ids.get(row["group_name"].strip(), ""),
                "organization_id": organization_ids.get(row["account_id"].strip(), ""),
            }
        )
    write_table(raw_dir, VENDOR, "ticket", rows)


def event_user_id(event: Row, ticket_requesters: dict[str, str]) -> str:
    """The Zendesk user behind a native event: the agent, Zendesk itself (-1), or the requester."""
    if normalized(event["author_role"]) in ("agent", "system"):
        return event["author_id"]
    return ticket_requesters.get(event["ticket_id"], "")


def write_field_history(
    raw_dir: Path, tickets: list[Row], events: list[Row], ticket_requesters: dict[str, str]
) -> None:
    """Every status event (the Create event's status new included) as a field history row, plus
    the priority set at creation and the assignee set with the first agent's status change."""
    priorities = {row["id"]: normalized(row["priority"]) for row in tickets}
    rows = []
    assigned: set[str] = set()
    for event in sorted(events, key=lambda row: (int(row["ticket_id"]), parse_timestamp(row["created_at"]))):
        if normalized(event["field_name"]) != "status":
            continue
        ticket_id = event["ticket_id"]
        history_row = {
            "ticket_id": ticket_id,
            "field_name": "status",
            "updated": utc(event["created_at"]),
            "user_id": event_user_id(event, ticket_requesters),
            "value": normalized(event["value"]),
            "_fivetran_synced": utc(event["_loaded_at"]),
        }
        rows.append(history_row)
        if normalized(event["event_type"]) == "create" and priorities.get(ticket_id):
            rows.append({**history_row, "field_name": "priority", "value": priorities[ticket_id]})
        if normalized(event["author_role"]) == "agent" and ticket_id not in assigned:
            assigned.add(ticket_id)
            rows.append({**history_row, "field_name": "assignee_id", "value": event["author_id"]})
    write_table(raw_dir, VENDOR, "ticket_field_history", rows)


def write_comments(
    raw_dir: Path, tickets: list[Row], events: list[Row], ticket_requesters: dict[str, str]
) -> None:
    """Every ticket's description at its creation (written by the assigned agent for a phone
    ticket, else by the requester), then the native comments with their ids and publicity."""
    create_loaded = {
        event["ticket_id"]: event["_loaded_at"]
        for event in events
        if normalized(event["event_type"]) == "create"
    }
    rows = []
    for ticket in tickets:
        by_agent = normalized(ticket["channel"]) == "phone" and ticket["assignee_id"].strip()
        rows.append(
            {
                "id": str(DESCRIPTION_COMMENT_ID_BASE + int(ticket["id"])),
                "_fivetran_synced": utc(create_loaded.get(ticket["id"], ticket["_loaded_at"])),
                "_fivetran_deleted": "false",
                "ticket_id": ticket["id"],
                "user_id": ticket["assignee_id"] if by_agent else ticket_requesters[ticket["id"]],
                "public": "true",
                "created": utc(ticket["created_at"]),
            }
        )
    for event in events:
        if normalized(event["event_type"]) != "comment":
            continue
        rows.append(
            {
                "id": event["id"],
                "_fivetran_synced": utc(event["_loaded_at"]),
                "_fivetran_deleted": "false",
                "ticket_id": event["ticket_id"],
                "user_id": event_user_id(event, ticket_requesters),
                "public": bool_text(as_bool(event["is_public"])),
                "created": utc(event["created_at"]),
            }
        )
    write_table(raw_dir, VENDOR, "ticket_comment", rows)


def write_ratings(raw_dir: Path, tickets: list[Row], ratings: list[Row]) -> None:
    """The CSAT ratings, and an 'unoffered' rating (no survey sent) for every solved or closed
    ticket without one."""
    rows = [
        {
            "id": row["id"],
            "_fivetran_synced": utc(row["_loaded_at"]),
            "ticket_id": row["ticket_id"],
            "score": normalized(row["score"]),
            "comment": row["comment"],
            "created_at": utc(row["created_at"]),
            "updated_at": utc(row["updated_at"]),
        }
        for row in ratings
    ]
    rated = {row["ticket_id"] for row in ratings}
    unrated = [
        row for row in tickets if row["id"] not in rated and normalized(row["status"]) in ("solved", "closed")
    ]
    for number, row in enumerate(unrated, start=1):
        rows.append(
            {
                "id": str(UNOFFERED_RATING_ID_BASE + number),
                "_fivetran_synced": utc(row["_loaded_at"]),
                "ticket_id": row["id"],
                "score": "unoffered",
                "comment": "",
                "created_at": utc(row["updated_at"]),
                "updated_at": utc(row["updated_at"]),
            }
        )
    write_table(raw_dir, VENDOR, "satisfaction_rating", rows)


def minutes_after_midnight(clock_time: str) -> int:
    hours, minutes = clock_time.strip().split(":")
    return int(hours) * 60 + int(minutes)


def week_minute(iso_weekday: int, clock_time: str) -> int:
    """Minutes after Sunday 00:00 of a time on an ISO weekday (1 Monday ... 7 Sunday)."""
    return (iso_weekday % 7) * MINUTES_PER_DAY + minutes_after_midnight(clock_time)


def write_schedules(raw_dir: Path, hours: list[Row], holidays: list[Row]) -> None:
    """The native schedule as Zendesk schedule 1 with its holidays (runs of consecutive days with
    one name as one multi-day holiday). Beside it, when the native schedule has hours: a deleted
    Saturday interval and a deleted holiday of that schedule, and a newer weekend schedule in
    London with a two-day holiday, none of which the adapter may read."""
    time_zones = {row["time_zone"].strip() for row in hours}
    if len(time_zones) > 1:
        raise ValueError(f"a Zendesk schedule has one time zone; the native business hours have {time_zones}")
    schedule_rows = []
    if hours:
        time_zone = time_zones.pop()
        created_at = parse_timestamp(earliest_loaded(hours)) - timedelta(days=1)
        schedule = {
            "id": str(SCHEDULE_ID),
            "_fivetran_deleted": "false",
            "name": "Support",
            "time_zone": RAILS_TIME_ZONES.get(time_zone, time_zone),
            "created_at": format_utc(created_at),
        }
        for row in hours:
            weekday = int(row["weekday"])
            end_minutes = minutes_after_midnight(row["end_time"])
            schedule_rows.append(
                {
                    **schedule,
                    "_fivetran_synced": utc(row["_loaded_at"]),
                    "start_time": str(week_minute(weekday, row["start_time"])),
                    "end_time": str((weekday % 7) * MINUTES_PER_DAY + end_minutes),
                }
            )
        synced = schedule_rows[0]["_fivetran_synced"]
        if not any(int(row["weekday"]) == 6 for row in hours):
            schedule_rows.append(
                {
                    **schedule,
                    "_fivetran_synced": synced,
                    "_fivetran_deleted": "true",
                    "start_time": str(week_minute(6, "10:00")),
                    "end_time": str(week_minute(6, "14:00")),
                }
            )
        for weekday in (6, 7):
            schedule_rows.append(
                {
                    "id": str(SECOND_SCHEDULE_ID),
                    "_fivetran_synced": synced,
                    "_fivetran_deleted": "false",
                    "name": "Weekend cover",
                    "time_zone": "London",
                    "start_time": str(week_minute(weekday, "10:00")),
                    "end_time": str(week_minute(weekday, "16:00")),
                    "created_at": format_utc(created_at + timedelta(days=30)),
                }
            )
    holiday_rows = holiday_spans(holidays)
    if hours and holidays:
        native_days = {date.fromisoformat(row["holiday_date"].strip()) for row in holidays}
        offsite = min(native_days) + timedelta(days=14)
        while offsite in native_days or offsite + timedelta(days=1) in native_days:
            offsite += timedelta(days=1)
        synced = holiday_rows[0]["_fivetran_synced"]
        extra = {"_fivetran_synced": synced, "start_date": offsite.isoformat()}
        holiday_rows.append(
            {
                **extra,
                "id": str(HOLIDAY_ID_BASE + len(holiday_rows) + 1),
                "_fivetran_deleted": "true",
                "schedule_id": str(SCHEDULE_ID),
                "name": "Team offsite",
                "end_date": (offsite + timedelta(days=1)).isoformat(),
            }
        )
        holiday_rows.append(
            {
                **extra,
                "id": str(HOLIDAY_ID_BASE + len(holiday_rows) + 1),
                "_fivetran_deleted": "false",
                "schedule_id": str(SECOND_SCHEDULE_ID),
                "name": "Bank holiday weekend",
                "end_date": (offsite + timedelta(days=1)).isoformat(),
            }
        )
    write_table(raw_dir, VENDOR, "schedule", schedule_rows)
    write_table(raw_dir, VENDOR, "schedule_holiday", holiday_rows)


def holiday_spans(holidays: list[Row]) -> list[Row]:
    """The native holiday days of schedule 1 as Zendesk holidays: consecutive days with the same
    name are one holiday from its first to its last day (synced when its last day was)."""
    spans: list[Row] = []
    for row in sorted(holidays, key=lambda holiday: holiday["holiday_date"].strip()):
        day = date.fromisoformat(row["holiday_date"].strip())
        previous = spans[-1] if spans else None
        if (
            previous is not None
            and previous["name"] == row["name"]
            and date.fromisoformat(previous["end_date"]) + timedelta(days=1) == day
        ):
            previous["end_date"] = day.isoformat()
            previous["_fivetran_synced"] = max(previous["_fivetran_synced"], utc(row["_loaded_at"]))
            continue
        spans.append(
            {
                "id": str(HOLIDAY_ID_BASE + len(spans) + 1),
                "_fivetran_synced": utc(row["_loaded_at"]),
                "_fivetran_deleted": "false",
                "schedule_id": str(SCHEDULE_ID),
                "name": row["name"],
                "start_date": day.isoformat(),
                "end_date": day.isoformat(),
            }
        )
    return spans
