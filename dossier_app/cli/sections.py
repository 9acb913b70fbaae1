"""`section get|put`: a section's Markdown out to a script and back in, saved as the editor's autosave saves it."""

import argparse
import re
import sys
from typing import TYPE_CHECKING

from dossier_app.cli.acting import acting_options, sign_in
from dossier_app.cli.outcomes import EXIT_OK
from dossier_app.domain.enums import SectionState
from dossier_app.domain.errors import QT_TRANSLATE_NOOP, NotFound, TooLarge, ValidationFailed

if TYPE_CHECKING:
    from dossier_app.services import Services
    from dossier_app.services.dossier.dossiers import SectionView
    from dossier_app.services.dossier.projects import ProjectView

KEY_HELP = (
    "the section's outline key in the regime, e.g. tt.can_cu_phap_ly; a custom sub-section without a key: "
    "its id, e.g. '#123' (quoted, or the shell reads # as a comment)"
)
SECTION_ID = re.compile(r"#\s*(\d+)")
STDIN = "-"
STDIN_NAME = QT_TRANSLATE_NOOP("Errors", "Standard input")
MEGABYTE = 1_048_576
# Normalising (line ends, trailing blanks) shrinks a text a little, never fourfold: more than this is refused unread.
READ_FACTOR = 4
STATE_NAMES = {
    SectionState.DRAFT: "bản nháp/draft",
    SectionState.SUBMITTED: "đã trình/submitted",
    SectionState.APPROVED: "đã duyệt/approved",
    SectionState.CHANGES_REQUESTED: "bị trả lại/returned for changes",
}


def add_section_commands(commands: "argparse._SubParsersAction[argparse.ArgumentParser]") -> None:
    """`section get CODE KEY` and `section put CODE KEY FILE|-`."""
    section = commands.add_parser("section", help="a section's Markdown: print it, or save a file as a new revision")
    actions = section.add_subparsers(dest="section_command", metavar="ACTION", required=True)
    acting = acting_options()
    get = actions.add_parser("get", parents=[acting], help="print the section's Markdown exactly as stored (UTF-8)")
    add_section_arguments(get)
    get.set_defaults(handler=cmd_section_get)
    put = actions.add_parser(
        "put",
        parents=[acting],
        help="save UTF-8 Markdown from FILE (or - for standard input) as the editor does: a revision if it changed",
    )
    add_section_arguments(put)
    put.add_argument("file", metavar="FILE|-", help="a UTF-8 Markdown file, or - to read standard input")
    put.set_defaults(handler=cmd_section_put)


def add_section_arguments(parser: argparse.ArgumentParser) -> None:
    """CODE KEY, the way every section and review command names a section."""
    parser.add_argument("code", metavar="CODE", help="project code, e.g. CT-ITP")
    parser.add_argument("key", metavar="KEY", help=KEY_HELP)


def section_label(section: "SectionView") -> str:
    """How the command line names a section: project code and outline key (or #id)."""
    return f"{section.project_code} {section.outline_key or f'#{section.id}'}"


def find_section(services: "Services", code: str, key: str) -> "SectionView":
    """The live section of project CODE with outline key KEY (or id #N), or a refusal naming what was not found."""
    project = services.projects.by_code(code)
    key = key.strip()
    if key.startswith("#"):
        return _section_by_id(services, project, key)
    from dossier_app.services.dossier.dossiers import walk_sections

    for tree in services.dossiers.tree(project.id):
        for node in walk_sections(tree.sections):
            if node.outline_key == key:
                return services.dossiers.section(node.id)
    regime = services.context.regimes.get(project.regime_key)
    others = [r for r in services.context.regimes.values() if r.key != project.regime_key and r.node(key)]
    if others and (regime is None or regime.node(key) is None):
        raise NotFound(
            QT_TRANSLATE_NOOP(
                "Errors",
                "'{key}' is a section of the outline of {other}, not of {regime}, which project {code} follows.",
            ),
            key=key,
            other=others[0].code,
            regime=regime.code if regime else project.regime_key,
            code=project.code,
        )
    raise _no_such_section(project, key)


def _section_by_id(services: "Services", project: "ProjectView", key: str) -> "SectionView":
    match = SECTION_ID.fullmatch(key)
    if match is None:
        raise _no_such_section(project, key)
    try:
        section = services.dossiers.section(int(match.group(1)))
    except NotFound:
        raise _no_such_section(project, key) from None
    if section.project_id != project.id:
        raise NotFound(
            QT_TRANSLATE_NOOP("Errors", "Section {key} belongs to project {other}, not to {code}."),
            key=key,
            other=section.project_code,
            code=project.code,
        )
    return section


def _no_such_section(project: "ProjectView", key: str) -> NotFound:
    return NotFound(
        QT_TRANSLATE_NOOP(
            "Errors",
            "Project {code} has no section '{key}': give an outline key of its regime, such as tt.can_cu_phap_ly, "
            "or a section id such as #123.",
        ),
        code=project.code,
        key=key,
    )


def read_markdown(source: str, limit: int) -> str:
    """FILE (or - for standard input) as UTF-8 text, refused whole and named when missing, not UTF-8, or larger
    than a section may hold once normalised as the service stores it."""
    from dossier_app.domain.text import normalise_body

    name = STDIN_NAME if source == STDIN else f"'{source}'"
    raw = _read_bytes(source, name, limit * READ_FACTOR + 1)
    too_large = TooLarge(
        QT_TRANSLATE_NOOP(
            "Errors",
            "{file} is larger than {limit} MB, the most a section may hold. Split it into sub-sections or attach "
            "the material as a file. Nothing was saved.",
        ),
        file=name,
        limit=f"{limit / MEGABYTE:,.0f}",
    )
    if len(raw) > limit * READ_FACTOR:
        raise too_large
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        raise ValidationFailed(
            QT_TRANSLATE_NOOP(
                "Errors", "{file} is not UTF-8 text (byte {offset} is invalid); save it as UTF-8. Nothing was saved."
            ),
            field="file",
            file=name,
            offset=error.start + 1,  # counted from 1, as cmp and editors count
        ) from None
    text = text.removeprefix("\ufeff")  # the mark some Windows editors put before UTF-8 text
    if len(normalise_body(text).encode("utf-8")) > limit:
        raise too_large
    return text


def _read_bytes(source: str, name: str, most: int) -> bytes:
    try:
        if source == STDIN:
            stream = getattr(sys.stdin, "buffer", None)
            if stream is None:
                raise OSError("standard input is closed")
            data: bytes = stream.read(most)
            return data
        with open(source, "rb") as file:
            return file.read(most)
    except FileNotFoundError:
        raise ValidationFailed(
            QT_TRANSLATE_NOOP("Errors", "{file} does not exist. Nothing was saved."), field="file", file=name
        ) from None
    except OSError as error:
        raise ValidationFailed(
            QT_TRANSLATE_NOOP("Errors", "{file} cannot be read ({reason}). Nothing was saved."),
            field="file",
            file=name,
            reason=error.strerror or str(error),
        ) from None


def write_exactly(text: str) -> None:
    """Write the text's UTF-8 bytes as they are: no newline added, none translated to the platform's."""
    stream = sys.stdout
    buffer = getattr(stream, "buffer", None)
    if buffer is None:
        stream.write(text)
        return
    stream.flush()
    buffer.write(text.encode("utf-8"))
    buffer.flush()


def cmd_section_get(services: "Services", args: argparse.Namespace) -> int:
    """Print the stored Markdown of the section, byte for byte."""
    section = find_section(services, args.code, args.key)
    sign_in(services, args)
    write_exactly(section.body)
    return EXIT_OK


def cmd_section_put(services: "Services", args: argparse.Namespace) -> int:
    """Save the text through the editor's save; say whether it made a revision."""
    from dossier_app.services.dossier.dossiers import MAX_BODY_BYTES

    section = find_section(services, args.code, args.key)
    text = read_markdown(args.file, MAX_BODY_BYTES)
    sign_in(services, args)
    before = services.reviews.review(section.id).state
    result = services.dossiers.save_body(section.id, text, base_version=section.version)
    label = section_label(section)
    if not result.changed and services.replica.keep_ours(section.id, text):
        print(
            f"Đã giải quyết xung đột / conflict resolved: {label} giữ nguyên nội dung của máy này; lần đồng bộ tới "
            "sẽ gửi nó lên máy chủ (keeps this desktop's text; the next sync sends it to the server)"
        )
        return EXIT_OK
    if not result.changed:
        print(
            f"Không thay đổi / unchanged: {label} đã có đúng nội dung này, không tạo phiên bản mới "
            f"(already holds this text; no revision made, version {result.version})"
        )
        return EXIT_OK
    digest = result.revision.content_hash[:12] if result.revision else ""
    print(
        f"Đã lưu / saved: {label} — phiên bản/revision {result.revision_number}, "
        f"{result.word_count} từ/words, sha256 {digest}"
    )
    after = services.reviews.review(section.id)
    if after.state is not before and before is not SectionState.DRAFT:
        note = " — đã sửa sau khi duyệt / changed since approval" if after.changed_since_approval else ""
        print(f"Trạng thái / state: {STATE_NAMES[before]} → {STATE_NAMES[after.state]}{note}")
    return EXIT_OK
