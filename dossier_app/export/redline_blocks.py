"""Two revisions of a section's Markdown compared as a reader sees them: formatted blocks, then words inside them.

The merge's blocks (a paragraph however wrapped, a heading, a list item, a table row, …) are aligned by their words
with the redline's patience diff; a block changed in place is paired with its old version and compared word by
word, with bold and italic kept as each side wrote them; a table row compares cell by cell. Nothing here writes
Markdown syntax back: the HTML view and the tracked-changes Word file both read these blocks.
"""

from dataclasses import dataclass
from difflib import SequenceMatcher
from typing import Literal

from dossier_app.domain.merge import MarkdownBlock, block_content, markdown_blocks
from dossier_app.domain.redline import aligned, fold_chaff, word_matches, words
from dossier_app.domain.text import writable
from dossier_app.export.markdown_blocks import inline_runs, parse_inline
from dossier_app.export.plan import Run

Change = Literal["equal", "insert", "delete"]
BlockChange = Literal["equal", "insert", "delete", "changed"]
ShownKind = Literal["paragraph", "heading", "item", "row", "code", "quote", "rule"]

_LOOKAHEAD = 8  # how many new blocks ahead an old block looks for its edited self
_PAIRING = 0.4  # how alike two blocks' words must be to show one as the other edited, not one deleted and one added


@dataclass(frozen=True, slots=True)
class Segment:
    """Text with one emphasis that both revisions share, or that one of them alone has."""

    change: Change
    text: str
    bold: bool = False
    italic: bool = False


Segments = tuple[Segment, ...]


@dataclass(frozen=True, slots=True)
class ShownBlock:
    """One block as a reader sees it: its kind, whether it came, went or changed, and its text marked.

    `cells` holds a table row's cells (and `segments` is empty); `level` is a heading's level, `depth` a list item's
    nesting, `label` an ordered item's number as written ("3.") or "" for a bullet, `header` whether a row heads
    its table."""

    kind: ShownKind
    change: BlockChange
    segments: Segments = ()
    cells: tuple[Segments, ...] = ()
    level: int = 0
    depth: int = 0
    label: str = ""
    header: bool = False
    old_label: str = ""  # a kept or edited item's number in the old text (Qt renumbers after an inserted item)


@dataclass(frozen=True, slots=True)
class MarkedText:
    """Two revisions compared block by block in reading order, with the counts a reviewer reads first."""

    blocks: tuple[ShownBlock, ...]
    words_inserted: int
    words_deleted: int

    @property
    def has_changes(self) -> bool:
        """Whether any block came, went or changed."""
        return any(block.change != "equal" for block in self.blocks)

    @property
    def blocks_changed(self) -> int:
        """Blocks that came, went or changed (a changed table row counts once)."""
        return sum(1 for block in self.blocks if block.change != "equal")


@dataclass(frozen=True, slots=True)
class _Parsed:
    """A block of one side: the merge's block, what it shows, and its key for alignment."""

    block: MarkdownBlock
    kind: ShownKind
    runs: tuple[Run, ...]
    cells: tuple[tuple[Run, ...], ...]
    level: int
    label: str
    header: bool
    delimiter: bool


def compare_markdown(old: str, new: str) -> MarkedText:
    """The blocks of `new` with those of `old` that went, each marked: equal, inserted, deleted or changed in words."""
    old_blocks, new_blocks = _parsed(old), _parsed(new)
    old_keys = [p.block.key for p in old_blocks]
    new_keys = [p.block.key for p in new_blocks]
    shown: list[ShownBlock] = []
    for tag, i1, i2, j1, j2 in aligned(old_keys, new_keys):
        if tag == "equal":
            shown += [_whole(p, "equal", o.label) for o, p in zip(old_blocks[i1:i2], new_blocks[j1:j2], strict=True)]
        else:
            shown += _replaced(old_blocks[i1:i2], new_blocks[j1:j2])
    shown = [block for block in shown if block.kind != "row" or block.cells or block.change == "equal"]
    inserted = deleted = 0
    for block in shown:
        for segment in _all_segments(block):
            count = sum(1 for word in words(segment.text) if word[0].isalnum())
            inserted += count if segment.change == "insert" else 0
            deleted += count if segment.change == "delete" else 0
    return MarkedText(tuple(block for block in shown if not _is_delimiter(block)), inserted, deleted)


def _all_segments(block: ShownBlock) -> Segments:
    return block.segments + tuple(segment for cell in block.cells for segment in cell)


def _is_delimiter(block: ShownBlock) -> bool:
    """A table's delimiter row (`|---|`) is layout, never shown."""
    return block.kind == "row" and block.label == "delimiter"


# Parsing one side --------------------------------------------------------------------------------------


def _parsed(text: str) -> list[_Parsed]:
    """A text's blocks with what each shows; a row followed by a delimiter row heads its table."""
    blocks = markdown_blocks(writable(text))
    parsed = [_parse_block(block) for block in blocks]
    for index, item in enumerate(parsed[:-1]):
        following = parsed[index + 1]
        if item.kind == "row" and following.delimiter and not item.delimiter:
            parsed[index] = _Parsed(item.block, "row", (), item.cells, 0, "", True, False)
    return parsed


def _parse_block(block: MarkdownBlock) -> _Parsed:
    """What one block shows: its inline runs (or cells), level or label, the Markdown markers taken off."""
    content = block_content(block)
    kind: ShownKind = block.kind
    if kind == "row":
        cells = tuple(_inline(cell) for cell in content.cells)
        return _Parsed(block, "row", (), cells, 0, "delimiter" if content.delimiter else "", False, content.delimiter)
    if kind in ("code", "rule"):
        shown: tuple[Run, ...] = (Run(content.text),) if content.text else ()
        return _Parsed(block, kind, shown, (), 0, "", False, False)
    runs = _inline(content.text)
    if kind == "quote":
        runs = tuple(Run(run.text, run.bold, True) for run in runs)
    return _Parsed(block, kind, runs, (), content.level, content.number, False, False)


def _inline(source: str) -> tuple[Run, ...]:
    """The runs of inline Markdown (bold, italic; links as their text)."""
    return inline_runs(parse_inline(source))


# Comparing ---------------------------------------------------------------------------------------------


def _whole(parsed: _Parsed, change: Change, old_label: str | None = None) -> ShownBlock:
    """A block shown whole, kept, inserted or deleted."""
    cells = tuple(tuple(Segment(change, r.text, r.bold, r.italic) for r in cell) for cell in parsed.cells)
    segments = tuple(Segment(change, r.text, r.bold, r.italic) for r in parsed.runs)
    block_change: BlockChange = change
    label = "delimiter" if parsed.delimiter else parsed.label
    return ShownBlock(
        parsed.kind,
        block_change,
        segments,
        cells,
        parsed.level,
        parsed.block.depth,
        label,
        parsed.header,
        parsed.label if old_label is None else old_label,
    )


def _words_of(parsed: _Parsed) -> list[str]:
    """The words a block shows (a row's cells one after another), without Markdown's markers."""
    runs = [*parsed.runs, *(run for cell in parsed.cells for run in cell)]
    return [word for run in runs for word in words(run.text)]


def _replaced(olds: list[_Parsed], news: list[_Parsed]) -> list[ShownBlock]:
    """A run of old blocks replaced by new ones: each old block paired with a new block of its kind a little further
    on that is alike enough (an edit), the rest deleted or inserted where they stood. Looking only `_LOOKAHEAD`
    blocks ahead keeps a section rewritten throughout linear rather than quadratic."""
    shown: list[ShownBlock] = []
    at = 0
    old_words, new_words = [_words_of(p) for p in olds], [_words_of(p) for p in news]
    # one paragraph replaced by one, even rewritten, reads best as an edit; elsewhere (and for a table row whose
    # words all changed) a block unlike the old one is another block
    single = len(olds) == len(news) == 1

    def alike(i: int, j: int) -> bool:
        old, new = olds[i], news[j]
        if not _pairs(old, new):
            return False
        if single and old.kind != "row":
            return True
        matcher = SequenceMatcher(None, old_words[i], new_words[j], autojunk=False)
        return (
            matcher.real_quick_ratio() >= _PAIRING and matcher.quick_ratio() >= _PAIRING and matcher.ratio() >= _PAIRING
        )

    for index, old in enumerate(olds):
        partner = next((j for j in range(at, min(len(news), at + _LOOKAHEAD)) if alike(index, j)), None)
        if partner is None:
            shown.append(_whole(old, "delete"))
            later = range(index + 1, min(len(olds), index + 1 + _LOOKAHEAD))
            if at < len(news) and news[at].kind == old.kind and not any(alike(i, at) for i in later):
                shown.append(_whole(news[at], "insert"))  # a row replaced by another stays in its table
                at += 1
            continue
        shown += [_whole(new, "insert") for new in news[at:partner]]
        shown.append(_edited(old, news[partner]))
        at = partner + 1
    shown += [_whole(new, "insert") for new in news[at:]]
    return shown


def _pairs(old: _Parsed, new: _Parsed) -> bool:
    """Whether a new block can be shown as the old one edited: same kind, and a row with as many cells."""
    if old.kind != new.kind or old.delimiter != new.delimiter:
        return False
    return old.kind != "row" or len(old.cells) == len(new.cells)


def _edited(old: _Parsed, new: _Parsed) -> ShownBlock:
    """A block changed in place: its words compared (a row's cell by cell), the new side's kind and label shown."""
    if new.delimiter:
        return _whole(new, "equal")
    if new.kind == "row":
        cells = tuple(_segments(a, b) for a, b in zip(old.cells, new.cells, strict=True))
        changed = any(s.change != "equal" for cell in cells for s in cell)
        return ShownBlock("row", "changed" if changed else "equal", (), cells, 0, new.block.depth, "", new.header)
    segments = _segments(old.runs, new.runs)
    changed = any(s.change != "equal" for s in segments)
    change: BlockChange = "changed" if changed else "equal"
    return ShownBlock(new.kind, change, segments, (), new.level, new.block.depth, new.label, new.header, old.label)


@dataclass(frozen=True, slots=True)
class _Token:
    key: str
    text: str  # the word with the whitespace before it
    bold: bool
    italic: bool


def _tokens(runs: tuple[Run, ...]) -> list[_Token]:
    """Words and marks of some runs, each carrying the whitespace before it and its run's emphasis."""
    tokens: list[_Token] = []
    pending = ""
    for run in runs:
        at = 0
        for match in word_matches(run.text):
            tokens.append(
                _Token(match.group(), pending + run.text[at : match.start()] + match.group(), run.bold, run.italic)
            )
            pending, at = "", match.end()
        pending += run.text[at:]
    if tokens and pending:
        last = tokens[-1]
        tokens[-1] = _Token(last.key, last.text + pending.rstrip(), last.bold, last.italic)
    if tokens:
        first = tokens[0]
        tokens[0] = _Token(first.key, first.text.lstrip(), first.bold, first.italic)
    return tokens


def _segments(old_runs: tuple[Run, ...], new_runs: tuple[Run, ...]) -> Segments:
    """Two blocks' runs compared word by word: kept words as the new side formats them."""
    old, new = _tokens(old_runs), _tokens(new_runs)
    ops = fold_chaff(aligned([t.key for t in old], [t.key for t in new]), [t.key for t in old])
    segments: list[Segment] = []

    def add(change: Change, token: _Token) -> None:
        text = token.text
        if not segments and text[:1].isspace():
            text = text.lstrip()
        last = segments[-1] if segments else None
        if last and (last.change, last.bold, last.italic) == (change, token.bold, token.italic):
            segments[-1] = Segment(change, last.text + text, token.bold, token.italic)
        else:
            segments.append(Segment(change, text, token.bold, token.italic))

    for tag, i1, i2, j1, j2 in ops:
        if tag == "equal":
            for old_token, token in zip(old[i1:i2], new[j1:j2], strict=True):
                add("equal", _space_kept(segments, old_token, token))
            continue
        for token in old[i1:i2]:
            add("delete", token)
        for token in new[j1:j2]:
            add("insert", token)
    return tuple(segments)


def _space_kept(segments: list[Segment], old: _Token, new: _Token) -> _Token:
    """Where a kept word follows a change and only one side had a space before it, the space goes to the change,
    so accepting every change reads as the new text and rejecting them as the old one."""
    if not segments or segments[-1].change == "equal":
        return new
    old_space, new_space = old.text[:1].isspace(), new.text[:1].isspace()
    last = segments[-1]
    if old_space and not new_space and last.change == "delete":
        segments[-1] = Segment("delete", last.text + " ", last.bold, last.italic)
    elif new_space and not old_space and last.change == "insert":
        segments[-1] = Segment("insert", last.text + " ", last.bold, last.italic)
        return _Token(new.key, new.text.lstrip(), new.bold, new.italic)
    return new
