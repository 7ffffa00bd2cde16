"""registry: standard addresses, houses, units, people, special populations, visits

Creates std_address, house, org_unit, person, care_level (seeded with three levels), special_care
and visit. ID and phone numbers are stored encrypted with a blind index (desk.services.pii).

Revision ID: 0011
Revises: 0010
Create Date: 2026-11-30 21:10:00
"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


revision: str = '0011'
down_revision: Union[str, Sequence[str], None] = '0010'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None

TZ = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table('std_address',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('community_id', sa.Integer(), nullable=False),
    sa.Column('grid_id', sa.Integer(), nullable=False),
    sa.Column('building', sa.String(length=32), nullable=False),
    sa.Column('unit_no', sa.String(length=16), nullable=False),
    sa.Column('room', sa.String(length=16), nullable=False),
    sa.Column('full', sa.String(length=160), nullable=False),
    sa.ForeignKeyConstraint(['community_id'], ['community.id'], name=op.f('fk_std_address_community_id_community'), ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['grid_id'], ['grid.id'], name=op.f('fk_std_address_grid_id_grid'), ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_std_address')),
    sa.UniqueConstraint('full', name=op.f('uq_std_address_full'))
    )
    op.create_index(op.f('ix_std_address_community_id'), 'std_address', ['community_id'])
    op.create_index(op.f('ix_std_address_grid_id'), 'std_address', ['grid_id'])

    op.create_table('person',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('grid_id', sa.Integer(), nullable=False),
    sa.Column('address_id', sa.Integer(), nullable=True),
    sa.Column('household_id', sa.Integer(), nullable=True),
    sa.Column('name', sa.String(length=32), nullable=False),
    sa.Column('initials', sa.String(length=32), nullable=False),
    sa.Column('id_enc', sa.String(length=120), nullable=False),
    sa.Column('id_idx', sa.String(length=40), nullable=False),
    sa.Column('sex', sa.String(length=8), nullable=False),
    sa.Column('birth', sa.Date(), nullable=False),
    sa.Column('phone_enc', sa.String(length=120), nullable=True),
    sa.Column('phone_idx', sa.String(length=40), nullable=True),
    sa.Column('residence', sa.String(length=16), nullable=False),
    sa.Column('relation', sa.String(length=16), nullable=False),
    sa.Column('note', sa.String(length=200), nullable=False),
    sa.Column('created_at', TZ, nullable=False),
    sa.Column('updated_at', TZ, nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['grid_id'], ['grid.id'], name=op.f('fk_person_grid_id_grid'), ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['address_id'], ['std_address.id'], name=op.f('fk_person_address_id_std_address'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['household_id'], ['household.id'], name=op.f('fk_person_household_id_household'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_person')),
    sa.UniqueConstraint('id_idx', name=op.f('uq_person_id_idx'))
    )
    for col in ('grid_id', 'address_id', 'household_id', 'name', 'initials', 'phone_idx'):
        op.create_index(op.f(f'ix_person_{col}'), 'person', [col])
    op.create_index('ix_person_grid_name', 'person', ['grid_id', 'name'])

    op.create_table('house',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('address_id', sa.Integer(), nullable=False),
    sa.Column('grid_id', sa.Integer(), nullable=False),
    sa.Column('use', sa.String(length=16), nullable=False),
    sa.Column('area_m2', sa.Float(), nullable=True),
    sa.Column('owner_name', sa.String(length=32), nullable=False),
    sa.Column('landlord_id', sa.Integer(), nullable=True),
    sa.Column('note', sa.String(length=200), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['address_id'], ['std_address.id'], name=op.f('fk_house_address_id_std_address'), ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['grid_id'], ['grid.id'], name=op.f('fk_house_grid_id_grid'), ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['landlord_id'], ['person.id'], name=op.f('fk_house_landlord_id_person'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_house')),
    sa.UniqueConstraint('address_id', name=op.f('uq_house_address_id'))
    )
    op.create_index(op.f('ix_house_grid_id'), 'house', ['grid_id'])

    op.create_table('org_unit',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('grid_id', sa.Integer(), nullable=False),
    sa.Column('address_id', sa.Integer(), nullable=True),
    sa.Column('name', sa.String(length=80), nullable=False),
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.Column('credit_code', sa.String(length=18), nullable=True),
    sa.Column('contact_name', sa.String(length=32), nullable=False),
    sa.Column('phone_enc', sa.String(length=120), nullable=True),
    sa.Column('phone_idx', sa.String(length=40), nullable=True),
    sa.Column('staff_count', sa.Integer(), nullable=True),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['grid_id'], ['grid.id'], name=op.f('fk_org_unit_grid_id_grid'), ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['address_id'], ['std_address.id'], name=op.f('fk_org_unit_address_id_std_address'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_org_unit')),
    sa.UniqueConstraint('credit_code', name=op.f('uq_org_unit_credit_code'))
    )
    op.create_index(op.f('ix_org_unit_grid_id'), 'org_unit', ['grid_id'])
    op.create_index(op.f('ix_org_unit_phone_idx'), 'org_unit', ['phone_idx'])

    care = op.create_table('care_level',
    sa.Column('level', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=16), nullable=False),
    sa.Column('visit_days', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('level', name=op.f('pk_care_level'))
    )
    op.bulk_insert(care, [{'level': 1, 'name': '红色', 'visit_days': 7},
                          {'level': 2, 'name': '黄色', 'visit_days': 15},
                          {'level': 3, 'name': '绿色', 'visit_days': 30}])

    op.create_table('special_care',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('person_id', sa.Integer(), nullable=False),
    sa.Column('grid_id', sa.Integer(), nullable=False),
    sa.Column('category', sa.String(length=24), nullable=False),
    sa.Column('level', sa.Integer(), nullable=False),
    sa.Column('carer_id', sa.Integer(), nullable=True),
    sa.Column('officer_id', sa.Integer(), nullable=True),
    sa.Column('since', sa.Date(), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('note', sa.String(length=200), nullable=False),
    sa.ForeignKeyConstraint(['person_id'], ['person.id'], name=op.f('fk_special_care_person_id_person'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['grid_id'], ['grid.id'], name=op.f('fk_special_care_grid_id_grid'), ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['level'], ['care_level.level'], name=op.f('fk_special_care_level_care_level'), ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['carer_id'], ['staff.id'], name=op.f('fk_special_care_carer_id_staff'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['officer_id'], ['staff.id'], name=op.f('fk_special_care_officer_id_staff'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_special_care')),
    sa.UniqueConstraint('person_id', 'category', name=op.f('uq_special_care_person_id'))
    )
    for col in ('person_id', 'grid_id', 'category'):
        op.create_index(op.f(f'ix_special_care_{col}'), 'special_care', [col])

    op.create_table('visit',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('grid_id', sa.Integer(), nullable=False),
    sa.Column('person_id', sa.Integer(), nullable=True),
    sa.Column('house_id', sa.Integer(), nullable=True),
    sa.Column('unit_id', sa.Integer(), nullable=True),
    sa.Column('day', sa.Date(), nullable=False),
    sa.Column('visitor_id', sa.Integer(), nullable=True),
    sa.Column('visitor_name', sa.String(length=32), nullable=False),
    sa.Column('findings', sa.Text(), nullable=False),
    sa.Column('follow_up', sa.Text(), nullable=False),
    sa.Column('event_id', sa.Integer(), nullable=True),
    sa.Column('recorded_at', TZ, nullable=False),
    sa.Column('recorded_by', sa.String(length=32), nullable=False),
    sa.ForeignKeyConstraint(['grid_id'], ['grid.id'], name=op.f('fk_visit_grid_id_grid'), ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['person_id'], ['person.id'], name=op.f('fk_visit_person_id_person'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['house_id'], ['house.id'], name=op.f('fk_visit_house_id_house'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['unit_id'], ['org_unit.id'], name=op.f('fk_visit_unit_id_org_unit'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['visitor_id'], ['staff.id'], name=op.f('fk_visit_visitor_id_staff'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['event_id'], ['event.id'], name=op.f('fk_visit_event_id_event'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_visit'))
    )
    for col in ('person_id', 'house_id', 'unit_id', 'day'):
        op.create_index(op.f(f'ix_visit_{col}'), 'visit', [col])
    op.create_index('ix_visit_grid_day', 'visit', ['grid_id', 'day'])


def downgrade() -> None:
    for table in ('visit', 'special_care', 'care_level', 'org_unit', 'house', 'person', 'std_address'):
        op.drop_table(table)
