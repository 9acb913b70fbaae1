"""The compared blocks as HTML for the window's QTextBrowser: headings, emphasis, lists and tables formatted, with
insertions underlined in green and deletions struck through in red, never a Markdown marker."""

from html import escape

from dossier_app.domain.redline import COLLAPSED_BLOCKS_TEMPLATE, DELETE_STYLE, INSERT_STYLE
from dossier_app.export.redline_blocks import MarkedText, Segments, ShownBlock

_COLLAPSED_STYLE = "color:#757575;font-style:italic"
_ROW_COLOUR = {"insert": "#e8f5e9", "delete": "#ffebee"}
_BULLET = "•"
_TABLE = '<table border="1" cellspacing="0" cellpadding="4" style="border-collapse:collapse;margin:6px 0">'


def marked_html(marked: MarkedText, *, context: int = 2, collapsed_template: str = COLLAPSED_BLOCKS_TEMPLATE) -> str:
    """The whole comparison as an HTML fragment; unchanged stretches keep `context` blocks next to each change and
    fold the rest into one grey line (`collapsed_template` with `{count}`, translated by the caller). A table's
    heading row always shows, so a changed row is read under its column names. `context=-1` shows everything."""
    blocks = marked.blocks
    shown = _visible(blocks, context) if context >= 0 and marked.has_changes else [True] * len(blocks)
    parts: list[str] = []
    columns = 0  # the open table's widest row, 0 when no table is open
    index = 0
    while index < len(blocks):
        block = blocks[index]
        if not shown[index]:
            end = index
            while end < len(blocks) and not shown[end]:
                end += 1
            label = f'<span style="{_COLLAPSED_STYLE}">{escape(collapsed_template.format(count=end - index))}</span>'
            if columns and block.kind == "row":
                parts.append(f'<tr><td colspan="{columns}">{label}</td></tr>')
            else:
                parts.append(_close_table(columns) + f"<p>{label}</p>")
                columns = 0
            index = end
            continue
        if block.kind == "row":
            if not columns:
                columns = _table_width(blocks, index)
                parts.append(_TABLE)
            parts.append(_row(block))
        else:
            parts.append(_close_table(columns) + _block(block))
            columns = 0
        index += 1
    parts.append(_close_table(columns))
    return "".join(parts)


def _visible(blocks: tuple[ShownBlock, ...], context: int) -> list[bool]:
    """Which blocks show: every change, `context` blocks either side, table heads, and no fold of fewer than 3."""
    shown = [block.change != "equal" or (block.kind == "row" and block.header) for block in blocks]
    near = [False] * len(blocks)
    for index, block in enumerate(blocks):
        if block.change != "equal":
            for other in range(max(0, index - context), min(len(blocks), index + context + 1)):
                near[other] = True
    visible = [a or b for a, b in zip(shown, near, strict=True)]
    index = 0
    while index < len(visible):  # a fold of one or two blocks hides nothing worth hiding
        if visible[index]:
            index += 1
            continue
        end = index
        while end < len(visible) and not visible[end]:
            end += 1
        if end - index < 3:
            visible[index:end] = [True] * (end - index)
        index = end
    return visible


def _table_width(blocks: tuple[ShownBlock, ...], start: int) -> int:
    """The most cells of any row of the table starting at `start`."""
    width = 0
    for block in blocks[start:]:
        if block.kind != "row":
            break
        width = max(width, len(block.cells))
    return max(width, 1)


def _close_table(columns: int) -> str:
    return "</table>" if columns else ""


def _segments(segments: Segments) -> str:
    """Segments with their emphasis and marks; a line break inside one stays a line break."""
    out: list[str] = []
    previous = False  # whether the segment before was a deletion
    for segment in segments:
        raw = segment.text if segment.change == "equal" else segment.text.lstrip(" ")
        lead = " " * (len(segment.text) - len(raw))  # the space before a change is not part of what changed
        if previous and segment.change == "insert" and not lead and not raw[:1].isspace():
            lead = " "  # "30,0" replaced by "31,5" reads as two numbers, not "30,031,5"
        out.append(lead)
        previous = segment.change == "delete" and not segment.text[-1:].isspace()
        text = escape(raw).replace("\n", "<br>")
        if segment.bold:
            text = f"<b>{text}</b>"
        if segment.italic:
            text = f"<i>{text}</i>"
        if segment.change == "insert":
            text = f'<span style="{INSERT_STYLE}">{text}</span>'
        elif segment.change == "delete":
            text = f'<span style="{DELETE_STYLE}">{text}</span>'
        out.append(text)
    return "".join(out)


def _block(block: ShownBlock) -> str:
    """One block other than a table row."""
    body = _segments(block.segments)
    if block.kind == "heading":
        level = min(block.level + 1, 6)  # the section's own title is the level above
        return f"<h{level}>{body}</h{level}>"
    if block.kind == "item":
        label = escape(block.label) if block.label else _BULLET
        indent = 18 + 22 * block.depth
        return f'<p style="margin-left:{indent}px;margin-top:2px;margin-bottom:2px">{label}&nbsp;{body}</p>'
    if block.kind == "quote":
        return f'<p style="margin-left:28px">{body}</p>'
    if block.kind == "code":
        return f"<pre>{body}</pre>"
    if block.kind == "rule":
        return "<hr>"
    return f"<p>{body}</p>"


def _row(block: ShownBlock) -> str:
    """A table row; a row that came or went is tinted as a whole."""
    colour = _ROW_COLOUR.get(block.change)
    cell_tag = "th" if block.header else "td"
    head = f'<tr style="background-color:{colour}">' if colour else "<tr>"
    cells = "".join(f"<{cell_tag}>{_segments(cell)}</{cell_tag}>" for cell in block.cells)
    return head + cells + "</tr>"
