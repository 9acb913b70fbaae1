"""The parts of a Word file as plain XML trees, read without python-docx: its enums and the parts it invents for a
file that lacks them would hide what Word shows, and its errors do not say which part is broken."""

import posixpath
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote
from xml.etree import ElementTree
from xml.etree.ElementTree import Element

from dossier_app.domain.errors import QT_TRANSLATE_NOOP, DossierError

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
A = "http://schemas.openxmlformats.org/drawingml/2006/main"
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
_PACKAGE_RELS = "http://schemas.openxmlformats.org/package/2006/relationships"

# Strict Open XML (Word's "Strict" save option) names the same elements in other namespaces: read it as transitional.
_STRICT = {
    b"http://purl.oclc.org/ooxml/wordprocessingml/main": W.encode(),
    b"http://purl.oclc.org/ooxml/officeDocument/relationships": R.encode(),
    b"http://purl.oclc.org/ooxml/drawingml/main": A.encode(),
}
_PART_LIMIT = 256 * 1024 * 1024  # a part that inflates beyond this is not a document anyone wrote


def w(tag: str) -> str:
    """The qualified name of a WordprocessingML element or attribute, 'w:tag' as ElementTree spells it."""
    return f"{{{W}}}{tag}"


class DocxUnreadable(DossierError):
    """The file is not a Word document at all (not a zip, or no document part)."""

    template = QT_TRANSLATE_NOOP("Errors", "The file {path} is not a readable Word (.docx) document.")


class DocxPartUnreadable(DocxUnreadable):
    """One part of the Word file is missing or is not well-formed XML: the message names it."""

    template = QT_TRANSLATE_NOOP(
        "Errors", "The Word file {path} cannot be read: its part {part} is damaged or missing."
    )


@dataclass(frozen=True)
class WordPackage:
    """The parts check-format reads: the document, its styles and theme, and its headers and footers by id."""

    path: str
    document: Element
    styles: Element | None
    theme: Element | None
    headers: dict[str, Element] = field(default_factory=dict)
    footers: dict[str, Element] = field(default_factory=dict)


class _Zip:
    """Part names looked up as OPC does: without a leading slash, percent-decoded, case-insensitively."""

    def __init__(self, archive: zipfile.ZipFile, path: str) -> None:
        self._archive = archive
        self._path = path
        self._names = {name.lower(): name for name in archive.namelist()}

    def has(self, part: str) -> bool:
        return part.lower() in self._names

    def xml(self, part: str) -> Element:
        """The part parsed; DocxPartUnreadable naming it when it is absent, too large, corrupt or not XML."""
        name = self._names.get(part.lower())
        if name is None:
            raise DocxPartUnreadable(path=self._path, part=part)
        try:
            if self._archive.getinfo(name).file_size > _PART_LIMIT:
                raise DocxPartUnreadable(path=self._path, part=part)
            data = self._archive.read(name)
            for strict, transitional in _STRICT.items():
                data = data.replace(strict, transitional)
            return ElementTree.fromstring(data)
        except (ElementTree.ParseError, zipfile.BadZipFile, OSError, ValueError, EOFError, RuntimeError) as error:
            raise DocxPartUnreadable(path=self._path, part=part) from error

    def relationships(self, part: str) -> list[tuple[str, str, str]]:
        """(id, type, target part) of each internal relationship of `part` ('' for the package)."""
        folder, leaf = posixpath.split(part)
        rels = posixpath.join(folder, "_rels", f"{leaf}.rels")
        if not self.has(rels):
            return []
        found = []
        for rel in self.xml(rels).iter(f"{{{_PACKAGE_RELS}}}Relationship"):
            target = rel.get("Target") or ""
            if rel.get("TargetMode") == "External" or not target:
                continue
            target = unquote(target)
            joined = target.lstrip("/") if target.startswith("/") else posixpath.join(folder, target)
            found.append((rel.get("Id") or "", rel.get("Type") or "", posixpath.normpath(joined).lstrip("/")))
        return found


def _of_type(rels: list[tuple[str, str, str]], kind: str) -> list[tuple[str, str]]:
    """(id, part) of the relationships of one kind: the type's last word is the same in transitional and strict."""
    return [(rel_id, target) for rel_id, rel_type, target in rels if rel_type.rsplit("/", 1)[-1] == kind]


def read_word_package(path: Path) -> WordPackage:
    """The document and the parts it relates to; DocxUnreadable when the file is not a Word package."""
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError, ValueError) as error:
        raise DocxUnreadable(path=str(path)) from error
    with archive:
        package = _Zip(archive, str(path))
        main = _of_type(package.relationships(""), "officeDocument")
        document_part = main[0][1] if main else "word/document.xml"
        document = package.xml(document_part)
        if document.tag != w("document"):
            raise DocxPartUnreadable(path=str(path), part=document_part)
        rels = package.relationships(document_part)
        styles = [package.xml(part) for _, part in _of_type(rels, "styles")[:1]]
        theme = [package.xml(part) for _, part in _of_type(rels, "theme")[:1]]
        return WordPackage(
            str(path),
            document,
            styles[0] if styles else None,
            theme[0] if theme else None,
            {rel_id: package.xml(part) for rel_id, part in _of_type(rels, "header")},
            {rel_id: package.xml(part) for rel_id, part in _of_type(rels, "footer")},
        )
