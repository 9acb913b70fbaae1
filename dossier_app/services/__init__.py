"""Use cases shared by the window, the command line and the tests; no Qt here."""

from dataclasses import dataclass

from dossier_app.services.attachments import AttachmentService
from dossier_app.services.context import Operator, ServiceContext
from dossier_app.services.demo import DemoService
from dossier_app.services.dossiers import DossierService
from dossier_app.services.projects import ProjectService
from dossier_app.services.search import SearchService
from dossier_app.storage.database import Database, open_database
from dossier_app.storage.files import FileStore
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

    @property
    def database(self) -> Database:
        """The open database, for messages and shutdown."""
        return self.context.database

    def close(self) -> None:
        """Release the database connections."""
        self.context.database.dispose()


def build_services(database: Database, operator: Operator) -> Services:
    """Wire the services of one database together."""
    context = ServiceContext(
        database=database,
        files=FileStore(database.files_root()),
        regimes=load_regimes(),
        operator=operator,
    )
    projects = ProjectService(context)
    dossiers = DossierService(context)
    return Services(
        context=context,
        projects=projects,
        dossiers=dossiers,
        attachments=AttachmentService(context),
        search=SearchService(context),
        demo=DemoService(context, projects, dossiers),
    )


def open_services(location: str | None, operator: Operator) -> Services:
    """Open the database at a path or URL (upgrading its schema) and build the services on it."""
    return build_services(open_database(location), operator)
