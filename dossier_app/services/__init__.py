"""Use cases shared by the window, the command line and the tests; no Qt here."""

from dataclasses import dataclass

from argon2 import PasswordHasher

from dossier_app.services.accounts import AccountService
from dossier_app.services.attachments import AttachmentService
from dossier_app.services.audit import AuditTrail
from dossier_app.services.backups import BackupService
from dossier_app.services.catalogues import CatalogueService
from dossier_app.services.charts import ChartService
from dossier_app.services.checklist import ChecklistService
from dossier_app.services.comment_register import CommentRegisterService
from dossier_app.services.consultations import ConsultationService
from dossier_app.services.context import Operator, ServiceContext
from dossier_app.services.demo import DemoService
from dossier_app.services.document_numbers import DocumentNumberService
from dossier_app.services.dossiers import DossierService
from dossier_app.services.export_history import ExportHistory
from dossier_app.services.exports import ExportService
from dossier_app.services.holidays import HolidayService
from dossier_app.services.milestones import MilestoneService
from dossier_app.services.projects import ProjectService
from dossier_app.services.readiness import ReadinessService, milestone_signals
from dossier_app.services.register import RegisterService
from dossier_app.services.register_dashboard import RegisterDashboard
from dossier_app.services.register_io import RegisterIO
from dossier_app.services.reviews import ReviewService
from dossier_app.services.search import SearchService
from dossier_app.storage.blobs import DatabaseBlobStore
from dossier_app.storage.database import INTERACTIVE_LOCK_WAIT_MS, Database, open_database, server_cache_dir
from dossier_app.storage.files import BlobStore, FileStore
from dossier_app.storage.resources import load_regimes


@dataclass
class Services:
    """Every service of one open database, built once and passed down."""

    context: ServiceContext
    projects: ProjectService
    dossiers: DossierService
    attachments: AttachmentService
    search: SearchService
    demo: DemoService
    accounts: AccountService
    audit: AuditTrail
    reviews: ReviewService
    register: RegisterService
    register_io: RegisterIO
    catalogues: CatalogueService
    checklist: ChecklistService
    comment_register: CommentRegisterService
    readiness: ReadinessService
    exports: ExportService
    dashboard: RegisterDashboard
    charts: ChartService
    holidays: HolidayService
    consultations: ConsultationService
    milestones: MilestoneService
    backups: BackupService
    numbers: DocumentNumberService
    export_history: ExportHistory

    @property
    def database(self) -> Database:
        """The open database, for messages and shutdown."""
        return self.context.database

    def close(self) -> None:
        """Release the database connections."""
        self.context.database.dispose()


def blob_store(database: Database) -> BlobStore:
    """Attachments beside a SQLite file; inside a server database, which desktops share without sharing a folder."""
    if database.is_sqlite:
        return FileStore(database.files_root())
    return DatabaseBlobStore(database, server_cache_dir(), legacy=FileStore(database.files_root()))


def build_services(
    database: Database, operator: Operator, *, password_hasher: PasswordHasher | None = None
) -> Services:
    """Wire the services of one database together; tests pass a cheap `password_hasher`."""
    context = ServiceContext(
        database=database,
        files=blob_store(database),
        regimes=load_regimes(),
        operator=operator,
    )
    audit = AuditTrail(context)
    accounts = AccountService(context, audit, password_hasher)
    projects = ProjectService(context, audit)
    dossiers = DossierService(context, audit)
    catalogues = CatalogueService(context, audit)
    register = RegisterService(context, audit, catalogues)
    checklist = ChecklistService(context, audit)
    milestones = MilestoneService(context, audit)
    reviews = ReviewService(context, audit)
    dashboard = RegisterDashboard(context)
    holidays = HolidayService(context, audit)
    readiness = ReadinessService(context, checklist, milestone_signals(milestones))
    return Services(
        context=context,
        projects=projects,
        dossiers=dossiers,
        attachments=AttachmentService(context, audit),
        search=SearchService(context),
        demo=DemoService(context, audit, accounts),
        accounts=accounts,
        audit=audit,
        reviews=reviews,
        register=register,
        register_io=RegisterIO(context, audit, register, catalogues),
        catalogues=catalogues,
        checklist=checklist,
        comment_register=CommentRegisterService(context, audit),
        readiness=readiness,
        exports=ExportService(context, audit, reviews, readiness),
        dashboard=dashboard,
        charts=ChartService(dashboard),
        holidays=holidays,
        consultations=ConsultationService(context, audit, holidays),
        milestones=milestones,
        backups=BackupService(context, audit),
        numbers=DocumentNumberService(context, audit),
        export_history=ExportHistory(context),
    )


def open_services(
    location: str | None,
    operator: Operator,
    *,
    password_hasher: PasswordHasher | None = None,
    interactive: bool = False,
) -> Services:
    """Open the database at a path or URL (upgrading its schema) and build the services on it.

    `interactive`: for the window, whose writes wait only briefly for another writer (then StorageBusy,
    which it shows and retries) so a lock held elsewhere never freezes it.
    """
    wait = INTERACTIVE_LOCK_WAIT_MS if interactive else None
    return build_services(open_database(location, lock_wait_ms=wait), operator, password_hasher=password_hasher)
