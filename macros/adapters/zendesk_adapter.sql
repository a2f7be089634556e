{#- Helpers of the Zendesk source adapter (models/staging/adapters/zendesk): the via-channel
    mapping and the schedule the business-hour tables are read from. -#}


{#- Zendesk's `via_channel` values and the contract channel (email, web, chat, phone, api) each
    counts as: the web form, widget, help center and mobile apps are web; live chat and every
    messaging channel are chat; voice is phone; tickets made by software or by Zendesk itself (API,
    triggers and automations, follow-ups of closed tickets, side conversations, samples) are api.
    var `zendesk_via_channels` (a mapping, default {}) adds values or overrides these; a value in
    neither passes through lower case, so the quarantine sets its ticket aside as unknown_value
    (audit_quarantined_rows names it) instead of counting it in a wrong channel. -#}
{% macro zendesk_via_channels() %}
    {%- set channels = {
        'email': 'email',
        'web': 'web', 'web_form': 'web', 'web_widget': 'web', 'help_center': 'web', 'mobile': 'web',
        'mobile_sdk': 'web',
        'chat': 'chat', 'chat_transcript': 'chat', 'native_messaging': 'chat', 'messaging': 'chat',
        'sms': 'chat', 'whatsapp': 'chat', 'facebook': 'chat', 'twitter': 'chat', 'instagram_dm': 'chat',
        'line': 'chat', 'wechat': 'chat', 'telegram': 'chat', 'viber': 'chat', 'any_channel': 'chat',
        'voice': 'phone', 'phone': 'phone',
        'api': 'api', 'web_service': 'api', 'rule': 'api', 'system': 'api', 'closed_ticket': 'api',
        'side_conversation': 'api', 'linked_problem': 'api', 'sample_ticket': 'api',
    } -%}
    {%- set overrides = var('zendesk_via_channels') or {} -%}
    {%- if overrides is not mapping -%}
        {{ exceptions.raise_compiler_error('var zendesk_via_channels must be a mapping of Zendesk via_channel to email, web, chat, phone or api, got ' ~ overrides) }}
    {%- endif -%}
    {%- for via_channel, channel in overrides.items() -%}
        {%- if channel not in ['email', 'web', 'chat', 'phone', 'api'] -%}
            {{ exceptions.raise_compiler_error('var zendesk_via_channels: ' ~ via_channel ~ ' must map to email, web, chat, phone or api, got ' ~ channel) }}
        {%- endif -%}
        {%- do channels.update({via_channel | string | lower: channel}) -%}
    {%- endfor -%}
    {{ return(channels) }}
{% endmacro %}


{#- The contract channel of a Zendesk `via_channel` column (zendesk_via_channels). -#}
{% macro zendesk_channel(column) -%}
    case lower(trim({{ column }}))
        {%- for via_channel, channel in zendesk_via_channels().items() %}
        when {{ sql_string_literal(via_channel) }} then {{ sql_string_literal(channel) }}
        {%- endfor %}
        else lower(trim({{ column }}))
    end
{%- endmacro %}


{#- A query returning one row, `schedule_id`: the Zendesk schedule the contract's one support
    schedule (business_hours, holidays) is read from: var `zendesk_schedule_id` when set (a whole
    number), else the oldest live schedule (earliest created_at, then the lowest id), which is the
    only one when the account has one schedule; with several, set the var. `schedules` is the
    relation or CTE holding the Fivetran `schedule` table (one row per schedule and interval). -#}
{% macro zendesk_chosen_schedule(schedules) -%}
    {%- set schedule_id = var('zendesk_schedule_id') -%}
    {%- if schedule_id is none %}
    select ranked_schedules.schedule_id
    from (
        select
            id as schedule_id,
            row_number() over (order by min(created_at) nulls last, id) as schedule_rank
        from {{ schedules }}
        where not coalesce(_fivetran_deleted, false)
        group by id
    ) as ranked_schedules
    where ranked_schedules.schedule_rank = 1
    {%- else -%}
        {%- if schedule_id is not number or schedule_id != schedule_id | int -%}
            {{ exceptions.raise_compiler_error('var zendesk_schedule_id must be null or the whole-number id of a Zendesk schedule, got ' ~ schedule_id) }}
        {%- endif %}
    select cast({{ schedule_id | int }} as {{ dbt.type_bigint() }}) as schedule_id
    {%- endif %}
{%- endmacro %}


{#- The HH:MM clock time of `minutes` (an integer expression, 0 to 1440) after local midnight:
    480 is '08:00', 1440 is '24:00' (midnight at the end of the day). -#}
{% macro zendesk_clock_time(minutes) -%}
    {%- set hours = 'cast(floor(' ~ revops.divided(minutes, 60) ~ ') as ' ~ dbt.type_int() ~ ')' -%}
    {%- set minutes_past = 'cast((' ~ minutes ~ ') - 60 * floor(' ~ revops.divided(minutes, 60) ~ ') as ' ~ dbt.type_int() ~ ')' -%}
    {%- set parts = [] -%}
    {%- for number in [hours, minutes_past] -%}
        {%- do parts.append(dbt.right(dbt.concat(["'0'", 'cast(' ~ number ~ ' as ' ~ dbt.type_string() ~ ')']), 2)) -%}
    {%- endfor -%}
    {{ dbt.concat([parts[0], "':'", parts[1]]) }}
{%- endmacro %}


{#- A query returning `user_key` (the user id as text): every user ever assigned a ticket, now or
    in the field history. Zendesk assigns tickets to agents only, and its advice for an agent who
    leaves is to downgrade them to end user (then suspend them), so these users were agents even
    when their role now says end-user: their replies stay agent replies and they stay (inactive)
    agents. `tickets` and `field_history` are the relations or CTEs holding the Fivetran `ticket`
    and `ticket_field_history` tables. Compared as text, since the field history holds values as
    text. -#}
{% macro zendesk_assigned_users(tickets, field_history) -%}
    select {{ field_history }}.value as user_key
    from {{ field_history }}
    where {{ field_history }}.field_name = 'assignee_id' and {{ field_history }}.value is not null
    union
    select cast({{ tickets }}.assignee_id as {{ dbt.type_string() }}) as user_key
    from {{ tickets }}
    where {{ tickets }}.assignee_id is not null
{%- endmacro %}
