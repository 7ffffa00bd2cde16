"""A seat killed (SIGKILL) in the middle of its writes leaves a consistent database:
no half-made rows, the audit log and the data agree, the chain verifies."""
from __future__ import annotations

import importlib.util
import random
from pathlib import Path

BENCH = Path(__file__).resolve().parents[2] / "bench"


def _load(name):
    spec = importlib.util.spec_from_file_location(name, BENCH / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_a_process_killed_mid_write_leaves_a_consistent_database(db_url, ctx):
    killer, writer = _load("fault_kill"), _load("fault_writer")
    rng = random.Random(7)
    total = 0
    for seed in range(3):
        total += killer.run_and_kill(db_url, seed, rng, after_at_least=rng.randint(5, 15))
    assert total >= 15
    assert writer.inconsistencies(ctx) == []


def test_the_consistency_check_notices_a_half_made_write(db_url, ctx, db):
    writer = _load("fault_writer")
    writer.main([db_url, "--seed", "3", "--max", "12"])
    assert writer.inconsistencies(ctx) == []
    with db.write_engine.begin() as conn:  # what a torn write would look like
        conn.exec_driver_sql("DELETE FROM staff WHERE id = (SELECT MAX(id) FROM staff)")
        conn.exec_driver_sql("UPDATE community SET name = 'x' WHERE id = (SELECT MIN(id) FROM community)")
    found = writer.inconsistencies(ctx)
    assert any("staff rows" in f for f in found) and any("names disagree" in f for f in found)


def test_three_seats_lose_no_write_when_their_connections_are_cut(db_url, ctx):
    if db_url.startswith("sqlite"):
        import pytest
        pytest.skip("server connections are a PostgreSQL matter")
    killer, writer = _load("fault_kill"), _load("fault_writer")
    reported, cuts, retries = killer.seats_through_cuts(db_url, random.Random(11), seats=3, writes=30, cuts=4)
    assert cuts >= 2 and retries >= 1  # the cuts did hit seats in the middle of their work
    assert all(n == 30 for n in reported.values())
    assert {tag: writer.writes_of(ctx, tag) for tag in reported} == reported
    assert writer.inconsistencies(ctx) == []
