"""ministry consultations, review schedule, holiday calendar seeded from resources/holidays

Revision ID: 0009
Revises: 0008
Create Date: 2026-11-26 00:30:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

from dossier_app.storage.resources import load_holiday_files

revision: str = '0009'
# Branched from 0008 (already on main); the lead re-chains it after 0005-0008 at merge.
down_revision: str | None = '0008'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    holiday = op.create_table('holiday',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('day', sa.Date(), nullable=False),
    sa.Column('name', sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
    sa.Column('kind', sqlmodel.sql.sqltypes.AutoString(length=10), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_index(op.f('ix_holiday_day'), 'holiday', ['day'], unique=True)
    op.create_table('consultation',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('project_id', sa.Integer(), nullable=False),
    sa.Column('body_key', sqlmodel.sql.sqltypes.AutoString(length=40), nullable=False),
    sa.Column('name', sqlmodel.sql.sqltypes.AutoString(length=300), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('reply_days', sa.Integer(), nullable=False),
    sa.Column('sent_on', sa.Date(), nullable=True),
    sa.Column('received_on', sa.Date(), nullable=True),
    sa.Column('letter_ref', sqlmodel.sql.sqltypes.AutoString(length=120), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_by', sqlmodel.sql.sqltypes.AutoString(length=120), nullable=False),
    sa.ForeignKeyConstraint(['project_id'], ['project.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_index(op.f('ix_consultation_project_id'), 'consultation', ['project_id'], unique=False)
    op.create_table('reviewschedule',
    sa.Column('project_id', sa.Integer(), nullable=False),
    sa.Column('submitted_on', sa.Date(), nullable=True),
    sa.ForeignKeyConstraint(['project_id'], ['project.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('project_id')
    )
    op.bulk_insert(holiday, [
        {'day': entry.day, 'name': entry.name, 'kind': entry.kind.value} for entry in load_holiday_files()
    ])


def downgrade() -> None:
    op.drop_table('reviewschedule')
    op.drop_index(op.f('ix_consultation_project_id'), table_name='consultation')
    op.drop_table('consultation')
    op.drop_index(op.f('ix_holiday_day'), table_name='holiday')
    op.drop_table('holiday')
