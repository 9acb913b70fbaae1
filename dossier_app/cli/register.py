"""`register template|import|export`: the land clearance register as Excel, OpenDocument or CSV."""

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from dossier_app.cli.outcomes import EXIT_OK, EXIT_PROBLEM, fail
from dossier_app.domain.errors import ImportRejected

if TYPE_CHECKING:
    from dossier_app.services import Services


def add_register_commands(commands: "argparse._SubParsersAction[argparse.ArgumentParser]") -> None:
    """`register template|import|export`: the register's Excel and CSV round trip."""
    register = commands.add_parser("register", help="land register: Excel template, import, export")
    actions = register.add_subparsers(dest="register_command", metavar="ACTION", required=True)
    template = actions.add_parser("template", help="write an empty workbook with the headers and lists")
    template.add_argument("file", metavar="FILE.xlsx")
    template.set_defaults(handler=cmd_register_template)
    importing = actions.add_parser(
        "import", help="households and parcels from .xlsx, .xlsm, .xls, .ods or .csv, all or nothing"
    )
    importing.add_argument("code", metavar="CODE", help="project code")
    importing.add_argument("file", metavar="FILE")
    importing.add_argument("--dry-run", action="store_true", help="report every problem, write nothing")
    importing.set_defaults(handler=cmd_register_import)
    export = actions.add_parser("export", help="write the register, one sheet per entity")
    export.add_argument("code", metavar="CODE", help="project code")
    export.add_argument("file", metavar="FILE.xlsx")
    export.set_defaults(handler=cmd_register_export)


def cmd_register_template(services: "Services", args: argparse.Namespace) -> int:
    """Write the empty template."""
    services.register_io.template(Path(args.file))
    print(f"Đã ghi mẫu / template written: {args.file}")
    return EXIT_OK


def cmd_register_import(services: "Services", args: argparse.Namespace) -> int:
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


def cmd_register_export(services: "Services", args: argparse.Namespace) -> int:
    """Write the project's register to a workbook."""
    project = services.projects.by_code(args.code)
    count = services.register_io.export(project.id, Path(args.file))
    print(f"Đã xuất / exported: {count} hộ/parties → {args.file}")
    return EXIT_OK
