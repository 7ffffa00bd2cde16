"""`desk import staff FILE.xlsx|FILE.csv` and `desk import departments FILE.csv`: a new street's people who
work in it (grid leaders, grid workers, community police, duty staff, leaders, liaisons) and its
departments, from the sheets the street office keeps.

As with the registry's imports: every bad row is named with its line, column and reason (the first 20
on screen, all in the report beside the file); by default a bad row stops the whole file, ``skip_bad``
takes the good ones, ``dry_run`` writes nothing. A person is known again by name, role and community:
re-importing changes nothing, a changed phone, department or grid list is updated. A grid leader
becomes the leader of the grids named; everyone else a member of them (which is what a grid staff
account's scope reads)."""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import delete, insert, select

from desk.models import Community, Department, Grid, Staff, StaffRole, Street, grid_member
from desk.services.context import Context
from desk.services.errors import ValidationError
from desk.services.permissions import require
from desk.services.registry.addresses import GridLookup, clean
from desk.services.registry.import_files import BadRow, rows_with_fields, write_report
from desk.services.registry.import_people import ImportResult as StaffResult  # the same count of people
from desk.services.registry.phone import PhoneError, parse_phone

HEADERS: dict[str, tuple[str, ...]] = {
    "name": ("姓名", "名字", "人员姓名"),
    "role": ("角色", "职务", "岗位", "人员类别", "身份"),
    "community": ("所属社区", "社区", "村(社区)", "村（社区）", "所属村(社区)"),
    "grid": ("所属网格", "负责网格", "网格", "联系网格"),
    "phone": ("联系电话", "手机号", "手机号码", "电话", "手机"),
    "department": ("所属部门", "部门", "单位"),
}
REQUIRED = ("name", "role")
ROLE_WORDS = {
    "网格长": StaffRole.GRID_LEADER, "专职网格员": StaffRole.FULLTIME_GRID_WORKER, "网格员": StaffRole.FULLTIME_GRID_WORKER,
    "兼职网格员": StaffRole.PARTTIME_GRID_WORKER, "专业网格员": StaffRole.PROFESSIONAL_GRID_WORKER,
    "社区民警": StaffRole.COMMUNITY_POLICE, "民警": StaffRole.COMMUNITY_POLICE, "辅警": StaffRole.AUXILIARY_POLICE,
    "值班员": StaffRole.DUTY_STAFF, "领导": StaffRole.LEADER, "部门联络员": StaffRole.DEPARTMENT_LIAISON,
    "联络员": StaffRole.DEPARTMENT_LIAISON,
}
SPLIT = re.compile(r"[、,，;；\s]+")


@dataclass(frozen=True)
class _Row:
    line: int
    name: str
    role: StaffRole
    community_id: int | None
    grid_ids: tuple[int, ...]
    phone: str | None
    department_id: int | None


def _text(v) -> str:
    if isinstance(v, float) and v.is_integer():
        v = int(v)
    return "" if v is None else str(v).strip()


def _only_street(s) -> Street:
    streets = list(s.scalars(select(Street)))
    if len(streets) != 1:
        raise ValidationError("请先导入街道的社区/村 (desk import divisions)；数据库中应恰有一个街道 "
                              "(import the street's divisions first)")
    return streets[0]


def _check(s, path: Path, mapping: dict[str, str], res: StaffResult) -> list[_Row]:
    headers, rows = rows_with_fields(path, HEADERS, REQUIRED, mapping)
    col = lambda f: headers.get(f, f)  # noqa: E731
    grids = GridLookup(s)
    communities = {key: c.id for c in s.scalars(select(Community)) for key in (c.name, c.code)}
    departments = {key: d.id for d in s.scalars(select(Department)) for key in (d.short_name, d.name, d.code)}
    out: list[_Row] = []
    seen: dict[tuple, int] = {}
    for line, cells in rows:
        res.total += 1
        v = {f: _text(cells.get(f)) for f in HEADERS}
        problems: list[tuple[str, str]] = []
        if not v["name"]:
            problems.append(("name", "姓名为空 (no name)"))
        role = ROLE_WORDS.get(v["role"])
        if role is None:
            problems.append(("role", f"角色“{v['role']}”不认识，应为 {'、'.join(ROLE_WORDS)} 之一 (unknown role)"))
        community_id = communities.get(clean(v["community"])) if v["community"] else None
        if v["community"] and community_id is None:
            problems.append(("community", f"社区“{v['community']}”不存在 (unknown community)"))
        grid_ids = []
        for word in (w for w in SPLIT.split(v["grid"]) if w):
            g = grids.find_for(word, v["community"] or None)
            if g is None:
                problems.append(("grid", f"网格“{word}”不存在，请填网格编号或名称 (unknown grid)"))
            else:
                grid_ids.append(g.id)
                community_id = community_id or g.community_id
        if role == StaffRole.GRID_LEADER and not grid_ids and not problems:
            problems.append(("grid", "网格长须填所负责的网格 (a grid leader needs their grids)"))
        department_id = departments.get(v["department"]) if v["department"] else None
        if v["department"] and department_id is None:
            problems.append(("department", f"部门“{v['department']}”不存在，请先导入部门 (unknown department)"))
        phone = None
        if v["phone"]:
            try:
                phone = parse_phone(v["phone"])
            except PhoneError as exc:
                problems.append(("phone", str(exc)))
        key = (v["name"], role, community_id)
        if not problems and key in seen:
            problems.append(("name", f"与第{seen[key]}行为同一人 (the same person as line {seen[key]})"))
        if problems:
            res.bad.extend(BadRow(line, col(f), reason) for f, reason in problems)
            continue
        seen[key] = line
        out.append(_Row(line, v["name"], role, community_id, tuple(dict.fromkeys(grid_ids)), phone, department_id))
    return out


def import_staff(ctx: Context, path: Path, *, mapping: dict[str, str] | None = None, dry_run: bool = False,
                 skip_bad: bool = False) -> StaffResult:
    require(ctx.actor, "org.import")
    res = StaffResult()
    cipher = ctx.cipher
    with ctx.unit() as u:
        s = u.session
        street = _only_street(s)
        rows = _check(s, path, mapping or {}, res)
        write = not dry_run and (skip_bad or not res.bad)
        known = {(st.name, st.role, st.community_id): st for st in s.scalars(select(Staff))}
        members = {}
        for gid, sid in s.execute(select(grid_member.c.grid_id, grid_member.c.staff_id)):
            members.setdefault(sid, set()).add(gid)
        leaders = {g.id: g for g in s.scalars(select(Grid))}
        for r in rows:
            st = known.get((r.name, r.role, r.community_id))
            blind = cipher.blind(r.phone) if r.phone else None
            if st is None:
                res.new += 1
            else:
                has = ({gid for gid, g in leaders.items() if g.leader_id == st.id} if r.role == StaffRole.GRID_LEADER
                       else members.get(st.id, set()))
                what = [word for word, differs in (("联系电话", blind is not None and blind != st.phone_idx),
                                                   ("部门", r.department_id is not None and r.department_id != st.department_id),
                                                   ("网格", bool(r.grid_ids) and set(r.grid_ids) != has)) if differs]
                if not what:
                    res.same += 1
                    continue
                res.changed += 1
                res.changes.append(f"第{r.line}行 {r.name}：{'、'.join(what)} 已变更")
            if not write:
                continue
            is_new = st is None
            if st is None:
                st = Staff(name=r.name, role=r.role, street_id=street.id, community_id=r.community_id)
                s.add(st)
            if r.phone:
                st.phone_enc, st.phone_idx = cipher.encrypt(r.phone), blind
            st.department_id = r.department_id or st.department_id
            s.flush()
            if r.grid_ids and r.role == StaffRole.GRID_LEADER:
                for gid in r.grid_ids:
                    leaders[gid].leader_id = st.id
            elif r.grid_ids:
                s.execute(delete(grid_member).where(grid_member.c.staff_id == st.id))
                s.execute(insert(grid_member), [{"grid_id": gid, "staff_id": st.id} for gid in r.grid_ids])
            u.changed("staff", st.id, "insert" if is_new else "update")
        if write and (res.new or res.changed):
            res.written = True
            u.audit("import.staff", "street", street.id, after={"file": path.name, "new": res.new,
                                                                 "changed": res.changed, "bad": len(res.bad)})
    res.report = write_report(path, f"{path.name} 工作人员导入报告：{res.summary()}",
                              [b.text() for b in res.bad] + ["更新 " + c for c in res.changes])
    return res


DEPARTMENT_HEADERS = {"code": ("code", "代码", "部门代码", "编号"), "name": ("name", "名称", "部门名称", "全称"),
                      "short_name": ("short_name", "简称", "部门简称")}


def import_departments(ctx: Context, path: Path) -> tuple[int, int, int]:
    """The street's departments (code, name, short name): (new, renamed, unchanged); a bad line stops the file."""
    require(ctx.actor, "org.import")
    headers, rows = rows_with_fields(path, DEPARTMENT_HEADERS, ("code", "name", "short_name"), {})
    parsed, bad = [], []
    for line, cells in rows:
        v = {f: _text(cells.get(f)) for f in DEPARTMENT_HEADERS}
        missing = [headers[f] for f in DEPARTMENT_HEADERS if not v[f]]
        if missing or len(v["short_name"]) > 16 or len(v["name"]) > 64 or len(v["code"]) > 20:
            bad.append(f"第{line}行: " + ("缺少 " + "、".join(missing) if missing else "代码、名称或简称过长 (too long)"))
            continue
        parsed.append(v)
    if bad:
        raise ValidationError(f"{path.name}: {len(bad)} 行有误，未导入任何数据 (nothing imported)", bad)
    new = renamed = same = 0
    with ctx.unit() as u:
        s = u.session
        street = _only_street(s)
        known = {d.code: d for d in s.scalars(select(Department))}
        for v in parsed:
            d = known.get(v["code"])
            if d is None:
                d = Department(street_id=street.id, code=v["code"], name=v["name"], short_name=v["short_name"])
                s.add(d)
                s.flush()
                known[d.code] = d
                u.changed("department", d.id, "insert")
                new += 1
            elif (d.name, d.short_name) != (v["name"], v["short_name"]):
                d.name, d.short_name = v["name"], v["short_name"]
                u.changed("department", d.id, "update")
                renamed += 1
            else:
                same += 1
        u.audit("import.departments", "street", street.id, after={"file": path.name, "new": new, "renamed": renamed})
    return new, renamed, same
