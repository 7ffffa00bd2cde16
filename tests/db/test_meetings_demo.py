"""The demo street's meeting routine: meetings (some missed), decisions, action items (some overdue and
carried over), trainings, patrols and drills; a demo meeting's minutes printed and read back."""
from __future__ import annotations

import shutil
import subprocess
from datetime import date

import pytest
from sqlalchemy import func, select

from desk.demo import DemoOptions, build_demo
from desk.models import ActionItem, Meeting, RoutineRecord
from desk.reports.meetings import print_meeting
from desk.services.meetings import get_meeting, items, rhythm
from tests.board_support import WANG


def test_the_demo_street_runs_its_meeting_routine_and_its_minutes_print(ctx, tmp_path):
    result = build_demo(ctx, DemoOptions(seed=3, households=2000, days=120))
    assert any("次会议" in part for part in result.parts)
    duty = ctx.as_actor(WANG)
    with ctx.read() as s:
        kinds = dict(s.execute(select(Meeting.kind, func.count()).group_by(Meeting.kind)).all())
        n_items = s.scalar(select(func.count()).select_from(ActionItem))
        routine = dict(s.execute(select(RoutineRecord.kind, func.count()).group_by(RoutineRecord.kind)).all())
        weekly = s.scalar(select(Meeting.id).where(Meeting.kind == "weekly").order_by(Meeting.day.desc()).limit(1))
    assert kinds["daily"] > 200 and 12 <= kinds["weekly"] <= 18 and kinds["monthly"] >= 3
    assert n_items > 50 and {"training", "patrol", "drill"} <= set(routine)
    missed = rhythm.week(duty, date(2026, 11, 18)).missed()
    assert missed  # some daily meetings were not held
    open_items = items(duty)
    assert any(r.effective == "overdue" for r in open_items) and any(r.carried for r in open_items)
    assert [r.effective for r in open_items] == sorted((r.effective for r in open_items),
                                                       key=lambda e: e != "overdue")
    detail = get_meeting(duty, weekly)
    assert detail.items and detail.decisions
    if shutil.which("pdftotext") is None:
        pytest.skip("poppler-utils not installed")
    out = tmp_path / "周研判纪要.pdf"
    print_meeting(duty, weekly, out)
    text = "".join(subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True,
                                  check=True).stdout.split())
    assert "院岭街道警网融合中心" in text and "周研判会议纪要" in text
    assert detail.items[0].title in text and detail.items[0].owner_name in text
    assert detail.attendees[0].name in text
