"""session tokens: sign-ins at the department server, kept as the SHA-256 of the token only

Revision ID: 0015
Revises: 0014
Create Date: 2026-12-06 10:00:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op


revision: str = '0015'
down_revision: str | None = '0014'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Upgrade schema."""
    op.create_table('sessiontoken',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('account_id', sa.Integer(), nullable=False),
    sa.Column('token_sha256', sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
    sa.Column('client', sqlmodel.sql.sqltypes.AutoString(length=80), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('expires_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('revoked_at', sa.DateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['account_id'], ['account.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('sessiontoken', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_sessiontoken_account_id'), ['account_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_sessiontoken_token_sha256'), ['token_sha256'], unique=True)


def downgrade() -> None:
    """Downgrade schema."""
    with op.batch_alter_table('sessiontoken', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_sessiontoken_token_sha256'))
        batch_op.drop_index(batch_op.f('ix_sessiontoken_account_id'))
    op.drop_table('sessiontoken')
