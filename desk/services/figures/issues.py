"""Issuing a briefing sheet: its number in the year's series of its kind (第X期), the history of what
was issued, and the audit record of every print and export."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError

from desk.clock import LOCAL_TZ
from desk.models import ReportIssue
from desk.services.audit_log import record_export, record_print
from desk.services.context import Context
from desk.services.errors import DatabaseError, ValidationError
from desk.services.permissions import require

OUTPUTS = ("pdf", "xlsx", "print")


@dataclass(frozen=True)
class IssueRow:
    id: int
    kind: str
    year: int
    number: int
    period: str
    title: str
    output: str
    target: str
    pages: int
    issued_at: datetime
    issued_by: str
    issued_name: str

    @property
    def number_text(self) -> str:
        return f"{self.year}年第{self.number}期"


def _row(r: ReportIssue) -> IssueRow:
    return IssueRow(r.id, r.kind, r.year, r.number, r.period, r.title, r.output, r.target, r.pages, r.issued_at,
                    r.issued_by, r.issued_name)


def next_number(ctx: Context, kind: str, year: int | None = None) -> int:
    """The number the next sheet of ``kind`` will carry this year (for a preview)."""
    require(ctx.actor, "report.issue")
    year = year or ctx.clock.now().astimezone(LOCAL_TZ).year
    with ctx.read() as s:
        return int(s.scalar(select(func.max(ReportIssue.number)).where(ReportIssue.kind == kind,
                                                                      ReportIssue.year == year)) or 0) + 1


def issue(ctx: Context, kind: str, period: str, title: str, output: str, target: str = "", pages: int = 0,
          entity_id: object = None, rows: int = 0) -> IssueRow:
    """Take the next number of the year for ``kind``, record the issue and audit it (print or export).
    Two seats issuing at once: the unique (kind, year, number) makes one of them take the next number."""
    require(ctx.actor, "report.issue")
    if output not in OUTPUTS:
        raise ValidationError(f"未知的输出方式 {output!r} (unknown output)")
    for _attempt in range(5):
        try:
            with ctx.unit() as u:
                year = u.now.astimezone(LOCAL_TZ).year
                number = int(u.session.scalar(select(func.max(ReportIssue.number)).where(
                    ReportIssue.kind == kind, ReportIssue.year == year)) or 0) + 1
                r = ReportIssue(kind=kind, year=year, number=number, period=period[:40], title=title[:120],
                                output=output, target=target[:200], pages=pages, issued_at=u.now,
                                issued_by=u.actor.username, issued_name=(u.actor.display_name or "")[:32])
                u.session.add(r)
                u.session.flush()
                u.changed("report_issue", r.id, "insert")
                detail = {"kind": kind, "period": period, "issue": f"{year}-{number}"}
                if output == "print":
                    record_print(u, f"report.{kind}", entity_id if entity_id is not None else period)
                else:
                    record_export(u, f"report.{kind}", rows, target, detail)
                return _row(r)
        except (IntegrityError, DatabaseError) as exc:
            if "integrity" not in str(exc).lower() and not isinstance(exc, IntegrityError):
                raise
            continue
    raise DatabaseError("编号冲突，请重试 (issue number taken by another seat, try again)")


def history(ctx: Context, kind: str | None = None, limit: int = 500) -> tuple[IssueRow, ...]:
    require(ctx.actor, "report.history")
    q = select(ReportIssue).order_by(ReportIssue.issued_at.desc(), ReportIssue.id.desc()).limit(limit)
    if kind:
        q = q.where(ReportIssue.kind == kind)
    with ctx.read() as s:
        return tuple(_row(r) for r in s.scalars(q))


def record_table_export(ctx: Context, what: str, rows: int, target: str) -> None:
    """A screen table saved as .xlsx or CSV is an export of data: audited."""
    require(ctx.actor, "report.export")
    with ctx.unit() as u:
        record_export(u, what, rows, target)
