"""Importing a hotline / work-order export (CSV or XLSX) as events: `desk import events FILE`.

Chinese headers such as 工单编号, 来电时间, 诉求内容, 地址, 诉求类型 are recognised; others are named
with a mapping (field=HEADER). Real exports are messy: blank trailing rows are skipped, tabs and
newlines in text are tidied, dates come as text in several formats (or as Excel dates). The source
number makes re-import idempotent; a number repeated inside one file is a warning and imports once.
Bad rows are reported by line; with any bad row nothing is imported unless ``skip_bad``.
"""
from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from pathlib import Path

from sqlalchemy import select

from desk.clock import LOCAL_TZ
from desk.models import Event, EventStep
from desk.services.context import Context
from desk.services import files, limits
from desk.services.errors import ValidationError
from desk.services.incidents.locate import gazetteer, grid_from_address
from desk.services.incidents.search import initials
from desk.services.incidents.wechat import classify
from desk.services.permissions import require

FIELDS = ("source_no", "reported_at", "title", "description", "kind", "address", "phone", "reporter")
HEADERS = {
    "source_no": ("工单编号", "工单号", "编号", "留言编号", "案件编号"),
    "reported_at": ("来电时间", "受理时间", "登记时间", "留言时间", "上报时间", "时间"),
    "title": ("标题", "诉求标题", "留言主题", "主题", "事项"),
    "description": ("诉求内容", "留言详情", "问题描述", "内容", "详情"),
    "kind": ("诉求类型", "事件类型", "一级分类", "类型", "分类"),
    "address": ("地址", "事发地址", "诉求地址", "发生地点"),
    "phone": ("来电号码", "联系电话", "电话", "手机"),
    "reporter": ("来电人", "联系人", "姓名", "诉求人"),
}
DATE_FORMATS = ("%Y-%m-%d %H:%M:%S", "%Y-%m-%d %H:%M", "%Y/%m/%d %H:%M:%S", "%Y/%m/%d %H:%M", "%Y.%m.%d %H:%M",
                "%Y年%m月%d日 %H:%M:%S", "%Y年%m月%d日 %H:%M", "%Y年%m月%d日%H时%M分", "%Y年%m月%d日%H:%M",
                "%Y-%m-%d", "%Y/%m/%d", "%Y年%m月%d日", "%Y%m%d%H%M%S", "%Y%m%d")
MAX_ROWS = 200_000


@dataclass(frozen=True)
class ImportResult:
    imported: int
    already: int               # source numbers already in the database (re-import)
    bad: tuple[str, ...]       # "第N行: reason"
    warnings: tuple[str, ...]


@dataclass
class _Row:
    line: int
    values: dict = field(default_factory=dict)


def parse_map(text: str | None) -> dict[str, str]:
    if not text:
        return {}
    out = {}
    for part in text.split(","):
        if "=" not in part:
            raise ValidationError(f"--map 写法应为 字段=表头 (field=HEADER): {part!r}")
        key, header = (x.strip() for x in part.split("=", 1))
        if key not in FIELDS:
            raise ValidationError(f"--map 中的字段 {key!r} 不存在；可用: {', '.join(FIELDS)}")
        out[key] = header
    return out


def read_table(path: Path) -> list[list]:
    path = files.input_file(path, limits.MAX_TABLE_FILE)
    if path.suffix.lower() in (".xlsx", ".xlsm"):
        return _read_xlsx(path)
    text = files.decode_text(files.read_bytes(path, limits.MAX_TABLE_FILE), path.name)
    reader = csv.reader(io.StringIO(text))
    rows: list[list] = []
    try:
        for row in reader:
            rows.append(row)
            if len(rows) > MAX_ROWS + 1 and any(cell.strip() for cell in row):
                break
    except csv.Error as exc:
        line = reader.line_num
        if "field larger than field limit" in str(exc):
            raise ValidationError(f"{path.name} 第{line}行有超过 {limits.MAX_CSV_CELL} 字的单元格，文件无法读取 "
                                  f"(line {line}: a cell is too long; is this really the export?)") from exc
        raise ValidationError(f"{path.name} 第{line}行: 不是有效的 CSV (line {line}: not valid CSV: {exc})") from exc
    return rows


def _read_xlsx(path: Path) -> list[list]:
    from openpyxl import load_workbook

    try:
        wb = load_workbook(path, read_only=True, data_only=True)
        try:
            rows = []
            for r in wb.active.iter_rows(values_only=True):
                rows.append(list(r))
                if len(rows) > MAX_ROWS + 1 and any(v not in (None, "") for v in r):
                    break
        finally:
            wb.close()
    except Exception as exc:  # noqa: BLE001 - a broken file is the user's problem, named
        raise ValidationError(f"无法读取 Excel 文件 {path.name} (not a readable workbook): "
                              f"{type(exc).__name__}: {str(exc)[:200]}") from exc
    return rows


def _columns(header: list, mapping: dict[str, str]) -> dict[str, int]:
    names = [str(h or "").strip() for h in header]
    cols: dict[str, int] = {}
    for f in FIELDS:
        wanted = (mapping[f],) if f in mapping else HEADERS[f]
        for w in wanted:
            if w in names:
                cols[f] = names.index(w)
                break
        else:
            if f in mapping:
                raise ValidationError(f"文件中没有表头 {mapping[f]!r} (header not found)")
    if "description" not in cols and "title" not in cols:
        raise ValidationError("文件中找不到诉求内容或标题列；用 --map description=表头 指定",
                              [f"表头: {', '.join(n for n in names if n)}"])
    return cols


def _text(value) -> str:
    """A one-line cell tidied: runs of spaces, tabs and line breaks become one space."""
    return limits.one_line(value)


def parse_time(value) -> datetime | None:
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return (value if value.tzinfo else value.replace(tzinfo=LOCAL_TZ)).astimezone(timezone.utc)
    if isinstance(value, (int, float)) and 20000 < value < 80000:  # an Excel serial date
        return (datetime(1899, 12, 30, tzinfo=LOCAL_TZ) + timedelta(days=float(value))).astimezone(timezone.utc)
    text = re.sub(r"\s+", " ", str(value)).strip()
    for fmt in DATE_FORMATS:
        try:
            return datetime.strptime(text, fmt).replace(tzinfo=LOCAL_TZ).astimezone(timezone.utc)
        except ValueError:
            continue
    return None


def import_events(ctx: Context, path: Path, *, mapping: dict[str, str] | None = None, skip_bad: bool = False,
                  source: str = "hotline_12345", require_grid: bool = False) -> ImportResult:
    require(ctx.actor, "board.report")
    table = read_table(Path(path))
    if not table:
        raise ValidationError(f"{Path(path).name} 是空文件 (empty file)")
    cols = _columns(table[0], mapping or {})
    rows: list[_Row] = []
    for i, raw in enumerate(table[1:], start=2):
        values = {f: (raw[c] if c < len(raw) else None) for f, c in cols.items()}
        if all(_text(v) == "" for v in values.values()):
            continue  # thousands of blank trailing rows
        if len(rows) == MAX_ROWS:
            raise ValidationError(f"{Path(path).name} 超过 {MAX_ROWS} 行，未导入任何数据；请分成几个文件 "
                                  f"(more than {MAX_ROWS} rows: split the file)")
        rows.append(_Row(i, values))
    now = ctx.clock.now()
    bad: list[str] = []
    warnings: list[str] = []
    seen: dict[str, int] = {}
    good: list[dict] = []
    with ctx.read() as s:
        gaz = gazetteer(s)
        numbers = [n for n in (_text(r.values.get("source_no")) for r in rows)
                   if n and limits.SOURCE_NO.problem(n) is None]  # only what the database can be asked
        existing = set()
        for i in range(0, len(numbers), 500):
            existing |= set(s.scalars(select(Event.source_no).where(Event.source_no.in_(numbers[i:i + 500]))))
        for r in rows:
            v = r.values
            number = _text(v.get("source_no")) or None
            if number and number in seen:
                warnings.append(f"第{r.line}行: 工单编号 {limits.shown(number)} 与第{seen[number]}行重复，只导入一次")
                continue
            if number:
                seen[number] = r.line
            description = str(v.get("description") or "").replace("\t", " ").replace("\r", "").strip()
            title = _text(v.get("title")) or _text(description.splitlines()[0] if description else "")[:40]
            if not title and not description:
                bad.append(f"第{r.line}行: 没有诉求内容 (no text)")
                continue
            address, phone, reporter = _text(v.get("address")), _text(v.get("phone")), _text(v.get("reporter"))
            too_long = limits.problems((limits.SOURCE_NO, number), (limits.TITLE, title),
                                       (limits.DESCRIPTION, description), (limits.ADDRESS, address),
                                       (limits.PHONE, phone), (limits.REPORTER, reporter))
            if too_long:
                bad.append(f"第{r.line}行: " + "；".join(too_long))
                continue
            at = parse_time(v.get("reported_at")) if "reported_at" in cols else now
            if at is None:
                bad.append(f"第{r.line}行: 时间无法识别 {limits.shown(_text(v.get('reported_at')))!r} (unreadable date)")
                continue
            if at > now + timedelta(minutes=5):
                bad.append(f"第{r.line}行: 时间晚于现在 {limits.shown(_text(v.get('reported_at')))!r} (date in the future)")
                continue
            place = grid_from_address(s, address, gaz) if address else None
            if require_grid and (place is None or place.grid_id is None):
                bad.append(f"第{r.line}行: 地址 {address!r} 找不到网格 (unknown grid)")
                continue
            if number and number in existing:
                continue
            kind, sub = classify(" ".join((_text(v.get("kind")), title, description)))
            good.append(dict(number=number, at=at, title=title, description=description, kind=kind, sub=sub,
                             address=address, grid_id=place.grid_id if place else None,
                             community_id=place.community_id if place else None, phone=phone,
                             reporter=reporter))
    already = sum(1 for n in seen if n in existing)
    if bad and not skip_bad:
        raise ValidationError(f"{len(bad)} 行有问题，未导入任何数据；修正后重试，或用 --skip-bad 只导入正确的行",
                              limits.first(bad))
    if good:
        _insert(ctx, good, source, Path(path).name)
    return ImportResult(len(good), already, tuple(bad), tuple(warnings))


def _insert(ctx: Context, good: list[dict], source: str, filename: str) -> None:
    with ctx.unit() as u:
        s = u.session
        events = []
        for g in good:
            e = Event(reported_at=g["at"], source=source, source_no=g["number"], kind=g["kind"], sub_kind=g["sub"],
                      police=g["kind"] == "public_order", urgent=False, grid_id=g["grid_id"],
                      community_id=g["community_id"], address=g["address"], reporter_name=g["reporter"],
                      phone_enc=ctx.cipher.encrypt(g["phone"]) if g["phone"] else None,
                      phone_idx=ctx.cipher.blind(g["phone"]) if g["phone"] else None, title=g["title"],
                      description=g["description"],
                      initials=initials(" ".join((g["title"], g["description"], g["address"]))),
                      status="reported", is_open=True, status_since=u.now, created_by=u.actor.username,
                      last_action="report", last_actor=u.actor.display_name or u.actor.username,
                      ladder_level=1 if g["kind"] == "dispute" else 0,
                      ladder_due_at=(u.now + timedelta(hours=4)) if g["kind"] == "dispute" else None)
            events.append(e)
        s.add_all(events)
        s.flush()
        s.add_all([EventStep(event_id=e.id, at=u.now, actor=u.actor.username,
                             actor_name=u.actor.display_name or u.actor.username, action="report", from_status=None,
                             to_status="reported", note=f"导入自 {filename}") for e in events])
        u.changed("event", "*", "bulk")
        u.changed("event_step", "*", "bulk")
        u.audit("event.import", "event", None, after={"file": filename, "rows": len(events)})
