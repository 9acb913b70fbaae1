"""land register: affected parties, parcels, compensation lines, resettlement

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-25 23:04:03.436474
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op


revision: str = '0004'
down_revision: str | None = '0003'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('affectedparty',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('project_id', sa.Integer(), nullable=False),
    sa.Column('code', sqlmodel.sql.sqltypes.AutoString(length=40), nullable=False),
    sa.Column('kind', sqlmodel.sql.sqltypes.AutoString(length=20), nullable=False),
    sa.Column('name', sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
    sa.Column('name_folded', sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
    sa.Column('citizen_id', sqlmodel.sql.sqltypes.AutoString(length=12), nullable=False),
    sa.Column('tax_code', sqlmodel.sql.sqltypes.AutoString(length=14), nullable=False),
    sa.Column('address', sqlmodel.sql.sqltypes.AutoString(length=300), nullable=False),
    sa.Column('address_folded', sqlmodel.sql.sqltypes.AutoString(length=300), nullable=False),
    sa.Column('ward', sqlmodel.sql.sqltypes.AutoString(length=120), nullable=False),
    sa.Column('household_size', sa.Integer(), nullable=True),
    sa.Column('poor_household', sa.Boolean(), nullable=False),
    sa.Column('direct_farmer', sa.Boolean(), nullable=False),
    sa.Column('complaint', sa.Boolean(), nullable=False),
    sa.Column('notified_on', sa.Date(), nullable=True),
    sa.Column('inventoried_on', sa.Date(), nullable=True),
    sa.Column('plan_posted_on', sa.Date(), nullable=True),
    sa.Column('approved_on', sa.Date(), nullable=True),
    sa.Column('paid_on', sa.Date(), nullable=True),
    sa.Column('handed_over_on', sa.Date(), nullable=True),
    sa.Column('enforced_on', sa.Date(), nullable=True),
    sa.ForeignKeyConstraint(['project_id'], ['project.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('project_id', 'code')
    )
    with op.batch_alter_table('affectedparty', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_affectedparty_citizen_id'), ['citizen_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_affectedparty_project_id'), ['project_id'], unique=False)
        batch_op.create_index('ix_affectedparty_project_name', ['project_id', 'name_folded'], unique=False)
        batch_op.create_index('ix_affectedparty_project_ward', ['project_id', 'ward'], unique=False)

    op.create_table('compensationline',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('party_id', sa.Integer(), nullable=False),
    sa.Column('kind', sqlmodel.sql.sqltypes.AutoString(length=40), nullable=False),
    sa.Column('description', sqlmodel.sql.sqltypes.AutoString(length=300), nullable=False),
    sa.Column('quantity', sa.Numeric(precision=14, scale=2), nullable=False),
    sa.Column('unit', sqlmodel.sql.sqltypes.AutoString(length=20), nullable=False),
    sa.Column('unit_price_vnd', sa.BigInteger(), nullable=False),
    sa.Column('amount_vnd', sa.BigInteger(), nullable=False),
    sa.ForeignKeyConstraint(['party_id'], ['affectedparty.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('compensationline', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_compensationline_party_id'), ['party_id'], unique=False)

    op.create_table('landparcel',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('project_id', sa.Integer(), nullable=False),
    sa.Column('party_id', sa.Integer(), nullable=False),
    sa.Column('map_sheet', sqlmodel.sql.sqltypes.AutoString(length=20), nullable=False),
    sa.Column('parcel_no', sqlmodel.sql.sqltypes.AutoString(length=20), nullable=False),
    sa.Column('ward', sqlmodel.sql.sqltypes.AutoString(length=120), nullable=False),
    sa.Column('total_area_m2', sa.Numeric(precision=14, scale=2), nullable=False),
    sa.Column('recovered_area_m2', sa.Numeric(precision=14, scale=2), nullable=False),
    sa.Column('land_use_code', sqlmodel.sql.sqltypes.AutoString(length=10), nullable=False),
    sa.Column('certificate_no', sqlmodel.sql.sqltypes.AutoString(length=40), nullable=False),
    sa.Column('origin', sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
    sa.Column('use_since', sa.Date(), nullable=True),
    sa.ForeignKeyConstraint(['party_id'], ['affectedparty.id'], ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['project_id'], ['project.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('landparcel', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_landparcel_land_use_code'), ['land_use_code'], unique=False)
        batch_op.create_index(batch_op.f('ix_landparcel_party_id'), ['party_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_landparcel_project_id'), ['project_id'], unique=False)
        batch_op.create_index('ix_landparcel_sheet_parcel', ['map_sheet', 'parcel_no'], unique=False)

    op.create_table('resettlement',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('party_id', sa.Integer(), nullable=False),
    sa.Column('eligible', sa.Boolean(), nullable=False),
    sa.Column('site', sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
    sa.Column('lot_no', sqlmodel.sql.sqltypes.AutoString(length=40), nullable=False),
    sa.Column('land_fee_vnd', sa.BigInteger(), nullable=False),
    sa.ForeignKeyConstraint(['party_id'], ['affectedparty.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('party_id')
    )


def downgrade() -> None:
    op.drop_table('resettlement')
    with op.batch_alter_table('landparcel', schema=None) as batch_op:
        batch_op.drop_index('ix_landparcel_sheet_parcel')
        batch_op.drop_index(batch_op.f('ix_landparcel_project_id'))
        batch_op.drop_index(batch_op.f('ix_landparcel_party_id'))
        batch_op.drop_index(batch_op.f('ix_landparcel_land_use_code'))

    op.drop_table('landparcel')
    with op.batch_alter_table('compensationline', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_compensationline_party_id'))

    op.drop_table('compensationline')
    with op.batch_alter_table('affectedparty', schema=None) as batch_op:
        batch_op.drop_index('ix_affectedparty_project_ward')
        batch_op.drop_index('ix_affectedparty_project_name')
        batch_op.drop_index(batch_op.f('ix_affectedparty_project_id'))
        batch_op.drop_index(batch_op.f('ix_affectedparty_citizen_id'))

    op.drop_table('affectedparty')
