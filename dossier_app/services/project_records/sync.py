"""A project's records in sync: its details (the project form's fields), its milestone plan's settings, each step of
the plan, its facts, the day its dossier was filed, each body consulted, each condition's assessment and each
ministry comment of its comment register; and the department's rows of no project, the land-use and ward
catalogues and the holiday calendar (`GLOBAL`). Each row travels as one record of fields and merges
field by field (`domain/row_merge`), as a household does (row_sync), but a row is its own unit: a step and a body
have a lasting identity (their uid), and every project has at most one plan, one set of facts, one filing date and
one assessment per condition. Only the records of projects the server holds are pushed: a project made here is made
there first (new_projects.py).

A record is the row's fields that people edit, in the JSON form the change feed sends (`row_sync.canon`), with
its `project` as a uid. The replica's shadow holds each such row as last pulled, in the same form, so a row
changed here is one whose record differs from its shadow (no shadow: made here; a shadow without its row: a step or
body removed here). These tables hold a few dozen rows a project, so every sync compares them all.

On a pull, a row changed here is held (its shadow renewed, the row left) and merged once the pull is in: a field
one side changed takes that side, the same field changed differently on both sides is a `SyncRecordConflict`
keeping the three values, and the row waits unpushed until a person picks one in the conflicts window. A step's
place in the plan (`position`) is layout, never a conflict: when both sides moved it, the server's place stands.
A row the server removed while it was edited here stays and is pushed again (the server makes it again); a row
removed here that the server edited since comes back. A row made here while the server made its own with the same
natural key (`natural_key`) becomes the server's row (its uid) and merges with it from a fresh row's defaults; a
custom step made here whose key (X1) another desk took meanwhile gets the next free key here, and the server gives
it a free one of its own if that is taken too.
"""

import hashlib
import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Table, delete, literal, null, update
from sqlalchemy import select as core_select
from sqlmodel import Session, col, select

from dossier_app.domain.catalogues import CatalogueKind
from dossier_app.domain.comment_register import CommentState
from dossier_app.domain.conditions import ConditionStatus
from dossier_app.domain.milestones import LandKind, MilestoneStatus
from dossier_app.domain.models import Setting, SyncRecordConflict, SyncShadow
from dossier_app.domain.row_merge import merge_rows
from dossier_app.domain.working_days import DayKind
from dossier_app.services.completeness.checklist import FACT_FIELDS
from dossier_app.services.department.push import UID
from dossier_app.services.register.catalogues import catalogue_usage
from dossier_app.services.sync.bulk_rows import uid_lookup, upsert_shadows
from dossier_app.services.sync.outbox import Outgoing, change, pulled_up_to
from dossier_app.services.sync.row_sync import Record, canon, stored
from dossier_app.storage.sync_log import synced_tables

PROJECT = "project"
CATALOGUE = "catalogueentry"  # the land-use and ward catalogues: the department's, no project's
HOLIDAY = "holiday"  # the working-day calendar (holidays off, make-up days): the department's, no project's
BASELINE = "milestonebaseline"  # taken once, never changed: pushed when made here, as it was taken
STEP = "milestonestep"
CONSULTATION = "consultation"
CONDITION = "conditioncheck"
EVIDENCE = "conditionevidence"  # a link from an assessment to the section or attachment proving it: made or removed
COMMENT = "ministrycomment"
COUNTER = "documentcounter"  # the next number of a document symbol: numbers only move forward
RECORDS: dict[str, tuple[str, ...]] = {  # the tables in the order they are pushed, and their fields
    CATALOGUE: ("kind", "code", "name", "land_group", "confirmed", "position"),  # before the households using them
    HOLIDAY: ("day", "name", "kind"),
    PROJECT: (  # what the project form edits (its kind never changes; a new regime is pushed first, new_projects.py)
        "code",
        "name",
        "location",
        "ward",
        "area_ha",
        "investor",
        "total_investment_vnd",
        "governing_body",
        "issuing_body",
        "signer_title",
        "signer_name",
        "sender_organ_code",
        "recipient_organ_code",
        "regime_key",
    ),
    "milestoneplan": ("land_kind", "at_risk_days"),
    "projectfacts": FACT_FIELDS,
    "reviewschedule": ("submitted_on",),
    STEP: (
        "key",
        "title",
        "position",
        "planned_start",
        "planned_end",
        "actual_start",
        "actual_end",
        "responsible",
        "status",
        "percent",
    ),
    CONSULTATION: ("body_key", "name", "reply_days", "sent_on", "received_on", "letter_ref"),
    CONDITION: ("condition_key", "status", "note"),
    EVIDENCE: ("check", "section", "attachment"),
    COMMENT: ("source", "received_on", "section", "body", "response", "state", "resolved_revision"),
    COUNTER: ("symbol", "next_number"),
}
REFS = {  # fields that name another row, sent as its uid: (table, field) → (column here, the table it names)
    (COMMENT, "section"): ("section_id", "section"),
    (COMMENT, "resolved_revision"): ("resolved_revision_id", "sectionrevision"),
    (EVIDENCE, "check"): ("check_id", CONDITION),
    (EVIDENCE, "section"): ("section_id", "section"),
    (EVIDENCE, "attachment"): ("attachment_id", "attachment"),
}
CHOICES = {  # (table, field): the values the program knows
    (STEP, "status"): frozenset(status.value for status in MilestoneStatus),
    ("milestoneplan", "land_kind"): frozenset(kind.value for kind in LandKind),
    (CONDITION, "status"): frozenset(status.value for status in ConditionStatus),
    (COMMENT, "state"): frozenset(state.value for state in CommentState),
    (CATALOGUE, "kind"): frozenset(kind.value for kind in CatalogueKind),
    (HOLIDAY, "kind"): frozenset(kind.value for kind in DayKind),
}
STEP_KEY = re.compile(r"[A-Za-z][A-Za-z0-9_.-]{0,19}")  # M1, X12: what a step's key column holds
HOOKED = frozenset({*RECORDS, BASELINE})  # the tables whose pulled rows the records' pull hook sees
SINGLETONS = frozenset({"milestoneplan", "projectfacts", "reviewschedule"})  # one row per project
REMOVABLE = frozenset({STEP, CONSULTATION, COMMENT, EVIDENCE, CATALOGUE, HOLIDAY})  # rows a person removes
GLOBAL = frozenset({CATALOGUE, HOLIDAY})  # the department's rows, of no project: pushed whatever projects it holds
LAYOUT = frozenset({"position"})  # merged without a conflict: the server's place stands when both moved
FORWARD = frozenset({(COUNTER, "next_number")})  # merged without a conflict: the higher number stands
CUSTOM_PREFIX = "X"  # a step a person added (services/milestones/milestone_rows.CUSTOM_PREFIX)
SHADOWED_KEY = "sync.records_shadowed"  # set once the rows pulled before records were pushed have their shadows
WORDS = {
    CATALOGUE: "danh mục/catalogue",
    HOLIDAY: "lịch ngày nghỉ/holiday calendar",
    PROJECT: "thông tin dự án/project details",
    "milestoneplan": "kế hoạch mốc/milestone plan",
    "projectfacts": "số liệu dự án/project facts",
    "reviewschedule": "ngày nộp hồ sơ/filing date",
    STEP: "bước/step",
    CONSULTATION: "cơ quan hỏi ý kiến/consultation",
    CONDITION: "điều kiện/condition",
    EVIDENCE: "bằng chứng của điều kiện/condition evidence",
    COMMENT: "ý kiến bộ ngành/ministry comment",
    COUNTER: "số văn bản/document number",
    "section": "tên mục/section title",
}


def record_of(table_name: str, project_uid: Any, values: Mapping[str, Any]) -> Record:
    """A row's record from its values, however they were read (a local row's or the feed's)."""
    table = synced_tables()[table_name]
    return {
        "project": project_uid,
        **{
            name: values.get(name) if (table_name, name) in REFS else canon(table.c[name], values.get(name))
            for name in RECORDS[table_name]
        },
    }


def checked_record(table_name: str, fields: Mapping[str, Any]) -> Record:
    """A pushed record in the form this side builds; ValueError naming the first field of the wrong kind (a date
    not in ISO 8601, a status or land kind the program does not know, a step key that is no key)."""
    table = synced_tables()[table_name]
    for name in RECORDS[table_name]:
        value = fields.get(name)
        if (table_name, name) in REFS:
            if value is not None and not (isinstance(value, str) and UID.match(value)):
                raise ValueError(name)
            continue
        try:
            stored(table.c[name], value, name)
        except (TypeError, ValueError) as error:
            raise ValueError(name) from error
        if (table_name, name) in CHOICES and value not in CHOICES[(table_name, name)]:
            raise ValueError(name)
        if name == "key" and not (isinstance(value, str) and STEP_KEY.fullmatch(value)):
            raise ValueError(name)
    if table_name == EVIDENCE:  # a link names its assessment and one section or one attachment
        if not fields.get("check"):
            raise ValueError("check")
        if (fields.get("section") is None) == (fields.get("attachment") is None):
            raise ValueError("section")
    return record_of(table_name, fields.get("project"), fields)


def natural_key(table_name: str, record: Mapping[str, Any]) -> tuple[Any, ...] | None:
    """What makes two rows made apart (on two desks, or on a desk and the server) the same row: a plan, facts or
    filing date its project; a template step its key; a condition its key; a consulted body its regime key, else
    its name (the list takes a name once). None for a custom step: two desks' X1 are two steps."""
    project = record.get("project")
    if table_name == PROJECT:
        return None  # a project the server lacks is made there by its creation (new_projects), not matched
    if table_name == CATALOGUE:
        return (record.get("kind"), record.get("code"))
    if table_name == HOLIDAY:
        return (record.get("day"),)
    if table_name in SINGLETONS:
        return (project,)
    if table_name == STEP:
        key = str(record.get("key", ""))
        return None if key.startswith(CUSTOM_PREFIX) else (project, key)
    if table_name == CONDITION:
        return (project, record.get("condition_key"))
    if table_name == COMMENT:
        return None  # two comments received apart are two comments
    if table_name == EVIDENCE:
        return (project, record.get("check"), record.get("section"), record.get("attachment"))
    if table_name == COUNTER:
        return (project, record.get("symbol"))
    if record.get("body_key"):
        return (project, "body", record.get("body_key"))
    return (project, "name", str(record.get("name", "")).casefold())


def fresh_record(table_name: str, project_uid: Any) -> Record:
    """A row as a service makes it before anyone fills it in (each column's default): the base two rows made apart
    for one natural key share, so a field only one side filled in is no conflict."""
    table = synced_tables()[table_name]
    values: dict[str, Any] = {}
    for name in RECORDS[table_name]:
        if (table_name, name) in REFS:
            values[name] = None
            continue
        default = table.c[name].default
        values[name] = getattr(default, "arg", None) if default is not None and default.is_scalar else None
    return record_of(table_name, project_uid, values)


def pulled_record(table_name: str, project_uid: Any, fields: Mapping[str, Any]) -> Record:
    """A pulled row's record; a field the page does not carry (a server of an older version) is the column's
    default, as the row is made here."""
    fresh, sent = fresh_record(table_name, project_uid), record_of(table_name, project_uid, fields)
    return {name: value if name == "project" or name in fields else fresh[name] for name, value in sent.items()}


def stored_values(table_name: str, fields: Mapping[str, Any], names: Iterable[str]) -> dict[str, Any]:
    """These fields of a record as the row's columns store them (a reference stays the uid it names)."""
    table = synced_tables()[table_name]
    return {
        name: fields.get(name) if (table_name, name) in REFS else stored(table.c[name], fields.get(name), name)
        for name in names
    }


def column_values(session: Session, table_name: str, fields: Mapping[str, Any], names: Iterable[str]) -> dict[str, Any]:
    """These fields of a record as the row's columns here: a reference as the local id of the row it names."""
    values = stored_values(table_name, fields, names)
    for name in list(values):
        if (table_name, name) in REFS:
            column, target = REFS[(table_name, name)]
            uid = values.pop(name)
            values[column] = uid_lookup(session, target, {uid}).get(uid) if uid else None
    return values


def with_uids(session: Session, table_name: str, rows: list[dict[str, Any]]) -> None:
    """Each row's references as the uids of the rows they name, under the record's field names."""
    tables = synced_tables()
    for (table, name), (column, target) in REFS.items():
        if table != table_name:
            continue
        ids = {row[column] for row in rows if row[column] is not None}
        named = tables[target]
        uids = dict(session.connection().execute(core_select(named.c.id, named.c.uid).where(named.c.id.in_(ids))).all())
        for row in rows:
            row[name] = uids.get(row[column]) if row[column] is not None else None


@dataclass
class LocalRow:
    """A row of a record table here: its table, local key, project (local id) and record."""

    table_name: str
    key: Any
    project_id: int
    record: Record


def local_rows(session: Session) -> dict[str, LocalRow]:
    """Every row of the record tables here, by uid (a few dozen a project)."""
    tables = synced_tables()
    connection = session.connection()
    found: dict[str, LocalRow] = {}
    for table_name in RECORDS:
        table = tables[table_name]
        key = next(iter(table.primary_key.columns))
        rows = [dict(row) for row in connection.execute(owned_rows(table_name)).mappings()]
        with_uids(session, table_name, rows)
        for row in rows:
            found[str(row["uid"])] = LocalRow(
                table_name, row[key.name], int(row["_project_id"]), record_of(table_name, row["_project_uid"], row)
            )
    return found


def owned_rows(table_name: str) -> Any:
    """A query of a record table's rows with their project's id and uid (`_project_id`, `_project_uid`): a
    project's own for the project table."""
    tables = synced_tables()
    table, project = tables[table_name], tables["project"]
    if table_name == PROJECT:
        return core_select(table, table.c.id.label("_project_id"), table.c.uid.label("_project_uid"))
    if table_name in GLOBAL:
        return core_select(table, literal(0).label("_project_id"), null().label("_project_uid"))
    columns = (table, project_column(table_name).label("_project_id"), project.c.uid.label("_project_uid"))
    if table_name == EVIDENCE:  # a link's project is its assessment's
        check = tables[CONDITION]
        joined = core_select(*columns).join(check, check.c.id == table.c.check_id)
        return joined.join(project, project.c.id == check.c.project_id)
    return core_select(*columns).join(project, project.c.id == table.c.project_id)


def project_column(table_name: str) -> Any:
    """The column naming a record table's project in `owned_rows` (a link's: its assessment's); None for the
    department's own rows."""
    tables = synced_tables()
    if table_name in GLOBAL:
        return None
    return tables[CONDITION].c.project_id if table_name == EVIDENCE else tables[table_name].c.project_id


def shadow_row(uid: str, table_name: str, record: Record) -> dict[str, str]:
    """A record's shadow row, as `upsert_shadows` writes it."""
    return {"uid": uid, "table_name": table_name, "fields": json.dumps(record, ensure_ascii=False)}


def shadow_records(session: Session) -> dict[str, tuple[str, Record]]:
    """The server's rows of the record tables as last pulled, by uid."""
    shadow: Table = SyncShadow.__table__  # type: ignore[attr-defined]
    query = core_select(shadow.c.uid, shadow.c.table_name, shadow.c.fields).where(shadow.c.table_name.in_(RECORDS))
    return {str(uid): (str(name), json.loads(text or "{}")) for uid, name, text in session.connection().execute(query)}


@dataclass
class Waiting:
    """A row changed here and not yet on the server: its record here (None: a step removed here) and the server's
    as last pulled (None: made here)."""

    table_name: str
    uid: str
    ours: Record | None
    base: Record | None
    local: LocalRow | None
    blocked: bool = False  # a field in conflict: pushed once a person has picked a value


def waiting(session: Session) -> dict[str, Waiting]:
    """The rows whose record here differs from the server's as last pulled."""
    here, server = local_rows(session), shadow_records(session)
    blocked = open_conflicts(session)
    found: dict[str, Waiting] = {}
    for uid, row in here.items():
        base = server.get(uid, (row.table_name, None))[1]
        if base is not None and base.keys() != row.record.keys():
            base = {**row.record, **base}  # a field that did not travel when the shadow was kept: the server's was ours
        if row.record != base:
            found[uid] = Waiting(row.table_name, uid, row.record, base, row, uid in blocked)
    for uid, (table_name, base) in server.items():
        if uid not in here and table_name in REMOVABLE:  # a plan, facts, date or condition goes only with its project
            found[uid] = Waiting(table_name, uid, None, base, None, uid in blocked)
    return found


def shadow_once(session: Session, cursor: int) -> None:
    """A replica that pulled before a record table was pushed holds its rows without shadows: they are the server's
    as pulled, so they become their own shadows once (else each would look made here). The setting names the
    tables done."""
    row = session.get(Setting, SHADOWED_KEY) or Setting(key=SHADOWED_KEY, value="")
    done = set(filter(None, row.value.split(",")))
    missing = set(HOOKED) - done
    if not missing:
        return
    if cursor > 0:
        server = shadow_records(session)
        rows = [
            shadow_row(uid, local.table_name, local.record)
            for uid, local in local_rows(session).items()
            if uid not in server and local.table_name in missing
        ]
        if BASELINE in missing:
            baseline = synced_tables()[BASELINE]
            uids = session.connection().execute(core_select(baseline.c.uid)).scalars()
            rows.extend({"uid": str(uid), "table_name": BASELINE, "fields": ""} for uid in uids)
        upsert_shadows(session, rows)
    row.value = ",".join(sorted(done | set(HOOKED)))
    session.add(row)


def shadow_seeded(session: Session) -> None:
    """After a first pull: the department's rows this database had before it (the catalogues and the holiday
    calendar seeded with the program) that the server's did not replace are not work made here: a day of the
    calendar goes (the department's calendar is the calendar; pushed, a day it removed would come back), and so does
    a catalogue entry nothing here uses; one in use stays here as shared, never pushed."""
    server = shadow_records(session)
    tables = synced_tables()
    table = tables[CATALOGUE]
    rows = []
    for uid, local in local_rows(session).items():
        if uid in server or local.table_name not in GLOBAL:
            continue
        if local.table_name == HOLIDAY:
            session.execute(delete(tables[HOLIDAY]).where(tables[HOLIDAY].c.uid == uid))
            continue
        if not catalogue_usage(session, CatalogueKind(local.record["kind"]), str(local.record["code"])):
            session.execute(delete(table).where(table.c.uid == uid))
            continue
        rows.append(shadow_row(uid, local.table_name, local.record))
    upsert_shadows(session, rows)


def records_to_push(session: Session) -> list[Outgoing]:
    """The rows to push, each as its record with the server's as its base (`deleted` for a step removed here):
    plans, facts and dates first, then removed steps, then steps in plan order; nothing of a row in conflict."""
    tables = synced_tables()
    project = tables["project"]
    codes = dict(session.connection().execute(core_select(project.c.uid, project.c.code)).all())
    order = {name: place for place, name in enumerate(RECORDS)}

    def rank(item: Waiting) -> tuple[int, int, int]:
        position = (item.ours or {}).get("position") or 0
        return (order[item.table_name], 0 if item.ours is None else 1, int(position))

    on_server = projects_on_server(session)
    made: list[Outgoing] = []
    cursor = pulled_up_to(session)
    for item in sorted(waiting(session).values(), key=rank):
        mine = item.table_name not in GLOBAL and (item.ours or item.base or {}).get("project") not in on_server
        if item.blocked or mine:
            continue  # in conflict, or of a project made here (projects are made on the server)
        fields: Record = item.ours if item.ours is not None else {"deleted": True}
        shown = item.ours or item.base or {}
        what = f"{item.table_name}:{item.uid}:{_digest(fields)}:{_digest(item.base)}"
        pushed = change(item.table_name, item.uid, fields, f"{what}:{cursor}")
        pushed["base"] = item.base
        words = label(codes.get(shown.get("project"), "?"), item.table_name, shown, item.ours)
        made.append(Outgoing(pushed, words, again=what))
    return made


def catalogue_removals_last(items: list[Outgoing]) -> tuple[list[Outgoing], list[Outgoing]]:
    """The records to push before the households and those after them: a catalogue entry removed here goes once
    the households that stopped using it here have gone up (the server refuses to remove a code still in use)."""
    first: list[Outgoing] = []
    last: list[Outgoing] = []
    for item in items:
        removal = item.change["table"] in GLOBAL and item.change["fields"].get("deleted") is True
        (last if removal else first).append(item)
    return first, last


def pushed_record(table_name: str, fields: Mapping[str, Any]) -> Record:
    """A pushed change's record: its project and the table's record fields (not a switch's or creation's extras)."""
    return {name: fields.get(name) for name in ("project", *RECORDS[table_name])}


def settle_record(session: Session, pushed: Mapping[str, Any]) -> None:
    """The server holds what was pushed: it is the row's shadow now (a removed step's goes). Should the server
    have made something else of it (merged, another key), that row comes with the next pull and, nothing waiting
    here any more, is taken as it is."""
    fields = pushed["fields"]
    if pushed["table"] == BASELINE:
        upsert_shadows(session, [{"uid": pushed["uid"], "table_name": BASELINE, "fields": ""}])
        return
    if fields.get("deleted") is True:
        session.execute(delete(SyncShadow).where(col(SyncShadow.uid) == pushed["uid"]))
        return
    upsert_shadows(session, [shadow_row(pushed["uid"], pushed["table"], pushed_record(pushed["table"], fields))])


def baselines_to_push(session: Session) -> list[Outgoing]:
    """The baselines taken here (no shadow) of projects the server holds, each with its frozen entries."""
    tables = synced_tables()
    baseline, entry, project = tables[BASELINE], tables["baselineentry"], tables["project"]
    shadows = {str(uid): str(name) for uid, name in session.connection().execute(_shadow_names())}
    query = core_select(baseline, project.c.uid.label("_project_uid"), project.c.code.label("_code")).join(
        project, project.c.id == baseline.c.project_id
    )
    made: list[Outgoing] = []
    for row in session.connection().execute(query.order_by(baseline.c.id)).mappings():
        if row["uid"] in shadows or shadows.get(row["_project_uid"]) != PROJECT:
            continue  # the server holds it, or its project was made here
        entries = session.connection().execute(
            core_select(entry).where(entry.c.baseline_id == row["id"]).order_by(entry.c.position, entry.c.id)
        )
        fields = {
            "project": row["_project_uid"],
            "name": row["name"],
            "created_at": canon(baseline.c.created_at, row["created_at"]),
            "entries": [
                {
                    "uid": e["uid"],
                    "key": e["key"],
                    "planned_start": canon(entry.c.planned_start, e["planned_start"]),
                    "planned_end": canon(entry.c.planned_end, e["planned_end"]),
                }
                for e in entries.mappings()
            ],
        }
        pushed = change(BASELINE, str(row["uid"]), fields, f"baseline:{row['uid']}")
        made.append(Outgoing(pushed, f"{row['_code']}: kế hoạch gốc/baseline '{row['name']}'"))
    return made


def baselines_made_here(session: Session) -> dict[tuple[Any, Any], tuple[int, str]]:
    """(project uid, name) → (id, uid) of each baseline taken here that the server does not hold yet."""
    tables = synced_tables()
    baseline, project = tables[BASELINE], tables["project"]
    shadows = {str(uid) for uid, _name in session.connection().execute(_shadow_names())}
    query = core_select(baseline.c.id, baseline.c.uid, baseline.c.name, project.c.uid).join(
        project, project.c.id == baseline.c.project_id
    )
    return {
        (project_uid, name): (int(row_id), str(uid))
        for row_id, uid, name, project_uid in session.connection().execute(query)
        if str(uid) not in shadows
    }


def projects_on_server(session: Session) -> set[str]:
    """The uids of the projects the server holds (pulled or made there from here: they have a shadow)."""
    return {str(uid) for uid, name in session.connection().execute(_shadow_names()) if name == PROJECT}


def _shadow_names() -> Any:
    shadow: Table = SyncShadow.__table__  # type: ignore[attr-defined]
    return core_select(shadow.c.uid, shadow.c.table_name).where(shadow.c.table_name.in_((BASELINE, PROJECT)))


def record_conflict(
    session: Session, project_id: int, table_name: str, uid: str, name: str, values: tuple[Any, Any, Any]
) -> None:
    """A field in conflict (base, ours, theirs), once per row and field while unresolved (a later pull renews its
    values)."""
    row = session.scalars(
        select(SyncRecordConflict).where(
            col(SyncRecordConflict.row_uid) == uid,
            col(SyncRecordConflict.field) == name,
            col(SyncRecordConflict.resolved_at).is_(None),
        )
    ).first()
    row = row or SyncRecordConflict(
        project_id=project_id, table_name=table_name, row_uid=uid, field=name, ours_value="", theirs_value=""
    )
    base, ours, theirs = values
    row.base_value = json.dumps(base, ensure_ascii=False)
    row.ours_value = json.dumps(ours, ensure_ascii=False)
    row.theirs_value = json.dumps(theirs, ensure_ascii=False)
    session.add(row)


def open_conflicts(session: Session, table_name: str | None = None) -> set[str]:
    """The uids of the rows (of one table, when given) with a field still to decide."""
    query = select(SyncRecordConflict.row_uid).where(col(SyncRecordConflict.resolved_at).is_(None))
    if table_name is not None:
        query = query.where(col(SyncRecordConflict.table_name) == table_name)
    return set(session.scalars(query).all())


def label(code: str, table_name: str, shown: Mapping[str, Any], ours: Mapping[str, Any] | None = None) -> str:
    """How the command line names a record: project code, what it is, a step's key and title."""
    gone = " (xoá/removed)" if ours is None else ""
    if table_name == CATALOGUE:
        return f"{WORDS[CATALOGUE]} {shown.get('kind', '?')} '{shown.get('code', '')}'{gone}"
    if table_name == HOLIDAY:
        return f"{WORDS[HOLIDAY]} {shown.get('day', '?')} '{shown.get('name', '')}'{gone}"
    if table_name == STEP:
        return f"{code}: {WORDS[STEP]} {shown.get('key', '?')} '{shown.get('title', '')}'{gone}"
    if table_name == CONSULTATION:
        return f"{code}: {WORDS[CONSULTATION]} '{shown.get('name', '')}'{gone}"
    if table_name == CONDITION:
        return f"{code}: {WORDS[CONDITION]} {shown.get('condition_key', '?')}"
    if table_name == EVIDENCE:
        return f"{code}: {WORDS[EVIDENCE]}{gone}"
    if table_name == COUNTER:
        return f"{code}: {WORDS[COUNTER]} {shown.get('symbol', '?')}"
    if table_name == COMMENT:
        return f"{code}: {WORDS[COMMENT]} '{shown.get('source', '')}'{gone}"
    if table_name == PROJECT:
        return f"{shown.get('code') or code}: {WORDS[PROJECT]}"
    return f"{code}: {WORDS[table_name]}"


def taken_on_both(table_name: str, base: Record | None, ours: Record, theirs: Record) -> str:
    """Words for the document numbers both sides took from the same counter since they last agreed (two final
    exports printed them: the office's register of outgoing documents must settle which keeps them), else ''."""
    if table_name != COUNTER or base is None or base.get("next_number") is None:
        return ""
    start = int(base["next_number"])
    end = min(int(ours.get("next_number") or 0), int(theirs.get("next_number") or 0))
    if end <= start:
        return ""
    numbers = f"{start:02d}" if end - start == 1 else f"{start:02d}–{end - 1:02d}"
    return f"số {numbers} đã cấp ở cả máy này và máy khác/numbers {numbers} taken here and elsewhere"


def _digest(value: Any) -> str:
    return hashlib.sha256(json.dumps(value, sort_keys=True, ensure_ascii=False).encode()).hexdigest()[:16]


class RecordPull:
    """A pull's records side, in the pull's unit of work: shadows kept for every pulled row of the record tables;
    the rows changed here held and merged at the end (`finish`)."""

    def __init__(self, session: Session) -> None:
        self._session = session
        self._waiting: dict[str, Waiting] = {}
        self._held: set[str] = set()
        self._made_here: dict[str, Waiting] = {}
        self._loaded = False  # what waits here is read at the first row of these tables a page brings
        self._baselines_here: dict[tuple[Any, Any], tuple[int, str]] = {}
        self._touched: set[str] = set()
        self._theirs: dict[str, Record] = {}  # pulled records, by uid
        self._shadows: dict[str, dict[str, str]] = {}  # pulled rows' shadows not written yet, by uid
        self.kept: list[str] = []
        self.to_check: list[str] = []  # what a person must settle outside the program (a number issued twice)
        self.conflicts: list[str] = []
        self.merged: list[str] = []

    def _load(self) -> None:
        if not self._loaded:
            self._loaded = True
            self._baselines_here = baselines_made_here(self._session)
            self._waiting = waiting(self._session)
            self._held = {uid for uid, item in self._waiting.items() if item.ours is not None}
            self._made_here = {uid: item for uid, item in self._waiting.items() if item.base is None and item.local}

    def first_sent(self, uid: str, record: Record) -> None:
        """A project made here that the server made though the answer was lost: the record it was made from is the
        base its row here merges from (its details edited since go as an edit, not as a conflict with ourselves)."""
        self._load()
        item = self._waiting.get(uid)
        if item is not None and item.base is None:
            item.base = record
            self._made_here.pop(uid, None)

    def pulled(self, table_name: str, uid: str, fields: Mapping[str, Any]) -> bool:
        """Keep the row's shadow; True when the row is held (changed here)."""
        if table_name == BASELINE:  # the server holds it: nothing of it to push
            self._shadows[uid] = {"uid": uid, "table_name": BASELINE, "fields": ""}
            self._load()
            mine = self._baselines_here.get((fields.get("project"), fields.get("name")))
            if mine is not None and mine[1] != uid:
                self._rename_baseline(mine[0], str(fields.get("name")))
            return False
        if table_name not in RECORDS:
            return False
        self._load()
        theirs = pulled_record(table_name, self._project_uid(table_name, uid, fields), fields)
        self._theirs[uid] = theirs
        self._shadows[uid] = shadow_row(uid, table_name, theirs)
        if uid not in self._held and self._made_here:
            self._meet(table_name, uid, theirs)
        if uid in self._held:
            self._touched.add(uid)
            return True
        item = self._waiting.get(uid)
        if item is not None and item.ours is None:  # removed here, changed on the server: it comes back
            self.kept.append(f"{label(self._code(theirs), table_name, theirs, theirs)}: sửa trên máy chủ/edited there")
        return False

    def _project_uid(self, table_name: str, uid: str, fields: Mapping[str, Any]) -> Any:
        """The project a pulled row belongs to: a link's is its assessment's (pulled before it, or held here)."""
        if table_name == PROJECT:
            return uid
        if table_name in GLOBAL:
            return None
        if table_name != EVIDENCE:
            return fields.get("project")
        check = fields.get("check")
        if check in self._theirs:
            return self._theirs[check].get("project")
        tables = synced_tables()
        assessment, project = tables[CONDITION], tables[PROJECT]
        query = core_select(project.c.uid).join(assessment, assessment.c.project_id == project.c.id)
        return self._session.connection().execute(query.where(assessment.c.uid == check)).scalar()

    def _meet(self, table_name: str, uid: str, theirs: Record) -> None:
        """A pulled row the server made while a row with its natural key was made here: ours becomes the server's
        row and merges with it, or (a custom step of another desk) ours takes the next free key."""
        for mine_uid, item in list(self._made_here.items()):
            local = item.local
            assert local is not None and item.ours is not None
            if local.table_name != table_name or item.ours.get("project") != theirs.get("project"):
                continue
            table = synced_tables()[table_name]
            key = next(iter(table.primary_key.columns))
            if natural_key(table_name, item.ours) is None:
                if table_name == STEP and item.ours.get("key") == theirs.get("key"):  # another desk took our X1
                    free = self._free_key(local.project_id, theirs)
                    self._session.execute(update(table).where(key == local.key).values(key=free))
                    item.ours = {**item.ours, "key": free}
                    return
                continue
            if natural_key(table_name, item.ours) != natural_key(table_name, theirs):
                continue
            self._session.execute(update(table).where(key == local.key).values(uid=uid))
            self._renamed(table_name, mine_uid, uid)
            del self._made_here[mine_uid]
            self._waiting.pop(mine_uid, None)
            self._waiting[uid] = Waiting(
                table_name, uid, item.ours, fresh_record(table_name, theirs.get("project")), local
            )
            self._held.discard(mine_uid)
            self._held.add(uid)
            return

    def _renamed(self, table_name: str, old: str, new: str) -> None:
        """A row made here became the server's row: what waits here naming it (an evidence link its assessment)
        names the server's uid, so it meets the server's rows in turn."""
        for (referring, field), (_column, target) in REFS.items():
            if target != table_name:
                continue
            for item in self._waiting.values():
                if item.table_name == referring and item.ours is not None and item.ours.get(field) == old:
                    item.ours = {**item.ours, field: new}

    def _rename_baseline(self, baseline_id: int, name: str) -> None:
        """A baseline taken here whose name another desk's baseline took on the server first: ours becomes
        "NAME (2)" before theirs comes in (both are kept; the server names it the same way)."""
        baseline = synced_tables()[BASELINE]
        connection = self._session.connection()
        project_id = connection.execute(core_select(baseline.c.project_id).where(baseline.c.id == baseline_id)).scalar()
        taken = set(
            connection.execute(core_select(baseline.c.name).where(baseline.c.project_id == project_id)).scalars()
        )
        number, free = 2, name
        while free in taken:
            free, number = f"{name} ({number})", number + 1
        self._session.execute(update(baseline).where(baseline.c.id == baseline_id).values(name=free))

    def _free_key(self, project_id: int, theirs: Record) -> str:
        """The next custom key no step of the project uses here and the pulled one does not take."""
        step = synced_tables()[STEP]
        used = set(
            self._session.connection().execute(core_select(step.c.key).where(step.c.project_id == project_id)).scalars()
        )
        used.add(str(theirs.get("key")))
        used.update(str(r.get("key")) for r in self._theirs.values() if r.get("project") == theirs.get("project"))
        number = 1
        while f"{CUSTOM_PREFIX}{number}" in used:
            number += 1
        return f"{CUSTOM_PREFIX}{number}"

    def deleting(self, table_name: str, uid: str) -> bool:
        """True when a pulled deletion is held (the row was changed here): its shadow goes, the row stays and is
        pushed again as made here."""
        if table_name not in RECORDS:
            return False
        self._load()
        if uid not in self._held:
            return False
        self.write_shadows()
        self._session.execute(delete(SyncShadow).where(col(SyncShadow.uid) == uid))
        self._held.discard(uid)
        self._touched.discard(uid)
        item = self._waiting[uid]
        assert item.ours is not None
        self.kept.append(f"{label(self._code(item.ours), table_name, item.ours, item.ours)}: sửa ở đây/edited here")
        return True

    def write_shadows(self) -> None:
        """The shadows pulled so far into the database (before anything reads or deletes shadows)."""
        upsert_shadows(self._session, list(self._shadows.values()))
        self._shadows.clear()

    def finish(self) -> None:
        """Merge each held row with the server's."""
        self.write_shadows()
        for uid in sorted(self._touched):
            self._merge(self._waiting[uid], self._theirs[uid])

    def _merge(self, item: Waiting, theirs: Record) -> None:
        assert item.ours is not None and item.local is not None
        outcome = merge_rows(item.base, item.ours, theirs)
        merged = dict(outcome.row or item.ours)
        conflicts = []
        for conflict in outcome.conflicts:
            if conflict.field in LAYOUT:
                merged[conflict.field] = theirs.get(conflict.field)
            elif (item.table_name, conflict.field) in FORWARD:
                merged[conflict.field] = max(int(item.ours[conflict.field]), int(theirs[conflict.field]))
            elif item.table_name in GLOBAL:  # no project to hold a conflict record: the server's stands, named
                merged[conflict.field] = theirs.get(conflict.field)
                shown = label("", item.table_name, theirs, theirs)
                self.to_check.append(
                    f"{shown}: {conflict.field} '{conflict.ours}' → '{conflict.theirs}' (máy chủ/server)"
                )
            else:
                conflicts.append(conflict)
        twice = taken_on_both(item.table_name, item.base, item.ours, theirs)
        if twice:
            self.to_check.append(f"{label(self._code(item.ours), item.table_name, theirs, theirs)}: {twice}")
        changed = [name for name in RECORDS[item.table_name] if merged.get(name) != item.ours.get(name)]
        if changed:
            table = synced_tables()[item.table_name]
            key = next(iter(table.primary_key.columns))
            values = column_values(self._session, item.table_name, merged, changed)
            self._session.execute(update(table).where(key == item.local.key).values(values))
        name = label(self._code(item.ours), item.table_name, merged, merged)
        for conflict in conflicts:
            self._record(item, conflict.field, conflict.base, conflict.ours, conflict.theirs)
        if conflicts:
            self.conflicts.append(name)
        elif merged not in (theirs, item.ours):
            self.merged.append(name)

    def _record(self, item: Waiting, name: str, base: Any, ours: Any, theirs: Any) -> None:
        assert item.local is not None
        record_conflict(self._session, item.local.project_id, item.table_name, item.uid, name, (base, ours, theirs))

    def _code(self, record: Mapping[str, Any]) -> str:
        project = synced_tables()["project"]
        query = core_select(project.c.code).where(project.c.uid == record.get("project"))
        return str(self._session.connection().execute(query).scalar() or "?")
