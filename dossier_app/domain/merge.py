"""Three-way merge of a section's Markdown for offline sync, block by block, so no edit is ever lost.

A block is what a person edits as one thing: a paragraph (however it is wrapped), a heading, a list item with its
continuation lines (a nested item is a block of its own), a table row (header and delimiter rows too), a fenced or
indented code block, a block quote, a thematic break. Blank lines only separate blocks. Blocks compare by their
words (redline's `line_key`: whitespace and wrapping are layout; a changed letter, tone mark or punctuation mark is
a change), by their kind and by how deep in a list they sit; an ordered item's number is not compared, because Qt
renumbers every item after an inserted one and Markdown reads only the first number.

Each side is aligned with the base (redline's patience diff) and its changes become hunks over base blocks. A hunk
only one side made is taken; hunks both sides made over the same blocks (or insertions at the same place) are taken
once when equal and are a conflict otherwise: the merged text holds our side there, the conflict keeps all three.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from difflib import SequenceMatcher
from typing import Literal

from dossier_app.domain.redline import aligned, line_key, words

BlockKind = Literal["paragraph", "heading", "item", "row", "code", "quote", "rule"]

_FENCE = re.compile(r" *(`{3,}|~{3,})")
_RULE = re.compile(r" {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*\Z")
_HEADING = re.compile(r" {0,3}#{1,6}(?:[ \t]|\Z)")
_SETEXT = re.compile(r" {0,3}(?:=+|-+)[ \t]*\Z")
_ITEM = re.compile(r"( *)([-+*]|\d{1,9}[.)])(?:( +)|\Z)")
_QUOTE = re.compile(r" *> ?")
_ROW = re.compile(r" *\|")
_CELL_SPLIT = re.compile(r"(?<!\\)\|")
_DELIMITER_CELL = re.compile(r":?-+:?")
_CONTINUED = ("paragraph", "item", "quote")  # kinds a following line without a blank before may belong to
_BASE, _OURS, _THEIRS = 0, 1, 2
_START = (-1, -1)  # the anchor before the first block
_Ref = tuple[int, int]  # (side, block index in that side)


@dataclass(frozen=True, slots=True)
class MarkdownBlock:
    """One unit the merge compares and takes whole, with its own lines so each side keeps its wrapping."""

    kind: BlockKind
    lines: tuple[str, ...]
    key: str
    blank_before: int  # blank lines between it and the block before it (or the start of the text)
    depth: int = 0  # how many list items it sits inside

    @property
    def text(self) -> str:
        """The block as written."""
        return "\n".join(self.lines)


@dataclass(frozen=True, slots=True)
class Conflict:
    """A place both sides changed differently: all three texts kept so a person chooses and nothing is lost."""

    base: str
    ours: str
    theirs: str
    start_line: int  # where our text sits in the merged text: lines[start_line:end_line] (empty if we deleted)
    end_line: int


@dataclass(frozen=True, slots=True)
class MergeOutcome:
    """The merged text (our side at each conflict) and the conflicts still to resolve."""

    text: str
    conflicts: tuple[Conflict, ...]

    @property
    def clean(self) -> bool:
        """Whether the text needs no one's decision."""
        return not self.conflicts


# Blocks ----------------------------------------------------------------------------------------------


def markdown_blocks(text: str) -> tuple[MarkdownBlock, ...]:
    """The blocks of a Markdown text in order, as the merge compares them."""
    return _parse(text)[0]


def _indent(line: str) -> int:
    """The width of a line's leading whitespace (a tab to the next multiple of four)."""
    expanded = line.expandtabs(4)
    return len(expanded) - len(expanded.lstrip(" "))


def _opens_block(line: str) -> bool:
    """Whether a line starts a block of its own rather than continuing a paragraph, list item or quote."""
    return any(p.match(line) for p in (_FENCE, _RULE, _HEADING, _ITEM, _QUOTE, _ROW))


@dataclass(slots=True)
class _Span:
    """A block being read: its kind, its lines [first, end), its list depth and the blank lines before it."""

    kind: BlockKind
    first: int
    end: int
    depth: int
    blank: int


def _parse(text: str) -> tuple[tuple[MarkdownBlock, ...], int]:
    """The blocks of a text, and the number of lines after the last one (so the text rebuilds exactly)."""
    lines = text.split("\n")
    spans: list[_Span] = []
    columns: list[int] = []  # content columns of the list items open around the current line
    open_kind: BlockKind | None = None  # the previous block, while a line may still continue it
    blank = index = 0
    while index < len(lines):
        line = lines[index]
        if not line.strip():
            blank, index, open_kind = blank + 1, index + 1, None
            continue
        if open_kind == "paragraph" and _SETEXT.match(line):  # "Title\n===": the paragraph was a heading
            spans[-1].kind, spans[-1].end, index, open_kind = "heading", index + 1, index + 1, None
            continue
        if open_kind in _CONTINUED and (not _opens_block(line) or (open_kind == "quote" and _QUOTE.match(line))):
            spans[-1].end = index = index + 1
            continue
        indent = _indent(line)
        while columns and indent < columns[-1]:
            columns.pop()
        depth, container, end = len(columns), (columns[-1] if columns else 0), index + 1
        kind: BlockKind
        if fence := _FENCE.match(line):
            kind, mark = "code", fence.group(1)
            close = re.compile(rf" *{mark[0]}{{{len(mark)},}}[ \t]*\Z")
            while end < len(lines) and not close.match(lines[end]):
                end += 1
            end = min(end + 1, len(lines))
        elif _RULE.match(line):
            kind = "rule"
        elif _HEADING.match(line):
            kind = "heading"
        elif item := _ITEM.match(line):
            kind, spaces = "item", len(item.group(3) or "")
            columns.append(indent + len(item.group(2)) + (spaces if 0 < spaces <= 4 else 1))
        elif _QUOTE.match(line):
            kind = "quote"
        elif _ROW.match(line) or open_kind == "row":  # a table goes on until a blank line or another block
            kind = "row"
        elif indent >= container + 4 and open_kind is None:
            kind = "code"
            while end < len(lines) and (not lines[end].strip() or _indent(lines[end]) >= container + 4):
                end += 1
        else:
            kind = "paragraph"
        while end > index + 1 and not lines[end - 1].strip():  # trailing blank lines separate, not belong
            end -= 1
        spans.append(_Span(kind, index, end, depth, blank))
        open_kind = kind if kind in (*_CONTINUED, "row") else None
        blank, index = 0, end
    blocks = []
    for span in spans:
        block_lines = tuple(lines[span.first : span.end])
        blocks.append(
            MarkdownBlock(span.kind, block_lines, _key(span.kind, span.depth, block_lines), span.blank, span.depth)
        )
    return tuple(blocks), len(lines) - (spans[-1].end if spans else 0)


def _key(kind: BlockKind, depth: int, lines: tuple[str, ...]) -> str:
    """What two versions of a block must share to be the same block: kind, list depth and words."""
    head = f"{kind}{depth}:"
    if kind == "code":  # in code, layout is content
        return f"{head}\n" + "\n".join(line.rstrip() for line in lines)
    if kind == "row":
        cells = [" ".join(cell.split()) for cell in _CELL_SPLIT.split(lines[0].strip())]
        if all(_DELIMITER_CELL.fullmatch(cell) for cell in cells if cell):
            cells = [re.sub("-+", "-", cell) for cell in cells]
        return unicodedata.normalize("NFC", head + "|".join(cells))
    if kind == "item":
        item = _ITEM.match(lines[0])
        assert item is not None
        marker = item.group(2)
        head += marker if marker in "-+*" else "1" + marker[-1]  # the number is not compared
        lines = (lines[0][item.end() :], *lines[1:])
    elif kind == "quote":
        lines = tuple(_QUOTE.sub("", line, count=1) for line in lines)
    return unicodedata.normalize("NFC", head + "".join(line_key(line) for line in lines))


@dataclass(frozen=True, slots=True)
class BlockContent:
    """What a block says without its Markdown markers, for a view that formats it instead of showing the syntax:
    the inline text (a heading's, an item's, a quote's or paragraph's; a code block's lines), a heading's level,
    an ordered item's number as written ("3.") and a table row's cells (none for its delimiter row)."""

    text: str = ""
    level: int = 0
    number: str = ""
    cells: tuple[str, ...] = ()
    delimiter: bool = False


def block_content(block: MarkdownBlock) -> BlockContent:
    """A block's content with the markers of its kind taken off (a setext heading's underline too)."""
    lines = block.lines
    if block.kind == "heading":
        first = lines[0].lstrip()
        if first.startswith("#"):
            level = len(first) - len(first.lstrip("#"))
            return BlockContent(re.sub(r"[ \t]+#+[ \t]*\Z", "", first[level:]).strip(), level=level)
        return BlockContent("\n".join(lines[:-1]), level=1 if lines[-1].strip().startswith("=") else 2)
    if block.kind == "item":
        item = _ITEM.match(lines[0])
        marker = item.group(2) if item else ""
        first = lines[0][item.end() :] if item else lines[0]
        rest = (line.strip() for line in lines[1:])
        return BlockContent("\n".join((first, *rest)), number=marker if marker[:1].isdigit() else "")
    if block.kind == "quote":
        return BlockContent("\n".join(_QUOTE.sub("", line, count=1) for line in lines))
    if block.kind == "row":
        cells = [cell.strip() for cell in _CELL_SPLIT.split(lines[0].strip())]
        cells = cells[1 if cells and not cells[0] else 0 : -1 if len(cells) > 1 and not cells[-1] else None]
        if cells and all(_DELIMITER_CELL.fullmatch(cell) for cell in cells):
            return BlockContent(delimiter=True)
        return BlockContent(cells=tuple(cell.replace("\\|", "|") for cell in cells))
    if block.kind == "code":
        if not _FENCE.match(lines[0]):
            return BlockContent("\n".join(line[4:] for line in lines))
        closed = len(lines) > 1 and _FENCE.match(lines[-1])
        return BlockContent("\n".join(lines[1:-1] if closed else lines[1:]))
    if block.kind == "rule":
        return BlockContent()
    return BlockContent("\n".join(lines))


# Merging ---------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Hunk:
    """One side's change: base blocks [lo, hi) become that side's blocks `new` (lo == hi: an insertion)."""

    side: int
    lo: int
    hi: int
    new: tuple[int, ...]


def _collide(a: _Hunk, b: _Hunk) -> bool:
    """Whether two hunks touch the same base block, or insert at the same place or inside the other's range."""
    if a.lo == a.hi and b.lo == b.hi:
        return a.lo == b.lo
    if a.lo == a.hi or b.lo == b.hi:
        point, (lo, hi) = (a.lo, (b.lo, b.hi)) if a.lo == a.hi else (b.lo, (a.lo, a.hi))
        return lo < point < hi
    return max(a.lo, b.lo) < min(a.hi, b.hi)


def _similarity(a: str, b: str) -> float:
    """How much of two block keys is the same words and marks, as a ratio."""
    return SequenceMatcher(None, words(a), words(b), autojunk=False).ratio()


def _hunks(side: int, base: list[str], keys: list[str]) -> tuple[list[_Hunk], dict[int, int]]:
    """A side's changes as hunks as small as one block where the diff allows, and where each equal block sits."""
    hunks: list[_Hunk] = []
    equal: dict[int, int] = {}
    for tag, i1, i2, j1, j2 in aligned(base, keys):
        n, m = i2 - i1, j2 - j1
        if tag == "equal":
            equal.update(zip(range(i1, i2), range(j1, j2), strict=True))
        elif n == 0:  # blocks inserted
            hunks.append(_Hunk(side, i1, i1, tuple(range(j1, j2))))
        elif n == m or m == 0:  # blocks edited one for one, or deleted
            hunks.extend(_Hunk(side, i1 + k, i1 + k + 1, (j1 + k,) if m else ()) for k in range(n))
        elif n == 1:  # one block edited, with new ones around it: the most alike is the edit
            j = max(range(j1, j2), key=lambda j: _similarity(base[i1], keys[j]))
            parts = [_Hunk(side, i1, i1, tuple(range(j1, j))), _Hunk(side, i1, i2, (j,))]
            hunks.extend(h for h in [*parts, _Hunk(side, i2, i2, tuple(range(j + 1, j2)))] if h.new or h.lo < h.hi)
        elif m == 1:  # blocks deleted around one edited
            i = max(range(i1, i2), key=lambda i: _similarity(base[i], keys[j1]))
            hunks.extend(_Hunk(side, k, k + 1, (j1,) if k == i else ()) for k in range(i1, i2))
        else:  # several blocks rewritten into a different number of blocks: one change
            hunks.append(_Hunk(side, i1, i2, tuple(range(j1, j2))))
    return hunks, equal


def _version(side: int, hunks: list[_Hunk], equal: dict[int, int], lo: int, hi: int) -> list[_Ref]:
    """A side's blocks standing for base blocks [lo, hi), given its hunks there."""
    refs: list[_Ref] = []
    at = lo
    for hunk in sorted(hunks, key=lambda h: (h.lo, h.hi)):
        refs += [(side, equal[i]) for i in range(at, hunk.lo)]
        refs += [(side, j) for j in hunk.new]
        at = hunk.hi
    return refs + [(side, equal[i]) for i in range(at, hi)]


def merge_sections(base: str, ours: str, theirs: str) -> MergeOutcome:
    """Merge two revisions of `base`: every block one side changed; where both changed one differently, a conflict."""
    if ours == theirs or theirs == base:
        return MergeOutcome(ours, ())
    if ours == base:
        return MergeOutcome(theirs, ())
    docs = [_parse(text) for text in (base, ours, theirs)]
    keys = [[block.key for block in blocks] for blocks, _ in docs]
    hunks_o, equal_o = _hunks(_OURS, keys[_BASE], keys[_OURS])
    hunks_t, equal_t = _hunks(_THEIRS, keys[_BASE], keys[_THEIRS])
    every = [*hunks_o, *hunks_t]
    group = list(range(len(every)))  # union-find over hunks that collide

    def root(k: int) -> int:
        while group[k] != k:
            group[k] = k = group[group[k]]
        return k

    for a, hunk_a in enumerate(hunks_o):
        for b, hunk_b in enumerate(hunks_t, start=len(hunks_o)):  # both in base order
            if hunk_b.lo > hunk_a.hi:
                break
            if _collide(hunk_a, hunk_b):
                group[root(a)] = root(b)
    clusters: dict[int, list[_Hunk]] = {}
    for k, hunk in enumerate(every):
        clusters.setdefault(root(k), []).append(hunk)
    items: list[_Ref] = []
    conflicts: list[tuple[int, int, list[_Ref], list[_Ref]]] = []  # our items [start, end), base and their blocks
    at = 0
    for cluster in sorted(clusters.values(), key=lambda c: (min(h.lo for h in c), max(h.hi for h in c))):
        lo, hi = min(h.lo for h in cluster), max(h.hi for h in cluster)
        items += [(_OURS, equal_o[i]) for i in range(at, lo)]
        mine = _version(_OURS, [h for h in cluster if h.side == _OURS], equal_o, lo, hi)
        if all(h.side == _THEIRS for h in cluster):
            items += _version(_THEIRS, cluster, equal_t, lo, hi)
        elif all(h.side == _OURS for h in cluster):
            items += mine
        else:
            yours = _version(_THEIRS, [h for h in cluster if h.side == _THEIRS], equal_t, lo, hi)
            if [keys[s][j] for s, j in mine] != [keys[s][j] for s, j in yours]:
                conflicts.append((len(items), len(items) + len(mine), [(_BASE, i) for i in range(lo, hi)], yours))
            items += mine
        at = hi
    items += [(_OURS, equal_o[i]) for i in range(at, len(keys[_BASE]))]
    return _written(docs, items, conflicts, {_OURS: equal_o, _THEIRS: equal_t})


def _written(
    docs: list[tuple[tuple[MarkdownBlock, ...], int]],
    items: list[_Ref],
    conflicts: list[tuple[int, int, list[_Ref], list[_Ref]]],
    equal: dict[int, dict[int, int]],
) -> MergeOutcome:
    """The merged text (blank lines as each block had them after the same neighbour) and where each conflict sits."""
    from_base = {side: {j: i for i, j in mapping.items()} for side, mapping in equal.items()}

    def anchor(side: int, j: int) -> _Ref:
        """The same block on every side it is found on: the base block it equals, else itself."""
        i = j if side == _BASE else from_base[side].get(j)
        return _START if j < 0 else (_BASE, i) if i is not None else (side, j)

    def block(ref: _Ref) -> MarkdownBlock:
        """The block a reference names."""
        return docs[ref[0]][0][ref[1]]

    lines: list[str] = []
    bounds: list[int] = [0]  # where each item's lines end in the merged text; [0] before the first
    starts: list[int] = []
    previous = _START
    for index, ref in enumerate(items):
        place = anchor(*ref)
        same = [ref]
        if place[0] == _BASE:
            same += [place, *((s, equal[s][place[1]]) for s in (_OURS, _THEIRS) if place[1] in equal[s])]
        gaps = [block(r).blank_before for r in same if anchor(r[0], r[1] - 1) == previous]
        if gaps or previous == _START:
            gap = gaps[0] if gaps else 0
        else:
            gap = _gap_between(block(items[index - 1]), block(ref))
        lines += [""] * gap
        starts.append(len(lines))
        lines += block(ref).lines
        bounds.append(len(lines))
        previous = place
    text = "\n".join(lines + [""] * docs[items[-1][0]][1]) if items else ""

    def written(refs: list[_Ref]) -> str:
        """Consecutive blocks of one side as that side wrote them."""
        return "\n".join(("\n" * block(r).blank_before if k else "") + block(r).text for k, r in enumerate(refs))

    records = tuple(
        Conflict(
            written(base_refs),
            written(items[start:end]),
            written(their_refs),
            starts[start] if end > start else bounds[start],
            bounds[end],
        )
        for start, end, base_refs, their_refs in conflicts
    )
    return MergeOutcome(text, records)


def _gap_between(before: MarkdownBlock, block: MarkdownBlock) -> int:
    """Blank lines between blocks no side had side by side: their own, or one where Markdown would join them."""
    if block.kind == "row" and before.kind == "row":
        return block.blank_before
    joins = block.kind == "paragraph" or (block.kind == "code" and not _FENCE.match(block.lines[0]))
    if block.kind == "row" or (joins and before.kind in (*_CONTINUED, "row")):
        return max(block.blank_before, 1)
    return block.blank_before
