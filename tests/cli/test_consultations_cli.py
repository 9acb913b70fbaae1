"""`consultations CODE [--today]`: the table, the review clock and overdue flags; exit 2 on bad input."""

from datetime import date

import pytest

from dossier_app.app import main
from dossier_app.services import open_services
from dossier_app.services.core.context import Operator
from tests.conftest import FAST_HASHER
from tests.services.support import high_tech


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.fixture
def filed(sqlite_url: str) -> str:
    """A high-tech project filed on 26/01/2026 with two ministries asked on 02/02/2026, one answered."""
    services = open_services(sqlite_url, Operator("cli:tester"), password_hasher=FAST_HASHER)
    try:
        project = services.projects.create(high_tech(code="CT-X"))
        services.consultations.set_submitted(project.id, date(2026, 1, 26))
        late = services.consultations.add(project.id, "Bộ Tài chính")
        answered = services.consultations.add(project.id, "Bộ Xây dựng")
        services.consultations.update(late.id, sent_on=date(2026, 2, 2))
        services.consultations.update(answered.id, sent_on=date(2026, 2, 2), received_on=date(2026, 3, 2))
    finally:
        services.close()
    return sqlite_url


def test_prints_due_dates_flags_and_phases(capsys: pytest.CaptureFixture[str], filed: str) -> None:
    code, out, err = _run(capsys, "--db", filed, "consultations", "ct-x", "--today", "2026-03-10")
    assert code == 0 and not err
    lines = {line.split("  ")[0]: line for line in out.splitlines()}
    assert "09/03/2026" in lines["Bộ Tài chính"] and "QUÁ HẠN/OVERDUE" in lines["Bộ Tài chính"]
    assert "đã nhận/received" in lines["Bộ Xây dựng"]
    assert "26/01/2026 → 02/02/2026  [đã qua/done]" in out
    assert "02/02/2026 → 09/03/2026  [đã qua/done]" in out
    assert "09/03/2026 → 16/03/2026  [ĐANG DIỄN RA/CURRENT]" in out
    assert out.rstrip().endswith("Quá hạn / overdue: 1")


def test_before_the_due_date_nothing_is_overdue(capsys: pytest.CaptureFixture[str], filed: str) -> None:
    code, out, _ = _run(capsys, "--db", filed, "consultations", "CT-X", "--today", "2026-03-09")
    assert code == 0 and "sắp đến hạn/due soon" in out and out.rstrip().endswith("overdue: 0")


@pytest.mark.parametrize("argv", [["consultations", "NOPE"], ["consultations", "CT-X", "--today", "2026-02-30"]])
def test_bad_input_exits_2(capsys: pytest.CaptureFixture[str], filed: str, argv: list[str]) -> None:
    try:
        code, _out, err = _run(capsys, "--db", filed, *argv)
    except SystemExit as stop:
        code, err = int(stop.code or 0), capsys.readouterr().err
    assert code == 2 and err.strip()


def test_demo_has_one_overdue_ministry(capsys: pytest.CaptureFixture[str], sqlite_url: str) -> None:
    assert _run(capsys, "--db", sqlite_url, "demo", "--households", "5")[0] == 0
    code, out, _ = _run(capsys, "--db", sqlite_url, "consultations", "CT-HTP")
    assert code == 0
    assert out.count("QUÁ HẠN/OVERDUE") == 1 and "sắp đến hạn/due soon" in out
    assert out.count("đã nhận/received") == 5
    assert _run(capsys, "--db", sqlite_url, "demo", "--households", "5")[0] == 0
    assert _run(capsys, "--db", sqlite_url, "consultations", "CT-HTP")[1] == out
