"""How the board words time and turns: how late (超时 3小时20分), how long is left, whose turn,
and a date from an earlier year with its year."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta, timezone

from desk.views.board import labels

NOW = datetime(2026, 11, 25, 1, 0, tzinfo=timezone.utc)


@dataclass
class Row:
    status: str = "accepted"
    red_at: datetime | None = None
    ladder_due_at: datetime | None = None
    assignee_name: str = ""
    grid_name: str = ""
    department_name: str = ""
    on_record_until: datetime | None = None

    def deadline(self, now):
        if self.on_record_until:
            return "on_record"
        due = [t for t in (self.red_at, self.ladder_due_at) if t]
        return "red" if due and min(due) <= now else ("ok" if due else "none")


def test_an_overdue_event_says_how_late_it_is():
    assert labels.time_left(Row(red_at=NOW - timedelta(hours=3, minutes=20)), NOW) == "超时 3小时20分"
    assert labels.time_left(Row(red_at=NOW - timedelta(days=1, hours=2)), NOW) == "超时 1天2小时"
    assert labels.time_left(Row(red_at=NOW - timedelta(days=40, hours=5)), NOW) == "超时 40天"


def test_an_event_in_time_says_how_long_is_left_and_a_dispute_level_counts_too():
    assert labels.time_left(Row(red_at=NOW + timedelta(minutes=45)), NOW) == "剩 45分"
    row = Row(red_at=NOW + timedelta(days=2), ladder_due_at=NOW - timedelta(minutes=30))
    assert labels.time_left(row, NOW) == "超时 30分"
    assert labels.time_left(Row(), NOW) == ""
    assert labels.time_left(Row(red_at=NOW, on_record_until=NOW + timedelta(days=3)), NOW) == "挂账"


def test_whose_turn_names_the_duty_seat_the_grid_worker_or_the_department():
    assert labels.next_step(Row(status="reported")) == "受理 · 值班席"
    assert labels.next_step(Row(status="in_grid", assignee_name="刘浩")) == "网格处置 · 刘浩"
    assert labels.next_step(Row(status="in_grid", grid_name="金桥社区第2网格")) == "网格处置 · 金桥社区第2网格网格员"
    assert labels.next_step(Row(status="dispatched", department_name="城管")) == "签收 · 城管"
    assert labels.next_step(Row(status="feedback", assignee_name="黄婷")) == "核查 · 黄婷"
    assert labels.next_step(Row(status="merged")) == ""


def test_a_date_from_an_earlier_year_shows_its_year():
    assert labels.reported(NOW - timedelta(days=3), NOW) == "11-22 09:00"
    assert labels.reported(datetime(2025, 12, 30, 2, 0, tzinfo=timezone.utc), NOW) == "2025-12-30 10:00"
