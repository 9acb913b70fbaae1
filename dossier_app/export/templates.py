"""The export's templates as data, in the top-level `exports/` folder: per document kind a Word reference document
holding the Decree 30 styles, and a YAML file with the wording (subject line, addressees, recipients, the line above
the signer, the appendices' heading lines). An office changes them without code: a folder of the same files in the
user's data folder is read first, file by file, and every export reads them again.

Read here without python-docx: the wording by PyYAML, and each reference document checked as a zip holding the
styles the writer needs, so a damaged template is refused with its name before any folder is written.
"""

import re
import zipfile
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from dossier_app.domain.errors import QT_TRANSLATE_NOOP, DossierError
from dossier_app.export.format_rules import HEADING_ROLES, Role

SHIPPED_DIR = Path(__file__).resolve().parents[2] / "exports"
KINDS = ("to_trinh", "de_an", "phu_luc", "bang_tong_hop_y_kien")
# Which kind's template each document of a package opens (by its file stem); the appendices share one.
KIND_OF_DOCUMENT = {"To_trinh": "to_trinh", "De_an": "de_an", "Bang_tong_hop_y_kien": "bang_tong_hop_y_kien"}
APPENDICES = ("Phu_luc_I", "Phu_luc_II", "Phu_luc_III", "Phu_luc_IV")
# The styles the Word writer applies by name, as styles.xml spells them (Word's built-in headings in lower case; see
# docx_styles.style_name); a reference document without one would make python-docx fall back to a default look.
REQUIRED_STYLES = (
    "Normal",
    *(f"heading {n}" for n in range(1, 5)),
    *(f"Decree30 {role.value}" for role in Role if role is not Role.BODY and role not in HEADING_ROLES.values()),
    "Decree30 rule",
)


class TemplateDamaged(DossierError):
    """A template file of `exports/` cannot be used; nothing was written. Its template says what is wrong."""


MISSING = QT_TRANSLATE_NOOP("Errors", "The export template {path} is missing. Nothing was exported.")
NOT_WORD = QT_TRANSLATE_NOOP(
    "Errors", "The export template {path} is not a Word document that can be opened ({detail}). Nothing was exported."
)
NO_STYLE = QT_TRANSLATE_NOOP(
    "Errors", "The export template {path} has no style '{style}', which the documents use. Nothing was exported."
)
NOT_YAML = QT_TRANSLATE_NOOP("Errors", "The export template {path} is not valid YAML: {detail}. Nothing was exported.")
NOT_FIELDS = QT_TRANSLATE_NOOP(
    "Errors", "The export template {path} should hold named fields (name: value). Nothing was exported."
)
NOT_TEXT = QT_TRANSLATE_NOOP(
    "Errors", "The field '{name}' of the export template {path} should be a line of text. Nothing was exported."
)
NOT_LINES = QT_TRANSLATE_NOOP(
    "Errors", "The field '{name}' of the export template {path} should be a list of lines. Nothing was exported."
)
UNKNOWN_PLACE = QT_TRANSLATE_NOOP(
    "Errors",
    "The field '{name}' of the export template {path} names {placeholder}; it may name: {allowed}. "
    "Nothing was exported.",
)
NO_HEADING = QT_TRANSLATE_NOOP(
    "Errors", "The export template {path} has no heading for {appendix}. Nothing was exported."
)


@dataclass(frozen=True)
class Wording:
    """Every word of the documents that comes from the templates rather than the dossier."""

    letter_subject: str  # "Về việc đề nghị thành lập {project}"
    letter_addressees: tuple[str, ...]  # "{decided_by}": who decides under the project's regime
    letter_recipients: tuple[str, ...]
    collective_line: str  # above the signer's title when a people's committee signs: "TM. {collective}"
    scheme_subject: str  # "Thành lập {project}"
    appendix_heads: Mapping[str, tuple[str, str]]  # file stem → ("Phụ lục II", "KẾ HOẠCH …")
    register_subject: str  # "về Đề án thành lập {project}"
    register_recipients: tuple[str, ...]

    def head(self, appendix: str) -> tuple[str, str]:
        """An appendix's label and upper-case title."""
        return self.appendix_heads[appendix]

    def signer_lines(self, collective: str, title_lines: Sequence[str]) -> tuple[str, ...]:
        """The lines above the signer's name: the collective line (when the template has one) for a body that
        signs as a collective, then the title lines, unless they already start with 'TM.'."""
        lines = list(title_lines)
        prefix = self.collective_line.format(collective=collective).strip() if self.collective_line else ""
        if collective and prefix and not (lines and lines[0].startswith("TM.")):
            lines.insert(0, prefix)
        return tuple(lines)


@dataclass(frozen=True)
class Templates:
    """Where each kind's files were found (the office's folder first, then the shipped one) and the wording."""

    references: Mapping[str, Path]  # kind → reference .docx
    wording: Wording

    def reference_for(self, document: str) -> Path:
        """The reference document a package document (by file stem) opens."""
        return self.references[KIND_OF_DOCUMENT.get(document, "phu_luc")]


@cache
def shipped_wording() -> Wording:
    """The wording shipped in exports/, for documents built without an export's templates (previews, tests)."""
    return load_templates().wording


def wording_of(settings: object) -> Wording:
    """The wording a document's settings carry, else the shipped one."""
    wording = getattr(settings, "wording", None)
    return wording if isinstance(wording, Wording) else shipped_wording()


def find(name: str, folders: Sequence[Path]) -> Path:
    """The first folder's file of this name; the shipped folder always has it."""
    for folder in folders:
        if (folder / name).is_file():
            return folder / name
    return SHIPPED_DIR / name


def load_templates(folders: Sequence[Path] = (SHIPPED_DIR,)) -> Templates:
    """Read and check every template; TemplateDamaged names the first file that cannot be used."""
    references = {kind: check_reference(find(f"{kind}.docx", folders)) for kind in KINDS}
    data = {kind: _yaml(find(f"{kind}.yaml", folders)) for kind in KINDS}
    return Templates(references, _wording(data, folders))


def check_reference(path: Path) -> Path:
    """The reference document if python-docx can open it and it holds every style the writer names."""
    try:
        with zipfile.ZipFile(path) as package:
            styles = package.read("word/styles.xml").decode("utf-8")
            package.read("word/document.xml")
    except FileNotFoundError:
        raise TemplateDamaged(MISSING, path=str(path)) from None
    except (zipfile.BadZipFile, KeyError, UnicodeDecodeError, OSError) as error:
        raise TemplateDamaged(NOT_WORD, path=str(path), detail=str(error)) from None
    names = set(re.findall(r'<w:name w:val="([^"]+)"', styles))
    missing = [name for name in REQUIRED_STYLES if name not in names]
    if missing:
        raise TemplateDamaged(NO_STYLE, path=str(path), style=missing[0])
    return path


def _yaml(path: Path) -> Mapping[str, Any]:
    try:
        with path.open(encoding="utf-8") as stream:
            data = yaml.safe_load(stream)
    except FileNotFoundError:
        raise TemplateDamaged(MISSING, path=str(path)) from None
    except (yaml.YAMLError, UnicodeDecodeError, OSError) as error:
        raise TemplateDamaged(NOT_YAML, path=str(path), detail=" ".join(str(error).split())) from None
    if not isinstance(data, Mapping):
        raise TemplateDamaged(NOT_FIELDS, path=str(path))
    return data


def _text(data: Mapping[str, Any], key: str, path: Path, fields: Sequence[str] = (), empty: bool = False) -> str:
    value = data.get(key)
    if not isinstance(value, str) or (not empty and not value.strip()):
        raise TemplateDamaged(NOT_TEXT, path=str(path), name=key)
    for name in re.findall(r"{([^}]*)}", value):
        if name not in fields:
            allowed = ", ".join("{" + f + "}" for f in fields) or "—"
            raise TemplateDamaged(
                UNKNOWN_PLACE, path=str(path), name=key, placeholder="{" + name + "}", allowed=allowed
            )
    return value


def _lines(data: Mapping[str, Any], key: str, path: Path, fields: Sequence[str] = ()) -> tuple[str, ...]:
    value = data.get(key)
    if not isinstance(value, list) or not value or not all(isinstance(line, str) and line.strip() for line in value):
        raise TemplateDamaged(NOT_LINES, path=str(path), name=key)
    return tuple(_text({key: line}, key, path, fields) for line in value)


def _wording(data: Mapping[str, Mapping[str, Any]], folders: Sequence[Path]) -> Wording:
    letter, scheme = find("to_trinh.yaml", folders), find("de_an.yaml", folders)
    appendix, register = find("phu_luc.yaml", folders), find("bang_tong_hop_y_kien.yaml", folders)
    heads_data = data["phu_luc"].get("headings")
    if not isinstance(heads_data, Mapping):
        raise TemplateDamaged(NOT_FIELDS, path=str(appendix))
    heads: dict[str, tuple[str, str]] = {}
    for stem in APPENDICES:
        entry = heads_data.get(stem)
        if not isinstance(entry, Mapping):
            raise TemplateDamaged(NO_HEADING, path=str(appendix), appendix=stem)
        heads[stem] = (_text(entry, "label", appendix), _text(entry, "title", appendix))
    return Wording(
        letter_subject=_text(data["to_trinh"], "subject", letter, ("project",)),
        letter_addressees=_lines(data["to_trinh"], "addressees", letter, ("decided_by",)),
        letter_recipients=_lines(data["to_trinh"], "recipients", letter),
        collective_line=_text(data["to_trinh"], "collective_line", letter, ("collective",), empty=True),
        scheme_subject=_text(data["de_an"], "subject", scheme, ("project",)),
        appendix_heads=heads,
        register_subject=_text(data["bang_tong_hop_y_kien"], "subject", register, ("project",)),
        register_recipients=_lines(data["bang_tong_hop_y_kien"], "recipients", register),
    )
