"""What an export is asked for and the worker processes it starts, in a module that loads no database layer: the
command line starts the workers before it opens the database, so their imports (Pillow, python-docx, reportlab)
run while it imports SQLAlchemy and the models."""

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from dossier_app.export.appendices import PLAN_APPENDIX, REGISTER_APPENDIX
from dossier_app.export.charts import warm_up
from dossier_app.export.package_files import warm_docx, warm_pdf, yield_to_parent
from dossier_app.export.plan import DocumentSettings
from dossier_app.export.signature_records import SigningKey, TokenKey
from dossier_app.export.templates import SHIPPED_DIR, find
from dossier_app.export.workers import StartMethod, Workers, cores
from dossier_app.services.export import FORMATS
from dossier_app.storage.resources import font_dir, office_templates_dir

CHARTED = (PLAN_APPENDIX[0], REGISTER_APPENDIX[0])  # the documents with charts: Appendices II and III


@dataclass(frozen=True)
class ExportOptions:
    """What the clerk chose: draft or final, formats, a zip, the page settings, the date and number to print."""

    draft: bool = False
    formats: tuple[str, ...] = FORMATS
    zip_package: bool = False
    settings: DocumentSettings = field(default_factory=DocumentSettings)
    issued_on: date | None = None
    number: int | None = None  # a final's Tờ trình number given once instead of the counter's
    documents: tuple[str, ...] | None = None  # plan names to write (To_trinh, De_an, Phu_luc_IV); None: all
    sign: SigningKey | TokenKey | None = None  # sign every PDF (PAdES); passphrase or PIN never logged or written
    edxml: bool = False  # also the package as one edXML message of the national document exchange
    from_organ: str | None = None  # the sender's electronic identification code this once (else the project's)
    to_organ: str | None = None  # the recipient's, likewise


def template_folders() -> tuple[Path, ...]:
    """Where an export looks for each template file: the office's own folder first, then the shipped one."""
    return (office_templates_dir(), SHIPPED_DIR)


def start_workers(options: ExportOptions, start: StartMethod | None = None) -> Workers:
    """Worker processes for the charts (when they may be drawn) and the writers, warming up (imports, the Word
    template, the fonts) at once. Each format has a worker of its own, and the charts (a fraction of a second with
    Pillow) another; on one core everything runs here. `start`: fork or spawn (None: what the process allows, see
    export.workers)."""
    draws = options.documents is None or any(name in options.documents for name in CHARTED)
    formats = [fmt for fmt in options.formats if fmt in FORMATS]  # the export refuses the others
    lanes = {fmt: fmt for fmt in formats}
    if draws:
        lanes["charts"] = "charts"
    workers = Workers(lanes, inline=cores() < 2, start=start)
    if not workers.inline:
        for lane in lanes:
            workers.submit(lane, yield_to_parent)
    if draws:
        workers.submit("charts", warm_up)
    if "docx" in lanes:
        letter = find("to_trinh.docx", template_folders())
        workers.submit("docx", warm_docx, options.settings.line_spacing, letter)
    if "pdf" in lanes:
        workers.submit("pdf", warm_pdf, font_dir())
    return workers
