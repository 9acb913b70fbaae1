"""Property-based fuzzing of section bodies through DossierService.save_body on both backends: any text, control
characters included, comes back as saved once normalised. NUL and the other control characters XML cannot hold
(which PostgreSQL or the DOCX writer would refuse) are stripped on both backends alike, never an error."""

from collections.abc import Iterator

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dossier_app.domain.text import normalise_body
from dossier_app.services import Services
from dossier_app.services.dossier.projects import ProjectView
from tests.export.hostile_markdown import CONTROLS, hostile_markdown
from tests.services.support import section_by_key

EXAMPLES: dict[str, int] = {}
body_text = st.one_of(
    st.text(max_size=300),
    st.text(alphabet=st.sampled_from([*CONTROLS, "\x00", "a", "đ", "Ư", "\r", "\n", " ", "|", "*"]), max_size=80),
    hostile_markdown,
)


@pytest.fixture(scope="module", autouse=True)
def _report_examples() -> Iterator[None]:
    yield
    print(f"\nfuzz examples run: {EXAMPLES}")


@pytest.fixture
def section_id(services: Services, itp: ProjectView) -> int:
    return section_by_key(services, itp.id, "da.7_ban_do_quy_hoach").id


def test_nul_and_escape_are_stripped_alike_on_both_backends(services: Services, section_id: int) -> None:
    result = services.dossiers.save_body(section_id, "Bản\x00 đồ\x1b quy\x0choạch\x07\tđất\n")
    assert result.changed
    assert services.dossiers.section(section_id).body == "Bản đồ quyhoạch\tđất\n"
    newest = max(services.dossiers.revisions(section_id), key=lambda revision: revision.number)
    assert services.dossiers.revision(newest.id).body == "Bản đồ quyhoạch\tđất\n"


@settings(
    derandomize=True,
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(body=body_text)
def test_any_body_comes_back_as_saved(services: Services, section_id: int, body: str) -> None:
    EXAMPLES[services.database.engine.dialect.name] = EXAMPLES.get(services.database.engine.dialect.name, 0) + 1
    services.dossiers.save_body(section_id, body)
    stored = services.dossiers.section(section_id).body
    assert stored == normalise_body(body)
    assert "\x00" not in stored
    assert normalise_body(stored) == stored  # saving what was read back changes nothing
    assert not services.dossiers.save_body(section_id, stored).changed
