"""Signed exports: every PDF signed, the manifest names the certificate, `verify_package` checks the signatures."""

import json
import logging
from pathlib import Path

import pytest

from dossier_app.domain.errors import SigningKeyUnreadable
from dossier_app.services import Services
from dossier_app.services.accounts.audit import AuditFilter
from dossier_app.services.export.exports import ExportOptions, SigningKey
from dossier_app.services.export.packages import MANIFEST, sha256_bytes
from tests.export.signing_support import PASSPHRASE, SIGNER_CN, write_p12
from tests.services.secret_scan import text_columns_containing


@pytest.fixture(scope="module")
def p12(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_p12(tmp_path_factory.mktemp("key"))


def _rehash(folder: Path, name: str) -> None:
    """Make the manifest agree with a changed file, so only the signature check can notice the change."""
    manifest_path = folder / MANIFEST
    manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
    data = (folder / name).read_bytes()
    for entry in manifest["files"]:
        if entry["path"] == name:
            entry["sha256"], entry["size"] = sha256_bytes(data), len(data)
    manifest_path.write_text(json.dumps(manifest, ensure_ascii=False), encoding="utf-8")


def test_signed_export_verifies_and_a_changed_byte_breaks_the_signature(
    demo_services: Services, p12: Path, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    logging.getLogger("sqlalchemy.engine").setLevel(logging.INFO)  # as if someone turned on SQL logging
    options = ExportOptions(draft=True, zip_package=True, sign=SigningKey(p12, PASSPHRASE))
    try:
        result = demo_services.exports.export("CT-HTP", tmp_path / "out", options)
    finally:
        logging.getLogger("sqlalchemy.engine").setLevel(logging.WARNING)
    manifest = json.loads((result.folder / MANIFEST).read_text(encoding="utf-8"))
    pdfs = [entry for entry in manifest["files"] if entry["path"].endswith(".pdf")]
    assert len(pdfs) == 7  # Tờ trình, Đề án, Phụ lục I, II, III, IV, the comment register
    fingerprints = {entry["signature"]["certificate_sha256"] for entry in pdfs}
    assert len(fingerprints) == 1 and len(fingerprints.pop()) == 64
    assert all(SIGNER_CN in entry["signature"]["signer"] for entry in pdfs)
    assert not any("signature" in entry for entry in manifest["files"] if not entry["path"].endswith(".pdf"))
    for entry in pdfs:  # the manifest hashes the signed file
        assert sha256_bytes((result.folder / entry["path"]).read_bytes()) == entry["sha256"]

    check = demo_services.exports.verify_package(result.folder)
    assert check.ok and [name for name, _ in check.signatures] == [entry["path"] for entry in pdfs]
    assert all(signature.ok and signature.trusted for _, signature in check.signatures)
    assert result.zip_path is not None
    zipped = demo_services.exports.verify_package(result.zip_path)
    assert zipped.ok and len(zipped.signatures) == 7

    # the passphrase is nowhere: not in the package, the audit trail or the log
    secret = PASSPHRASE.encode("utf-8")
    assert not any(secret in path.read_bytes() for path in result.folder.rglob("*") if path.is_file())
    assert secret not in result.zip_path.read_bytes()
    entries = demo_services.audit.entries(AuditFilter(limit=50))
    assert entries and not any(PASSPHRASE in repr(entry) for entry in entries)
    assert "signed by" in entries[0].summary and SIGNER_CN in entries[0].summary
    assert caplog.records and PASSPHRASE not in caplog.text
    assert text_columns_containing(demo_services.database, PASSPHRASE) == []

    target = result.folder / "De_an.pdf"
    data = bytearray(target.read_bytes())
    data[data.index(b"ReportLab")] ^= 0x20
    target.write_bytes(bytes(data))
    hashed = demo_services.exports.verify_package(result.folder)
    assert not hashed.ok and hashed.first_bad == "De_an.pdf" and "content differs" in hashed.reason
    _rehash(result.folder, "De_an.pdf")
    signed = demo_services.exports.verify_package(result.folder)
    assert not signed.ok and signed.first_bad == "De_an.pdf" and "signature broken" in signed.reason


def test_a_signature_missing_or_by_another_certificate_fails_verify(
    demo_services: Services, p12: Path, tmp_path: Path
) -> None:
    options = ExportOptions(draft=True, formats=("pdf",), sign=SigningKey(p12, PASSPHRASE))
    result = demo_services.exports.export("CT-HTP", tmp_path / "out", options)
    manifest_path = result.folder / MANIFEST
    manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
    manifest["files"][0]["signature"]["certificate_sha256"] = "0" * 64
    manifest_path.write_text(json.dumps(manifest, ensure_ascii=False), encoding="utf-8")
    check = demo_services.exports.verify_package(result.folder)
    assert not check.ok and check.first_bad == "To_trinh.pdf" and "another certificate" in check.reason

    unsigned = demo_services.exports.export("CT-HTP", tmp_path / "plain", ExportOptions(draft=True, formats=("pdf",)))
    plain = json.loads((unsigned.folder / MANIFEST).read_text(encoding="utf-8"))
    plain["files"][1]["signature"] = manifest["files"][1]["signature"]  # announce a signature that is not there
    (unsigned.folder / MANIFEST).write_text(json.dumps(plain, ensure_ascii=False), encoding="utf-8")
    check = demo_services.exports.verify_package(unsigned.folder)
    assert not check.ok and check.first_bad == plain["files"][1]["path"] and "missing" in check.reason


def test_wrong_passphrase_refuses_before_writing_anything(demo_services: Services, p12: Path, tmp_path: Path) -> None:
    before = len(demo_services.audit.entries(AuditFilter(limit=500)))
    with pytest.raises(SigningKeyUnreadable) as refused:
        demo_services.exports.export("CT-HTP", tmp_path / "out", ExportOptions(draft=True, sign=SigningKey(p12, "x")))
    assert "passphrase" in refused.value.message
    assert not (tmp_path / "out").exists()
    assert len(demo_services.audit.entries(AuditFilter(limit=500))) == before
