"""The command line: the same services as the window, for scripts, checks and people at a terminal."""

import argparse
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING

from dossier_app.cli.accounts import add_account_commands
from dossier_app.cli.acting import open_as_local_operator
from dossier_app.cli.backups import add_backup_commands
from dossier_app.cli.export import add_export_commands
from dossier_app.cli.milestones import add_milestone_commands
from dossier_app.cli.outcomes import EXIT_OK, EXIT_PROBLEM, EXIT_USAGE, fail
from dossier_app.cli.register import add_register_commands
from dossier_app.cli.review import add_review_commands
from dossier_app.cli.sections import add_section_commands
from dossier_app.cli.serve import add_serve_command
from dossier_app.cli.sync import add_sync_commands
from dossier_app.domain.errors import (
    DossierError,
    SchemaTooNew,
    StorageUnavailable,
)
from dossier_app.services.demo import DEMO_HOUSEHOLDS

if TYPE_CHECKING:
    from dossier_app.services import Services


class _PrintVersion(argparse.Action):
    """`--version`: the number is read only when asked for (argparse's own action would read it on every start)."""

    def __init__(self, option_strings: Sequence[str], dest: str, help: str | None = None) -> None:
        super().__init__(option_strings, dest, nargs=0, default=argparse.SUPPRESS, help=help)

    def __call__(self, parser: argparse.ArgumentParser, *_: object) -> None:
        from dossier_app.version import PROGRAM_NAME, program_version

        print(f"{PROGRAM_NAME} {program_version()}")
        parser.exit()


def build_parser() -> argparse.ArgumentParser:
    """The contract of ARCHITECTURE.md §5, as far as the program has come."""
    parser = argparse.ArgumentParser(
        prog="dossier_app" if getattr(sys, "frozen", False) else "python main.py",  # the bundle's program is the exe
        description="Hồ sơ thành lập khu công nghệ cao / khu CNTT tập trung — dossier workspace. "
        "Without a command, opens the window.",
    )
    parser.add_argument(
        "--db",
        metavar="PATH_OR_URL",
        help="database file or URL (sqlite:///…, postgresql+psycopg://…); default: DOSSIER_DB or the user data folder",
    )
    parser.add_argument("--version", action=_PrintVersion, help="print the program's name and version, then exit")
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
    add_section_commands(commands)
    add_review_commands(commands)
    add_account_commands(commands)
    add_register_commands(commands)
    add_export_commands(commands)
    from dossier_app.cli.consultations import add_consultation_commands

    add_consultation_commands(commands)
    add_milestone_commands(commands)
    add_backup_commands(commands)
    add_serve_command(commands)
    add_sync_commands(commands)
    return parser


def cmd_demo(services: "Services", args: argparse.Namespace | None = None) -> int:
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
    if result.review_story:
        print(
            "Duyệt CT-HTP: 1 mục chờ lãnh đạo duyệt, 2 mục đã duyệt (1 mục đã sửa sau khi duyệt), 1 mục bị trả lại "
            "kèm ý kiến. (review: 1 section waiting, 2 approved (1 changed since), 1 returned with comments)"
        )
    if result.draft_export is not None:
        print(
            f"Bản xuất dự thảo {result.export_project} (văn thư): {result.draft_export} "
            f"(draft export of {result.export_project} by the clerk: {result.draft_export})"
        )
    print(f"Cơ sở dữ liệu / database: {services.database.display_location}")
    return EXIT_OK


def cmd_projects(services: "Services") -> int:
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


def cmd_check(services: "Services", args: argparse.Namespace) -> int:
    """Print the readiness report; exit 1 while an item is red, 2 for an unknown project."""
    from dossier_app.services.completeness.readiness_text import report_lines

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
    # check-format and package verify read files; serve and export open the database themselves (export starts its
    # worker processes first)
    if offline is not None:
        try:
            result: int = offline(args)
            return result
        except DossierError as error:
            return fail(error)
    try:
        services = open_as_local_operator(args.db)
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
