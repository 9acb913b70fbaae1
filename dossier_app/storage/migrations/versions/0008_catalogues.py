"""editable catalogues (land-use codes, wards), seeded from resources/catalogues

Revision ID: 0008
Revises: 0005
Create Date: 2026-11-26 00:40:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

from dossier_app.storage.resources import load_land_use_catalogue, load_wards

revision: str = '0008'
down_revision: str | None = '0005'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    table = op.create_table('catalogueentry',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('kind', sqlmodel.sql.sqltypes.AutoString(length=20), nullable=False),
    sa.Column('code', sqlmodel.sql.sqltypes.AutoString(length=120), nullable=False),
    sa.Column('name', sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
    sa.Column('land_group', sqlmodel.sql.sqltypes.AutoString(length=20), nullable=False),
    sa.Column('confirmed', sa.Boolean(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('kind', 'code')
    )
    with op.batch_alter_table('catalogueentry', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_catalogueentry_kind'), ['kind'], unique=False)
    rows = [
        {'kind': item.kind.value, 'code': item.code, 'name': item.name, 'land_group': item.group,
         'confirmed': item.confirmed, 'position': item.position}
        for item in load_land_use_catalogue()
    ]
    rows += [
        {'kind': 'ward', 'code': name, 'name': name, 'land_group': '', 'confirmed': True, 'position': position}
        for position, name in enumerate(load_wards())
    ]
    op.bulk_insert(table, rows)


def downgrade() -> None:
    with op.batch_alter_table('catalogueentry', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_catalogueentry_kind'))
    op.drop_table('catalogueentry')
