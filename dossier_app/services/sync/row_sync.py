"""The register in sync: a household (its party row with its parcels, assets, compensation lines and resettlement)
travels as one record and merges field by field (`domain/row_merge.merge_rows`), because the register services
edit a party whole and give its children new rows at each edit (a child has no identity of its own to merge by).

A record is the party's own fields, its `project` (a uid) and `parcels`, `assets`, `compensation` (each a sorted
list: one field each for the merge, whose rows merge by content when both sides changed different ones) and
`resettlement`, every value in the JSON form the change feed sends. The
replica's shadow holds each register row as last pulled, so the server's record of a household is rebuilt from the
shadows, and a household changed here is one whose record here differs from it (no shadow: made here; a shadow
without its row: deleted here). Finding the candidates costs nothing per row: after each pull the replica notes its
own library version (`MARK_KEY`), and only rows stamped after it and deletions made after it are looked at (a
household still waiting is stamped again, so it stays after the mark).

On a pull, the rows of a household with local changes are held (their shadow kept, the rows here left as they are)
and merged once the pull is in: a field only one side changed takes that side, the same field changed on both sides
is a `SyncRowConflict` keeping the three values, and the household waits unpushed until a person picks one.
"""

import hashlib
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import Boolean, Date, DateTime, Integer, Numeric, String, Table, delete, insert, update
from sqlalchemy import select as core_select
from sqlmodel import Session, col, select

from dossier_app.domain.models import Setting, SyncRowConflict, SyncShadow, as_utc, new_uid, utc_now
from dossier_app.domain.row_merge import merge_rows
from dossier_app.domain.text import fold
from dossier_app.services.sync.bulk_rows import upsert_shadows
from dossier_app.services.sync.outbox import Outgoing, change
from dossier_app.storage.sync_log import STATE, TOMBSTONES, stamp, synced_tables, written

PARTY = "affectedparty"
CHILDREN = {
    "landparcel": "parcels",
    "asset": "assets",
    "compensationline": "compensation",
    "resettlement": "resettlement",
}
REGISTER = (PARTY, *CHILDREN)
_REGISTER_SET = frozenset(REGISTER)
MARK_KEY = "sync.register_mark"  # this replica's library version right after its last pull
_NOT_FIELDS = frozenset({"id", "uid", "sync_version", "party_id", "project_id", "name_folded", "address_folded"})
_CHUNK = 500
Record = dict[str, Any]


def canon(column: Any, value: Any) -> Any:
    """A value as a record holds it, whichever side it came from: exact decimals as plain text without trailing
    zeros, dates and UTC moments in ISO 8601."""
    if value is None:
        return None
    kind = column.type
    if isinstance(kind, Numeric) and not isinstance(kind, Integer):
        return format(Decimal(str(value)).normalize(), "f")
    if isinstance(kind, DateTime):
        moment = datetime.fromisoformat(value) if isinstance(value, str) else value
        return as_utc(moment).isoformat()
    if isinstance(kind, Date):
        return value if isinstance(value, str) else value.isoformat()
    if isinstance(kind, Boolean):
        return bool(value)
    return value


def stored(column: Any, value: Any, name: str) -> Any:
    """A record's value as the column stores it; ValueError naming the field when it is of the wrong kind."""
    if value is None:
        if not column.nullable:
            raise ValueError(name)
        return None
    kind = column.type
    try:
        if isinstance(kind, Numeric) and not isinstance(kind, Integer):
            if isinstance(value, bool) or not isinstance(value, str | int | float):
                raise ValueError(name)
            return Decimal(str(value))
        if isinstance(kind, DateTime):
            return datetime.fromisoformat(value)
        if isinstance(kind, Date):
            return date.fromisoformat(value)
    except (TypeError, ArithmeticError) as error:
        raise ValueError(name) from error
    if isinstance(kind, Boolean) and not isinstance(value, bool):
        raise ValueError(name)
    if isinstance(kind, Integer) and (isinstance(value, bool) or not isinstance(value, int)):
        raise ValueError(name)
    if isinstance(kind, String) and not isinstance(value, str):
        raise ValueError(name)
    return value


def _fields_of(table: Table, values: Mapping[str, Any]) -> Record:
    return {c.name: canon(c, values.get(c.name)) for c in table.columns if c.name not in _NOT_FIELDS}


def _sort_key(row: Mapping[str, Any]) -> str:
    return json.dumps(row, sort_keys=True, ensure_ascii=False)


def record(project: Any, party: Mapping[str, Any], children: Mapping[str, Iterable[Mapping[str, Any]]]) -> Record:
    """A household's record from its party row's values and its children's, however they were read."""
    tables = synced_tables()
    made: Record = {"project": project, **_fields_of(tables[PARTY], party)}
    for table_name, key in CHILDREN.items():
        rows = sorted((_fields_of(tables[table_name], row) for row in children.get(table_name, ())), key=_sort_key)
        made[key] = (rows[0] if rows else None) if key == "resettlement" else rows
    return made


def normalized(fields: Mapping[str, Any]) -> Record:
    """A pushed record in the form this side builds (so equal households compare equal); ValueError naming the
    field when a part is of the wrong kind."""
    tables = synced_tables()
    _check(tables[PARTY], fields, "")
    children: dict[str, list[Mapping[str, Any]]] = {}
    for table_name, key in CHILDREN.items():
        value = fields.get(key)
        if key == "resettlement":
            value = [] if value is None else [value]
        if not isinstance(value, list) or not all(isinstance(row, dict) for row in value):
            raise ValueError(key)
        for row in value:
            _check(tables[table_name], row, f"{key}.")
        children[table_name] = value
    return record(fields.get("project"), fields, children)


def _check(table: Table, row: Mapping[str, Any], prefix: str) -> None:
    """Every field of a pushed row of the kind its column stores (ValueError naming the first that is not)."""
    for column in table.columns:
        if column.name not in _NOT_FIELDS:
            stored(column, row.get(column.name), f"{prefix}{column.name}")


def _in_chunks(values: Iterable[Any]) -> Iterable[list[Any]]:
    items = list(values)
    for start in range(0, len(items), _CHUNK):
        yield items[start : start + _CHUNK]


def local_records(session: Session, party_ids: Iterable[int]) -> dict[int, tuple[str, Record]]:
    """The households of these local ids as records (uid, record), read from this database's rows."""
    tables = synced_tables()
    connection = session.connection()
    party, project = tables[PARTY], tables["project"]
    parties: dict[int, Mapping[str, Any]] = {}
    children: dict[int, dict[str, list[Mapping[str, Any]]]] = {}
    for chunk in _in_chunks(party_ids):
        for row in connection.execute(core_select(party).where(party.c.id.in_(chunk))).mappings():
            parties[int(row["id"])] = dict(row)
        for table_name in CHILDREN:
            child = tables[table_name]
            for row in connection.execute(core_select(child).where(child.c.party_id.in_(chunk))).mappings():
                children.setdefault(int(row["party_id"]), {}).setdefault(table_name, []).append(dict(row))
    projects = dict(
        connection.execute(
            core_select(project.c.id, project.c.uid).where(
                project.c.id.in_({r["project_id"] for r in parties.values()})
            )
        ).all()
    )
    return {
        party_id: (str(row["uid"]), record(projects.get(row["project_id"]), row, children.get(party_id, {})))
        for party_id, row in parties.items()
    }


@dataclass
class ShadowHousehold:
    """A household as the server held it when last pulled: its party's fields and its children's (uid, fields)."""

    party: Mapping[str, Any] | None
    children: dict[str, list[tuple[str, Mapping[str, Any]]]] = field(default_factory=dict)

    def record(self) -> Record | None:
        """Its record, None when the server has no such party."""
        if self.party is None:
            return None
        rows = {name: [fields for _uid, fields in found] for name, found in self.children.items()}
        return record(self.party.get("project"), self.party, rows)


def shadow_households(session: Session, uids: Mapping[str, int | None]) -> dict[str, ShadowHousehold]:
    """The server's copy of these households (party uid → local id, None when deleted here) from the shadow: the
    shadows of the rows here and those whose rows are not here (held, or deleted here)."""
    tables = synced_tables()
    connection = session.connection()
    shadow: Table = SyncShadow.__table__  # type: ignore[attr-defined]
    found = {uid: ShadowHousehold(None) for uid in uids}
    for chunk in _in_chunks(uids):
        for uid, text in connection.execute(core_select(shadow.c.uid, shadow.c.fields).where(shadow.c.uid.in_(chunk))):
            found[str(uid)].party = json.loads(text or "{}")
    by_id = {local: uid for uid, local in uids.items() if local is not None}
    for table_name in CHILDREN:
        child = tables[table_name]
        for chunk in _in_chunks(by_id):
            query = (
                core_select(shadow.c.uid, shadow.c.fields, child.c.party_id)
                .join(child, child.c.uid == shadow.c.uid)
                .where(child.c.party_id.in_(chunk))
            )
            for uid, text, party_id in connection.execute(query):
                found[by_id[party_id]].children.setdefault(table_name, []).append((str(uid), json.loads(text)))
        orphans = core_select(shadow.c.uid, shadow.c.fields).where(
            shadow.c.table_name == table_name, shadow.c.uid.not_in(core_select(child.c.uid))
        )
        for uid, text in connection.execute(orphans):
            fields = json.loads(text)
            owner = found.get(fields.get("party"))
            if owner is not None:
                owner.children.setdefault(table_name, []).append((str(uid), fields))
    return found


def _mark(session: Session) -> int:
    row = session.get(Setting, MARK_KEY)
    return int(row.value) if row and row.value.isdigit() else 0


@dataclass
class Waiting:
    """A household changed here and not yet on the server: its record here (None: deleted here) and the server's
    as last pulled (None: made here, or deleted there)."""

    uid: str
    party_id: int | None
    ours: Record | None
    base: Record | None
    blocked: bool = False  # a field in conflict: pushed once a person has picked a value


def waiting(session: Session) -> dict[str, Waiting]:
    """The households changed here since the last pull or still waiting: rows stamped after the mark, deletions
    made after it, each compared with its shadow."""
    tables = synced_tables()
    connection = session.connection()
    mark = _mark(session)
    party_ids: set[int] = set()
    party = tables[PARTY]
    party_ids.update(connection.execute(core_select(party.c.id).where(party.c.sync_version > mark)).scalars())
    for table_name in CHILDREN:
        child = tables[table_name]
        party_ids.update(connection.execute(core_select(child.c.party_id).where(child.c.sync_version > mark)).scalars())
    deleted_owners: set[str] = set()
    stones = connection.execute(
        core_select(TOMBSTONES.c.uid, TOMBSTONES.c.table_name).where(
            TOMBSTONES.c.sync_version > mark, TOMBSTONES.c.table_name.in_(REGISTER)
        )
    ).all()
    if stones:
        shadow: Table = SyncShadow.__table__  # type: ignore[attr-defined]
        shadows = dict(
            connection.execute(
                core_select(shadow.c.uid, shadow.c.fields).where(shadow.c.uid.in_({uid for uid, _t in stones}))
            ).all()
        )
        for uid, table_name in stones:
            if uid in shadows:
                deleted_owners.add(uid if table_name == PARTY else json.loads(shadows[uid]).get("party"))
    present: list[str] = []
    for chunk in _in_chunks(party_ids):
        present.extend(connection.execute(core_select(party.c.uid).where(party.c.id.in_(chunk))).scalars())
    return compare(session, [*present, *deleted_owners])


def compare(session: Session, uids: Iterable[str]) -> dict[str, Waiting]:
    """Those of these households whose record here differs from the server's as last pulled."""
    party = synced_tables()[PARTY]
    wanted = set(uids)
    if not wanted:  # nothing changed here: no shadow read (a pull asks once a page, the shadows are the register's)
        return {}
    ids: dict[str, int | None] = dict.fromkeys(wanted)
    for chunk in _in_chunks(wanted):
        ids.update(
            session.connection().execute(core_select(party.c.uid, party.c.id).where(party.c.uid.in_(chunk))).all()
        )
    ours = {uid: made for uid, made in local_records(session, [i for i in ids.values() if i is not None]).values()}
    theirs = shadow_households(session, ids)
    blocked = set(
        session.scalars(select(SyncRowConflict.row_uid).where(col(SyncRowConflict.resolved_at).is_(None))).all()
    )
    found: dict[str, Waiting] = {}
    for uid, party_id in ids.items():
        mine, base = ours.get(uid), theirs[uid].record()
        if mine != base:
            found[uid] = Waiting(uid, party_id, mine, base, uid in blocked)
    return found


def households_to_push(session: Session) -> list[Outgoing]:
    """The households to push: each as its record with the server's as its base (`deleted` for one deleted here);
    nothing of a household with a field still in conflict."""
    tables = synced_tables()
    project = tables["project"]
    codes = dict(session.connection().execute(core_select(project.c.uid, project.c.code)).all())
    made: list[Outgoing] = []
    for item in waiting(session).values():
        if item.blocked:
            continue
        fields: Record = item.ours if item.ours is not None else {"deleted": True}
        shown = item.ours or item.base or {}
        what = f"party:{item.uid}:{_digest(fields)}:{_digest(item.base)}"
        pushed = change(PARTY, item.uid, fields, what)
        pushed["base"] = item.base
        words = "xoá hộ/household deleted" if item.ours is None else "hộ/household"
        label = f"{codes.get(shown.get('project'), '?')} {shown.get('code', '?')}: {words}"
        made.append(Outgoing(pushed, label))
    return made


def _digest(value: Any) -> str:
    return hashlib.sha256(json.dumps(value, sort_keys=True, ensure_ascii=False).encode()).hexdigest()[:16]


class RegisterPull:
    """A pull's register side, in the pull's unit of work: shadows kept for every pulled register row; the rows of
    households changed here held and merged at the end (`finish`); then the mark."""

    def __init__(self, session: Session) -> None:
        self._session = session
        self._waiting = waiting(session)
        self._held = {uid for uid, item in self._waiting.items() if item.party_id is not None}
        self._gone_here = {uid for uid, item in self._waiting.items() if item.party_id is None}
        self._revived: set[str] = set()  # deleted here, changed on the server: made again as the server holds them
        self._touched: set[str] = set()
        self._shadows: dict[str, dict[str, str]] = {}  # pulled rows' shadows not written yet, by uid
        self.kept: list[str] = []  # households the server deleted, kept here for the changes made on them
        self.conflicts: list[str] = []  # households with a field changed differently on both sides
        self.merged: list[str] = []

    def held_columns(self, uid: str) -> tuple[str, ...]:
        """A section's columns the pull leaves as they are here (none: the outline's are structure_sync's)."""
        return ()

    def pulled(self, table_name: str, uid: str, fields: Mapping[str, Any]) -> bool:
        """Keep the row's shadow; True when the row is held (its household changed here)."""
        if table_name not in _REGISTER_SET:
            return False
        self._shadows[uid] = {"uid": uid, "table_name": table_name, "fields": json.dumps(fields, ensure_ascii=False)}
        if not (self._held or self._gone_here):
            return False
        owner = uid if table_name == PARTY else fields.get("party")
        if owner in self._held:
            self._touched.add(str(owner))
            return True
        if owner in self._gone_here:
            self._revived.add(str(owner))  # made again whole from the shadows at the end (its party may not come)
            return True
        return False

    def deleting(self, table_name: str, uid: str) -> bool:
        """True when a pulled deletion is held (the row belongs to a household changed here): its shadow goes, the
        row stays until the merge."""
        if not self._held or table_name not in _REGISTER_SET:
            return False
        tables = synced_tables()
        party = tables[PARTY]
        if table_name == PARTY:
            owner: str | None = uid
        else:
            child = tables[table_name]
            owner = (
                self._session.connection()
                .execute(core_select(party.c.uid).join(child, child.c.party_id == party.c.id).where(child.c.uid == uid))
                .scalar()
            )
        if owner not in self._held:
            return False
        self.write_shadows()
        self._session.execute(delete(SyncShadow).where(col(SyncShadow.uid) == uid))
        self._touched.add(str(owner))
        return True

    def write_shadows(self) -> None:
        """The shadows pulled so far into the database (before anything reads or deletes shadows)."""
        upsert_shadows(self._session, list(self._shadows.values()))
        self._shadows.clear()

    def finish(self) -> None:
        """Merge each held household, then note the mark and stamp again what still waits."""
        session = self._session
        self.write_shadows()
        for uid in sorted(self._touched):
            self._merge(self._waiting[uid])
        for uid in sorted(self._revived):
            self._revive(uid)
        still = compare(session, self._waiting) if self._waiting else {}
        connection = session.connection()
        stamp(connection, [*REGISTER, TOMBSTONES.name])
        mark = int(connection.execute(core_select(STATE.c.version)).scalar() or 0)
        row = session.get(Setting, MARK_KEY) or Setting(key=MARK_KEY)
        row.value = str(mark)
        session.add(row)
        party = synced_tables()[PARTY]
        present = [item.party_id for item in still.values() if item.party_id is not None]
        for chunk in _in_chunks(present):
            session.execute(update(party).where(party.c.id.in_(chunk)).values(sync_version=0))
        gone = [item.uid for item in still.values() if item.party_id is None]
        if gone:
            session.execute(update(TOMBSTONES).where(TOMBSTONES.c.uid.in_(gone)).values(sync_version=0))
            stamp(connection, [TOMBSTONES.name])  # after the mark: deletions made here still to push

    def _merge(self, item: Waiting) -> None:
        session = self._session
        household = shadow_households(session, {item.uid: item.party_id})[item.uid]
        theirs = household.record()
        assert item.party_id is not None and item.ours is not None
        label = f"hộ/household {item.ours.get('code', '?')}"
        if theirs is None:
            self.kept.append(label)  # deleted on the server: kept with the changes made here, pushed again
            return
        outcome = merge_rows(item.base, item.ours, theirs)
        merged = outcome.row or item.ours
        tables = synced_tables()
        party = tables[PARTY]
        own = {
            name: stored(party.c[name], merged.get(name), name)
            for name in merged
            if name in party.c and name not in _NOT_FIELDS and merged.get(name) != item.ours.get(name)
        }
        if "name" in own:
            own["name_folded"] = fold(str(own["name"]))[:200]
        if "address" in own:
            own["address_folded"] = fold(str(own["address"]))[:300]
        if own:
            session.execute(update(party).where(party.c.id == item.party_id).values(own))
        project_id = (
            session.connection().execute(core_select(party.c.project_id).where(party.c.id == item.party_id)).scalar()
        )
        for table_name, key in CHILDREN.items():
            taken = merged.get(key)
            if taken != theirs.get(key) and taken == item.ours.get(key):
                continue  # ours kept (ours alone changed it, or the field is in conflict)
            session.execute(delete(tables[table_name]).where(tables[table_name].c.party_id == item.party_id))
            if taken == theirs.get(key):
                children_from_shadow(session, household, table_name, item.party_id, project_id)  # the server's rows
            else:  # different rows changed on the two sides: both changes here, pushed next
                self._children_from_record(taken, table_name, item.party_id, project_id)
        for conflict in outcome.conflicts:
            self._record(item, conflict.field, conflict.base, conflict.ours, conflict.theirs)
        if outcome.conflicts:
            self.conflicts.append(label)
        elif merged not in (theirs, item.ours):
            self.merged.append(label)

    def _children_from_record(self, value: Any, table_name: str, party_id: int, project_id: Any) -> None:
        """The household's rows of one child table as a merged record holds them (new rows: they are ours to push)."""
        child = synced_tables()[table_name]
        rows = ([] if value is None else [value]) if CHILDREN[table_name] == "resettlement" else list(value or [])
        for fields in rows:
            values = {
                c.name: stored(c, fields.get(c.name), c.name)
                for c in child.columns
                if c.name not in _NOT_FIELDS and c.name in fields
            }
            values.update(uid=new_uid(), party_id=party_id)
            if "project_id" in child.c:
                values["project_id"] = project_id
            self._session.connection().execute(insert(child).values(values))
            written(self._session, table_name)

    def _revive(self, uid: str) -> None:
        """A household deleted here that the server changed since: made again here as the server holds it, and the
        deletion dropped (as a section's is), so the edit made there is not lost by the deletion's push."""
        session = self._session
        household = shadow_households(session, {uid: None})[uid]
        fields = household.party
        if fields is None:
            return  # deleted on the server too
        tables = synced_tables()
        party, project = tables[PARTY], tables["project"]
        connection = session.connection()
        found = core_select(project.c.id).where(project.c.uid == fields.get("project"))
        project_id = connection.execute(found).scalar()
        if project_id is None:
            return
        values = {
            c.name: stored(c, fields.get(c.name), c.name)
            for c in party.columns
            if c.name not in _NOT_FIELDS and c.name in fields
        }
        values.update(uid=uid, project_id=project_id)
        values.update(name_folded=fold(str(values.get("name") or ""))[:200])
        values.update(address_folded=fold(str(values.get("address") or ""))[:300])
        key = connection.execute(insert(party).values(values)).inserted_primary_key
        assert key is not None
        party_id = int(key[0])
        written(session, PARTY)
        for table_name in CHILDREN:
            children_from_shadow(session, household, table_name, party_id, project_id)
        self.kept.append(f"hộ/household {fields.get('code', '?')}: sửa trên máy chủ/edited on the server")

    def _record(self, item: Waiting, name: str, base: Any, ours: Any, theirs: Any) -> None:
        """A field in conflict, once per household and field while unresolved (a later pull renews its values)."""
        session = self._session
        assert item.party_id is not None
        row = session.scalars(
            select(SyncRowConflict).where(
                col(SyncRowConflict.row_uid) == item.uid,
                col(SyncRowConflict.field) == name,
                col(SyncRowConflict.resolved_at).is_(None),
            )
        ).first()
        row = row or SyncRowConflict(
            party_id=item.party_id, row_uid=item.uid, field=name, ours_value="", theirs_value=""
        )
        row.base_value = json.dumps(base, ensure_ascii=False)
        row.ours_value = json.dumps(ours, ensure_ascii=False)
        row.theirs_value = json.dumps(theirs, ensure_ascii=False)
        session.add(row)


def children_from_shadow(
    session: Session, household: ShadowHousehold, table_name: str, party_id: int, project_id: Any
) -> None:
    """The household's rows of one child table as the server holds them (their uids)."""
    child = synced_tables()[table_name]
    for uid, fields in household.children.get(table_name, []):
        values = {
            c.name: stored(c, fields.get(c.name), c.name)
            for c in child.columns
            if c.name not in _NOT_FIELDS and c.name in fields
        }
        values.update(uid=uid, party_id=party_id)
        if "project_id" in child.c:
            values["project_id"] = project_id
        session.connection().execute(insert(child).values(values))
        written(session, table_name)


def take_server_children(session: Session, party_id: int) -> None:
    """The household's children lists that hold what the server's hold become the server's rows (their uids). A
    household saved here through the register service has new child rows: a list taken from the server that way
    (a conflict decided for the server's value) kept uids the server lacks for good, nothing being left to push,
    and a later pull of the household added the server's new rows beside them."""
    uid, mine = local_records(session, [party_id])[party_id]
    household = shadow_households(session, {uid: party_id})[uid]
    theirs = household.record()
    if theirs is None:
        return
    tables = synced_tables()
    party = tables[PARTY]
    connection = session.connection()
    project_id = connection.execute(core_select(party.c.project_id).where(party.c.id == party_id)).scalar()
    for table_name, key in CHILDREN.items():
        child = tables[table_name]
        here = set(connection.execute(core_select(child.c.uid).where(child.c.party_id == party_id)).scalars())
        server_uids = {child_uid for child_uid, _fields in household.children.get(table_name, [])}
        if mine.get(key) != theirs.get(key) or here == server_uids:
            continue
        session.execute(delete(child).where(child.c.party_id == party_id))
        children_from_shadow(session, household, table_name, party_id, project_id)


def resolved(session: Session, conflict_id: int) -> SyncRowConflict:
    """Mark a conflict decided (the household's value here is the one picked)."""
    row = session.get(SyncRowConflict, conflict_id)
    assert row is not None
    row.resolved_at = utc_now()
    session.add(row)
    return row
