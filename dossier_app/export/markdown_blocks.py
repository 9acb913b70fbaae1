"""Section Markdown (CommonMark and GFM tables, as QTextDocument.toMarkdown writes it) into document plan blocks."""

from collections.abc import Sequence

from markdown_it import MarkdownIt
from markdown_it.token import Token

from dossier_app.domain.text import writable
from dossier_app.export.format_rules import Align
from dossier_app.export.plan import Block, Heading, ListBlock, ListItem, Paragraph, Run, Runs, Table

# markdown-it silently drops whatever lies deeper than maxNesting (20 by default: ten nested lists); 100 keeps any
# outline a clerk writes and stays far from Python's recursion limit.
_PARSER = MarkdownIt("commonmark", {"html": False, "maxNesting": 100}).enable("table").enable("strikethrough")


def inline_runs(children: Sequence[Token]) -> Runs:
    """The runs of an inline token's children: bold and italic kept, links as their text, breaks as spaces."""
    runs: list[Run] = []
    bold = italic = 0
    for token in children:
        kind = token.type
        if kind == "strong_open":
            bold += 1
        elif kind == "strong_close":
            bold -= 1
        elif kind == "em_open":
            italic += 1
        elif kind == "em_close":
            italic -= 1
        elif kind in ("text", "code_inline"):
            _append(runs, Run(token.content, bold > 0, italic > 0))
        elif kind == "softbreak":
            _append(runs, Run(" ", bold > 0, italic > 0))
        elif kind == "hardbreak":
            _append(runs, Run("\n", bold > 0, italic > 0))
        elif kind == "image":
            _append(runs, Run(token.content, bold > 0, italic > 0))
    return tuple(runs)


def _append(runs: list[Run], run: Run) -> None:
    """Merge a run into the previous one when their emphasis matches, so writers emit fewer runs."""
    if not run.text:
        return
    if runs and runs[-1].bold == run.bold and runs[-1].italic == run.italic:
        runs[-1] = Run(runs[-1].text + run.text, run.bold, run.italic)
    else:
        runs.append(run)


def parse_inline(source: str) -> list[Token]:
    """The inline tokens of one block's text (its Markdown markers already taken off), for `inline_runs`."""
    tokens = _PARSER.parseInline(writable(source))
    return list(tokens[0].children or []) if tokens else []


def parse_blocks(markdown: str, *, heading_offset: int = 0) -> tuple[Block, ...]:
    """The blocks of a Markdown text; its headings move `heading_offset` levels down to sit under the section's."""
    tokens = _PARSER.parse(writable(markdown))  # a stray control character would break the DOCX's XML
    blocks, _ = _blocks(tokens, 0, len(tokens), heading_offset)
    return tuple(blocks)


def _blocks(tokens: list[Token], start: int, end: int, offset: int) -> tuple[list[Block], int]:
    blocks: list[Block] = []
    index = start
    while index < end:
        token = tokens[index]
        kind = token.type
        if kind == "heading_open":
            level = int(token.tag[1:]) + offset
            blocks.append(Heading(level=level, text=_inline_text(tokens[index + 1]), in_toc=False))
            index += 3
        elif kind == "paragraph_open":
            runs = inline_runs(tokens[index + 1].children or [])
            if runs:
                blocks.append(Paragraph(runs))
            index += 3
        elif kind in ("bullet_list_open", "ordered_list_open"):
            close = _closing(tokens, index)
            blocks.append(_list(tokens, index, close, offset))
            index = close + 1
        elif kind == "table_open":
            close = _closing(tokens, index)
            blocks.append(_table(tokens[index:close]))
            index = close + 1
        elif kind in ("fence", "code_block"):
            for line in token.content.rstrip("\n").split("\n"):
                blocks.append(Paragraph((Run(line),)))
            index += 1
        elif kind == "blockquote_open":
            close = _closing(tokens, index)
            inner, _ = _blocks(tokens, index + 1, close, offset)
            blocks.extend(_italic(block) for block in inner)
            index = close + 1
        else:  # hr, html and anything unknown carry no text worth a block
            index += 1
    return blocks, index


def _italic(block: Block) -> Block:
    """A quoted paragraph is set in italics."""
    if isinstance(block, Paragraph):
        return Paragraph(tuple(Run(run.text, run.bold, True) for run in block.runs))
    return block


def _closing(tokens: list[Token], index: int) -> int:
    """The index of the token closing the one at `index` (same nesting level)."""
    opening = tokens[index]
    close_type = opening.type.replace("_open", "_close")
    depth = 0
    for position in range(index, len(tokens)):
        token = tokens[position]
        if token.type == opening.type:
            depth += 1
        elif token.type == close_type:
            depth -= 1
            if depth == 0:
                return position
    return len(tokens) - 1


def _inline_text(token: Token) -> str:
    return "".join(run.text for run in inline_runs(token.children or []))


def _list(tokens: list[Token], start: int, close: int, offset: int) -> ListBlock:
    opening = tokens[start]
    ordered = opening.type == "ordered_list_open"
    first = int(opening.attrs.get("start", 1) or 1) if ordered else 1
    items: list[ListItem] = []
    index = start + 1
    while index < close:
        if tokens[index].type != "list_item_open":
            index += 1
            continue
        item_close = _closing(tokens, index)
        runs: list[Run] = []
        children: list[ListBlock] = []
        inner = index + 1
        while inner < item_close:
            token = tokens[inner]
            if token.type in ("inline", "fence", "code_block"):  # a paragraph's, and a heading's or quote's alike
                if runs:
                    _append(runs, Run(" "))
                texts = inline_runs(token.children or []) if token.type == "inline" else (Run(token.content.strip()),)
                for run in texts:
                    _append(runs, run)
                inner += 1
            elif token.type in ("bullet_list_open", "ordered_list_open"):
                nested_close = _closing(tokens, inner)
                children.append(_list(tokens, inner, nested_close, offset))
                inner = nested_close + 1
            else:
                inner += 1
        items.append(ListItem(tuple(runs), tuple(children)))
        index = item_close + 1
    return ListBlock(ordered=ordered, items=tuple(items), start=first)


_GFM_ALIGN = {"text-align:left": Align.LEFT, "text-align:center": Align.CENTER, "text-align:right": Align.RIGHT}


def _table(tokens: list[Token]) -> Table:
    """A GFM table; the delimiter row's colons (---:, :---:) are the writer's own column alignment."""
    rows: list[tuple[Runs, ...]] = []
    header: tuple[Runs, ...] = ()
    current: list[Runs] = []
    align: list[Align] = []
    in_head = False
    for index, token in enumerate(tokens):
        if token.type == "thead_open":
            in_head = True
        elif token.type == "thead_close":
            in_head = False
        elif token.type == "tr_open":
            current = []
        elif token.type in ("th_open", "td_open"):
            if token.type == "th_open":
                align.append(_GFM_ALIGN.get(str(token.attrGet("style") or ""), Align.LEFT))
            inline = tokens[index + 1]
            current.append(inline_runs(inline.children or []) if inline.type == "inline" else ())
        elif token.type == "tr_close":
            if in_head:
                header = tuple(current)
            else:
                rows.append(tuple(current))
    return Table(header=header, rows=tuple(rows), align=tuple(align))
