"""`desk import people FILE.xlsx|FILE.csv`: people from a community office's spreadsheet.

Every bad row is named with its line, column and reason (on screen the first 20 and a count; all in
the report file beside the input). ``dry_run`` reports and writes nothing; by default a file with a
bad row imports nothing (all or nothing, one transaction); ``skip_bad`` imports the good rows.
A person already on record (same ID number) is compared field by field: the same row changes nothing,
a changed row is listed with what changes. The file is read as a stream; existing people are looked
up by blind index, loaded once, so 100,000 rows take seconds, not hours."""
from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path

from sqlalchemy import insert, select, update

from desk.models import Household, Person, StdAddress
from desk.services.context import Context
from desk.services.errors import ValidationError
from desk.services.figures.periods import local_today
from desk.services.incidents.locate import grid_from_address
from desk.services.permissions import require
from desk.services.registry import addresses, codes
from desk.services.registry.check import FIELD_NAMES, PersonInput, check_person
from desk.services.registry.import_files import SHOWN, BadRow, rows_with_fields, write_report
from desk.services.registry.people import initials_of
from desk.services.scope import grid_scope

log = logging.getLogger(__name__)

HEADERS: dict[str, tuple[str, ...]] = {
    "name": ("姓名", "名字", "人员姓名"),
    "id_number": ("身份证号", "公民身份号码", "身份证号码", "证件号码", "身份证", "证件号"),
    "grid": ("所属网格", "网格", "网格名称", "网格编号"),
    "community": ("所属社区", "社区", "社区名称", "村(社区)", "村（社区）", "所属村(社区)"),
    "address": ("现住址", "住址", "居住地址", "地址", "现居住地址"),
    "sex": ("性别",),
    "birth": ("出生日期", "出生年月日", "生日"),
    "phone": ("联系电话", "手机号", "手机号码", "电话", "手机", "联系方式"),
    "residence": ("人口类型", "人员类型", "户籍类型", "居住类型"),
    "relation": ("与户主关系", "关系"),
    "note": ("备注",),
}
REQUIRED = ("name", "id_number")   # the grid: its column, or else the community's only grid, or the address
BATCH = 2000
COMPARED = ("name", "phone_idx", "residence", "relation", "grid_id", "address_id", "note")
LABELS = {"name": "姓名", "phone_idx": "联系电话", "residence": "人口类型", "relation": "与户主关系",
          "grid_id": "所属网格", "address_id": "现住址", "note": "备注"}


@dataclass
class ImportResult:
    total: int = 0
    new: int = 0
    changed: int = 0
    same: int = 0
    bad: list[BadRow] = field(default_factory=list)
    changes: list[str] = field(default_factory=list)   # 第N行 张三：联系电话 已变更；人口类型 户籍人口→流动人口
    written: bool = False
    report: Path | None = None

    def summary(self) -> str:
        done = "已写入" if self.written else "未写入任何数据"
        would = "" if self.written or not (self.new or self.changed) else "可"
        return (f"共 {self.total} 行：{would}新增 {self.new} 人，{would}更新 {self.changed} 人，未变 {self.same} 人，"
                f"问题行 {self.bad_lines} 行；{done}")

    @property
    def bad_lines(self) -> int:
        return len({b.line for b in self.bad})

    def shown_bad(self) -> list[str]:
        lines = [b.text() for b in self.bad[:SHOWN]]
        if len(self.bad) > SHOWN:
            lines.append(f"……另有 {len(self.bad) - SHOWN} 行问题，见报告文件")
        return lines


def _text(v) -> str:
    if v is None:
        return ""
    if isinstance(v, float) and v.is_integer():
        return str(int(v))
    return str(v).strip()


def _first_phone(v) -> str:
    """A cell with two numbers (13812341234/0371-61234567): the first is the one to call."""
    return re.split(r"[/,，;；、]|\s{2,}", _text(v))[0].strip()


def _id_cell(v):
    """A number cell: Excel keeps 15 significant digits, so an 18-digit ID number stored as a number is lost."""
    if isinstance(v, (int, float)) and not isinstance(v, bool):
        if abs(v) >= 1e15 and (isinstance(v, float) or v >= 2 ** 53 or len(str(v)) > 15):
            return 4.1e17  # shown by idcard.parse as the Excel scientific-notation cause
        return str(int(v))
    return v


def _birth(v, problems: list) -> date | None:
    if v in (None, ""):
        return None
    if isinstance(v, datetime):
        return v.date()
    if isinstance(v, date):
        return v
    if isinstance(v, (int, float)) and not isinstance(v, bool) and 1 < v < 80000:  # an Excel date serial
        return date(1899, 12, 30) + timedelta(days=int(v))
    s = str(v).strip().split("T")[0].split(" ")[0]   # an ISO date-time cell, or a date with a time after it
    s = s.replace("/", "-").replace(".", "-").replace("年", "-").replace("月", "-").rstrip("日")
    try:
        if len(s) == 8 and s.isdigit():
            return date(int(s[:4]), int(s[4:6]), int(s[6:]))
        y, m, d = (int(x) for x in s.split("-")[:3])
        return date(y, m, d)
    except (ValueError, TypeError):
        problems.append(("birth", f"出生日期“{v}”无法识别，应如 1985-03-15 (unreadable date)"))
        return None


def _code(words: dict, v, fld: str, problems: list, default: str = "") -> str:
    t = _text(v)
    if not t:
        return default
    code = words.get(t) or words.get(t.lower())
    if code is None:
        problems.append((fld, f"“{t}”无法识别，可填：{'、'.join(sorted({k for k in words if not k.isascii()}))}"))
        return default
    return code


def import_people(ctx: Context, path: Path, mapping: dict[str, str] | None = None, dry_run: bool = False,
                  skip_bad: bool = False) -> ImportResult:
    require(ctx.actor, "registry.import")
    path = Path(path)
    headers, rows = rows_with_fields(path, HEADERS, REQUIRED, mapping or {})
    col = lambda f: headers.get(f, FIELD_NAMES.get(f, f))  # noqa: E731
    today = local_today(ctx.clock.now())
    cipher = ctx.cipher
    res = ImportResult()
    with ctx.read() as s:
        scope = grid_scope(s, ctx.actor)
        grids = addresses.GridLookup(s)
        known = {r.id_idx: r for r in s.execute(select(Person.id, Person.id_idx, Person.name, Person.phone_idx,
                                                       Person.residence, Person.relation, Person.grid_id,
                                                       Person.address_id, Person.note))}
        addr_ids = dict(s.execute(select(StdAddress.full, StdAddress.id)).all())
        # a person living at a household's address belongs to it (the registration rate counts these)
        homes = {(g, addresses.clean(a)): i for i, g, a in s.execute(select(Household.id, Household.grid_id,
                                                                             Household.address))}
    grid_names = {g.id: g.name for g in grids.by_key.values()}
    seen: dict[str, int] = {}
    new_rows: list[dict] = []
    updates: list[dict] = []
    new_addresses: dict[str, tuple[int, int]] = {}   # full → (community, grid)
    for line, cells in rows:
        res.total += 1
        problems: list[tuple[str, str]] = []
        grid = grids.find_for(_text(cells.get("grid")), _text(cells.get("community")))
        if grid is None and not _text(cells.get("grid")) and _text(cells.get("address")):
            with ctx.read() as s:
                place = grid_from_address(s, _text(cells.get("address")))
            grid = grids.by_id.get(place.grid_id) if place is not None else None
        if grid is None:
            problems.append(("grid", f"网格“{_text(cells.get('grid'))}”不存在，请填网格编号或名称 (unknown grid)"
                             if _text(cells.get("grid")) else
                             "无法确定所属网格：请填所属网格，或可识别网格的地址 (no grid, and none found from the address)"))
        elif scope is not None and grid.id not in scope:
            problems.append(("grid", "不是本人负责的网格 (not one of your grids)"))
        sex = _code(codes.SEX_WORDS, cells.get("sex"), "sex", problems) or None
        inp = PersonInput(
            name=_text(cells.get("name")), id_number=_id_cell(cells.get("id_number")),
            grid_id=grid.id if grid else None, address=_text(cells.get("address")), phone=_first_phone(cells.get("phone")),
            residence=_code(codes.RESIDENCE_WORDS, cells.get("residence"), "residence", problems, "registered"),
            relation=codes.RELATION_WORDS.get(_text(cells.get("relation")), "other" if _text(cells.get("relation")) else ""),
            sex=sex, birth=_birth(cells.get("birth"), problems), note=_text(cells.get("note")))
        checked, more = check_person(inp, today)
        problems += more
        if checked is not None and not problems:
            number = checked.number.number
            if number in seen:
                problems.append(("id_number", f"与第{seen[number]}行的身份证号重复 (the same ID number as line "
                                              f"{seen[number]})"))
            else:
                seen[number] = line
        if problems:
            res.bad.extend(BadRow(line, col(f), reason) for f, reason in problems)
            continue
        idx = cipher.blind(number)
        full = addresses.clean(checked.address)
        if full and full not in addr_ids and full not in new_addresses:
            new_addresses[full] = (grid.community_id, grid.id)
        values = {"name": checked.name, "phone_idx": cipher.blind(checked.phone) if checked.phone else None,
                  "residence": checked.residence, "relation": checked.relation, "grid_id": grid.id,
                  "address_full": full, "note": checked.note, "household_id": homes.get((grid.id, full))}
        old = known.get(idx)
        if old is None:
            res.new += 1
            new_rows.append(values | {"number": number, "phone": checked.phone, "sex": checked.number.sex,
                                      "birth": checked.number.birth, "idx": idx})
            continue
        diffs = []
        for c in COMPARED:
            now_v = addr_ids.get(full) if c == "address_id" else values[c]
            if c == "address_id":
                if full and (now_v is None or now_v != old.address_id):
                    diffs.append("现住址 改为 " + full)
                continue
            if c == "note" and not now_v:
                continue
            if getattr(old, c) != now_v:
                if c == "phone_idx":
                    if now_v:
                        diffs.append("联系电话 已变更")
                elif c == "grid_id":
                    diffs.append(f"所属网格 {grid_names.get(old.grid_id, old.grid_id)}→{grid_names.get(now_v)}")
                elif c in ("residence", "relation"):
                    names = codes.RESIDENCES if c == "residence" else codes.RELATIONS
                    diffs.append(f"{LABELS[c]} {names.get(getattr(old, c), getattr(old, c)) or '空'}→{names.get(now_v, now_v)}")
                else:
                    diffs.append(f"{LABELS[c]} {getattr(old, c)}→{now_v}")
        if not diffs:
            res.same += 1
            continue
        res.changed += 1
        res.changes.append(f"第{line}行 {checked.name}：" + "；".join(diffs))
        updates.append(values | {"id": old.id, "phone": checked.phone})
    write = not dry_run and (skip_bad or not res.bad) and (new_rows or updates)
    if write:
        _write(ctx, path, res, new_rows, updates, new_addresses)
        res.written = True
    lines = [b.text() for b in res.bad]
    if res.changes:
        lines += ["", "更新："] + res.changes
    if dry_run:
        why = "（试运行 --dry-run）"
    elif res.bad and not skip_bad:
        why = "（存在问题行，整个文件未导入；可改正后重导，或用 --skip-bad 只导入正确的行）"
    else:
        why = ""
    res.report = write_report(path, f"人员导入报告 {path.name}\n{res.summary()}{why}", lines)
    log.info("people import %s: %s", path.name, res.summary())
    return res


def _write(ctx: Context, path: Path, res: ImportResult, new_rows: list[dict], updates: list[dict],
           new_addresses: dict[str, tuple[int, int]]) -> None:
    cipher = ctx.cipher
    with ctx.unit() as u:
        s = u.session
        now = u.now
        rows = []
        for full, (cid, gid) in new_addresses.items():
            parts = addresses.split(full)
            rows.append({"community_id": cid, "grid_id": gid, "building": parts.building, "unit_no": parts.unit_no,
                         "room": parts.room, "full": full})
        for chunk in _chunks(rows, BATCH):
            s.execute(insert(StdAddress.__table__), chunk)
        addr_ids = dict(s.execute(select(StdAddress.full, StdAddress.id)).all())
        for chunk in _chunks(new_rows, BATCH):
            s.execute(insert(Person.__table__), [{
                "grid_id": r["grid_id"], "address_id": addr_ids.get(r["address_full"]), "household_id": r["household_id"],
                "name": r["name"], "initials": initials_of(r["name"]), "id_enc": cipher.encrypt(r["number"]),
                "id_idx": r["idx"], "sex": r["sex"], "birth": r["birth"],
                "phone_enc": cipher.encrypt(r["phone"]) if r["phone"] else None, "phone_idx": r["phone_idx"],
                "residence": r["residence"], "relation": r["relation"], "note": r["note"], "created_at": now,
                "updated_at": now, "version": 1} for r in chunk])
        for r in updates:
            values = {"name": r["name"], "initials": initials_of(r["name"]), "residence": r["residence"],
                      "relation": r["relation"], "grid_id": r["grid_id"], "updated_at": now,
                      "version": Person.version + 1}
            if r["phone"]:
                values |= {"phone_enc": cipher.encrypt(r["phone"]), "phone_idx": r["phone_idx"]}
            if r["address_full"]:
                values["address_id"] = addr_ids.get(r["address_full"])
            if r["household_id"]:
                values["household_id"] = r["household_id"]
            if r["note"]:
                values["note"] = r["note"]
            s.execute(update(Person).where(Person.id == r["id"]).values(**values))
        u.changed("person", "*", "bulk")
        u.audit("person.import", "person", None, after={
            "file": path.name, "new": res.new, "changed": res.changed, "same": res.same, "bad": len(res.bad),
            "changed_ids": [r["id"] for r in updates][:500]})


def _chunks(items: list, size: int):
    for i in range(0, len(items), size):
        yield items[i:i + size]
