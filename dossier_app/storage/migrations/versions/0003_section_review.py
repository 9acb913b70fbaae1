"""section review: state, submitted and approved revisions, the comment thread

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-25 22:45:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op


revision: str = '0003'
down_revision: str | None = '0002'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # Server defaults fill the rows written before review existed: every section starts as a draft.
    with op.batch_alter_table('section', schema=None) as batch_op:
        batch_op.add_column(sa.Column('state', sqlmodel.sql.sqltypes.AutoString(length=20), nullable=False, server_default='draft'))
        batch_op.add_column(sa.Column('submitted_revision_id', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('submitted_at', sa.DateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column('submitted_by', sqlmodel.sql.sqltypes.AutoString(length=120), nullable=False, server_default=''))
        batch_op.add_column(sa.Column('approved_revision_id', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('approved_hash', sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False, server_default=''))
        batch_op.add_column(sa.Column('approved_at', sa.DateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column('approved_by', sqlmodel.sql.sqltypes.AutoString(length=120), nullable=False, server_default=''))
        batch_op.add_column(sa.Column('changed_since_approval', sa.Boolean(), nullable=False, server_default=sa.false()))
        batch_op.create_index(batch_op.f('ix_section_state'), ['state'], unique=False)

    op.create_table('sectioncomment',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('section_id', sa.Integer(), nullable=False),
    sa.Column('author', sqlmodel.sql.sqltypes.AutoString(length=120), nullable=False),
    sa.Column('body', sa.Text(), nullable=False),
    sa.Column('quote', sa.Text(), nullable=False),
    sa.Column('kind', sqlmodel.sql.sqltypes.AutoString(length=20), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('resolved_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('resolved_by', sqlmodel.sql.sqltypes.AutoString(length=120), nullable=False),
    sa.ForeignKeyConstraint(['section_id'], ['section.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('sectioncomment', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_sectioncomment_section_id'), ['section_id'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('sectioncomment', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_sectioncomment_section_id'))

    op.drop_table('sectioncomment')
    with op.batch_alter_table('section', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_section_state'))
        batch_op.drop_column('changed_since_approval')
        batch_op.drop_column('approved_by')
        batch_op.drop_column('approved_at')
        batch_op.drop_column('approved_hash')
        batch_op.drop_column('approved_revision_id')
        batch_op.drop_column('submitted_by')
        batch_op.drop_column('submitted_at')
        batch_op.drop_column('submitted_revision_id')
        batch_op.drop_column('state')
