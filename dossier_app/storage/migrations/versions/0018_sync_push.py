"""sync push: the server's applied change ids, a replica's shadow of the server's rows and its conflict records

Revision ID: 0018
Revises: 0016 (another branch adds 0017; the lead re-points this at merge time)
Create Date: 2026-12-06 10:15:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op


revision: str = '0018'
down_revision: str | None = '0016'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Upgrade schema."""
    op.create_table('syncappliedchange',
    sa.Column('change_id', sqlmodel.sql.sqltypes.AutoString(length=36), nullable=False),
    sa.Column('username', sqlmodel.sql.sqltypes.AutoString(length=120), nullable=False),
    sa.Column('table_name', sqlmodel.sql.sqltypes.AutoString(length=40), nullable=False),
    sa.Column('uid', sqlmodel.sql.sqltypes.AutoString(length=36), nullable=False),
    sa.Column('applied_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('change_id')
    )
    op.create_table('syncshadow',
    sa.Column('uid', sqlmodel.sql.sqltypes.AutoString(length=36), nullable=False),
    sa.Column('table_name', sqlmodel.sql.sqltypes.AutoString(length=40), nullable=False),
    sa.Column('fields', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('uid')
    )
    with op.batch_alter_table('syncshadow', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_syncshadow_table_name'), ['table_name'], unique=False)
    op.create_table('syncconflict',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('section_id', sa.Integer(), nullable=False),
    sa.Column('base_revision_uid', sqlmodel.sql.sqltypes.AutoString(length=36), nullable=False),
    sa.Column('theirs_revision_uid', sqlmodel.sql.sqltypes.AutoString(length=36), nullable=False),
    sa.Column('ours_revision_uid', sqlmodel.sql.sqltypes.AutoString(length=36), nullable=False),
    sa.Column('base_text', sa.Text(), nullable=False),
    sa.Column('ours_text', sa.Text(), nullable=False),
    sa.Column('theirs_text', sa.Text(), nullable=False),
    sa.Column('blocks', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('resolved_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('resolved_by_revision_uid', sqlmodel.sql.sqltypes.AutoString(length=36), nullable=False),
    sa.ForeignKeyConstraint(['section_id'], ['section.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('syncconflict', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_syncconflict_section_id'), ['section_id'], unique=False)


def downgrade() -> None:
    """Downgrade schema."""
    with op.batch_alter_table('syncconflict', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_syncconflict_section_id'))
    op.drop_table('syncconflict')
    with op.batch_alter_table('syncshadow', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_syncshadow_table_name'))
    op.drop_table('syncshadow')
    op.drop_table('syncappliedchange')
