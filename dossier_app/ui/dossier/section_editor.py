"""The section editor: Markdown in and out of a QTextEdit, a formatting toolbar, autosave."""

import shiboken6
from PySide6.QtCore import QSignalBlocker, QSizeF, Qt, QTimer, Signal
from PySide6.QtGui import (
    QAction,
    QColor,
    QFont,
    QKeySequence,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextFormat,
    QTextListFormat,
    QTextTableFormat,
)
from PySide6.QtWidgets import QInputDialog, QTextEdit, QToolBar, QVBoxLayout, QWidget

from dossier_app.domain.errors import DossierError, StaleEdit, StorageBusy
from dossier_app.domain.text import fold, word_count
from dossier_app.services import Services
from dossier_app.services.dossier.dossiers import SaveResult, SectionView
from dossier_app.ui.dossier.markdown_pieces import MarkdownPieces
from dossier_app.ui.dossier.section_markdown import EDITOR_MARKDOWN

AUTOSAVE_DELAY_MS = 1500
PRIME_SLICE_S = 0.004  # Markdown written ahead per turn of the event loop: well under a frame
HEADING_SIZES = {2: 1.35, 3: 1.15}


class SectionEditor(QWidget):
    """Edits one section at a time; saves after a pause in typing, on demand and before switching."""

    saved = Signal(object)  # SaveResult
    save_failed = Signal(object)  # DossierError
    conflict = Signal(object)  # SectionView of the stored text
    words_changed = Signal(int)
    dirty_changed = Signal(bool)

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self._section: SectionView | None = None
        self.writable = True
        self._version = 0
        self.text = QTextEdit(self)
        self.text.setObjectName("sectionText")
        self.text.setAcceptRichText(True)
        self.text.setTabChangesFocus(False)
        self.text.setReadOnly(True)
        self.text.setPlaceholderText(self.tr("Choose a section in the navigator to start writing."))
        self.text.document().setDocumentMargin(18)
        self._pieces = MarkdownPieces(self.text.document())
        self._primed = False
        self.toolbar = QToolBar(self.tr("Formatting"), self)
        self.toolbar.setObjectName("formattingToolbar")
        self._build_actions()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.toolbar)
        layout.addWidget(self.text)
        self._autosave = QTimer(self)
        self._autosave.setSingleShot(True)
        self._autosave.setInterval(AUTOSAVE_DELAY_MS)
        self._autosave.timeout.connect(self.save_now)
        self._count_timer = QTimer(self)
        self._count_timer.setSingleShot(True)
        self._count_timer.setInterval(250)
        self._count_timer.timeout.connect(self._count_words)
        self._prime_timer = QTimer(self)
        self._prime_timer.setSingleShot(True)
        self._prime_timer.timeout.connect(self._prime)
        self._watch(self.text.document())
        self.text.currentCharFormatChanged.connect(self._sync_format_buttons)
        self.text.cursorPositionChanged.connect(self._sync_block_buttons)
        self._set_enabled(False)

    # Actions -----------------------------------------------------------------

    def _action(self, text: str, shortcut: QKeySequence | str | None, slot, checkable: bool = False) -> QAction:  # type: ignore[no-untyped-def]
        action = QAction(text, self)
        if shortcut:
            action.setShortcut(QKeySequence(shortcut))
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            action.setToolTip(f"{text} ({action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)})")
        action.setCheckable(checkable)
        action.triggered.connect(slot)
        self.toolbar.addAction(action)
        self.addAction(action)
        return action

    def _build_actions(self) -> None:
        self.undo_action = self._action(self.tr("Undo"), None, self.text.undo)
        self.undo_action.setToolTip(self.tr("Undo typing (Ctrl+Z)"))
        self.redo_action = self._action(self.tr("Redo"), None, self.text.redo)
        self.redo_action.setToolTip(self.tr("Redo typing (Ctrl+Y)"))
        self.text.undoAvailable.connect(self.undo_action.setEnabled)
        self.text.redoAvailable.connect(self.redo_action.setEnabled)
        self.undo_action.setEnabled(False)
        self.redo_action.setEnabled(False)
        self.toolbar.addSeparator()
        self.bold_action = self._action(self.tr("Bold"), QKeySequence.StandardKey.Bold, self.toggle_bold, True)
        font = self.bold_action.font()
        font.setBold(True)
        self.bold_action.setFont(font)
        self.italic_action = self._action(self.tr("Italic"), QKeySequence.StandardKey.Italic, self.toggle_italic, True)
        font = self.italic_action.font()
        font.setItalic(True)
        self.italic_action.setFont(font)
        self.toolbar.addSeparator()
        self.heading2_action = self._action(self.tr("Heading"), "Ctrl+2", lambda: self.set_heading(2), True)
        self.heading3_action = self._action(self.tr("Sub-heading"), "Ctrl+3", lambda: self.set_heading(3), True)
        self.paragraph_action = self._action(self.tr("Paragraph"), "Ctrl+0", lambda: self.set_heading(0))
        self.toolbar.addSeparator()
        self.bullets_action = self._action(
            self.tr("Bulleted list"),
            "Ctrl+Shift+8",
            lambda: self.toggle_list(QTextListFormat.Style.ListDisc),
            True,
        )
        self.numbers_action = self._action(
            self.tr("Numbered list"),
            "Ctrl+Shift+7",
            lambda: self.toggle_list(QTextListFormat.Style.ListDecimal),
            True,
        )
        self.table_action = self._action(self.tr("Table…"), "Ctrl+Alt+T", self.ask_table)
        self.toolbar.addSeparator()
        self.save_action = self._action(self.tr("Save now"), QKeySequence.StandardKey.Save, self.save_now)

    def _set_enabled(self, enabled: bool) -> None:
        for action in self.toolbar.actions():
            if action not in (self.undo_action, self.redo_action):
                action.setEnabled(enabled)
        self.text.setReadOnly(not enabled)
        self._sync_placeholder()

    def _sync_placeholder(self) -> None:
        """An empty section invites typing; with no section chosen, the hint points at the navigator."""
        if self._section is None:
            hint = self.tr("Choose a section in the navigator to start writing.")
        elif self.text.isReadOnly():
            hint = self.tr("This section has no text yet.")
        else:
            hint = self.tr("This section has no text yet: start typing here. It is saved as you write.")
        self.text.setPlaceholderText(hint)

    # Loading and saving --------------------------------------------------------

    @property
    def section(self) -> SectionView | None:
        """The section being edited, as last loaded or saved."""
        return self._section

    @property
    def is_dirty(self) -> bool:
        """Whether there is typing not yet saved."""
        return self._section is not None and self.text.document().isModified()

    def markdown(self) -> str:
        """The editor's text as Markdown, the stored format; only the pieces changed since the last call are written."""
        return self._pieces.markdown()

    def load(self, section: SectionView) -> None:
        """Show a section; the previous one must have been saved first."""
        self._autosave.stop()
        self._prime_timer.stop()
        self._section = section
        self._version = section.version
        self._show_document(self._new_document(section.body))
        self.text.setExtraSelections([])
        self.text.moveCursor(QTextCursor.MoveOperation.Start)
        self._set_enabled(self.writable)
        self._count_words()

    @property
    def version(self) -> int:
        """The stored version the shown text was loaded or last saved at."""
        return self._version

    def show_newer(self, section: SectionView) -> None:
        """Show a newer stored text of the open section (a sync brought it), the cursor where the reader had it."""
        position = self.text.textCursor().position()
        self.load(section)
        cursor = self.text.textCursor()
        cursor.setPosition(min(position, max(self.text.document().characterCount() - 1, 0)))
        self.text.setTextCursor(cursor)
        self.text.ensureCursorVisible()

    def clear(self) -> None:
        """Show nothing (no section chosen)."""
        self._autosave.stop()
        self._prime_timer.stop()
        self._section = None
        with QSignalBlocker(self.text.document()):
            self.text.clear()
        self.text.document().setModified(False)
        self._set_enabled(False)
        self.words_changed.emit(0)

    def save_now(self) -> bool:
        """Save unsaved typing; False when the save was refused (the signals say why)."""
        self._autosave.stop()
        if not self.is_dirty or self._section is None:
            return True
        try:
            result = self._services.dossiers.save_body(self._section.id, self.markdown(), base_version=self._version)
        except StaleEdit:
            self.conflict.emit(self._services.dossiers.section(self._section.id))
            return not self.is_dirty
        except StorageBusy as error:
            self.save_failed.emit(error)
            self._autosave.start()  # another writer holds the database: keep the text and try again shortly
            return False
        except DossierError as error:
            self.save_failed.emit(error)
            return False
        self._after_save(result)
        return True

    def keep_mine(self, markdown: str | None = None) -> bool:
        """Resolve a conflict by storing this (or a merged) text as the newest revision."""
        if self._section is None:
            return True
        try:
            result = self._services.dossiers.save_body(self._section.id, markdown or self.markdown())
        except DossierError as error:
            self.save_failed.emit(error)
            return False
        if markdown is not None:
            self.load(self._services.dossiers.section(self._section.id))
        self._after_save(result)
        return True

    def _new_document(self, body: str) -> QTextDocument:
        """The section's text in a document not yet shown: no layout runs while it is filled and its headings sized."""
        shown = self.text.document()
        document = QTextDocument(self.text)
        document.setDefaultFont(shown.defaultFont())
        document.setDocumentMargin(shown.documentMargin())
        document.setPageSize(QSizeF(0, 0))  # no layout pass until QTextEdit.setDocument gives it the editor's width
        document.setUndoRedoEnabled(False)
        document.setMarkdown(body, EDITOR_MARKDOWN)
        self._apply_heading_sizes(document)
        document.setUndoRedoEnabled(True)
        document.setModified(False)
        return document

    def _show_document(self, document: QTextDocument) -> None:
        """Put a filled document in the editor (laid out lazily by Qt) and forget the one shown before."""
        shown = self.text.document()
        was_modified = shown.isModified()
        ours = shown.parent() == self.text  # the first one belongs to QTextEdit's control, which deletes it itself
        self._pieces = MarkdownPieces(document)
        self._primed = False
        self.text.setDocument(document)
        if ours:
            shiboken6.delete(shown)  # now: its layout would otherwise go on laying it out on timer events
        self._watch(document)
        self.undo_action.setEnabled(False)
        self.redo_action.setEnabled(False)
        if was_modified:
            self.dirty_changed.emit(False)

    def _watch(self, document: QTextDocument) -> None:
        document.contentsChanged.connect(self._on_changed)
        document.modificationChanged.connect(self.dirty_changed)

    def _prime(self) -> None:
        """Write the pieces' Markdown ahead, a slice per event loop turn, so an autosave writes the one typed in."""
        if self._section is None:
            return
        self._primed = self._pieces.prime(PRIME_SLICE_S)
        if not self._primed:
            self._prime_timer.start(0)

    def _after_save(self, result: SaveResult) -> None:
        self._version = result.version
        self.text.document().setModified(False)
        self.saved.emit(result)

    def _on_changed(self) -> None:
        if self._section is None or self.text.isReadOnly():
            return
        if not self._primed and not self._prime_timer.isActive():
            self._prime_timer.start(0)
        self._autosave.start()
        self._count_timer.start()

    def _count_words(self) -> None:
        self.words_changed.emit(word_count(self.text.toPlainText()))

    # Formatting ----------------------------------------------------------------

    def toggle_bold(self) -> None:
        """Bold on or off for the selection or what is typed next."""
        fmt = QTextCharFormat()
        fmt.setFontWeight(QFont.Weight.Bold if self.bold_action.isChecked() else QFont.Weight.Normal)
        self.text.mergeCurrentCharFormat(fmt)

    def toggle_italic(self) -> None:
        """Italic on or off for the selection or what is typed next."""
        fmt = QTextCharFormat()
        fmt.setFontItalic(self.italic_action.isChecked())
        self.text.mergeCurrentCharFormat(fmt)

    def set_heading(self, level: int) -> None:
        """Make the current paragraph a heading of `level` (0: a normal paragraph)."""
        cursor = self.text.textCursor()
        cursor.beginEditBlock()
        block_format = cursor.blockFormat()
        block_format.setHeadingLevel(level)
        cursor.setBlockFormat(block_format)
        cursor.select(QTextCursor.SelectionType.BlockUnderCursor)
        char_format = QTextCharFormat()
        char_format.setFontWeight(QFont.Weight.Bold if level else QFont.Weight.Normal)
        base = self.text.document().defaultFont().pointSizeF()
        char_format.setFontPointSize(base * HEADING_SIZES.get(level, 1.0))
        cursor.mergeCharFormat(char_format)
        cursor.endEditBlock()
        self._sync_block_buttons()

    def toggle_list(self, style: QTextListFormat.Style) -> None:
        """Turn the paragraph into a list of `style`, or back into a paragraph."""
        cursor = self.text.textCursor()
        current = cursor.currentList()
        cursor.beginEditBlock()
        if current is not None and current.format().style() == style:
            for index in range(current.count() - 1, -1, -1):
                block = current.item(index)
                if cursor.hasSelection() or block == cursor.block():
                    current.remove(block)
                    block_cursor = QTextCursor(block)
                    block_format = block.blockFormat()
                    block_format.setIndent(0)
                    block_cursor.setBlockFormat(block_format)
        else:
            list_format = QTextListFormat()
            list_format.setStyle(style)
            cursor.createList(list_format)
        cursor.endEditBlock()
        self._sync_block_buttons()

    def ask_table(self) -> None:
        """Ask for a size and insert a table at the cursor."""
        columns, ok = QInputDialog.getInt(self, self.tr("Insert table"), self.tr("Columns:"), 3, 1, 12)
        if not ok:
            return
        rows, ok = QInputDialog.getInt(self, self.tr("Insert table"), self.tr("Rows (with the header row):"), 3, 1, 200)
        if ok:
            self.insert_table(rows, columns)

    def insert_table(self, rows: int, columns: int) -> None:
        """Insert an empty table; its first row becomes the Markdown header."""
        table_format = QTextTableFormat()
        table_format.setBorder(1)
        table_format.setCellPadding(4)
        table_format.setCellSpacing(0)
        table_format.setHeaderRowCount(1)
        self.text.textCursor().insertTable(rows, columns, table_format)

    def _apply_heading_sizes(self, document: QTextDocument) -> None:
        base = document.defaultFont().pointSizeF()
        block = document.begin()
        while block.isValid():
            level = block.blockFormat().headingLevel()
            if level in HEADING_SIZES:
                cursor = QTextCursor(block)
                cursor.select(QTextCursor.SelectionType.BlockUnderCursor)
                fmt = QTextCharFormat()
                fmt.setFontPointSize(base * HEADING_SIZES[level])
                cursor.mergeCharFormat(fmt)
            block = block.next()

    def _sync_format_buttons(self, fmt: QTextCharFormat) -> None:
        self.bold_action.setChecked(fmt.fontWeight() >= QFont.Weight.Bold)
        self.italic_action.setChecked(fmt.fontItalic())

    def _sync_block_buttons(self) -> None:
        cursor = self.text.textCursor()
        level = cursor.blockFormat().headingLevel()
        self.heading2_action.setChecked(level == 2)
        self.heading3_action.setChecked(level == 3)
        current = cursor.currentList()
        style = current.format().style() if current is not None else None
        self.bullets_action.setChecked(style == QTextListFormat.Style.ListDisc)
        self.numbers_action.setChecked(style == QTextListFormat.Style.ListDecimal)

    # Search highlight ------------------------------------------------------------

    def highlight(self, query_folded: str) -> int:
        """Mark every match of a folded query and scroll to the first; returns how many."""
        if not query_folded:
            self.text.setExtraSelections([])
            return 0
        haystack = fold(self.text.toPlainText())
        selections = []
        start = haystack.find(query_folded)
        first = start
        while start >= 0:
            selection = QTextEdit.ExtraSelection()
            cursor = QTextCursor(self.text.document())
            cursor.setPosition(start)
            cursor.setPosition(start + len(query_folded), QTextCursor.MoveMode.KeepAnchor)
            selection.cursor = cursor  # type: ignore[attr-defined]
            fmt = QTextCharFormat()
            fmt.setBackground(QColor("#ffe082"))
            fmt.setProperty(QTextFormat.Property.FullWidthSelection, False)
            selection.format = fmt  # type: ignore[attr-defined]
            selections.append(selection)
            start = haystack.find(query_folded, start + max(1, len(query_folded)))
        self.text.setExtraSelections(selections)
        if first >= 0:
            cursor = self.text.textCursor()
            cursor.setPosition(first)
            self.text.setTextCursor(cursor)
            self.text.ensureCursorVisible()
        return len(selections)
