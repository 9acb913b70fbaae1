"""party search index: an FTS5 trigram table on SQLite, pg_trgm GIN indexes on PostgreSQL

The register's search is a substring match over the folded name and address (and the citizen ID).
SQLite: `party_fts` is an external-content FTS5 table over affectedparty (rowid = party id) with the
trigram tokenizer, case-sensitive because its columns are folded already (so a match is exactly the old
LIKE '%text%'); triggers keep it in step with every insert, update and delete.
Beware: a later batch_alter_table on affectedparty (SQLite copies and drops the table) drops these
triggers: such a migration must create them again (and rebuild party_fts).
PostgreSQL: GIN trigram indexes that the LIKE query uses as it is; without the right to create the pg_trgm
extension the migration still succeeds, and searches scan as before.

Revision ID: 0013
Revises: 0010
Create Date: 2026-11-26 01:40:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op


revision: str = '0013'
down_revision: str | None = '0010'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

COLUMNS = ('name_folded', 'address_folded', 'citizen_id')
NEW = ', '.join(f'new.{c}' for c in COLUMNS)
OLD = ', '.join(f'old.{c}' for c in COLUMNS)
LISTED = ', '.join(COLUMNS)
SQLITE = [
    f"CREATE VIRTUAL TABLE party_fts USING fts5({LISTED}, content='affectedparty', content_rowid='id', "
    "tokenize='trigram case_sensitive 1')",
    f"CREATE TRIGGER party_fts_insert AFTER INSERT ON affectedparty BEGIN "
    f"INSERT INTO party_fts(rowid, {LISTED}) VALUES (new.id, {NEW}); END",
    f"CREATE TRIGGER party_fts_delete AFTER DELETE ON affectedparty BEGIN "
    f"INSERT INTO party_fts(party_fts, rowid, {LISTED}) VALUES ('delete', old.id, {OLD}); END",
    f"CREATE TRIGGER party_fts_update AFTER UPDATE OF id, {LISTED} ON affectedparty BEGIN "
    f"INSERT INTO party_fts(party_fts, rowid, {LISTED}) VALUES ('delete', old.id, {OLD}); "
    f"INSERT INTO party_fts(rowid, {LISTED}) VALUES (new.id, {NEW}); END",
    "INSERT INTO party_fts(party_fts) VALUES ('rebuild')",
]


def upgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name == 'sqlite':
        for statement in SQLITE:
            op.execute(statement)
        return
    if bind.dialect.name != 'postgresql':
        return
    try:
        with bind.begin_nested():  # a refusal (no right to create extensions) must not abort the migration
            bind.execute(sa.text('CREATE EXTENSION IF NOT EXISTS pg_trgm'))
    except sa.exc.DBAPIError:
        return
    for column in COLUMNS:
        op.execute(f'CREATE INDEX IF NOT EXISTS ix_affectedparty_{column}_trgm ON affectedparty USING gin ({column} gin_trgm_ops)')


def downgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name == 'sqlite':
        for name in ('insert', 'delete', 'update'):
            op.execute(f'DROP TRIGGER IF EXISTS party_fts_{name}')
        op.execute('DROP TABLE IF EXISTS party_fts')
    elif bind.dialect.name == 'postgresql':
        for column in COLUMNS:
            op.execute(f'DROP INDEX IF EXISTS ix_affectedparty_{column}_trgm')
