"""Editing rights enforced by the services: the role × action matrix of EDIT, EDIT_STRUCTURE and EDIT_PROJECT.

Every write is tried by every kind of person (each single role, officer+manager, a disabled account, a name
without an account and the local operator) on both databases. An allowed write is stored and audited under the
person's name; a refused one raises PermissionDenied and leaves every row and the audit trail as they were.
"""

import hashlib
import uuid
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text

from dossier_app.domain.enums import AuditAction, Role
from dossier_app.domain.errors import PermissionDenied
from dossier_app.domain.lifecycle import ACTION_WORDS, ALLOWED, Action
from dossier_app.services import Services
from dossier_app.services.demo.demo import DEMO_OPERATOR
from tests.services.review_support import CAST, LOCAL, act_as, create_cast
from tests.services.support import it_park, section_by_key

PEOPLE = [*CAST, "ghost", LOCAL]
# Read off domain/lifecycle.ALLOWED by hand; test_the_matrix_is_what_allowed_says keeps the two in step.
MAY: dict[Action, set[str]] = {
    Action.EDIT: {"an", "em", LOCAL},
    Action.EDIT_STRUCTURE: {"an", "binh", "em", LOCAL},
    Action.EDIT_PROJECT: {"an", "binh", "dung", "em", LOCAL},
}
SNAPSHOT_TABLES = ("project", "document", "section", "sectionrevision", "attachment", "account", "auditentry")


@dataclass(frozen=True)
class Scene:
    """What the local operator prepared before the person acts."""

    project_id: int
    document_id: int
    written: int  # a section with two revisions
    first_revision: int
    custom: int  # a custom section with a custom sibling after it
    deleted: int  # a deleted custom section
    attachment: int
    upload: Path
    upload_sha256: str


def _prepare(services: Services, folder: Path) -> Scene:
    create_cast(services)  # leaves the local operator acting
    project = services.projects.create(it_park())
    document_id = services.dossiers.tree(project.id)[0].id
    written = section_by_key(services, project.id, "da.7_ban_do_quy_hoach").id
    services.dossiers.save_body(written, "Bản đồ quy hoạch, bản đầu.")
    services.dossiers.save_body(written, "Bản đồ quy hoạch, bản hai.")
    first_revision = services.dossiers.revisions(written)[-1].id
    custom = services.dossiers.add_section(document_id, None, "Mục riêng")
    services.dossiers.add_section(document_id, None, "Mục riêng khác")
    deleted = services.dossiers.add_section(document_id, None, "Mục đã xoá")
    services.dossiers.delete_section(deleted)
    stored = folder / "quyet-dinh.pdf"
    stored.write_bytes(f"Quyết định 895/QĐ-TTg — {uuid.uuid4()}".encode())
    attachment = services.attachments.add(written, stored).id
    payload = f"Bản vẽ mặt bằng — {uuid.uuid4()}".encode()
    upload = folder / "ban-ve.pdf"
    upload.write_bytes(payload)
    return Scene(
        project.id,
        document_id,
        written,
        first_revision,
        custom,
        deleted,
        attachment,
        upload,
        hashlib.sha256(payload).hexdigest(),
    )


def _move(services: Services, scene: Scene) -> object:
    index, count = services.dossiers.sibling_index(scene.custom)
    return services.dossiers.move_section(scene.custom, index + 1 if index + 1 < count else index - 1)


def _update(services: Services, scene: Scene) -> object:
    return services.projects.update(scene.project_id, replace(it_park(), name="Khu CNTT tập trung Cần Thơ (sửa)"))


# name → (action it needs, the write, the audit action it records)
WRITES: dict[str, tuple[Action, Callable[[Services, Scene], object], AuditAction]] = {
    "save_body": (Action.EDIT, lambda s, c: s.dossiers.save_body(c.written, "Bản ba."), AuditAction.SECTION_SAVE),
    "restore_revision": (
        Action.EDIT,
        lambda s, c: s.dossiers.restore_revision(c.first_revision),
        AuditAction.SECTION_RESTORE,
    ),
    "attachment_add": (Action.EDIT, lambda s, c: s.attachments.add(c.written, c.upload), AuditAction.ATTACHMENT_ADD),
    "attachment_remove": (Action.EDIT, lambda s, c: s.attachments.remove(c.attachment), AuditAction.ATTACHMENT_REMOVE),
    "add_section": (
        Action.EDIT_STRUCTURE,
        lambda s, c: s.dossiers.add_section(c.document_id, None, "Mục mới"),
        AuditAction.SECTION_ADD,
    ),
    "rename_section": (
        Action.EDIT_STRUCTURE,
        lambda s, c: s.dossiers.rename_section(c.custom, "Tên mới"),
        AuditAction.SECTION_RENAME,
    ),
    "move_section": (Action.EDIT_STRUCTURE, _move, AuditAction.SECTION_MOVE),
    "delete_section": (
        Action.EDIT_STRUCTURE,
        lambda s, c: s.dossiers.delete_section(c.custom),
        AuditAction.SECTION_DELETE,
    ),
    "undelete_section": (
        Action.EDIT_STRUCTURE,
        lambda s, c: s.dossiers.undelete_section(c.deleted),
        AuditAction.SECTION_UNDELETE,
    ),
    "project_create": (
        Action.EDIT_PROJECT,
        lambda s, c: s.projects.create(it_park("CT-ITP3")),
        AuditAction.PROJECT_CREATE,
    ),
    "project_update": (Action.EDIT_PROJECT, _update, AuditAction.PROJECT_UPDATE),
}


def _stored(services: Services) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of the tables an edit may touch, in id order."""
    with services.database.engine.connect() as connection:
        return {
            table: [tuple(row) for row in connection.execute(text(f"SELECT * FROM {table} ORDER BY id"))]
            for table in SNAPSHOT_TABLES
        }


def _last_entry(services: Services) -> tuple[str, str]:
    with services.database.engine.connect() as connection:
        row = connection.execute(text("SELECT actor, action FROM auditentry ORDER BY id DESC LIMIT 1")).one()
    return str(row[0]), str(row[1])


def test_the_matrix_is_what_allowed_says() -> None:
    for action, people in MAY.items():
        by_roles = {name for name, roles in CAST.items() if name != "former" and set(roles) & ALLOWED[action]} | {LOCAL}
        assert people == by_roles, action


@pytest.mark.parametrize("person", PEOPLE)
@pytest.mark.parametrize("write", list(WRITES))
def test_editing_rights_are_enforced_by_the_services(
    services: Services, tmp_path: Path, write: str, person: str
) -> None:
    action, perform, recorded = WRITES[write]
    scene = _prepare(services, tmp_path)
    before, entries = _stored(services), services.audit.count()
    act_as(services, person)
    if person in MAY[action]:
        perform(services, scene)
        assert services.audit.count() == entries + 1
        assert _last_entry(services) == (person, recorded.value)
        assert _stored(services) != before
        return
    with pytest.raises(PermissionDenied) as caught:
        perform(services, scene)
    assert caught.value.message == f"You are not allowed to {ACTION_WORDS[action]}."
    assert services.audit.count() == entries
    assert _stored(services) == before
    if write == "attachment_add":
        assert not services.context.files.path_for(scene.upload_sha256).is_file(), "refused bytes were stored"


def test_a_manager_shapes_the_outline_but_does_not_write_the_text(services: Services, tmp_path: Path) -> None:
    assert Role.MANAGER in ALLOWED[Action.EDIT_STRUCTURE] and Role.MANAGER not in ALLOWED[Action.EDIT]
    scene = _prepare(services, tmp_path)
    act_as(services, "binh")
    added = services.dossiers.add_section(scene.document_id, None, "Mục của lãnh đạo")
    assert services.dossiers.section(added).updated_by == "binh"
    with pytest.raises(PermissionDenied):
        services.dossiers.save_body(added, "Lãnh đạo không viết nội dung.")
    assert services.dossiers.section(added).body == ""
    assert services.dossiers.revisions(added) == []


def test_an_account_disabled_after_the_window_opened_can_do_nothing(services: Services, tmp_path: Path) -> None:
    scene = _prepare(services, tmp_path)
    act_as(services, "an")
    services.dossiers.save_body(scene.written, "Viết khi còn hoạt động.")
    act_as(services, LOCAL)
    services.accounts.disable("an")
    act_as(services, "an")
    before, entries = _stored(services), services.audit.count()
    for _, perform, _ in WRITES.values():
        with pytest.raises(PermissionDenied):
            perform(services, scene)
    assert (_stored(services), services.audit.count()) == (before, entries)


def test_the_first_administrator_loads_the_demo_written_by_the_demo_operator(services: Services) -> None:
    services.accounts.create_first_admin("quantri", "quan-tri-123")
    act_as(services, "quantri")
    result = services.demo.load()
    assert result.projects_created == 2
    project = services.projects.by_code("CT-HTP")
    node = section_by_key(services, project.id, "tt.kien_nghi")
    assert [r.author for r in services.dossiers.revisions(node.id)] == [DEMO_OPERATOR]
    [loaded] = [e for e in services.audit.entries() if e.action == AuditAction.DEMO_LOAD.value]
    assert loaded.actor == "quantri" and DEMO_OPERATOR in loaded.summary
    # The administrator holds only ADMIN: outside the demo they still cannot write text.
    with pytest.raises(PermissionDenied):
        services.dossiers.save_body(node.id, "Quản trị không viết nội dung.")


def test_only_an_administrator_loads_the_demo_into_a_database_with_accounts(services: Services) -> None:
    create_cast(services)
    services.demo.load()  # the local operator may
    for person in ("an", "binh", "cuong", "former", "ghost"):
        act_as(services, person)
        before, entries = _stored(services), services.audit.count()
        with pytest.raises(PermissionDenied):
            services.demo.load()
        assert (_stored(services), services.audit.count()) == (before, entries)
    act_as(services, "dung")
    assert services.demo.load().projects_created == 0
