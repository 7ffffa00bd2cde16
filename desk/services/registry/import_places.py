"""`desk import houses|units FILE`: actual houses (实有房屋) keyed by their address, actual units (实有单位)
keyed by their unified credit code or else name and address. Same rules as the people import: bad
rows named by line and column, --dry-run, all or nothing unless --skip-bad, re-import changes nothing."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import select

from desk.models import House, OrgUnit, Person
from desk.services.context import Context
from desk.services.permissions import require
from desk.services.registry import addresses, codes
from desk.services.registry.import_files import SHOWN, BadRow, rows_with_fields, write_report
from desk.services.registry.idcard import IdNumberError, parse
from desk.services.registry.phone import PhoneError, parse_phone
from desk.services.scope import grid_scope

HOUSE_HEADERS = {
    "address": ("房屋地址", "地址", "标准地址", "现住址"), "grid": ("所属网格", "网格", "网格名称", "网格编号"),
    "use": ("房屋用途", "居住类型", "房屋类型", "用途"), "owner": ("房主", "产权人", "房主姓名", "业主"),
    "area": ("面积", "建筑面积", "面积(平方米)"), "note": ("备注",),
    "landlord": ("房东身份证号", "出租人身份证号", "房主身份证号"),
}
UNIT_HEADERS = {
    "name": ("单位名称", "名称", "店名"), "grid": ("所属网格", "网格", "网格名称", "网格编号"),
    "kind": ("单位类型", "类型"), "credit_code": ("统一社会信用代码", "信用代码"),
    "address": ("单位地址", "地址"), "contact": ("联系人", "负责人"), "phone": ("联系电话", "电话", "手机"),
    "staff": ("从业人数", "员工人数", "人数"),
}


@dataclass
class PlaceResult:
    what: str
    total: int = 0
    new: int = 0
    changed: int = 0
    same: int = 0
    bad: list[BadRow] = field(default_factory=list)
    changes: list[str] = field(default_factory=list)
    written: bool = False
    report: Path | None = None

    def summary(self) -> str:
        done = "已写入" if self.written else "未写入任何数据"
        would = "" if self.written or not (self.new or self.changed) else "可"
        return (f"共 {self.total} 行：{would}新增 {self.new} {self.what}，{would}更新 {self.changed}，未变 {self.same}，"
                f"问题行 {len({b.line for b in self.bad})} 行；{done}")

    def shown_bad(self) -> list[str]:
        lines = [b.text() for b in self.bad[:SHOWN]]
        if len(self.bad) > SHOWN:
            lines.append(f"……另有 {len(self.bad) - SHOWN} 行问题，见报告文件")
        return lines


HOUSE_LABELS = {"use": "房屋用途", "owner_name": "房主", "area_m2": "面积", "note": "备注", "landlord_id": "房东"}
UNIT_LABELS = {"name": "名称", "kind": "类型", "credit_code": "统一社会信用代码", "contact_name": "联系人",
               "staff_count": "从业人数", "phone_idx": "联系电话"}


def _shown(key: str, value) -> str:
    if value in (None, ""):
        return "空"
    if key == "use":
        return codes.HOUSE_USES.get(value, value)
    if key == "landlord_id":
        return "已登记人员"
    return str(value)


def _t(v) -> str:
    if v is None:
        return ""
    if isinstance(v, float) and v.is_integer():
        return str(int(v))
    return str(v).strip()


def _finish(ctx, path, res, apply, dry_run, skip_bad, title) -> PlaceResult:
    if not dry_run and (skip_bad or not res.bad) and (res.new or res.changed):
        with ctx.unit() as u:
            apply(u)
            u.audit(f"{'house' if res.what == '处房屋' else 'org_unit'}.import", None, None,
                    after={"file": path.name, "new": res.new, "changed": res.changed, "bad": len(res.bad)})
        res.written = True
    res.report = write_report(path, f"{title} {path.name}\n{res.summary()}",
                              [b.text() for b in res.bad] + res.changes)
    return res


def import_houses(ctx: Context, path: Path, mapping=None, dry_run=False, skip_bad=False) -> PlaceResult:
    require(ctx.actor, "registry.import")
    path = Path(path)
    headers, rows = rows_with_fields(path, HOUSE_HEADERS, ("address", "grid"), mapping or {})
    res, todo = PlaceResult("处房屋"), []
    with ctx.read() as s:
        scope, grids = grid_scope(s, ctx.actor), addresses.GridLookup(s)
        known = {full: h for h, full in s.execute(select(House, addresses.StdAddress.full)
                                                   .join(addresses.StdAddress, addresses.StdAddress.id == House.address_id))}
        seen = {}
        for line, c in rows:
            res.total += 1
            bad = []
            full, grid = addresses.clean(_t(c.get("address"))), grids.find(_t(c.get("grid")))
            if not full:
                bad.append(("address", "地址为空 (no address)"))
            elif full in seen:
                bad.append(("address", f"与第{seen[full]}行地址重复 (the same address as line {seen[full]})"))
            if grid is None or (scope is not None and grid.id not in scope):
                bad.append(("grid", f"网格“{_t(c.get('grid'))}”不存在或不是本人负责的网格 (unknown grid)"))
            use = codes.HOUSE_USE_WORDS.get(_t(c.get("use")) or "自住")
            if use is None:
                bad.append(("use", f"房屋用途“{_t(c.get('use'))}”无法识别，可填 自住、出租、空置"))
            area = None
            if _t(c.get("area")):
                try:
                    area = float(_t(c.get("area")))
                    if not 0 < area < 100000:
                        raise ValueError
                except ValueError:
                    bad.append(("area", f"面积“{_t(c.get('area'))}”不是有效数字 (not a number)"))
            landlord = None
            if _t(c.get("landlord")):
                try:
                    number = parse(_t(c.get("landlord"))).number
                    landlord = s.scalar(select(Person.id).where(Person.id_idx == ctx.cipher.blind(number)))
                    if landlord is None:
                        bad.append(("landlord", "房东未登记为实有人口，请先导入人员 (the landlord is not on record)"))
                except IdNumberError as exc:
                    bad.append(("landlord", str(exc)))
            if bad:
                res.bad += [BadRow(line, headers.get(f, f), r) for f, r in bad]
                continue
            seen[full] = line
            values = {"use": use, "owner_name": _t(c.get("owner"))[:32], "area_m2": area, "note": _t(c.get("note"))[:200],
                      "landlord_id": landlord}
            old = known.get(full)
            if old is None:
                res.new += 1
            else:
                diff = [f"{HOUSE_LABELS[k]} {_shown(k, getattr(old, k))}→{_shown(k, v)}" for k, v in values.items()
                        if getattr(old, k) != v and v not in ("", None)]
                if not diff:
                    res.same += 1
                    continue
                res.changed += 1
                res.changes.append(f"第{line}行 {full}：" + "；".join(diff))
            todo.append((full, grid.id, values))

    def apply(u):
        s = u.session
        lookup = addresses.GridLookup(s)
        by_id = {g.id: g for g in lookup.by_key.values()}
        for full, gid, values in todo:
            addr = addresses.ensure(s, by_id[gid], full)
            h = s.scalar(select(House).where(House.address_id == addr.id))
            if h is None:
                h = House(address_id=addr.id, grid_id=gid, **values)
                s.add(h)
            else:
                for k, v in values.items():
                    if v not in ("", None):
                        setattr(h, k, v)
        u.changed("house", "*", "bulk")

    return _finish(ctx, path, res, apply, dry_run, skip_bad, "房屋导入报告")


def import_units(ctx: Context, path: Path, mapping=None, dry_run=False, skip_bad=False) -> PlaceResult:
    require(ctx.actor, "registry.import")
    path = Path(path)
    headers, rows = rows_with_fields(path, UNIT_HEADERS, ("name", "grid"), mapping or {})
    res, todo = PlaceResult("个单位"), []
    cipher = ctx.cipher
    with ctx.read() as s:
        scope, grids = grid_scope(s, ctx.actor), addresses.GridLookup(s)
        units = list(s.scalars(select(OrgUnit)))
        by_code = {u.credit_code: u for u in units if u.credit_code}
        by_name = {(u.name, u.grid_id): u for u in units}
        for line, c in rows:
            res.total += 1
            bad = []
            name, grid = _t(c.get("name"))[:80], grids.find(_t(c.get("grid")))
            if not name:
                bad.append(("name", "单位名称为空 (no name)"))
            if grid is None or (scope is not None and grid.id not in scope):
                bad.append(("grid", f"网格“{_t(c.get('grid'))}”不存在或不是本人负责的网格 (unknown grid)"))
            kind = codes.UNIT_KIND_WORDS.get(_t(c.get("kind")) or "其他")
            if kind is None:
                bad.append(("kind", f"单位类型“{_t(c.get('kind'))}”无法识别，可填 {'、'.join(codes.UNIT_KINDS.values())}"))
            code = _t(c.get("credit_code")).upper() or None
            if code and (len(code) != 18 or not code.isalnum()):
                bad.append(("credit_code", "统一社会信用代码应为18位字母或数字 (18 characters)"))
            phone = None
            if _t(c.get("phone")):
                try:
                    phone = parse_phone(_t(c.get("phone")))
                except PhoneError as exc:
                    bad.append(("phone", str(exc)))
            staff = None
            if _t(c.get("staff")):
                if not _t(c.get("staff")).isdigit():
                    bad.append(("staff", "从业人数应为整数 (a whole number)"))
                else:
                    staff = int(_t(c.get("staff")))
            if bad:
                res.bad += [BadRow(line, headers.get(f, f), r) for f, r in bad]
                continue
            values = {"name": name, "kind": kind, "credit_code": code, "contact_name": _t(c.get("contact"))[:32],
                      "staff_count": staff, "phone_idx": cipher.blind(phone) if phone else None}
            old = by_code.get(code) if code else by_name.get((name, grid.id))
            if old is None:
                res.new += 1
            else:
                diff = [k for k, v in values.items() if v not in ("", None) and getattr(old, k) != v]
                if not diff:
                    res.same += 1
                    continue
                res.changed += 1
                res.changes.append(f"第{line}行 {name}：变更 " + "、".join(UNIT_LABELS[k] for k in diff))
            todo.append((old.id if old else None, grid.id, addresses.clean(_t(c.get("address"))), phone, values))

    def apply(u):
        s = u.session
        by_id = {g.id: g for g in addresses.GridLookup(s).by_key.values()}
        for uid, gid, full, phone, values in todo:
            unit = s.get(OrgUnit, uid) if uid else OrgUnit(grid_id=gid)
            if uid is None:
                s.add(unit)
            for k, v in values.items():
                if v not in ("", None):
                    setattr(unit, k, v)
            if phone:
                unit.phone_enc = cipher.encrypt(phone)
            if full:
                unit.address_id = addresses.ensure(s, by_id[gid], full).id
        u.changed("org_unit", "*", "bulk")

    return _finish(ctx, path, res, apply, dry_run, skip_bad, "单位导入报告")
