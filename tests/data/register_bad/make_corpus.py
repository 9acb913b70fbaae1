"""Rebuild the corpus of bad register files here, byte for byte: `python tests/data/register_bad/make_corpus.py`.

Each file breaks the register's import in one documented way (issue 4, "Bad input"); tests/services/
test_register_bad_corpus.py imports every one (dry run and real import) and checks the report and that nothing was
written. Workbooks are written here as minimal SpreadsheetML packages (inline strings, fixed zip timestamps), not with
openpyxl, so the bytes never change between runs and the million-row sheet stays a few kilobytes: its XML repeats one
tiny row, which deflate squeezes about a thousand to one.
"""

import random
import sys
import zipfile
from collections.abc import Iterable, Sequence
from pathlib import Path
from xml.sax.saxutils import escape

HERE = Path(__file__).resolve().parent
_STAMP = (2026, 3, 2, 0, 0, 0)
_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PKG = "http://schemas.openxmlformats.org/package/2006/relationships"
_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'

PARTY_HEADERS = [
    "Mã hộ", "Loại đối tượng", "Họ và tên / Tên tổ chức", "Số CCCD", "Địa chỉ", "Phường/xã", "Số nhân khẩu",
    "Ngày thông báo thu hồi",
]  # fmt: skip
PARCEL_HEADERS = [
    "Mã hộ", "Tờ bản đồ số", "Thửa số", "Phường/xã của thửa", "Diện tích thửa (m²)", "Diện tích thu hồi (m²)",
    "Loại đất", "Đồng sử dụng",
]  # fmt: skip
CSV_HEADERS = PARTY_HEADERS + PARCEL_HEADERS[1:]
MILLION = 1_000_000

Cell = str | int | float | None | tuple[str, str]  # ("=", "2+2") is a formula
Row = Sequence[Cell]


def party(code: str, citizen_id: str, name: str = "Nguyễn Văn An", size: Cell = 4) -> list[Cell]:
    """A party row of the parties sheet, valid unless the arguments say otherwise."""
    return [code, "hộ gia đình", name, citizen_id, "Khu vực Thạnh Lợi", "Phường Hưng Thạnh", size, "01/03/2026"]


def parcel(code: str, sheet: str, number: str, total: Cell = 1000, recovered: Cell = 500, land: str = "LUC",
           co_used: str = "không") -> list[Cell]:  # fmt: skip
    """A parcel row of the parcels sheet, valid unless the arguments say otherwise."""
    return [code, sheet, number, "Phường Hưng Thạnh", total, recovered, land, co_used]


def _column(index: int) -> str:
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def _cell(ref: str, value: Cell) -> str:
    where = f' r="{ref}"' if ref else ""
    if value is None:
        return ""
    if isinstance(value, tuple):
        return f"<c{where}><f>{escape(value[1])}</f><v>4</v></c>"
    if isinstance(value, int | float):
        return f"<c{where}><v>{value}</v></c>"
    return f'<c{where} t="inlineStr"><is><t>{escape(value)}</t></is></c>'


def _sheet_xml(rows: Iterable[Row], merges: Sequence[str] = (), dimension: str = "") -> Iterable[str]:
    yield f'{_HEAD}<worksheet xmlns="{_MAIN}">'
    if dimension:
        yield f'<dimension ref="{dimension}"/>'
    yield "<sheetData>"
    for number, row in enumerate(rows, start=1):
        cells = "".join(_cell(f"{_column(i)}{number}", v) for i, v in enumerate(row))
        yield f'<row r="{number}">{cells}</row>'
    yield "</sheetData>"
    if merges:
        cells = "".join(f'<mergeCell ref="{m}"/>' for m in merges)
        yield f'<mergeCells count="{len(merges)}">{cells}</mergeCells>'
    yield "</worksheet>"


def _write(book: zipfile.ZipFile, name: str, parts: Iterable[str]) -> None:
    info = zipfile.ZipInfo(name, _STAMP)
    info.compress_type = zipfile.ZIP_DEFLATED
    with book.open(info, "w") as stream:
        for part in parts:
            stream.write(part.encode("utf-8"))


def write_xlsx(path: Path, sheets: Sequence[tuple[str, Iterable[str]]]) -> None:
    """A minimal workbook: content types, relationships, the workbook and one XML part per sheet."""
    overrides = "".join(
        f'<Override PartName="/xl/worksheets/sheet{i}.xml" '
        'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
        for i in range(1, len(sheets) + 1)
    )
    types = (
        f'{_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/xl/workbook.xml" '
        'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
        f"{overrides}</Types>"
    )
    package_rels = (
        f'{_HEAD}<Relationships xmlns="{_PKG}"><Relationship Id="rId1" '
        f'Type="{_REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>'
    )
    entries = "".join(
        f'<sheet name="{escape(title)}" sheetId="{i}" r:id="rId{i}"/>' for i, (title, _) in enumerate(sheets, 1)
    )
    workbook = f'{_HEAD}<workbook xmlns="{_MAIN}" xmlns:r="{_REL}"><sheets>{entries}</sheets></workbook>'
    links = "".join(
        f'<Relationship Id="rId{i}" Type="{_REL}/worksheet" Target="worksheets/sheet{i}.xml"/>'
        for i in range(1, len(sheets) + 1)
    )
    workbook_rels = f'{_HEAD}<Relationships xmlns="{_PKG}">{links}</Relationships>'
    with zipfile.ZipFile(path, "w") as book:
        _write(book, "[Content_Types].xml", [types])
        _write(book, "_rels/.rels", [package_rels])
        _write(book, "xl/workbook.xml", [workbook])
        _write(book, "xl/_rels/workbook.xml.rels", [workbook_rels])
        for i, (_, xml) in enumerate(sheets, 1):
            _write(book, f"xl/worksheets/sheet{i}.xml", xml)


def register(path: Path, parties: Sequence[Row], parcels: Sequence[Row] | None = None, **options: object) -> None:
    """A register workbook: the parties sheet (headers from `party_headers`) and, if given, the parcels sheet."""
    headers = options.get("party_headers", PARTY_HEADERS)
    merges = options.get("merges", ())
    sheets = [("Hộ bị ảnh hưởng", _sheet_xml([headers, *parties], merges))]  # type: ignore[list-item]
    if parcels is not None:
        sheets.append(("Thửa đất", _sheet_xml([PARCEL_HEADERS, *parcels])))
    write_xlsx(path, sheets)


def csv_text(rows: Sequence[Sequence[object]], separator: str = ";") -> str:
    """A CSV table, CRLF line ends as Excel writes them."""
    return "".join(separator.join("" if v is None else str(v) for v in row) + "\r\n" for row in rows)


def _million_rows() -> Iterable[str]:
    """A sheet that declares and holds a header and a million rows; cells carry no reference, rows repeat."""
    yield f'{_HEAD}<worksheet xmlns="{_MAIN}"><dimension ref="A1:B{MILLION + 1}"/><sheetData>'
    yield '<row><c t="inlineStr"><is><t>Mã hộ</t></is></c><c t="inlineStr"><is><t>Họ và tên</t></is></c></row>'
    chunk = "<row><c><v>1</v></c><c><v>2</v></c></row>" * 10_000
    for _ in range(MILLION // 10_000):
        yield chunk
    yield "</sheetData></worksheet>"


def build(folder: Path = HERE) -> list[Path]:
    """Write every file of the corpus into `folder`; returns their paths."""
    folder.mkdir(parents=True, exist_ok=True)
    out: list[Path] = []

    def path(name: str) -> Path:
        out.append(folder / name)
        return folder / name

    register(
        path("wrong_headers.xlsx"),
        [["HT-1", "hộ gia đình", "Lê Văn Bình", "092085000001", "", "", 3, "01/03/2026", "xem lại"]],
        party_headers=["Mã", *PARTY_HEADERS[1:], "Ghi chú"],
    )
    headers = [h for h in CSV_HEADERS if h != "Họ và tên / Tên tổ chức"]
    row = ["HT-1", "hộ gia đình", "092085000001", "", "Phường Hưng Thạnh", 3, "01/03/2026", "12", "1", "",
           1000, 500, "LUC", "không"]  # fmt: skip
    path("missing_headers.csv").write_text(csv_text([headers, row]), encoding="utf-8")
    register(
        path("text_in_numbers.xlsx"),
        [party("HT-1", "092085000001", size="bốn người")],
        [parcel("HT-1", "12", "1", total="một nghìn"), parcel("HT-1", "12", "2", recovered="khoảng 300")],
    )
    rows = [CSV_HEADERS, party("HT-1", "0920850000012") + parcel("HT-1", "12", "1")[1:]]
    path("citizen_id_13_digits.csv").write_bytes(b"\xef\xbb\xbf" + csv_text(rows).encode("utf-8"))
    register(
        path("recovered_above_total.xlsx"),
        [party("HT-1", "092085000001")],
        [parcel("HT-1", "12", "1", total=1000, recovered=1250.5)],
    )
    rows = [CSV_HEADERS, party("HT-1", "092085000001") + parcel("HT-1", "12", "1", land="XYZ")[1:]]
    path("unknown_land_use.csv").write_bytes(csv_text(rows).encode("utf-16"))
    register(
        path("duplicate_parcels.xlsx"),
        [party("HT-1", "092085000001"), party("HT-2", "092085000002"), party("HT-3", "092085000003")],
        [
            parcel("HT-1", "12", "7"),
            parcel("HT-2", "12", "7"),  # the same parcel, not declared as co-used
            parcel("HT-3", "12", "9", co_used="có"),
            parcel("HT-1", "12", "9", co_used="có", recovered=100),  # co-users that disagree on the areas
        ],
    )
    path("empty.csv").write_bytes(b"")
    path("empty.xlsx").write_bytes(b"")
    japanese = csv_text([["コード", "氏名", "住所"], ["HT-1", "山田太郎", "東京都千代田区"]], ",")
    path("shift_jis.csv").write_bytes(japanese.encode("shift_jis"))
    rng = random.Random(20260302)
    path("binary_blob.csv").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + rng.randbytes(4096))
    utf16 = csv_text([CSV_HEADERS, party("HT-1", "092085000001") + parcel("HT-1", "12", "1")[1:]])
    path("utf16_without_bom.csv").write_bytes(utf16.encode("utf-16-le"))  # decodes as UTF-8, full of NULs
    register(path("formulas.xlsx"), [party("HT-1", "092085000001", size=("=", "2+2")), party("HT-2", "092085000002")])
    register(
        path("merged_cells.xlsx"),
        [party("HT-1", "092085000001"), party("HT-2", "092085000002")],
        merges=("E2:F2", "A3:A4"),
    )
    path("not_a_workbook.xlsx").write_bytes("Đây không phải là sổ Excel.\r\nMã hộ;Họ và tên\r\n".encode())
    write_xlsx(path("million_rows.xlsx"), [("Hộ bị ảnh hưởng", _million_rows())])
    return out


if __name__ == "__main__":
    for written in build(Path(sys.argv[1]) if len(sys.argv) > 1 else HERE):
        print(f"{written.stat().st_size:>9}  {written.name}")
