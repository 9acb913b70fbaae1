"""The submission package: the dossier's documents in Word and PDF, its attachments and a manifest of hashes."""

import json
import re
import shutil
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import func
from sqlmodel import Session, col, select

from dossier_app.domain.enums import AuditAction, DocumentKind
from dossier_app.domain.errors import (
    QT_TRANSLATE_NOOP,
    ExportCancelled,
    ExportIncomplete,
    ExportNotReady,
    NotFound,
    ValidationFailed,
)
from dossier_app.domain.lifecycle import Action
from dossier_app.domain.models import Attachment, Document, Project, Section, SectionRevision
from dossier_app.domain.readiness import Light, ReadinessItem
from dossier_app.domain.text import content_hash
from dossier_app.export.charts import draw_charts
from dossier_app.export.comment_register_doc import REGISTER_SYMBOL
from dossier_app.export.documents import (
    AttachmentLine,
    LetterContent,
    Letterhead,
    SchemeContent,
    SectionText,
    build_attachments_appendix,
    build_de_an,
    build_to_trinh,
)
from dossier_app.export.package_files import write_document, write_with_contents
from dossier_app.export.plan import ContentsEntry, DocumentSettings
from dossier_app.export.plan import Document as PlanDocument
from dossier_app.export.signature_records import FIELD_NAME, SigningKey, TokenKey
from dossier_app.export.templates import Templates, load_templates
from dossier_app.export.workers import Pending, Workers
from dossier_app.services.accounts.audit import AuditTrail
from dossier_app.services.completeness.checklist import ChecklistService
from dossier_app.services.completeness.readiness import ReadinessService
from dossier_app.services.completeness.readiness_text import item_text
from dossier_app.services.core.context import ServiceContext
from dossier_app.services.core.permissions import require_action
from dossier_app.services.dossier.document_numbers import LETTER_SYMBOL, advance_numbers, check_number, next_numbers
from dossier_app.services.export import FORMATS
from dossier_app.services.export.edxml_message import LetterFacts, organ_codes, write_package_message
from dossier_app.services.export.export_appendices import (
    APPENDIX_TITLES,
    ExportAppendices,
    PendingAppendix,
    comment_register_document,
    conditions_appendix,
    section_labels,
)
from dossier_app.services.export.export_history import record_export
from dossier_app.services.export.export_workers import ExportOptions, start_workers, template_folders
from dossier_app.services.export.packages import MANIFEST, PackageCheck, file_entry, verify_package
from dossier_app.services.review.comment_register import CommentRegisterService
from dossier_app.services.review.reviews import ReviewService
from dossier_app.storage.resources import font_dir, message_translations
from dossier_app.version import PROGRAM_NAME, program_version

if TYPE_CHECKING:
    from dossier_app.export.signing import Signer

Progress = Callable[[int, int, str], None]
Planned = PlanDocument | PendingAppendix  # a document, or an appendix whose charts are still to draw


@dataclass(frozen=True)
class ExportResult:
    """Where the package went and what it holds."""

    folder: Path
    zip_path: Path | None
    files: tuple[Path, ...]
    manifest_sha256: str
    draft: bool
    numbers: dict[str, int] = field(default_factory=dict)


@dataclass
class _Source:
    """One section's text for the export and the revision it came from."""

    node: Section
    body: str
    revision_id: int | None
    sha256: str
    approved_by: str


def _safe_name(name: str) -> str:
    cleaned = re.sub(r"[^\w.\-]+", "_", name, flags=re.UNICODE).strip("._")
    return cleaned[:80] or "file"


class ExportService:
    """Builds the documents from the database and writes the package; nothing in the database changes but the
    audit entry."""

    def __init__(
        self,
        context: ServiceContext,
        audit: AuditTrail,
        reviews: ReviewService,
        readiness: ReadinessService | None = None,
    ) -> None:
        self._context = context
        self._audit = audit
        self._reviews = reviews
        self._appendices = ExportAppendices(context, audit)
        self._checklist = ChecklistService(context, audit)
        self._comments = CommentRegisterService(context, audit)
        self._readiness = readiness or ReadinessService(context, self._checklist)

    def red_items(self, code: str) -> list[ReadinessItem]:
        """What keeps a final export back, as readiness items a window words in its own language."""
        return [item for item in self._readiness.report_for_code(code).items if item.light is Light.RED]

    def not_ready(self, code: str) -> list[str]:
        """What keeps a final export back: the red items of the readiness report, as `check CODE` prints them."""
        table = message_translations("vi", "Readiness")
        return [item_text(item, table) for item in self.red_items(code)]

    def missing_approvals(self, code: str) -> list[str]:
        """The required sections without an approved revision, as 'Document › Section'."""
        with self._context.database.begin() as session:
            project = self._project(session, code)
            return [
                f"{document.title} › {section.title}"
                for document in self._documents(session, project)
                for section in self._sections(session, document)
                if section.required and section.approved_revision_id is None
            ]

    def choices(self, code: str) -> list[tuple[str, str]]:
        """Every document a package of the project can hold, as (name, title) in package order, without reading
        the register or drawing the charts (for the export dialog's list)."""
        plans, _ = self.plans(code, ExportOptions(draft=True, documents=()))
        named = [(plan.name, plan.title) for plan in plans]
        at = next((i for i, (name, _) in enumerate(named) if name == "Phu_luc_IV"), len(named))
        return named[:at] + list(APPENDIX_TITLES.items()) + named[at:]  # II and III go between I and IV

    def plans(self, code: str, options: ExportOptions) -> tuple[list[PlanDocument], dict[str, Any]]:
        """The document plans of a project (and the manifest's section records); ExportIncomplete on a final export
        with required sections unapproved."""
        planned, records = self._read(code, options)
        return [item.document() if isinstance(item, PendingAppendix) else item for item in planned], records

    def _read(
        self, code: str, options: ExportOptions, charted: Callable[[list[PendingAppendix]], None] | None = None
    ) -> tuple[list[Planned], dict[str, Any]]:
        """The plans read from the database, Appendices II and III with their charts still to draw, and the
        manifest's records. Those appendices are read first and given to `charted` at once: their charts are the
        export's longest chain, so they can be drawn while the rest is read."""
        with self._context.database.begin() as session:
            require_action(session, self._context, Action.EXPORT)
            project = self._project(session, code)
            regime = self._context.regime(project.regime_key)
            codes = (
                organ_codes(
                    project.sender_organ_code, project.recipient_organ_code, options.from_organ, options.to_organ
                )
                if options.edxml
                else None
            )
            documents = self._documents(session, project)
            sources = {document.id: self._sources(session, document, options.draft) for document in documents}
            attachments = self._attachments(session, [s.node for srcs in sources.values() for s in srcs])
            counters = {} if options.draft or project.id is None else next_numbers(session, project.id)
        if not options.draft:
            missing = [
                f"{document.title} › {source.node.title}"
                for document in documents
                for source in sources[document.id]
                if source.node.required and source.revision_id is None
            ]
            if not_ready := self.not_ready(code):
                raise ExportNotReady(not_ready, missing)
            if missing:
                raise ExportIncomplete(missing)
        numbers = counters if options.draft or options.number is None else {**counters, LETTER_SYMBOL: options.number}
        issued = options.issued_on or self._context.clock().date()
        letterhead = Letterhead(
            governing_body=project.governing_body,
            issuing_body=project.issuing_body,
            issued_on=issued,
            signer_title=project.signer_title,
            signer_name=project.signer_name,
        )
        templates = load_templates(template_folders())  # read again each export: an office's edit shows at once
        wording = templates.wording
        settings = DocumentSettings(options.settings.margins, options.settings.line_spacing, options.draft, wording)
        letter_head = replace(letterhead, number=numbers.get(LETTER_SYMBOL))
        pid = project.id or 0
        appendices = [
            replace(item, reference=templates.reference_for(item.name))
            for item in self._appendices.pending(pid, letter_head, LETTER_SYMBOL, settings, options.documents)
        ]
        if charted:
            charted(appendices)
        plans: list[Planned] = []
        letter: LetterFacts | None = None
        outlines = {outline.kind: outline for outline in regime.documents}
        printed = {LETTER_SYMBOL}
        labels: dict[int, str] = {}
        for document in documents:
            kind = DocumentKind(document.kind)
            tree = self._tree(sources[document.id])
            refs = [(s.node.id or 0, s.node.outline_key) for s in sources[document.id]]
            labels.update(section_labels(document.title, kind, refs, tree))
            outline = outlines.get(kind)
            symbol = outline.symbol if outline else LETTER_SYMBOL
            document_head = replace(letterhead, number=numbers.get(symbol))
            printed.add(symbol)
            if kind is DocumentKind.TO_TRINH:
                decided_by = regime.decided_by_vi or "Thủ tướng Chính phủ"
                content = LetterContent(
                    subject=wording.letter_subject.format(project=project.name),
                    addressees=tuple(line.format(decided_by=decided_by) for line in wording.letter_addressees),
                    recipients=wording.letter_recipients,
                    symbol=symbol,
                )
                plans.append(build_to_trinh(document_head, content, tree, settings))
                if codes:
                    letter = LetterFacts(
                        *codes,
                        sender_name=project.issuing_body,
                        sender_in_charge=project.governing_body or project.issuing_body,
                        letterhead=document_head,
                        notation=f"{symbol}-{document_head.issuer_symbol}",
                        subject=content.subject,
                        addressees=content.addressees,
                    )
            elif kind is DocumentKind.DE_AN:
                scheme = SchemeContent(wording.scheme_subject.format(project=project.name), symbol)
                plans.append(build_de_an(document_head, scheme, tree, settings))
        lines = [AttachmentLine(a.name, title, a.size, a.sha256) for a, title in attachments]
        hashes = {a.id or 0: a.sha256 for a, _ in attachments}
        plans.append(conditions_appendix(self._checklist, pid, letter_head, LETTER_SYMBOL, labels, hashes, settings))
        plans += appendices
        plans.append(build_attachments_appendix(letter_head, LETTER_SYMBOL, lines, settings))
        register_head = replace(letterhead, number=numbers.get(REGISTER_SYMBOL))
        printed.add(REGISTER_SYMBOL)
        subject = wording.register_subject.format(project=project.name)
        plans.append(
            comment_register_document(self._comments, pid, register_head, subject, letter_head, LETTER_SYMBOL, settings)
        )
        records: dict[str, Any] = {
            "project": project.code,
            "regime": regime.key,
            "regime_code": regime.code,
            "sections": [
                {
                    "document": document.kind,
                    "key": source.node.outline_key,
                    "title": source.node.title,
                    "revision_id": source.revision_id,
                    "sha256": source.sha256,
                    "approved_by": source.approved_by,
                }
                for document in documents
                for source in sources[document.id]
            ],
            "attachments": [(a.name, a.sha256) for a, _ in attachments],
            "numbers": {symbol: number for symbol, number in numbers.items() if symbol in printed},
        }
        if codes:
            subject = wording.letter_subject.format(project=project.name)  # a regime without a Tờ trình: its facts
            notation = f"{LETTER_SYMBOL}-{letter_head.issuer_symbol}"
            body = project.issuing_body
            records["edxml"] = letter or LetterFacts(*codes, body, body, letter_head, notation, subject, ())
        return [_with_reference(item, templates) for item in plans], records

    def export(
        self,
        code: str,
        out_dir: Path,
        options: ExportOptions | None = None,
        progress: Progress | None = None,
        cancelled: Callable[[], bool] | None = None,
        workers: Workers | None = None,
    ) -> ExportResult:
        """Write the package into `out_dir/<CODE>_<yyyy-mm-dd>_<n>` (and a .zip beside it when asked); a cancel or
        a failure removes what was written (ExportCancelled), a final takes its numbers from the counters. `workers`:
        those `start_workers(options)` started already (the command line starts them before opening the database);
        they are closed when the export ends, killed if it fails."""
        options = options or ExportOptions()
        unknown = [fmt for fmt in options.formats if fmt not in FORMATS]
        if unknown or not options.formats:
            raise ValidationFailed(
                QT_TRANSLATE_NOOP("Errors", "Unknown export format '{value}' (use docx, pdf)."),
                field="format",
                value=",".join(unknown),
            )
        if options.number is not None:
            check_number(options.number)
        with workers or start_workers(options) as workers:
            drawing: dict[Pending[list[bytes]], PendingAppendix] = {}

            def draw(appendices: list[PendingAppendix]) -> None:
                """Each appendix's charts, sent to be drawn as soon as they are read, while the other documents are
                read and written; the one with the most first, so its PDF (the register's, the longest) is written
                while the others are drawn."""
                for item in sorted((item for item in appendices if item.charts), key=lambda item: -len(item.charts)):
                    drawing[workers.submit("charts", draw_charts, item.charts)] = item

            planned, records = self._read(code, options, draw)
            if options.documents is not None:
                planned = [item for item in planned if item.name in options.documents]
                if not planned:
                    raise ValidationFailed(
                        QT_TRANSLATE_NOOP("Errors", "Choose at least one document to export."), field="documents"
                    )
            signer = _load_signer(options.sign) if options.sign else None  # a bad key refuses before any folder exists
            try:
                today = self._context.clock().date()
                folder = self._new_folder(out_dir, f"{records['project']}_{today.isoformat()}")
                try:
                    files = _Files(workers, folder, options.formats, drawing)
                    done = cancelled or (lambda: False)
                    return self._write(code, folder, planned, files, records, options, progress, done, signer)
                except BaseException:
                    workers.kill()  # nothing more is written into the folder once this returns
                    shutil.rmtree(folder, ignore_errors=True)
                    folder.with_name(f"{folder.name}.zip").unlink(missing_ok=True)
                    raise
            finally:
                if signer is not None:
                    signer.close()  # a token's session: opened once for the export, closed when it ends

    def _write(
        self,
        code: str,
        folder: Path,
        planned: list[Planned],
        files: "_Files",
        records: dict[str, Any],
        options: ExportOptions,
        progress: Progress | None,
        cancelled: Callable[[], bool],
        signer: "Signer | None",
    ) -> ExportResult:
        written: list[Path] = []
        total = len(planned) * len(options.formats) + 1
        for item in sorted(planned, key=lambda item: not (isinstance(item, PlanDocument) and item.has_contents)):
            files.send(item)  # a document with contents first: its Word file waits for its PDF's pages
        for item in planned:
            for fmt in options.formats:
                target = folder / f"{item.name}.{fmt}"
                if cancelled():
                    raise ExportCancelled()
                if progress:
                    progress(len(written), total, target.name)
                files.wait(target)
                written.append(target)
        files.close()
        signatures = self._sign(folder, written, signer, options, str(records["project"])) if signer else {}
        written.extend(self._copy_attachments(folder, records.pop("attachments")))
        letter = records.pop("edxml", None)
        if letter is not None:
            titles = {item.name: _title(item) for item in planned}
            appendixes = tuple(title for name, title in titles.items() if name.startswith("Phu_luc"))
            facts = replace(letter, appendixes=appendixes)
            written.append(write_package_message(folder, written, facts, titles, self._context.clock()))
        manifest = {
            **records,
            "kind": "draft" if options.draft else "final",
            "program": {"name": PROGRAM_NAME, "version": program_version()},
            "program_version": program_version(),  # the same number, as packages written before "program" had it
            "created_at": self._context.clock().isoformat(),
            "created_by": self._context.operator.name,
            "files": [{**file_entry(folder, path), **signatures.get(path, {})} for path in written],
        }
        manifest_path = folder / MANIFEST
        manifest_path.write_text(json.dumps(manifest, ensure_ascii=False, indent=2), encoding="utf-8")
        manifest_hash = file_entry(folder, manifest_path)["sha256"]
        zip_path = None
        if options.zip_package:
            zip_path = Path(shutil.make_archive(str(folder), "zip", root_dir=folder.parent, base_dir=folder.name))
        if cancelled():
            raise ExportCancelled()
        given = frozenset({LETTER_SYMBOL}) if options.number is not None else frozenset()
        self._record(code, folder, options.draft, manifest_hash, zip_path, records["numbers"], given, signer)
        if progress:
            progress(total, total, MANIFEST)
        return ExportResult(folder, zip_path, tuple(written), manifest_hash, options.draft, records["numbers"])

    @staticmethod
    def verify_package(path: Path) -> PackageCheck:
        """Check every file of a package folder or zip against its manifest."""
        return verify_package(path)

    # Reading -------------------------------------------------------------------------------------

    @staticmethod
    def _project(session: Session, code: str) -> Project:
        project = session.exec(select(Project).where(func.upper(Project.code) == code.strip().upper())).first()
        if project is None:  # the same refusal as ProjectService.by_code
            raise NotFound(QT_TRANSLATE_NOOP("Errors", "There is no project with the code '{code}'."), code=code)
        return project

    @staticmethod
    def _documents(session: Session, project: Project) -> list[Document]:
        return list(
            session.exec(select(Document).where(Document.project_id == project.id).order_by(col(Document.position)))
        )

    @staticmethod
    def _sections(session: Session, document: Document) -> list[Section]:
        return list(
            session.exec(
                select(Section)
                .where(Section.document_id == document.id, col(Section.deleted_at).is_(None))
                .order_by(col(Section.position), col(Section.id))
            )
        )

    def _sources(self, session: Session, document: Document, draft: bool) -> list[_Source]:
        sources = []
        for section in self._sections(session, document):
            if draft:
                latest = session.exec(
                    select(SectionRevision)
                    .where(SectionRevision.section_id == section.id)
                    .order_by(col(SectionRevision.number).desc())
                    .limit(1)
                ).first()
                sources.append(
                    _Source(section, section.body, latest.id if latest else None, content_hash(section.body), "")
                )
                continue
            body = self._reviews.approved_body(section.id) if section.approved_revision_id and section.id else None
            sources.append(
                _Source(section, body or "", section.approved_revision_id, section.approved_hash, section.approved_by)
            )
        return sources

    @staticmethod
    def _tree(sources: Sequence[_Source]) -> list[SectionText]:
        by_parent: dict[int | None, list[_Source]] = {}
        for source in sources:
            by_parent.setdefault(source.node.parent_id, []).append(source)

        def build(parent: int | None) -> tuple[SectionText, ...]:
            return tuple(
                SectionText(s.node.title, s.body, s.node.outline_key, s.node.required, build(s.node.id))
                for s in by_parent.get(parent, [])
            )

        return list(build(None))

    @staticmethod
    def _attachments(session: Session, sections: Sequence[Section]) -> list[tuple[Attachment, str]]:
        titles = {section.id: section.title for section in sections}
        if not titles:
            return []
        rows = session.exec(
            select(Attachment).where(col(Attachment.section_id).in_(list(titles))).order_by(col(Attachment.id))
        )
        return [(row, titles[row.section_id]) for row in rows]

    # Writing -------------------------------------------------------------------------------------

    @staticmethod
    def _new_folder(out_dir: Path, stem: str) -> Path:
        out_dir.mkdir(parents=True, exist_ok=True)
        number = 1
        while (out_dir / f"{stem}_{number}").exists() or (out_dir / f"{stem}_{number}.zip").exists():
            number += 1
        folder = out_dir / f"{stem}_{number}"
        folder.mkdir()
        return folder

    def _copy_attachments(self, folder: Path, attachments: list[tuple[str, str]]) -> list[Path]:
        copied: list[Path] = []
        seen: set[str] = set()
        for name, sha256 in attachments:
            if sha256 in seen:
                continue
            seen.add(sha256)
            target = folder / "attachments" / f"{sha256[:12]}_{_safe_name(name)}"
            target.parent.mkdir(exist_ok=True)
            shutil.copyfile(self._context.files.path_for(sha256), target)
            copied.append(target)
        return copied

    def _sign(
        self, folder: Path, written: list[Path], signer: "Signer", options: ExportOptions, project: str
    ) -> dict[Path, dict[str, Any]]:
        """Sign every PDF in place; the manifest's signature record of each. A failure removes the whole folder."""
        from dossier_app.export.signing import sign_pdf  # pyHanko only when signing

        record = {"field": FIELD_NAME, "signer": signer.subject, "certificate_sha256": signer.fingerprint}
        signed: dict[Path, dict[str, Any]] = {}
        try:
            for path in written:
                if path.suffix == ".pdf":
                    reason = f"Hồ sơ {project}"
                    sign_pdf(path, signer, font_dir(), self._context.clock(), options.settings.margins, reason)
                    signed[path] = {"signature": record}
        except BaseException:
            shutil.rmtree(folder, ignore_errors=True)
            raise
        return signed

    def _record(
        self,
        code: str,
        folder: Path,
        draft: bool,
        manifest_hash: str,
        zip_path: Path | None,
        numbers: dict[str, int],
        given: frozenset[str],
        signer: "Signer | None" = None,
    ) -> None:
        """The audit entry, the history line and the counters' advance: one transaction."""
        with self._context.database.begin() as session:
            project = self._project(session, code)
            assert project.id is not None
            actor = self._context.operator.name
            advance_numbers(session, project.id, numbers, actor, given)
            record_export(session, project.id, actor, draft, folder, zip_path, manifest_hash, numbers)
            summary = f"{'draft' if draft else 'final'} {folder.name} manifest {manifest_hash[:16]}"
            if signer:
                summary += f" signed by {signer.common_name} certificate {signer.fingerprint[:16]}"
            self._audit.record(
                session,
                self._context.operator.name,
                AuditAction.PACKAGE_EXPORT,
                "project",
                project.id,
                summary,
                project.id,
            )


def _title(item: Planned) -> str:
    """A document's title, for the edXML message's description of its files."""
    return APPENDIX_TITLES.get(item.name, item.name) if isinstance(item, PendingAppendix) else item.title


def _load_signer(key: SigningKey | TokenKey) -> "Signer":
    """Open the signing key, a .p12 or a token's (importing pyHanko, which only signing needs)."""
    if isinstance(key, TokenKey):
        from dossier_app.export.tokens import open_token_signer

        return open_token_signer(key)
    from dossier_app.export.signing import load_signer

    return load_signer(key)


def _with_reference(item: Planned, templates: Templates) -> Planned:
    """A document opening its kind's reference document of exports/ (an appendix with charts has it already)."""
    if isinstance(item, PendingAppendix):
        return item
    return replace(item, reference=templates.reference_for(item.name))


class _Files:
    """The package's files on their way: each document sent to the writer of each format as soon as it can be (an
    appendix once its charts are in), and waited for in package order."""

    def __init__(
        self,
        workers: Workers,
        folder: Path,
        formats: tuple[str, ...],
        drawing: dict[Pending[list[bytes]], PendingAppendix],
    ) -> None:
        self._workers = workers
        self._folder = folder
        self._formats = formats
        self._drawing = drawing
        self._jobs: dict[Path, Pending[Any]] = {}
        self._paged: dict[Path, tuple[PlanDocument, Pending[tuple[Path, tuple[ContentsEntry, ...]]]]] = {}

    def send(self, item: Planned) -> None:
        """Send a document to its writers now; an appendix waits for its charts unless it has none. A document with
        a table of contents sends its PDF alone: its Word file follows with the pages that PDF's layout found, and
        the writers write the other documents meanwhile."""
        if isinstance(item, PendingAppendix):
            if any(item is waiting for waiting in self._drawing.values()):
                return
            item = item.built(())
        formats = self._formats
        if item.has_contents and {"docx", "pdf"} <= set(formats):
            pdf = self._folder / f"{item.name}.pdf"
            self._jobs[pdf] = self._workers.submit("pdf", write_with_contents, item, pdf, font_dir())
            self._paged[self._folder / f"{item.name}.docx"] = (item, self._jobs[pdf])
            formats = tuple(fmt for fmt in formats if fmt not in ("docx", "pdf"))
        for fmt in formats:
            target = self._folder / f"{item.name}.{fmt}"
            self._jobs[target] = self._workers.submit(fmt, write_document, item, fmt, target, font_dir())

    def wait(self, target: Path) -> None:
        """Until the file is written (its own error raised here); charts that come in meanwhile send their appendix
        on, and pages that come in their Word file."""
        self._paged_in()
        while target not in self._jobs:
            if target in self._paged:  # a Word file waiting for its PDF's pages
                self._until(self._paged[target][1])
                self._paged_in()
            else:  # an appendix whose charts are still being drawn
                self._charts_in(self._workers.first_done(list(self._drawing)))
        job = self._jobs[target]
        self._until(job)
        job.result()

    def _until(self, job: Pending[Any]) -> None:
        """Until the job is done, sending on the appendices whose charts come in meanwhile."""
        while not job.done() and self._drawing:
            done = self._workers.first_done([job, *self._drawing])
            if done is not job:
                self._charts_in(done)

    def _paged_in(self) -> None:
        """Send each Word file whose PDF has been written, with that PDF's pages in its contents."""
        for target, (item, pages) in list(self._paged.items()):
            if pages.done() or self._workers.inline:
                del self._paged[target]
                paged = item.with_contents(pages.result()[1])
                self._jobs[target] = self._workers.submit("docx", write_document, paged, "docx", target, font_dir())

    def close(self) -> None:
        """Every file is written: let the workers go."""
        self._workers.close()

    def _charts_in(self, drawn: Pending[list[bytes]]) -> None:
        appendix = self._drawing.pop(drawn)
        self.send(appendix.built(drawn.result()))
