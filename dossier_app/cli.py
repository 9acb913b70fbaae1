"""The command line: the same services as the window, for scripts, checks and people at a terminal."""

import argparse
import getpass
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from dossier_app.cli_milestones import add_milestone_commands
from dossier_app.domain.accounts import ROLE_ORDER
from dossier_app.domain.audit import ChainProblem
from dossier_app.domain.enums import Role
from dossier_app.domain.errors import (
    QT_TRANSLATE_NOOP,
    DossierError,
    ExportIncomplete,
    ExportNotReady,
    ImportRejected,
    SchemaTooNew,
    StorageUnavailable,
    ValidationFailed,
)
from dossier_app.services import Services, open_services
from dossier_app.services.audit import AuditFilter, AuditVerification
from dossier_app.services.context import Operator, os_account
from dossier_app.services.demo import DEMO_HOUSEHOLDS
from dossier_app.services.exports import FORMATS, ExportOptions, SigningKey
from dossier_app.services.format_checks import check_docx_file
from dossier_app.services.packages import verify_package
from dossier_app.services.readiness_text import report_lines
from dossier_app.storage.resources import message_translations

EXIT_OK, EXIT_PROBLEM, EXIT_USAGE = 0, 1, 2


def build_parser() -> argparse.ArgumentParser:
    """The contract of ARCHITECTURE.md §5, as far as the program has come."""
    parser = argparse.ArgumentParser(
        prog="python main.py",
        description="Hồ sơ thành lập khu công nghệ cao / khu CNTT tập trung — dossier workspace. "
        "Without a command, opens the window.",
    )
    parser.add_argument(
        "--db",
        metavar="PATH_OR_URL",
        help="database file or URL (sqlite:///…, postgresql+psycopg://…); default: DOSSIER_DB or the user data folder",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    demo = commands.add_parser("demo", help="load the Cần Thơ demo projects CT-HTP and CT-ITP (safe to repeat)")
    demo.add_argument(
        "--households",
        type=int,
        default=DEMO_HOUSEHOLDS,
        metavar="N",
        help=f"parties of the synthetic CT-ITP register, if it is empty (default {DEMO_HOUSEHOLDS})",
    )
    demo.set_defaults(handler=cmd_demo)
    commands.add_parser("projects", help="list projects: code, name, regime, completeness")
    check = commands.add_parser("check", help="readiness against the legal checklist; exit 1 while anything is missing")
    check.add_argument("code", metavar="CODE", help="project code, e.g. CT-ITP")
    check.set_defaults(handler=cmd_check)
    add_account_commands(commands)
    add_register_commands(commands)
    add_export_commands(commands)
    from dossier_app.cli_consultations import add_consultation_commands

    add_consultation_commands(commands)
    add_milestone_commands(commands)
    add_backup_commands(commands)
    return parser


def localised(error: DossierError) -> str:
    """One line with the Vietnamese message, then the English one."""
    english = error.message
    table = message_translations("vi")
    template = table.get(error.template)
    if not template:
        return english
    params = {
        name: table.get(value, value) if isinstance(value, str) else value for name, value in error.params.items()
    }
    try:
        vietnamese = template.format(**params)
    except (KeyError, IndexError, ValueError):
        return english
    return f"{vietnamese} — {english}" if vietnamese != english else english


def fail(error: DossierError) -> int:
    """Print a refusal on stderr and return the contract's exit code for it."""
    print(f"lỗi / error: {localised(error)}", file=sys.stderr)
    return EXIT_USAGE


def _open(args: argparse.Namespace) -> Services:
    return open_services(args.db, Operator(f"cli:{os_account()}"))


def cmd_demo(services: Services, args: argparse.Namespace | None = None) -> int:
    """Load the demo and say what it did."""
    households = getattr(args, "households", DEMO_HOUSEHOLDS)
    result = services.demo.load(households=households)
    print(
        f"Dữ liệu mẫu: {', '.join(result.project_codes)} — "
        f"{result.projects_created} dự án mới, {result.sections_filled} mục được điền. "
        f"(demo loaded: {result.projects_created} projects created, {result.sections_filled} sections filled)"
    )
    print(
        f"Tài khoản mẫu / demo accounts: {', '.join(result.account_names)} — "
        f"mật khẩu / password: {result.password} "
        f"({len(result.accounts_created)} tài khoản mới / accounts created)"
    )
    register = result.register
    if register.existing:
        print(
            f"Sổ bồi thường {result.register_project}: đã có {register.existing} hộ, không thay đổi. "
            f"(register of {result.register_project} already has {register.existing} parties: left unchanged)"
        )
    else:
        print(
            f"Sổ bồi thường {result.register_project}: {register.parties} hộ, {register.parcels} thửa đất, "
            f"{register.lines} khoản bồi thường mới. "
            f"(register: {register.parties} parties, {register.parcels} parcels, {register.lines} lines created)"
        )
    if result.plan_dated:
        print(
            f"Kế hoạch mốc {result.register_project}: đã lập, mốc so sánh '{result.plan_baseline}'. "
            f"(milestone plan dated around today, baseline '{result.plan_baseline}' taken)"
        )
    print(f"Cơ sở dữ liệu / database: {services.database.display_location}")
    return EXIT_OK


def cmd_projects(services: Services) -> int:
    """List projects with how many required sections are written."""
    rows = []
    for summary in services.projects.summaries():
        regime = services.context.regimes.get(summary.regime_key)
        share = summary.required_written * 100 // summary.required_total if summary.required_total else 0
        rows.append(
            (
                summary.code,
                summary.name,
                regime.code if regime else summary.regime_key,
                f"{summary.required_written}/{summary.required_total} ({share}%)",
            )
        )
    header = ("MÃ/CODE", "TÊN DỰ ÁN/NAME", "CHẾ ĐỘ/REGIME", "ĐÃ VIẾT/WRITTEN")
    widths = [max(len(str(r[i])) for r in [header, *rows]) for i in range(4)]
    for row in [header, *rows]:
        print("  ".join(str(cell).ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip())
    if not rows:
        print("(chưa có dự án — no projects yet; try: python main.py demo)")
    return EXIT_OK


def cmd_check(services: Services, args: argparse.Namespace) -> int:
    """Print the readiness report; exit 1 while an item is red, 2 for an unknown project."""
    report = services.readiness.report_for_code(args.code)
    print("\n".join(report_lines(report)))
    return EXIT_OK if report.complete else EXIT_PROBLEM


COMMANDS = {"demo": cmd_demo, "projects": cmd_projects}


def run(args: argparse.Namespace) -> int:
    """Run one command; typed errors become one line on stderr and exit 2."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure:
            reconfigure(encoding="utf-8", errors="replace")
    offline = getattr(args, "offline", None)
    if offline is not None:  # check-format and package verify read files, not the database
        try:
            result: int = offline(args)
            return result
        except DossierError as error:
            return fail(error)
    try:
        services = _open(args)
    except (StorageUnavailable, SchemaTooNew) as error:
        return fail(error)
    try:
        handler = getattr(args, "handler", None)
        return handler(services, args) if handler else COMMANDS[args.command](services)
    except DossierError as error:
        return fail(error)
    finally:
        services.close()


def main(argv: Sequence[str] | None = None) -> int:
    """Entry for the command line alone (the window is opened by dossier_app.app)."""
    args = build_parser().parse_args(argv)
    if not args.command:
        build_parser().print_help()
        return EXIT_USAGE
    return run(args)


# Accounts and the audit trail ------------------------------------------------------------------------

PASSWORD_ENV = "DOSSIER_PASSWORD"
Handler = Callable[[Services, argparse.Namespace], int]


def add_account_commands(commands: "argparse._SubParsersAction[argparse.ArgumentParser]") -> None:
    """`user add|list|disable|enable|passwd` and `audit verify|log`."""
    user = commands.add_parser("user", help="local accounts: add, list, disable, enable, passwd")
    users = user.add_subparsers(dest="user_command", metavar="ACTION", required=True)
    add = users.add_parser("add", help=f"add an account (password from {PASSWORD_ENV} or a prompt)")
    add.add_argument("name")
    add.add_argument("--role", action="append", required=True, choices=[r.value for r in Role], help="repeatable")
    add.add_argument("--display-name", default="")
    add.add_argument("--password", help=argparse.SUPPRESS)
    add.set_defaults(handler=cmd_user_add)
    users.add_parser("list", help="list accounts, roles and state").set_defaults(handler=cmd_user_list)
    for action, text, handler in (
        ("disable", "stop an account from signing in", cmd_user_disable),
        ("enable", "let a disabled account sign in again", cmd_user_enable),
        ("passwd", f"set a password (from {PASSWORD_ENV} or a prompt); lifts a lockout", cmd_user_passwd),
    ):
        parser = users.add_parser(action, help=text)
        parser.add_argument("name")
        if action == "passwd":
            parser.add_argument("--password", help=argparse.SUPPRESS)
        parser.set_defaults(handler=handler)
    audit = commands.add_parser("audit", help="the audit trail: verify the chain, show entries")
    audits = audit.add_subparsers(dest="audit_command", metavar="ACTION", required=True)
    audits.add_parser("verify", help="check the chain; exit 1 naming the first bad entry").set_defaults(
        handler=cmd_audit_verify
    )
    log = audits.add_parser("log", help="the latest entries, newest first")
    log.add_argument("--limit", type=int, default=20)
    log.add_argument("--actor")
    log.add_argument("--action")
    log.add_argument("--project", metavar="CODE")
    log.set_defaults(handler=cmd_audit_log)


def refuse_password_argument(args: argparse.Namespace) -> None:
    """Refuse `--password`, before anything else is checked or asked."""
    if getattr(args, "password", None) is not None:
        raise ValidationFailed(
            QT_TRANSLATE_NOOP(
                "Errors",
                "A password is never taken from the command line, where the process list and the shell history "
                "show it: set DOSSIER_PASSWORD or type it at the prompt.",
            ),
            field="password",
        )


def read_new_password(args: argparse.Namespace) -> str:
    """A new password from DOSSIER_PASSWORD, else typed twice at a hidden prompt; never from an argument."""
    refuse_password_argument(args)
    from_env = os.environ.get(PASSWORD_ENV)
    if from_env:
        return from_env
    if not sys.stdin or not sys.stdin.isatty():
        raise ValidationFailed(
            QT_TRANSLATE_NOOP(
                "Errors", "No password given: set DOSSIER_PASSWORD, or run the command in a terminal to be asked."
            ),
            field="password",
        )
    first = getpass.getpass(f"Mật khẩu / password for {args.name}: ")
    second = getpass.getpass("Nhập lại / again: ")
    if first != second:
        raise ValidationFailed(
            QT_TRANSLATE_NOOP("Errors", "The two passwords differ; nothing was changed."), field="password"
        )
    return first


def cmd_user_add(services: Services, args: argparse.Namespace) -> int:
    """Add an account with its roles."""
    password = read_new_password(args)
    account = services.accounts.add(args.name, args.role, password, args.display_name)
    roles = ", ".join(r.value for r in ROLE_ORDER if r in account.roles)
    print(f"Đã tạo tài khoản / account created: {account.username} ({roles})")
    return EXIT_OK


def cmd_user_list(services: Services, _args: argparse.Namespace) -> int:
    """List accounts with their roles and whether they may sign in."""
    now = services.context.clock()
    rows = []
    for account in services.accounts.list():
        if account.disabled:
            state = "vô hiệu/disabled"
        elif account.locked_until is not None and account.is_locked(now):
            state = f"khóa đến/locked until {account.locked_until:%Y-%m-%d %H:%M} UTC"
        else:
            state = "hoạt động/active"
        roles = ",".join(r.value for r in ROLE_ORDER if r in account.roles)
        rows.append((account.username, account.display_name, roles, state, account.created_by))
    header = ("TÊN/USERNAME", "HỌ TÊN/NAME", "VAI TRÒ/ROLES", "TRẠNG THÁI/STATE", "TẠO BỞI/CREATED BY")
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(len(header))]
    for row in [header, *rows]:
        print("  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip())
    if not rows:
        print("(chưa có tài khoản — no accounts yet; try: python main.py user add NAME --role admin)")
    return EXIT_OK


def cmd_user_disable(services: Services, args: argparse.Namespace) -> int:
    """Disable an account."""
    account = services.accounts.disable(args.name)
    print(f"Đã vô hiệu hóa / disabled: {account.username}")
    return EXIT_OK


def cmd_user_enable(services: Services, args: argparse.Namespace) -> int:
    """Enable a disabled account."""
    account = services.accounts.enable(args.name)
    print(f"Đã kích hoạt lại / enabled: {account.username}")
    return EXIT_OK


def cmd_user_passwd(services: Services, args: argparse.Namespace) -> int:
    """Set an account's password."""
    refuse_password_argument(args)
    services.accounts.get(args.name)  # a wrong name is refused before anyone types a password
    account = services.accounts.set_password(args.name, read_new_password(args))
    print(f"Đã đặt mật khẩu / password set: {account.username}")
    return EXIT_OK


def describe_break(result: AuditVerification) -> str:
    """The first bad entry of a broken chain and what is wrong with it, in Vietnamese and English."""
    first, seen = result.entry_id, result.noticed_at
    if result.problem == ChainProblem.ALTERED:
        why = "its content no longer matches its hash" if seen == first else f"entry {seen} no longer links to it"
        return f"mục {first} đã bị sửa — entry {first} was altered ({why})"
    if result.problem == ChainProblem.REMOVED:
        if result.missing > 1 and first is not None:
            last = first + result.missing - 1
            return f"các mục {first}–{last} đã bị xóa — entries {first}–{last} were removed"
        return f"mục {first} đã bị xóa — entry {first} was removed"
    if result.problem == ChainProblem.INSERTED:
        return (
            f"mục {first} được chèn thủ công — entry {first} was inserted by hand "
            "(neither the entry before it nor the chain's head vouches for it)"
        )
    return "mất bản ghi đầu chuỗi — the record of the chain's last entry is missing"


def cmd_audit_verify(services: Services, _args: argparse.Namespace) -> int:
    """Check the chain: exit 0 when intact, 1 naming the first bad entry."""
    result = services.audit.verify()
    if result.ok:
        print(f"Nhật ký thao tác nguyên vẹn — audit trail intact: {result.total} entries")
        return EXIT_OK
    print(f"Nhật ký thao tác không còn nguyên vẹn — audit trail broken: {describe_break(result)}")
    return EXIT_PROBLEM


def cmd_audit_log(services: Services, args: argparse.Namespace) -> int:
    """The latest entries, newest first, optionally narrowed."""
    project_id = services.projects.by_code(args.project).id if args.project else None
    filters = AuditFilter(actor=args.actor, action=args.action, project_id=project_id, limit=max(1, args.limit))
    for entry in services.audit.entries(filters):
        print(f"{entry.id:>7}  {entry.at:%Y-%m-%d %H:%M:%S}Z  {entry.actor}  {entry.action}  {entry.summary}")
    return EXIT_OK


# The land register -------------------------------------------------------------------------------------


def add_register_commands(commands: "argparse._SubParsersAction[argparse.ArgumentParser]") -> None:
    """`register template|import|export`: the register's Excel and CSV round trip."""
    register = commands.add_parser("register", help="land register: Excel template, import, export")
    actions = register.add_subparsers(dest="register_command", metavar="ACTION", required=True)
    template = actions.add_parser("template", help="write an empty workbook with the headers and lists")
    template.add_argument("file", metavar="FILE.xlsx")
    template.set_defaults(handler=cmd_register_template)
    importing = actions.add_parser("import", help="households and parcels from .xlsx or .csv, all or nothing")
    importing.add_argument("code", metavar="CODE", help="project code")
    importing.add_argument("file", metavar="FILE")
    importing.add_argument("--dry-run", action="store_true", help="report every problem, write nothing")
    importing.set_defaults(handler=cmd_register_import)
    export = actions.add_parser("export", help="write the register, one sheet per entity")
    export.add_argument("code", metavar="CODE", help="project code")
    export.add_argument("file", metavar="FILE.xlsx")
    export.set_defaults(handler=cmd_register_export)


def cmd_register_template(services: Services, args: argparse.Namespace) -> int:
    """Write the empty template."""
    services.register_io.template(Path(args.file))
    print(f"Đã ghi mẫu / template written: {args.file}")
    return EXIT_OK


def cmd_register_import(services: Services, args: argparse.Namespace) -> int:
    """Dry run: every problem on stdout, exit 1 if any. Import: all or nothing, a refusal on stderr, exit 2."""
    project = services.projects.by_code(args.code)
    path = Path(args.file)
    if args.dry_run:
        report = services.register_io.check(project.id, path)
        for problem in report.problems:
            print(problem.line())
        print(
            f"{report.parties} hộ/parties, {report.parcels} thửa/parcels, {report.lines} khoản/lines; "
            f"{len(report.problems)} lỗi/problems"
        )
        return EXIT_PROBLEM if report.problems else EXIT_OK
    try:
        report = services.register_io.import_file(project.id, path)
    except ImportRejected as error:
        code = fail(error)
        for problem in error.problems:
            print(problem.line(), file=sys.stderr)
        return code
    print(f"Đã nhập / imported: {report.parties} hộ/parties, {report.parcels} thửa/parcels, {report.lines} khoản/lines")
    return EXIT_OK


def cmd_register_export(services: Services, args: argparse.Namespace) -> int:
    """Write the project's register to a workbook."""
    project = services.projects.by_code(args.code)
    count = services.register_io.export(project.id, Path(args.file))
    print(f"Đã xuất / exported: {count} hộ/parties → {args.file}")
    return EXIT_OK


# Export, format check and package verification ------------------------------------------------------


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
    export.set_defaults(handler=cmd_export)
    check = commands.add_parser("check-format", help="Decree 30 conformance of any DOCX; exit 1 on a breach")
    check.add_argument("file", metavar="FILE.docx")
    check.set_defaults(offline=cmd_check_format)
    package = commands.add_parser("package", help="submission packages: verify")
    actions = package.add_subparsers(dest="package_command", metavar="ACTION", required=True)
    verify = actions.add_parser("verify", help="re-hash every file; exit 1 naming the first that differs")
    verify.add_argument("path", metavar="DIR_OR_ZIP")
    verify.set_defaults(offline=cmd_package_verify)


P12_PASSWORD_ENV = "DOSSIER_P12_PASSWORD"


def read_signing_key(path: str) -> SigningKey:
    """The .p12 and its passphrase from DOSSIER_P12_PASSWORD, else a hidden prompt; never from an argument."""
    passphrase = os.environ.get(P12_PASSWORD_ENV)
    if passphrase is None:
        if not sys.stdin or not sys.stdin.isatty():
            raise ValidationFailed(
                QT_TRANSLATE_NOOP(
                    "Errors",
                    "No passphrase for the signing certificate: set DOSSIER_P12_PASSWORD, or run the command in a "
                    "terminal to be asked.",
                ),
                field="sign",
            )
        passphrase = getpass.getpass(f"Mật khẩu chứng thư số / passphrase of {path}: ")
    return SigningKey(Path(path), passphrase)


def cmd_export(services: Services, args: argparse.Namespace) -> int:
    """Write the package; a final export of an incomplete dossier lists what is missing and exits 1."""
    formats = tuple(part.strip().lower() for part in args.format.split(",") if part.strip())
    sign = read_signing_key(args.sign) if args.sign else None
    options = ExportOptions(draft=args.draft, formats=formats, zip_package=args.zip, number=args.number, sign=sign)
    try:
        result = services.exports.export(args.code, Path(args.out), options)
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
    if sign:
        print("Đã ký số các tệp PDF / every PDF signed (PAdES)")
    print(f"manifest.json SHA-256 {result.manifest_sha256}")
    return EXIT_OK


def cmd_check_format(args: argparse.Namespace) -> int:
    """Print each Decree 30 rule as PASS or FAIL; exit 1 on a breach, 2 on an unreadable file."""
    report = check_docx_file(Path(args.file))
    for result in report.results:
        print(f"{'PASS' if result.passed else 'FAIL'}  {result.title}: {result.reason}")
    return EXIT_OK if report.passed else EXIT_PROBLEM


def cmd_package_verify(args: argparse.Namespace) -> int:
    """Exit 0 when every file matches the manifest, 1 naming the first that does not."""
    check = verify_package(Path(args.path))
    for name, signature in check.signatures:
        state = "OK" if signature.ok else "FAIL"
        print(f"{state}: chữ ký / signature {name} [{signature.field}]: {signature.signer}")
    if check.ok:
        print(f"OK: {check.checked} tệp / files match manifest.json")
        return EXIT_OK
    print(f"FAIL: {check.first_bad}: {check.reason}")
    return EXIT_PROBLEM


# Backups -----------------------------------------------------------------------------------------------


def add_backup_commands(commands: "argparse._SubParsersAction[argparse.ArgumentParser]") -> None:
    """`backup DEST` and `restore SRC [--yes]`."""
    backup = commands.add_parser(
        "backup",
        help="copy the database to DEST while it is in use (SQLite: attachments go to DEST.files beside it; "
        "PostgreSQL: a pg_dump archive holding everything)",
    )
    backup.add_argument("dest", metavar="DEST")
    backup.set_defaults(handler=cmd_backup)
    restore = commands.add_parser(
        "restore", help="replace the database by a backup, after checking it (asks first unless --yes)"
    )
    restore.add_argument("source", metavar="SRC")
    restore.add_argument("--yes", action="store_true", help="do not ask for confirmation")
    restore.set_defaults(handler=cmd_restore)


def cmd_backup(services: Services, args: argparse.Namespace) -> int:
    """Write a backup (SQLite); a server database gets the pg_dump command instead, exit 2."""
    entry = services.backups.back_up(Path(args.dest))
    print(f"Đã sao lưu / backed up: {services.database.display_location} → {entry.path} ({entry.size:,} bytes)")
    return EXIT_OK


def cmd_restore(services: Services, args: argparse.Namespace) -> int:
    """Check the backup, confirm, replace. A refused file or a "no" leaves the database exactly as it was."""
    source = Path(args.source)
    revision = services.backups.check(source)
    if not args.yes:
        if not sys.stdin or not sys.stdin.isatty():
            raise ValidationFailed(
                QT_TRANSLATE_NOOP(
                    "Errors", "Restoring replaces the whole database: confirm at a terminal or add --yes."
                ),
                field="yes",
            )
        answer = input(
            f"Thay toàn bộ cơ sở dữ liệu {services.database.display_location} bằng bản sao lưu {source}? "
            f"/ Replace the whole database {services.database.display_location} with the backup {source}? [y/N] "
        )
        if answer.strip().lower() not in ("y", "yes", "c", "có", "co"):
            print("Đã hủy, không thay đổi gì / cancelled, nothing was changed")
            return EXIT_PROBLEM
    services.backups.restore(source)
    print(f"Đã khôi phục / restored: {services.database.display_location} ← {source} (schema {revision})")
    return EXIT_OK
