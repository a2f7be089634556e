"""The demo-data generator is deterministic, the committed seeds are its default output, and its CSV
headers follow the raw data contract.

The generator runs as a user runs it (a subprocess with this interpreter); nothing here touches the
warehouse. A full column-by-column check against the sources YAML happens in the raw-loading tests.
"""

from __future__ import annotations

import csv
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

PROJECT_DIR = Path(__file__).resolve().parents[2]
GENERATOR = PROJECT_DIR / "scripts" / "generate_data.py"
SEEDS_DIR = PROJECT_DIR / "seeds"
SOURCES = ("crm", "billing", "support", "product", "revops")
TABLE_COUNT = 41  # raw tables in the contract


def generate(out: Path, *options: str) -> dict[str, bytes]:
    """Run the generator into `out` and return its CSV files (relative path -> bytes)."""
    completed = subprocess.run(
        [sys.executable, str(GENERATOR), "--out", str(out), "--quiet", *options],
        cwd=PROJECT_DIR,
        capture_output=True,
        text=True,
        check=False,
    )
    assert completed.returncode == 0, completed.stderr[-4000:]
    assert completed.stdout == "" and completed.stderr == "", "--quiet must print nothing"
    return csv_files(out)


def csv_files(root: Path) -> dict[str, bytes]:
    """Every raw CSV under root/<source>/ (reference seeds elsewhere under seeds/ are not ours)."""
    return {
        path.relative_to(root).as_posix(): path.read_bytes()
        for source in SOURCES
        for path in sorted((root / source).glob("*.csv"))
    }


def test_same_seed_gives_identical_bytes_and_another_seed_does_not(tmp_path: Path) -> None:
    first = generate(tmp_path / "first", "--scale", "0.05")
    second = generate(tmp_path / "second", "--scale", "0.05")
    other_seed = generate(tmp_path / "other", "--scale", "0.05", "--seed", "7")

    assert len(first) == TABLE_COUNT
    assert first == second, [name for name in first if first[name] != second.get(name)]
    assert sorted(other_seed) == sorted(first)
    changed = [name for name in first if first[name] != other_seed[name]]
    assert len(changed) > TABLE_COUNT // 2, f"only {changed} changed with another seed"


def test_parquet_holds_the_csv_rows_as_the_loader_reads_them_and_is_deterministic(tmp_path: Path) -> None:
    """--format parquet writes the same rows the CSV gives the raw loader (its read_csv options: all
    text, an empty field null), byte-identical again on a second run, and no CSV beside it."""
    as_csv = tmp_path / "csv"
    generate(as_csv, "--scale", "0.05")
    first, second = tmp_path / "parquet", tmp_path / "parquet_again"
    for out in (first, second):
        generate(out, "--scale", "0.05", "--format", "parquet")

    files = sorted(path.relative_to(first).as_posix() for path in first.glob("*/*.parquet"))
    assert len(files) == TABLE_COUNT and not list(first.glob("*/*.csv"))
    assert [(first / f).read_bytes() for f in files] == [(second / f).read_bytes() for f in files]
    with duckdb.connect() as connection:
        for name in files:
            csv_rows, parquet_rows = (
                connection.execute(sql).fetchall()
                for sql in (
                    f"select * from read_csv('{as_csv / name.replace('.parquet', '.csv')}', header = true, "
                    "all_varchar = true, delim = ',', quote = '\"', escape = '\"')",
                    f"select * from read_parquet('{first / name}')",
                )
            )
            assert parquet_rows == csv_rows, name


def test_committed_seeds_equal_the_generators_default_output(tmp_path: Path) -> None:
    committed = csv_files(SEEDS_DIR)
    regenerated = generate(tmp_path / "seeds")

    assert sorted(committed) == sorted(regenerated), "committed seeds and generated tables differ in files"
    stale = [name for name in regenerated if committed[name] != regenerated[name]]
    assert not stale, f"seeds/ is not the default output of scripts/generate_data.py: {stale} (regenerate)"


def test_regenerating_keeps_the_teams_own_targets_and_schedule(tmp_path: Path) -> None:
    """`make data` into a directory that already has a team's targets (or support schedule) keeps
    those files byte for byte and regenerates every other table."""
    out = tmp_path / "seeds"
    first = generate(out, "--scale", "0.05")
    own_files = ("revops/kpi_targets.csv", "support/business_hours.csv", "support/holidays.csv")
    for name in own_files:
        (out / name).write_bytes(b"edited by the team\n")
    (out / "crm" / "leads.csv").write_bytes(b"stale demo table\n")

    second = generate(out, "--scale", "0.05")

    assert {name: second[name] for name in own_files} == dict.fromkeys(own_files, b"edited by the team\n")
    assert second["crm/leads.csv"] == first["crm/leads.csv"]


EXPECTED_HEADERS = {
    "crm/opportunities.csv": (
        "Id,Name,AccountId,Type,StageName,Amount,CurrencyIsoCode,Probability,CreatedDate,CloseDate,IsClosed,"
        "IsWon,OwnerId,CampaignId,IsDeleted,SystemModstamp,_loaded_at"
    ),
    "billing/invoice_line_items.csv": (
        "id,invoice_id,subscription_id,price_id,type,description,quantity,amount,discount_amount,is_proration,"
        "period_start,period_end,currency,_loaded_at"
    ),
    "support/ticket_events.csv": (
        "id,ticket_id,event_type,author_id,author_role,field_name,previous_value,value,is_public,created_at,"
        "_loaded_at"
    ),
}


@pytest.mark.parametrize("relative_path", sorted(EXPECTED_HEADERS))
def test_header_follows_the_contract(relative_path: str) -> None:
    with (SEEDS_DIR / relative_path).open(newline="") as handle:
        header = next(csv.reader(handle))
    assert header == EXPECTED_HEADERS[relative_path].split(",")


def test_every_table_has_rows_and_ends_with_loaded_at() -> None:
    files = sorted(path for source in SOURCES for path in (SEEDS_DIR / source).glob("*.csv"))
    assert len(files) == TABLE_COUNT
    for path in files:
        with path.open(newline="") as handle:
            header, *rows = list(csv.reader(handle))
        assert header[-1] == "_loaded_at", path
        assert rows, f"{path} has no rows"
        assert all(len(row) == len(header) for row in rows), path


def test_committed_seeds_stay_small() -> None:
    """Scale 1 (about 1,000 billing customers) stays a few MB: at most 12 MB of raw CSV in all (10 MB
    until the optional web page views (about 0.9 MB) and lifecycle and churn-survey tables (about
    0.45 MB) came in)."""
    total = sum(len(content) for content in csv_files(SEEDS_DIR).values())
    assert total <= 12_000_000, f"the committed seeds take {total:,} bytes"
