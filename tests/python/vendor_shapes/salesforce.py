"""The CRM raw data as Fivetran's Salesforce connector would have synced the same records.

`write_vendor_shape` reads the native `crm` tables of a raw-data directory (all but `quotas`, which
stays native) and writes the connector's tables to `<raw_dir>/salesforce/` (base models:
models/staging/adapters/salesforce):

- One row per record. Fivetran upserts each record in place, so only its latest version survives;
  an incremental sync writes a record only when it changed, so `_fivetran_synced` is the first load
  of the latest content (an unchanged record re-delivered later keeps its sync time, and a deleted
  record keeps the time its deletion was synced).
- Deletes as the connector shows them: Salesforce's `is_deleted` (the record is in the recycle bin)
  or, for a record deleted and purged between two syncs, `_fivetran_deleted` with `is_deleted` as
  last seen (false); one deleted record in three (by a hash of its id) takes the second way, so the
  adapter must read both. Objects without `IsDeleted` (User, UserRole, OpportunityStage) have only
  `_fivetran_deleted`.
- Salesforce's own objects where the native export flattens them: activities split into `task`
  (calls and e-mails, closed, with `completed_date_time` and a `created_date` no earlier, when the task
  was logged) and `event` (meetings, `activity_date_time`, ids re-prefixed '00U' as Salesforce's
  event ids are); a `contact` for every contact a lead was converted into (one contact for several
  leads when they converted into the same existing contact) and for every contact member of a
  campaign (an existing contact of the account, else a new one); `user_role` rows named by the
  users' roles; the account's ISO country code in `billing_country_code` and its name in
  `billing_country`; two AccountHistory rows for an owner change (ids and names), as Salesforce
  records a change of a lookup field.
- What Salesforce does to related records: a converted lead's campaign memberships get its contact;
  the history rows of a deleted opportunity or account, and the memberships of a deleted lead or
  campaign, are deleted with it (synced again then).
- Custom fields for what standard Salesforce lacks: account `segment__c` and `region__c`, user
  `team__c`, `region__c`, `is_quota_carrying__c`, `hired_date__c` and `terminated_date__c`, campaign
  `channel__c`, lead `primary_campaign__c` (the campaign that sourced the lead).
- Timestamps in UTC (`+00:00`); every other value as typed in the native export, messy picklist
  values included (the staging models normalise them).

The native files are read as CSV. Every generated id is a hash of a native id or value, so the
output is deterministic. The native files replaced are deleted.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from pathlib import Path

from . import Row as NativeRow
from . import (
    as_bool,
    bool_text,
    delete_native,
    format_utc,
    hash_characters,
    loaded_at,
    parse_timestamp,
    read_native,
    read_optional_native,
    stable_bucket,
    utc,
    versions_by_key,
    write_table,
)

NATIVE_SOURCE = "crm"
NATIVE_TABLES = (
    "account_history",
    "accounts",
    "activities",
    "campaign_members",
    "campaigns",
    "leads",
    "opportunities",
    "opportunity_history",
    "opportunity_stages",
    "users",
)
VENDOR = "salesforce"

# A native row with its empty fields as null, or a connector row (null written as an empty field).
Row = dict[str, str | None]

# Native columns by contract type, to compare two versions of a record by value (not by spelling:
# 20:00:16+01:00 and 19:00:16Z are the same instant).
TIMESTAMP_COLUMNS = frozenset({"CreatedDate", "SystemModstamp", "ActivityDateTime", "_loaded_at"})
BOOLEAN_COLUMNS = frozenset(
    {"IsDeleted", "IsConverted", "IsClosed", "IsWon", "IsActive", "HasResponded", "IsQuotaCarrying"}
)
NUMERIC_COLUMNS = frozenset({"Amount", "Probability", "ActualCost", "DefaultProbability", "SortOrder"})

# Country names of the ISO codes in the demo data (Salesforce's State and Country/Territory
# Picklists keep the name in BillingCountry and the code in BillingCountryCode).
COUNTRY_NAMES = {
    "AU": "Australia",
    "BR": "Brazil",
    "CA": "Canada",
    "CL": "Chile",
    "DE": "Germany",
    "ES": "Spain",
    "FR": "France",
    "GB": "United Kingdom",
    "IE": "Ireland",
    "IT": "Italy",
    "JP": "Japan",
    "MX": "Mexico",
    "NL": "Netherlands",
    "SG": "Singapore",
    "US": "United States",
}


@dataclass(frozen=True)
class Record:
    """One Salesforce record as Fivetran holds it: the latest native version and when it was synced."""

    values: Row
    first_values: Row
    synced: datetime

    def __getitem__(self, column: str) -> str | None:
        return self.values[column]

    @property
    def id(self) -> str:
        record_id = self.values["Id"]
        assert record_id is not None
        return record_id

    @property
    def is_deleted(self) -> bool:
        return as_bool(self.values.get("IsDeleted"))


@dataclass(frozen=True)
class Deletion:
    """How the connector shows a record's deletion: `is_deleted` and `_fivetran_deleted`."""

    is_deleted: bool
    fivetran_deleted: bool

    @property
    def any(self) -> bool:
        return self.is_deleted or self.fivetran_deleted


LIVE = Deletion(is_deleted=False, fivetran_deleted=False)


def optional_bool_text(value: str | None) -> str | None:
    """A native boolean as the connector writes it; null stays null."""
    return None if value is None else bool_text(as_bool(value))


def typed(column: str, value: str | None) -> object:
    """A native value as its contract type, to tell a changed record from a re-delivered copy."""
    if value is None:
        return None
    if column in TIMESTAMP_COLUMNS:
        return parse_timestamp(value)
    if column in BOOLEAN_COLUMNS:
        return as_bool(value)
    if column in NUMERIC_COLUMNS:
        return Decimal(value.strip())
    return value


def derived_id(prefix: str, seed: str) -> str:
    """An 18-character Salesforce-like id: `prefix` and characters hashed from `seed`."""
    return prefix + hash_characters(seed, 18 - len(prefix))


def is_purged(record_id: str) -> bool:
    """Whether a deleted record left the recycle bin before the connector saw it deleted: then only
    `_fivetran_deleted` says so. One deleted record in three, by a hash of its id."""
    return stable_bucket(record_id, 3, digest_bytes=1) == 0


def deletion(record: Record) -> Deletion:
    """The connector's deletion flags of a record whose native export has `IsDeleted`."""
    if not record.is_deleted:
        return LIVE
    if is_purged(record.id):
        return Deletion(is_deleted=False, fivetran_deleted=True)
    return Deletion(is_deleted=True, fivetran_deleted=False)


def with_nulls(row: NativeRow) -> Row:
    """A native row with its empty fields as null."""
    return {column: (value if value != "" else None) for column, value in row.items()}


def latest_records(rows: Iterable[NativeRow]) -> dict[str, Record]:
    """Each record's latest version (by `_loaded_at`), synced at the first load of that content."""
    records = {}
    for (record_id,), native_versions in sorted(versions_by_key(rows, ["Id"]).items()):
        if not record_id:
            raise ValueError(f"a native row without Id: {with_nulls(native_versions[0])}")
        ordered = [with_nulls(row) for row in native_versions]
        latest = ordered[-1]

        def content(row: Row) -> tuple[object, ...]:
            return tuple(typed(column, value) for column, value in row.items() if column != "_loaded_at")

        first_of_latest = latest
        for row in reversed(ordered[:-1]):
            if content(row) != content(latest):
                break
            first_of_latest = row
        records[record_id] = Record(
            values=latest,
            first_values=ordered[0],
            synced=loaded_at(first_of_latest),
        )
    return records


def sync_columns(synced: datetime, deleted: Deletion, with_is_deleted: bool = True) -> Row:
    """The connector's system columns (and Salesforce's `is_deleted`) of one row."""
    columns: Row = {
        "_fivetran_synced": format_utc(synced),
        "_fivetran_deleted": bool_text(deleted.fivetran_deleted),
    }
    if with_is_deleted:
        columns["is_deleted"] = bool_text(deleted.is_deleted)
    return columns


@dataclass
class Crm:
    """The native CRM records (latest versions), keyed by id; None for an optional table without a file."""

    users: dict[str, Record]
    accounts: dict[str, Record]
    account_history: dict[str, Record] | None
    leads: dict[str, Record]
    opportunities: dict[str, Record]
    opportunity_history: dict[str, Record]
    opportunity_stages: dict[str, Record]
    activities: dict[str, Record]
    campaigns: dict[str, Record] | None
    campaign_members: dict[str, Record] | None


def read_crm(raw_dir: Path) -> Crm:
    def required(table: str) -> dict[str, Record]:
        return latest_records(read_native(raw_dir, NATIVE_SOURCE, table))

    def optional(table: str) -> dict[str, Record] | None:
        rows = read_optional_native(raw_dir, NATIVE_SOURCE, table)
        return None if rows is None else latest_records(rows)

    return Crm(
        users=required("users"),
        accounts=required("accounts"),
        account_history=optional("account_history"),
        leads=required("leads"),
        opportunities=required("opportunities"),
        opportunity_history=required("opportunity_history"),
        opportunity_stages=required("opportunity_stages"),
        activities=required("activities"),
        campaigns=optional("campaigns"),
        campaign_members=optional("campaign_members"),
    )


def user_rows(crm: Crm) -> tuple[list[Row], list[Row]]:
    """`user` and `user_role`: one role per distinct role name the users carry."""
    roles: dict[str, datetime] = {}
    for user in crm.users.values():
        role = user["UserRole"]
        if role is not None:
            roles[role] = min(roles.get(role, user.synced), user.synced)
    role_ids = {role: derived_id("00E5g", f"role {role}") for role in roles}
    users = [
        {
            "id": user.id,
            "name": user["Name"],
            "email": user["Email"],
            "user_role_id": role_ids.get(user["UserRole"] or ""),
            "manager_id": user["ManagerId"],
            "system_modstamp": utc(user["SystemModstamp"]),
            "team__c": user["Team"],
            "region__c": user["Region"],
            "is_quota_carrying__c": optional_bool_text(user["IsQuotaCarrying"]),
            "hired_date__c": user["HiredDate"],
            "terminated_date__c": user["TerminatedDate"],
            # A user is never deleted in Salesforce (only deactivated): no is_deleted column.
            **sync_columns(user.synced, Deletion(False, user.is_deleted), with_is_deleted=False),
        }
        for user in crm.users.values()
    ]
    user_roles = [
        {"id": role_ids[role], "name": role, **sync_columns(synced, LIVE, with_is_deleted=False)}
        for role, synced in roles.items()
    ]
    return users, user_roles


def account_rows(crm: Crm) -> list[Row]:
    rows = []
    for account in crm.accounts.values():
        code = account["BillingCountry"]
        rows.append(
            {
                "id": account.id,
                "name": account["Name"],
                "industry": account["Industry"],
                "billing_country": None if code is None else COUNTRY_NAMES.get(code.strip().upper(), code),
                "billing_country_code": code,
                "owner_id": account["OwnerId"],
                "created_date": utc(account["CreatedDate"]),
                "system_modstamp": utc(account["SystemModstamp"]),
                "segment__c": account["Segment"],
                "region__c": account["Region"],
                **sync_columns(account.synced, deletion(account)),
            }
        )
    return rows


def with_parent(
    record: Record, parent: Record | None, parent_deletion: Deletion
) -> tuple[datetime, Deletion]:
    """Sync time and deletion flags of a child row deleted with its parent (Salesforce cascades a
    delete to history rows and campaign members): synced again when the parent's deletion was."""
    if parent is None or not parent_deletion.any:
        return record.synced, LIVE
    return max(record.synced, parent.synced), Deletion(True, parent_deletion.fivetran_deleted)


def account_history_rows(crm: Crm, history: dict[str, Record]) -> list[Row]:
    """AccountHistory: a segment change on custom field Segment__c; an owner change as two rows, the
    user ids and the user names, as Salesforce records a change of a lookup field."""
    user_names = {user.id: user["Name"] for user in crm.users.values()}
    rows = []
    for change in history.values():
        account = crm.accounts.get(change["AccountId"] or "")
        synced, deleted = with_parent(change, account, deletion(account) if account else LIVE)
        field = change["Field"] or ""
        common = {
            "account_id": change["AccountId"],
            "created_date": utc(change["CreatedDate"]),
            **sync_columns(synced, deleted),
        }
        normalized = field.strip().lower()
        rows.append(
            {
                "id": change.id,
                "field": "Segment__c" if normalized == "segment" else field,
                "old_value": change["OldValue"],
                "new_value": change["NewValue"],
                **common,
            }
        )
        old_name = user_names.get(change["OldValue"] or "")
        new_name = user_names.get(change["NewValue"] or "")
        if normalized == "owner" and (old_name or not change["OldValue"]) and new_name:
            rows.append(
                {
                    "id": derived_id("0175g", f"names of {change.id}"),
                    "field": field,
                    "old_value": old_name,
                    "new_value": new_name,
                    **common,
                }
            )
    return rows


def lead_rows(crm: Crm) -> list[Row]:
    return [
        {
            "id": lead.id,
            "company": lead["Company"],
            "email": lead["Email"],
            "lead_source": lead["LeadSource"],
            "status": lead["Status"],
            "owner_id": lead["OwnerId"],
            "created_date": utc(lead["CreatedDate"]),
            "is_converted": optional_bool_text(lead["IsConverted"]),
            "converted_date": lead["ConvertedDate"],
            "converted_account_id": lead["ConvertedAccountId"],
            "converted_opportunity_id": lead["ConvertedOpportunityId"],
            "converted_contact_id": lead["ConvertedContactId"],
            "system_modstamp": utc(lead["SystemModstamp"]),
            "primary_campaign__c": lead["CampaignId"],
            **sync_columns(lead.synced, deletion(lead)),
        }
        for lead in crm.leads.values()
    ]


def contact_rows(crm: Crm) -> tuple[list[Row], dict[str, str]]:
    """`contact`: the contacts leads were converted into (several leads may share one), the contacts
    activities name, and a contact for each account with a contact member of a campaign (the
    account's first converted contact, else a new one). Also returns the contact of each such
    account."""
    contacts: dict[str, Row] = {}

    def add(contact_id: str, account_id: str | None, synced: datetime) -> None:
        if contact_id not in contacts:
            contacts[contact_id] = {"id": contact_id, "account_id": account_id, **sync_columns(synced, LIVE)}

    for lead in crm.leads.values():
        if lead["ConvertedContactId"] is not None:
            add(lead["ConvertedContactId"], lead["ConvertedAccountId"], lead.synced)
    for activity in crm.activities.values():
        who_id = activity["WhoId"]
        if who_id is not None and who_id.startswith("003"):
            add(who_id, None, activity.synced)
    account_contacts: dict[str, str] = {}
    for contact_id, contact in sorted(contacts.items()):
        if contact["account_id"] is not None:
            account_contacts.setdefault(contact["account_id"], contact_id)
    for member in (crm.campaign_members or {}).values():
        account_id = member["AccountId"]
        if member["LeadId"] is None and account_id is not None and account_id not in account_contacts:
            contact_id = derived_id("0035g", f"contact of {account_id}")
            add(contact_id, account_id, member.synced)
            account_contacts[account_id] = contact_id
    return list(contacts.values()), account_contacts


def opportunity_rows(crm: Crm) -> list[Row]:
    return [
        {
            "id": opportunity.id,
            "name": opportunity["Name"],
            "account_id": opportunity["AccountId"],
            "type": opportunity["Type"],
            "stage_name": opportunity["StageName"],
            "amount": opportunity["Amount"],
            "currency_iso_code": opportunity["CurrencyIsoCode"],
            "probability": opportunity["Probability"],
            "created_date": utc(opportunity["CreatedDate"]),
            "close_date": opportunity["CloseDate"],
            "is_closed": optional_bool_text(opportunity["IsClosed"]),
            "is_won": optional_bool_text(opportunity["IsWon"]),
            "owner_id": opportunity["OwnerId"],
            "campaign_id": opportunity["CampaignId"],
            "system_modstamp": utc(opportunity["SystemModstamp"]),
            **sync_columns(opportunity.synced, deletion(opportunity)),
        }
        for opportunity in crm.opportunities.values()
    ]


def opportunity_history_rows(crm: Crm) -> list[Row]:
    rows = []
    for change in crm.opportunity_history.values():
        opportunity = crm.opportunities.get(change["OpportunityId"] or "")
        synced, deleted = with_parent(change, opportunity, deletion(opportunity) if opportunity else LIVE)
        rows.append(
            {
                "id": change.id,
                "opportunity_id": change["OpportunityId"],
                "stage_name": change["StageName"],
                "amount": change["Amount"],
                "close_date": change["CloseDate"],
                "probability": change["Probability"],
                "created_date": utc(change["CreatedDate"]),
                **sync_columns(synced, deleted),
            }
        )
    return rows


def opportunity_stage_rows(crm: Crm) -> list[Row]:
    return [
        {
            "id": stage.id,
            "master_label": stage["MasterLabel"],
            "sort_order": stage["SortOrder"],
            "default_probability": stage["DefaultProbability"],
            "is_active": optional_bool_text(stage["IsActive"]),
            "is_closed": optional_bool_text(stage["IsClosed"]),
            "is_won": optional_bool_text(stage["IsWon"]),
            **sync_columns(stage.synced, LIVE, with_is_deleted=False),
        }
        for stage in crm.opportunity_stages.values()
    ]


def activity_rows(crm: Crm) -> tuple[list[Row], list[Row]]:
    """`task` (calls and e-mails, logged after they happened) and `event` (meetings)."""
    tasks, events = [], []
    for activity in crm.activities.values():
        kind = (activity["Type"] or "").strip().lower()
        common = {
            "type": activity["Type"],
            "subject": activity["Subject"],
            "who_id": activity["WhoId"],
            "what_id": activity["WhatId"],
            "owner_id": activity["OwnerId"],
            "system_modstamp": utc(activity["SystemModstamp"]),
            **sync_columns(activity.synced, deletion(activity)),
        }
        if kind == "meeting":
            events.append(
                {
                    "id": "00U" + activity.id[3:],
                    "activity_date_time": utc(activity["ActivityDateTime"]),
                    **common,
                }
            )
        else:
            tasks.append(
                {
                    "id": activity.id,
                    "task_subtype": {"call": "Call", "email": "Email"}.get(kind, "Task"),
                    "is_closed": "true",
                    "completed_date_time": utc(activity["ActivityDateTime"]),
                    # Logged when its first version was last modified, after the call or e-mail.
                    "created_date": utc(activity.first_values["SystemModstamp"]),
                    **common,
                }
            )
    return tasks, events


def campaign_rows(campaigns: dict[str, Record]) -> list[Row]:
    return [
        {
            "id": campaign.id,
            "name": campaign["Name"],
            "type": campaign["Type"],
            "start_date": campaign["StartDate"],
            "end_date": campaign["EndDate"],
            "actual_cost": campaign["ActualCost"],
            "currency_iso_code": campaign["CurrencyIsoCode"],
            "system_modstamp": utc(campaign["SystemModstamp"]),
            "channel__c": campaign["Channel"],
            **sync_columns(campaign.synced, deletion(campaign)),
        }
        for campaign in campaigns.values()
    ]


def campaign_member_rows(crm: Crm, members: dict[str, Record], account_contacts: dict[str, str]) -> list[Row]:
    """CampaignMember: a lead member gets the lead's contact once the lead converts; an account's
    contact member names the account's contact (Salesforce has no account on a member)."""
    rows = []
    for member in members.values():
        lead = crm.leads.get(member["LeadId"] or "")
        campaign = (crm.campaigns or {}).get(member["CampaignId"] or "")
        synced, deleted = with_parent(member, lead, deletion(lead) if lead else LIVE)
        if not deleted.any:
            synced, deleted = with_parent(member, campaign, deletion(campaign) if campaign else LIVE)
        if lead is not None and lead["ConvertedContactId"] is not None:
            contact_id: str | None = lead["ConvertedContactId"]
            synced = max(synced, lead.synced)
        elif member["LeadId"] is None:
            contact_id = account_contacts.get(member["AccountId"] or "")
        else:
            contact_id = None
        rows.append(
            {
                "id": member.id,
                "campaign_id": member["CampaignId"],
                "lead_id": member["LeadId"],
                "contact_id": contact_id,
                "status": member["Status"],
                "has_responded": optional_bool_text(member["HasResponded"]),
                "created_date": utc(member["CreatedDate"]),
                "first_responded_date": member["FirstRespondedDate"],
                **sync_columns(synced, deleted),
            }
        )
    return rows


def write_vendor_shape(raw_dir: Path) -> None:
    """Write the `salesforce` tables for the native `crm` tables in `raw_dir` and delete the native
    files they replace (`crm/quotas.csv` stays). An optional native table without a file
    (account_history, campaigns, campaign_members) gives no connector file either."""
    crm = read_crm(raw_dir)
    users, user_roles = user_rows(crm)
    contacts, account_contacts = contact_rows(crm)
    tasks, events = activity_rows(crm)
    tables: dict[str, list[Row]] = {
        "user": users,
        "user_role": user_roles,
        "account": account_rows(crm),
        "contact": contacts,
        "lead": lead_rows(crm),
        "opportunity": opportunity_rows(crm),
        "opportunity_history": opportunity_history_rows(crm),
        "opportunity_stage": opportunity_stage_rows(crm),
        "task": tasks,
        "event": events,
    }
    if crm.account_history is not None:
        tables["account_history"] = account_history_rows(crm, crm.account_history)
    if crm.campaigns is not None:
        tables["campaign"] = campaign_rows(crm.campaigns)
    if crm.campaign_members is not None:
        tables["campaign_member"] = campaign_member_rows(crm, crm.campaign_members, account_contacts)
    for table, rows in tables.items():
        # In order of their values: by id, which is unique in every table.
        write_table(raw_dir, VENDOR, table, rows, sort=True)
    delete_native(raw_dir, NATIVE_SOURCE, NATIVE_TABLES)
