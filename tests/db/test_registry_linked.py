"""A department liaison sees in the registry only the people linked to their department's open or recent
cases: by the visit that raised the event, by the caller's phone, by the event's address. Masked, every
look audited, anyone else refused."""
from __future__ import annotations

import json
from datetime import date

import pytest
from sqlalchemy import select

from desk.models import AuditRecord
from desk.services import dispatch as dsp
from desk.services import registry as reg
from desk.services.errors import PermissionDenied
from desk.services.registry.visits import VisitInput
from tests.board_support import LEADER, WANG
from tests.dispatch_support import accepted_event, street
from tests.registry_support import person


@pytest.fixture
def linked(ctx):
    """消防 has a case whose caller is 张三 (same phone); 城管 a case at 李四's flat; 王五 is linked to nothing;
    赵六's visit raised an event dispatched to 消防 too."""
    st = street(ctx)
    duty = ctx.as_actor(WANG)
    g = st.small.grid1
    zhang = reg.add_person(duty, person(g, "张三", seq=123, phone="13812341234", address="兴钢社区3号楼1单元101"))
    li = reg.add_person(duty, person(g, "李四", seq=125, phone="13900001111", address="兴钢社区5号楼2单元202"))
    wang = reg.add_person(duty, person(g, "王五", seq=127, phone="13700002222", address="兴钢社区6号楼1单元301"))
    zhao = reg.add_person(duty, person(g, "赵六", seq=129, phone="", address="兴钢社区7号楼1单元101"))
    e1 = accepted_event(ctx, st, "楼道堆放杂物", kind="fire_hazard", phone="138 1234 1234", address="兴钢社区3号楼")
    e2 = accepted_event(ctx, st, "占道经营", kind="request", sub_kind="stall", address="兴钢社区5号楼2单元202")
    vid = reg.record_visit(duty, VisitInput(date(2026, 11, 24), "王丽", "电动车在楼道充电", person_id=zhao.id))
    e3 = reg.visit_to_board(duty, vid, "fire_hazard")
    from desk.services.incidents import transition
    transition(duty, e3, "accept")
    d1 = dsp.dispatch_event(duty, e1, st.dept["消防"])
    d2 = dsp.dispatch_event(duty, e2, st.dept["城管"])
    dsp.dispatch_event(duty, e3, st.dept["消防"])
    return st, {"zhang": zhang.id, "li": li.id, "wang": wang.id, "zhao": zhao.id}, (e1, e2, e3), (d1, d2)


def audits(ctx, action):
    with ctx.read() as s:
        return [(r.entity_id, json.loads(r.after) if isinstance(r.after, str) else r.after)
                for r in s.scalars(select(AuditRecord).where(AuditRecord.action == action).order_by(AuditRecord.id))]


def test_the_one_rule_links_by_visit_by_caller_phone_and_by_exact_address(ctx, linked):
    st, who, (e1, e2, e3), _ = linked
    with ctx.read() as s:
        fire = reg.department_links(s, st.dept["消防"], ctx.clock.now())
        city = reg.department_links(s, st.dept["城管"], ctx.clock.now())
    assert fire == {who["zhang"]: {e1: ("phone",)}, who["zhao"]: {e3: ("visit", "address")}}
    assert city == {who["li"]: {e2: ("address",)}}   # 3号楼 (a building) links no one by address


def test_the_liaison_sees_linked_people_masked_with_the_case_number(ctx, linked):
    st, who, (e1, _, e3), _ = linked
    rows = reg.linked_people(ctx.as_actor(st.liaison("消防")))
    assert [r.name for r in rows] == ["赵六", "张三"]         # the newest case first
    zhang = rows[1]
    assert zhang.id_masked == "4104**********" + zhang.id_masked[-4:] and "19850315" not in zhang.id_masked
    assert zhang.phone_masked == "138****1234"
    assert zhang.case_numbers == f"#{e1}" and zhang.cases[0].how_text == "来电号码"
    assert zhang.cases[0].state == "待签收"
    assert rows[0].cases[0].event_id == e3 and rows[0].cases[0].how_text == "走访上报、事发地址为其住址"
    assert not hasattr(zhang, "special")  # no special-population category reaches a liaison
    [(dep, after)] = audits(ctx, "person.linked_list")
    assert int(dep) == st.dept["消防"] and sorted(after["people"]) == sorted([who["zhang"], who["zhao"]])


def test_an_unlinked_person_or_another_departments_person_is_refused(ctx, linked):
    st, who, _, _ = linked
    fire = ctx.as_actor(st.liaison("消防"))
    assert reg.linked_person(fire, who["zhang"]).name == "张三"
    for pid in (who["wang"], who["li"]):  # linked to nothing; linked to 城管's case only
        with pytest.raises(PermissionDenied) as refused:
            reg.linked_person(fire, pid)
        assert refused.value.permission == "registry.linked"
    with pytest.raises(PermissionDenied):
        reg.linked_people(fire, department_id=st.dept["城管"])
    assert [name for name in (r.name for r in reg.linked_people(ctx.as_actor(st.liaison("城管"))))] == ["李四"]
    assert reg.linked_people(ctx.as_actor(st.liaison("物业"))) == []
    assert [int(pid) for pid, _ in audits(ctx, "person.linked_view")] == [who["zhang"]]


def test_no_other_role_gets_the_linked_list_and_a_liaison_no_registry_read(ctx, linked):
    st, who, _, _ = linked
    for actor in (WANG, LEADER):
        with pytest.raises(PermissionDenied):
            reg.linked_people(ctx.as_actor(actor))
    fire = ctx.as_actor(st.liaison("消防"))
    for call in (lambda: reg.search_people(fire, "张"), lambda: reg.person_row(fire, who["zhang"]),
                 lambda: reg.visits_of(fire, person_id=who["zhang"]),
                 lambda: reg.edit_person(fire, who["zhang"], None, name="张三三")):
        with pytest.raises(PermissionDenied):
            call()


def test_a_case_rerouted_away_links_for_a_week_then_no_more(ctx, clock, linked):
    st, who, (e1, _, _), (d1, _) = linked
    dsp.reroute(ctx.as_actor(WANG), d1, st.dept["城管"], "属占道问题")
    fire, city = ctx.as_actor(st.liaison("消防")), ctx.as_actor(st.liaison("城管"))
    assert who["zhang"] in [r.id for r in reg.linked_people(fire)]      # the inbox still shows it this week
    assert who["zhang"] in [r.id for r in reg.linked_people(city)]
    clock.advance(days=8)
    assert who["zhang"] not in [r.id for r in reg.linked_people(fire)]
    with pytest.raises(PermissionDenied):
        reg.linked_person(fire, who["zhang"])
    assert reg.linked_person(city, who["zhang"]).cases[0].event_id == e1   # open there: still linked
