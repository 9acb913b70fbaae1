"""Two revisions of a section for the redline tests, and a Word file's body read with its tracked changes resolved."""

import zipfile
from pathlib import Path
from xml.etree import ElementTree

from dossier_app.export.format_rules import list_label
from dossier_app.export.markdown_blocks import parse_blocks
from dossier_app.export.plan import Heading, ListBlock, Paragraph, Table, plain

OLD = """## Vị trí dự án

Dự án nằm tại **Khu công nghệ cao Cần Thơ**, quận Ninh Kiều, thành phố Cần Thơ.

- Diện tích 12,5 ha;
- Dân số hiện trạng 300 người.

| Loại đất | Diện tích (ha) | Tỷ lệ (%) |
|---|---:|---:|
| Đất ở | 30,0 | 48 |
| Cây xanh | 10,0 | 16 |

Đoạn này sẽ bị xoá hoàn toàn khỏi bản mới.

*Ghi chú:* số liệu năm 2024.
"""

NEW = """## Vị trí và quy mô dự án

Dự án nằm tại **Khu công nghệ cao Cần Thơ**, quận Bình Thủy, thành phố Cần Thơ.

- Diện tích 12,5 ha;
- Dân số hiện trạng 350 người;
- Mật độ xây dựng tối đa 40%.

| Loại đất | Diện tích (ha) | Tỷ lệ (%) |
|---|---:|---:|
| Đất ở | 31,5 | 48 |
| Giao thông | 5,0 | 8 |

Đoạn mới được thêm vào cuối phần hiện trạng.

*Ghi chú:* số liệu năm 2025.
"""

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def expected_lines(markdown: str) -> list[str]:
    """What a reader should see of a Markdown text, one entry per paragraph, list item and table cell, read by the
    export's own parser (list labels as the export writes them)."""
    lines: list[str] = []

    def items(block: ListBlock, depth: int) -> None:
        for offset, item in enumerate(block.items):
            lines.append(f"{list_label(block.ordered, block.start + offset, depth)} {plain(item.runs)}")
            for child in item.children:
                items(child, depth + 1)

    for block in parse_blocks(markdown):
        if isinstance(block, Heading):
            lines.append(block.text)
        elif isinstance(block, Paragraph):
            lines.append(plain(block.runs))
        elif isinstance(block, ListBlock):
            items(block, 0)
        elif isinstance(block, Table):
            for row in (block.header, *block.rows):
                lines.extend(plain(cell) for cell in row)
    return [" ".join(line.split()) for line in lines]


def document_xml(path: Path) -> bytes:
    """The main part of a .docx."""
    with zipfile.ZipFile(path) as package:
        return package.read("word/document.xml")


def resolved_lines(path: Path, *, accept: bool) -> list[str]:
    """The body's text after the head (the paragraph starting "Đến:"), with every tracked change accepted (drop
    w:del, unwrap w:ins) or rejected (drop w:ins, unwrap w:del): one entry per non-empty paragraph or cell."""
    root = ElementTree.fromstring(document_xml(path))
    body = root.find(f"{W}body")
    assert body is not None
    dropped, kept = (f"{W}del", f"{W}ins") if accept else (f"{W}ins", f"{W}del")
    parents = {child: parent for parent in body.iter() for child in parent}
    # a paragraph or row whose mark went with the change goes whole
    for holder in list(body.iter()):
        if holder.tag in (f"{W}p", f"{W}tr"):
            properties = holder.find(f"{W}pPr/{W}rPr" if holder.tag == f"{W}p" else f"{W}trPr")
            if properties is not None and properties.find(dropped) is not None:
                parents[holder].remove(holder)
    for element in list(body.iter()):
        for child in list(element):
            if child.tag == dropped:
                element.remove(child)
            elif child.tag == kept and len(child):  # a tracked run: keep its runs in its place
                position = list(element).index(child)
                element.remove(child)
                for offset, run in enumerate(child):
                    element.insert(position + offset, run)
    lines: list[str] = []
    for paragraph in body.iter(f"{W}p"):
        text = "".join(
            " " if node.tag == f"{W}br" else node.text or ""
            for node in paragraph.iter()
            if node.tag in (f"{W}t", f"{W}delText", f"{W}br")
        )
        if text.strip():
            lines.append(" ".join(text.split()))
    head_end = next(index for index, line in enumerate(lines) if line.startswith("Đến:"))
    return lines[head_end + 1 :]


_MACRO = """<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE script:module PUBLIC "-//OpenOffice.org//DTD OfficeDocument 1.0//EN" "module.dtd">
<script:module xmlns:script="http://openoffice.org/2000/script" script:name="Module1" script:language="StarBasic">
Sub Resolve(inPath As String, outPath As String, how As String)
  Dim args(0) As New com.sun.star.beans.PropertyValue
  args(0).Name = &quot;Hidden&quot;
  args(0).Value = True
  doc = StarDesktop.loadComponentFromURL(ConvertToURL(inPath), &quot;_blank&quot;, 0, args())
  helper = createUnoService(&quot;com.sun.star.frame.DispatchHelper&quot;)
  command = &quot;.uno:&quot; &amp; how &amp; &quot;AllTrackedChanges&quot;
  helper.executeDispatch(doc.CurrentController.Frame, command, &quot;&quot;, 0, Array())
  Dim f(0) As New com.sun.star.beans.PropertyValue
  f(0).Name = &quot;FilterName&quot;
  f(0).Value = &quot;Text (encoded)&quot;
  doc.storeToURL(ConvertToURL(outPath), f())
  doc.close(True)
End Sub
</script:module>
"""


def libreoffice_resolved(soffice: str, path: Path, folder: Path) -> dict[str, list[str]]:
    """The body's lines after LibreOffice itself ran Accept All and Reject All on the file (a Basic macro in a
    throwaway profile, the result saved as text): {"Accept": […], "Reject": […]}; an empty paragraph is ""."""
    import subprocess

    profile = folder / "profile"
    env = [f"-env:UserInstallation={profile.as_uri()}", "--headless"]
    subprocess.run([soffice, *env, "--terminate_after_init"], check=True, capture_output=True, timeout=180)
    (profile / "user" / "basic" / "Standard" / "Module1.xba").write_text(_MACRO, encoding="utf-8")
    resolved: dict[str, list[str]] = {}
    for how in ("Accept", "Reject"):
        out = folder / f"{how}.txt"
        call = f'macro:///Standard.Module1.Resolve("{path}","{out}","{how}")'
        subprocess.run([soffice, *env, call], check=True, capture_output=True, timeout=180)
        lines = [" ".join(line.split()) for line in out.read_text(encoding="utf-8-sig").splitlines()]
        head_end = next(index for index, line in enumerate(lines) if line.startswith("Đến:"))
        resolved[how] = lines[head_end + 1 :]
    return resolved
