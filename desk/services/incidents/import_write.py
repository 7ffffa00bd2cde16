"""Writing imported rows in batches inside the import's one transaction, finding grids for
coordinates, and the problem report written beside the imported file."""
from __future__ import annotations

import hashlib
import json
from datetime import datetime
from pathlib import Path

from shapely.geometry import Point, shape
from shapely.prepared import prep
from sqlalchemy import String, bindparam, case, func, insert, literal, null, select, text
from sqlalchemy.orm import Session

from desk.models import Department, Event, EventStep, Grid
from desk.models.base import UTCDateTime
from desk.services import files
from desk.services.errors import ValidationError

EVENT_COLUMNS = ("reported_at", "source", "source_no", "kind", "sub_kind", "police", "urgent", "grid_id",
                 "community_id", "address", "lat", "lon", "reporter_name", "phone_enc", "phone_idx", "title",
                 "description", "initials", "status", "is_open", "status_since", "closed_at", "department_id",
                 "created_by", "last_action", "last_actor", "ladder_level", "ladder_due_at", "source_category",
                 "source_department", "reply", "replied_at", "history", "version")


class PointIndex:
    """The street's grid polygons, parsed and prepared once, for rows that carry coordinates."""

    def __init__(self, session: Session):
        self._grids = []
        for gid, cid, name, geometry in session.execute(
                select(Grid.id, Grid.community_id, Grid.name, Grid.geometry).where(Grid.geometry.is_not(None))):
            try:
                polygon = shape(json.loads(geometry))
                self._grids.append((polygon.bounds, prep(polygon), gid, cid))
            except (ValueError, TypeError, AttributeError, KeyError):
                continue  # a broken polygon does not stop the import

    def grid_at(self, lat: float, lon: float) -> tuple[int, int] | None:
        point = None
        for (x0, y0, x1, y1), polygon, gid, cid in self._grids:
            if x0 <= lon <= x1 and y0 <= lat <= y1:  # the box first: most grids are ruled out here
                point = point or Point(lon, lat)
                if polygon.covers(point):
                    return gid, cid
        return None


class Departments:
    """A history file's department as written there → the desk's department, when one is meant:
    the name or short name itself (院岭司法所, 司法), a name ending with it (司法所 → 院岭司法所), or a
    short name it starts with (司法所 → 司法). None when nothing or more than one fits."""

    def __init__(self, session: Session, create: bool = False):
        self.session, self.create = session, create
        self._rows = [(did, name.strip(), short.strip()) for did, name, short in
                      session.execute(select(Department.id, Department.name, Department.short_name))]
        self._found: dict[str, int | None] = {}
        self.created: dict[str, int] = {}    # departments this import added (name → id)
        self.unknown: dict[str, int] = {}    # departments left as text only (name → rows)

    def get(self, text: str) -> int | None:
        """The department's id; one that is not in the desk is added when ``create`` (the source's
        departments, e.g. a message board's 一级分类, so routing can learn from its history)."""
        if not text:
            return None
        if text not in self._found:
            found = self._match(text)
            if found is None and self.create:
                found = self._add(text)
            self._found[text] = found
        if self._found[text] is None and len(self.unknown) < 1000:
            self.unknown[text] = self.unknown.get(text, 0) + 1
        return self._found[text]

    def _add(self, text: str) -> int:
        digest = hashlib.blake2b(text.encode(), digest_size=6).hexdigest()
        d = Department(code=f"SRC-{digest}", name=text[:64], short_name=text[:16], street_id=None)
        self.session.add(d)
        self.session.flush()
        self.created[text] = d.id
        return d.id

    def _match(self, text: str) -> int | None:
        for test in (lambda n, s: text in (n, s), lambda n, s: n.endswith(text),
                     lambda n, s: len(s) >= 2 and text.startswith(s)):
            hits = {did for did, name, short in self._rows if test(name, short)}
            if len(hits) == 1:
                return hits.pop()
            if hits:
                return None
        return None


def plan_for_bulk(session: Session) -> None:
    """On PostgreSQL the planner's statistics do not see the rows this import's one transaction has
    added, so a table that was small before looks small to it all along; the statements that find
    this import's own rows by id (the timeline's INSERT ... SELECT) are kept on the indexes for this
    transaction only (SET LOCAL). See known_numbers for the look-up that made 200,000 rows take 260 s."""
    if session.get_bind().dialect.name == "postgresql":
        session.execute(text("SET LOCAL enable_seqscan = off"))


KNOWN_NUMBERS = 500_000  # up to this many events of the source, their numbers are read once


def known_numbers(session: Session, source: str) -> set[str] | None:
    """The work-order numbers the database held for ``source`` before the import, read once (a few
    MB), or None when there are more than KNOWN_NUMBERS: then each batch looks its numbers up. A
    number this import adds cannot be met again in the database: the file's own repeats are found
    as it is read. (On PostgreSQL the look-up per batch grew with every batch the transaction added,
    its statistics not seeing them: 200,000 rows into a street with events took over 4 minutes.)"""
    count = session.scalar(select(func.count()).select_from(Event).where(Event.source == source,
                                                                          Event.source_no.is_not(None)))
    if count > KNOWN_NUMBERS:
        return None
    return set(session.scalars(select(Event.source_no).where(Event.source == source, Event.source_no.is_not(None))))


def existing_numbers(session: Session, source: str, numbers: list[str]) -> set[str]:
    found: set[str] = set()
    for i in range(0, len(numbers), 500):
        found |= set(session.scalars(select(Event.source_no).where(Event.source == source,
                                                                   Event.source_no.in_(numbers[i:i + 500]))))
    return found


def _new_ids(session: Session, n: int) -> list[int]:
    """``n`` event ids taken before the insert: on SQLite the write transaction holds the database
    (BEGIN IMMEDIATE), so the next ids are free; on PostgreSQL they come from the id sequence.
    Knowing them lets the rows go in by a plain executemany (RETURNING made SQLite insert row by
    row) and the timeline lines by INSERT ... SELECT, without a Python loop over the rows."""
    if session.get_bind().dialect.name == "sqlite":
        last = session.scalar(select(func.max(Event.id))) or 0
        return list(range(last + 1, last + 1 + n))
    return list(session.scalars(text("SELECT nextval(pg_get_serial_sequence('event', 'id')) "
                                     "FROM generate_series(1, :n)"), {"n": n}))


def _executemany(session: Session, ids: list[int], rows: list[dict]) -> None:
    """The event rows by the driver's executemany, each value through its column type's own bind
    processor (what SQLAlchemy does for each row, without its per-row bookkeeping: half the cost
    of importing 200,000 rows went there)."""
    conn = session.connection()
    dialect = conn.dialect
    table = Event.__table__
    names = ("id", *EVENT_COLUMNS)
    stmt = insert(table).values({n: bindparam(n, type_=table.c[n].type) for n in names})
    compiled = stmt.compile(dialect=dialect)
    procs = {n: table.c[n].type.dialect_impl(dialect).bind_processor(dialect) for n in names}
    order = list(compiled.positiontup) if compiled.positional else list(names)
    for eid, row in zip(ids, rows):
        row["id"] = eid
    # Column by column: each value through its type's processor (datetimes, mostly), each
    # distinct value once per batch (a batch's live rows share the import's time as status_since,
    # its disputes one ladder deadline); floats each time (0.0 == -0.0).
    columns = []
    for n in order:
        values = [row[n] for row in rows]
        proc = procs[n]
        if proc is not None:
            if n in ("lat", "lon"):
                values = [None if v is None else proc(v) for v in values]
            else:
                done: dict = {None: None}
                values = [done[v] if v in done else done.setdefault(v, proc(v)) for v in values]
        columns.append(values)
    params = list(zip(*columns)) if compiled.positional else [dict(zip(order, p)) for p in zip(*columns)]
    conn.exec_driver_sql(compiled.string, params)


def insert_batch(session: Session, rows: list[dict], *, at: datetime, actor: str, actor_name: str,
                 filename: str) -> None:
    """The events, and each one's timeline: "导入自 FILE" for a live case; for a history case what
    happened elsewhere (reported, the department's reply, closed)."""
    if not rows:
        return
    ids = _new_ids(session, len(rows))
    _executemany(session, ids, rows)
    e = Event
    mine = e.id.in_(ids)
    who = (literal(actor, String), literal(actor_name, String))
    steps = []
    if any(not r["history"] for r in rows):
        steps.append(select(e.id, literal(at, UTCDateTime()), *who, literal("report", String), null(),
                            literal("reported", String), literal(f"导入自 {filename}", String))
                     .where(mine, e.history.is_(False)))
    if any(r["history"] for r in rows):
        reply_of = case((e.source_department != "", literal("答复（", String) + e.source_department + "）："),
                        else_=literal("答复：", String)) + e.reply
        steps += [
            select(e.id, e.reported_at, *who, literal("report", String), null(), literal("reported", String),
                   literal(f"历史件，{at:%Y-%m-%d} 导入自 {filename}", String)).where(mine, e.history.is_(True)),
            select(e.id, func.coalesce(e.replied_at, e.closed_at), *who, literal("feedback", String),
                   literal("reported", String), literal("reported", String), reply_of)
            .where(mine, e.history.is_(True), e.reply.is_not(None)),
            select(e.id, e.closed_at, *who, literal("close", String), literal("reported", String),
                   literal("closed", String), literal("历史件办结", String)).where(mine, e.history.is_(True))]
    columns = ("event_id", "at", "actor", "actor_name", "action", "from_status", "to_status", "note")
    for q in steps:
        session.execute(insert(EventStep.__table__).from_select(columns, q))


def report_path(path: Path) -> Path:
    return path.with_name(f"{path.stem}-导入问题.txt")


def write_report(path: Path, when: datetime, bad: list[str], warnings: list[str], summary: str) -> str | None:
    """Every problem row and warning in a text file beside the input; None when it cannot be written."""
    if not bad and not warnings:
        return None
    target = report_path(path)
    lines = [f"导入 {path.name} 的问题清单 (problems importing {path.name})", f"时间: {when:%Y-%m-%d %H:%M:%S}",
             summary, "", f"问题行 {len(bad)} 行 (bad rows):", *bad, "", f"提示 {len(warnings)} 条 (warnings):",
             *warnings, ""]
    try:
        files.write_text(target, "\n".join(lines), encoding="utf-8-sig")
    except ValidationError:
        return None
    return str(target)
