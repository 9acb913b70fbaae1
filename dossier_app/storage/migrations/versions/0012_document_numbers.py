"""document number counters per project and symbol; the export history

Revision ID: 0012
Revises: 0009
Create Date: 2026-11-26 01:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op


revision: str = '0012'
down_revision: str | None = '0009'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('documentcounter',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('project_id', sa.Integer(), nullable=False),
    sa.Column('symbol', sqlmodel.sql.sqltypes.AutoString(length=20), nullable=False),
    sa.Column('next_number', sa.Integer(), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_by', sqlmodel.sql.sqltypes.AutoString(length=120), nullable=False),
    sa.ForeignKeyConstraint(['project_id'], ['project.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('project_id', 'symbol')
    )
    with op.batch_alter_table('documentcounter', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_documentcounter_project_id'), ['project_id'], unique=False)

    op.create_table('packageexport',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('project_id', sa.Integer(), nullable=False),
    sa.Column('at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('actor', sqlmodel.sql.sqltypes.AutoString(length=120), nullable=False),
    sa.Column('draft', sa.Boolean(), nullable=False),
    sa.Column('folder', sa.Text(), nullable=False),
    sa.Column('zip_path', sa.Text(), nullable=False),
    sa.Column('manifest_sha256', sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
    sa.Column('numbers', sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
    sa.ForeignKeyConstraint(['project_id'], ['project.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('packageexport', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_packageexport_project_id'), ['project_id'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('packageexport', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_packageexport_project_id'))
    op.drop_table('packageexport')
    with op.batch_alter_table('documentcounter', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_documentcounter_project_id'))
    op.drop_table('documentcounter')
