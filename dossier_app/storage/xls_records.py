"""The records of an Excel 97–2003 workbook (.xls) that its cell values do not show: formulas, error cells, merges.

calamine reads an .xls's cells but gives a formula's cached value as if typed, and python-calamine (0.9) has no
formula API; so the BIFF records are read here, from the workbook stream of the OLE2 compound file: every
formula cell has a FORMULA record (shared, array and table formulas too), an error typed as a value is a BOOLERR
record with its error flag, merged ranges are MERGECELLS records. A formula's tokens are not decoded, except to
tell the constants TRUE and FALSE and an error value alone, which LibreOffice writes for a boolean or a typed
error (#N/A); so a formula is shown by its cached value, not its text. BIFF8 (Excel 97–2003) and BIFF5
(Excel 5/95) are read; older files and password-protected ones are refused as unreadable."""

import array
import codecs
import struct
import sys
from collections.abc import Iterator
from pathlib import Path

from dossier_app.storage.workbook_scans import ERROR_CODES, Mark, SheetMarks, cell_range

_SIGNATURE = bytes.fromhex("D0CF11E0A1B11AE1")
_LAST_SECTOR = 0xFFFFFFFA  # numbers from here on end a chain (end of chain, free, FAT and DIFAT sectors)
_BOF, _EOF, _FILEPASS, _CODEPAGE, _BOUNDSHEET = 0x0809, 0x000A, 0x002F, 0x0042, 0x0085
_FORMULA, _BOOLERR, _MERGECELLS = 0x0006, 0x0205, 0x00E5
# A formula that is only the constant TRUE or FALSE (LibreOffice writes a boolean so): a token ptgBool, or the
# function TRUE() or FALSE() called as ptgFunc in any of its three classes.
_CONSTANTS = {b"\x1d\x01": "true", b"\x1d\x00": "false"}
for _ptg in (0x21, 0x41, 0x61):
    _CONSTANTS |= {bytes((_ptg, 34, 0)): "true", bytes((_ptg, 35, 0)): "false"}
_ERRORS = dict(zip((0x00, 0x07, 0x0F, 0x17, 0x1D, 0x24, 0x2A), ERROR_CODES, strict=True))
_PTG_ERR = 0x1C  # a formula that is only an error value (LibreOffice saves a typed #N/A so): an error cell


def _numbers(data: bytes) -> "array.array[int]":
    """Little-endian 32-bit sector numbers."""
    table = array.array("I", data[: len(data) - len(data) % 4])
    if sys.byteorder == "big":
        table.byteswap()
    return table


def workbook_stream(data: bytes) -> bytes:
    """The `Workbook` (BIFF8) or `Book` (BIFF5) stream of an OLE2 compound file; ValueError if there is none."""
    if len(data) < 512 or not data.startswith(_SIGNATURE):
        raise ValueError("not an OLE2 compound file")
    shift, mini_shift = struct.unpack_from("<HH", data, 0x1E)
    if shift not in (9, 12) or mini_shift != 6:
        raise ValueError("unknown sector size")
    size = 1 << shift
    fats, directory, _, cutoff, minifat, minifats, difat, difats = struct.unpack_from("<8I", data, 0x2C)
    count = len(data) // size - 1
    if difats > count or fats > count:  # more than the file holds: a broken (or hostile) header
        raise ValueError("a header counting more sectors than the file holds")

    def sector(number: int) -> bytes:
        if number >= count:
            raise ValueError("a sector past the end of the file")
        return data[(number + 1) * size : (number + 2) * size]

    fat_sectors = list(_numbers(data[0x4C:0x200]))
    for _ in range(difats):  # the FAT sectors past the header's 109 are listed in a chain of DIFAT sectors
        block = _numbers(sector(difat))
        fat_sectors.extend(block[:-1])
        difat = block[-1]
    fat = _numbers(b"".join(sector(n) for n in fat_sectors[:fats]))

    def chain(start: int, table: "array.array[int]") -> list[int]:
        found: list[int] = []
        while start < _LAST_SECTOR:
            if len(found) > len(table) or start >= len(table):
                raise ValueError("a broken sector chain")
            found.append(start)
            start = table[start]
        return found

    entries = b"".join(sector(n) for n in chain(directory, fat))
    root_start = struct.unpack_from("<I", entries, 0x74)[0]
    for offset in range(0, len(entries) - 127, 128):
        length = struct.unpack_from("<H", entries, offset + 0x40)[0]
        name = entries[offset : offset + max(0, min(length, 64) - 2)].decode("utf-16-le", "replace")
        if entries[offset + 0x42] != 2 or name.casefold() not in ("workbook", "book"):
            continue
        start, stream_size = struct.unpack_from("<II", entries, offset + 0x74)
        if stream_size >= cutoff:
            return b"".join(sector(n) for n in chain(start, fat))[:stream_size]
        mini_stream = b"".join(sector(n) for n in chain(root_start, fat))
        mini_fat = _numbers(b"".join(sector(n) for n in chain(minifat, fat)[:minifats]))
        return b"".join(mini_stream[n * 64 : n * 64 + 64] for n in chain(start, mini_fat))[:stream_size]
    raise ValueError("no workbook stream")


def _records(stream: bytes, position: int) -> Iterator[tuple[int, int, int]]:
    """(depth, kind, where its body starts) for each record of the substream at `position`, from its BOF to its
    EOF; the records of a substream nested in it (a chart's) come at depth 2."""
    depth = 0
    while position + 4 <= len(stream):
        kind, length = struct.unpack_from("<HH", stream, position)
        if depth == 0 and kind != _BOF:
            raise ValueError("a substream that does not start with BOF")
        depth += kind == _BOF
        yield depth, kind, position + 4
        if kind == _EOF:
            depth -= 1
            if depth == 0:
                return
        position += 4 + length
    raise ValueError("a substream without its EOF")


def _sheet_name(stream: bytes, body: int, biff8: bool, codepage: str) -> str:
    length = stream[body + 6]
    if not biff8:
        return stream[body + 7 : body + 7 + length].decode(codepage, "replace")
    if stream[body + 7] & 1:  # two bytes per character
        return stream[body + 8 : body + 8 + 2 * length].decode("utf-16-le", "replace")
    return stream[body + 8 : body + 8 + length].decode("latin-1")


def _sheet_marks(stream: bytes, position: int) -> SheetMarks:
    marks = SheetMarks()
    for depth, kind, body in _records(stream, position):
        if depth != 1:
            continue  # a chart's own records
        if kind == _FORMULA:
            row, column = struct.unpack_from("<HH", stream, body)
            tokens = stream[body + 22 : body + 22 + struct.unpack_from("<H", stream, body + 20)[0]]
            cached_error = stream[body + 12 : body + 14] == b"\xff\xff" and stream[body + 6] == 2
            value = _ERRORS.get(stream[body + 8], "#?") if cached_error else ""  # an error result shows its code
            if len(tokens) == 2 and tokens[0] == _PTG_ERR:  # the cached code: LibreOffice writes #N/A's token
                marks.marks.append(Mark(row + 1, column, "error", value or _ERRORS.get(tokens[1], "#?")))
            else:
                marks.marks.append(Mark(row + 1, column, _CONSTANTS.get(tokens, "formula"), value))
        elif kind == _BOOLERR and stream[body + 7] == 1:
            row, column = struct.unpack_from("<HH", stream, body)
            marks.marks.append(Mark(row + 1, column, "error", _ERRORS.get(stream[body + 6], "#?")))
        elif kind == _MERGECELLS:
            for index in range(struct.unpack_from("<H", stream, body)[0]):
                first, last, left, right = struct.unpack_from("<4H", stream, body + 2 + 8 * index)
                marks.merged.append(cell_range(first + 1, left, last - first + 1, right - left + 1))
    return marks


def scan_xls(path: Path) -> dict[str, SheetMarks]:
    """Each worksheet of an .xls with its formula cells, error cells and merged ranges (ValueError, struct.error
    or IndexError for a file that is not a readable one)."""
    stream = workbook_stream(path.read_bytes())
    version = struct.unpack_from("<H", stream, 4)[0]
    if version not in (0x0500, 0x0600):
        raise ValueError("an Excel version before 5.0")
    codepage = "cp1252"
    places: list[tuple[str, int]] = []
    for _, kind, body in _records(stream, 0):
        if kind == _FILEPASS:
            raise ValueError("protected by a password")
        if kind == _CODEPAGE:
            codepage = _codec(struct.unpack_from("<H", stream, body)[0])
        elif kind == _BOUNDSHEET and stream[body + 5] == 0:  # a worksheet (or dialog sheet), not a chart or macros
            name = _sheet_name(stream, body, version == 0x0600, codepage)
            places.append((name, struct.unpack_from("<I", stream, body)[0]))
    return {name: _sheet_marks(stream, position) for name, position in places}


def _codec(codepage: int) -> str:
    """The Python codec of a BIFF5 code page (Windows code pages; others read as Windows-1252)."""
    try:
        return codecs.lookup(f"cp{codepage}").name
    except LookupError:
        return "cp1252"
