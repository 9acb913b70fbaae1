"""A project made on a replica reaches the server: pushed first, as one change that asks the server to make it
through `ProjectService.create` (with the person's right to edit projects) with the ids the desktop made its
project, documents and sections with, so the work done in it here (texts, comments, outline changes, its records)
follows as for any project once the server holds it.

Change (table `project`, the project's uid): its record (the project form's fields, its regime among them) with
`create: true`, `kind` and `outline` `{documents: {kind: uid}, sections: {"kind/outline key": uid}}`. Until the
server holds the project (its shadow, written when the creation is applied), nothing else of it is pushed: the work
waits for it.
Once applied, its sections' shadows are the outline as the regime lays it out, so a section renamed, moved or
deleted here before the first push is a change made here (pushed, and left alone by the pull that brings the
server's rows). The demo's projects are sample data: made here by the demo, they stay here. A regime switched here
is the project record's `regime_key` changed: that record goes first too, with the `outline` of the sections the
switch made here (`switches_first`), so the server's switch makes them with these uids.
A creation's fields as first sent are kept until its answer comes (`remember_sent`): when the server applied it but
the answer was lost and the details were then edited here, the next pull brings the server's project with that
first record as its base, so the edit is pushed as one rather than met as a conflict with the desk's own values.
"""

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select as core_select
from sqlmodel import Session, col

from dossier_app.domain.enums import AuditAction, SectionState
from dossier_app.domain.models import AuditEntry, Setting, SyncShadow
from dossier_app.domain.outline import OutlineNode, Regime
from dossier_app.services.project_records.sync import (
    PROJECT,
    owned_rows,
    projects_on_server,
    pushed_record,
    record_of,
    settle_record,
)
from dossier_app.services.sync.bulk_rows import upsert_shadows
from dossier_app.services.sync.outbox import Outgoing, change
from dossier_app.services.sync.pulled_rows import REVIEW_FIELDS
from dossier_app.services.sync.pulled_rows import shadow_row as section_shadow
from dossier_app.storage.sync_log import synced_tables

CREATE = "create"
SENT_KEY = "sync.creation_sent:"  # + the project's uid: its creation's fields as first sent, until answered
DEMO_MADE = "cli:demo"  # services/demo/demo.DEMO_OPERATOR: the projects the demo made here are sample data


@dataclass(frozen=True)
class NotOnServer:
    """The projects here the server does not hold yet, with their documents and sections (by uid): what their work
    names, held back until the project is made there (or for good, for the demo's)."""

    projects: frozenset[str] = frozenset()
    documents: frozenset[str] = frozenset()
    sections: frozenset[str] = frozenset()

    def holds(self, item: Outgoing) -> bool:
        """Whether a change is work in one of these projects (not its creation)."""
        pushed = item.change
        fields, table = pushed["fields"], pushed["table"]
        if table == PROJECT and fields.get(CREATE) is True:
            return False
        if table == PROJECT and pushed["uid"] in self.projects:
            return True
        if table == "section" and pushed["uid"] in self.sections:
            return True
        return (
            fields.get("section") in self.sections
            or fields.get("document") in self.documents
            or fields.get("project") in self.projects
        )


def not_on_server(session: Session) -> tuple[NotOnServer, NotOnServer]:
    """The projects here without a shadow (made here): those to make on the server, and the demo's (sample data,
    kept here)."""
    tables = synced_tables()
    project, document, section = tables["project"], tables["document"], tables["section"]
    shared = projects_on_server(session)
    connection = session.connection()
    made_here = {
        int(local): str(uid)
        for local, uid in connection.execute(core_select(project.c.id, project.c.uid))
        if str(uid) not in shared
    }
    if not made_here:
        return NotOnServer(), NotOnServer()
    by_demo = connection.execute(
        core_select(col(AuditEntry.entity_id)).where(
            col(AuditEntry.action) == AuditAction.PROJECT_CREATE.value,
            col(AuditEntry.entity_type) == "project",
            col(AuditEntry.actor) == DEMO_MADE,
        )
    ).scalars()
    demo = {int(local) for local in by_demo if str(local).isdigit()} & set(made_here)

    def held(project_ids: set[int]) -> NotOnServer:
        if not project_ids:
            return NotOnServer()
        documents = connection.execute(
            core_select(document.c.uid, document.c.id).where(document.c.project_id.in_(project_ids))
        ).all()
        sections = connection.execute(
            core_select(section.c.uid).where(section.c.document_id.in_([local for _uid, local in documents]))
        ).scalars()
        return NotOnServer(
            frozenset(made_here[local] for local in project_ids),
            frozenset(str(uid) for uid, _local in documents),
            frozenset(map(str, sections)),
        )

    return held(set(made_here) - demo), held(demo)


def projects_to_create(session: Session, waiting: NotOnServer) -> list[Outgoing]:
    """Each project made here the server lacks, as the change that makes it there with this desktop's ids."""
    if not waiting.projects:
        return []
    project = synced_tables()["project"]
    query = owned_rows(PROJECT).where(project.c.uid.in_(waiting.projects)).order_by(project.c.id)
    made: list[Outgoing] = []
    for row in session.connection().execute(query).mappings():
        fields: dict[str, Any] = {
            **record_of(PROJECT, row["uid"], dict(row)),
            CREATE: True,
            "kind": str(row["kind"]),
            "outline": _outline(session, int(row["id"]), only_new=False),
        }
        pushed = change(PROJECT, str(row["uid"]), fields, f"create:{row['uid']}")
        made.append(Outgoing(pushed, f"{row['code']}: dự án mới/new project"))
    return made


def switches_first(session: Session, items: list[Outgoing]) -> list[Outgoing]:
    """A project whose regime was switched here goes first, with the uids of the sections the switch made here
    (`outline`: the server makes them with these), so the work written in them follows in the same push."""
    first: list[Outgoing] = []
    rest: list[Outgoing] = []
    project = synced_tables()["project"]
    for item in items:
        pushed = item.change
        base = pushed.get("base") or {}
        if pushed["table"] != PROJECT or base.get("regime_key") in (None, pushed["fields"].get("regime_key")):
            rest.append(item)
            continue
        local = session.connection().execute(core_select(project.c.id).where(project.c.uid == pushed["uid"]))
        pushed["fields"] = {**pushed["fields"], "outline": _outline(session, int(local.scalar_one()), only_new=True)}
        first.append(item)
    return first + rest


def switching(items: list[Outgoing]) -> NotOnServer:
    """The sections regime switches waiting in `items` made here: their work waits until the server has made them
    (a refused switch is then one refusal, not one more for each text written in them)."""
    made = frozenset(
        str(uid)
        for item in items
        if item.change["table"] == PROJECT and not is_creation(item.change) and "outline" in item.change["fields"]
        for uid in item.change["fields"]["outline"].get("sections", {}).values()
    )
    return NotOnServer(sections=made)


def _outline(session: Session, project_id: int, *, only_new: bool) -> dict[str, dict[str, str]]:
    """The uids of a project's documents (by kind) and of its outline's sections (by "kind/outline key"); `only_new`:
    only the sections the server does not hold (no shadow)."""
    tables = synced_tables()
    document, section, shadow = tables["document"], tables["section"], SyncShadow.__table__  # type: ignore[attr-defined]
    connection = session.connection()
    kinds = {
        str(uid): str(kind)
        for uid, kind in connection.execute(
            core_select(document.c.uid, document.c.kind).where(document.c.project_id == project_id)
        )
    }
    query = (
        core_select(section.c.uid, section.c.outline_key, document.c.uid)
        .join(document, document.c.id == section.c.document_id)
        .where(document.c.project_id == project_id, section.c.outline_key.is_not(None))
    )
    if only_new:
        query = query.where(~core_select(shadow.c.uid).where(shadow.c.uid == section.c.uid).exists())
    sections = {f"{kinds[str(document_uid)]}/{key}": str(uid) for uid, key, document_uid in connection.execute(query)}
    return {"documents": {kind: uid for uid, kind in kinds.items()}, "sections": sections}


def join_twins(session: Session, pulled: Iterable[Mapping[str, Any]]) -> dict[str, str]:
    """Pulled sections the server made for an outline place that a live section made here fills too (one regime
    switched on two desks while apart): ours takes the server's uid, so the two are one section whose text written
    here merges with theirs as any edit does (else ours stayed beside it, and its text was refused at every sync).
    The uids changed, ours → the server's."""
    fields_of = {c["uid"]: c["fields"] for c in pulled if c["table"] == "section" and c["fields"].get("outline_key")}
    if not fields_of:
        return {}
    tables = synced_tables()
    section, document, shadow = tables["section"], tables["document"], SyncShadow.__table__  # type: ignore[attr-defined]
    connection = session.connection()
    here = set(connection.execute(core_select(section.c.uid).where(section.c.uid.in_(fields_of))).scalars())
    new = {uid: fields for uid, fields in fields_of.items() if uid not in here}
    if not new:
        return {}
    query = (
        core_select(section.c.id, section.c.uid, document.c.uid, section.c.outline_key)
        .join(document, document.c.id == section.c.document_id)
        .where(
            document.c.uid.in_({str(fields.get("document")) for fields in new.values()}),
            section.c.outline_key.in_({str(fields["outline_key"]) for fields in new.values()}),
            section.c.deleted_at.is_(None),
            ~core_select(shadow.c.uid).where(shadow.c.uid == section.c.uid).exists(),
        )
    )
    mine = {
        (str(document_uid), str(key)): (local, str(uid)) for local, uid, document_uid, key in connection.execute(query)
    }
    renamed: dict[str, str] = {}
    for uid, fields in new.items():
        found = mine.pop((str(fields.get("document")), str(fields["outline_key"])), None)
        if found is not None:
            connection.execute(section.update().where(section.c.id == found[0]).values(uid=uid))
            renamed[found[1]] = uid
    return renamed


def make_room(session: Session, code: Any, uid: str) -> str:
    """A pulled project whose code a project made here holds: the server's is another project (another desk made it
    first), so ours takes the next free code (`CODE-2`, …) rather than becoming the server's and mixing two outlines
    in one; words for the sync's report, '' when nothing was in the way."""
    project = synced_tables()["project"]
    connection = session.connection()
    if not isinstance(code, str):
        return ""
    mine = connection.execute(
        core_select(project.c.id, project.c.uid).where(project.c.code == code, project.c.uid != uid)
    ).first()
    if mine is None or session.get(SyncShadow, str(mine.uid)) is not None:
        return ""  # none here, or the server's own row here (a rename there comes as that row)
    taken = set(connection.execute(core_select(project.c.code)).scalars())
    longest = int(getattr(project.c.code.type, "length", None) or 32)  # the column's length
    free = next(
        candidate
        for number in range(2, 10_000)
        if (candidate := f"{code[: longest - len(str(number)) - 1]}-{number}") not in taken
    )
    connection.execute(project.update().where(project.c.id == mine.id).values(code=free))
    return (
        f"{code}: mã đã có trên máy chủ, dự án làm ở máy này nay mang mã {free}/"
        f"the code is another project's on the server; the project made here is now {free}"
    )


def is_creation(pushed: Mapping[str, Any]) -> bool:
    """Whether a pushed change is a project made here."""
    return bool(pushed["table"] == PROJECT and pushed["fields"].get(CREATE) is True)


def remember_sent(session: Session, pushed: Mapping[str, Any]) -> None:
    """A creation about to be sent: its fields are kept, unless an earlier try's are (whose answer never came)."""
    if is_creation(pushed) and session.get(Setting, SENT_KEY + pushed["uid"]) is None:
        session.add(Setting(key=SENT_KEY + pushed["uid"], value=json.dumps(pushed["fields"], ensure_ascii=False)))


def forget_sent(session: Session, uid: str) -> None:
    """A creation answered, or its project pulled: what its tries sent no longer matters."""
    kept = session.get(Setting, SENT_KEY + uid)
    if kept is not None:
        session.delete(kept)


def sent_record(session: Session, uid: str) -> dict[str, Any] | None:
    """The record a creation of this project sent before its answer was lost (None when it was answered)."""
    kept = session.get(Setting, SENT_KEY + uid)
    if kept is None:
        return None
    return pushed_record(PROJECT, json.loads(kept.value))


def settle_created(session: Session, pushed: Mapping[str, Any], regime: Regime | None) -> None:
    """The server holds the project made here: its shadow is its record as pushed, and each of its sections laid out
    from the regime has the regime's place as its shadow (what the server made), so what was renamed, moved or
    deleted here since is pushed next."""
    forget_sent(session, pushed["uid"])
    settle_record(session, pushed)  # the project's record, as pushed
    if regime is not None:
        project = synced_tables()["project"]
        local = session.connection().execute(core_select(project.c.id).where(project.c.uid == pushed["uid"]))
        upsert_shadows(session, _laid_out(_outline(session, int(local.scalar_one()), only_new=False), regime))


def _laid_out(uids: Mapping[str, Mapping[str, str]], regime: Regime) -> list[dict[str, str]]:
    """The shadows of a project's sections (`uids`: its `_outline`) as the regime lays them out (the server made them
    so)."""
    documents, sections = uids["documents"], uids["sections"]
    fresh: dict[str, Any] = dict.fromkeys(REVIEW_FIELDS)
    fresh.update(state=SectionState.DRAFT.value, submitted_by="", approved_hash="", approved_by="")
    fresh["changed_since_approval"] = False
    made: list[dict[str, str]] = []

    def walk(kind: str, parent: str | None, nodes: tuple[OutlineNode, ...]) -> None:
        for node in nodes:
            found = sections.get(f"{kind}/{node.key}")
            if found is None:
                continue
            place = {"document": documents[kind], "parent": parent, "title": node.title_vi, "position": node.order}
            made.append(section_shadow("section", found, {**fresh, **place, "deleted_at": None}))
            walk(kind, found, node.children)

    for outline in regime.documents:
        walk(str(outline.kind), None, outline.sections)
    return made
