"""sync identity: a global uid and a library version on every synced row, the library version, tombstones

Every synced table gets `uid` (a UUID as text, unique) and `sync_version` (the library version of the row's last
change). Existing rows get a random version-4 UUID made by the database itself (fast on a register of 100,000
parties) and distinct versions 1..N, parents' tables first; `syncstate` starts at N. Columns are added with
ALTER TABLE on both backends, never by copying a table on SQLite (that would drop the party search triggers of
0013); SQLite keeps a DEFAULT '' on `uid` because it cannot add a NOT NULL column without one.

Revision ID: 0016
Revises: 0015
Create Date: 2026-12-06 07:30:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op


revision: str = '0016'
down_revision: str | None = '0015'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# Each synced table and its primary key, parents before children (the order the first versions are given in).
SYNCED = (
    ('project', 'id'), ('document', 'id'), ('section', 'id'), ('sectionrevision', 'id'), ('attachment', 'id'),
    ('sectioncomment', 'id'), ('affectedparty', 'id'), ('landparcel', 'id'), ('asset', 'id'),
    ('compensationline', 'id'), ('resettlement', 'id'), ('catalogueentry', 'id'), ('consultation', 'id'),
    ('documentcounter', 'id'), ('milestoneplan', 'id'), ('reviewschedule', 'project_id'), ('holiday', 'id'),
    ('milestonestep', 'id'), ('milestonebaseline', 'id'), ('baselineentry', 'id'), ('projectfacts', 'project_id'),
    ('conditioncheck', 'id'), ('conditionevidence', 'id'), ('ministrycomment', 'id'),
)
_HEX = "lower(hex(randomblob({n})))"
# A version-4 UUID from SQLite's own random bytes: 8-4-4-4-12 hex digits, '4' and one of 8, 9, a, b in place.
SQLITE_UUID4 = (
    f"{_HEX.format(n=4)} || '-' || {_HEX.format(n=2)} || '-4' || substr({_HEX.format(n=2)}, 2) || '-' || "
    f"substr('89ab', 1 + abs(random()) % 4, 1) || substr({_HEX.format(n=2)}, 2) || '-' || {_HEX.format(n=6)}"
)


def upgrade() -> None:
    bind = op.get_bind()
    sqlite = bind.dialect.name == 'sqlite'
    op.create_table('syncstate',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('version', sa.BigInteger(), server_default='0', nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_table('synctombstone',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('uid', sqlmodel.sql.sqltypes.AutoString(length=36), nullable=False),
    sa.Column('table_name', sqlmodel.sql.sqltypes.AutoString(length=40), nullable=False),
    sa.Column('sync_version', sa.BigInteger(), server_default='0', nullable=False),
    sa.Column('deleted_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_index('ix_synctombstone_uid', 'synctombstone', ['uid'], unique=False)
    op.create_index('ix_synctombstone_sync_version', 'synctombstone', ['sync_version'], unique=False)
    given = 0
    for table, key in SYNCED:
        op.add_column(table, sa.Column(
            'uid', sqlmodel.sql.sqltypes.AutoString(length=36), nullable=not sqlite,
            server_default='' if sqlite else None,
        ))
        op.add_column(table, sa.Column('sync_version', sa.BigInteger(), server_default='0', nullable=False))
        op.execute(f"UPDATE {table} SET uid = {SQLITE_UUID4 if sqlite else 'gen_random_uuid()::text'}")
        op.execute(
            f"UPDATE {table} SET sync_version = {given} + ranked.n FROM "
            f"(SELECT {key} AS k, row_number() OVER (ORDER BY {key}) AS n FROM {table}) AS ranked "
            f"WHERE {table}.{key} = ranked.k"
        )
        given += int(bind.execute(sa.text(f'SELECT count(*) FROM {table}')).scalar_one())
        if not sqlite:
            op.alter_column(table, 'uid', nullable=False)
        op.create_index(f'ix_{table}_uid', table, ['uid'], unique=True)
        op.create_index(f'ix_{table}_sync_version', table, ['sync_version'], unique=False)
    op.execute(f'INSERT INTO syncstate (id, version) VALUES (1, {given})')


def downgrade() -> None:
    bind = op.get_bind()
    for table, _key in reversed(SYNCED):
        op.drop_index(f'ix_{table}_sync_version', table_name=table)
        op.drop_index(f'ix_{table}_uid', table_name=table)
        if bind.dialect.name == 'sqlite':  # ALTER TABLE DROP COLUMN (3.35+): no copy, the triggers stay
            op.execute(f'ALTER TABLE {table} DROP COLUMN sync_version')
            op.execute(f'ALTER TABLE {table} DROP COLUMN uid')
        else:
            op.drop_column(table, 'sync_version')
            op.drop_column(table, 'uid')
    op.drop_index('ix_synctombstone_sync_version', table_name='synctombstone')
    op.drop_index('ix_synctombstone_uid', table_name='synctombstone')
    op.drop_table('synctombstone')
    op.drop_table('syncstate')
