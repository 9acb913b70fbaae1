"""Use cases shared by the window, the command line and the tests; no Qt here.

`Services` builds each service the first time it is asked for, importing its module then: a command that lists
projects never pays for the export, signing or spreadsheet libraries, and the window shows before they load.
"""

from functools import cached_property
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from argon2 import PasswordHasher

    from dossier_app.services.accounts.accounts import AccountService
    from dossier_app.services.accounts.audit import AuditTrail
    from dossier_app.services.backups.backups import BackupService
    from dossier_app.services.completeness.checklist import ChecklistService
    from dossier_app.services.completeness.consultations import ConsultationService
    from dossier_app.services.completeness.readiness import ReadinessService
    from dossier_app.services.core.context import Operator, ServiceContext
    from dossier_app.services.demo.demo import DemoService
    from dossier_app.services.department.changes import ChangeFeed
    from dossier_app.services.department.push import PushService
    from dossier_app.services.department.tokens import TokenService
    from dossier_app.services.dossier.attachments import AttachmentService
    from dossier_app.services.dossier.document_numbers import DocumentNumberService
    from dossier_app.services.dossier.dossiers import DossierService
    from dossier_app.services.dossier.project_home import ProjectHomeService
    from dossier_app.services.dossier.projects import ProjectService
    from dossier_app.services.dossier.search import SearchService
    from dossier_app.services.export.export_history import ExportHistory
    from dossier_app.services.export.exports import ExportService
    from dossier_app.services.milestones.holidays import HolidayService
    from dossier_app.services.milestones.milestones import MilestoneService
    from dossier_app.services.project_records.conflicts import RecordConflicts
    from dossier_app.services.project_records.push import RecordWriter
    from dossier_app.services.register.catalogues import CatalogueService
    from dossier_app.services.register.charts import ChartService
    from dossier_app.services.register.register import RegisterService
    from dossier_app.services.register.register_dashboard import RegisterDashboard
    from dossier_app.services.register.register_io import RegisterIO
    from dossier_app.services.review.comment_register import CommentRegisterService
    from dossier_app.services.review.redlines import RedlineService
    from dossier_app.services.review.reviews import ReviewService
    from dossier_app.services.sync.people import ReplicaPeople
    from dossier_app.services.sync.replica import ReplicaService
    from dossier_app.services.sync.row_conflicts import RowConflicts
    from dossier_app.storage.database import Database
    from dossier_app.storage.files import BlobStore

__all__ = ["Services", "build_services", "open_services"]


class Services:
    """Every service of one open database, each built on first use and then kept; passed down from the root."""

    def __init__(self, context: "ServiceContext", password_hasher: "PasswordHasher | None" = None) -> None:
        self.context = context
        self._password_hasher = password_hasher

    @property
    def database(self) -> "Database":
        """The open database, for messages and shutdown."""
        return self.context.database

    def close(self) -> None:
        """Release the database connections."""
        self.context.database.dispose()

    def acting_as(self, operator: "Operator") -> "Services":
        """The same database, stores and clock with a context of its own acting as `operator`: the server serves
        many people at once, and one person's request must never change who another's acts as."""
        from dataclasses import replace

        return Services(replace(self.context, operator=operator), self._password_hasher)

    @cached_property
    def audit(self) -> "AuditTrail":
        """The audit trail every writing service appends to."""
        from dossier_app.services.accounts.audit import AuditTrail

        return AuditTrail(self.context)

    @cached_property
    def accounts(self) -> "AccountService":
        """Accounts and sign-in (argon2 is loaded here, not at start)."""
        from dossier_app.services.accounts.accounts import AccountService

        return AccountService(self.context, self.audit, self._password_hasher)

    @cached_property
    def tokens(self) -> "TokenService":
        """Sign-in at the department server: session tokens, kept hashed."""
        from dossier_app.services.department.tokens import TokenService

        return TokenService(self.context, self.audit, self.accounts)

    @cached_property
    def changes(self) -> "ChangeFeed":
        """The pull side of sync: what changed after a cursor, with the tombstones."""
        from dossier_app.services.department.changes import ChangeFeed

        return ChangeFeed(self.context)

    @cached_property
    def push(self) -> "PushService":
        """The push side of sync on the server: desktops' changes applied through these services, as their person."""
        from dossier_app.services.department.push import PushService
        from dossier_app.services.department.register_push import RegisterPush
        from dossier_app.services.project_records.push import RecordPush
        from dossier_app.services.project_records.sync import HOOKED
        from dossier_app.services.sync.structure_sync import StructurePush

        records = RecordPush(self.context, self.record_writer).apply
        more = {
            "affectedparty": RegisterPush(self.context, self.register).household,
            "section": StructurePush(self.context, self.dossiers).apply,
            **dict.fromkeys(HOOKED, records),
        }
        return PushService(self.context, self.changes, self.dossiers, self.reviews, more)

    @cached_property
    def replica(self) -> "ReplicaService":
        """This database as a desktop's replica of the department server: sync, conflicts."""
        from dossier_app.services.sync.replica import ReplicaService

        return ReplicaService(self.context, self.dossiers, self.projects, self.people)

    @cached_property
    def people(self) -> "ReplicaPeople":
        """Who acts on a replica: offline sign-in, the person who last synced, each person's server token."""
        from dossier_app.services.sync.people import ReplicaPeople

        return ReplicaPeople(self.context, self.accounts)

    @cached_property
    def record_writer(self) -> "RecordWriter":
        """Milestone plans and steps, facts and filing dates written through their services (sync's records)."""
        from dossier_app.services.project_records.push import RecordWriter

        return RecordWriter(
            self.context,
            self.milestones,
            self.checklist,
            self.consultations,
            self.comment_register,
            self.projects,
            self.numbers,
            self.catalogues,
            self.holidays,
        )

    @cached_property
    def record_conflicts(self) -> "RecordConflicts":
        """A replica's conflicts in milestone plans, steps, facts and filing dates, and the person's pick."""
        from dossier_app.services.project_records.conflicts import RecordConflicts

        return RecordConflicts(self.context, self.record_writer, self.dossiers)

    @cached_property
    def row_conflicts(self) -> "RowConflicts":
        """A replica's register conflicts: each field both sides changed, and the person's pick."""
        from dossier_app.services.sync.row_conflicts import RowConflicts

        return RowConflicts(self.context, self.register)

    @cached_property
    def projects(self) -> "ProjectService":
        """Projects and their documents."""
        from dossier_app.services.dossier.projects import ProjectService

        return ProjectService(self.context, self.audit)

    @cached_property
    def dossiers(self) -> "DossierService":
        """Sections, bodies and revisions."""
        from dossier_app.services.dossier.dossiers import DossierService

        return DossierService(self.context, self.audit)

    @cached_property
    def attachments(self) -> "AttachmentService":
        """Files filed with a section."""
        from dossier_app.services.dossier.attachments import AttachmentService

        return AttachmentService(self.context, self.audit)

    @cached_property
    def search(self) -> "SearchService":
        """Search across a project's sections."""
        from dossier_app.services.dossier.search import SearchService

        return SearchService(self.context)

    @cached_property
    def demo(self) -> "DemoService":
        """The Cần Thơ demo data."""
        from dossier_app.services.demo.demo import DemoService

        return DemoService(self.context, self.audit, self.accounts)

    @cached_property
    def reviews(self) -> "ReviewService":
        """Review of each section."""
        from dossier_app.services.review.reviews import ReviewService

        return ReviewService(self.context, self.audit)

    @cached_property
    def redlines(self) -> "RedlineService":
        """Revisions compared as formatted text, for the window and as Word files with tracked changes."""
        from dossier_app.services.review.redlines import RedlineService

        return RedlineService(self.context)

    @cached_property
    def catalogues(self) -> "CatalogueService":
        """The register's editable catalogues."""
        from dossier_app.services.register.catalogues import CatalogueService

        return CatalogueService(self.context, self.audit)

    @cached_property
    def register(self) -> "RegisterService":
        """The land clearance register."""
        from dossier_app.services.register.register import RegisterService

        return RegisterService(self.context, self.audit, self.catalogues)

    @cached_property
    def register_io(self) -> "RegisterIO":
        """Register workbooks in and out (the spreadsheet libraries load here)."""
        from dossier_app.services.register.register_io import RegisterIO

        return RegisterIO(self.context, self.audit, self.register, self.catalogues)

    @cached_property
    def checklist(self) -> "ChecklistService":
        """The conditions checklist."""
        from dossier_app.services.completeness.checklist import ChecklistService

        return ChecklistService(self.context, self.audit)

    @cached_property
    def comment_register(self) -> "CommentRegisterService":
        """Ministry and council comments with the city's answers."""
        from dossier_app.services.review.comment_register import CommentRegisterService

        return CommentRegisterService(self.context, self.audit)

    @cached_property
    def milestones(self) -> "MilestoneService":
        """Milestone plans."""
        from dossier_app.services.milestones.milestones import MilestoneService

        return MilestoneService(self.context, self.audit)

    @cached_property
    def readiness(self) -> "ReadinessService":
        """How ready a dossier is to submit."""
        from dossier_app.services.completeness.readiness import ReadinessService, milestone_signals

        return ReadinessService(self.context, self.checklist, milestone_signals(self.milestones))

    @cached_property
    def exports(self) -> "ExportService":
        """The submission package (the document libraries load when it is written)."""
        from dossier_app.services.export.exports import ExportService

        return ExportService(self.context, self.audit, self.reviews, self.readiness)

    @cached_property
    def dashboard(self) -> "RegisterDashboard":
        """The register summed per ward."""
        from dossier_app.services.register.register_dashboard import RegisterDashboard

        return RegisterDashboard(self.context)

    @cached_property
    def charts(self) -> "ChartService":
        """Chart images (Pillow loads when one is drawn)."""
        from dossier_app.services.register.charts import ChartService

        return ChartService(self.dashboard)

    @cached_property
    def holidays(self) -> "HolidayService":
        """The working-day calendar."""
        from dossier_app.services.milestones.holidays import HolidayService

        return HolidayService(self.context, self.audit)

    @cached_property
    def consultations(self) -> "ConsultationService":
        """Ministry consultations and the review clock."""
        from dossier_app.services.completeness.consultations import ConsultationService

        return ConsultationService(self.context, self.audit, self.holidays)

    @cached_property
    def backups(self) -> "BackupService":
        """Backups and restores."""
        from dossier_app.services.backups.backups import BackupService

        return BackupService(self.context, self.audit)

    @cached_property
    def numbers(self) -> "DocumentNumberService":
        """Document numbers per project and symbol."""
        from dossier_app.services.dossier.document_numbers import DocumentNumberService

        return DocumentNumberService(self.context, self.audit)

    @cached_property
    def export_history(self) -> "ExportHistory":
        """Every package written for a project."""
        from dossier_app.services.export.export_history import ExportHistory

        return ExportHistory(self.context)

    @cached_property
    def home(self) -> "ProjectHomeService":
        """A project's home: readiness, review, land clearance, consultations and the last export at a glance."""
        from dossier_app.services.dossier.project_home import ProjectHomeService

        return ProjectHomeService(
            self.context, self.projects, self.readiness, self.dashboard, self.consultations, self.export_history
        )


def blob_store(database: "Database") -> "BlobStore":
    """Attachments beside a SQLite file; inside a server database, which desktops share without sharing a folder."""
    from dossier_app.storage.files import FileStore

    if database.is_sqlite:
        return FileStore(database.files_root())
    from dossier_app.storage.blobs import DatabaseBlobStore  # its tables load only for a server database
    from dossier_app.storage.database import server_cache_dir

    return DatabaseBlobStore(database, server_cache_dir(), legacy=FileStore(database.files_root()))


def build_services(
    database: "Database", operator: "Operator", *, password_hasher: "PasswordHasher | None" = None
) -> Services:
    """The services of one database; tests pass a cheap `password_hasher`."""
    from dossier_app.services.core.context import ServiceContext
    from dossier_app.storage.resources import load_regimes

    context = ServiceContext(database=database, files=blob_store(database), regimes=load_regimes(), operator=operator)
    return Services(context, password_hasher)


def open_services(
    location: str | None,
    operator: "Operator",
    *,
    password_hasher: "PasswordHasher | None" = None,
    interactive: bool = False,
) -> Services:
    """Open the database at a path or URL (upgrading its schema) and build the services on it.

    `interactive`: for the window, whose writes wait only briefly for another writer (then StorageBusy,
    which it shows and retries) so a lock held elsewhere never freezes it.
    """
    from dossier_app.storage.database import INTERACTIVE_LOCK_WAIT_MS, open_database

    wait = INTERACTIVE_LOCK_WAIT_MS if interactive else None
    return build_services(open_database(location, lock_wait_ms=wait), operator, password_hasher=password_hasher)
