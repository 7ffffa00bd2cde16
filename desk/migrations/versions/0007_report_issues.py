"""report issues

Creates report_issue: the history of issued briefing sheets, numbered per year and kind.

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-30 18:10:00
"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


revision: str = '0007'
down_revision: Union[str, Sequence[str], None] = '0006'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    op.create_table('report_issue',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.Column('year', sa.Integer(), nullable=False),
    sa.Column('number', sa.Integer(), nullable=False),
    sa.Column('period', sa.String(length=40), nullable=False),
    sa.Column('title', sa.String(length=120), nullable=False),
    sa.Column('output', sa.String(length=8), nullable=False),
    sa.Column('target', sa.String(length=200), nullable=False),
    sa.Column('pages', sa.Integer(), nullable=False),
    sa.Column('issued_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('issued_by', sa.String(length=32), nullable=False),
    sa.Column('issued_name', sa.String(length=32), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_report_issue')),
    sa.UniqueConstraint('kind', 'year', 'number', name=op.f('uq_report_issue_kind'))
    )
    with op.batch_alter_table('report_issue', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_report_issue_kind'), ['kind'], unique=False)
        batch_op.create_index(batch_op.f('ix_report_issue_issued_at'), ['issued_at'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('report_issue', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_report_issue_issued_at'))
        batch_op.drop_index(batch_op.f('ix_report_issue_kind'))
    op.drop_table('report_issue')
