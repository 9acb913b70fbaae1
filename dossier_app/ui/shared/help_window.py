"""The user guide in a window of the program, opened by F1 at the section for the window or dialog in front.

Offices may have no program for .md files, so the guide (docs/huong-dan-su-dung.md, Vietnamese) is shown here, in a
QTextBrowser. Each section of the guide starts with an explicit anchor line, `<a id="…"></a>`, above its heading;
F1 finds the anchor of the window in front (its `help_anchor()` method, else its class in HELP_ANCHORS, else its
parent's), and the help window scrolls to the heading under that anchor.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import shiboken6
from PySide6.QtCore import QEvent, QObject, Qt, QUrl
from PySide6.QtGui import (
    QDesktopServices,
    QImage,
    QKeyEvent,
    QKeySequence,
    QShortcut,
    QTextCursor,
    QTextImageFormat,
)
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from dossier_app.domain.text import fold

# The guide beside the package: docs/ of the source tree, or of a PyInstaller bundle (which must ship the guide and
# the screenshots it shows), found the way storage/resources.py finds resources/.
DOCS_DIR = Path(__file__).resolve().parents[3] / "docs"
GUIDE_FILE = DOCS_DIR / "huong-dan-su-dung.md"
START_ANCHOR = "dau-trang"

# The section of the guide for each window or dialog, by class name (the shared layer imports no other room of the
# UI). A widget not named here is looked up through its parents; a window none of them names opens the start.
HELP_ANCHORS: dict[str, str] = {
    "LoginDialog": "dang-nhap",
    "FirstAdminDialog": "dang-nhap",
    "CommandPalette": "tim-lenh",
    "ProjectDialog": "thong-tin-du-an",
    "ConflictDialog": "xung-dot",
    "RegisterWindow": "so-boi-thuong",
    "PartyEditDialog": "sua-ho",
    "ImportDialog": "nhap-tu-excel",
    "DashboardWindow": "bang-theo-doi",
    "CataloguesDialog": "danh-muc",
    "EntryDialog": "danh-muc",
    "MilestonesWindow": "ke-hoach-tien-do",
    "ApprovalDialog": "phe-duyet",
    "RedlineDialog": "xem-ban-so-sanh",
    "CommentRegisterWindow": "bang-tong-hop-tiep-thu",
    "CommentDialog": "bang-tong-hop-tiep-thu",
    "ReadinessWindow": "muc-do-san-sang",
    "ChecklistWindow": "bang-danh-gia-dieu-kien",
    "FactsDialog": "bang-danh-gia-dieu-kien",
    "ConsultationsWindow": "lay-y-kien",
    "ExportDialog": "xuat-ho-so",
    "PagePreview": "xuat-ho-so",
    "AccountsDialog": "tai-khoan",
    "NewAccountDialog": "tai-khoan",
    "AuditDialog": "nhat-ky",
    "BackupDialog": "sao-luu",
    "SettingsDialog": "cai-dat-chuong-trinh",
    "HolidaysDialog": "ngay-nghi",
    "ServerDialog": "dong-bo",
    "JoinServerDialog": "dong-bo",
    "ConflictsWindow": "dong-bo",
    "ServerMoveDialog": "cai-dat-chuong-trinh",
}

_ANCHOR = re.compile(r'^<a id="([a-z0-9-]+)"></a>\s*$')
_HEADING = re.compile(r"^(#{1,6})\s+(.+?)\s*#*$")


@dataclass(frozen=True)
class GuideSection:
    """One anchored section of the guide: its id and its heading's text as the browser shows it."""

    anchor: str
    heading: str


def guide_sections(text: str) -> list[GuideSection]:
    """The anchors of the guide, in order, each with the heading that follows it."""
    sections: list[GuideSection] = []
    pending: str | None = None
    for line in text.splitlines():
        if match := _ANCHOR.match(line.strip()):
            pending = match.group(1)
        elif pending is not None and (heading := _HEADING.match(line.strip())):
            sections.append(GuideSection(pending, _plain(heading.group(2))))
            pending = None
        elif line.strip():
            pending = None
    return sections


def _plain(heading: str) -> str:
    """A Markdown heading as text: no emphasis marks or code ticks."""
    return re.sub(r"[*_`]", "", heading)


@cache
def _image_size(path: str) -> tuple[int, int]:
    image = QImage(path)
    return image.width(), image.height()


def anchor_for(widget: QWidget | None) -> str:
    """The guide's section for a widget: its own `help_anchor()`, its class in HELP_ANCHORS, else its parents'."""
    while widget is not None:
        own = getattr(widget, "help_anchor", None)
        if callable(own):
            return str(own())
        for cls in type(widget).__mro__:
            if cls.__name__ in HELP_ANCHORS:
                return HELP_ANCHORS[cls.__name__]
        widget = widget.parentWidget()
    return START_ANCHOR


class HelpWindow(QDialog):
    """The guide, with a search box; one window reused by every F1."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("helpWindow")
        self.setWindowTitle(self.tr("User guide"))
        self.setWindowFlag(Qt.WindowType.WindowMaximizeButtonHint, True)
        self.setWindowFlag(Qt.WindowType.WindowContextHelpButtonHint, False)
        self.resize(980, 780)
        self.current_anchor = START_ANCHOR
        self.browser = QTextBrowser(self)
        self.browser.setObjectName("helpBrowser")
        self.browser.setOpenLinks(False)  # the guide's own links name anchors the browser does not have: see follow
        self.browser.anchorClicked.connect(self.follow)
        font = self.browser.document().defaultFont()
        font.setPointSizeF(max(font.pointSizeF(), 11.0))  # read by tired eyes: a size above the widgets' own
        self.browser.document().setDefaultFont(font)
        self.find_box = QLineEdit(self)
        self.find_box.setObjectName("helpFind")
        self.find_box.setPlaceholderText(self.tr("Find in the guide, with or without diacritics (Enter: next)"))
        self.find_box.setClearButtonEnabled(True)
        self.find_box.returnPressed.connect(self.find_next)
        self.find_status = QLabel(self)
        start_button = QPushButton(self.tr("Contents"), self)
        start_button.clicked.connect(lambda: self.scroll_to(START_ANCHOR))
        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("Find:"), self))
        bar.addWidget(self.find_box, 1)
        bar.addWidget(self.find_status)
        bar.addWidget(start_button)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.browser, 1)
        QShortcut(QKeySequence.StandardKey.Find, self, self.find_box.setFocus)
        self.sections: dict[str, GuideSection] = {}
        self._image_width = 0
        self._folded: str | None = None
        self.load()

    def load(self) -> None:
        """Read the guide file (or say it is missing) and size its pictures to the window."""
        if not GUIDE_FILE.is_file():
            self.browser.setPlainText(
                self.tr("The user guide {path} is missing from this installation.").format(path=GUIDE_FILE)
            )
            return
        text = GUIDE_FILE.read_text(encoding="utf-8")
        self.sections = {section.anchor: section for section in guide_sections(text)}
        self.browser.document().setBaseUrl(QUrl.fromLocalFile(str(DOCS_DIR) + "/"))
        self.browser.setSearchPaths([str(DOCS_DIR)])
        self.browser.setMarkdown(text)
        self._folded = None
        self._fit_images()

    def _fit_images(self) -> None:
        """No picture wider than the page: a screenshot is scaled down to the browser's width, never up."""
        width = max(320, self.browser.viewport().width() - 40)
        if width == self._image_width:
            return
        self._image_width = width
        document = self.browser.document()
        block = document.begin()
        while block.isValid():
            iterator = block.begin()
            while not iterator.atEnd():
                fragment = iterator.fragment()
                image_format = fragment.charFormat().toImageFormat()
                if fragment.isValid() and image_format.isValid() and image_format.name():
                    path = DOCS_DIR / QUrl(image_format.name()).path()
                    natural_width, natural_height = _image_size(str(path))
                    if natural_width > 0:
                        shown = min(natural_width, width)
                        sized = QTextImageFormat(image_format)
                        sized.setWidth(shown)
                        sized.setHeight(natural_height * shown / natural_width)
                        cursor = QTextCursor(document)
                        cursor.setPosition(fragment.position())
                        cursor.setPosition(fragment.position() + fragment.length(), QTextCursor.MoveMode.KeepAnchor)
                        cursor.setCharFormat(sized)
                iterator += 1
            block = block.next()

    def resizeEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        """Pictures follow the window's width; the section in view stays in view."""
        super().resizeEvent(event)
        if self.sections:
            self._fit_images()
            self.scroll_to(self.current_anchor)

    def follow(self, url: QUrl) -> None:
        """A link of the guide: a section of it (`#anchor`), else a page for the system's browser."""
        if url.hasFragment() and (
            url.isRelative()
            or url.adjusted(QUrl.UrlFormattingOption.RemoveFragment) == self.browser.document().baseUrl()
        ):
            self.scroll_to(url.fragment())
        else:
            QDesktopServices.openUrl(url)

    def heading_block(self, anchor: str):  # type: ignore[no-untyped-def]
        """The heading block of an anchored section (an invalid block when the guide has no such anchor)."""
        section = self.sections.get(anchor)
        block = self.browser.document().begin()
        while section is not None and block.isValid():
            if block.blockFormat().headingLevel() > 0 and block.text().strip() == section.heading:
                return block
            block = block.next()
        return self.browser.document().end()

    def scroll_to(self, anchor: str) -> None:
        """Bring a section's heading to the top of the browser (the start of the guide for an unknown anchor)."""
        block = self.heading_block(anchor)
        if not block.isValid():
            anchor, block = START_ANCHOR, self.heading_block(START_ANCHOR)
        self.current_anchor = anchor
        root = self.browser.document().rootFrame()
        frame_format = root.frameFormat()
        if frame_format.bottomMargin() < self.browser.viewport().height():
            frame_format.setBottomMargin(self.browser.viewport().height())  # the last sections can come to the top too
            root.setFrameFormat(frame_format)
        top = 0
        if block.isValid():
            top = int(self.browser.document().documentLayout().blockBoundingRect(block).top())
            self.browser.setTextCursor(QTextCursor(block))
        self.browser.verticalScrollBar().setValue(top)

    def top_heading(self) -> str:
        """The text of the block at the top of the browser's view (the heading after a jump)."""
        return self.browser.cursorForPosition(self.browser.viewport().rect().topLeft()).block().text()

    def find_next(self) -> None:
        """Find the typed words after the cursor, with or without diacritics ("sao luu" finds "Sao lưu"), from the
        start again at the end."""
        words = fold(self.find_box.text().strip())
        if not words:
            return
        if self._folded is None:  # the raw text has one character per position of the document, as fold keeps
            self._folded = fold(self.browser.document().toRawText())
        at = self._folded.find(words, self.browser.textCursor().selectionEnd())
        if at < 0:
            at = self._folded.find(words)
        self.find_status.setText("" if at >= 0 else self.tr("Not found"))
        if at >= 0:
            cursor = QTextCursor(self.browser.document())
            cursor.setPosition(at)
            cursor.setPosition(at + len(words), QTextCursor.MoveMode.KeepAnchor)
            self.browser.setTextCursor(cursor)
            self.browser.ensureCursorVisible()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Esc closes the guide, even from the search box."""
        if event.key() == Qt.Key.Key_Escape:
            self.close()
            return
        super().keyPressEvent(event)


class HelpLauncher(QObject):
    """Watches the whole application for F1 (dialogs included, modal ones too) and shows the one help window."""

    def __init__(self, app: QApplication) -> None:
        super().__init__(app)
        self.window: HelpWindow | None = None
        self._owner: QWidget | None = None
        app.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """F1 anywhere opens the guide at the section for the widget that has the key (its window's section)."""
        if (
            event.type() == QEvent.Type.KeyPress
            and isinstance(watched, QWidget)  # not the QWindow that hands the key on to its widget
            and isinstance(event, QKeyEvent)
            and event.key() == Qt.Key.Key_F1
            and event.modifiers() == Qt.KeyboardModifier.NoModifier
        ):
            if self.window is None or not shiboken6.isValid(self.window) or watched.window() is not self.window:
                self.show_anchor(anchor_for(watched))
            return True
        return False

    def show_anchor(self, anchor: str) -> HelpWindow:
        """Show the help window (made once, then reused) scrolled to a section."""
        if self.window is None or not shiboken6.isValid(self.window):
            self.window = HelpWindow()
        self._follow_modal(QApplication.activeModalWidget())
        self.window.show()
        self.window.raise_()
        self.window.activateWindow()
        self.window.scroll_to(anchor)
        return self.window

    def _follow_modal(self, modal: QWidget | None) -> None:
        """A modal dialog blocks every other window: the guide becomes its child while it runs, so it can be read
        and scrolled beside it, and goes back to being a window of its own when the dialog ends."""
        window = self.window
        assert window is not None
        owner = modal if modal is not window else None
        if owner is self._owner:
            return
        geometry = window.geometry() if window.isVisible() else None
        window.setParent(owner, window.windowFlags() | Qt.WindowType.Window)
        if geometry is not None:
            window.setGeometry(geometry)
        self._owner = owner
        if isinstance(owner, QDialog):
            owner.finished.connect(self._release)

    def _release(self) -> None:
        """The modal dialog ended: keep the guide open, as a window of its own."""
        window = self.window
        if window is None or not shiboken6.isValid(window):
            return
        visible = window.isVisible()
        geometry = window.geometry()
        window.setParent(None, window.windowFlags() | Qt.WindowType.Window)
        window.setGeometry(geometry)
        self._owner = None
        if visible:
            window.show()


def help_launcher() -> HelpLauncher:
    """The application's one launcher, installed on first use."""
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    launcher = app.findChild(HelpLauncher)
    return launcher if launcher is not None else HelpLauncher(app)
