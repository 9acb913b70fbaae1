"""The Cần Thơ demo: two real projects with draft text, safe to load any number of times."""

from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal

from dossier_app.domain.enums import ParkKind
from dossier_app.domain.errors import NotFound
from dossier_app.services.context import ServiceContext
from dossier_app.services.dossiers import DossierService, walk_sections
from dossier_app.services.projects import ProjectInput, ProjectService
from dossier_app.storage.resources import demo_texts

CITY_BODY = "ỦY BAN NHÂN DÂN THÀNH PHỐ CẦN THƠ"

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
    ),
)


@dataclass(frozen=True)
class DemoResult:
    """What loading the demo did: projects and sections it created or filled this time."""

    projects_created: int
    sections_filled: int
    project_codes: tuple[str, ...]


Progress = Callable[[int, int, str], None]


class DemoService:
    """Loads CT-HTP and CT-ITP; a second run changes nothing."""

    def __init__(self, context: ServiceContext, projects: ProjectService, dossiers: DossierService) -> None:
        self._context = context
        self._projects = projects
        self._dossiers = dossiers

    def load(self, progress: Progress | None = None) -> DemoResult:
        """Create the demo projects that are missing and fill their empty demo sections."""
        created = filled = 0
        total = len(DEMO_PROJECTS)
        for index, data in enumerate(DEMO_PROJECTS):
            if progress:
                progress(index, total, data.code)
            try:
                project = self._projects.by_code(data.code)
            except NotFound:
                project = self._projects.create(data)
                created += 1
            texts = demo_texts(data.code)
            for tree in self._dossiers.tree(project.id):
                for node in walk_sections(tree.sections):
                    text = texts.get(node.outline_key or "")
                    if text and not node.written:
                        self._dossiers.save_body(node.id, text)
                        filled += 1
        if progress:
            progress(total, total, "")
        return DemoResult(created, filled, tuple(p.code for p in DEMO_PROJECTS))

    def is_empty(self) -> bool:
        """Whether the database has no project yet (the first start offers the demo then)."""
        return not self._projects.summaries()
