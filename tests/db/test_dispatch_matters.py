"""The matters list: the seven domains shipped, administrators' edits, and admission (事务准入)."""
from __future__ import annotations

import pytest

from desk.services import dispatch as dsp
from desk.services.dispatch.codes import DOMAINS
from desk.services.errors import PermissionDenied, ValidationError
from tests.board_support import ADMIN, LEADER, WANG
from tests.dispatch_support import accepted_event, street


def test_the_shipped_list_covers_the_seven_domains_each_matter_naming_a_department(ctx):
    matters = dsp.list_matters(ctx.as_actor(WANG))
    assert {m.domain for m in matters} == set(DOMAINS)
    assert all(m.department and m.limit_hours > 0 for m in matters)
    assert len(matters) >= 30


def test_a_proposed_matter_is_not_used_until_admitted_and_the_decision_names_who_and_why(ctx):
    st = street(ctx)
    new = dsp.propose_matter(ctx.as_actor(WANG), "self_gov", "高空抛物隐患排查", "物业", 24, "近期多起高空抛物投诉",
                             keywords=["高空抛物"])
    assert new.status == "proposed"
    eid = accepted_event(ctx, st, "有人高空抛物", "楼上高空抛物砸坏车辆")
    assert dsp.propose_route(ctx.as_actor(WANG), eid).matter != "高空抛物隐患排查"
    with pytest.raises(PermissionDenied):
        dsp.decide_matter(ctx.as_actor(WANG), new.id, True, "同意")
    with pytest.raises(ValidationError):
        dsp.decide_matter(ctx.as_actor(LEADER), new.id, True, "")
    done = dsp.decide_matter(ctx.as_actor(LEADER), new.id, True, "平安建设领导小组会议同意纳入")
    assert (done.status, done.decided_by, done.decision_reason) == ("approved", "zhang", "平安建设领导小组会议同意纳入")
    p = dsp.propose_route(ctx.as_actor(WANG), eid)
    assert (p.matter, p.department) == ("高空抛物隐患排查", "物业")
    with pytest.raises(ValidationError):
        dsp.decide_matter(ctx.as_actor(LEADER), new.id, False, "再议")


def test_a_rejected_matter_stays_out_of_the_list(ctx):
    street(ctx)
    new = dsp.propose_matter(ctx.as_actor(WANG), "employment", "代收快递", "人社", 24, "群众需要")
    dsp.decide_matter(ctx.as_actor(ADMIN), new.id, False, "与网格员职责不相匹配，不得下放网格")
    assert new.id not in {m.id for m in dsp.list_matters(ctx.as_actor(WANG))}
    assert [m.status for m in dsp.list_matters(ctx.as_actor(WANG), status="rejected")] == ["rejected"]


def test_an_unknown_department_or_domain_is_refused(ctx):
    street(ctx)
    with pytest.raises(ValidationError) as err:
        dsp.propose_matter(ctx.as_actor(WANG), "sports", "广场舞", "文体", 24, "噪声")
    assert len(err.value.problems) == 2


def test_only_an_administrator_edits_the_list(ctx):
    street(ctx)
    m = next(m for m in dsp.list_matters(ctx.as_actor(WANG)) if m.code == "M0201")
    with pytest.raises(PermissionDenied):
        dsp.edit_matter(ctx.as_actor(LEADER), m.id, limit_hours=12)
    edited = dsp.edit_matter(ctx.as_actor(ADMIN), m.id, limit_hours=12, expected_version=m.version)
    assert edited.limit_hours == 12
    from desk.services.errors import ConflictError
    with pytest.raises(ConflictError):
        dsp.edit_matter(ctx.as_actor(ADMIN), m.id, limit_hours=8, expected_version=m.version)
