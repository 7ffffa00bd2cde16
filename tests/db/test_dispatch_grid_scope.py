"""A grid worker's dispatch inbox holds the cases of their own grids, and they verify only those
(the inbox listed the whole street's cases, and a case in another grid could be verified)."""
from __future__ import annotations

import sys
from dataclasses import replace
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from board_support import LIAISON, WANG, new, small_street  # noqa: E402
from registry_support import grid_worker_of  # noqa: E402

from desk.services import dispatch as dsp  # noqa: E402
from desk.services import incidents as inc  # noqa: E402
from desk.services.errors import PermissionDenied  # noqa: E402


def fed_back_case(ctx, department_id, **kw) -> int:
    duty = ctx.as_actor(WANG)
    e = new(duty, **kw)
    inc.transition(duty, e.id, "accept")
    did = dsp.dispatch_event(duty, e.id, department_id)
    liaison = ctx.as_actor(replace(LIAISON, department_id=department_id))
    dsp.accept(liaison, did)
    dsp.feedback(liaison, did, "已处理", [])
    return did


def test_a_grid_worker_sees_and_verifies_only_the_cases_of_their_grids(ctx):
    sm = small_street(ctx)
    mine = fed_back_case(ctx, sm.department_id, title="楼道堆放杂物", address="兴钢社区1号楼")
    theirs = fed_back_case(ctx, sm.department_id, title="村口电线裸露", address="李辉庄东头")
    worker = ctx.as_actor(grid_worker_of(ctx, sm.grid1, sm.worker_id))
    assert [c.dispatch_id for c in dsp.inbox(worker)] == [mine]
    with pytest.raises(PermissionDenied):
        dsp.verify(worker, theirs, "passed")
    with pytest.raises(PermissionDenied):
        dsp.case_detail(worker, theirs)
    dsp.verify(worker, mine, "passed")
    assert dsp.case_detail(ctx.as_actor(WANG), mine).case.state == "verified"
    assert {c.dispatch_id for c in dsp.inbox(ctx.as_actor(WANG))} >= {mine, theirs}  # duty staff: the whole street
