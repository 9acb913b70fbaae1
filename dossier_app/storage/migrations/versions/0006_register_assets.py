"""register assets (houses, works, trees, crops, graves) and co-used parcels

Revision ID: 0006
Revises: 0012
Create Date: 2026-11-26 00:30:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op


revision: str = '0006'
down_revision: str | None = '0012'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('asset',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('party_id', sa.Integer(), nullable=False),
    sa.Column('kind', sqlmodel.sql.sqltypes.AutoString(length=20), nullable=False),
    sa.Column('description', sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
    sa.Column('grade', sqlmodel.sql.sqltypes.AutoString(length=40), nullable=False),
    sa.Column('area_m2', sa.Numeric(precision=14, scale=2), nullable=False),
    sa.Column('count', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['party_id'], ['affectedparty.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('asset', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_asset_party_id'), ['party_id'], unique=False)

    # Parcels written before co-use existed were single-user parcels.
    with op.batch_alter_table('landparcel', schema=None) as batch_op:
        batch_op.add_column(sa.Column('co_used', sa.Boolean(), nullable=False, server_default=sa.false()))


def downgrade() -> None:
    with op.batch_alter_table('landparcel', schema=None) as batch_op:
        batch_op.drop_column('co_used')

    with op.batch_alter_table('asset', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_asset_party_id'))

    op.drop_table('asset')
