{#- True for a ticket status change that reopens a ticket: from solved or closed back to a working
    status (new, open, pending, hold); a deletion is not one. The one statement of the reopening
    rule, used by the ticket milestones and the health signals. -#}
{% macro is_ticket_reopening(previous_status, new_status) -%}
    ({{ previous_status }} in ('solved', 'closed') and {{ new_status }} in ('new', 'open', 'pending', 'hold'))
{%- endmacro %}
