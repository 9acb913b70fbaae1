"""One language at a time: the main window and every dialog, built on the demo, show no text of the other language.

Texts are read from what a person sees: window titles, labels, buttons, group boxes, tabs, menus and their actions,
placeholders, combo box items, table and tree headers and cells, tooltips. A Vietnamese window fails on any
English source string of the catalogue whose translation differs; an English window on any such translation.
"""

import re
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from xml.etree import ElementTree

import pytest
from PySide6.QtCore import QAbstractItemModel, QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QGroupBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QPlainTextEdit,
    QTabWidget,
    QTextEdit,
    QWidget,
)

from dossier_app.domain.enums import Role
from dossier_app.services import Services
from dossier_app.services.core.context import Operator
from dossier_app.ui.shared.i18n import Translators
from dossier_app.ui.shared.settings import UiSettings
from tests.ui.conftest import section_id_by_key

CATALOGUE = Path(__file__).resolve().parents[3] / "resources" / "translations" / "dossier_app_vi.ts"
# The audit trail's summaries are the hash-chained record as written when the action happened, shown verbatim.
RECORDED_COLUMNS = {("auditTable", 4)}
CELL_ROWS = 30  # the first rows of each table: enough to see its wording, cheap on a 480-household register


def catalogue_pairs() -> list[tuple[str, str]]:
    """(English source, Vietnamese translation) of every finished message whose two texts differ."""
    pairs = []
    for message in ElementTree.parse(CATALOGUE).getroot().iter("message"):
        source, translation = message.findtext("source") or "", message.find("translation")
        if translation is None or translation.get("type") in ("unfinished", "obsolete", "vanished"):
            continue
        text = translation.text or ""
        if text and text != source:
            pairs.append((_plain(source), _plain(text)))
    return pairs


def _plain(text: str) -> str:
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&").strip()


def _foreign_templates(pairs: list[tuple[str, str]], shown: str) -> list[re.Pattern[str]]:
    """For a Vietnamese window, the English messages with {parameters} as patterns (three literal words or more)."""
    if shown != "vi":
        return []
    patterns = []
    for source, translation in pairs:
        literal = re.sub(r"\{[^{}]*\}", " ", source)
        if "{" in source and len(literal.split()) >= 3 and source != translation:
            pieces = re.split(r"\{[^{}]*\}", source)
            patterns.append(re.compile(".+?".join(re.escape(piece) for piece in pieces)))
    return patterns


def _foreign_words(pairs: list[tuple[str, str]], shown: str) -> tuple[set[str], set[str]]:
    """Whole texts of the other language, and (for a Vietnamese window) longer English ones to find inside a text.

    An English window shows the project's own data in Vietnamese (names, outline titles): there only a whole text
    equal to a translation counts.
    """
    column = 0 if shown == "vi" else 1
    wholes = {pair[column] for pair in pairs if "{" not in pair[column]}
    wholes -= {pair[1 - column] for pair in pairs}  # a text both languages use (a code, a name) is not foreign
    inner = {text for text in wholes if len(text.split()) >= 3} if shown == "vi" else set()
    return wholes, inner


def _columns(model: QAbstractItemModel, parent: QModelIndex) -> int:
    """A list model keeps columnCount private: one column."""
    try:
        return model.columnCount(parent)
    except TypeError:
        return 1


def _model_texts(
    model: QAbstractItemModel,
    parent: QModelIndex = QModelIndex(),  # noqa: B008
    depth: int = 0,
    skip: frozenset[int] = frozenset(),
) -> Iterator[str]:
    for section in range(_columns(model, parent)):
        for orientation in (Qt.Orientation.Horizontal, Qt.Orientation.Vertical) if depth == 0 else ():
            value = model.headerData(section, orientation, Qt.ItemDataRole.DisplayRole)
            if isinstance(value, str):
                yield value
    for row in range(min(model.rowCount(parent), CELL_ROWS)):
        for column in range(_columns(model, parent)):
            if column in skip:
                continue
            index = model.index(row, column, parent)
            for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                value = index.data(role)
                if isinstance(value, str):
                    yield value
            if column == 0 and depth < 3 and model.rowCount(index) > 0:
                yield from _model_texts(model, index, depth + 1, skip)


def visible_texts(top: QWidget) -> Iterator[tuple[str, str]]:
    """(where, text) for every text the window shows or offers on hovering."""
    for widget in [top, *top.findChildren(QWidget)]:
        where = f"{type(widget).__name__}({widget.objectName()})"
        yield where, widget.windowTitle() if widget is top else ""
        yield where, widget.toolTip()
        if isinstance(widget, (QLabel, QAbstractButton)):
            yield where, widget.text()
        elif isinstance(widget, QGroupBox):
            yield where, widget.title()
        elif isinstance(widget, QLineEdit):
            yield where, widget.placeholderText()
        elif isinstance(widget, (QPlainTextEdit, QTextEdit)):
            yield where, widget.toPlainText()
            yield where, widget.placeholderText()
        elif isinstance(widget, QComboBox):
            yield from ((where, widget.itemText(i)) for i in range(widget.count()))
        elif isinstance(widget, QTabWidget):
            yield from ((where, widget.tabText(i)) for i in range(widget.count()))
        elif isinstance(widget, QMenu):
            yield where, widget.title()
            yield from ((where, a.text()) for a in widget.actions())
            yield from ((where, a.toolTip()) for a in widget.actions() if not a.isEnabled())
        elif isinstance(widget, QAbstractItemView) and not isinstance(widget, QHeaderView):
            if widget.model() is None:
                continue
            skip = frozenset(c for name, c in RECORDED_COLUMNS if name == widget.objectName())
            yield from ((where, text) for text in _model_texts(widget.model(), skip=skip))
    if isinstance(top, QMainWindow):
        for action in top.menuBar().actions():
            yield "menu bar", action.text()


def leaks(top: QWidget, shown: str, pairs: list[tuple[str, str]]) -> list[str]:
    """Every text of the other language the window shows, named by widget."""
    wholes, inner = _foreign_words(pairs, shown)
    templates = _foreign_templates(pairs, shown)
    found = []
    for where, raw in visible_texts(top):
        for line in _plain(raw).splitlines():
            text = line.strip()
            if not text:
                continue
            if text in wholes or any(piece in text for piece in inner) or any(t.search(text) for t in templates):
                found.append(f"{where}: {text!r}")
    return sorted(set(found))


def windows(services: Services, settings: UiSettings, language: str) -> dict[str, Callable[[], QWidget]]:
    """Every window and dialog the menus open, built on the demo's CT-ITP."""
    from dossier_app.ui.accounts.accounts_dialog import AccountsDialog
    from dossier_app.ui.accounts.audit_dialog import AuditDialog
    from dossier_app.ui.accounts.join_dialog import JoinServerDialog
    from dossier_app.ui.accounts.login_dialog import FirstAdminDialog, LoginDialog
    from dossier_app.ui.backups.backup_dialog import BackupDialog
    from dossier_app.ui.completeness.checklist_window import ChecklistWindow
    from dossier_app.ui.completeness.consultations_window import ConsultationsWindow
    from dossier_app.ui.completeness.facts_dialog import FactsDialog
    from dossier_app.ui.completeness.readiness_window import ReadinessWindow
    from dossier_app.ui.dossier.project_dialog import ProjectDialog
    from dossier_app.ui.export.export_dialog import ExportDialog
    from dossier_app.ui.milestones.milestones_window import MilestonesWindow
    from dossier_app.ui.register.catalogues_dialog import CataloguesDialog
    from dossier_app.ui.register.dashboard_window import DashboardWindow
    from dossier_app.ui.register.register_edit import PartyEditDialog
    from dossier_app.ui.register.register_window import RegisterWindow
    from dossier_app.ui.review.comment_register_window import CommentRegisterWindow
    from dossier_app.ui.review.review_bar import ApprovalDialog
    from dossier_app.ui.shared.holidays_dialog import HolidaysDialog
    from dossier_app.ui.shared.redline_view import RedlineDialog
    from dossier_app.ui.shell.about_dialog import AboutDialog
    from dossier_app.ui.shell.main_window import MainWindow
    from dossier_app.ui.shell.settings_dialog import SettingsDialog
    from dossier_app.ui.shell.sync_panel import ConflictsWindow, ServerDialog

    project = services.projects.by_code("CT-ITP")
    changed = section_id_by_key(services, "CT-HTP", "da.2_hien_trang")  # the demo's approved, then edited section

    def approval() -> QWidget:
        return ApprovalDialog(services, services.reviews.review(changed), "Hiện trạng", settings=settings)

    def compare() -> QWidget:
        newest, older = services.dossiers.revisions(changed)[:2]
        redline = services.redlines.for_revisions(older.id, newest.id)
        return RedlineDialog("Phiên bản 1 → 2", services, redline, ("1", "2"), settings=settings)

    def sync_conflicts() -> ConflictsWindow:
        window = ConflictsWindow(services)
        window.refresh()
        return window

    def main_window() -> QWidget:
        window = MainWindow(services, settings, language, services.accounts.get("quantri2"))
        window.select_section(section_id_by_key(services, "CT-ITP", "tt.kien_nghi"))
        return window

    def project_home(code: str) -> QWidget:
        window = MainWindow(services, settings, language, services.accounts.get("quantri2"))
        project_id = services.projects.by_code(code).id
        window.select_project(project_id)
        deadline = time.monotonic() + 60
        while window.home.busy or window.home.home is None or window.home.home.project_id != project_id:
            QApplication.processEvents()
            assert time.monotonic() < deadline, "the project home was never drawn"
        return window

    return {
        "main window": main_window,
        "project home CT-HTP": lambda: project_home("CT-HTP"),  # waiting, returned, consultations overdue
        "project home CT-ITP": lambda: project_home("CT-ITP"),  # the register, milestones overdue and at risk
        "project details": lambda: ProjectDialog(services, language, services.projects.get(project.id)),
        "export": lambda: ExportDialog(services, "CT-ITP", settings),
        "register": lambda: RegisterWindow(services, project.id, settings),
        "register dashboard": lambda: DashboardWindow(services, project.id, settings),
        "party": lambda: PartyEditDialog(services, project.id),
        "catalogues": lambda: CataloguesDialog(services),
        "milestones": lambda: MilestonesWindow(services, project.id, settings=settings),
        "readiness": lambda: ReadinessWindow(services, project.id, language),
        "checklist": lambda: ChecklistWindow(services, project.id, language),
        "facts": lambda: FactsDialog(services, project.id),
        "comment register": lambda: CommentRegisterWindow(services, project.id),
        "consultations": lambda: ConsultationsWindow(services, project.id, language),
        "holidays": lambda: HolidaysDialog(services),
        "backups": lambda: BackupDialog(services, settings),
        "settings": lambda: SettingsDialog(settings, services.database.display_location),
        "accounts": lambda: AccountsDialog(services),
        "audit trail": lambda: AuditDialog(services),
        "sign-in": lambda: LoginDialog(services),
        "first start": lambda: FirstAdminDialog(services, None, settings),
        "join the server": lambda: JoinServerDialog(services, settings),
        "sync server": lambda: ServerDialog("https://may-chu.so.gov.vn:8470", ""),
        "sync conflicts": lambda: sync_conflicts(),
        "approval": approval,
        "compare revisions": compare,
        "about": AboutDialog,
    }


NAMES = [
    "main window",
    "project home CT-HTP",
    "project home CT-ITP",
    "project details",
    "export",
    "register",
    "register dashboard",
    "party",
    "catalogues",
    "milestones",
    "readiness",
    "checklist",
    "facts",
    "comment register",
    "consultations",
    "holidays",
    "backups",
    "settings",
    "accounts",
    "audit trail",
    "sign-in",
    "first start",
    "join the server",
    "approval",
    "compare revisions",
    "about",
]


@pytest.fixture(scope="module")
def pairs() -> list[tuple[str, str]]:
    return catalogue_pairs()


@pytest.mark.parametrize("language", ["vi", "en"])
@pytest.mark.parametrize("name", NAMES)
def test_the_window_speaks_one_language(
    demo_db: Services, ui_settings: UiSettings, qtbot, qapp: QApplication, pairs, name: str, language: str
) -> None:  # type: ignore[no-untyped-def]
    demo_db.context.operator = Operator("cli:test")
    demo_db.accounts.add("quantri2", list(Role), "every-role-password")
    demo_db.context.operator = Operator("quantri2")  # holding every role, one sees every part of every dialog
    translators = Translators(qapp)
    translators.install(language)
    ui_settings.language = language
    try:
        widget = windows(demo_db, ui_settings, language)[name]()
        qtbot.addWidget(widget)
        widget.show()
        qtbot.waitExposed(widget)
        found = leaks(widget, language, pairs)
    finally:
        translators.install("en")
    assert found == [], f"{name} in {language} shows the other language:\n" + "\n".join(found)


def test_the_walk_would_see_a_leak(demo_db: Services, ui_settings: UiSettings, qtbot, qapp, pairs) -> None:  # type: ignore[no-untyped-def]
    """Guards against a walk that reads nothing: an English label in a Vietnamese window is found."""
    translators = Translators(qapp)
    translators.install("vi")
    try:
        widget = QWidget()
        qtbot.addWidget(widget)
        QLabel("Milestone plan…", widget)
        QLabel("Kế hoạch tiến độ…", widget)
        QLabel("đã soạn 3/5 mục bắt buộc — Tờ trình: 3 of 5 required sections written", widget)
        assert leaks(widget, "vi", pairs) == [
            "QLabel(): 'Milestone plan…'",
            "QLabel(): 'đã soạn 3/5 mục bắt buộc — Tờ trình: 3 of 5 required sections written'",
        ]
        assert leaks(widget, "en", pairs) == ["QLabel(): 'Kế hoạch tiến độ…'"]
    finally:
        translators.install("en")
