"""The rule-based churn risk score separates customers who churned from customers who stayed.

On the demo data, the average churn_risk_score of customers in the three months before their churn
month must be higher than that of customer-months followed by no churn in the next three months.
Only months whose three-month horizon lies inside the data are compared, so a customer near the
end of the data is not counted as staying merely because its future is unknown.
"""

from __future__ import annotations

from conftest import Warehouse

SEPARATION_SQL = """
with

churns as (
    select customer_id, month_start_date as churn_month_start_date
    from marts.fct_customer_mrr_monthly
    where movement_type = 'churn'
),

horizon as (
    select max(month_start_date) - interval 3 month as last_observable_month_start_date
    from marts.fct_customer_mrr_monthly
),

scored as (
    select
        health.customer_id,
        health.month_start_date,
        health.churn_risk_score,
        exists (
            select 1
            from churns
            where
                churns.customer_id = health.customer_id
                and churns.churn_month_start_date > health.month_start_date
                and churns.churn_month_start_date <= health.month_start_date + interval 3 month
        ) as churns_within_3_months
    from marts.fct_customer_health_monthly as health
    cross join horizon
    where health.month_start_date <= horizon.last_observable_month_start_date
)

select
    avg(case when churns_within_3_months then churn_risk_score end) as churner_risk,
    avg(case when not churns_within_3_months then churn_risk_score end) as stayer_risk,
    count(case when churns_within_3_months then 1 end) as churner_months,
    count(case when not churns_within_3_months then 1 end) as stayer_months
from scored
"""


def test_churners_had_higher_churn_risk_before_churning(warehouse: Warehouse) -> None:
    """Customer-months in the 3 months before a churn score higher risk than those of stayers."""
    [(churner_risk, stayer_risk, churner_months, stayer_months)] = warehouse.query(SEPARATION_SQL)
    assert churner_months > 0
    assert stayer_months > 0
    difference = float(churner_risk) - float(stayer_risk)
    print(
        f"churn_risk_score before churn: {float(churner_risk):.2f} over {churner_months} "
        f"customer-months; staying: {float(stayer_risk):.2f} over {stayer_months}; "
        f"difference {difference:.2f}"
    )
    assert difference > 0
