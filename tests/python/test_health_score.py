"""Each rule-based customer score separates the customers with the outcome it predicts.

On the demo data, the average score of customer-months followed by the outcome within three months
(a churn, an expansion) is compared with that of customer-months not followed by it: churners had a
higher churn_risk_score and a lower customer_engagement_score before churning; customers who
expanded had a higher expansion_opportunity_score; customers who referred (fct_referrals) a higher
referral_readiness_score; churners had a lower and expanders a higher relationship_depth_score (scored
only for customers with CRM contacts). Likewise leads reaching an opportunity within the
funnel window had a higher lead_quality_score than the other decided leads. Only months whose
three-month horizon lies inside the data are compared, so a customer near the end of the data is
not counted as staying merely because its future is unknown.
"""

from __future__ import annotations

import pytest
from conftest import Warehouse

SEPARATION_SQL = """
with

outcomes as (
    {outcomes}
),

horizon as (
    select max(month_start_date) - interval 3 month as last_observable_month_start_date
    from marts.fct_customer_mrr_monthly
),

scored as (
    select
        health.customer_id,
        health.month_start_date,
        health.{score} as score,
        exists (
            select 1
            from outcomes
            where
                outcomes.customer_id = health.customer_id
                and outcomes.outcome_month_start_date > health.month_start_date
                and outcomes.outcome_month_start_date <= health.month_start_date + interval 3 month
        ) as has_outcome_within_3_months
    from marts.fct_customer_health_monthly as health
    cross join horizon
    where health.month_start_date <= horizon.last_observable_month_start_date
)

select
    avg(case when has_outcome_within_3_months then score end) as outcome_score,
    avg(case when not has_outcome_within_3_months then score end) as other_score,
    count(case when has_outcome_within_3_months and score is not null then 1 end) as outcome_months,
    count(case when not has_outcome_within_3_months and score is not null then 1 end) as other_months
from scored
"""


def movement_months(movement_type: str) -> str:
    """The customers' months of one MRR movement (churn, expansion) as outcomes."""
    return (
        "select customer_id, month_start_date as outcome_month_start_date "
        f"from marts.fct_customer_mrr_monthly where movement_type = '{movement_type}'"
    )


REFERRAL_MONTHS = (
    "select referrer_customer_id as customer_id, "
    "date_trunc('month', referred_date) as outcome_month_start_date from marts.fct_referrals"
)


@pytest.mark.parametrize(
    ("score", "outcome", "outcomes", "sign"),
    [
        ("churn_risk_score", "churn", movement_months("churn"), 1),
        ("customer_engagement_score", "churn", movement_months("churn"), -1),
        ("expansion_opportunity_score", "expansion", movement_months("expansion"), 1),
        ("referral_readiness_score", "referral", REFERRAL_MONTHS, 1),
        ("relationship_depth_score", "churn", movement_months("churn"), -1),
        ("relationship_depth_score", "expansion", movement_months("expansion"), 1),
    ],
)
def test_each_customer_score_separates_the_outcome_it_predicts(
    warehouse: Warehouse, score: str, outcome: str, outcomes: str, sign: int
) -> None:
    """Customer-months followed by the outcome within 3 months score higher (sign 1) or lower (-1)."""
    [(outcome_score, other_score, outcome_months, other_months)] = warehouse.query(
        SEPARATION_SQL.format(score=score, outcomes=outcomes)
    )
    assert outcome_months > 0
    assert other_months > 0
    difference = float(outcome_score) - float(other_score)
    print(
        f"{score} before a {outcome}: {float(outcome_score):.2f} over {outcome_months} "
        f"customer-months; others: {float(other_score):.2f} over {other_months}; "
        f"difference {difference:.2f}"
    )
    assert sign * difference > 0


LEAD_SEPARATION_SQL = """
select
    avg(case when has_opportunity_within_window then lead_quality_score end) as converted_score,
    avg(case when not has_opportunity_within_window then lead_quality_score end) as other_score,
    count(case when has_opportunity_within_window then lead_quality_score end) as converted_leads,
    count(case when not has_opportunity_within_window then lead_quality_score end) as other_leads
from marts.fct_leads
where is_funnel_window_closed
"""


def test_leads_reaching_an_opportunity_had_a_higher_lead_quality_score(warehouse: Warehouse) -> None:
    """Decided leads with an opportunity within the funnel window scored higher than the others."""
    [(converted_score, other_score, converted_leads, other_leads)] = warehouse.query(LEAD_SEPARATION_SQL)
    assert converted_leads > 0
    assert other_leads > 0
    print(
        f"lead_quality_score: {float(converted_score):.2f} over {converted_leads} leads with an "
        f"opportunity; {float(other_score):.2f} over {other_leads} without"
    )
    assert float(converted_score) > float(other_score)
