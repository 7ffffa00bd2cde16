"""The demo street's organisation: 院岭街道 with its 9 real communities and villages,
about 40 synthetic grids sized by the standard (a few deliberately not), police beats,
departments, named staff and households."""
from __future__ import annotations

import csv
import random
from dataclasses import dataclass, field

from sqlalchemy import insert

from desk import resources
from desk.demo import geometry
from desk.demo.names import NameMaker, phone
from desk.models import (
    Community, Department, Grid, GridKind, Household, JointDefencePoint, PoliceBeat, Staff, StaffRole,
    Street, beat_grid, grid_member,
)
from desk.services.divisions import community_kind, short_name
from desk.services.pii import FieldCipher
from desk.services.unit import Unit

STREET_CODE = "410481004"
HOUSEHOLDS_PER_GRID = 400
# (community code suffix, kind of dedicated grid, name)
DEDICATED = [("001", "school", "舞钢市第一中学专属网格"), ("002", "enterprise", "工业园企业专属网格"),
             ("003", "hospital", "院岭卫生院专属网格"), ("005", "market", "金桥农贸市场专属网格")]
DUTY_NAMES = ("王丽", "李娜", "张伟", "刘洋", "陈静", "赵磊")
LEADER_NAMES = (("张国强", "街道党工委书记"), ("李建华", "街道政法委员"), ("王志刚", "派出所所长"))
VILLAGE_LANES = ("东街", "西街", "南街", "北街", "前街", "后街", "中心街")


def reference_rows(name: str) -> list[dict[str, str]]:
    text = resources.read_text("reference", name)
    return list(csv.DictReader(text.splitlines()))


@dataclass
class DemoStreet:
    """What later demo parts need to know about the street just made."""

    street_id: int = 0
    grid_ids: list[int] = field(default_factory=list)
    grid_boxes: dict[int, tuple] = field(default_factory=dict)
    community_of_grid: dict[int, int] = field(default_factory=dict)
    department_ids: dict[str, int] = field(default_factory=dict)
    staff_by_role: dict[StaffRole, list[int]] = field(default_factory=dict)
    households: int = 0
    # The demo's data cipher, so later parts can store personal data (reporters' phones) encrypted.
    cipher: FieldCipher | None = None


def _grid_sizes(rng: random.Random, n: int) -> list[int]:
    """Households per comprehensive grid: mostly 300-500, with deliberate outliers."""
    sizes = [rng.randint(320, 490) for _ in range(n)]
    if n >= 8:
        for i in rng.sample(range(n), 4):
            sizes[i] = rng.choice((rng.randint(150, 240), rng.randint(580, 720)))
    return sizes


def build_street(u: Unit, rng: random.Random, households: int, cipher: FieldCipher) -> DemoStreet:
    s = u.session
    out = DemoStreet(cipher=cipher)
    names = NameMaker(rng, reserved=DUTY_NAMES + tuple(n for n, _ in LEADER_NAMES))
    divisions = reference_rows("divisions-" + STREET_CODE + ".csv")
    street_box, boxes = geometry.community_boxes(rng, len(divisions) - 1)
    street = Street(code=STREET_CODE, name=divisions[0]["name"], county="舞钢市", city="平顶山市",
                    geometry=geometry.polygon(street_box))
    s.add(street)
    s.flush()
    out.street_id = street.id

    for row in reference_rows("departments.csv"):
        d = Department(street_id=street.id, code=row["code"], name=row["name"], short_name=row["short_name"])
        s.add(d)
        s.flush()
        out.department_ids[row["short_name"]] = d.id

    def add_staff(name: str, role: StaffRole, **kw) -> Staff:
        number = phone(rng)
        st = Staff(name=name, role=role, street_id=street.id, phone_enc=cipher.encrypt(number, rng.randbytes(12)),
                   phone_idx=cipher.blind(number), **kw)
        s.add(st)
        s.flush()
        out.staff_by_role.setdefault(role, []).append(st.id)
        return st

    for name in DUTY_NAMES:
        add_staff(name, StaffRole.DUTY_STAFF)
    for name, _title in LEADER_NAMES:
        add_staff(name, StaffRole.LEADER)
    for short, dept_id in out.department_ids.items():
        add_staff(names.person(), StaffRole.DEPARTMENT_LIAISON, department_id=dept_id)

    grid_total = max(len(divisions) - 1, round(households / HOUSEHOLDS_PER_GRID))
    communities_rows = divisions[1:]
    weights = [1.6 if community_kind(r["code"], r["name"]).value == "community" else 1.0 for r in communities_rows]
    counts = [max(1, round(grid_total * w / sum(weights))) for w in weights]
    sizes = _grid_sizes(rng, sum(counts))
    scale = households / max(1, sum(sizes))
    sizes = [max(40, round(x * scale)) for x in sizes]
    sizes[sizes.index(max(sizes))] += households - sum(sizes)  # exactly the households asked for
    size_iter = iter(sizes)
    communities: list[tuple[Community, list[Grid]]] = []

    for row, cbox, n in zip(communities_rows, boxes, counts):
        kind = community_kind(row["code"], row["name"])
        c = Community(street_id=street.id, code=row["code"], name=short_name(row["name"]), kind=kind,
                      geometry=geometry.polygon(cbox))
        s.add(c)
        s.flush()
        dedicated = [d for d in DEDICATED if d[0] == row["code"][-3:]]
        cells = geometry.split(rng, cbox, n + len(dedicated))
        grids: list[Grid] = []
        leader = add_staff(names.person(), StaffRole.GRID_LEADER, community_id=c.id)
        for i, cell in enumerate(cells):
            is_dedicated = i >= n
            hh = 0 if is_dedicated else next(size_iter)
            pop = rng.randint(600, 1800) if is_dedicated else round(hh * rng.uniform(2.5, 2.9))
            if i and i % 3 == 0 and not is_dedicated:  # a grid leader leads about three grids
                leader = add_staff(names.person(), StaffRole.GRID_LEADER, community_id=c.id)
            g = Grid(community_id=c.id, code=f"{row['code']}{i + 1:03d}",
                     name=dedicated[i - n][2] if is_dedicated else f"{c.name}第{i + 1}网格",
                     kind=GridKind.DEDICATED if is_dedicated else GridKind.COMPREHENSIVE,
                     dedicated_type=dedicated[i - n][1] if is_dedicated else None,
                     households=hh, population=pop, leader_id=leader.id, geometry=geometry.polygon(cell))
            s.add(g)
            s.flush()
            members = [leader.id]
            if is_dedicated:
                members.append(add_staff(names.person(), StaffRole.PROFESSIONAL_GRID_WORKER, community_id=c.id).id)
            else:
                members.append(add_staff(names.person(), StaffRole.FULLTIME_GRID_WORKER, community_id=c.id).id)
                for _ in range(rng.randint(1, 3)):
                    members.append(add_staff(names.person(), StaffRole.PARTTIME_GRID_WORKER, community_id=c.id).id)
            s.execute(insert(grid_member), [{"grid_id": g.id, "staff_id": m} for m in members])
            for j in range(rng.randint(0, 2)):
                s.add(JointDefencePoint(grid_id=g.id, name=f"{g.name}联防点{j + 1}",
                                        run_by=rng.choice(("volunteers", "property", "security")),
                                        contact_name=names.person()))
            grids.append(g)
            out.grid_ids.append(g.id)
            out.grid_boxes[g.id] = cell
            out.community_of_grid[g.id] = c.id
        communities.append((c, grids))

    _build_beats(u, rng, street, communities, add_staff, names)
    out.households = _build_households(u, rng, communities, out.grid_boxes)
    return out


def _build_beats(u: Unit, rng: random.Random, street: Street, communities, add_staff, names: NameMaker) -> None:
    """Five beats, each covering whole communities: one officer and one or two auxiliaries each."""
    s = u.session
    groups = [communities[i::5] for i in range(5)]
    for i, group in enumerate(groups, start=1):
        officer = add_staff(names.person(female=False), StaffRole.COMMUNITY_POLICE, community_id=group[0][0].id)
        for _ in range(rng.randint(1, 2)):
            add_staff(names.person(), StaffRole.AUXILIARY_POLICE, community_id=group[0][0].id)
        beat = PoliceBeat(street_id=street.id, code=f"{street.code}J{i:02d}",
                          name=f"{'、'.join(c.name for c, _ in group)}警务区", officer_id=officer.id)
        s.add(beat)
        s.flush()
        s.execute(insert(beat_grid), [{"beat_id": beat.id, "grid_id": g.id} for _, grids in group for g in grids])


def _build_households(u: Unit, rng: random.Random, communities, boxes: dict[int, tuple]) -> int:
    rows = []
    for c, grids in communities:
        village = c.kind.value == "village"
        for g in grids:
            if village:
                lane = rng.choice(VILLAGE_LANES)
            for k in range(g.households):
                lat, lon = geometry.random_point(rng, boxes[g.id])
                if village:
                    building = f"{g.code[-1]}组"
                    address = f"{c.name}{lane}{k + 1}号"
                else:
                    b, rest = divmod(k, 24)
                    unit, room = divmod(rest, 12)
                    building = f"{int(g.code[-2:]) * 10 + b + 1}号楼"
                    address = f"{c.name}{building}{unit + 1}单元{room // 2 + 1}0{room % 2 + 1}"
                roll = rng.random()
                rows.append({"grid_id": g.id, "address": address, "building": building,
                             "members": rng.choice((1, 2, 2, 3, 3, 3, 4, 4, 5)),
                             "residence": "registered" if roll < 0.8 else ("resident" if roll < 0.92 else "floating"),
                             "rented": (not village) and rng.random() < 0.08, "lat": lat, "lon": lon})
    for i in range(0, len(rows), 5000):
        u.session.execute(insert(Household), rows[i:i + 5000])
    return len(rows)
