"""stored blobs: attachment bytes inside the database, for server (PostgreSQL) mode

SQLite keeps attachments in the folder beside its file; a PostgreSQL database is shared by desktops that share
no folder, so there the bytes live in these tables, in chunks of at most 1 MB.

Revision ID: 0014
Revises: 0013
Create Date: 2026-11-26 03:30:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op


revision: str = '0014'
down_revision: str | None = '0013'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Upgrade schema."""
    op.create_table(
        'storedblob',
        sa.Column('sha256', sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
        sa.Column('size', sa.BigInteger(), nullable=False),
        sa.Column('chunks', sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint('sha256'),
    )
    op.create_table(
        'storedblobchunk',
        sa.Column('sha256', sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
        sa.Column('seq', sa.Integer(), nullable=False),
        sa.Column('data', sa.LargeBinary(), nullable=False),
        sa.PrimaryKeyConstraint('sha256', 'seq'),
    )


def downgrade() -> None:
    """Downgrade schema."""
    op.drop_table('storedblobchunk')
    op.drop_table('storedblob')
