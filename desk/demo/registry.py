"""The demo street's registry: people for its households (members as counted, ID numbers with valid
checksums, encrypted), standard addresses and houses (rented ~8%, vacant ~3%), a few units per grid,
special populations by category and care level, and visits over the demo's days with a few gaps.
Deterministic by seed (its own generator; nonces from it too)."""
from __future__ import annotations

import random
from datetime import date, timedelta

from sqlalchemy import insert, select, update

from desk.models import Dispatch, Event, Grid, Household, House, OrgUnit, Person, SpecialCare, StdAddress, Visit
from desk.demo.incidents import demo_now
from desk.services.figures.periods import local_today
from desk.services.dispatch.rows import open_or_recent
from desk.services.registry import addresses, codes
from desk.services.registry.idcard import check_char
from desk.services.registry.people import initials_of
from desk.services.registry.visits import beat_officer
from desk.demo.names import SURNAMES, GIVEN_FEMALE, GIVEN_MALE, phone

AREAS = ("410481", "410481", "410481", "410402", "410421", "411102", "410103")
RELATIONS = ("head", "spouse", "child", "child", "parent", "grandchild")
# a member's age against the head's, by relation
AGE_GAP = {"head": (0, 0), "spouse": (-4, 4), "child": (-35, -22), "parent": (22, 30), "grandchild": (-60, -45),
           "tenant": (0, 0)}
VISIT_NOTES = ("见到本人，身体状况良好", "生活正常，无异常情况", "按时服药，情绪稳定", "家中整洁，子女常来探望",
               "反映楼道灯不亮，已记录", "提醒冬季用火用电安全", "了解就业意向，已推送岗位信息", "家属在场，沟通顺利")
SHOPS = ("便利店", "早餐店", "理发店", "五金店", "药店", "超市", "快递驿站", "维修部")
BATCH = 5000
LINKED_PER_DEPARTMENT = 3   # open cases per department whose caller is a resident on record


def _name(rng: random.Random, female: bool) -> str:
    pool = GIVEN_FEMALE if female else GIVEN_MALE
    return rng.choice(SURNAMES) + rng.choice(pool) + (rng.choice(pool) if rng.random() < 0.6 else "")


def _number(rng: random.Random, birth: date, female: bool, used: set) -> str:
    while True:
        seq = rng.randrange(0, 500) * 2 + (0 if female else 1)
        first = f"{rng.choice(AREAS)}{birth:%Y%m%d}{seq:03d}"
        n = first + check_char(first)
        if n not in used:
            used.add(n)
            return n


def build(u, rng: random.Random, street, options) -> str:
    s, cipher = u.session, street.cipher
    now = demo_now(options)  # the demo's own now, as the board's and the meetings' parts
    today = local_today(now)
    nonce = lambda: rng.randbytes(12)  # noqa: E731 - reproducible demo data, never repeated
    grids = {g.id: g for g in s.scalars(select(Grid))}
    addr_ids: dict[str, int] = {}
    houses, people, used = [], [], set()
    hh_rows = s.execute(select(Household.id, Household.grid_id, Household.address, Household.members,
                               Household.residence, Household.rented).order_by(Household.id)).all()
    new_addr = []
    for hid, gid, full, members, residence, rented in hh_rows:
        full = addresses.clean(full)
        if full not in addr_ids:
            addr_ids[full] = -1
            parts = addresses.split(full)
            new_addr.append({"community_id": grids[gid].community_id, "grid_id": gid, "building": parts.building,
                             "unit_no": parts.unit_no, "room": parts.room, "full": full})
    for i in range(0, len(new_addr), BATCH):
        s.execute(insert(StdAddress), new_addr[i:i + BATCH])
    addr_ids = dict(s.execute(select(StdAddress.full, StdAddress.id)).all())
    care_candidates, housed = [], set()
    for hid, gid, full, members, residence, rented in hh_rows:
        aid = addr_ids[addresses.clean(full)]
        vacant = not rented and rng.random() < 0.03
        use = "rented" if rented else "vacant" if vacant else "owner"
        if aid not in housed:       # two households at one address share the house
            housed.add(aid)
            houses.append({"address_id": aid, "grid_id": gid, "use": use, "area_m2": float(rng.randrange(45, 140)),
                           "owner_name": "", "note": "", "version": 1})
        elif vacant:
            vacant = False
        if vacant:
            continue
        head_age = rng.randint(26, 88)
        for k in range(members):
            fits = [r for r in RELATIONS[1:] if 1 <= head_age + AGE_GAP[r][0] and head_age + AGE_GAP[r][1] <= 98]
            relation = "head" if k == 0 else ("tenant" if rented else rng.choice(fits))
            age = max(1, min(98, head_age + rng.randint(*AGE_GAP[relation])))
            if relation == "tenant" or (k == 0 and rented):
                age = rng.randint(19, 55)
            female = (k == 1) if relation == "spouse" else rng.random() < 0.49
            birth = today - timedelta(days=age * 365 + rng.randrange(0, 365))
            number = _number(rng, birth, female, used)
            name = _name(rng, female)
            tel = phone(rng) if 16 <= age <= 80 and rng.random() < 0.85 else None
            res = "floating" if rented else residence
            people.append({"grid_id": gid, "address_id": aid, "household_id": hid, "name": name,
                           "initials": initials_of(name), "id_enc": cipher.encrypt(number, nonce()),
                           "id_idx": cipher.blind(number), "sex": "female" if female else "male", "birth": birth,
                           "phone_enc": cipher.encrypt(tel, nonce()) if tel else None,
                           "phone_idx": cipher.blind(tel) if tel else None, "residence": res, "relation": relation,
                           "note": "", "created_at": now, "updated_at": now, "version": 1})
            care_candidates.append((len(people) - 1, age, members, gid))
    for i in range(0, len(houses), BATCH):
        s.execute(insert(House), houses[i:i + BATCH])
    for i in range(0, len(people), BATCH):
        s.execute(insert(Person), people[i:i + BATCH])
    ids = list(s.scalars(select(Person.id).order_by(Person.id)))
    officers = {gid: beat_officer(s, gid) for gid in grids}
    cares = _special(rng, care_candidates, ids, grids, today, officers)
    s.execute(insert(SpecialCare), cares)
    visits = _visits(rng, cares, grids, street, today, options.days, now)
    for i in range(0, len(visits), BATCH):
        s.execute(insert(Visit), visits[i:i + BATCH])
    units = []
    for gid in sorted(grids):
        for k in range(rng.randint(2, 6)):
            units.append({"grid_id": gid, "name": f"{grids[gid].name[:6]}{rng.choice(SHOPS)}{k + 1}",
                          "kind": "shop", "contact_name": _name(rng, rng.random() < 0.5), "version": 1})
    s.execute(insert(OrgUnit), units)
    _link_callers(s, rng, cipher, now)   # last, so every row made above stays as the seed made it
    for table in ("std_address", "house", "person", "special_care", "visit", "org_unit"):
        u.changed(table, "*", "bulk")
    floating = sum(p["residence"] == "floating" for p in people)
    return (f"基础信息 {len(people)} 人（流动 {floating}），房屋 {len(houses)} 处，特殊人群 {len(cares)} 人，"
            f"走访 {len(visits)} 次")


def _special(rng, candidates, ids, grids, today, officers) -> list[dict]:
    out, seen = [], set()
    cats = list(codes.CATEGORIES)
    for index, age, members, gid in candidates:
        if age >= 70 and members == 1:
            cat = "elderly_alone"
        elif rng.random() < 0.012:
            cat = rng.choice(cats[1:]) if age >= 16 else "child_difficulty"
        else:
            continue
        pid = ids[index]
        if (pid, cat) in seen:
            continue
        seen.add((pid, cat))
        police = cat in codes.POLICE_CATEGORIES
        level = rng.choices((1, 2, 3), (0.4, 0.4, 0.2) if police else (0.1, 0.3, 0.6))[0]
        out.append({"person_id": pid, "grid_id": gid, "category": cat, "level": level,
                    "carer_id": grids[gid].leader_id, "officer_id": officers.get(gid) if police else None,
                    "since": today - timedelta(days=rng.randint(30, 900)), "active": True, "note": ""})
    return out


def _visits(rng, cares, grids, street, today, days, now) -> list[dict]:
    interval = {1: 7, 2: 15, 3: 30}
    start = today - timedelta(days=days)
    out = []
    for c in cares:
        step = interval[c["level"]]
        # the routine was running before the demo's first day: the first visit falls within one interval of it
        day = max(c["since"] + timedelta(days=rng.randint(0, 3)), start - timedelta(days=rng.randint(0, step - 1)))
        lapse = rng.random() < 0.06       # a few people fall out of the routine for a while
        first = True
        while day <= today:
            if first or not (lapse and rng.random() < 0.5):   # a lapse leaves gaps, never a blank history
                out.append({"grid_id": c["grid_id"], "person_id": c["person_id"], "day": day,
                            "visitor_id": c["carer_id"], "visitor_name": "网格员", "findings": rng.choice(VISIT_NOTES),
                            "follow_up": "", "recorded_at": now, "recorded_by": "demo"})
            first = False
            day += timedelta(days=max(1, step + rng.randint(-2, 1)))
    return out


def _link_callers(s, rng, cipher, now) -> None:
    """A few cases in each department's inbox (open or recent) were called in by a resident of the event's grid:
    that person's phone becomes the caller's, so a department liaison sees someone linked to their cases
    (desk.services.registry.linked)."""
    cases = s.execute(select(Dispatch.department_id, Event.id, Event.grid_id, Event.phone_enc, Event.phone_idx)
                      .join(Event, Event.id == Dispatch.event_id)
                      .where(open_or_recent(now), Event.phone_idx.is_not(None), Event.grid_id.is_not(None))
                      .order_by(Dispatch.department_id, Event.id)).all()
    by_department: dict[int, list] = {}
    for c in cases:
        if all(c.id != known.id for known in by_department.get(c.department_id, ())):
            by_department.setdefault(c.department_id, []).append(c)
    taken: set[int] = set()
    for dep in sorted(by_department):
        chosen = by_department[dep]
        for c in rng.sample(chosen, min(LINKED_PER_DEPARTMENT, len(chosen))):
            residents = [i for i in s.scalars(select(Person.id).where(Person.grid_id == c.grid_id,
                                                                       Person.phone_idx.is_not(None))
                                              .order_by(Person.id).limit(200)) if i not in taken]
            if not residents:
                continue
            pid = rng.choice(residents)
            taken.add(pid)
            s.execute(update(Person).where(Person.id == pid).values(
                phone_enc=cipher.encrypt(cipher.decrypt(c.phone_enc), rng.randbytes(12)), phone_idx=c.phone_idx))
