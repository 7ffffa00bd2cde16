"""Which column of an export holds which field of an event, and how the source's categories
map onto the desk's kinds.

Chinese and English headers are recognised (工单编号 / Unique Key, 来电时间 / Created Date, ...);
``--map field=HEADER,...`` names the others, and a header that is not in the file is answered with
the headers that are. ``--kind-map FILE`` (CSV: their category, our kind) maps a foreign file's
categories onto kinds; without it the kind is guessed from the category and the text.
"""
from __future__ import annotations

import csv
import io
from pathlib import Path

from desk.services import files, limits
from desk.services.errors import ValidationError
from desk.services.incidents import codes

KIND_MAP_BYTES = 5 * 1024 * 1024  # a --kind-map file: a few hundred lines, never megabytes
FIELDS = ("source_no", "reported_at", "title", "description", "category", "address", "phone", "reporter",
          "lat", "lon", "department", "reply", "replied_at", "closed_at")
ALIASES = {"kind": "category", "latitude": "lat", "longitude": "lon", "lng": "lon", "closed": "closed_at"}
HISTORY_FIELDS = ("reply", "replied_at", "closed_at")  # a column of these marks closed cases
HEADERS = {
    "source_no": ("工单编号", "工单号", "编号", "留言编号", "案件编号", "受理编号", "unique key", "case id",
                  "caseid", "service request id", "request id", "ticket id", "id"),
    "reported_at": ("来电时间", "受理时间", "登记时间", "留言时间", "上报时间", "发生时间", "时间", "created date",
                    "requested datetime", "created", "opened", "date"),
    "title": ("标题", "诉求标题", "留言主题", "主题", "事项", "title", "subject"),
    "description": ("诉求内容", "留言详情", "问题描述", "内容", "详情", "description", "descriptor", "request details",
                    "details"),
    "category": ("诉求类型", "事件类型", "一级分类", "问题类型", "诉求分类", "类型", "分类", "complaint type",
                 "category", "service name", "request type", "type"),
    "address": ("地址", "事发地址", "诉求地址", "发生地点", "incident address", "address", "location"),
    "phone": ("来电号码", "联系电话", "电话", "手机", "phone"),
    "reporter": ("来电人", "联系人", "姓名", "诉求人", "留言用户", "reporter", "name"),
    "lat": ("纬度", "latitude", "lat"),
    "lon": ("经度", "longitude", "lon", "lng", "long"),
    "department": ("承办部门", "办理部门", "处理部门", "责任部门", "答复部门", "承办单位", "部门", "agency name",
                   "agency responsible", "responsible agency", "agency", "department"),
    "reply": ("答复意见", "答复内容", "回复内容", "办理结果", "处理结果", "处理意见", "resolution description",
              "resolution", "status notes", "reply"),
    "replied_at": ("答复时间", "回复时间", "办理时间", "resolution action updated date", "replied"),
    "closed_at": ("办结时间", "结案时间", "关闭时间", "完成时间", "closed date", "closed"),
}
LABELS = {"source_no": "工单编号", "reported_at": "时间", "title": "标题", "description": "内容", "category": "分类",
          "address": "地址", "phone": "电话", "reporter": "报告人", "lat": "纬度", "lon": "经度",
          "department": "部门", "reply": "答复", "replied_at": "答复时间", "closed_at": "办结时间"}


def parse_map(text: str | None) -> dict[str, str]:
    """``source_no=单号,reported_at=发生时间`` → {field: header}; unknown fields are refused."""
    if not text:
        return {}
    out = {}
    for part in text.split(","):
        if not part.strip():
            continue
        if "=" not in part:
            raise ValidationError(f"--map 写法应为 字段=表头 (field=HEADER): {part!r}")
        key, header = (x.strip() for x in part.split("=", 1))
        key = ALIASES.get(key, key)
        if key not in FIELDS:
            raise ValidationError(f"--map 中的字段 {key!r} 不存在；可用: {', '.join(FIELDS)}")
        out[key] = header
    return out


def _norm(header: str) -> str:
    """``Request_Type`` → ``request type``: English headers are matched without case or underscores."""
    return " ".join(header.replace("_", " ").lower().split())


def header_score(header: tuple[str, ...], mapping: dict[str, str]) -> int:
    """How many cells of a row are headers this import knows (mapped or recognised)."""
    known = {h for names in HEADERS.values() for h in names} | {_norm(m) for m in mapping.values()}
    return sum(1 for h in header if _norm(h) in known)


def columns(header: tuple[str, ...], mapping: dict[str, str]) -> dict[str, int]:
    """Field → column index; a mapped header missing from the file is refused, listing what is there."""
    names = [h.strip() for h in header]
    lowered = [_norm(n) for n in names]
    cols: dict[str, int] = {}
    present = "、".join(n for n in names if n) or "（无）"
    missing = [f"{f}={mapping[f]}" for f in mapping if mapping[f] not in names and _norm(mapping[f]) not in lowered]
    if missing:
        raise ValidationError(f"--map 指定的表头不在文件中: {', '.join(missing)} (header not found); "
                              f"文件中的列: {present}", [f"文件中的列 (columns in the file): {present}"])
    for f, w in mapping.items():
        cols[f] = names.index(w) if w in names else lowered.index(_norm(w))
    # A recognised header serves one field, but may also serve a field mapped to it by name
    # (department=一级分类 keeps 一级分类 as the category too).
    taken: set[int] = set()
    for f in FIELDS:
        if f in cols:
            continue
        for w in HEADERS[f]:
            if w in lowered and lowered.index(w) not in taken:
                taken.add(lowered.index(w))
                cols[f] = lowered.index(w)
                break
    if "description" not in cols and "title" not in cols:
        raise ValidationError("文件中找不到诉求内容或标题列；用 --map description=表头 指定 (no text column)",
                              [f"文件中的列 (columns in the file): {present}"])
    return cols


def _kind_of(text: str, line: int) -> tuple[str, str]:
    """``dispute``, ``request/noise``, ``矛盾纠纷``, ``民生诉求/噪声`` → (kind, sub_kind)."""
    kind_text, _, sub_text = text.strip().partition("/")
    names = {v: k for k, v in codes.KINDS.items()}
    kind = kind_text if kind_text in codes.KINDS else names.get(kind_text)
    if kind is None:
        raise ValidationError(f"--kind-map 第{line}行: 没有事件类别 {limits.shown(kind_text)!r} (unknown kind); "
                              f"可用: {', '.join(f'{k}({v})' for k, v in codes.KINDS.items())}")
    if not sub_text:
        return kind, ""
    subs = codes.SUB_KINDS.get(kind, {})
    sub = sub_text if sub_text in subs else {v: k for k, v in subs.items()}.get(sub_text)
    if sub is None:
        raise ValidationError(f"--kind-map 第{line}行: {codes.KINDS[kind]} 没有子类 {limits.shown(sub_text)!r} "
                              f"(unknown sub-kind); 可用: {', '.join(subs) or '（无）'}")
    return kind, sub


def read_kind_map(path: Path | str | None) -> dict[str, tuple[str, str]]:
    """The --kind-map CSV: their category (case and spaces ignored) → (kind, sub_kind)."""
    if path is None:
        return {}
    path = Path(path)
    text = files.decode_text(files.read_bytes(path, KIND_MAP_BYTES), path.name)
    out: dict[str, tuple[str, str]] = {}
    try:
        rows = list(csv.reader(io.StringIO(text)))
    except csv.Error as exc:
        raise ValidationError(f"--kind-map {path.name}: 不是有效的 CSV ({exc})") from exc
    for line, row in enumerate(rows, start=1):
        cells = [c.strip() for c in row]
        if not any(cells):
            continue
        if len(cells) < 2 or not cells[0] or not cells[1]:
            raise ValidationError(f"--kind-map 第{line}行应为两列: 对方分类,本系统类别 (two columns: category,kind)")
        if line == 1 and cells[1].lower() in ("kind", "类别", "事件类别", "our kind"):
            continue  # a header
        out[category_key(cells[0])] = _kind_of(cells[1], line)
    if not out:
        raise ValidationError(f"--kind-map {path.name} 是空的 (no mapping)")
    return out


def category_key(text: str) -> str:
    return " ".join(text.lower().split())
