"""A pulled page applied to a replica: rows upserted by uid, parents' tables first, references turned from uids
back into this database's ids, natural keys adopted, the shadow kept, tombstones applied except over local work.

A row whose parent comes later waits a pass; a nullable reference to a row not yet here (a section's approved
revision, a sub-section's parent) is set after all the rows are in. A pull is applied a page at a time: a row whose
parent is on none of the pages so far, or whose nullable reference is not here yet, is handed back (`waiting`) to
go again with the next page. Rows not here yet are inserted in bulk (`bulk_rows.Inserts`). A pulled row that
matches a row made here on its own by a natural key (the catalogue and holidays every new database seeds) becomes
that row, taking the server's uid. A section with local work keeps its own text and review fields (its work is
merged and pushed first), and a tombstone that would take a section with revisions made here (itself, its
document or its project) is not applied: the section is reported.
"""

import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from functools import cache
from typing import TYPE_CHECKING, Any

from sqlalchemy import Date, DateTime, Numeric, Table, UniqueConstraint, delete, insert, update
from sqlalchemy import select as core_select
from sqlmodel import Session, col, select

from dossier_app.domain.models import Document, Project, Section, SectionRevision, SyncShadow
from dossier_app.services.department.changes import references
from dossier_app.services.sync.bulk_rows import Inserts, uid_lookup, upsert_shadows
from dossier_app.storage.sync_log import synced_tables, written

if TYPE_CHECKING:
    from dossier_app.services.sync.row_sync import RegisterPull

SHADOWED = ("section", "sectionrevision", "sectioncomment", "attachment")  # the tables whose local rows are pushed
REVIEW_FIELDS = (
    "state",
    "submitted_revision",
    "submitted_at",
    "submitted_by",
    "approved_revision",
    "approved_hash",
    "approved_at",
    "approved_by",
    "changed_since_approval",
)

# A section's place in its outline, kept in its shadow: a difference is a structure change made here (structure_sync).
STRUCTURE_FIELDS = ("document", "parent", "title", "position", "deleted_at")

# A section's columns that stay as they are here while its local work waits to be pushed.
BODY_COLUMNS = ("body", "plain_text", "search_text", "word_count", "version", "updated_at", "updated_by")
REVIEW_COLUMNS = (
    "state",
    "submitted_revision_id",
    "submitted_at",
    "submitted_by",
    "approved_revision_id",
    "approved_hash",
    "approved_at",
    "approved_by",
    "changed_since_approval",
)


@dataclass
class Applied:
    """What applying a pull did: rows applied, rows left out (no parent anywhere), sections kept despite a
    deletion on the server, rows to apply again with the next page (a parent or reference not here yet)."""

    applied: int = 0
    unplaced: int = 0
    kept: list[int] = field(default_factory=list)
    waiting: list[Mapping[str, Any]] = field(default_factory=list)  # to apply again with the next page


@cache
def _unique_sets(table_name: str) -> tuple[tuple[str, ...], ...]:
    """The natural keys of a table (unique constraints and indexes other than its uid and key): a pulled row
    that matches a row made here on its own (the catalogue and holidays every new database starts with) is
    that row, taking the server's uid."""
    table = synced_tables()[table_name]
    found: list[tuple[str, ...]] = []
    for constraint in table.constraints:
        if isinstance(constraint, UniqueConstraint):
            found.append(tuple(column.name for column in constraint.columns))
    for index in table.indexes:
        if index.unique:
            found.append(tuple(column.name for column in index.columns))
    keys = {column.name for column in table.primary_key.columns}
    return tuple(names for names in found if names and not set(names) & ({"uid"} | keys))


def _value(column: Any, value: Any) -> Any:
    """A pulled JSON value as the column stores it."""
    if value is None:
        return None
    if isinstance(column.type, DateTime):
        return datetime.fromisoformat(value)
    if isinstance(column.type, Date):
        return date.fromisoformat(value)
    if isinstance(column.type, Numeric):
        return Decimal(str(value))
    return value


@cache
def _converters(table_name: str) -> dict[str, Any]:
    """Each column of a table by name: how a pulled JSON value becomes what it stores (None: as it is), as
    `_value` does, decided once per table rather than per value."""
    found: dict[str, Any] = {}
    for column in synced_tables()[table_name].columns:
        if isinstance(column.type, DateTime):
            found[column.name] = datetime.fromisoformat
        elif isinstance(column.type, Date):
            found[column.name] = date.fromisoformat
        elif isinstance(column.type, Numeric):
            found[column.name] = _decimal
        else:
            found[column.name] = None
    return found


@cache
def _references_by_field(table_name: str) -> dict[str, Any]:
    """A table's references by the name they travel under."""
    return {ref.field: ref for ref in references(table_name)}


def _decimal(value: Any) -> Decimal:
    return Decimal(str(value))


class Ids:
    """uid → local id per table, read once per table and kept up to date while rows are applied."""

    def __init__(self, session: Session) -> None:
        self._session = session
        self._known: dict[str, dict[str, Any]] = {}

    def of(self, table_name: str) -> dict[str, Any]:
        """The table's uids and local ids."""
        if table_name not in self._known:
            table = synced_tables()[table_name]
            key = next(iter(table.primary_key.columns))
            rows = self._session.connection().execute(core_select(table.c.uid, key))
            self._known[table_name] = {str(uid): local for uid, local in rows}
        return self._known[table_name]

    def prefetch(self, wanted: Mapping[str, set[str]]) -> None:
        """Read only these uids of each table (a page's own rows and the rows they refer to), so a page of a large
        register never reads a whole table; `of` then answers for exactly these."""
        for table_name, uids in wanted.items():
            known = self._known.setdefault(table_name, {})
            known.update(uid_lookup(self._session, table_name, {uid for uid in uids if uid not in known}))


class PulledRows:
    """Applies pulled changes in one unit of work. `edited`: uids of sections with revisions made here (their
    text and review stay as they are here until the push); `reviewed`: uids of sections whose review state here
    is a request still to push (their review fields stay). Their other fields (title, place, deletion) are the
    server's."""

    def __init__(
        self,
        session: Session,
        edited: set[str],
        reviewed: set[str],
        register: "RegisterPull | None" = None,
        fresh: frozenset[str] = frozenset(),
    ) -> None:
        self._session, self._edited, self._reviewed, self._ids = session, edited, reviewed, Ids(session)
        self._fresh = fresh  # tables empty when the pull began: their pulled rows are not looked up, only inserted
        self._register = register  # the register's shadows, and its households changed here held and merged
        self._inserts = Inserts(session, self._ids.of, self._place_one)
        self._shadows: dict[str, dict[str, str]] = {}  # uid → its shadow row, written once a page is in

    def apply(
        self, changes: Sequence[Mapping[str, Any]], deleted: Sequence[Mapping[str, Any]], *, final: bool = True
    ) -> Applied:
        """Upsert the pulled rows parents' tables first (a row whose parent comes later waits a pass), keep the
        shadow, then delete what the server deleted. Sections with local work keep their own row for now, and are
        not deleted with it: an edit made here outlives a deletion there, flagged. Unless `final` (the pull's last
        page), a row whose parent or nullable reference is not here yet is handed back in `waiting`."""
        tables = synced_tables()
        latest: dict[tuple[str, str], Mapping[str, Any]] = {}
        for change in changes:  # a row changed between two pages came twice: the later wins
            if change["table"] in tables:
                latest[(change["table"], change["uid"])] = change
        session, ids = self._session, self._ids
        ids.prefetch(_uids_in(latest.values(), self._fresh))
        order = {name: position for position, name in enumerate(tables)}
        waiting = sorted(latest.values(), key=lambda c: (order[c["table"]], c["version"]))
        later: list[tuple[str, str, str, str]] = []  # (table, uid, column, referenced uid) for a second pass
        outcome = Applied()
        while waiting:
            postponed = []
            for change in waiting:
                if self._upsert(change, later):
                    outcome.applied += 1
                else:
                    postponed.append(change)
            self._inserts.flush()
            if len(postponed) == len(waiting):
                if final:
                    outcome.unplaced = len(postponed)  # their parents are neither here nor on the feed: left out
                else:
                    outcome.waiting.extend(postponed)  # their parents may come on a later page
                break
            waiting = postponed
        for table_name, uid, column, ref_uid in later:
            ref = next(r for r in references(table_name) if r.column == column)
            target = ids.of(ref.table).get(ref_uid)
            if target is not None:
                table = tables[table_name]
                session.execute(update(table).where(table.c.uid == uid).values({column: target}))
            elif not final and latest[(table_name, uid)] not in outcome.waiting:
                outcome.waiting.append(latest[(table_name, uid)])  # set when its row comes on a later page
        upsert_shadows(session, list(self._shadows.values()))  # before a tombstone below removes one of them
        self._shadows.clear()
        if self._register is not None:
            self._register.write_shadows()
        for stone in deleted:
            outcome.waiting = [c for c in outcome.waiting if (c["table"], c["uid"]) != (stone["table"], stone["uid"])]
            gone = tables.get(stone["table"])
            if gone is None:
                continue
            again = latest.get((stone["table"], stone["uid"]))
            if again is not None and again["version"] > stone["version"]:
                continue  # deleted, then made again with the same uid (a household kept despite the deletion)
            if self._register is not None and self._register.deleting(stone["table"], stone["uid"]):
                continue
            edited = self._edited_under(stone["table"], stone["uid"])
            if edited:
                outcome.kept.extend(section for section in edited if section not in outcome.kept)
                continue
            session.execute(delete(gone).where(gone.c.uid == stone["uid"]))
            session.execute(delete(SyncShadow).where(col(SyncShadow.uid) == stone["uid"]))
            outcome.applied += 1
        if self._register is not None:
            self._register.finish()
        return outcome

    def _edited_under(self, table_name: str, uid: str) -> list[int]:
        """The sections with local work a deletion of this row would take (itself, or under a document or
        project)."""
        query = select(Section.id, Section.uid).join(Document, col(Document.id) == Section.document_id)
        if table_name == "section":
            query = query.where(col(Section.uid) == uid)
        elif table_name == "document":
            query = query.where(col(Document.uid) == uid)
        elif table_name == "project":
            query = query.join(Project, col(Project.id) == Document.project_id).where(col(Project.uid) == uid)
        else:
            return []
        rows = self._session.exec(query).all()
        return [int(found or 0) for found, section_uid in rows if section_uid in self._edited]

    def _upsert(self, change: Mapping[str, Any], later: list[tuple[str, str, str, str]]) -> bool:
        """One pulled row in; False when a parent it needs is not here yet."""
        session, ids = self._session, self._ids
        name, uid, fields = change["table"], change["uid"], change["fields"]
        if self._register is not None and self._register.pulled(name, uid, fields):
            return True
        table: Table = synced_tables()[name]
        refs = _references_by_field(name)
        values: dict[str, Any] = {}
        deferred: list[tuple[str, str]] = []
        converters = _converters(name)
        for key, value in fields.items():
            ref = refs.get(key)
            if ref is None:
                if key in converters:
                    convert = converters[key]
                    values[key] = value if convert is None or value is None else convert(value)
                continue
            if value is None:
                values[ref.column] = None
                continue
            local = ids.of(ref.table).get(value)
            if local is None and self._inserts.holds(ref.table, value):
                self._inserts.flush()  # its parent is queued: inserted now, so its local id is known
                local = ids.of(ref.table).get(value)
            if local is None:
                if not table.c[ref.column].nullable:
                    return False
                values[ref.column] = None
                deferred.append((ref.column, value))
            else:
                values[ref.column] = local
        if name in SHADOWED:
            self._shadows[uid] = shadow_row(name, uid, fields)
        known = ids.of(name)
        if name == "section":  # local work is merged and pushed first; the server's row comes again after
            held = (BODY_COLUMNS + REVIEW_COLUMNS if uid in self._edited else ()) + (
                REVIEW_COLUMNS if uid in self._reviewed else ()
            )
            held += self._register.held_columns(uid) if self._register is not None else ()
            values = {column: value for column, value in values.items() if column not in held}
            deferred = [(column, ref_uid) for column, ref_uid in deferred if column not in held]
        key_column = next(iter(table.primary_key.columns))
        local_id = known.get(uid)
        if local_id is not None:
            session.execute(update(table).where(key_column == local_id).values({**values, "uid": uid}))
            known[uid] = local_id
        elif key_column.name in values:  # a key that is also a reference (a project's facts): placed at once
            known[uid] = self._place_one(name, {**values, "uid": uid})
        else:
            self._inserts.add(name, {**values, "uid": uid})  # a natural key taken here is found when it is sent
        if deferred:
            later.extend((name, uid, column, ref_uid) for column, ref_uid in deferred)
        return True

    def _place_one(self, name: str, values: dict[str, Any]) -> Any:
        """A row without a known uid on its own: the local row with the same natural key becomes it, else it is
        inserted; its local id."""
        session, table = self._session, synced_tables()[name]
        key_column = next(iter(table.primary_key.columns))
        local_id = _natural_match(session, table, values)
        if local_id is not None:
            session.execute(update(table).where(key_column == local_id).values(values))
            return local_id
        made = session.connection().execute(insert(table).values(values))
        written(session, name)  # sent on the connection: sync_log stamps it at commit all the same
        return values.get(key_column.name, made.inserted_primary_key[0] if made.inserted_primary_key else None)


def _uids_in(changes: Iterable[Mapping[str, Any]], fresh: frozenset[str] = frozenset()) -> dict[str, set[str]]:
    """Per table, the uids these changes are or refer to: all a page needs to know of this database's ids. The rows
    of a `fresh` table are not asked for: it held none when the pull began (one pulled twice is found by its uid
    when its insert collides, `_natural_match`)."""
    wanted: dict[str, set[str]] = {}
    for change in changes:
        own = wanted.setdefault(change["table"], set())  # a fresh table's entry stays empty: nothing to read
        if change["table"] not in fresh:
            own.add(change["uid"])
        for ref in references(change["table"]):
            value = change["fields"].get(ref.field)
            if isinstance(value, str):
                wanted.setdefault(ref.table, set()).add(value)
    return wanted


def _natural_match(session: Session, table: Table, values: Mapping[str, Any]) -> Any:
    """The local row a pulled row without a known uid is: the same key, the same uid (a row pulled twice into a
    table that was empty), or the same natural key."""
    key_column = next(iter(table.primary_key.columns))
    if key_column.name in values:  # a key that is also a reference (a project's facts): the same row
        query = core_select(key_column).where(key_column == values[key_column.name])
        return session.connection().execute(query).scalar()
    if values.get("uid") is not None:
        same = session.connection().execute(core_select(key_column).where(table.c.uid == values["uid"])).scalar()
        if same is not None:
            return same
    for names in _unique_sets(table.name):
        if all(values.get(n) is not None for n in names):
            query = core_select(key_column).where(*(table.c[n] == values[n] for n in names))
            match = session.connection().execute(query).scalar()
            if match is not None:
                return match
    return None


def empty_tables(session: Session) -> frozenset[str]:
    """The synced tables holding no row: a pull into them need not look its rows up (a first sync)."""
    connection = session.connection()
    return frozenset(
        name
        for name, table in synced_tables().items()
        if connection.execute(core_select(table.c.uid).limit(1)).first() is None
    )


def shadow_row(table_name: str, uid: str, fields: Mapping[str, Any]) -> dict[str, str]:
    """What remembers the server holds this row (a section with its review and place fields as the server has
    them), for `upsert_shadows`."""
    kept = {name: fields.get(name) for name in (*REVIEW_FIELDS, *STRUCTURE_FIELDS)} if table_name == "section" else {}
    return {"uid": uid, "table_name": table_name, "fields": json.dumps(kept, ensure_ascii=False)}


def review_settled(session: Session, section_id: int) -> None:
    """The server holds this section's review request now: its shadow says so until the next pull brings the row.
    Else that pull, still seeing a request here, kept the section's review fields as they were here, an approval
    another desk had made meanwhile left out of them for good (the row does not come again)."""
    section = session.get(Section, section_id)
    shadow = session.get(SyncShadow, section.uid) if section else None
    if section is None or shadow is None or not shadow.fields:
        return
    server = json.loads(shadow.fields)
    server["state"] = section.state
    for name in ("submitted_revision", "approved_revision"):
        revision_id = getattr(section, f"{name}_id")
        revision = session.get(SectionRevision, revision_id) if revision_id is not None else None
        server[name] = revision.uid if revision is not None else None
    shadow.fields = json.dumps(server, ensure_ascii=False)
    session.add(shadow)


def restore_review(session: Session, section_id: int) -> None:
    """Give a section back the server's review fields as last pulled (a review request the server refused)."""
    section = session.get(Section, section_id)
    shadow = session.get(SyncShadow, section.uid) if section else None
    if section is None or shadow is None:
        return
    server = json.loads(shadow.fields or "{}")
    ids = Ids(session).of("sectionrevision")
    table = synced_tables()["section"]
    values: dict[str, Any] = {}
    for name in REVIEW_FIELDS:
        value = server.get(name)
        if name in ("submitted_revision", "approved_revision"):
            values[f"{name}_id"] = ids.get(value) if value else None
        else:
            values[name] = _value(table.c[name], value)
    session.execute(update(table).where(table.c.id == section_id).values(values))
