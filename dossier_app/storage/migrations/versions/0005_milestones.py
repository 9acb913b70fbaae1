"""milestones: per-project plans, steps, baselines and their frozen entries

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-26 00:15:08.911070
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op


revision: str = '0005'
down_revision: str | None = '0004'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('milestonebaseline',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('project_id', sa.Integer(), nullable=False),
    sa.Column('name', sqlmodel.sql.sqltypes.AutoString(length=120), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('created_by', sqlmodel.sql.sqltypes.AutoString(length=120), nullable=False),
    sa.ForeignKeyConstraint(['project_id'], ['project.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('project_id', 'name')
    )
    with op.batch_alter_table('milestonebaseline', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_milestonebaseline_project_id'), ['project_id'], unique=False)

    op.create_table('milestoneplan',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('project_id', sa.Integer(), nullable=False),
    sa.Column('template_key', sqlmodel.sql.sqltypes.AutoString(length=40), nullable=False),
    sa.Column('land_kind', sqlmodel.sql.sqltypes.AutoString(length=20), nullable=False),
    sa.Column('at_risk_days', sa.Integer(), nullable=False),
    sa.Column('next_custom', sa.Integer(), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_by', sqlmodel.sql.sqltypes.AutoString(length=120), nullable=False),
    sa.ForeignKeyConstraint(['project_id'], ['project.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('project_id')
    )
    op.create_table('milestonestep',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('project_id', sa.Integer(), nullable=False),
    sa.Column('key', sqlmodel.sql.sqltypes.AutoString(length=20), nullable=False),
    sa.Column('title', sqlmodel.sql.sqltypes.AutoString(length=300), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('planned_start', sa.Date(), nullable=True),
    sa.Column('planned_end', sa.Date(), nullable=True),
    sa.Column('actual_start', sa.Date(), nullable=True),
    sa.Column('actual_end', sa.Date(), nullable=True),
    sa.Column('responsible', sqlmodel.sql.sqltypes.AutoString(length=300), nullable=False),
    sa.Column('status', sqlmodel.sql.sqltypes.AutoString(length=20), nullable=False),
    sa.Column('percent', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['project_id'], ['project.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('project_id', 'key')
    )
    with op.batch_alter_table('milestonestep', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_milestonestep_project_id'), ['project_id'], unique=False)

    op.create_table('baselineentry',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('baseline_id', sa.Integer(), nullable=False),
    sa.Column('key', sqlmodel.sql.sqltypes.AutoString(length=20), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('planned_start', sa.Date(), nullable=True),
    sa.Column('planned_end', sa.Date(), nullable=True),
    sa.ForeignKeyConstraint(['baseline_id'], ['milestonebaseline.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('baseline_id', 'key')
    )
    with op.batch_alter_table('baselineentry', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_baselineentry_baseline_id'), ['baseline_id'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('baselineentry', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_baselineentry_baseline_id'))

    op.drop_table('baselineentry')
    with op.batch_alter_table('milestonestep', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_milestonestep_project_id'))

    op.drop_table('milestonestep')
    op.drop_table('milestoneplan')
    with op.batch_alter_table('milestonebaseline', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_milestonebaseline_project_id'))

    op.drop_table('milestonebaseline')
