"""The big screen's live board on both engines: its counts by status, overdue, urgent and escalated
equal a count made here from the raw rows; overdue events lead the list, longest late first; what
falls due next is in order; whose turn names a department or a grid, never a person; and nothing a
caller said, their name, phone or address is in what the screen gets."""
from __future__ import annotations

import dataclasses
import sys
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from board_support import GRIDMAN, LEADER, WANG, new, small_street  # noqa: E402

from desk.models import Event  # noqa: E402
from desk.services import dispatch as dsp  # noqa: E402
from desk.services import incidents as inc  # noqa: E402
from desk.services.errors import PermissionDenied  # noqa: E402
from desk.services.figures.wall_board import wall_board, wall_map  # noqa: E402
from desk.services.incidents import codes  # noqa: E402
from desk.services.incidents.deadlines import load_limits  # noqa: E402
from desk.services.incidents.rows import to_row  # noqa: E402

CALLERS = ("钱秀英", "孙建军", "周玉兰")
PHONES = ("13912345678", "13698765432", "15011112222")
SECRET_TITLES = ("王家楼道电动车充电", "3号楼漏水纠纷", "路口井盖缺失")
ADDRESSES = ("兴钢社区1号楼2单元301", "兴钢社区3号楼1单元101", "李辉庄村东头")


def busy_board(ctx, clock):
    """Seven events a morning at the desk leaves in every state the wall counts."""
    st = small_street(ctx)
    duty = ctx.as_actor(WANG)
    ids = {}
    ids["late_report"] = new(duty, title=SECRET_TITLES[0], kind="fire_hazard", sub_kind="ebike", grid_id=st.grid1,
                             reporter_name=CALLERS[0], phone=PHONES[0], address=ADDRESSES[0]).id
    e = new(duty, title=SECRET_TITLES[1], kind="dispute", sub_kind="neighbour", grid_id=st.grid2,
            reporter_name=CALLERS[1], phone=PHONES[1], address=ADDRESSES[1])
    inc.transition(duty, e.id, "accept")
    inc.transition(duty, e.id, "handle_in_grid")
    ids["dispute"] = e.id
    e = new(duty, title=SECRET_TITLES[2], kind="safety_hazard", sub_kind="road", grid_id=st.village_grid,
            reporter_name=CALLERS[2], phone=PHONES[2], address=ADDRESSES[2])
    inc.transition(duty, e.id, "accept")
    dsp.dispatch_event(duty, e.id, st.department_id)
    ids["dispatched"] = e.id
    clock.advance(hours=5)                        # the dispute's first level (4 h) has run out
    inc.escalate_overdue(duty)
    ids["urgent"] = new(duty, title="紧急：燃气味道", kind="safety_hazard", sub_kind="gas", urgent=True,
                        grid_id=st.grid1).id
    ids["fresh"] = new(duty, title="路灯不亮", kind="request", sub_kind="lighting", grid_id=st.grid2).id
    done = new(duty, title="已办完的事", kind="other", grid_id=st.grid1)
    for action in ("accept", "handle_in_grid"):
        inc.transition(duty, done.id, action)
    inc.transition(ctx.as_actor(GRIDMAN), done.id, "feedback")
    for action in ("verify", "close"):
        inc.transition(duty, done.id, action)
    gone = new(duty, title="重复上报", kind="other", grid_id=st.grid1)
    inc.transition(duty, gone.id, "cancel", reason="重复")
    clock.advance(minutes=10)
    return st, ids


def by_hand(ctx, now):
    """The board's figures counted here from the raw event rows."""
    with ctx.read() as s:
        limits = load_limits(s)
        events = [e for e in s.scalars(select(Event)) if e.is_open]
        rows = [to_row(e, None, None, None, None, limits) for e in events]
    per = {}
    for e in events:
        per[e.status] = per.get(e.status, 0) + 1
    return {"open": len(events), "per_status": per, "red": sum(r.deadline(now) == "red" for r in rows),
            "urgent": sum(e.urgent for e in events),
            "escalated": sum(e.kind == "dispute" and e.ladder_level >= 2 for e in events)}


def test_the_walls_board_counts_equal_a_count_of_the_raw_rows(ctx, clock):
    _st, ids = busy_board(ctx, clock)
    board = wall_board(ctx.as_actor(LEADER))
    hand = by_hand(ctx, clock.now())
    assert board.counts.open == hand["open"] == 5
    assert dict(board.counts.per_status) == hand["per_status"]
    assert [s for s, _ in board.counts.per_status] == [s for s in codes.OPEN_STATUSES if s in hand["per_status"]]
    assert board.counts.red == hand["red"] and board.counts.urgent == hand["urgent"] == 1
    assert board.escalated == hand["escalated"] == 1
    assert board.reported_today == 7 - 1 and board.closed_today == 1   # the cancelled one is not counted
    listed = {e.id for e in board.attention}
    # the overdue report, the escalated dispute and the urgent report (not yet late)
    assert board.attention_total == len(listed) == hand["red"] + 2 == 3
    assert {ids["late_report"], ids["dispute"], ids["urgent"]} <= listed and ids["fresh"] not in listed


def test_overdue_events_lead_the_list_longest_late_first_and_what_falls_due_next_follows(ctx, clock):
    _st, ids = busy_board(ctx, clock)
    now = clock.now()
    board = wall_board(ctx.as_actor(LEADER))
    late = [e for e in board.attention if e.overdue]
    assert late == list(board.attention[:len(late)])
    assert [e.due_at for e in late] == sorted(e.due_at for e in late) and all(e.due_at <= now for e in late)
    first = board.attention[0]
    assert first.id == ids["late_report"] and first.status == "reported" and first.grid_name == "兴钢社区第1网格"
    assert first.community_name == "兴钢社区" and first.kind == "fire_hazard"
    upcoming = [e.due_at for e in board.next_due]
    assert upcoming == sorted(upcoming) and all(t > now for t in upcoming)
    assert ids["fresh"] in {e.id for e in board.next_due}
    dispute = next(e for e in board.attention if e.id == ids["dispute"])
    assert dispute.escalated and dispute.ladder_level == 2
    dispatched = next(e for e in board.attention + board.next_due if e.id == ids["dispatched"])
    assert dispatched.department_name == "消防" and dispatched.assignee_name == ""


def test_nothing_a_caller_said_or_who_they_are_reaches_the_wall(ctx, clock):
    busy_board(ctx, clock)
    leader = ctx.as_actor(LEADER)
    text = repr(wall_board(leader)) + repr(wall_map(leader))
    fields = {f.name for f in dataclasses.fields(wall_board(leader).attention[0])}
    assert not fields & {"title", "text", "address", "reporter_name", "phone", "claimed_name", "description"}
    for secret in (*CALLERS, *PHONES, *SECRET_TITLES, *ADDRESSES, "赵网格"):
        assert secret not in text, secret


def test_the_walls_map_counts_open_and_overdue_events_per_grid(ctx, clock):
    st, _ids = busy_board(ctx, clock)
    m = wall_map(ctx.as_actor(LEADER))
    with ctx.read() as s:
        open_grids = [g for g in s.scalars(select(Event.grid_id).where(Event.is_open.is_(True)))]
    assert sum(n for _, n in m.open_by_grid) == len(open_grids) == len(m.points)
    assert dict(m.open_by_grid) == {g: open_grids.count(g) for g in set(open_grids)}
    assert sum(n for _, n in m.overdue_by_grid) == sum(p.overdue for p in m.points) == by_hand(ctx, clock.now())["red"]
    assert dict(m.open_by_grid)[st.grid1] == 2


def test_grid_staff_and_liaisons_have_no_wall(ctx, clock):
    busy_board(ctx, clock)
    with pytest.raises(PermissionDenied):
        wall_board(ctx.as_actor(GRIDMAN))
    with pytest.raises(PermissionDenied):
        wall_map(ctx.as_actor(GRIDMAN))
    assert timedelta(0) <= clock.now() - wall_board(ctx.as_actor(WANG)).generated_at
