"""Importing another system's export (CSV or XLSX) as events: `desk import events FILE`.

The file is streamed (memory stays flat, no row cap; blank rows cost nothing) and written in
batches inside ONE transaction: with any bad row nothing is imported unless ``skip_bad``. A
work-order number is unique per source: a re-import adds nothing, the same number twice with the
same content imports once (a warning), with different content is a conflict naming both lines.

Closed cases of the past come in as history (``history=True``, or per row when the file has a
reply / replied / closed column and the row fills it): closed, with the source's department,
reply and times; they never enter the live queue, deadlines or the ladder, and no dispatch figure
counts them. Every row keeps the source's own category (``source_category``).
"""
from __future__ import annotations

import operator
import re
import struct
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path

from desk.services import limits
from desk.services.context import Context
from desk.services.errors import ValidationError
from desk.services.geo.gcj02 import gcj02_to_wgs84
from desk.services.incidents import codes
from desk.services.incidents.import_map import (FIELDS, HISTORY_FIELDS, LABELS, category_key, columns,
                                                header_score, parse_map, read_kind_map)
from desk.services.incidents.import_read import (cell_text, excel_scientific, read_sheet, row_cells,
                                                scientific_problem)
from desk.services.incidents.import_time import TimeReader, check_format, parse_time
from desk.services.incidents.import_write import (Departments, PointIndex, existing_numbers, insert_batch,
                                                  known_numbers, plan_for_bulk, write_report)
from desk.services.incidents.locate import gazetteer, grid_from_address
from desk.services.incidents.search import initials_fast as initials
from desk.services.incidents.wechat import classify
from desk.services.permissions import require

__all__ = ("FIELDS", "ImportResult", "import_events", "parse_map", "parse_time")
BATCH = 1000
SHOWN = 20           # problems shown on screen; the report file beside the input has them all
OLD_DAYS = 90        # a live row older than this is probably history: said so
CRS = ("wgs84", "gcj02")
PHONES_KEPT = 20_000  # phone numbers whose encryption is kept for the rows after
_FIELD_LIMITS = (limits.SOURCE_NO, limits.TITLE, limits.DESCRIPTION, limits.ADDRESS, limits.PHONE, limits.REPORTER,
                 limits.CATEGORY, limits.DEPARTMENT, limits.DESCRIPTION)  # as convert() lists the row's texts
_LIMITS = tuple(limit.max for limit in _FIELD_LIMITS)
_SUSPECT = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff]")  # see limits.text_problem


@dataclass(frozen=True)
class ImportResult:
    imported: int
    already: int               # work-order numbers of this source already in the database (re-import)
    bad: tuple[str, ...]       # "第N行: reason"
    warnings: tuple[str, ...]
    history: int = 0           # of ``imported``, closed cases imported as history
    rows: int = 0              # non-blank data rows read
    report: str | None = None  # the problem report written beside the input
    notes: tuple[str, ...] = ()  # about the whole file (old rows that went to the live board)


class _Bad(Exception):
    pass


@dataclass
class _Run:
    """What one import learns while it streams the file."""

    rows: int = 0
    imported: int = 0
    history: int = 0
    already: int = 0
    old_live: int = 0
    bad: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    seen: dict[str, bytes] = field(default_factory=dict)  # number → _fingerprint
    batch: list[dict] = field(default_factory=list)
    known: set[str] | None = None  # the source's numbers in the database before the import (None: too many)


_PRINT = struct.Struct(f">I{len(FIELDS)}H")


def _fingerprint(line: int, texts: dict) -> bytes:
    """The row's line and two bytes per field (4 + 28 bytes): what is kept of each numbered row to
    tell a repeated number's identical copy from a conflicting one (200,000 rows: a few dozen MB).
    Computed by map() over C functions: it runs once per numbered row."""
    return _PRINT.pack(line, *map(operator.and_, map(hash, map(texts.get, FIELDS, _BLANKS)), _LOW16))


_BLANKS = ("",) * len(FIELDS)
_LOW16 = (0xFFFF,) * len(FIELDS)


def _float(value, what: str) -> float | None:
    text = limits.one_line(cell_text(value))
    if not text:
        return None
    try:
        return float(text)
    except ValueError:
        raise _Bad(f"{what}不是数字 {limits.shown(text)!r} (not a number)") from None


class _Converter:
    """One row of the file → the columns of one event (or _Bad with the reason)."""

    def __init__(self, ctx: Context, session, cols: dict[str, int], *, source: str, history: bool,
                 date_format: str | None, crs: str, kind_map: dict, require_grid: bool, filename: str,
                 add_departments: bool = False):
        self.ctx, self.s, self.cols, self.source, self.history = ctx, session, cols, source, history
        self.times = {f: TimeReader(date_format) for f in ("reported_at", "replied_at", "closed_at")}
        self.crs, self.kind_map, self.require_grid, self.filename = crs, kind_map, require_grid, filename
        self.gaz = gazetteer(session)
        self.points = PointIndex(session) if "lat" in cols and "lon" in cols else None
        self.depts = Departments(session, create=add_departments)
        self.history_cols = any(f in cols for f in HISTORY_FIELDS)
        self.unmapped: dict[str, int] = {}  # categories missing from --kind-map → rows
        self.addresses: dict[str, tuple | None] = {}  # address → (grid, community): rows repeat places
        self.buildings: dict = {}  # (community, building) → households per grid (locate.grid_from_address)
        self.phones: dict[str, tuple[str, str]] = {}  # phone → (encrypted, blind index): callers call again
        self._now = self._late = self._due = None  # the import's time, 5 minutes and 4 hours after it
        self.kinds: dict[str, tuple[str, str] | None] = {}  # category → its --kind-map kind (None: not there)

    def time(self, f: str, value, text: str):
        """``text``: the cell as a one-line text (``limits.one_line(cell_text(value))``)."""
        if value is None or value == "" or not text:
            return None
        at = self.times[f](value)
        if at is None:
            raise _Bad(f"{LABELS[f]}无法识别 {limits.shown(text)!r} (unreadable date; 可用 --date-format 指定格式)")
        return at

    def place(self, v: dict, address: str):
        lat = lon = None
        if "lat" in v or "lon" in v:  # columns the file has (most have none)
            lat, lon = _float(v.get("lat"), "纬度"), _float(v.get("lon"), "经度")
        if (lat is None) != (lon is None):
            raise _Bad("经纬度只有一个 (latitude and longitude come together)")
        if lat is not None and (lat == 0 and lon == 0):
            lat = lon = None  # 0,0 is how some exports write "no location"
        if lat is not None:
            if not (-90 <= lat <= 90 and -180 <= lon <= 180):
                raise _Bad(f"经纬度超出范围 {lat}, {lon} (coordinates out of range; 列是否对调?)")
            if self.crs == "gcj02":
                lon, lat = gcj02_to_wgs84(lon, lat)
        found = self.points.grid_at(lat, lon) if (self.points and lat is not None) else None
        if found is None and address:
            if address not in self.addresses:
                if len(self.addresses) > 100_000:
                    self.addresses.clear()  # memory stays bounded on a file of all-different addresses
                place = grid_from_address(self.s, address, self.gaz, self.buildings)
                self.addresses[address] = (place.grid_id, place.community_id) if place else None
            found = self.addresses[address]
        return lat, lon, found

    def phone(self, phone: str) -> tuple[str | None, str | None]:
        """The phone encrypted and its blind index, once per number (AES-GCM and HMAC per row were a
        tenth of an import's time)."""
        if not phone:
            return None, None
        sealed = self.phones.get(phone)
        if sealed is None:
            if len(self.phones) >= PHONES_KEPT:
                self.phones.clear()  # memory stays bounded on a file of all-different numbers
            cipher = self.ctx.cipher
            sealed = self.phones[phone] = (cipher.encrypt(phone), cipher.blind(phone))
        return sealed

    def kind(self, category: str, title: str, description: str) -> tuple[str, str]:
        if category and self.kind_map:
            if category not in self.kinds:
                if len(self.kinds) >= 10_000:
                    self.kinds.clear()
                self.kinds[category] = self.kind_map.get(category_key(category))
            if self.kinds[category] is not None:
                return self.kinds[category]
        if self.kind_map and category and len(self.unmapped) < 1000:
            self.unmapped[category] = self.unmapped.get(category, 0) + 1
        return classify(" ".join((category, title, description)))

    def convert(self, v: dict, t: dict, now) -> dict:
        """``v``: the raw cells by field; ``t``: the same as one-line texts."""
        number = t.get("source_no") or None
        if number and ("E" in number or "e" in number) and excel_scientific(number):
            raise _Bad(scientific_problem(number, "工单编号"))
        description = cell_text(v.get("description")).replace("\t", " ").replace("\r", "").strip()
        title = t.get("title") or limits.one_line(
            description.splitlines()[0] if description else "")[:40]
        if not title and not description:
            raise _Bad("没有诉求内容 (no text)")
        text = {f: t.get(f, "") for f in ("address", "phone", "reporter", "category", "department")}
        reply = v.get("reply")
        reply = (cell_text(reply).replace("\r", "").strip() or None) if reply is not None else None
        values = (number, title, description, text["address"], text["phone"], text["reporter"], text["category"],
                  text["department"], reply)
        # One look at the whole row first (the common case: nothing wrong), each field only when needed.
        for limit, value in zip(_LIMITS, values):
            if value and len(value) > limit:
                break
        else:
            if not _SUSPECT.search("".join([value for value in values if value])):
                values = None
        if values is not None:
            too_long = limits.problems(*zip(_FIELD_LIMITS, values))
            if too_long:
                raise _Bad("；".join(too_long))
        at = self.time("reported_at", v.get("reported_at"), t["reported_at"]) if "reported_at" in self.cols else now
        if at is None:
            raise _Bad("没有时间 (no date)")
        if now is not self._now:
            self._now, self._late, self._due = now, now + timedelta(minutes=5), now + timedelta(hours=4)
        if at > self._late:
            raise _Bad(f"时间晚于现在 {at:%Y-%m-%d %H:%M} (date in the future)")
        replied_at = self.time("replied_at", v["replied_at"], t["replied_at"]) if "replied_at" in v else None
        closed_at = self.time("closed_at", v["closed_at"], t["closed_at"]) if "closed_at" in v else None
        history = self.history or (self.history_cols and bool(reply or replied_at or closed_at))
        lat, lon, found = self.place(v, text["address"])
        if self.require_grid and (found is None or found[0] is None):
            raise _Bad(f"地址 {text['address']!r} 找不到网格 (unknown grid)")
        kind, sub = self.kind(text["category"], title, description)
        phone_enc, phone_idx = self.phone(text["phone"])
        row = dict(reported_at=at, source=self.source, source_no=number, kind=kind, sub_kind=sub,
                   police=kind == "public_order" and not history, urgent=False,
                   grid_id=found[0] if found else None, community_id=found[1] if found else None,
                   address=text["address"], lat=lat, lon=lon, reporter_name=text["reporter"],
                   phone_enc=phone_enc, phone_idx=phone_idx, title=title,
                   description=description, initials=initials(" ".join((title, description, text["address"]))),
                   source_category=text["category"], source_department=text["department"], reply=reply,
                   replied_at=replied_at, history=history, version=1, department_id=None, ladder_level=0,
                   ladder_due_at=None)
        if history:
            closed = closed_at or replied_at or at
            if closed < at:
                raise _Bad(f"办结时间 {closed:%Y-%m-%d %H:%M} 早于上报时间 (closed before reported)")
            row.update(status="closed", is_open=False, closed_at=closed, status_since=closed,
                       department_id=self.depts.get(text["department"]), last_action="close")
        else:
            row.update(status="reported", is_open=True, closed_at=None, status_since=now, last_action="report",
                       ladder_level=1 if kind == "dispute" else 0,
                       ladder_due_at=self._due if kind == "dispute" else None)
        return row


def import_events(ctx: Context, path: Path, *, mapping: dict[str, str] | None = None, skip_bad: bool = False,
                  source: str = "hotline_12345", require_grid: bool = False, history: bool = False,
                  date_format: str | None = None, crs: str = "wgs84", kind_map: Path | None = None,
                  add_departments: bool = False, report: bool = True) -> ImportResult:
    require(ctx.actor, "board.report")
    if source not in codes.SOURCES:
        raise ValidationError(f"来源 {source!r} 不存在；可用: {', '.join(codes.SOURCES)} (unknown source)")
    if crs not in CRS:
        raise ValidationError(f"--crs 只能是 {'/'.join(CRS)} (unknown coordinate system {crs!r})")
    check_format(date_format)
    kinds = read_kind_map(kind_map)
    path = Path(path)
    sheet = read_sheet(path, lambda header: header_score(header, mapping or {}))
    cols = columns(sheet.header, mapping or {})
    run = _Run()
    conv = None
    try:
        with ctx.unit() as u:
            conv = _Converter(ctx, u.session, cols, source=source, history=history, date_format=date_format,
                              crs=crs, kind_map=kinds, require_grid=require_grid, filename=path.name,
                              add_departments=add_departments)
            now = u.now
            plan_for_bulk(u.session)
            run.known = known_numbers(u.session, source)
            for line, cells in sheet.rows:
                values, texts = row_cells(cols, cells)
                if not any(texts.values()):
                    continue  # a row filled only in columns the import does not use
                run.rows += 1
                _take(run, conv, u, line, values, texts, now, skip_bad, path.name)
            _flush(run, u, path.name, skip_bad)
            summary = _summary(run)
            if run.bad and not skip_bad:
                raise _Refused(f"{len(run.bad)} 行有问题，未导入任何数据；修正后重试，或用 --skip-bad 只导入正确的行 "
                               f"({len(run.bad)} bad rows: nothing imported)")
            if run.bad and run.imported == 0 and run.already == 0:
                raise _Refused(f"没有一行可以导入：{len(run.bad)} 行都有问题 (no row could be imported)")
            if run.rows == 0:
                raise ValidationError(f"{path.name} 没有数据行 (no data rows)")
            if run.imported:
                for did in conv.depts.created.values():
                    u.changed("department", did, "insert")
                u.changed("event", "*", "bulk")
                u.changed("event_step", "*", "bulk")
                u.audit("event.import", "event", None, after={
                    "file": path.name, "rows": run.imported, "history": run.history, "source": source,
                    "departments_added": sorted(conv.depts.created)})
    except _Refused as refused:
        written = write_report(path, ctx.clock.now(), run.bad, run.warnings, summary) if report else None
        where = [f"全部问题行见 {written} (all problem rows are in that file)"] if written else []
        raise ValidationError(str(refused), [*limits.first(run.bad, SHOWN), *where]) from None
    notes = []
    if conv.unmapped:
        top = sorted(conv.unmapped.items(), key=lambda kv: -kv[1])[:10]
        notes.append(f"{len(conv.unmapped)} 个分类不在 --kind-map 中，已按内容判断类别: "
                     + "、".join(f"{k}({n})" for k, n in top) + (" …" if len(conv.unmapped) > 10 else "")
                     + f" ({len(conv.unmapped)} categories not in the kind map)")
    if conv.depts.created:
        notes.append(f"新建部门 {len(conv.depts.created)} 个（文件中的部门，本系统原来没有）: "
                     + "、".join(sorted(conv.depts.created)[:20]) + f" ({len(conv.depts.created)} departments added)")
    if conv.depts.unknown:
        notes.append(f"{len(conv.depts.unknown)} 个部门不在本系统中，只记录原文: "
                     + "、".join(sorted(conv.depts.unknown)[:10]) + "；要新建这些部门（供派单建议学习），加 --add-departments "
                     f"({len(conv.depts.unknown)} departments kept as text only)")
    if run.old_live:
        notes.append(f"{run.old_live} 件的时间早于 {OLD_DAYS} 天前，已作为待受理事件进入看板；如是已办结的"
                            f"历史件，请撤销后用 --history 导入 ({run.old_live} old rows went to the live board)")
    listed = run.bad or len(run.warnings) > SHOWN
    written = write_report(path, ctx.clock.now(), run.bad, run.warnings, summary) if report and listed else None
    return ImportResult(run.imported, run.already, tuple(run.bad), tuple(run.warnings), run.history, run.rows,
                        written, tuple(notes))


class _Refused(Exception):
    pass


def _summary(run: _Run) -> str:
    return (f"数据行 {run.rows} 行：导入 {run.imported} 件（其中历史件 {run.history} 件），已存在 {run.already} 件，"
            f"问题行 {len(run.bad)} 行，提示 {len(run.warnings)} 条")


def _take(run: _Run, conv: _Converter, u, line: int, values: dict, texts: dict, now, skip_bad: bool,
          filename: str) -> None:
    number = texts.get("source_no") or None
    if number and number in run.seen:
        known, mine = run.seen[number], _fingerprint(line, texts)
        first = int.from_bytes(known[:4], "big")
        if mine[4:] == known[4:]:
            run.warnings.append(f"第{line}行: 工单编号 {limits.shown(number)} 与第{first}行完全相同，只导入一次 "
                                f"(same as line {first}: imported once)")
        else:
            differ = "、".join(LABELS[f] for i, f in enumerate(FIELDS)
                              if mine[4 + 2 * i:6 + 2 * i] != known[4 + 2 * i:6 + 2 * i])
            run.bad.append(f"第{line}行: 工单编号 {limits.shown(number)} 与第{first}行重复但内容不同（{differ}不同），"
                           f"只导入了第{first}行 (conflict: number also on line {first} with different {differ})")
        return
    try:
        row = conv.convert(values, texts, now)
    except _Bad as bad:
        run.bad.append(f"第{line}行: {bad}")
        return
    if number:
        run.seen[number] = _fingerprint(line, texts)
    if not row["history"] and row["reported_at"] < now - timedelta(days=OLD_DAYS):
        run.old_live += 1
    if run.bad and not skip_bad:
        return  # nothing will be written: only look for further problems
    run.batch.append(row)
    if len(run.batch) >= BATCH:
        _flush(run, u, filename, skip_bad)


def _flush(run: _Run, u, filename: str, skip_bad: bool) -> None:
    batch, run.batch = run.batch, []
    if not batch or (run.bad and not skip_bad):
        return
    s = u.session
    numbers = [r["source_no"] for r in batch if r["source_no"]]
    if not numbers:
        existing = set()
    elif run.known is not None:
        existing = run.known.intersection(numbers)
    else:
        existing = existing_numbers(s, batch[0]["source"], numbers)
    fresh = [r for r in batch if not (r["source_no"] and r["source_no"] in existing)]
    run.already += len(batch) - len(fresh)
    for r in fresh:
        r["created_by"] = u.actor.username
        r["last_actor"] = u.actor.display_name or u.actor.username
    insert_batch(s, fresh, at=u.now, actor=u.actor.username, actor_name=u.actor.display_name or u.actor.username,
                 filename=filename)
    run.imported += len(fresh)
    run.history += sum(1 for r in fresh if r["history"])
