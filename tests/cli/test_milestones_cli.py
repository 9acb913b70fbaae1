"""`milestones CODE [--baseline NAME] [--today DATE]`: the plan table, flags, drift and refusals on both backends."""

from dataclasses import replace
from datetime import date

import pytest

from dossier_app.app import main
from dossier_app.domain.milestones import MilestoneStatus
from dossier_app.services import open_services
from dossier_app.services.core.context import Operator
from tests.conftest import FAST_HASHER, TESTER
from tests.services.support import it_park


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def _prepare(url: str) -> None:
    """CT-ITP2 with an approval done on 10 May, a late recovery decision, a payment coming up and a baseline."""
    services = open_services(url, Operator(TESTER), password_hasher=FAST_HASHER)
    try:
        project = services.projects.create(it_park())
        plan = services.milestones.plan(project.id)
        services.milestones.update_step(
            project.id,
            replace(
                plan.milestone("M10"),
                planned_start=date(2026, 5, 1),
                planned_end=date(2026, 5, 10),
                actual_start=date(2026, 5, 1),
                actual_end=date(2026, 5, 10),
                status=MilestoneStatus.DONE,
                percent=100,
            ),
        )
        services.milestones.update_step(
            project.id, replace(plan.milestone("M11"), planned_start=date(2026, 5, 12), planned_end=date(2026, 5, 18))
        )
        services.milestones.update_step(
            project.id, replace(plan.milestone("M12"), planned_start=date(2026, 5, 20), planned_end=date(2026, 6, 8))
        )
        services.milestones.set_at_risk_days(project.id, 10)
        services.milestones.take_baseline(project.id, "Kế hoạch ban đầu")
        services.milestones.update_step(
            project.id, replace(plan.milestone("M11"), planned_start=date(2026, 5, 12), planned_end=date(2026, 5, 25))
        )
    finally:
        services.close()


def test_the_plan_is_printed_with_overdue_steps_flagged(db_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    _prepare(db_url)
    code, out, err = _run(capsys, "--db", db_url, "milestones", "ct-itp2", "--today", "2026-06-01")
    assert (code, err) == (0, "")
    lines = out.splitlines()
    assert lines[0].startswith("Kế hoạch / plan CT-ITP2 — hôm nay / today 2026-06-01")
    assert "MÃ/KEY" in lines[1] and "HẠN LUẬT ĐỊNH/LEGAL DEADLINE" in lines[1]
    rows = {line.split()[1] if line.startswith("!") else line.split()[0]: line for line in lines[2:18]}
    assert list(rows) == [f"M{n}" for n in range(1, 17)]
    decision = rows["M11"]
    assert decision.startswith("!!") and "QUÁ HẠN/OVERDUE" in decision
    assert "≤2026-05-20" in decision and "12 day(s) past the legal deadline 2026-05-20 [decision]" in decision
    assert "2026-05-12→2026-05-25" in decision
    payment = rows["M12"]
    assert payment.startswith("!") and not payment.startswith("!!") and "SẮP ĐẾN HẠN/AT RISK" in payment
    assert "8 day(s) left to the legal deadline 2026-06-09" in payment
    assert "xong/done" in rows["M10"] and "QUÁ HẠN" not in rows["M10"]
    assert "QUÁ HẠN" not in rows["M1"] and "LỆCH/DRIFT" in lines[1]
    assert "bước quá hạn / step(s) overdue: M2, M11" in lines[18]
    assert "at risk: M12" in lines[18]


def test_drift_against_a_baseline(db_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    _prepare(db_url)
    code, out, _ = _run(
        capsys, "--db", db_url, "milestones", "CT-ITP2", "--today", "2026-06-01", "--baseline", "Kế hoạch ban đầu"
    )
    assert code == 0 and "so với / against 'Kế hoạch ban đầu'" in out.splitlines()[0]
    (decision,) = [line for line in out.splitlines() if " M11 " in line]
    assert " +7 " in decision
    (approval,) = [line for line in out.splitlines() if " M10 " in line]
    assert approval.endswith(" +0")


@pytest.mark.parametrize(
    ("argv", "said"),
    [
        (("milestones", "NO-SUCH"), "NO-SUCH"),
        (("milestones", "CT-ITP2", "--baseline", "Không có"), "Không có"),
        (("milestones", "CT-ITP2", "--today", "2026-13-01"), "2026-13-01"),
    ],
)
def test_unknown_project_baseline_or_bad_date_exit_2_with_one_line(
    sqlite_url: str, capsys: pytest.CaptureFixture[str], argv: tuple[str, ...], said: str
) -> None:
    _prepare(sqlite_url)
    code, out, err = _run(capsys, "--db", sqlite_url, *argv)
    assert (code, out) == (2, "")
    assert len(err.splitlines()) == 1 and err.startswith("lỗi / error:") and said in err
