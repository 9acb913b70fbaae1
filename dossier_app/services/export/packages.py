"""The submission package on disk: its manifest of hashes, and the check that every file still matches it and every
signature the manifest announces is still good."""

import hashlib
import json
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any

from dossier_app.domain.errors import PackageUnreadable
from dossier_app.export.signature_records import SignatureCheck

MANIFEST = "manifest.json"
MESSAGE_SUFFIX = ".edxml"  # an edXML message, whose attachments are checked against the manifest too
# A zip is read in memory, never extracted; entries declaring more than this are refused before a byte is inflated.
MAX_ENTRY_BYTES = 1 << 30
MAX_ZIP_BYTES = 4 << 30
_SYMLINK = 0o120000


def sha256_bytes(data: bytes) -> str:
    """The SHA-256 of some bytes, as hex."""
    return hashlib.sha256(data).hexdigest()


def file_entry(folder: Path, path: Path) -> dict[str, Any]:
    """A manifest line: the file's path inside the package, SHA-256 and size."""
    data = path.read_bytes()
    return {"path": path.relative_to(folder).as_posix(), "sha256": sha256_bytes(data), "size": len(data)}


@dataclass(frozen=True)
class PackageCheck:
    """What `package verify` found: ok, or the first file that differs and why."""

    ok: bool
    checked: int
    first_bad: str = ""
    reason: str = ""
    signatures: tuple[tuple[str, SignatureCheck], ...] = ()  # (file, check) of every signature checked


class _HostileEntry(Exception):
    """A zip entry no package of ours holds: it names the entry and why it is refused."""

    def __init__(self, name: str, reason: str) -> None:
        super().__init__(name, reason)
        self.name, self.reason = name, reason


def _entry_problem(info: zipfile.ZipInfo, seen: set[str], total: int) -> str:
    """Why an entry must not be trusted ('' when it may be read): a path out of the package, a link, a twin, a bomb."""
    name = info.filename
    parts = PurePosixPath(name.replace("\\", "/")).parts
    if not parts or name.startswith(("/", "\\")) or ":" in parts[0] or ".." in parts or "\x00" in name:
        return "unsafe path in the zip"
    if (info.external_attr >> 16) & 0o170000 == _SYMLINK:
        return "symbolic link in the zip"
    if name in seen:
        return "duplicate entry in the zip"
    if info.file_size > MAX_ENTRY_BYTES or total > MAX_ZIP_BYTES:
        return f"entry declares {info.file_size:,} bytes, more than a package holds"
    return ""


def _zip_files(path: Path) -> Iterator[tuple[str, bytes]]:
    """The zip's files read in memory (nothing is written to disk); a hostile entry stops the reading."""
    seen: set[str] = set()
    total = 0
    with zipfile.ZipFile(path) as archive:
        for info in archive.infolist():
            total += info.file_size
            problem = _entry_problem(info, seen, total)
            if problem:
                raise _HostileEntry(info.filename, problem)
            seen.add(info.filename)
            if not info.is_dir():
                yield info.filename, archive.read(info)  # zipfile stops at the declared size and checks the CRC


def _contents(path: Path) -> dict[str, bytes]:
    """Every file of the package by its path relative to the package root."""
    if path.is_dir():
        return {p.relative_to(path).as_posix(): p.read_bytes() for p in sorted(path.rglob("*")) if p.is_file()}
    try:
        files = dict(_zip_files(path))
    except (OSError, zipfile.BadZipFile, EOFError, NotImplementedError, RuntimeError) as error:  # encrypted, odd codecs
        raise PackageUnreadable(path=str(path)) from error
    roots = {PurePosixPath(name).parts[0] for name in files}
    if len(roots) == 1 and f"{next(iter(roots))}/{MANIFEST}" in files:
        root = next(iter(roots))
        return {name.removeprefix(f"{root}/"): data for name, data in files.items()}
    return files


def verify_package(path: Path) -> PackageCheck:
    """Re-hash every file the manifest lists (folder or zip); the first missing, changed or extra file fails."""
    if not path.exists():
        raise PackageUnreadable(path=str(path))
    try:
        files = _contents(path)
    except _HostileEntry as hostile:
        return PackageCheck(False, 0, hostile.name, hostile.reason)
    try:
        manifest = json.loads(files[MANIFEST].decode("utf-8"))
        listed = manifest["files"]
        _ = [(str(e["path"]), int(e["size"]), str(e["sha256"])) for e in listed]  # a hand-made one must not crash
    except (KeyError, ValueError, TypeError, UnicodeDecodeError) as error:
        raise PackageUnreadable(path=str(path)) from error
    signatures: list[tuple[str, SignatureCheck]] = []
    for entry in listed:
        name = str(entry["path"])
        data = files.get(name)
        if data is None:
            return PackageCheck(False, len(listed), name, "missing", tuple(signatures))
        if len(data) != int(entry["size"]) or sha256_bytes(data) != entry["sha256"]:
            return PackageCheck(False, len(listed), name, "content differs from the manifest", tuple(signatures))
        if name.endswith(MESSAGE_SUFFIX):
            problem = _message_problem(data, {str(e["path"]): str(e["sha256"]) for e in listed})
            if problem:
                return PackageCheck(False, len(listed), name, problem, tuple(signatures))
        announced = entry.get("signature")
        if isinstance(announced, dict):
            check, problem = _signature(data, announced)
            if check is not None:
                signatures.append((name, check))
            if problem:
                return PackageCheck(False, len(listed), name, problem, tuple(signatures))
    known = {str(entry["path"]) for entry in listed} | {MANIFEST}
    extra = sorted(set(files) - known)
    if extra:
        return PackageCheck(False, len(listed), extra[0], "not listed in the manifest", tuple(signatures))
    return PackageCheck(True, len(listed), signatures=tuple(signatures))


def _message_problem(data: bytes, hashes: dict[str, str]) -> str:
    """What is wrong with an edXML message of the package ('' when nothing): unreadable, or an attachment that does
    not decode to the bytes the manifest names for the file of its name."""
    from dossier_app.export.edxml import MessageUnreadable, read_message

    try:
        message = read_message(data)
    except MessageUnreadable as error:
        return f"edXML message unreadable: {error}"
    for carried in message.files:
        if carried.name not in hashes:
            return f"edXML attachment {carried.name} is not in the manifest"
        if carried.sha256 != hashes[carried.name]:
            return f"edXML attachment {carried.name} does not decode to the manifest's bytes"
    return ""


def _signature(data: bytes, announced: dict[str, Any]) -> tuple[SignatureCheck | None, str]:
    """The announced signature of one PDF and what is wrong with it ('' when nothing): missing, broken, or made
    with another certificate than the manifest names."""
    from dossier_app.export.signing import verify_signatures  # pyHanko only when a package carries a signature

    pinned = str(announced.get("certificate_sha256", "")).lower()
    field = str(announced.get("field", ""))
    checks = verify_signatures(data, pinned=pinned)
    check = next((c for c in checks if c.field == field), None)
    if check is None:
        return None, f"signature {field} missing"
    if not check.ok:
        return check, f"signature broken: {check.reason}"
    if check.fingerprint != pinned:
        return check, "signed with another certificate than the manifest names"
    return check, ""
