"""sync record conflicts: a replica's milestone plan, step, facts or filing-date fields both sides changed
differently, with the three values

Revision ID: 0021
Revises: 0020
Create Date: 2026-12-06 19:20:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op


revision: str = '0021'
down_revision: str | None = '0020'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Upgrade schema."""
    op.create_table('syncrecordconflict',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('project_id', sa.Integer(), nullable=False),
    sa.Column('table_name', sqlmodel.sql.sqltypes.AutoString(length=40), nullable=False),
    sa.Column('row_uid', sqlmodel.sql.sqltypes.AutoString(length=36), nullable=False),
    sa.Column('field', sqlmodel.sql.sqltypes.AutoString(length=40), nullable=False),
    sa.Column('base_value', sa.Text(), nullable=False),
    sa.Column('ours_value', sa.Text(), nullable=False),
    sa.Column('theirs_value', sa.Text(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('resolved_at', sa.DateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['project_id'], ['project.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('syncrecordconflict', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_syncrecordconflict_project_id'), ['project_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_syncrecordconflict_row_uid'), ['row_uid'], unique=False)


def downgrade() -> None:
    """Downgrade schema."""
    with op.batch_alter_table('syncrecordconflict', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_syncrecordconflict_row_uid'))
        batch_op.drop_index(batch_op.f('ix_syncrecordconflict_project_id'))
    op.drop_table('syncrecordconflict')
