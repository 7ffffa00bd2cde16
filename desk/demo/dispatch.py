"""Demo dispatches for 院岭街道: for every demo event the board's part sent to a department
(its timeline has a 'dispatch' step and the event names the department), the dispatch record with
its acceptance, feedback, verification, closure and call-back taken from that timeline, plus what
the timeline does not say, in realistic proportions: returns and re-routing (~6%), assisting
departments (about a quarter), failed verifications with a second closing opinion (~7%), extensions (~4%),
urges and supervision on late cases. Deterministic: only the given rng, times from the events.

Runs after the board's part (desk.demo.incidents) in PART_MODULES; with no dispatched events it
adds nothing."""
from __future__ import annotations

import random
from collections import defaultdict
from datetime import datetime, timedelta, timezone

from sqlalchemy import insert, select, text

from desk.demo.incidents import demo_now
from desk.demo.street import DemoStreet
from desk.models import Department, Dispatch, DispatchEntry, DispatchParty, Event, EventStep, Extension
from desk.services.dispatch.codes import ACCEPT_MINUTES, URGENT_ACCEPT_MINUTES
from desk.services.dispatch.matters import matter_rows
from desk.services.dispatch.routing import match_matter
from desk.services.unit import Unit

DEMO_NOW = datetime(2026, 11, 25, 1, 0, tzinfo=timezone.utc)  # the board demo's "now": 09:00 in Shanghai
STATE_OF = {"dispatched": "sent", "handling": "accepted", "returned": "returned", "feedback": "feedback",
            "verified": "verified", "closed": "closed", "called_back": "closed"}
RETURN_REASONS = ("经核实不属于本部门职责", "该地点不在本部门辖区", "属于物业服务合同约定事项，应由物业处理",
                  "需由属地社区先行协调")
FAILED = (("staged", "仅完成阶段性处置，问题未彻底解决"), ("thin", "反馈内容过于简单，无现场照片"),
          ("wrong", "处置对象有误，现场问题依旧"))
FEEDBACK = ("已到现场处置完毕，群众认可", "已责令整改，现场复查合格", "已协调相关方解决，持续跟踪",
            "已维修完成，恢复正常")


def build(u: Unit, rng: random.Random, street: DemoStreet, options) -> str:
    s = u.session
    events = s.execute(select(Event.id, Event.title, Event.description, Event.kind, Event.status, Event.urgent,
                              Event.grid_id, Event.community_id, Event.police, Event.department_id,
                              Event.satisfaction).where(Event.department_id.is_not(None)).order_by(Event.id)).all()
    if not events:
        return "派单：没有已派单的事件，未生成派单记录"
    steps: dict[int, dict[str, list]] = defaultdict(lambda: defaultdict(list))
    for eid, action, at, actor, name in s.execute(
            select(EventStep.event_id, EventStep.action, EventStep.at, EventStep.actor, EventStep.actor_name)
            .join(Event, Event.id == EventStep.event_id).where(Event.department_id.is_not(None))
            .order_by(EventStep.id)):
        steps[eid][action].append((at, actor, name))
    dept_ids = {short: i for short, i in s.execute(select(Department.short_name, Department.id))}
    short_of = {i: short for short, i in dept_ids.items()}
    matters = matter_rows(s)
    gen = _Gen(rng, dept_ids, short_of, (s.scalar(text("SELECT max(id) FROM dispatch")) or 0) + 1)
    gen.now = demo_now(options)
    for ev in events:
        st = steps.get(ev.id)
        if st and st.get("dispatch"):
            matter, _ = match_matter(matters, ev.kind, f"{ev.title} {ev.description}")
            gen.case(ev, st, matter)
    conn = s.connection()
    for model, rows in ((Dispatch, gen.dispatches), (DispatchParty, gen.parties), (DispatchEntry, gen.entries),
                        (Extension, gen.extensions)):
        for i in range(0, len(rows), 5000):
            conn.execute(insert(model.__table__), rows[i:i + 5000])
        if rows and not u.db.sqlite:
            table = model.__tablename__
            s.execute(text(f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), (SELECT max(id) FROM {table}))"))
    for table in ("dispatch", "dispatch_party", "dispatch_entry", "dispatch_extension"):
        u.changed(table, "*", "bulk")
    returned = sum(1 for d in gen.dispatches if d["returned_at"] is not None)
    return f"{len(gen.dispatches)} 条派单（退单 {returned}，联办 {gen.joint}，延期 {len(gen.extensions)}）"


class _Gen:
    def __init__(self, rng, dept_ids, short_of, first_id):
        self.rng, self.dept_ids, self.short_of, self.next_id = rng, dept_ids, short_of, first_id
        self.dispatches: list[dict] = []
        self.parties: list[dict] = []
        self.entries: list[dict] = []
        self.extensions: list[dict] = []
        self.joint = 0
        self.lead: dict[int, dict] = {}

    def _entry(self, d: dict, kind: str, at, actor, name, text="", outcome="", level=0, round_=0, dept=None):
        self.entries.append(dict(dispatch_id=d["id"], event_id=d["event_id"], department_id=dept or d["department_id"],
                                 at=at, kind=kind, outcome=outcome, level=level, round=round_, text=text,
                                 attachments="[]", actor=actor, actor_name=name))

    def _dispatch(self, ev, dept: int, at, who, matter, state: str) -> dict:
        limit = timedelta(hours=matter.limit_hours if matter else 24)
        proposed = self.dept_ids.get(matter.department) if matter else None
        d = dict(id=self.next_id, event_id=ev.id, matter_id=matter.id if matter else None, department_id=dept,
                 grid_id=ev.grid_id, community_id=ev.community_id, police=ev.police, instructions="",
                 dispatched_at=at, dispatched_by=who[1], dispatched_name=who[2],
                 accept_by=at + timedelta(minutes=URGENT_ACCEPT_MINUTES if ev.urgent else ACCEPT_MINUTES),
                 deadline_at=at + limit, proposed_department_id=proposed,
                 routing_reason=f"事项清单：{matter.name}，责任部门 {matter.department}" if matter else "",
                 overridden=proposed is not None and proposed != dept,
                 override_reason="值班员根据现场情况改派" if proposed is not None and proposed != dept else "",
                 state=state, active=True, accepted_at=None, accepted_by=None, returned_at=None, return_reason=None,
                 feedback_at=None, last_feedback_at=None, closed_at=None, satisfaction=None, rounds=0, reopened=0, urgent=ev.urgent,
                 supervision=0, version=1)
        self.next_id += 1
        self.dispatches.append(d)
        self.lead[d["id"]] = dict(dispatch_id=d["id"], department_id=dept, role="lead", accepted_at=None,
                                  accepted_by=None)
        self.parties.append(self.lead[d["id"]])
        self._entry(d, "dispatch", at, who[1], who[2], f"承办 {self.short_of.get(dept, '')}")
        if d["overridden"]:
            self._entry(d, "override", at, who[1], who[2],
                        f"建议 {matter.department}，改派 {self.short_of.get(dept, '')}：{d['override_reason']}")
        return d

    def case(self, ev, st, matter) -> None:
        rng = self.rng
        at, actor, name = st["dispatch"][0]
        who = (at, actor, name)
        if rng.random() < 0.06:  # first sent to the wrong department, returned, re-routed
            wrong = rng.choice([i for i in self.short_of if i != ev.department_id])
            sent = at - timedelta(minutes=rng.randint(40, 180))
            bad = self._dispatch(ev, wrong, sent, (sent, actor, name), matter, "rerouted")
            back = sent + timedelta(minutes=rng.randint(5, 35))
            bad.update(returned_at=back, return_reason=rng.choice(RETURN_REASONS), active=False)
            self._entry(bad, "return", back, "liaison", f"{self.short_of[wrong]}联络员", bad["return_reason"])
            self._entry(bad, "reroute", at, actor, name, f"改派 {self.short_of.get(ev.department_id, '')}")
            self._entry(bad, "reroute_notice", at, actor, name, "案件已改派，本部门无需再办理")
        d = self._dispatch(ev, ev.department_id, at, who, matter, STATE_OF.get(ev.status, "accepted"))
        if matter and matter.assist and rng.random() < 0.4:
            for short in matter.assist:
                if short in self.dept_ids and self.dept_ids[short] != d["department_id"]:
                    self.parties.append(dict(dispatch_id=d["id"], department_id=self.dept_ids[short], role="assist",
                                             accepted_at=None, accepted_by=None))
            self.joint += 1
        if st.get("start"):
            t, _, _ = st["start"][0]
            d.update(accepted_at=t, accepted_by="liaison")
            self.lead[d["id"]].update(accepted_at=t, accepted_by="liaison")
            self._entry(d, "accept", t, "liaison", "部门联络员", "按时签收" if t <= d["accept_by"] else "超时签收",
                        "on_time" if t <= d["accept_by"] else "late")
            if rng.random() < 0.04:
                self._extension(d, t)
        if st.get("feedback"):
            t, _, _ = st["feedback"][0]
            first = t
            if d["accepted_at"] and rng.random() < 0.07:
                earlier = d["accepted_at"] + (t - d["accepted_at"]) / 3
                outcome, why = rng.choice(FAILED)
                self._entry(d, "feedback", earlier, "liaison", "部门联络员", "已处理", round_=1)
                self._entry(d, "verify", earlier + (t - earlier) / 2, "grid", "网格员", why, outcome, round_=1)
                d["rounds"], first = 1, earlier
            d["rounds"] += 1
            d["feedback_at"], d["last_feedback_at"] = first, t
            self._entry(d, "feedback", t, "liaison", "部门联络员", rng.choice(FEEDBACK), round_=d["rounds"])
        if st.get("verify"):
            t, a, n = st["verify"][0]
            self._entry(d, "verify", t, a, n, "核查通过", "passed", round_=d["rounds"])
        if st.get("close"):
            t, a, n = st["close"][0]
            d["closed_at"] = t
            self._entry(d, "close", t, a, n)
        if st.get("call_back") and ev.satisfaction in ("satisfied", "basic", "unsatisfied"):
            t, a, n = st["call_back"][0]
            d["satisfaction"] = ev.satisfaction
            self._entry(d, "call_back", t, a, n, outcome=ev.satisfaction)
        late_fb = d["feedback_at"] is None or d["feedback_at"] > d["deadline_at"]
        if d["deadline_at"] + timedelta(hours=4) < self.now and late_fb and (
                d["feedback_at"] is not None or d["state"] in ("sent", "accepted")):
            self._entry(d, "urge", d["deadline_at"], actor, name, "已超过办理时限，请抓紧办理")
            if rng.random() < 0.3:
                level = 3 if rng.random() < 0.2 else 2
                d["supervision"] = level
                self._entry(d, "supervise", d["deadline_at"] + timedelta(hours=4), "leader", "街道领导",
                            ("黄牌督办" if level == 2 else "红牌督办") + "：限期办结", level=level)

    def _extension(self, d: dict, t) -> None:
        rng = self.rng
        hours = rng.choice((24, 48, 72))
        approved = rng.random() < 0.75
        self.extensions.append(dict(dispatch_id=d["id"], requested_at=t + timedelta(hours=1), requested_by="liaison",
                                    hours=hours, reason="需协调多方，现场条件暂不具备", state="approved" if approved
                                    else "refused", decided_at=t + timedelta(hours=3), decided_by="leader",
                                    decision_note="同意" if approved else "请按原时限办理", version=1))
        if approved:
            d["deadline_at"] = d["deadline_at"] + timedelta(hours=hours)
        self._entry(d, "extension", t + timedelta(hours=1), "liaison", "部门联络员", f"申请延期 {hours} 小时", level=hours)
        self._entry(d, "extension_decision", t + timedelta(hours=3), "leader", "街道领导",
                    f"{'批准' if approved else '不批准'}延期 {hours} 小时", "approved" if approved else "refused")
