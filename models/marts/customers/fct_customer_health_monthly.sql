{#- Rule-based customer health: one row per paying customer × month (the paying months of the
    revenue spine, with the attributes fct_customer_mrr_monthly reports). Each signal of
    int_customer_health_signals_measured becomes a risk between 0 (healthy) and 1 (worst); the churn
    risk score is 100 × the weighted average of the available risks (weights: dict var
    health_signal_weights, renormalised over the signals a customer has that month), and the health
    score is 100 − the churn risk score. Also each customer's whitespace (int_customer_whitespace_priced:
    one plan tier up, and its active product users beyond its paid seats) and its expansion revenue
    potential, that whitespace × expansion_opportunity_score ÷ 100. Longer than 200 lines because
    each of the eight signals has its own risk formula, stated beside it so a reviewer reads the
    score in one place. -#}
{%- set signals = [
    'mrr_trend', 'failed_payments', 'ticket_volume', 'reopened_tickets',
    'csat', 'nps', 'product_usage_trend', 'days_since_contact',
] -%}
{%- set weights = checked_mapping_var('health_signal_weights', signals, total=1) -%}
{%- set engagement_weights = checked_mapping_var(
    'engagement_signal_weights', ['product_usage', 'usage_trend', 'contact_recency', 'feedback'], total=1
) -%}
{%- set expansion_weights = checked_mapping_var(
    'expansion_signal_weights', ['health', 'usage_growth', 'promoter'], total=1
) -%}
{%- set readiness_weights = checked_mapping_var(
    'referral_readiness_signal_weights', ['promoter', 'health', 'tenure', 'satisfaction'], total=1
) -%}
{%- set depth_weights = checked_mapping_var(
    'relationship_depth_signal_weights',
    ['function_breadth', 'level_breadth', 'executive_sponsor', 'contact_engagement'],
    total=1
) %}

with

signals as (

    select * from {{ ref('int_customer_health_signals_measured') }}

),

paying_months as (

    select * from {{ ref('int_customer_mrr_movements_classified') }}
    where mrr > 0

),

customer_months as (

    select * from {{ ref('int_customer_months_attributed') }}

),

relationships as (

    select * from {{ ref('int_customer_relationships_measured') }}

),

whitespace as (

    select * from {{ ref('int_customer_whitespace_priced') }}

),

signals_described as (

    {#- The paying month's attributes, as fct_customer_mrr_monthly reports them: plan tier, CRM
        segment as of the month, region and billing currency; and the CRM contacts of the month
        (null without a CRM account or without crm.contacts rows). -#}
    select
        signals.*,
        paying_months.plan_tier,
        customer_months.customer_segment,
        customer_months.region,
        customer_months.currency_code,
        relationships.contacts,
        relationships.functions_engaged,
        relationships.seniority_levels_engaged,
        relationships.executive_contacts,
        relationships.engaged_contacts,
        whitespace.paid_seats,
        whitespace.active_users_last_30_days,
        cast(coalesce(whitespace.tier_whitespace_mrr, 0) as decimal(38, 2)) as tier_whitespace_mrr,
        cast(coalesce(whitespace.seat_whitespace_mrr, 0) as decimal(38, 2)) as seat_whitespace_mrr
    from signals
    inner join paying_months
        on
            signals.customer_id = paying_months.customer_id
            and signals.month_start_date = paying_months.month_start_date
    inner join customer_months
        on
            signals.customer_id = customer_months.customer_id
            and signals.month_start_date = customer_months.month_start_date
    left join relationships
        on
            signals.customer_id = relationships.customer_id
            and signals.month_start_date = relationships.month_start_date
    left join whitespace
        on
            signals.customer_id = whitespace.customer_id
            and signals.month_start_date = whitespace.month_start_date

),

risks as (

    {#- Each risk is 0..1; null means the signal is missing for the customer that month.
        mrr_trend: 2 × the decline since 3 months earlier (a 50 % drop is the worst), at least 0.5
            after any contraction in the last 3 months; 0 for a customer not paying 3 months ago.
        failed_payments: 0.5 per failed charge in the last 3 months, capped at 1.
        ticket_volume: 0.25 per ticket created in the last 3 months, capped at 1 (4 or more).
        reopened_tickets: 0.5 per reopening in the last 3 months, capped at 1.
        csat: share of unsatisfied (bad) answers in the last 6 months; missing without answers.
        nps: latest answer: detractor (0-6) 1, passive (7-8) 0.5, promoter (9-10) 0; missing
            without any answer.
        product_usage_trend: 1 − events in the last 30 days ÷ the 30-day average of the 60 days
            before, between 0 and 1; 0 when there were none before but some now; 1 when the
            customer used the product before but not in the last 90 days; missing when it never
            did (no tracked users).
        days_since_contact: days since the last sales activity or ticket ÷ 180, capped at 1; 1
            when never contacted. -#}
    select
        *,
        case
            when has_contraction_last_3_months and mrr_3_months_earlier > 0 and mrr < mrr_3_months_earlier
                then
                    case
                        when mrr <= 0.5 * mrr_3_months_earlier then 1.0
                        else greatest(0.5, 2 * (1 - {{ divided('mrr', 'mrr_3_months_earlier') }}))
                    end
            when has_contraction_last_3_months then 0.5
            when mrr_3_months_earlier > 0 and mrr < mrr_3_months_earlier
                then
                    case
                        when mrr <= 0.5 * mrr_3_months_earlier then 1.0
                        else 2 * (1 - {{ divided('mrr', 'mrr_3_months_earlier') }})
                    end
            else 0.0
        end as mrr_trend_risk,
        case when failed_payments_last_3_months >= 2 then 1.0 else 0.5 * failed_payments_last_3_months end
            as failed_payments_risk,
        case when tickets_last_3_months >= 4 then 1.0 else 0.25 * tickets_last_3_months end
            as ticket_volume_risk,
        case when reopened_tickets_last_3_months >= 2 then 1.0 else 0.5 * reopened_tickets_last_3_months end
            as reopened_tickets_risk,
        case
            when csat_answers_last_6_months > 0
                then {{ divided('unsatisfied_csat_answers_last_6_months', 'csat_answers_last_6_months') }}
        end as csat_risk,
        case
            when latest_nps_score >= 9 then 0.0
            when latest_nps_score >= 7 then 0.5
            when latest_nps_score >= 0 then 1.0
        end as nps_risk,
        case
            when events_previous_60_days > 0 and 2 * events_last_30_days >= events_previous_60_days then 0.0
            when events_previous_60_days > 0
                then 1 - 2 * {{ divided('events_last_30_days', 'events_previous_60_days') }}
            when events_last_30_days > 0 then 0.0
            when has_usage_to_date then 1.0
        end as product_usage_trend_risk,
        case
            when last_contact_date is null or days_since_last_contact >= 180 then 1.0
            else {{ divided('days_since_last_contact', 180) }}
        end as days_since_contact_risk
    from signals_described

),

weighted as (

    select
        *,
        {{ available_signal_weight(weights, '_risk') }} as available_weight,
        {{ weighted_signal_sum(weights, '_risk') }} as weighted_risk
    from risks

),

points as (

    {#- The signals of the engagement, expansion opportunity and referral readiness scores, each
        0..1 (higher is more engaged, likelier to expand or to refer); null means missing.
        product_usage: events in the last 30 days ÷ var engagement_full_usage_events (at most 1);
            missing when the customer never used the product.
        usage_trend: 1 − the product_usage_trend risk.
        contact_recency: 1 − the days_since_contact risk.
        feedback: 1 when the customer answered a CSAT survey in the last 6 months or ever answered
            NPS, else 0.
        health: the health score ÷ 100 (1 − the weighted churn risk).
        usage_growth: 2 × events in the last 30 days ÷ events in the 60 days before − 1, between
            0 and 1 (flat or falling usage 0, doubled usage 1); 1 when there were none before but
            some now; 0 when there are none now; missing when the customer never used the product.
        promoter: latest NPS answer: promoter (9-10) 1, passive (7-8) 0.5, detractor 0; missing
            without any answer.
        tenure: paying months up to this one ÷ 12, at most 1.
        satisfaction: 1 − the csat risk (the share of good CSAT answers in 6 months); missing
            without answers.
    The relationship depth score's signals, all missing without CRM contacts data (no CRM
    account, or no crm.contacts rows):
        function_breadth: distinct functions of the live contacts ÷ var
            relationship_full_functions, at most 1.
        level_breadth: distinct seniority levels ÷ var relationship_full_levels, at most 1.
        executive_sponsor: 1 when a live contact is an executive, else 0.
        contact_engagement: share of the live contacts with a sales activity in the last var
            relationship_engagement_days days; 0 without contacts. -#}
    select
        *,
        case
            when has_usage_to_date
                then least(
                    1.0,
                    {{ divided('events_last_30_days', checked_var('engagement_full_usage_events', above=0)) }}
                )
        end as product_usage_points,
        1 - product_usage_trend_risk as usage_trend_points,
        1 - days_since_contact_risk as contact_recency_points,
        case when csat_answers_last_6_months > 0 or latest_nps_score is not null then 1.0 else 0.0 end
            as feedback_points,
        case when available_weight > 0 then 1 - {{ divided('weighted_risk', 'available_weight') }} end as health_points,
        case
            when events_previous_60_days > 0
                then greatest(
                    0.0,
                    least(1.0, 2 * {{ divided('events_last_30_days', 'events_previous_60_days') }} - 1)
                )
            when events_last_30_days > 0 then 1.0
            when has_usage_to_date then 0.0
        end as usage_growth_points,
        case
            when latest_nps_score >= 9 then 1.0
            when latest_nps_score >= 7 then 0.5
            when latest_nps_score >= 0 then 0.0
        end as promoter_points,
        count(*) over (
            partition by customer_id order by month_start_date rows between unbounded preceding and current row
        ) as paying_months_to_date,
        least(
            1.0,
            {{ divided(
                'count(*) over (partition by customer_id order by month_start_date'
                ~ ' rows between unbounded preceding and current row)',
                12
            ) }}
        ) as tenure_points,
        1 - csat_risk as satisfaction_points,
        case
            when contacts is not null
                then least(
                    1.0,
                    {{ divided('functions_engaged', checked_var('relationship_full_functions', minimum=1)) }}
                )
        end as function_breadth_points,
        case
            when contacts is not null
                then least(
                    1.0,
                    {{ divided('seniority_levels_engaged', checked_var('relationship_full_levels', minimum=1)) }}
                )
        end as level_breadth_points,
        case when executive_contacts > 0 then 1.0 when executive_contacts = 0 then 0.0 end
            as executive_sponsor_points,
        case
            when contacts > 0 then {{ divided('engaged_contacts', 'contacts') }}
            when contacts = 0 then 0.0
        end as contact_engagement_points
    from weighted

),

scored as (

    select
        -- keys
        customer_id,
        month_start_date,
        snapshot_date,

        -- attributes as of the month
        plan_tier,
        customer_segment,
        region,
        currency_code,
        mrr,

        -- measures
        mrr_3_months_earlier,
        has_contraction_last_3_months,
        failed_payments_last_3_months,
        tickets_last_3_months,
        reopened_tickets_last_3_months,
        csat_answers_last_6_months,
        unsatisfied_csat_answers_last_6_months,
        latest_nps_score,
        events_last_30_days,
        events_previous_60_days,
        has_usage_to_date,
        last_contact_date,
        days_since_last_contact,
        paying_months_to_date,
        contacts,
        functions_engaged,
        seniority_levels_engaged,
        executive_contacts,
        engaged_contacts,
        paid_seats,
        active_users_last_30_days,
        tier_whitespace_mrr,
        seat_whitespace_mrr,

        -- risks (0..1, null = missing)
        {%- for signal in signals %}
            {{ round_to_scale(signal ~ '_risk', 6) }} as {{ signal }}_risk,
        {%- endfor %}
        {{ round_to_scale('available_weight', 6) }} as available_signal_weight,

        -- scores (0..100)
        cast(100 - {{ weighted_score('weighted_risk', 'available_weight') }} as decimal(38, 2))
            as customer_health_score,
        {{ weighted_score('weighted_risk', 'available_weight') }} as churn_risk_score,
        {{ weighted_score(
            weighted_signal_sum(engagement_weights, '_points'), available_signal_weight(engagement_weights, '_points')
        ) }} as customer_engagement_score,
        {{ weighted_score(
            weighted_signal_sum(expansion_weights, '_points'), available_signal_weight(expansion_weights, '_points')
        ) }} as expansion_opportunity_score,
        {{ weighted_score(
            weighted_signal_sum(readiness_weights, '_points'), available_signal_weight(readiness_weights, '_points')
        ) }} as referral_readiness_score,
        {{ weighted_score(
            weighted_signal_sum(depth_weights, '_points'), available_signal_weight(depth_weights, '_points')
        ) }} as relationship_depth_score

    from points

),

final as (

    {#- The expansion revenue potential: the whitespace weighted by the likelihood to expand; null
        without an expansion score. -#}
    select
        *,
        {{ round_to_scale(
            divided('(tier_whitespace_mrr + seat_whitespace_mrr) * expansion_opportunity_score', 100), 6
        ) }} as expansion_potential_mrr

    from scored

)

select * from final
