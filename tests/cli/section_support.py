"""Shared by the `section` and `review` command tests: running the command line, a project, and what is stored."""

from dataclasses import dataclass

import pytest
from sqlalchemy import create_engine, text

from dossier_app.app import main
from dossier_app.services import Services
from tests.services.support import high_tech

CODE = "CT-HTP2"
KEY = "tt.kien_nghi"
PASSWORD = "mat-khau-an-toan"
VIETNAMESE = (
    "Ủy ban nhân dân thành phố Cần Thơ **kính đề nghị** Thủ tướng Chính phủ xem xét, quyết định thành lập "
    "Khu công nghệ cao Cần Thơ.\n\n"
    "| Hạng mục | Diện tích (ha) |\n| --- | --- |\n| Khu nghiên cứu – phát triển | 45,5 |\n\n"
    "- Tờ trình số 12/TTr-UBND;\n- Đề án kèm theo.\n"
)


@dataclass(frozen=True)
class Stored:
    """What the database holds for the tests' section and around it: compared before and after a refusal."""

    body: str
    version: int
    state: str
    revisions: int
    comments: int
    audit_entries: int


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    """Run `python main.py ARGV` in this process: exit code, stdout, stderr."""
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def make_project(services: Services) -> int:
    """A high-tech park project laid out from its regime; the id of its `tt.kien_nghi` section."""
    project = services.projects.create(high_tech(CODE))
    return services.dossiers.section_by_key(project.id, KEY).id


def stored(url: str, section_id: int) -> Stored:
    """The section's row, its revisions and comments, and the length of the audit trail."""
    engine = create_engine(url)
    try:
        with engine.connect() as connection:
            row = connection.execute(
                text("SELECT body, version, state FROM section WHERE id = :id"), {"id": section_id}
            ).one()

            def count(table: str, where: str = "") -> int:
                query = f"SELECT count(*) FROM {table} {where}"
                return int(connection.execute(text(query), {"id": section_id}).scalar() or 0)

            return Stored(
                body=row[0],
                version=row[1],
                state=row[2],
                revisions=count("sectionrevision", "WHERE section_id = :id"),
                comments=count("sectioncomment", "WHERE section_id = :id"),
                audit_entries=count("auditentry"),
            )
    finally:
        engine.dispose()


def add_account(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, url: str, name: str, *roles: str
) -> None:
    """An account made as an administrator makes one: `user add NAME --role …`, password from DOSSIER_PASSWORD."""
    monkeypatch.setenv("DOSSIER_PASSWORD", PASSWORD)
    argv = ["--db", url, "user", "add", name]
    for role in roles:
        argv += ["--role", role]
    code, _out, err = run(capsys, *argv)
    assert (code, err) == (0, "")
