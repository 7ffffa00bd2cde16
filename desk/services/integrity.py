"""Is the database consistent? For an administrator after a crash, and for the fault tests.

Checks: the audit chain and its head, the database's guards around it (desk.services.audit_guard); on SQLite ``PRAGMA integrity_check`` and the foreign keys;
every account has its password in the history and an audit record of its creation;
events and their dispatches agree (desk.services.consistency).
Returns a list of problems in words ([] when all is well).
"""
from __future__ import annotations

from sqlalchemy import func, select, text

from desk.models import AuditHead, AuditRecord, PasswordHistory, UserAccount
from desk.services import audit_guard, consistency, datakey
from desk.services.audit import verify_chain
from desk.services.context import Context


def problems(ctx: Context) -> list[str]:
    found: list[str] = []
    with ctx.read() as s:
        if ctx.db.sqlite:
            result = [r[0] for r in s.execute(text("PRAGMA integrity_check"))]
            if result != ["ok"]:
                found.append("SQLite integrity_check: " + "; ".join(result[:5]))
            fk = s.execute(text("PRAGMA foreign_key_check")).all()
            if fk:
                found.append(f"{len(fk)} 行外键不一致 (foreign key violations), 如 {tuple(fk[0])}")
        found += audit_guard.missing(s.connection())
        report = verify_chain(s)
        if not report.ok:
            found.append(f"审计链断裂于记录 {report.first_bad_id}: {report.reason}")
        head = s.get(AuditHead, 1)
        top = s.scalar(select(func.max(AuditRecord.id))) or 0
        if (head.last_id if head else 0) != top:
            found.append(f"审计链头 {head.last_id if head else 0} 与最后一条记录 {top} 不符")
        no_history = s.scalars(select(UserAccount.username).where(
            ~select(PasswordHistory.id).where(PasswordHistory.user_id == UserAccount.id).exists())).all()
        if no_history:
            found.append("账户缺少密码历史 (half-made accounts): " + ", ".join(no_history[:10]))
        created = set(s.scalars(select(AuditRecord.entity_id).where(AuditRecord.action == "user.add")))
        ids = {str(i) for i in s.scalars(select(UserAccount.id))}
        if ids - created:
            found.append("账户没有创建记录 (accounts without an audit record): " + ", ".join(sorted(ids - created)[:10]))
        found += consistency.event_dispatch_problems(s)  # events and their dispatches agree
    found.extend(datakey.problems(ctx))  # every encrypted value decrypts with this seat's key
    return found
