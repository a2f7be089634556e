"""valid_rows, the one row test of every model (tests/generic/valid_rows.sql), fails on each rule it
carries and names the row and the rule: run through `dbt show` on a small inline table written for
it (the in-memory lint target, so no warehouse is needed), with the expected failures worked out by
hand from the rows below."""

from __future__ import annotations

import json
from pathlib import Path

from conftest import dbt_files_in, run_dbt

ROWS = """
    select * from (values
        (1, 'a', 10, 'USD', 1, 2, 'x'),
        (null, 'a', 10, 'USD', 1, 2, null),
        (3, 'a', 10, 'USD', 1, 2, null),
        (3, 'b', 10, 'USD', 1, 2, null),
        (4, 'z', 10, 'USD', 1, 2, 'x'),
        (5, 'a', -1, 'usd', 1, 2, null),
        (6, 'a', 10, 'USD', 3, 2, null),
        (7, 'a', 10, 'USD', null, 2, null),
        (8, null, null, null, 1, 2, null),
        (9, 'a', 100, 'USD', 1, 2, null),
        (10, 'a', 10, 'USD', 0, 0, null)
    ) as test_rows (id, kind, amount, currency, low, high, code)
"""

RULES = {
    "key": ["id"],
    "not_null": ["kind"],
    "unique": ["code"],
    "accepted_values": {"kind": ["a", "b"]},
    "accepted_range": {"amount": {"min_value": 0, "max_value": 100, "inclusive": False}},
    "currency_code": ["currency"],
    "expressions": [{"expression": "low <= high", "description": "low is never above high"}, "high > 0"],
}


def test_each_rule_fails_on_its_row_and_names_key_and_rule(tmp_path: Path) -> None:
    # JSON is also Jinja: a double-quoted string and a dict of lists.
    model = json.dumps("(" + " ".join(ROWS.split()) + ") as checked")
    call = "{{ test_valid_rows(model=" + model + ", **" + json.dumps(RULES) + ") }}"
    env = {"REVOPS_TARGET": "lint", **dbt_files_in(tmp_path)}
    show = ["show", "--inline", call, "--limit", "100", "--output", "json", "--log-format", "json"]
    result = run_dbt(show, env)
    shown = next(
        json.loads(event["data"]["preview"])
        for event in map(json.loads, result.output.splitlines())
        if event["info"]["name"] == "ShowNode"
    )
    assert sorted((row["row_key"], row["failed_rules"]) for row in shown) == sorted(
        [
            ("id=null", "id: not_null"),  # a null key
            ("id=3", "id: unique"),  # two rows with key 3: one failure for the key
            ("id=4", "kind: accepted_values"),  # z is not a or b
            ("code=x", "code: unique"),  # rows 1 and 4 share code x; the nulls of code may repeat
            ("id=5", "amount: accepted_range; currency: currency_code"),  # -1 < 0 and usd is lower case
            ("id=6", "low is never above high"),  # 3 > 2: the description names the failure
            ("id=7", "low is never above high"),  # null <= 2 is null, which fails
            ("id=8", "kind: not_null"),  # null amount and currency pass their rules
            ("id=9", "amount: accepted_range"),  # 100 is outside an exclusive range up to 100
            ("id=10", "high > 0"),  # an expression without description names itself
        ]
    )
