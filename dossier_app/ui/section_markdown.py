"""A section's Markdown written from the editor's document: QTextDocument.toMarkdown with two defects of Qt's
Markdown writer worked around, so every character the clerk sees is stored.

1. The writer wraps paragraphs at column 80 and, for a word longer than what is left of a line after a break, drops
   the character where it cuts the word (qtextmarkdownwriter.cpp: nearestWordWrapIndex finds a space *before* the
   line, and the loop then skips one character). We write a copy of the document in which such words carry a marker
   followed by a space every few characters; the writer may wrap at those spaces, and the marker tells us afterwards
   which space or line break to take out again.
2. The writer does not escape a "|" inside a table cell, so a cell holding "|" splits in two and the row loses its
   last cell. In the copy each such pipe is a marker, written out as "\\|".

Documents without long words or piped cells are written by Qt untouched.
"""

import re
from collections.abc import Iterator

from PySide6.QtGui import QTextBlock, QTextCursor, QTextDocument, QTextFormat, QTextList, QTextListFormat

COLUMN_LIMIT = 80  # QTextMarkdownWriter's fixed line length
_BREAK = "\u2000"  # EN QUAD: a space to Qt (QChar.isSpace), a place it may wrap
DEEPEST_INDENT = 60  # list nesting deeper than this (30 bulleted or 15 numbered levels) is written at this depth
_BULLETS = {QTextListFormat.Style.ListDisc, QTextListFormat.Style.ListCircle, QTextListFormat.Style.ListSquare}


def section_markdown(document: QTextDocument) -> str:
    """The document as Markdown (GitHub dialect, as the editor stores it), every character of its text kept."""
    breaks, pipes = _marks(document)
    deep = _deep_lists(document)
    if not breaks and not pipes and not deep:
        return document.toMarkdown()
    used = set(document.toPlainText())
    free = (chr(code) for code in range(0xE000, 0xF900) if chr(code) not in used)  # private use: never typed
    before, after, pipe = next(free), next(free), next(free)
    copy = document.clone()
    for index in deep:  # the writer cannot wrap below column 80 (it drops text): such lists move up
        text_list = copy.object(index)
        assert isinstance(text_list, QTextList)
        list_format = text_list.format()
        list_format.setIndent(DEEPEST_INDENT // _step(list_format))
        text_list.setFormat(list_format)
    cursor = QTextCursor(copy)
    for position, is_pipe in sorted([*((p, False) for p in breaks), *((p, True) for p in pipes)], reverse=True):
        cursor.setPosition(position)
        if is_pipe:  # the pipe becomes a marker in the pipe's own format
            cursor.setPosition(position + 1, QTextCursor.MoveMode.KeepAnchor)
            cursor.insertText(pipe, cursor.charFormat())
        else:  # a space the writer may wrap at, between two markers, in the word's own format
            cursor.insertText(before + _BREAK + after)
    markdown = copy.toMarkdown()
    # Between the markers: the space, or the line break and line prefix ("> " per quote level, then the list indent)
    # the writer put in its place. A marker left over (never seen) goes alone: the word then splits, but keeps all.
    markdown = re.sub(f"{before}[{_BREAK}\n> ]*{after}", "", markdown)
    return markdown.replace(before, "").replace(after, "").replace(pipe, "\\|")


def _marks(document: QTextDocument) -> tuple[list[int], list[int]]:
    """Document positions (UTF-16) where long words get a break, and of the pipes inside table cells."""
    breaks: list[int] = []
    pipes: list[int] = []
    indent = 0  # the writer's indent of wrapped lines, carried from block to block as the writer carries it
    block = document.begin()
    while block.isValid():
        in_table = QTextCursor(block).currentTable() is not None
        indent = _wrapped_indent(block, indent)
        if in_table:
            pipes.extend(position for position, text in _fragments(block) for position in _pipes(position, text))
        elif _wrapped(block):
            room = max(1, COLUMN_LIMIT - indent - 4)  # the longest run of characters that cannot lose one
            for start, text in _fragments(block):
                breaks.extend(_cuts(start, text, room))
        block = block.next()
    return breaks, pipes


def _step(list_format: QTextListFormat) -> int:
    """The writer's indent per list level: "1.  " numbers take four columns, "- " bullets two."""
    return 2 if list_format.style() in _BULLETS else 4


def _deep_lists(document: QTextDocument) -> list[int]:
    """The object index of each list nested deeper than the writer can wrap."""
    found: set[int] = set()
    block = document.begin()
    while block.isValid():
        text_list = block.textList()
        if text_list is not None and _step(text_list.format()) * text_list.format().indent() > DEEPEST_INDENT:
            found.add(text_list.objectIndex())
        block = block.next()
    return sorted(found)


def _wrapped_indent(block: QTextBlock, carried: int) -> int:
    """The writer's m_wrappedLineIndent after writing this block: list items set it, plain paragraphs reset it."""
    text_list = block.textList()
    if text_list is not None:
        list_format = text_list.format()
        return min(DEEPEST_INDENT, _step(list_format) * max(1, list_format.indent()))
    if _code(block) or block.blockFormat().indent():
        return carried
    return 0


def _code(block: QTextBlock) -> bool:
    form = block.blockFormat()
    return (
        form.hasProperty(QTextFormat.Property.BlockCodeFence)
        or bool(form.stringProperty(QTextFormat.Property.BlockCodeLanguage))
        or form.nonBreakableLines()
    )


def _wrapped(block: QTextBlock) -> bool:
    """Whether the writer wraps this block at column 80 (it leaves headings, code blocks and table cells alone)."""
    return not block.blockFormat().headingLevel() and not _code(block)


def _fragments(block: QTextBlock) -> Iterator[tuple[int, str]]:
    """(document position, text) of the block's plain text fragments; links and images are written whole."""
    iterator = block.begin()
    while not iterator.atEnd():
        fragment = iterator.fragment()
        if fragment.isValid():
            char_format = fragment.charFormat()
            if not char_format.isImageFormat() and not char_format.hasProperty(QTextFormat.Property.AnchorHref):
                yield fragment.position(), fragment.text()
        iterator += 1


def _units(char: str) -> int:
    """The length of a character in UTF-16 code units, Qt's unit of positions and of the column count."""
    return 2 if ord(char) > 0xFFFF else 1


def _pipes(start: int, text: str) -> Iterator[int]:
    position = start
    for char in text:
        if char == "|":
            yield position
        position += _units(char)


def _cuts(start: int, text: str, room: int) -> list[int]:
    """Positions inside every run of non-space characters longer than `room`, so that no piece is longer."""
    cuts: list[int] = []
    position = start
    run = 0  # UTF-16 units since the last space or cut
    for char in text:
        if char.isspace():
            run = 0
        else:
            if run and run + _units(char) > room:
                cuts.append(position)
                run = 0
            run += _units(char)
        position += _units(char)
    return cuts
