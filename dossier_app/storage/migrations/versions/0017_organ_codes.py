"""organ codes: the electronic identification codes of a project's sender and recipient (edXML messages)

Two text columns on `project`, added with ALTER TABLE on both backends (never by copying the table): the sender's
code empty until a clerk enters it, the recipient's the Government Office's (000.00.00.G22), where Tờ trình to the
Prime Minister go over the national document exchange.

Revision ID: 0017
Revises: 0016
Create Date: 2026-12-06 10:10:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op


revision: str = '0017'
down_revision: str | None = '0016'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Upgrade schema."""
    op.add_column('project', sa.Column(
        'sender_organ_code', sqlmodel.sql.sqltypes.AutoString(length=13), server_default='', nullable=False,
    ))
    op.add_column('project', sa.Column(
        'recipient_organ_code', sqlmodel.sql.sqltypes.AutoString(length=13), server_default='000.00.00.G22',
        nullable=False,
    ))


def downgrade() -> None:
    """Downgrade schema."""
    op.drop_column('project', 'recipient_organ_code')  # ALTER TABLE DROP COLUMN (SQLite 3.35+): no copy
    op.drop_column('project', 'sender_organ_code')
