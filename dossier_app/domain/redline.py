"""Redline of two revisions of a Markdown body, so a manager approves a change seeing exactly what changed.

Lines first, then words. The texts are aligned by Markdown blocks (runs of non-blank lines keyed by their
words, so a paragraph Qt re-wrapped at another column still matches) with a patience diff, so a moved
paragraph does not derail the rest; equal lines at the edges of a replaced run stay unchanged and the rest
of the run is compared word by word as one stream. Words are Vietnamese syllables or any run of letters and
digits (inner `-'’/.,:` kept: `1/2000`, `20,02`, `QĐ-TTg`); each punctuation mark is a word of its own;
a blank line and a line break before a block marker (`-`, `1.`, `#`, `>`, `|`) count as words too (shown
as ¶ and ↵), so merged paragraphs and list items show. Other whitespace is layout, never a change. Words
compare exactly: a changed tone mark is a changed word.
"""

from __future__ import annotations

import html
import re
from bisect import bisect_left
from collections.abc import Iterator
from dataclasses import dataclass
from difflib import SequenceMatcher
from typing import Literal

from dossier_app.domain.errors import QT_TRANSLATE_NOOP

SpanKind = Literal["equal", "insert", "delete"]
_Op = tuple[str, int, int, int, int]

_LETTER = r"(?:[^\W_]|[\u0300-\u036f])"
_WORD_PATTERN = rf"{_LETTER}+(?:[-'’/.,:]{_LETTER}+)*"
_MARK_PATTERN = r"[^\w\s\u0300-\u036f]|_"  # one character each: ">." is two marks
_TOKEN = re.compile(rf"[^\S\n]*\n\s*|{_WORD_PATTERN}|{_MARK_PATTERN}")  # spaces without a line break: skipped
_WORDS = re.compile(rf"{_WORD_PATTERN}|{_MARK_PATTERN}")
_WORD = re.compile(_WORD_PATTERN)
_LETTER_START = re.compile(_LETTER)
_BLOCK_MARK = re.compile(r"(?:#{1,6}|[-+*]|\d{1,9}[.)])(?=\s|\Z)|[>|]")
_BREAK_RUN = re.compile(r"[ \t]*\n\s*")
_GLUE_LEFT = re.compile(rf"{_LETTER}[-'’/.,:]?\Z")
_GLUE_RIGHT = re.compile(rf"[-'’/.,:]?{_LETTER}")
_PARAGRAPH = "\n\n"  # the key of a blank line; no word holds whitespace, so break keys never equal a word
_LINE_BREAK = "\n"  # the key of a line break before a block marker
_WORD_BUDGET = 1_000_000  # old × new items above which difflib (quadratic on repetitive text) is not asked

COLLAPSED_TEMPLATE = QT_TRANSLATE_NOOP("Redline", "… {count} unchanged lines …")
COLLAPSED_BLOCKS_TEMPLATE = QT_TRANSLATE_NOOP("Redline", "… {count} unchanged paragraphs, items or rows …")
INSERT_STYLE = "background:#c8e6c9;text-decoration:underline"
DELETE_STYLE = "background:#ffcdd2;color:#b71c1c;text-decoration:line-through"
COLLAPSED_STYLE = "color:#757575;font-style:italic"
PARAGRAPH_MARK = "¶"
LINE_BREAK_MARK = "↵"


@dataclass(frozen=True, slots=True)
class Span:
    """A stretch of a changed block that is kept, inserted or deleted, so a view can style each one."""

    kind: SpanKind
    text: str


@dataclass(frozen=True, slots=True)
class Unchanged:
    """Lines both revisions share (spelt as in the new one), shown plainly or collapsed."""

    lines: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Changed:
    """Lines that differ, as word spans: the equal and insert spans are these lines of the new text, exactly."""

    spans: tuple[Span, ...]
    old_line_count: int
    new_line_count: int


Block = Unchanged | Changed


@dataclass(frozen=True, slots=True)
class Redline:
    """Two revisions compared, block by block in document order, with the counts a reviewer reads first.

    `lines_changed` counts lines of the new text that carry an insertion or a deletion, plus whole lines
    deleted; a paragraph that was only re-wrapped is unchanged.
    """

    blocks: tuple[Block, ...]
    words_inserted: int
    words_deleted: int
    lines_changed: int

    @property
    def has_changes(self) -> bool:
        """Whether any block differs."""
        return any(isinstance(block, Changed) for block in self.blocks)

    def new_text(self) -> str:
        """The new revision rebuilt from the blocks: exactly the `new` that was compared."""
        return self._side("delete")

    def old_text(self) -> str:
        """The old revision's words rebuilt from the blocks (equal words keep the new line breaks)."""
        return self._side("insert")

    def _side(self, skip: SpanKind) -> str:
        """The text of one side: every block but the spans of kind `skip`."""
        parts = []
        for block in self.blocks:
            if isinstance(block, Unchanged):
                parts.append("\n".join(block.lines))
            elif block.new_line_count if skip == "delete" else block.old_line_count:
                parts.append("".join(span.text for span in block.spans if span.kind != skip))
        return "\n".join(parts)


def words(text: str) -> list[str]:
    """The words and punctuation of a text as the redline compares them, layout left out."""
    return _WORDS.findall(text)


def word_matches(text: str) -> Iterator[re.Match[str]]:
    """The words and punctuation of a text with where each sits, for a diff that keeps the text's formatting."""
    return _WORDS.finditer(text)


def redline(old: str, new: str) -> Redline:
    """Compare an old revision with a new one: by blocks of lines, then by words within each replaced run."""
    if old == new:
        return Redline((Unchanged(tuple(new.split("\n"))),) if new else (), 0, 0, 0)
    old_lines, new_lines = old.split("\n"), new.split("\n")
    comparison = _Comparison(old_lines, new_lines)
    if not old or not new:  # no approved text yet (or none left): the whole text is one change
        comparison.add("insert" if new else "delete", 0, len(old_lines) if old else 0, 0, len(new_lines) if new else 0)
        return comparison.result()
    old_keys, old_starts = _blocks_of(old_lines)
    new_keys, new_starts = _blocks_of(new_lines)
    for tag, i1, i2, j1, j2 in aligned(old_keys, new_keys):
        comparison.add(tag, old_starts[i1], old_starts[i2], new_starts[j1], new_starts[j2])
    return comparison.result()


# Aligning --------------------------------------------------------------------------------------------


def _blocks_of(lines: list[str]) -> tuple[list[str], list[int]]:
    """Runs of non-blank lines keyed by their words (blank runs keyed ""), and each run's first line."""
    keys: list[str] = []
    starts: list[int] = []
    index = 0
    while index < len(lines):
        blank = not lines[index].strip()
        end = index + 1
        while end < len(lines) and (not lines[end].strip()) == blank:
            end += 1
        keys.append("" if blank else "".join(line_key(line) for line in lines[index:end]))
        starts.append(index)
        index = end
    starts.append(len(lines))
    return keys, starts


def line_key(line: str) -> str:
    """A line's words without layout, marked when it opens a list item, a table row, a heading or a quote.

    Joined over a block's lines it is the same however the block is wrapped (the merge keys its blocks so too).
    """
    parts = line.split()
    return ("\n" if parts and _BLOCK_MARK.match(parts[0]) else " ") + " ".join(parts)


def _is_blank(key: str) -> bool:
    """Blank lines never anchor an alignment, only join a match: a merged or split paragraph then falls
    inside one replaced run, where the word diff shows the break that went or came."""
    return not key


def aligned(a: list[str], b: list[str]) -> list[_Op]:
    """Opcodes (difflib's) by patience diff, shared with the merge: a common head, then the items found once on
    each side in the longest order both share, recursively; difflib only between anchors. (difflib alone anchors
    on the longest common stretch, so a paragraph moved across the text turns everything between into changes.)"""
    matches: list[tuple[int, int, int]] = []
    pending = [(0, len(a), 0, len(b))]
    while pending:
        alo, ahi, blo, bhi = pending.pop()
        head = 0
        while alo + head < ahi and blo + head < bhi and a[alo + head] == b[blo + head]:
            head += 1
        if head:
            matches.append((alo, blo, head))
            alo, blo = alo + head, blo + head
        if alo == ahi or blo == bhi:
            continue
        anchors = _unique_in_order(a, b, alo, ahi, blo, bhi)
        if anchors:
            i0, j0 = alo, blo
            for i, j in anchors:
                pending.append((i0, i, j0, j))
                matches.append((i, j, 1))
                i0, j0 = i + 1, j + 1
            pending.append((i0, ahi, j0, bhi))
        elif (ahi - alo) * (bhi - blo) <= _WORD_BUDGET:  # beyond it: nothing unique in common, replaced whole
            matcher = SequenceMatcher(_is_blank, a[alo:ahi], b[blo:bhi], autojunk=False)
            matches.extend((alo + i, blo + j, n) for i, j, n in matcher.get_matching_blocks() if n)
    ops: list[_Op] = []
    i0 = j0 = 0
    for i, j, size in [*sorted(matches), (len(a), len(b), 0)]:
        if i0 < i or j0 < j:
            ops.append(("replace" if i0 < i and j0 < j else "delete" if i0 < i else "insert", i0, i, j0, j))
        if size and ops and ops[-1][0] == "equal":
            ops[-1] = ("equal", ops[-1][1], i + size, ops[-1][3], j + size)
        elif size:
            ops.append(("equal", i, i + size, j, j + size))
        i0, j0 = i + size, j + size
    return ops


def _unique_in_order(a: list[str], b: list[str], alo: int, ahi: int, blo: int, bhi: int) -> list[tuple[int, int]]:
    """Pairs (i, j) of non-blank items found once in a[alo:ahi] and once in b[blo:bhi], longest increasing run."""
    once_a: dict[str, int] = {}
    for i in range(alo, ahi):
        if a[i]:
            once_a[a[i]] = -1 if a[i] in once_a else i
    once_b: dict[str, int] = {}
    for j in range(blo, bhi):
        if once_a.get(b[j], -1) >= 0:
            once_b[b[j]] = -1 if b[j] in once_b else j
    pairs = sorted((once_a[key], j) for key, j in once_b.items() if j >= 0)
    tops: list[int] = []  # patience sorting: the smallest j ending a run of each length, and its pair
    top_pairs: list[int] = []
    back: list[int] = []
    for index, (_, j) in enumerate(pairs):
        pile = bisect_left(tops, j)
        back.append(top_pairs[pile - 1] if pile else -1)
        if pile == len(tops):
            tops.append(j)
            top_pairs.append(index)
        else:
            tops[pile], top_pairs[pile] = j, index
    run: list[tuple[int, int]] = []
    index = top_pairs[-1] if top_pairs else -1
    while index >= 0:
        run.append(pairs[index])
        index = back[index]
    return run[::-1]


def fold_chaff(ops: list[_Op], a: list[str]) -> list[_Op]:
    """Fold an equal stretch between two replacements, shorter than both, into them, so a shared "của" or
    "," does not shred a rewritten sentence into confetti (kept words next to a pure insertion stay kept)."""
    k = 1
    while k < len(ops) - 1:
        tag, i1, i2, _, _ = ops[k]
        left, right = ops[k - 1], ops[k + 1]
        size = i2 - i1
        if (
            tag == "equal"
            and left[0] == right[0] == "replace"
            and size < max(left[2] - left[1], left[4] - left[3])
            and size < max(right[2] - right[1], right[4] - right[3])
            and _PARAGRAPH not in a[i1:i2]
        ):
            ops[k - 1 : k + 2] = [("replace", left[1], right[2], left[3], right[4])]
            k = max(1, k - 2)
        else:
            k += 1
    return ops


# Words -----------------------------------------------------------------------------------------------


class _Tokens:
    """A replaced run's words: keys to compare and where each sits in `text`, the run padded with the line
    breaks around it (so a blank line at its edge still counts); the run itself is text[lo:hi]."""

    __slots__ = ("ends", "hi", "keys", "lo", "starts", "text")

    def __init__(self, lines: list[str], *, after_line: bool, before_line: bool) -> None:
        self.lo = 1 if after_line else 0
        self.text = ("\n" if after_line else "") + "\n".join(lines) + ("\n" if before_line else "")
        self.hi = len(self.text) - (1 if before_line else 0)
        self.keys: list[str] = []
        self.starts: list[int] = []
        self.ends: list[int] = []
        keys, starts, ends, text = self.keys, self.starts, self.ends, self.text
        for match in _TOKEN.finditer(text):
            key = match.group()
            start, end = match.span()
            if key[0].isspace():
                if key.count("\n") >= 2:
                    key = _PARAGRAPH
                elif _BLOCK_MARK.match(text, end):
                    key = _LINE_BREAK
                else:
                    continue
            keys.append(key)
            starts.append(start)
            ends.append(end)
        if keys:  # the padding belongs to the neighbouring lines: clamp the edge tokens into the run
            starts[0], ends[0] = max(starts[0], self.lo), max(ends[0], self.lo)
            starts[-1], ends[-1] = min(starts[-1], self.hi), min(ends[-1], self.hi)

    def count_words(self, i1: int, i2: int) -> int:
        """Words (not punctuation or breaks) among keys i1..i2."""
        return sum(1 for key in self.keys[i1:i2] if _LETTER_START.match(key))


def _word_spans(ta: _Tokens, tb: _Tokens, ops: list[_Op]) -> list[Span]:
    """Spans whose equal and insert parts are the new run exactly (whitespace between words is the new
    text's); where the old side, read without the insertions, would run two words together, a deleted
    space keeps them apart."""
    spans: list[Span] = []
    old_tail = ""  # the last characters of the old side written so far

    def add(kind: SpanKind, text: str) -> None:
        nonlocal old_tail
        if kind != "insert" and text:
            if (kind == "delete" or (spans and spans[-1].kind != "equal")) and _glues(old_tail, text):
                if kind == "delete":
                    text = " " + text
                elif spans[-1].kind == "delete":
                    spans[-1] = Span("delete", spans[-1].text + " ")
                else:
                    spans.append(Span("delete", " "))
                old_tail = " "
            old_tail = (old_tail + text)[-2:]
        if spans and spans[-1].kind == kind:
            spans[-1] = Span(kind, spans[-1].text + text)
        elif text or kind != "equal":
            spans.append(Span(kind, text))

    old, new = ta.text, tb.text
    pos = tb.lo
    for tag, i1, i2, j1, j2 in ops:
        if tag == "equal":
            add("equal", new[pos : tb.ends[j2 - 1]])
            pos = tb.ends[j2 - 1]
            continue
        next_b = tb.starts[j1] if j1 < len(tb.keys) else tb.hi
        gap = new[pos:next_b]
        deleted = old[ta.starts[i1] : ta.ends[i2 - 1]] if i1 < i2 else ""
        if j1 < j2 or not gap or (i1 > 0 and ta.starts[i1] > ta.ends[i1 - 1]):
            add("equal", gap)  # a deletion after the space, unless it was stuck to the word before ("Thơ,")
            gap = ""
        if i1 < i2:
            add("delete", deleted)
        if j1 < j2:
            add("insert", new[next_b : tb.ends[j2 - 1]])
            next_b = tb.ends[j2 - 1]
        add("equal", gap)
        pos = next_b
    add("equal", new[pos : tb.hi])
    return spans


def _glues(left: str, right: str) -> bool:
    """Whether `right` written straight after `left` would read as one word with it."""
    return bool(_GLUE_LEFT.search(left) and _GLUE_RIGHT.match(right))


def _lines_touched(spans: list[Span]) -> int:
    """Lines of the new run that carry inserted words or a deletion (an inserted break: where it starts)."""
    touched: set[int] = set()
    line = 0
    for span in spans:
        if span.kind == "delete":
            touched.add(line)
            continue
        pieces = span.text.split("\n")
        if span.kind == "insert" and span.text.strip():
            touched.update(line + k for k, piece in enumerate(pieces) if piece.strip())
        elif span.kind == "insert":
            touched.add(line)
        line += len(pieces) - 1
    return len(touched)


class _Comparison:
    """Builds the blocks and counts of a redline from opcodes over lines."""

    def __init__(self, old_lines: list[str], new_lines: list[str]) -> None:
        self.old_lines, self.new_lines = old_lines, new_lines
        self.blocks: list[Block] = []
        self.unchanged: list[str] = []  # unchanged lines not yet closed into a block
        self.inserted = self.deleted = self.lines_changed = 0

    def result(self) -> Redline:
        """The finished redline."""
        self._append(None)
        return Redline(tuple(self.blocks), self.inserted, self.deleted, self.lines_changed)

    def add(self, tag: str, i1: int, i2: int, j1: int, j2: int) -> None:
        """One opcode over lines; equal lines at the edges of a replaced run stay unchanged."""
        old_lines, new_lines = self.old_lines, self.new_lines
        if tag == "equal":
            self.unchanged.extend(new_lines[j1:j2])
        elif i1 < i2 and j1 < j2:
            while i1 < i2 and j1 < j2 and old_lines[i1] == new_lines[j1]:
                self.unchanged.append(new_lines[j1])
                i1, j1 = i1 + 1, j1 + 1
            trail = 0
            while i2 - trail > i1 and j2 - trail > j1 and old_lines[i2 - 1 - trail] == new_lines[j2 - 1 - trail]:
                trail += 1
            self._replace(i1, i2 - trail, j1, j2 - trail)
            self.unchanged.extend(new_lines[j2 - trail : j2])
        elif i1 < i2 or j1 < j2:
            kind: SpanKind = "delete" if i1 < i2 else "insert"
            text = "\n".join(old_lines[i1:i2] if i1 < i2 else new_lines[j1:j2])
            self._append(Changed((Span(kind, text),), i2 - i1, j2 - j1))
            count = len(_WORD.findall(text))
            self.deleted += count if kind == "delete" else 0
            self.inserted += count if kind == "insert" else 0
            self.lines_changed += len(text.splitlines()) or 1

    def _replace(self, i1: int, i2: int, j1: int, j2: int) -> None:
        """A replaced run of lines, compared word by word as one stream."""
        if i1 == i2 or j1 == j2:
            self.add("replace", i1, i2, j1, j2)
            return
        old_lines, new_lines = self.old_lines, self.new_lines
        ta = _Tokens(old_lines[i1:i2], after_line=i1 > 0, before_line=i2 < len(old_lines))
        tb = _Tokens(new_lines[j1:j2], after_line=j1 > 0, before_line=j2 < len(new_lines))
        ops = fold_chaff(aligned(ta.keys, tb.keys), ta.keys)
        if all(op[0] == "equal" for op in ops):
            self.unchanged.extend(new_lines[j1:j2])  # re-wrapped or re-spaced: the same words
            return
        for tag, a1, a2, b1, b2 in ops:
            if tag != "equal":
                self.deleted += ta.count_words(a1, a2)
                self.inserted += tb.count_words(b1, b2)
        spans = _word_spans(ta, tb, ops)
        self._append(Changed(tuple(spans), i2 - i1, j2 - j1))
        self.lines_changed += _lines_touched(spans)

    def _append(self, block: Changed | None) -> None:
        """Close the pending unchanged lines into a block, then append `block`."""
        if self.unchanged:
            self.blocks.append(Unchanged(tuple(self.unchanged)))
            self.unchanged = []
        if block is not None:
            self.blocks.append(block)


# Rendering -------------------------------------------------------------------------------------------


def render_html(redline: Redline, *, context: int = 2, collapsed_template: str = COLLAPSED_TEMPLATE) -> str:
    """A self-contained HTML fragment for a QTextBrowser: insertions green and underlined, deletions red and
    struck through, inserted or deleted breaks as ¶ (blank line) or ↵ (line break).

    Unchanged stretches keep `context` lines next to each change and collapse the rest into one grey line
    (`collapsed_template` with `{count}`, translated by the caller); `context=-1`, or a redline without
    changes, shows every line.
    """
    return '<div style="white-space:pre-wrap">' + _render(redline, context, collapsed_template, True) + "</div>"


def render_text(redline: Redline, *, context: int = 2, collapsed_template: str = COLLAPSED_TEMPLATE) -> str:
    """The redline as plain text for the command line: [-deleted-] {+inserted+}, long unchanged stretches collapsed."""
    return _render(redline, context, collapsed_template, False)


def _render(redline: Redline, context: int, collapsed_template: str, as_html: bool) -> str:
    """Every block, one output line per line of text, in HTML or plain text."""

    def text(plain: str) -> str:
        return html.escape(plain).replace("\n", "<br>") if as_html else plain

    def styled(kind: SpanKind, marked: str) -> str:
        if as_html:
            return f'<span style="{INSERT_STYLE if kind == "insert" else DELETE_STYLE}">{marked}</span>'
        return f"{{+{marked}+}}" if kind == "insert" else f"[-{marked}-]"

    def span(part: Span) -> str:
        if part.kind == "equal":
            return text(part.text)
        if not part.text.strip():  # only a break came or went (a deleted space alone is not shown)
            if "\n" not in part.text and part.kind == "delete":
                return ""
            mark = styled(part.kind, _break_mark(part.text))
            return mark + text(part.text) if part.kind == "insert" else mark
        edges = " \t\n" if part.kind == "insert" else " \t"  # an insertion keeps the new layout unstyled
        core = part.text.strip(edges)
        lead = part.text[: len(part.text) - len(part.text.lstrip(edges))]
        trail = part.text[len(part.text.rstrip(edges)) :]
        if part.kind == "delete":
            core = _BREAK_RUN.sub(lambda m: _break_mark(m.group()) + m.group(), core)
        return text(lead) + styled(part.kind, text(core)) + text(trail)

    collapse = context >= 0 and redline.has_changes
    last = len(redline.blocks) - 1
    parts: list[str] = []
    for index, block in enumerate(redline.blocks):
        if isinstance(block, Changed) and not block.new_line_count and block.spans[0].text.strip():
            deleted = block.spans[0].text.split("\n")  # whole lines deleted: each struck out where it stood
            parts.append(text("\n").join(styled("delete", text(line)) if line.strip() else "" for line in deleted))
            continue
        if isinstance(block, Changed):
            parts.append("".join(span(part) for part in block.spans))
            continue
        lines = [text(line) for line in block.lines]
        head, tail = (context if index > 0 else 0), (context if index < last else 0)
        if collapse and len(lines) - head - tail >= 3:
            label = collapsed_template.format(count=len(lines) - head - tail)
            label = f'<span style="{COLLAPSED_STYLE}">{html.escape(label)}</span>' if as_html else label
            lines = [*lines[:head], label, *lines[len(lines) - tail :]]
        parts.append(text("\n").join(lines))
    return text("\n").join(parts)


def _break_mark(text: str) -> str:
    """The visible sign of an inserted or deleted break: ↵ for a line break, ¶ for a blank line."""
    return LINE_BREAK_MARK if text.count("\n") == 1 else PARAGRAPH_MARK
