"""A section's Markdown rewritten piece by piece, so that an autosave of a 20-page section only writes what changed.

section_markdown of a whole document costs tens of milliseconds (ui/section_markdown.py walks every character to
work around Qt's writer). Qt's writer carries state from block to block (list numbers and looseness, the indent of
wrapped lines, quote prefixes, code fences), so the document is cut only between two blocks where a fresh writer is
in the state the whole-document writer is in there: two non-empty paragraphs or headings of the top level (no list,
quote, indent, code block, rule or table), outside the span of every list and after no indented code block (whose
state the writer never resets); a piece holding a list item also begins where the last list item before was at level
1, as in a fresh writer (the writer compares the level of the next item with it).
Each piece is written by section_markdown on a document of its own and kept under a key of everything the writer
reads of it: its blocks' text, format indices, list formats and table cells. The pieces joined are
section_markdown(document), character for character (tests/ui/test_markdown_pieces.py compares them).
"""

import time
from dataclasses import dataclass

from PySide6.QtGui import QTextBlock, QTextCursor, QTextDocument, QTextFormat, QTextTable

from dossier_app.ui.dossier.section_markdown import section_markdown

_Key = tuple[tuple[object, ...], ...]  # per block: text, format indices, fragments, list and table cells
_FENCE = QTextFormat.Property.BlockCodeFence
_LANGUAGE = QTextFormat.Property.BlockCodeLanguage
_QUOTE = QTextFormat.Property.BlockQuoteLevel
_RULE = QTextFormat.Property.BlockTrailingHorizontalRulerWidth


@dataclass(frozen=True)
class _Piece:
    """Blocks written together: from `start` to `end` (the end of the last block's text)."""

    start: int
    end: int
    key: _Key
    first: bool  # it begins the document


@dataclass(frozen=True)
class _BlockKind:
    """What the cutting rule needs to know of a block format."""

    plain: bool  # a paragraph or heading of the top level: no list, quote, indent, code or rule
    sticky: bool  # an indented code block: the writer keeps writing code after it (m_indentedCodeBlock)


class MarkdownPieces:
    """section_markdown(document), rewriting only the pieces that changed since the last call."""

    def __init__(self, document: QTextDocument) -> None:
        self._document = document
        self._written: dict[_Key, str] = {}
        self._kinds: dict[int, _BlockKind] = {}  # by block format index
        self._formats: list[QTextFormat] = []  # what the format indices in the keys stand for
        self._font = document.defaultFont()

    def markdown(self) -> str:
        """The whole document's Markdown: the stored text of the pieces unchanged, the others written again."""
        pieces = self._pieces()
        written = {}
        for piece in pieces:
            text = self._written.get(piece.key)
            written[piece.key] = self._write(piece, len(pieces) == 1) if text is None else text
        self._written = written
        return "".join(written[piece.key] for piece in pieces)

    def prime(self, seconds: float) -> bool:
        """Write pieces not yet written for about `seconds`; True once all are (a single piece is left for the save).

        Called in slices after a section is opened, so that the first autosave only writes the piece typed in."""
        deadline = time.perf_counter() + seconds
        pieces = self._pieces()
        if len(pieces) == 1:
            return True
        missing = [piece for piece in pieces if piece.key not in self._written]
        for piece in missing:
            self._written[piece.key] = self._write(piece, False)
            if time.perf_counter() > deadline and piece is not missing[-1]:
                return False
        return True

    def _pieces(self) -> list[_Piece]:
        self._check_formats()
        document = self._document
        frames = [(frame.firstPosition(), frame.lastPosition()) for frame in document.rootFrame().childFrames()]
        starts, entry_levels, keys = [0], [1], [[]]  # per piece; the writer's list level when it begins
        lists_end = -1  # the position of the last item of every list begun so far
        level = 1  # the level of the last list item: the writer's m_lastListIndent
        sticky = False
        previous_plain = False
        block = document.begin()
        while block.isValid():
            position = block.position()
            framed = any(first <= position <= last for first, last in frames)
            kind = self._kind(block)
            text = block.text()
            plain = kind.plain and not framed and bool(text)
            if plain and previous_plain and not sticky and position > lists_end:
                starts.append(position)
                entry_levels.append(level)
                keys.append([])
            keys[-1].append(_block_key(block, text, framed))
            text_list = block.textList()
            if text_list is not None:
                # Its first list item compares its level with the last one written: that must be the fresh writer's 1.
                while entry_levels[-1] != 1:
                    starts.pop()
                    entry_levels.pop()
                    tail = keys.pop()
                    keys[-1] += tail
                level = text_list.format().indent()
                lists_end = max(lists_end, text_list.item(text_list.count() - 1).position())
            sticky = sticky or kind.sticky
            previous_plain = plain
            block = block.next()
        ends = [start - 1 for start in starts[1:]] + [document.characterCount() - 1]
        return [
            _Piece(start, end, tuple(key), index == 0)
            for index, (start, end, key) in enumerate(zip(starts, ends, keys, strict=True))
        ]

    def _check_formats(self) -> None:
        """Forget every piece when a format index no longer means the same format (the document was reset)."""
        formats = self._document.allFormats()
        font = self._document.defaultFont()
        if formats[: len(self._formats)] != self._formats or font != self._font:
            self._written.clear()
            self._kinds.clear()
        self._formats, self._font = formats, font

    def _kind(self, block: QTextBlock) -> _BlockKind:
        index = block.blockFormatIndex()
        kind = self._kinds.get(index)
        if kind is None:
            form = block.blockFormat()
            code = form.hasProperty(_FENCE) or bool(form.stringProperty(_LANGUAGE)) or form.nonBreakableLines()
            plain = (
                form.objectIndex() == -1
                and not form.intProperty(_QUOTE)
                and not form.indent()
                and not code
                and not form.hasProperty(_LANGUAGE)
                and not form.hasProperty(_RULE)
            )
            kind = self._kinds[index] = _BlockKind(plain, form.hasProperty(_LANGUAGE) and not code)
        return kind

    def _write(self, piece: _Piece, whole: bool) -> str:
        """The piece's Markdown, written alone as the whole-document writer writes it there."""
        if whole:
            return section_markdown(self._document)
        if piece.first:  # its first block may be a list item or a table: cut the rest off a copy
            copy = self._document.clone()
            copy.setUndoRedoEnabled(False)
            cursor = QTextCursor(copy)
            cursor.setPosition(piece.end)
            cursor.movePosition(QTextCursor.MoveOperation.End, QTextCursor.MoveMode.KeepAnchor)
            cursor.removeSelectedText()
            return section_markdown(copy)
        cursor = QTextCursor(self._document)
        cursor.setPosition(piece.start)
        cursor.setPosition(piece.end, QTextCursor.MoveMode.KeepAnchor)
        copy = QTextDocument()
        copy.setUndoRedoEnabled(False)
        copy.setDefaultFont(self._document.defaultFont())  # QFontInfo of the formats, read by the writer
        into = QTextCursor(copy)
        into.insertFragment(cursor.selection())
        into.setPosition(0)
        into.setBlockFormat(self._document.findBlock(piece.start).blockFormat())  # a fragment drops the first's
        return section_markdown(copy)


def _block_key(block: QTextBlock, text: str, framed: bool) -> tuple[object, ...]:
    """Everything the writer reads of a block, by format index."""
    fragments = []
    iterator = block.begin()
    while not iterator.atEnd():
        fragment = iterator.fragment()
        fragments.append((fragment.length(), fragment.charFormatIndex()))
        iterator += 1
    text_list = block.textList()
    return (
        text,
        block.blockFormatIndex(),
        block.charFormatIndex(),
        -1 if text_list is None else text_list.formatIndex(),
        tuple(fragments),
        _cells(block) if framed else (),
    )


def _cells(block: QTextBlock) -> tuple[tuple[int, ...], ...]:
    """The frames around a block, innermost first, with its cell of each table."""
    chain = []
    frame = QTextCursor(block).currentFrame()
    while frame.parentFrame() is not None:
        if isinstance(frame, QTextTable):
            cell = frame.cellAt(block.position())
            chain.append(
                (
                    frame.formatIndex(),
                    cell.row(),
                    cell.column(),
                    cell.rowSpan(),
                    cell.columnSpan(),
                    cell.tableCellFormatIndex(),
                )
            )
        else:
            chain.append((frame.formatIndex(),))
        frame = frame.parentFrame()
    return tuple(chain)
