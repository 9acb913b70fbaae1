"""Hostile zips never make `package verify` write outside its folder or crash: every trick entry fails the check
naming the entry; exported attachments with hostile names land inside the package under safe names."""

import io
import json
import stat
import struct
import zipfile
from pathlib import Path

import pytest

from dossier_app.domain.errors import PackageUnreadable
from dossier_app.services import Services
from dossier_app.services.export.exports import ExportOptions
from dossier_app.services.export.packages import MANIFEST, sha256_bytes, verify_package
from tests.domain.test_file_names import HOSTILE

GOOD = b"%PDF-1.4 a real document"


def _manifest(files: dict[str, bytes]) -> bytes:
    listed = [{"path": name, "sha256": sha256_bytes(data), "size": len(data)} for name, data in files.items()]
    return json.dumps({"files": listed}).encode()


def _zip(target: Path, entries: list[tuple[zipfile.ZipInfo | str, bytes]]) -> Path:
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(f"PKG/{MANIFEST}", _manifest({"tt.pdf": GOOD}))
        archive.writestr("PKG/tt.pdf", GOOD)
        for info, data in entries:
            archive.writestr(info, data)
    return target


def _symlink(name: str) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name)
    info.external_attr = (stat.S_IFLNK | 0o777) << 16
    return info


def _listing(root: Path) -> list[str]:
    return sorted(str(p.relative_to(root)) for p in root.rglob("*"))


@pytest.fixture
def box(tmp_path: Path) -> Path:
    """The folder holding the zip, inside a parent whose listing must not change."""
    folder = tmp_path / "inbox"
    folder.mkdir()
    (tmp_path / "neighbour.txt").write_text("untouched")
    return folder


HOSTILE_ENTRIES = {
    "../evil.txt": "unsafe path",
    "PKG/../../evil.txt": "unsafe path",
    "/etc/cron.d/evil": "unsafe path",
    "\\Windows\\evil.txt": "unsafe path",
    "C:/evil.txt": "unsafe path",
    "PKG/tt.pdf": "duplicate entry",
}


@pytest.mark.filterwarnings("ignore:Duplicate name")
@pytest.mark.parametrize(("name", "reason"), HOSTILE_ENTRIES.items())
def test_hostile_entry_fails_verify_naming_it_and_writes_nothing(box: Path, name: str, reason: str) -> None:
    package = _zip(box / "pkg.zip", [(name, b"evil")])
    before = _listing(box.parent)
    check = verify_package(package)
    assert not check.ok and check.first_bad == name and reason in check.reason
    assert _listing(box.parent) == before


def test_symlink_entry_fails_verify(box: Path) -> None:
    package = _zip(box / "pkg.zip", [(_symlink("PKG/attachments/link"), b"/etc/passwd")])
    before = _listing(box.parent)
    check = verify_package(package)
    assert not check.ok and check.first_bad == "PKG/attachments/link" and "symbolic link" in check.reason
    assert _listing(box.parent) == before


def test_an_entry_declaring_a_huge_size_is_refused_unread(box: Path) -> None:
    package = _zip(box / "pkg.zip", [("PKG/bomb.bin", b"\0" * 4096)])
    data = bytearray(package.read_bytes())
    central = data.rfind(b"PK\x01\x02")  # the last central directory record: bomb.bin's
    struct.pack_into("<I", data, central + 24, 0xFFFFFFFF)  # its declared uncompressed size
    package.write_bytes(bytes(data))
    check = verify_package(package)
    assert not check.ok and check.first_bad == "PKG/bomb.bin" and "bytes" in check.reason


def test_a_highly_compressed_entry_over_the_limit_is_refused(box: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("dossier_app.services.export.packages.MAX_ENTRY_BYTES", 1_000_000)
    package = _zip(box / "pkg.zip", [("PKG/zeros.bin", b"\0" * 5_000_000)])
    assert package.stat().st_size < 100_000
    check = verify_package(package)
    assert not check.ok and check.first_bad == "PKG/zeros.bin"


@pytest.mark.parametrize(
    "manifest", [b"[]", b'{"files": "x"}', b'{"files": [1]}', b'{"files": [{"path": "a", "size": "x"}]}', b"\xff"]
)
def test_a_malformed_manifest_is_unreadable_not_a_crash(box: Path, manifest: bytes) -> None:
    package = box / "pkg.zip"
    with zipfile.ZipFile(package, "w") as archive:
        archive.writestr(MANIFEST, manifest)
    with pytest.raises(PackageUnreadable):
        verify_package(package)


def test_garbage_and_truncated_zips_are_unreadable(box: Path) -> None:
    good = _zip(box / "good.zip", []).read_bytes()
    assert verify_package(box / "good.zip").ok
    for name, data in (("garbage.zip", b"PK\x03\x04 not a zip"), ("cut.zip", good[: len(good) // 2])):
        (box / name).write_bytes(data)
        with pytest.raises(PackageUnreadable):
            verify_package(box / name)


def test_hostile_attachment_names_are_exported_inside_the_package(demo_services: Services, tmp_path: Path) -> None:
    project = demo_services.projects.by_code("CT-HTP")
    section = demo_services.dossiers.section_by_key(project.id, "tt.kien_nghi")
    source = tmp_path / "evidence.pdf"
    names = [*HOSTILE, "../../evil.txt", "CON.txt"]
    for number, name in enumerate(names):
        source.write_bytes(f"%PDF-1.4 attachment {number}".encode())  # distinct contents: every one is copied
        demo_services.attachments.add(section.id, source, name=name)
    out = tmp_path / "out"
    result = demo_services.exports.export("CT-HTP", out, ExportOptions(draft=True, formats=("docx",), zip_package=True))
    assert sorted(p.name for p in out.iterdir()) == sorted([result.folder.name, f"{result.folder.name}.zip"])
    copied = [p for p in result.files if p.parent.name == "attachments"]
    assert len(copied) >= len(names)
    for path in copied:
        assert path.resolve().parent == (result.folder / "attachments").resolve()
        assert path.name.split(".")[0].upper() not in ("CON", "PRN", "AUX", "NUL")
        assert all(ch.isprintable() for ch in path.name) and len(path.name.encode()) <= 255
    assert result.zip_path is not None
    with zipfile.ZipFile(io.BytesIO(result.zip_path.read_bytes())) as archive:
        for entry in archive.namelist():
            assert entry.startswith(f"{result.folder.name}/") and ".." not in entry.split("/")
    assert verify_package(result.zip_path).ok and verify_package(result.folder).ok
