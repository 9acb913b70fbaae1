"""readiness: project facts, conditions checklist with evidence, comment register, attachment kinds

Revision ID: 0010
Revises: 0006
Create Date: 2026-11-26 00:17:02.471727
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op


revision: str = '0010'
down_revision: str | None = '0006'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('conditioncheck',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('project_id', sa.Integer(), nullable=False),
    sa.Column('condition_key', sqlmodel.sql.sqltypes.AutoString(length=80), nullable=False),
    sa.Column('status', sqlmodel.sql.sqltypes.AutoString(length=20), nullable=False),
    sa.Column('note', sa.Text(), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_by', sqlmodel.sql.sqltypes.AutoString(length=120), nullable=False),
    sa.ForeignKeyConstraint(['project_id'], ['project.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('project_id', 'condition_key')
    )
    with op.batch_alter_table('conditioncheck', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_conditioncheck_project_id'), ['project_id'], unique=False)

    op.create_table('projectfacts',
    sa.Column('project_id', sa.Integer(), nullable=False),
    sa.Column('it_workers', sa.Integer(), nullable=True),
    sa.Column('total_workforce', sa.Integer(), nullable=True),
    sa.Column('core_area_ha', sa.Numeric(precision=14, scale=4), nullable=True),
    sa.Column('construction_land_ha', sa.Numeric(precision=14, scale=4), nullable=True),
    sa.Column('building_density_pct', sa.Numeric(precision=14, scale=4), nullable=True),
    sa.Column('existing_parks_occupancy_pct', sa.Numeric(precision=14, scale=4), nullable=True),
    sa.Column('software_only', sa.Boolean(), nullable=False),
    sa.Column('expansion', sa.Boolean(), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_by', sqlmodel.sql.sqltypes.AutoString(length=120), nullable=False),
    sa.ForeignKeyConstraint(['project_id'], ['project.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('project_id')
    )
    op.create_table('conditionevidence',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('check_id', sa.Integer(), nullable=False),
    sa.Column('section_id', sa.Integer(), nullable=True),
    sa.Column('attachment_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['attachment_id'], ['attachment.id'], ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['check_id'], ['conditioncheck.id'], ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['section_id'], ['section.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('conditionevidence', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_conditionevidence_check_id'), ['check_id'], unique=False)

    op.create_table('ministrycomment',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('project_id', sa.Integer(), nullable=False),
    sa.Column('source', sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
    sa.Column('received_on', sa.Date(), nullable=True),
    sa.Column('section_id', sa.Integer(), nullable=True),
    sa.Column('body', sa.Text(), nullable=False),
    sa.Column('response', sa.Text(), nullable=False),
    sa.Column('state', sqlmodel.sql.sqltypes.AutoString(length=20), nullable=False),
    sa.Column('resolved_revision_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_by', sqlmodel.sql.sqltypes.AutoString(length=120), nullable=False),
    sa.ForeignKeyConstraint(['project_id'], ['project.id'], ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['resolved_revision_id'], ['sectionrevision.id'], ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['section_id'], ['section.id'], ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('ministrycomment', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_ministrycomment_project_id'), ['project_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_ministrycomment_state'), ['state'], unique=False)

    with op.batch_alter_table('attachment', schema=None) as batch_op:
        batch_op.add_column(sa.Column('kind', sqlmodel.sql.sqltypes.AutoString(length=30), nullable=False, server_default=''))
        batch_op.create_index(batch_op.f('ix_attachment_kind'), ['kind'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('attachment', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_attachment_kind'))
        batch_op.drop_column('kind')

    with op.batch_alter_table('ministrycomment', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_ministrycomment_state'))
        batch_op.drop_index(batch_op.f('ix_ministrycomment_project_id'))

    op.drop_table('ministrycomment')
    with op.batch_alter_table('conditionevidence', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_conditionevidence_check_id'))

    op.drop_table('conditionevidence')
    op.drop_table('projectfacts')
    with op.batch_alter_table('conditioncheck', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_conditioncheck_project_id'))

    op.drop_table('conditioncheck')
