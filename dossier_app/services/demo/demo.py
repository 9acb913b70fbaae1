"""The Cần Thơ demo: two real projects with draft text and one account per role, safe to load again."""

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from decimal import Decimal
from pathlib import Path

from sqlalchemy import func
from sqlmodel import Session, col, select

from dossier_app.domain.enums import AuditAction, ParkKind, Role
from dossier_app.domain.errors import QT_TRANSLATE_NOOP, NotFound, PermissionDenied
from dossier_app.domain.models import Account, Setting
from dossier_app.services.accounts.accounts import AccountService, AccountSpec
from dossier_app.services.accounts.audit import AuditTrail
from dossier_app.services.core.context import Operator, ServiceContext
from dossier_app.services.demo import DEMO_HOUSEHOLDS
from dossier_app.services.demo.consultations_demo import CONSULTATION_PROJECT, load_consultations
from dossier_app.services.demo.export_demo import EXPORT_PROJECT, load_draft_export
from dossier_app.services.demo.milestone_demo import DEMO_BASELINE, load_plan
from dossier_app.services.demo.readiness_demo import load_readiness_demo
from dossier_app.services.demo.register_demo import RegisterLoad, load_register
from dossier_app.services.demo.review_demo import REVIEW_PROJECT, load_review_story
from dossier_app.services.dossier.dossiers import DossierService, walk_sections
from dossier_app.services.dossier.projects import ProjectInput, ProjectService
from dossier_app.services.milestones.milestone_rows import plan_row
from dossier_app.storage.resources import demo_texts

CITY_BODY = "ỦY BAN NHÂN DÂN THÀNH PHỐ CẦN THƠ"
CITY_ORGAN_CODE = "000.00.00.H13"  # the city's electronic identification code (H13: Cần Thơ)

DEMO_PROJECTS = (
    ProjectInput(
        code="CT-HTP",
        name="Khu công nghệ cao Cần Thơ",
        kind=ParkKind.HIGH_TECH,
        regime_key="nd10_2024",
        location="Khu vực Ô Môn, thành phố Cần Thơ (theo Quy hoạch thành phố Cần Thơ, Quyết định số "
        "1519/QĐ-TTg ngày 02/12/2023)",
        ward="Phường Ô Môn",
        governing_body="",
        issuing_body=CITY_BODY,
        signer_title="KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH",
        signer_name="Nguyễn Văn Hùng",
        sender_organ_code=CITY_ORGAN_CODE,
    ),
    ProjectInput(
        code="CT-ITP",
        name="Khu công nghệ thông tin tập trung Cần Thơ",
        kind=ParkKind.IT_PARK,
        regime_key="nd154_2013",
        location="Phường Hưng Thạnh, thành phố Cần Thơ (Quyết định số 895/QĐ-TTg ngày 09/06/2021)",
        ward="Phường Hưng Thạnh",
        area_ha=Decimal("20.0219"),
        investor="Quỹ Đầu tư phát triển thành phố Cần Thơ",
        governing_body="",
        issuing_body=CITY_BODY,
        signer_title="KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH",
        signer_name="Nguyễn Văn Hùng",
        sender_organ_code=CITY_ORGAN_CODE,
    ),
)

# One account per role, all with this password, shown on the sign-in dialog of a demo database only.
DEMO_PASSWORD = "demo-cantho"
DEMO_ACCOUNTS = (
    AccountSpec("chuyenvien", "Nguyễn Văn An (chuyên viên)", (Role.OFFICER,)),
    AccountSpec("lanhdao", "Trần Thị Bình (lãnh đạo)", (Role.MANAGER,)),
    AccountSpec("vanthu", "Lê Văn Cường (văn thư)", (Role.CLERK,)),
    AccountSpec("quantri", "Phạm Thị Dung (quản trị)", (Role.ADMIN,)),
)
DEMO_KEY = "demo"
# The demo's projects and texts are shipped sample data, written by this internal local operator once the
# caller passed the demo's own check (see DemoService.load); the audit trail names the caller in `demo.load`.
DEMO_OPERATOR = "cli:demo"
# The project whose register the demo fills, and its size (about 650 parcels) unless the caller asks for more.
REGISTER_PROJECT = "CT-ITP"


@dataclass(frozen=True)
class DemoResult:
    """What loading the demo did: projects and sections it created or filled this time."""

    projects_created: int
    sections_filled: int
    project_codes: tuple[str, ...]
    accounts_created: tuple[str, ...] = ()
    account_names: tuple[str, ...] = ()
    password: str = ""
    register: RegisterLoad = field(default_factory=RegisterLoad)
    register_project: str = REGISTER_PROJECT
    plan_dated: bool = False  # whether the CT-ITP milestone plan was dated and its baseline taken this time
    plan_baseline: str = DEMO_BASELINE
    review_story: bool = False  # whether CT-HTP's sections were submitted, approved and returned this time
    draft_export: Path | None = None  # the package the demo clerk exported this time (with the story only)
    export_project: str = EXPORT_PROJECT


Progress = Callable[[int, int, str], None]


class DemoService:
    """Loads CT-HTP and CT-ITP; a second run changes nothing."""

    def __init__(self, context: ServiceContext, audit: AuditTrail, accounts: AccountService) -> None:
        self._context = context
        self._audit = audit
        self._accounts = accounts

    def load(
        self, progress: Progress | None = None, households: int = DEMO_HOUSEHOLDS, *, story: bool = True
    ) -> DemoResult:
        """Create the demo accounts and projects that are missing, fill their empty demo sections and give
        CT-ITP a synthetic register of `households` parties if its register is empty (else it is left as is).
        `story`: also play CT-HTP's review story (sections waiting, approved, changed since, returned) and have the
        demo clerk export CT-ITP's draft once; without it every section stays a draft and the history empty, a
        clean start for trying the review by hand.

        Allowed to the local operator, an active administrator, or anyone while the database has no account
        yet; the projects and texts are then written by DEMO_OPERATOR, and one `demo.load` entry records who
        asked for them.
        """
        accounts = self._load_accounts()
        writer = replace(self._context, operator=Operator(DEMO_OPERATOR))
        projects, dossiers = ProjectService(writer, self._audit), DossierService(writer, self._audit)
        created = filled = 0
        total = len(DEMO_PROJECTS)
        for index, data in enumerate(DEMO_PROJECTS):
            if progress:
                progress(index, total, data.code)
            try:
                project = projects.by_code(data.code)
            except NotFound:
                project = projects.create(data)
                created += 1
            texts = demo_texts(data.code)
            for tree in dossiers.tree(project.id):
                for node in walk_sections(tree.sections):
                    text = texts.get(node.outline_key or "")
                    if text and not node.written:
                        dossiers.save_body(node.id, text)
                        filled += 1
        register = load_register(
            writer, self._audit, projects.by_code(REGISTER_PROJECT).id, households,
            requested_by=self._context.operator.name,
        )  # fmt: skip
        load_readiness_demo(writer, self._audit, projects.by_code(REGISTER_PROJECT).id)
        load_consultations(writer, self._audit, projects.by_code(CONSULTATION_PROJECT).id)
        review_story = story and load_review_story(writer, self._audit, projects.by_code(REVIEW_PROJECT).id)
        plan_dated = self._load_plans(writer, projects)
        draft_export = load_draft_export(writer, self._audit, projects.by_code(EXPORT_PROJECT).id) if story else None
        if created or filled or accounts:
            self._record_load(created, filled, accounts)
        if progress:
            progress(total, total, "")
        return DemoResult(
            created,
            filled,
            tuple(p.code for p in DEMO_PROJECTS),
            accounts_created=accounts,
            account_names=tuple(spec.username for spec in DEMO_ACCOUNTS),
            password=DEMO_PASSWORD,
            register=register,
            plan_dated=plan_dated,
            review_story=review_story,
            draft_export=draft_export,
        )

    def _load_plans(self, writer: ServiceContext, projects: ProjectService) -> bool:
        """Every demo project has its milestone plan; CT-ITP's is dated around today unless someone touched it."""
        for data in DEMO_PROJECTS:
            with writer.database.begin() as session:
                plan_row(session, projects.by_code(data.code).id)
        today = self._context.clock().astimezone().date()
        return load_plan(writer, self._audit, projects.by_code(REGISTER_PROJECT).id, today)

    def is_demo(self) -> bool:
        """Whether the demo was loaded here, so the sign-in dialog may show the demo accounts."""
        with self._context.database.begin() as session:
            return _is_demo(session)

    def demo_accounts(self) -> tuple[AccountSpec, ...]:
        """The accounts a sign-in dialog may offer (with DEMO_PASSWORD): only on a demo database."""
        return DEMO_ACCOUNTS if self.is_demo() else ()

    def _record_load(self, created: int, filled: int, accounts: tuple[str, ...]) -> None:
        """Name the person who loaded the demo; the rows it wrote carry DEMO_OPERATOR."""
        summary = (
            f"{created} projects created, {filled} sections filled as {DEMO_OPERATOR}, "
            f"accounts created: {', '.join(accounts) or 'none'}"
        )
        with self._context.database.begin() as session:
            self._audit.record(session, self._context.operator.name, AuditAction.DEMO_LOAD, "demo", DEMO_KEY, summary)

    def _load_accounts(self) -> tuple[str, ...]:
        """One account per role; into a database with accounts (a demo one too) only by an administrator."""
        with self._context.database.begin() as session:
            has_accounts = bool(session.exec(select(func.count()).select_from(Account)).one())
            if has_accounts and not self._accounts.may_administer(session):
                raise PermissionDenied(
                    QT_TRANSLATE_NOOP(
                        "Errors", "Only an administrator can load the demo into a database that has accounts."
                    )
                )
            created = self._accounts.ensure_accounts(session, DEMO_ACCOUNTS, DEMO_PASSWORD)
            if not _is_demo(session):
                session.merge(Setting(key=DEMO_KEY, value="1"))
            return created

    def is_empty(self) -> bool:
        """Whether the database has no project yet (the first start offers the demo then)."""
        return not ProjectService(self._context, self._audit).summaries()


def _is_demo(session: Session) -> bool:
    return session.exec(select(Setting.value).where(col(Setting.key) == DEMO_KEY)).first() == "1"
