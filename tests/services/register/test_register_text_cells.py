"""No formula ever comes out of our workbooks: every text is written as a text cell and reads back unchanged."""

import zipfile
from dataclasses import replace
from pathlib import Path
from xml.etree import ElementTree

import pytest

from dossier_app.domain.register import AssetInput, CompensationInput, PartyInput
from dossier_app.services import Services
from dossier_app.services.dossier.projects import ProjectView
from dossier_app.services.register.register_workbooks import write_export, write_template
from dossier_app.storage.resources import load_asset_kinds
from tests.services.register_support import parcel, party

MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
# Each value fits the shortest of the nine columns it is written to (a unit: 20 characters; PostgreSQL enforces it).
LINK = '=HYPERLINK("e.vn")'
# OWASP's first characters that make a spreadsheet program read a cell as a formula, each with a payload.
VALUES = {
    "equals": LINK,
    "plus": "+" + LINK[1:],
    "minus": "-2+3+cmd|'/C c'!A0",
    "at": "@SUM(1+9)*cmd|'!A0",
    "tab": "\t" + LINK,
    "carriage_return": "\r" + LINK,
}


def _cells(path: Path) -> list[tuple[str, str, str, bool]]:
    """Every worksheet cell as (sheet: reference, type, text, has a formula element), read from the saved XML."""
    found = []
    with zipfile.ZipFile(path) as archive:
        shared = []
        if "xl/sharedStrings.xml" in archive.namelist():
            root = ElementTree.fromstring(archive.read("xl/sharedStrings.xml"))
            shared = ["".join(t.text or "" for t in item.iter(f"{MAIN}t")) for item in root.iter(f"{MAIN}si")]
        sheets = sorted(n for n in archive.namelist() if n.startswith("xl/worksheets/sheet"))
        assert sheets
        for name in sheets:
            for cell in ElementTree.fromstring(archive.read(name)).iter(f"{MAIN}c"):
                kind = cell.get("t", "n")
                if kind == "inlineStr":
                    text = "".join(t.text or "" for t in cell.iter(f"{MAIN}t"))
                elif kind == "s":
                    text = shared[int(cell.findtext(f"{MAIN}v") or "0")]
                else:
                    text = cell.findtext(f"{MAIN}v") or ""
                where = f"{name.rsplit('/', 1)[1]}: {cell.get('r', '')}"
                found.append((where, kind, text, cell.find(f"{MAIN}f") is not None))
    return found


def _retext(data: PartyInput, text: str) -> PartyInput:
    """The party with its nine free texts (name, address, resettlement site and lot, parcel certificate and
    origin, asset description, line description and unit) all set to `text`."""
    assert data.resettlement is not None
    (land,), (asset,), (line,) = data.parcels, data.assets, data.compensation
    return replace(
        data,
        name=text,
        address=text,
        parcels=(replace(land, origin=text, certificate_no=text),),
        assets=(replace(asset, description=text),),
        compensation=(replace(line, description=text, unit=text),),
        resettlement=replace(data.resettlement, site=text, lot_no=text),
    )


def _with_texts(value: str, number: int = 1) -> PartyInput:
    line = CompensationInput(kind="support", description="", amount_vnd=1_000_000)
    data = party(f"HT-00{number}", citizen_id=f"09208500000{number}", parcels=(parcel("12", str(number)),))
    return _retext(replace(data, assets=(AssetInput("tree", "", count=3),), compensation=(line,)), value)


@pytest.mark.parametrize("value", VALUES.values(), ids=VALUES.keys())
def test_a_text_starting_like_a_formula_is_written_as_a_text_cell(tmp_path: Path, value: str) -> None:
    from python_calamine import CalamineWorkbook

    path = tmp_path / "export.xlsx"
    write_export(path, [_with_texts(value)], load_asset_kinds())
    cells = _cells(path)
    assert [where for where, *_, formula in cells if formula] == []
    written = [(where, kind) for where, kind, text, _ in cells if text == value]
    assert len(written) == 9 and {kind for _, kind in written} == {"inlineStr"}, written
    with CalamineWorkbook.from_path(str(path)) as book:  # the very text, tab or carriage return first included
        read = [v for name in book.sheet_names for row in book.get_sheet_by_name(name).iter_rows() for v in row]
    assert read.count(value) == 9


@pytest.mark.parametrize("value", VALUES.values(), ids=VALUES.keys())
def test_export_then_import_gives_such_texts_back(
    services: Services, itp: ProjectView, htp: ProjectView, tmp_path: Path, value: str
) -> None:
    services.register.add_party(itp.id, _with_texts(value))
    services.register.add_party(itp.id, _with_texts("#N/A", 2))  # openpyxl's error words are texts too
    path = tmp_path / "export.xlsx"
    services.register_io.export(itp.id, path)
    assert [where for where, *_, formula in _cells(path) if formula] == []
    assert not [cell for cell in _cells(path) if cell[1] == "e"]
    report = services.register_io.import_file(htp.id, path)
    assert report.ok and report.parties == 2
    original = [d.data for d in services.register.details(itp.id)]
    copied = [d.data for d in services.register.details(htp.id)]
    # The text comes back as it was; a tab or carriage return first is trimmed, as around every imported cell.
    assert copied == [_retext(original[0], value.strip()), original[1]]
    assert copied[0].name == value.strip() and copied[1].name == "#N/A"


def test_the_template_writes_catalogue_entries_as_text(tmp_path: Path) -> None:
    # Wards, land-use names and grades come from catalogues the office edits: any of them may start with `=`.
    path = tmp_path / "template.xlsx"
    kinds = load_asset_kinds()
    write_template(path, {"LUC": VALUES["equals"], "ODT": VALUES["plus"]}, [VALUES["at"], VALUES["tab"]], kinds, ["-1"])
    cells = _cells(path)
    assert [where for where, *_, formula in cells if formula] == []
    texts = {text: kind for _, kind, text, _ in cells}
    written = (VALUES["equals"], VALUES["plus"], VALUES["at"], VALUES["tab"], "-1")
    assert {texts[v] for v in written} <= {"s", "inlineStr"}


def test_escapes_and_control_characters_read_back_as_written(
    services: Services, itp: ProjectView, htp: ProjectView, tmp_path: Path
) -> None:
    # `_x000D_` is how OOXML writes a carriage return: a literal one is escaped so it does not become one;
    # a control character (which XML cannot hold, and openpyxl refuses) is written as such an escape.
    for number, value in enumerate(("Tờ_x000D_số 5", "Bản đồ\x01cũ", "_x005F_"), start=1):
        services.register.add_party(itp.id, _with_texts(value, number))
    path = tmp_path / "export.xlsx"
    services.register_io.export(itp.id, path)
    services.register_io.import_file(htp.id, path)
    copied = [d.data for d in services.register.details(htp.id)]
    assert copied == [d.data for d in services.register.details(itp.id)]
    assert [c.name for c in copied] == ["Tờ_x000D_số 5", "Bản đồ\x01cũ", "_x005F_"]
