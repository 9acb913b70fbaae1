"""sync row conflicts: a replica's register fields both sides changed differently, with the three values

Revision ID: 0020
Revises: 0019
Create Date: 2026-12-06 13:10:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op


revision: str = '0020'
down_revision: str | None = '0019'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Upgrade schema."""
    op.create_table('syncrowconflict',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('party_id', sa.Integer(), nullable=False),
    sa.Column('row_uid', sqlmodel.sql.sqltypes.AutoString(length=36), nullable=False),
    sa.Column('field', sqlmodel.sql.sqltypes.AutoString(length=40), nullable=False),
    sa.Column('base_value', sa.Text(), nullable=False),
    sa.Column('ours_value', sa.Text(), nullable=False),
    sa.Column('theirs_value', sa.Text(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('resolved_at', sa.DateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['party_id'], ['affectedparty.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('syncrowconflict', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_syncrowconflict_party_id'), ['party_id'], unique=False)


def downgrade() -> None:
    """Downgrade schema."""
    with op.batch_alter_table('syncrowconflict', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_syncrowconflict_party_id'))
    op.drop_table('syncrowconflict')
