"""A section's Markdown written from the editor's document: QTextDocument.toMarkdown with the defects of Qt's
Markdown writer that lose or change the clerk's text worked around (qtextmarkdownwriter.cpp, Qt 6.11 and 6.12).

1. The writer wraps paragraphs at column 80 and, for a word longer than what is left of a line after a break, drops
   the character where it cuts the word (nearestWordWrapIndex finds a space *before* the line, and the loop then
   skips one character). Such words get, every few characters, a space between two markers; the writer may wrap at
   those spaces, and the markers tell us afterwards which space or line break to take out again.
2. Lists nested past column 80 make the same loop drop text of every line: they are written at a depth it can wrap.
3. Wrapping before a bold or italic word after an earlier one closed, it writes the opening "**" before the line
   break, where it reads as two asterisks. A marker at the end of the fragment before shows where the markers
   are, and the opening ones move after the break.
4. Inside inline code it doubles backslashes and escapes characters as if it were text ("`a\\b`" came back as
   "`a\\\\b`"): markers around the code show where to undo that.
5. A line it starts with ">", "~" or "=" (wrapped there, or a paragraph beginning so) reads as a quote, a fence or
   a heading underline: a marker before each such character at a word start shows the ones it put at the start
   of a line, which get a backslash.
6. Text that looks like a link ("[](x)", "[ a](x)") or code ("0` `") is left unescaped and becomes one, and a
   bracket in a link's text ends the link early: each "[" and "`" of text and each bracket of a link's text gets a
   marker and is written escaped ("\\[", "\\`", "\\]") unless the writer escaped it.
7. A "|" inside a table cell is not escaped, so the cell splits in two and the row loses its last cell: it is
   written as "\\|".

Markers are private-use characters the document does not hold, all taken out again. Documents that need none are
written by Qt untouched.
"""

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from enum import IntEnum
from functools import cache

from PySide6.QtGui import (
    QFontInfo,
    QTextBlock,
    QTextCursor,
    QTextDocument,
    QTextFormat,
    QTextListFormat,
)

# GitHub Markdown read as the exporters read it: HTML is text, so "a < b & c > d" is not taken for a <b> tag, and no
# YAML front matter: a body opening with "---" lines kept the text between them hidden, and the document kept it into
# the next section loaded (setMarkdown does not clear it), which then saved it at its head.
_FRONT_MATTER = 0x100000  # QTextMarkdownImporter::FeatureFrontMatter, part of the GitHub dialect since Qt 6.8
EDITOR_MARKDOWN = QTextDocument.MarkdownFeature(
    (QTextDocument.MarkdownFeature.MarkdownDialectGitHub.value & ~_FRONT_MATTER)
    | QTextDocument.MarkdownFeature.MarkdownNoHTML.value
)
COLUMN_LIMIT = 80  # QTextMarkdownWriter's fixed line length
DEEPEST_INDENT = 60  # list nesting deeper than this (30 bulleted or 15 numbered levels) is written at this depth
_BREAK = "\u2000"  # EN QUAD: a space to Qt (QChar.isSpace), a place it may wrap
_BULLETS = {QTextListFormat.Style.ListDisc, QTextListFormat.Style.ListCircle, QTextListFormat.Style.ListSquare}
# Characters looked for in the text, with a pattern finding them. ">", "~" and "=" at the start of a word are read as
# block syntax at the start of a line, and not escaped there by the writer (\s is str.isspace, as QChar::isSpace).
_LINE_STARTERS = (">~=", re.compile(r"(?:^|(?<=\s))[>~=]"))
_TEXT_BRACKETS = ("[`", re.compile(r"[\[`]"))
_LINK_BRACKETS = ("[]", re.compile(r"[\[\]]"))
_PIPE = ("|", re.compile(r"\|"))
_ESCAPED = re.compile(r"\\(.)", re.S)  # one backslash and the character it escapes
# What the writer puts at the start of a line: quote prefixes, the indent, a list item's number or bullet.
_LINE_PREFIX = r"(?:> )*[ ]*(?:(?:[-*+]|\d+[.)])[ ]+(?:\[[ x]\] )?)?"


class _Kind(IntEnum):
    """What a mark is for; at one position the higher kinds end up nearer the text after it."""

    CUT = 0
    CODE_END = 1
    TURN = 2
    START = 3
    BRACKET = 4
    CODE_START = 5
    PIPE = 6


@dataclass
class _Marks:
    """Where the copy of a document gets its markers, and the emphasis changes at each TURN, in order."""

    at: list[tuple[int, _Kind]] = field(default_factory=list)
    turns: list["_Turn"] = field(default_factory=list)


_Turn = tuple[list[tuple[str, bool]], bool]  # the writer's emphasis markers (marker, opens) in order; inside a word


def section_markdown(document: QTextDocument) -> str:
    """The document as Markdown (GitHub dialect, as the editor stores it), every character of its text kept."""
    marks = _marks(document)
    deep = _deep_lists(document)
    if not marks.at and not deep:
        return document.toMarkdown(EDITOR_MARKDOWN)
    used = set(document.toPlainText())
    free = (chr(code) for code in range(0xE000, 0xF900) if chr(code) not in used)  # private use: never typed
    before, after, turn, start, pipe, code, code_end, bracket = (next(free) for _ in range(8))
    copy = document.clone()
    for number in deep:  # the writer cannot wrap below column 80 (it drops text): such lists move up
        text_list = copy.findBlockByNumber(number).textList()
        assert text_list is not None  # the copy has the same blocks
        list_format = text_list.format()
        list_format.setIndent(DEEPEST_INDENT // _step(list_format))
        text_list.setFormat(list_format)
    cursor = QTextCursor(copy)
    for position, kind in sorted(marks.at, reverse=True):
        if kind in (_Kind.START, _Kind.BRACKET, _Kind.CODE_START):  # in the format of the character after it
            cursor.setPosition(position + 1)
            char_format = cursor.charFormat()
            cursor.setPosition(position)
            cursor.insertText({_Kind.START: start, _Kind.BRACKET: bracket, _Kind.CODE_START: code}[kind], char_format)
            continue
        cursor.setPosition(position)
        if kind is _Kind.PIPE:  # the pipe becomes a marker in the pipe's own format
            cursor.setPosition(position + 1, QTextCursor.MoveMode.KeepAnchor)
            cursor.insertText(pipe, cursor.charFormat())
        else:  # in the format of the character before: the end of a word or of the fragment before a format change
            text = {_Kind.CUT: before + _BREAK + after, _Kind.TURN: turn, _Kind.CODE_END: code_end}[kind]
            cursor.insertText(text, cursor.charFormat())
    markdown = _reorder(copy.toMarkdown(EDITOR_MARKDOWN), turn, marks.turns)
    # Between the cut markers: the space, or the line break and line prefix the writer put in its place.
    markdown = re.sub(f"{before}[{_BREAK}\n> ]*{after}", "", markdown)
    markdown = re.sub(f"(^|\n)({_LINE_PREFIX}){start}(?!\\\\)", "\\1\\2\\\\", markdown)
    # Inside code the writer's escapes are wrong: it doubled each backslash and put one before some characters.
    markdown = re.sub(f"{code}(.*?){code_end}", lambda m: _ESCAPED.sub(r"\1", m[1]), markdown, flags=re.S)
    markdown = markdown.replace(pipe, "\\|").replace(bracket + "[", "\\[").replace(bracket + "]", "\\]")
    markdown = markdown.replace(bracket + "`", "\\`")
    # None is left over, unless the writer wrote something never seen: then the text keeps all but the marker.
    for marker in (bracket, before, after, turn, start, code, code_end):
        markdown = markdown.replace(marker, "")
    return markdown


def _reorder(markdown: str, turn: str, turns: list[_Turn]) -> str:
    """Move the opening emphasis markers the writer put before a line break after it, and take out a line break it
    put inside a word, before a fragment in another format (defect 3)."""
    pieces = markdown.split(turn)
    if len(pieces) != len(turns) + 1:  # not the fragments expected: leave the writer's order
        return markdown
    out = [pieces[0]]
    for (changes, glued), piece in zip(turns, pieces[1:], strict=True):
        closing, opening, rest = "", "", piece
        for marker, opens in changes:
            found = re.match(r"`+ ?" if marker == "`" else re.escape(marker), rest)
            if found is None:
                break
            token = found[0]
            if marker == "`" and not opens and glued and token.endswith(" "):
                token = token[:-1]  # the writer pads closing backticks after them, splitting the word it ends in
            closing, opening = (closing, opening + token) if opens else (closing + token, opening)
            rest = rest[found.end() :]
        wrap = re.match(r"\n(?:> )*[ ]*", rest)
        if wrap is not None and glued:
            out.append(closing + opening + rest[wrap.end() :])
        elif wrap is not None and opening:
            out.append(closing + wrap[0] + opening + rest[wrap.end() :])
        else:
            out.append(closing + opening + rest)
    return "".join(out)


def _marks(document: QTextDocument) -> _Marks:
    """Where the copy of the document needs markers."""
    marks = _Marks()
    indent = 0  # the writer's indent of wrapped lines, carried from block to block as the writer carries it
    block = document.begin()
    while block.isValid():
        in_table = QTextCursor(block).currentTable() is not None
        indent = _wrapped_indent(block, indent)
        if not _code(block):
            for position, text, mono in _fragments(block):
                if not mono:
                    marks.at += [(p, _Kind.BRACKET) for p in _found(position, text, _TEXT_BRACKETS)]
                elif not _header_cell(block):
                    marks.at += _code_ends(position, text)
            for position, text in _link_texts(block):
                marks.at += [(p, _Kind.BRACKET) for p in _found(position, text, _LINK_BRACKETS)]
        if in_table:
            for position, text, _ in _fragments(block):
                marks.at += [(p, _Kind.PIPE) for p in _found(position, text, _PIPE)]
        elif _wrapped(block):
            room = max(1, COLUMN_LIMIT - indent - 6)  # the longest run of characters that cannot lose one
            for position, text, mono in _fragments(block):
                starts = [] if mono else _found(position, text, _LINE_STARTERS)
                runs = list(_long_runs(room).finditer(text))
                if runs:
                    marked = {*starts, *([] if mono else _found(position, text, _TEXT_BRACKETS))}
                    marks.at += [(p, _Kind.CUT) for p in _cuts(position, text, runs, room, marked)]
                marks.at += [(p, _Kind.START) for p in starts]
            for position, changes in _turns(block):
                marks.at.append((position, _Kind.TURN))
                marks.turns.append(changes)
        block = block.next()
    return marks


def _link_texts(block: QTextBlock) -> Iterator[tuple[int, str]]:
    """(document position, text) of the block's links, written as "[text](href)" with the text unescaped."""
    iterator = block.begin()
    while not iterator.atEnd():
        fragment = iterator.fragment()
        iterator += 1
        char_format = fragment.charFormat()
        if not char_format.isImageFormat() and char_format.hasProperty(QTextFormat.Property.AnchorHref):
            yield fragment.position(), fragment.text()


def _header_cell(block: QTextBlock) -> bool:
    """Whether the block is in a table's first row, which the writer writes without emphasis or code markers."""
    table = QTextCursor(block).currentTable()
    return table is not None and table.cellAt(block.position()).row() == 0


def _code_ends(start: int, text: str) -> list[tuple[int, _Kind]]:
    """Marks around inline code, unless it starts or ends with a backtick (the writer pads those with a space)."""
    if not text or text[0] == "`" or text[-1] == "`":
        return []
    return [(start, _Kind.CODE_START), (start + _length(text), _Kind.CODE_END)]


def _turns(block: QTextBlock) -> Iterator[tuple[int, _Turn]]:
    """The end of each fragment followed by one that opens emphasis or goes on with the same word, with the writer's
    markers for the change (none after a fragment ending in a backtick: the writer looks at that character)."""
    mono, bold, italic, strike, underline = False, False, False, False, False
    end = -1  # the end of the fragment before, when it is plain text
    last = " "  # its last character
    iterator = block.begin()
    while not iterator.atEnd():
        fragment = iterator.fragment()
        iterator += 1
        char_format = fragment.charFormat()
        if char_format.isImageFormat() or char_format.hasProperty(QTextFormat.Property.AnchorHref):
            end = -1
            continue
        info = QFontInfo(char_format.font())
        changes: list[tuple[str, bool]] = []
        fixed = info.fixedPitch() or char_format.fontFixedPitch()
        if fixed != mono:
            changes.append(("`", fixed))
            mono = fixed
        if not mono:
            if info.bold() != bold:
                bold = info.bold()
                changes.append(("**", bold))
            if info.italic() != italic:
                italic = info.italic()
                changes.append(("*", italic))
            if info.strikeOut() != strike:
                strike = info.strikeOut()
                changes.append(("~~", strike))
            if info.underline() != underline:
                underline = info.underline()
                changes.append(("_", underline))
        text = fragment.text()
        glued = bool(text) and not last.isspace() and not text[0].isspace()
        if end >= 0 and last != "`" and (glued or any(opens for _, opens in changes)):
            yield end, (changes, glued)
        end = fragment.position() + fragment.length()
        last = text[-1] if text else " "


def _step(list_format: QTextListFormat) -> int:
    """The writer's indent per list level: "1.  " numbers take four columns, "- " bullets two."""
    return 2 if list_format.style() in _BULLETS else 4


def _deep_lists(document: QTextDocument) -> list[int]:
    """The number of a block of each list nested deeper than the writer can wrap (the copy has other list ids)."""
    found: dict[int, int] = {}
    block = document.begin()
    while block.isValid():
        text_list = block.textList()
        if text_list is not None and _step(text_list.format()) * text_list.format().indent() > DEEPEST_INDENT:
            found.setdefault(text_list.objectIndex(), block.blockNumber())
        block = block.next()
    return list(found.values())


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


def _fragments(block: QTextBlock) -> Iterator[tuple[int, str, bool]]:
    """(document position, text, whether code) of the block's text fragments; links and images are written whole."""
    iterator = block.begin()
    while not iterator.atEnd():
        fragment = iterator.fragment()
        if fragment.isValid():
            char_format = fragment.charFormat()
            if not char_format.isImageFormat() and not char_format.hasProperty(QTextFormat.Property.AnchorHref):
                mono = QFontInfo(char_format.font()).fixedPitch() or char_format.fontFixedPitch()
                yield fragment.position(), fragment.text(), mono
        iterator += 1


def _units(char: str) -> int:
    """The length of a character in UTF-16 code units, Qt's unit of positions and of the column count."""
    return 2 if ord(char) > 0xFFFF else 1


def _length(text: str) -> int:
    """The length of a text in UTF-16 code units."""
    return len(text) if not text or max(text) <= "\uffff" else len(text.encode("utf-16-le", "surrogatepass")) // 2


def _found(start: int, text: str, looked_for: tuple[str, re.Pattern[str]]) -> list[int]:
    """The document positions of the matches of a pattern in a fragment starting at `start`."""
    chars, pattern = looked_for
    if not any(char in text for char in chars):  # most fragments: a scan in C for each character
        return []
    indices = [found.start() for found in pattern.finditer(text)]
    if not indices or max(text) <= "\uffff":  # one code unit per character: the common case, done in C
        return [start + index for index in indices]
    return [start + _length(text[:index]) for index in indices]


@cache
def _long_runs(room: int) -> re.Pattern[str]:
    """Runs of non-space characters that may be wider than `room`: a character is at most two units and a marker."""
    return re.compile(rf"\S{{{room // 3 + 1},}}")


def _cuts(start: int, text: str, runs: list[re.Match[str]], room: int, marked: set[int]) -> list[int]:
    """Positions inside each of the `runs` of non-space characters that is longer than `room` (counting the markers
    that will stand before the `marked` positions), so that no piece is longer."""
    cuts: list[int] = []
    for found in runs:
        position = start + _length(text[: found.start()])
        run = 0  # UTF-16 units since the start of the run or the last cut
        for char in found[0]:
            width = _units(char) + (position in marked)
            if run and run + width > room:
                cuts.append(position)
                run = 0
            run += width
            position += _units(char)
    return cuts
