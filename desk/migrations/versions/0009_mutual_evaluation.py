"""mutual evaluation

Creates evaluation_round, evaluation_rating and evaluation_model_grid: the monthly mutual evaluation
of grid leaders and police (评价奖惩) and the model grids (示范网格).

Revision ID: 0009
Revises: 0008
Create Date: 2026-11-30 21:10:00
"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


revision: str = '0009'
down_revision: Union[str, Sequence[str], None] = '0008'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    op.create_table('evaluation_round',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('month', sa.String(length=7), nullable=False),
    sa.Column('state', sa.String(length=8), nullable=False),
    sa.Column('peer_weight', sa.Integer(), nullable=False),
    sa.Column('opened_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('opened_by', sa.String(length=32), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_evaluation_round')),
    sa.UniqueConstraint('month', name=op.f('uq_evaluation_round_month'))
    )
    op.create_table('evaluation_rating',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('round_id', sa.Integer(), nullable=False),
    sa.Column('subject_kind', sa.String(length=12), nullable=False),
    sa.Column('rater_staff_id', sa.Integer(), nullable=False),
    sa.Column('subject_staff_id', sa.Integer(), nullable=False),
    sa.Column('criterion', sa.String(length=24), nullable=False),
    sa.Column('score', sa.Integer(), nullable=False),
    sa.Column('comment', sa.Text(), nullable=False),
    sa.Column('rated_by', sa.String(length=32), nullable=False),
    sa.Column('rated_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['round_id'], ['evaluation_round.id'],
                            name=op.f('fk_evaluation_rating_round_id_evaluation_round'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['rater_staff_id'], ['staff.id'],
                            name=op.f('fk_evaluation_rating_rater_staff_id_staff'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['subject_staff_id'], ['staff.id'],
                            name=op.f('fk_evaluation_rating_subject_staff_id_staff'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_evaluation_rating')),
    sa.UniqueConstraint('round_id', 'rater_staff_id', 'subject_staff_id', 'criterion',
                        name=op.f('uq_evaluation_rating_round_id'))
    )
    with op.batch_alter_table('evaluation_rating', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_evaluation_rating_round_id'), ['round_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_evaluation_rating_rater_staff_id'), ['rater_staff_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_evaluation_rating_subject_staff_id'), ['subject_staff_id'],
                              unique=False)
    op.create_table('evaluation_model_grid',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('round_id', sa.Integer(), nullable=False),
    sa.Column('grid_id', sa.Integer(), nullable=False),
    sa.Column('reason', sa.Text(), nullable=False),
    sa.Column('chosen_by', sa.String(length=32), nullable=False),
    sa.Column('chosen_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['round_id'], ['evaluation_round.id'],
                            name=op.f('fk_evaluation_model_grid_round_id_evaluation_round'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['grid_id'], ['grid.id'], name=op.f('fk_evaluation_model_grid_grid_id_grid'),
                            ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_evaluation_model_grid')),
    sa.UniqueConstraint('round_id', 'grid_id', name=op.f('uq_evaluation_model_grid_round_id'))
    )
    with op.batch_alter_table('evaluation_model_grid', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_evaluation_model_grid_round_id'), ['round_id'], unique=False)


def downgrade() -> None:
    op.drop_table('evaluation_model_grid')
    op.drop_table('evaluation_rating')
    op.drop_table('evaluation_round')
