"""The command line: the same services as the window, for scripts, checks and people at a terminal."""

import argparse
import sys
from collections.abc import Sequence

from dossier_app.domain.errors import DossierError, SchemaTooNew, StorageUnavailable
from dossier_app.services import Services, open_services
from dossier_app.services.context import Operator, os_account
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
    commands.add_parser("demo", help="load the Cần Thơ demo projects CT-HTP and CT-ITP (safe to repeat)")
    commands.add_parser("projects", help="list projects: code, name, regime, completeness")
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


def cmd_demo(services: Services) -> int:
    """Load the demo and say what it did."""
    result = services.demo.load()
    print(
        f"Dữ liệu mẫu: {', '.join(result.project_codes)} — "
        f"{result.projects_created} dự án mới, {result.sections_filled} mục được điền. "
        f"(demo loaded: {result.projects_created} projects created, {result.sections_filled} sections filled)"
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


COMMANDS = {"demo": cmd_demo, "projects": cmd_projects}


def run(args: argparse.Namespace) -> int:
    """Run one command; typed errors become one line on stderr and exit 2."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure:
            reconfigure(encoding="utf-8", errors="replace")
    try:
        services = _open(args)
    except (StorageUnavailable, SchemaTooNew) as error:
        return fail(error)
    try:
        return COMMANDS[args.command](services)
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
