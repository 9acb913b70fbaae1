"""`export`, `check-format` and `package verify`: the submission package and its checks."""

import argparse
import getpass
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from dossier_app.cli.acting import open_as_local_operator
from dossier_app.cli.outcomes import EXIT_OK, EXIT_PROBLEM
from dossier_app.domain.errors import QT_TRANSLATE_NOOP, ExportIncomplete, ExportNotReady, ValidationFailed
from dossier_app.domain.organ_codes import organ_code
from dossier_app.services.export import FORMATS

if TYPE_CHECKING:
    from dossier_app.export.signature_records import SigningKey, TokenKey
    from dossier_app.export.workers import Workers
    from dossier_app.services import Services
    from dossier_app.services.export.export_workers import ExportOptions


def add_export_commands(commands: "argparse._SubParsersAction[argparse.ArgumentParser]") -> None:
    """`export`, `check-format` and `package verify` (the last two need no database)."""
    export = commands.add_parser("export", help="write the submission package (Word and PDF, manifest)")
    export.add_argument("code", metavar="CODE", help="project code")
    export.add_argument("--out", required=True, metavar="DIR", help="folder to write the package into")
    export.add_argument("--draft", action="store_true", help="latest text, marked DỰ THẢO (no approvals needed)")
    export.add_argument("--format", default=",".join(FORMATS), metavar="docx,pdf", help="formats to write")
    export.add_argument("--zip", action="store_true", help="also write the package as a .zip")
    export.add_argument(
        "--number", type=int, metavar="N", help="a final's Tờ trình number this once, instead of the project's counter"
    )
    export.add_argument(
        "--sign",
        metavar="P12",
        help=f"sign every PDF (PAdES) with this PKCS#12 file; passphrase from {P12_PASSWORD_ENV} or a prompt",
    )
    export.add_argument(
        "--sign-pkcs11",
        metavar="MODULE.so",
        help=f"sign every PDF with a key on a USB token through this PKCS#11 driver (with --token-label and "
        f"--key-label); PIN from {PKCS11_PIN_ENV} or a prompt",
    )
    export.add_argument("--token-label", metavar="LABEL", help="the token to sign with (--sign-pkcs11)")
    export.add_argument("--key-label", metavar="LABEL", help="the signing key on the token (--sign-pkcs11)")
    export.add_argument(
        "--edxml",
        action="store_true",
        help="also write the package as one edXML message (QCVN 102:2016/BTTTT) for the national document exchange",
    )
    export.add_argument(
        "--from-organ", metavar="CODE", help="the sender's electronic identification code (default: the project's)"
    )
    export.add_argument(
        "--to-organ", metavar="CODE", help="the recipient's electronic identification code (default: the project's)"
    )
    export.set_defaults(offline=cmd_export)  # opens the database itself, once its worker processes have started
    check = commands.add_parser("check-format", help="Decree 30 conformance of any DOCX; exit 1 on a breach")
    check.add_argument("file", metavar="FILE.docx")
    check.set_defaults(offline=cmd_check_format)
    package = commands.add_parser("package", help="submission packages: verify")
    actions = package.add_subparsers(dest="package_command", metavar="ACTION", required=True)
    verify = actions.add_parser("verify", help="re-hash every file; exit 1 naming the first that differs")
    verify.add_argument("path", metavar="DIR_OR_ZIP")
    verify.set_defaults(offline=cmd_package_verify)


P12_PASSWORD_ENV = "DOSSIER_P12_PASSWORD"
PKCS11_PIN_ENV = "DOSSIER_PKCS11_PIN"


def read_secret(env: str, prompt: str, refusal: str, field: str) -> str:
    """The secret from the environment variable `env`, else typed at a hidden prompt; when no terminal can ask, a
    refusal worded by `refusal`. Never from an argument, never echoed."""
    secret = os.environ.get(env)
    if secret is not None:
        return secret
    if not sys.stdin or not sys.stdin.isatty():
        raise ValidationFailed(refusal, field=field)
    return getpass.getpass(prompt)


def read_signing_key(path: str) -> "SigningKey":
    """The .p12 and its passphrase from DOSSIER_P12_PASSWORD, else a hidden prompt; never from an argument."""
    passphrase = read_secret(
        P12_PASSWORD_ENV,
        f"Mật khẩu chứng thư số / passphrase of {path}: ",
        QT_TRANSLATE_NOOP(
            "Errors",
            "No passphrase for the signing certificate: set DOSSIER_P12_PASSWORD, or run the command in a "
            "terminal to be asked.",
        ),
        "sign",
    )
    from dossier_app.export.signature_records import SigningKey

    return SigningKey(Path(path), passphrase)


def read_token_key(args: argparse.Namespace) -> "TokenKey":
    """The token's driver, labels and PIN from DOSSIER_PKCS11_PIN, else a hidden prompt; never from an argument."""
    if args.sign:
        raise ValidationFailed(
            QT_TRANSLATE_NOOP("Errors", "Sign with a .p12 file (--sign) or a USB token (--sign-pkcs11), not both."),
            field="sign",
        )
    if not args.token_label or not args.key_label:
        raise ValidationFailed(
            QT_TRANSLATE_NOOP("Errors", "Signing with a USB token needs --token-label and --key-label."),
            field="sign_pkcs11",
        )
    pin = read_secret(
        PKCS11_PIN_ENV,
        f"Mã PIN của token / PIN of the token {args.token_label}: ",
        QT_TRANSLATE_NOOP(
            "Errors", "No PIN for the USB token: set DOSSIER_PKCS11_PIN, or run the command in a terminal to be asked."
        ),
        "sign_pkcs11",
    )
    from dossier_app.export.signature_records import TokenKey

    return TokenKey(Path(args.sign_pkcs11), args.token_label, args.key_label, pin)


def cmd_export(args: argparse.Namespace) -> int:
    """Write the package; a final export of an incomplete dossier lists what is missing and exits 1. The worker
    processes start before the database opens, so their imports (Pillow, python-docx, reportlab) overlap its."""
    formats = tuple(part.strip().lower() for part in args.format.split(",") if part.strip())
    sign = read_token_key(args) if args.sign_pkcs11 else read_signing_key(args.sign) if args.sign else None
    from dossier_app.services.export.export_workers import ExportOptions, start_workers

    if not args.edxml and (args.from_organ is not None or args.to_organ is not None):
        raise ValidationFailed(
            QT_TRANSLATE_NOOP(
                "Errors", "--from-organ and --to-organ name the agencies of an edXML message: add --edxml."
            ),
            field="edxml",
        )
    from_organ = organ_code(args.from_organ, "sender_organ_code") if args.from_organ is not None else None
    to_organ = organ_code(args.to_organ, "recipient_organ_code") if args.to_organ is not None else None
    options = ExportOptions(
        draft=args.draft,
        formats=formats,
        zip_package=args.zip,
        number=args.number,
        sign=sign,
        edxml=args.edxml,
        from_organ=from_organ,
        to_organ=to_organ,
    )
    with start_workers(options) as workers:
        services = open_as_local_operator(args.db)
        try:
            return _export(services, args, options, workers)
        finally:
            services.close()


def _export(services: "Services", args: argparse.Namespace, options: "ExportOptions", workers: "Workers") -> int:
    """The export itself, and what it prints."""
    try:
        result = services.exports.export(args.code, Path(args.out), options, workers=workers)
    except ExportIncomplete as error:
        heading = (
            f"lỗi / error: hồ sơ chưa đầy đủ, còn thiếu {len(error.missing)} mục / dossier not ready, "
            f"{len(error.missing)} missing (python main.py check {args.code}):"
            if isinstance(error, ExportNotReady)
            else f"lỗi / error: {len(error.missing)} mục bắt buộc chưa được phê duyệt / required sections not approved:"
        )
        print(heading, file=sys.stderr)
        for line in error.missing:
            print(f"- {line}", file=sys.stderr)
        if isinstance(error, ExportNotReady) and error.unapproved:
            print("Mục bắt buộc chưa được phê duyệt / required sections not approved:", file=sys.stderr)
            for line in error.unapproved:
                print(f"- {line}", file=sys.stderr)
        return EXIT_PROBLEM
    kind = "dự thảo / draft" if result.draft else "chính thức / final"
    print(f"Đã xuất {kind}: {result.folder}")
    if result.numbers:
        print("Số / numbers: " + ", ".join(f"{number:02d}/{symbol}" for symbol, number in result.numbers.items()))
    for path in result.files:
        print(f"  {path.relative_to(result.folder)}")
    if result.zip_path:
        print(f"  zip: {result.zip_path}")
    if options.sign:
        print("Đã ký số các tệp PDF / every PDF signed (PAdES)")
    print(f"manifest.json SHA-256 {result.manifest_sha256}")
    return EXIT_OK


def cmd_check_format(args: argparse.Namespace) -> int:
    """Print each Decree 30 rule as PASS or FAIL; exit 1 on a breach, 2 on an unreadable file."""
    from dossier_app.services.export.format_checks import check_docx_file

    report = check_docx_file(Path(args.file))
    for result in report.results:
        print(f"{'PASS' if result.passed else 'FAIL'}  {result.title}: {result.reason}")
    return EXIT_OK if report.passed else EXIT_PROBLEM


def cmd_package_verify(args: argparse.Namespace) -> int:
    """Exit 0 when every file matches the manifest, 1 naming the first that does not."""
    from dossier_app.services.export.packages import verify_package

    check = verify_package(Path(args.path))
    for name, signature in check.signatures:
        state = "OK" if signature.ok else "FAIL"
        print(f"{state}: chữ ký / signature {name} [{signature.field}]: {signature.signer}")
    if check.ok:
        print(f"OK: {check.checked} tệp / files match manifest.json")
        return EXIT_OK
    print(f"FAIL: {check.first_bad}: {check.reason}")
    return EXIT_PROBLEM
