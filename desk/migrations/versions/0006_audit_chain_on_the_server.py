"""audit chain on the server, account changes recorded by the database, guards on audit_head

Adds ``audit_log.alg`` (how each record's hash was computed; none on older records) and installs
the guards of desk.services.audit_guard: on PostgreSQL the server chains every audit record
(id, time, previous hash, SHA-256 hash) and records every change to an account, whoever makes it;
on both engines ``audit_head`` can no longer be deleted or set back. Older records keep their
hashes; the chain simply continues from the head.

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-30 17:40:00
"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa

from desk.services import audit_guard


revision: str = '0006'
down_revision: Union[str, Sequence[str], None] = '0005'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None

# Created by migration 0003; a downgrade keeps them.
FROM_0003 = ("audit_log_no_update", "audit_log_no_delete", "audit_log_append_only", "audit_log_no_truncate",
             "desk_audit_append_only")


def upgrade() -> None:
    op.add_column('audit_log', sa.Column('alg', sa.String(length=16), nullable=True))
    audit_guard.install(op.get_bind())


def downgrade() -> None:
    audit_guard.uninstall(op.get_bind(), keep=FROM_0003)
    op.execute("ALTER TABLE audit_log DROP COLUMN alg")
