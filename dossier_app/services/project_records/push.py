"""The server's side of a pushed project record (project_records/sync.py): a milestone plan's settings, a step of it,
a project's facts, its filing date, a body consulted or a condition's assessment, applied through the milestone,
checklist and consultation services as the signed-in person, so that person's roles and the services' rules decide.

`fields` is the row's record on the desktop and `base` the server's record it was changed from (null for a row made
there). The row is found by its uid, else by its natural key in the project (`natural_key`). When the server's row
moved since the base, the two merge field by field; the same field changed differently on both sides refuses the
change as a conflict (the desktop merges it at its next pull, where a person picks a value). A step or body removed
on the desktop (`{deleted: true}`) is removed here only when nobody changed it since the base.
"""

from collections.abc import Mapping
from dataclasses import replace
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import select as core_select

from dossier_app.domain.catalogues import CatalogueItem, CatalogueKind
from dossier_app.domain.comment_register import CommentState
from dossier_app.domain.conditions import ConditionStatus
from dossier_app.domain.conditions import ProjectFacts as Facts
from dossier_app.domain.enums import ParkKind
from dossier_app.domain.errors import QT_TRANSLATE_NOOP, ChangeRefused
from dossier_app.domain.milestones import LandKind, Milestone, MilestoneStatus
from dossier_app.domain.row_merge import merge_rows
from dossier_app.domain.working_days import CalendarDay, DayKind
from dossier_app.services.department.push import UID, Outcome, _malformed, named_row
from dossier_app.services.dossier.projects import ProjectInput
from dossier_app.services.dossier.regime_switch import document_uid_key, section_uid_key
from dossier_app.services.project_records.new_projects import CREATE
from dossier_app.services.project_records.sync import (
    BASELINE,
    CATALOGUE,
    COMMENT,
    CONDITION,
    CONSULTATION,
    COUNTER,
    EVIDENCE,
    FORWARD,
    GLOBAL,
    HOLIDAY,
    LAYOUT,
    PROJECT,
    RECORDS,
    REMOVABLE,
    SINGLETONS,
    STEP,
    STEP_KEY,
    checked_record,
    fresh_record,
    natural_key,
    owned_rows,
    project_column,
    record_of,
    stored_values,
    with_uids,
)
from dossier_app.services.review.comment_register import CommentInput
from dossier_app.services.sync.bulk_rows import uid_lookup
from dossier_app.services.sync.row_sync import Record
from dossier_app.storage.sync_log import synced_tables

if TYPE_CHECKING:
    from dossier_app.services.completeness.checklist import ChecklistService
    from dossier_app.services.completeness.consultations import ConsultationService
    from dossier_app.services.core.context import ServiceContext
    from dossier_app.services.dossier.document_numbers import DocumentNumberService
    from dossier_app.services.dossier.projects import ProjectService
    from dossier_app.services.milestones.holidays import HolidayService
    from dossier_app.services.milestones.milestones import MilestoneService
    from dossier_app.services.register.catalogues import CatalogueService
    from dossier_app.services.review.comment_register import CommentRegisterService


CONFLICTS = {  # a refusal's words for each kind of record (a template a translator sees whole)
    "milestoneplan": QT_TRANSLATE_NOOP("Errors", "The milestone plan's {fields} changed differently on the server."),
    "projectfacts": QT_TRANSLATE_NOOP("Errors", "The project facts {fields} changed differently on the server."),
    "reviewschedule": QT_TRANSLATE_NOOP("Errors", "The filing date changed differently on the server."),
    STEP: QT_TRANSLATE_NOOP("Errors", "Step {key}: {fields} changed differently on the server."),
    CONSULTATION: QT_TRANSLATE_NOOP(
        "Errors", "The consultation of {name}: {fields} changed differently on the server."
    ),
    CONDITION: QT_TRANSLATE_NOOP("Errors", "The condition's {fields} changed differently on the server."),
    COMMENT: QT_TRANSLATE_NOOP("Errors", "The comment of {source}: {fields} changed differently on the server."),
    PROJECT: QT_TRANSLATE_NOOP("Errors", "The project's {fields} changed differently on the server."),
    EVIDENCE: QT_TRANSLATE_NOOP("Errors", "An evidence link is never changed: remove it and link another."),
    COUNTER: QT_TRANSLATE_NOOP("Errors", "The document number counter changed differently on the server."),
    CATALOGUE: QT_TRANSLATE_NOOP("Errors", "The catalogue entry {code}: {fields} changed differently on the server."),
    HOLIDAY: QT_TRANSLATE_NOOP("Errors", "The calendar's day {day}: {fields} changed differently on the server."),
}
REMOVALS = {  # a removal refused because the row changed on the server since the desktop last saw it
    COMMENT: QT_TRANSLATE_NOOP("Errors", "The comment of {source} was changed on the server since; it is kept."),
    STEP: QT_TRANSLATE_NOOP("Errors", "Step {key} was changed on the server since; it is kept, not removed."),
    CONSULTATION: QT_TRANSLATE_NOOP(
        "Errors", "The consultation of {name} was changed on the server since; it is kept."
    ),
    EVIDENCE: QT_TRANSLATE_NOOP("Errors", "The evidence link was changed on the server since; it is kept."),
    CATALOGUE: QT_TRANSLATE_NOOP("Errors", "The catalogue entry {code} was changed on the server since; it is kept."),
    HOLIDAY: QT_TRANSLATE_NOOP("Errors", "The calendar's day {day} was changed on the server since; it is kept."),
}


class RecordWriter:
    """Writes a record through the services that own its rows (the server's push and a desktop's pick alike)."""

    def __init__(
        self,
        context: "ServiceContext",
        milestones: "MilestoneService",
        checklist: "ChecklistService",
        consultations: "ConsultationService",
        comments: "CommentRegisterService",
        projects: "ProjectService",
        numbers: "DocumentNumberService",
        catalogues: "CatalogueService",
        holidays: "HolidayService",
    ) -> None:
        self._context, self._projects, self._numbers = context, projects, numbers
        self._catalogues, self._holidays = catalogues, holidays
        self._milestones, self._checklist, self._consultations = milestones, checklist, consultations
        self._comments = comments

    def write(
        self,
        table_name: str,
        project_id: int,
        wanted: Record,
        current: Record | None,
        uid: str,
        row_id: Any = None,
        *,
        uids: Mapping[str, str] | None = None,
    ) -> None:
        """Make the row hold `wanted` (`current`: what it holds now, None when there is none yet; `row_id`: its key
        here; `uids`: the ids a desktop made a regime switch's new documents and sections with)."""
        values = stored_values(table_name, wanted, RECORDS[table_name])
        if table_name == CONSULTATION:
            self._consultation(project_id, values, row_id, uid)
            return
        if table_name == COMMENT:
            self._comment(project_id, values, row_id, uid)
            return
        if table_name == PROJECT:
            held = self._projects.get(project_id)  # its kind never changes; a new regime is switched to
            self._projects.update(project_id, ProjectInput(kind=held.kind, **values), uids=uids)
            return
        if table_name == CONDITION:
            status = ConditionStatus(values["status"])
            key, note = str(values["condition_key"]), str(values["note"])
            self._checklist.set_condition(project_id, key, status, note, uid=uid if current is None else None)
            return
        if table_name == CATALOGUE:  # the department's catalogue: its service's rules (a ward is never renamed)
            item = CatalogueItem(
                kind=CatalogueKind(values["kind"]),
                code=str(values["code"]),
                name=str(values["name"]),
                group=str(values["land_group"]),
                confirmed=bool(values["confirmed"]),
            )
            if current is None:
                self._catalogues.add(item, uid=uid)
            else:
                self._catalogues.update(replace(item, code=str(current["code"])))
            return
        if table_name == HOLIDAY:  # the department's calendar: its service's rules (a make-up day is a weekend day)
            entry = CalendarDay(values["day"], str(values["name"]), DayKind(values["kind"]))
            if current is None:
                self._holidays.add(entry, uid=uid)
            else:
                self._holidays.change(entry)
            return
        if table_name == COUNTER:  # the clerk's counter, or an export's numbers taken (merged: the higher number)
            code = self._projects.get(project_id).code
            made_here = uid if current is None else None
            self._numbers.set(code, str(values["symbol"]), int(values["next_number"]), uid=made_here)
            return
        if table_name == EVIDENCE:
            if row_id is not None:  # a link is made or removed, never edited
                raise ChangeRefused(CONFLICTS[EVIDENCE])
            self._link(project_id, values, uid)
            return
        if table_name == "milestoneplan":
            if current is None or current.get("land_kind") != wanted.get("land_kind"):
                self._milestones.set_land_kind(project_id, LandKind(values["land_kind"]))
            if current is None or current.get("at_risk_days") != wanted.get("at_risk_days"):
                self._milestones.set_at_risk_days(project_id, values["at_risk_days"])
        elif table_name == "projectfacts":
            area = self._checklist.facts(project_id).land_area_ha  # the project's own, not a record field
            self._checklist.save_facts(project_id, Facts(land_area_ha=area, **values))
        elif table_name == "reviewschedule":
            self._consultations.set_submitted(project_id, values["submitted_on"])
        else:
            self._step(project_id, values, current, uid)

    def create_project(self, record: Record, kind: ParkKind, uids: Mapping[str, str]) -> None:
        """A project made on a desktop, made here through the project service with the desktop's ids."""
        values = stored_values(PROJECT, record, RECORDS[PROJECT])
        self._projects.create(ProjectInput(kind=kind, **values), uids=uids)

    def baseline(
        self,
        project_id: int,
        name: str,
        created_at: datetime,
        entries: list[tuple[str, str, date | None, date | None]],
        uid: str,
    ) -> None:
        """A baseline taken on a desktop."""
        self._milestones.store_baseline(project_id, name, created_at, entries, uid)

    def remove(self, table_name: str, project_id: int, current: Record, row_id: Any) -> None:
        """A step, a consulted body or a ministry comment removed on a desktop."""
        if table_name == STEP:
            self._milestones.remove_step(project_id, str(current["key"]))
        elif table_name == CATALOGUE:
            self._catalogues.remove(CatalogueKind(current["kind"]), str(current["code"]))
        elif table_name == HOLIDAY:
            self._holidays.remove(stored_values(HOLIDAY, current, ("day",))["day"])
        elif table_name == EVIDENCE:
            self._checklist.unlink_evidence(int(row_id))
        elif table_name == COMMENT:
            self._comments.delete(int(row_id))
        else:
            self._consultations.remove(int(row_id))

    def _link(self, project_id: int, values: Mapping[str, Any], uid: str) -> None:
        """An evidence link made on a desktop: its assessment must be of the record's project (the service checks
        that the section or attachment is too)."""
        ids = self._ids(
            ((CONDITION, values["check"]), ("section", values["section"]), ("attachment", values["attachment"]))
        )
        check = synced_tables()[CONDITION]
        with self._context.database.begin() as session:
            query = core_select(check.c.project_id).where(check.c.id == ids[CONDITION])
            owner = session.connection().execute(query).scalar()
        if owner != project_id:
            raise _malformed("check")
        kind = "section" if ids.get("section") is not None else "attachment"
        self._checklist.link_evidence(ids[CONDITION], kind, ids[kind], uid)

    def _ids(self, named: tuple[tuple[str, Any], ...]) -> dict[str, int]:
        """The local ids of the rows these (table, uid) name (a None uid names nothing); refused when the server
        lacks one."""
        with self._context.database.begin() as session:
            ids = {table: uid_lookup(session, table, {wanted}).get(wanted) for table, wanted in named if wanted}
        for table, wanted in named:
            if wanted and ids.get(table) is None:
                raise ChangeRefused(
                    QT_TRANSLATE_NOOP("Errors", "The server has no {table} with the id {uid}."), table=table, uid=wanted
                )
        return {table: int(found) for table, found in ids.items() if found is not None}

    def _comment(self, project_id: int, values: Mapping[str, Any], row_id: Any, uid: str) -> None:
        section, revision = values["section"], values["resolved_revision"]
        ids = self._ids((("section", section), ("sectionrevision", revision)))
        data = CommentInput(
            source=str(values["source"]),
            body=str(values["body"]),
            received_on=values["received_on"],
            section_id=ids.get("section"),
            response=str(values["response"]),
            state=CommentState(values["state"]),
            resolved_revision_id=ids.get("sectionrevision"),
        )
        if row_id is None:
            self._comments.add(project_id, data, uid=uid)
        else:
            self._comments.update(int(row_id), data)

    def _consultation(self, project_id: int, values: Mapping[str, Any], row_id: Any, uid: str) -> None:
        if row_id is None:
            made = self._consultations.add(
                project_id, values["name"], values["reply_days"], uid=uid, body_key=values["body_key"]
            )
            row_id = made.id
        sent, received = values["sent_on"], values["received_on"]
        self._consultations.update(
            int(row_id),
            name=values["name"],
            reply_days=values["reply_days"],
            sent_on=sent,
            received_on=received,
            letter_ref=values["letter_ref"],
            clear_sent=sent is None,
            clear_received=received is None,
        )

    def _step(self, project_id: int, values: Mapping[str, Any], current: Record | None, uid: str) -> None:
        milestone = Milestone(
            key=str(values["key"]),
            title=str(values["title"]),
            planned_start=values["planned_start"],
            planned_end=values["planned_end"],
            actual_start=values["actual_start"],
            actual_end=values["actual_end"],
            responsible=str(values["responsible"]),
            status=MilestoneStatus(values["status"]),
            percent=int(values["percent"]),
        )
        position = int(values["position"])
        if current is None:
            count = len(self._milestones.plan(project_id).milestones)
            self._milestones.place_synced_step(project_id, milestone, min(max(position, 0), count), uid)
            return
        key = str(current["key"])
        plan = self._milestones.plan(project_id)
        if plan.is_register_driven(key):  # its percent is the register's, never typed
            milestone = replace(milestone, percent=plan.milestone(key).percent)
        milestone = replace(milestone, key=key)
        if milestone != plan.milestone(key):
            self._milestones.update_step(project_id, milestone)
        place = min(max(position, 0), len(plan.milestones) - 1)
        if place != plan.position(key):
            self._milestones.move_step(project_id, key, place)


class RecordPush:
    """Applies pushed records through the services (never by writing rows)."""

    def __init__(self, context: "ServiceContext", writer: RecordWriter) -> None:
        self._context, self._writer = context, writer

    def apply(self, uid: str, fields: Mapping[str, Any], change: Mapping[str, Any]) -> Outcome:
        """One pushed record: made, merged and written, a step removed, or refused with why."""
        table_name = str(change.get("table"))
        if table_name == BASELINE:
            return self._baseline(uid, fields)
        if table_name == PROJECT and fields.get(CREATE) is True:
            return self._create(uid, fields)
        base_fields = change.get("base")
        if base_fields is not None and not isinstance(base_fields, dict):
            raise _malformed("base")
        try:
            base = checked_record(table_name, base_fields) if base_fields is not None else None
        except ValueError as error:
            raise _malformed(f"base.{error}") from error
        deleted = fields.get("deleted") is True
        if deleted and table_name in SINGLETONS:
            raise _malformed("deleted")  # a plan, facts or filing date goes only with its project
        try:
            ours = None if deleted else checked_record(table_name, fields)
        except ValueError as error:
            raise _malformed(str(error)) from error
        project_id = 0 if table_name in GLOBAL else self._project_id((ours or base or {}).get("project"))
        row_id, current = self._current(table_name, uid, project_id, ours or base or {})
        if deleted:
            if table_name not in REMOVABLE:
                raise _malformed("deleted")  # a plan, facts, date or condition goes only with its project
            if current is None:
                return Outcome.ALREADY
            if base is not None and _content(current) != _content(base):
                raise ChangeRefused(REMOVALS[table_name], **_named(current))
            self._writer.remove(table_name, project_id, current, row_id)
            return Outcome.APPLIED
        assert ours is not None
        switched = table_name == PROJECT and "outline" in fields  # a regime switched on the desktop: its new rows
        uids = self._outline_uids(fields.get("outline"), project_id) if switched else None
        if current is None:
            self._writer.write(table_name, project_id, ours, None, uid)
            return Outcome.APPLIED
        if current == ours:
            return Outcome.UNCHANGED
        merged = merge_rows(base or fresh_record(table_name, ours.get("project")), ours, current)
        conflicts = [
            c.field for c in merged.conflicts if c.field not in LAYOUT and (table_name, c.field) not in FORWARD
        ]
        if conflicts:
            raise ChangeRefused(CONFLICTS[table_name], **_named(current), fields=", ".join(conflicts))
        row = dict(merged.row or ours)
        for conflict in merged.conflicts:  # a number both sides moved: the higher stands
            if (table_name, conflict.field) in FORWARD:
                row[conflict.field] = max(int(ours[conflict.field]), int(current[conflict.field]))
        if row == current:
            return Outcome.UNCHANGED
        self._writer.write(table_name, project_id, row, current, uid, row_id, uids=uids)
        return Outcome.APPLIED

    def _current(self, table_name: str, uid: str, project_id: int, record: Record) -> tuple[Any, Record | None]:
        """The server's row this record is (its key and record): its uid's, else the project's row with its natural
        key (a plan, facts or date: the project's; a template step's key, a condition's, a body's)."""
        table = synced_tables()[table_name]
        own_key = next(iter(table.primary_key.columns))
        query = owned_rows(table_name)
        wanted = natural_key(table_name, record)
        with self._context.database.begin() as session:
            connection = session.connection()
            rows = [dict(found) for found in connection.execute(query.where(table.c.uid == uid)).mappings()]
            if not rows and wanted is not None:
                column = project_column(table_name)
                mine = query if column is None else query.where(column == project_id)
                others = [dict(row) for row in connection.execute(mine).mappings()]
                with_uids(session, table_name, others)  # a link's natural key is the uids it names
                rows = [
                    other
                    for other in others
                    if natural_key(table_name, record_of(table_name, other["_project_uid"], other)) == wanted
                ][:1]
            with_uids(session, table_name, rows)
        if not rows:
            return None, None
        return rows[0][own_key.name], record_of(table_name, rows[0]["_project_uid"], rows[0])

    def _baseline(self, uid: str, fields: Mapping[str, Any]) -> Outcome:
        """A baseline taken on a desktop, stored as it was taken (never merged: a baseline is never changed)."""
        baseline = synced_tables()[BASELINE]
        with self._context.database.begin() as session:
            if session.connection().execute(core_select(baseline.c.id).where(baseline.c.uid == uid)).first():
                return Outcome.ALREADY
        name, entries = fields.get("name"), fields.get("entries")
        if not isinstance(name, str) or not name.strip():
            raise _malformed("name")
        try:
            created_at = datetime.fromisoformat(str(fields.get("created_at")))
        except ValueError as error:
            raise _malformed("created_at") from error
        if not isinstance(entries, list):
            raise _malformed("entries")
        frozen = []
        for entry in entries:
            if not isinstance(entry, dict) or not isinstance(entry.get("uid"), str) or not UID.match(entry["uid"]):
                raise _malformed("entries.uid")
            if not isinstance(entry.get("key"), str) or not STEP_KEY.fullmatch(entry["key"]):
                raise _malformed("entries.key")
            dates = []
            for name_of in ("planned_start", "planned_end"):
                value = entry.get(name_of)
                try:
                    dates.append(None if value is None else date.fromisoformat(str(value)))
                except ValueError as error:
                    raise _malformed(f"entries.{name_of}") from error
            frozen.append((entry["uid"], entry["key"], dates[0], dates[1]))
        project_id = self._project_id(fields.get("project"))
        self._writer.baseline(project_id, name, created_at, frozen, uid)
        return Outcome.APPLIED

    def _create(self, uid: str, fields: Mapping[str, Any]) -> Outcome:
        """A project made on a desktop (new_projects.py): made here with the ids the desktop gave it and its outline,
        as the person (who needs the right to edit projects); a code the department already uses is refused."""
        if self._taken("project", [uid]):
            return Outcome.ALREADY
        try:
            record = checked_record(PROJECT, fields)
        except ValueError as error:
            raise _malformed(str(error)) from error
        if record.get("project") != uid:
            raise _malformed("project")
        kind = fields.get("kind")
        if kind not in {k.value for k in ParkKind}:
            raise _malformed("kind")
        uids = {"project": uid, **self._outline_uids(fields.get("outline"))}
        self._writer.create_project(record, ParkKind(kind), uids)
        return Outcome.APPLIED

    def _outline_uids(self, outline: Any, project_id: int | None = None) -> dict[str, str]:
        """The uids a desktop gave the documents and sections it laid out (a project made there, or a regime
        switched there), keyed as the project service finds them; refused when the server holds one as another row
        (a switched project's own documents are named too, and left out)."""
        if not isinstance(outline, dict):
            raise _malformed("outline")
        uids: dict[str, str] = {}
        for part, key_of in (("documents", document_uid_key), ("sections", _section_key)):
            given = outline.get(part, {})
            if not isinstance(given, dict):
                raise _malformed(f"outline.{part}")
            for name, made in given.items():
                if not isinstance(name, str) or not isinstance(made, str) or not UID.match(made):
                    raise _malformed(f"outline.{part}")
                uids[key_of(name)] = made
        if len(set(uids.values())) != len(uids):
            raise _malformed("outline")
        if project_id is not None:
            document = synced_tables()["document"]
            with self._context.database.begin() as session:
                own = session.connection().execute(
                    core_select(document.c.uid, document.c.kind).where(document.c.project_id == project_id)
                )
                held = {document_uid_key(str(kind)): str(made) for made, kind in own}
            uids = {key: made for key, made in uids.items() if held.get(key) != made}
        for table_name in ("document", "section"):
            taken = self._taken(table_name, [made for key, made in uids.items() if key.startswith(table_name)])
            if taken:
                raise ChangeRefused(
                    QT_TRANSLATE_NOOP("Errors", "The server already has a {table} with the id {uid}."),
                    table=table_name,
                    uid=taken,
                )
        return uids

    def _taken(self, table_name: str, uids: list[str]) -> str:
        """The first of these uids the server's table already holds ("" when none)."""
        table = synced_tables()[table_name]
        with self._context.database.begin() as session:
            found = session.connection().execute(core_select(table.c.uid).where(table.c.uid.in_(uids)).limit(1))
            return str(found.scalar() or "")

    def _project_id(self, project_uid: Any) -> int:
        return named_row(self._context, "project", project_uid, "project")


def _section_key(name: str) -> str:
    """A section's place in a pushed outline ("kind/outline key") as `ProjectService.create` finds its uid."""
    kind, _slash, key = name.partition("/")
    if not kind or not key:
        raise _malformed("outline.sections")
    return section_uid_key(kind, key)


def _content(record: Record) -> Record:
    """A record without its place: a step moved since is still the step that was removed."""
    return {name: value for name, value in record.items() if name not in LAYOUT}


def _named(record: Record) -> dict[str, str]:
    """What a refusal's words name a row by: a step's key, a body's name, a comment's source."""
    return {name: str(record.get(name) or "") for name in ("key", "name", "source", "code", "day")}
