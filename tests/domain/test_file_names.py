"""safe_file_name: hostile names become one harmless path component, the same on every system."""

from pathlib import PurePosixPath, PureWindowsPath

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dossier_app.domain.file_names import MAX_NAME_BYTES, WINDOWS_RESERVED, safe_file_name

HOSTILE = [
    "../../../etc/passwd",
    "..\\..\\Windows\\System32\\drivers\\etc\\hosts",
    "báo cáo\x00.pdf",
    "bản\x07đồ\x1b[31m.png\r\n",
    "a" * 300 + ".docx",
    "Quyết định phê duyệt " * 20 + ".pdf",
    "CON",
    "con.txt",
    "LPT1.pdf",
    "aux.tar.gz",
    "  .hidden  ",
    "..",
    ".",
    "",
    "\u202egpj.exe",
    'tờ "trình" <bản> nháp|2?*.docx',
    "/absolute/path.pdf",
    "C:\\Users\\x\\file.pdf",
]


@pytest.mark.parametrize("name", HOSTILE)
def test_hostile_names_stay_in_their_folder(name: str) -> None:
    safe = safe_file_name(name)
    assert safe and safe not in (".", "..")
    assert "/" not in safe and "\\" not in safe and "\x00" not in safe
    assert all(ch.isprintable() for ch in safe)
    assert len(safe.encode("utf-8")) <= MAX_NAME_BYTES
    assert safe.split(".")[0].upper() not in WINDOWS_RESERVED
    assert not safe.endswith((".", " ")) and not safe.startswith((".", " "))
    for pure in (PurePosixPath, PureWindowsPath):
        joined = pure("export") / safe
        assert joined.parent == pure("export") and joined.name == safe


def test_ordinary_vietnamese_names_are_kept() -> None:
    assert safe_file_name("Bản đồ quy hoạch 1-2000.pdf") == "Bản đồ quy hoạch 1-2000.pdf"
    assert safe_file_name("Quyết định số 12/QĐ-UBND.pdf") == "Quyết định số 12_QĐ-UBND.pdf"


def test_long_names_keep_their_extension() -> None:
    safe = safe_file_name("ả" * 300 + ".docx")
    assert safe.endswith(".docx") and len(safe.encode("utf-8")) <= MAX_NAME_BYTES


def test_reserved_device_names_are_prefixed() -> None:
    assert safe_file_name("CON") == "_CON"
    assert safe_file_name("nul.txt") == "_nul.txt"
    assert safe_file_name("console.txt") == "console.txt"


@given(st.text(max_size=400))
def test_any_name_is_safe_and_idempotent(name: str) -> None:
    safe = safe_file_name(name)
    assert safe_file_name(safe) == safe
    assert safe and "/" not in safe and "\\" not in safe and safe not in (".", "..")
    assert len(safe.encode("utf-8")) <= MAX_NAME_BYTES
    assert safe.split(".")[0].upper() not in WINDOWS_RESERVED
