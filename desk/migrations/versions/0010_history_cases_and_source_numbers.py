"""history cases and source numbers

Imported cases keep the source's own category and department, and a closed case of the past its
reply and reply time (history=True: never on the live board, in deadlines or dispatch figures).
Work-order numbers are looked up per source (index on source, source_no).

Revision ID: 0010
Revises: 0009
Create Date: 2026-11-30 21:20:00
"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


revision: str = '0010'
down_revision: Union[str, Sequence[str], None] = '0009'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    # Plain ALTER TABLE ADD COLUMN, not a batch: on SQLite a batch copies the whole event table and drops the
    # old one, which with foreign keys on took more than 17 minutes on a street of 100,000 events.
    op.add_column('event', sa.Column('source_category', sa.String(length=80), nullable=False, server_default=''))
    op.add_column('event', sa.Column('source_department', sa.String(length=64), nullable=False, server_default=''))
    op.add_column('event', sa.Column('reply', sa.Text(), nullable=True))
    op.add_column('event', sa.Column('replied_at', sa.DateTime(timezone=True), nullable=True))
    op.add_column('event', sa.Column('history', sa.Boolean(), nullable=False, server_default=sa.false()))
    op.create_index('ix_event_source_number', 'event', ['source', 'source_no'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('event', schema=None) as batch_op:
        batch_op.drop_index('ix_event_source_number')
        batch_op.drop_column('history')
        batch_op.drop_column('replied_at')
        batch_op.drop_column('reply')
        batch_op.drop_column('source_department')
        batch_op.drop_column('source_category')
