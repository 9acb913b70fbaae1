"""Each role lands on its work after sign-in, and each person's last place is their own."""

from dossier_app.domain.enums import SectionState
from dossier_app.services import Services
from dossier_app.services.core.context import Operator
from dossier_app.services.demo.review_demo import RETURNED, WAITING
from tests.ui.conftest import section_id_by_key


def _as(demo_db: Services, username: str) -> Services:
    demo_db.context.operator = Operator(username)
    return demo_db


def test_a_manager_lands_on_the_oldest_section_waiting_for_approval(demo_db: Services, make_window) -> None:  # type: ignore[no-untyped-def]
    services = _as(demo_db, "lanhdao")
    window = make_window(services, services.accounts.get("lanhdao"))
    window.land_on_work()
    assert window.current_section is not None
    assert window.current_section.id == section_id_by_key(services, "CT-HTP", WAITING)
    assert window.left_tabs.currentWidget() is window.queue
    assert window.review_bar.approve_button.isEnabled()
    dialog = window.review_bar.approval_dialog
    assert dialog is not None and dialog.isVisible(), "the approval view opens by itself over the window"
    assert dialog.view.toPlainText().strip()
    dialog._choose("approve")
    assert window.review_bar.review is not None and window.review_bar.review.state is SectionState.APPROVED


def test_an_officer_landing_on_a_returned_section_gets_no_approval_view(  # type: ignore[no-untyped-def]
    demo_db: Services, make_window
) -> None:
    services = _as(demo_db, "chuyenvien")
    window = make_window(services, services.accounts.get("chuyenvien"))
    window.land_on_work()
    assert window.review_bar.approval_dialog is None


def test_an_officer_lands_on_the_section_returned_to_them(demo_db: Services, make_window) -> None:  # type: ignore[no-untyped-def]
    services = _as(demo_db, "chuyenvien")
    window = make_window(services, services.accounts.get("chuyenvien"))
    window.land_on_work()
    assert window.current_section is not None
    assert window.current_section.id == section_id_by_key(services, "CT-HTP", RETURNED)
    assert window.left_tabs.currentWidget() is window.queue


def test_with_nothing_waiting_a_person_is_back_at_their_own_last_place(draft_demo_db: Services, make_window) -> None:  # type: ignore[no-untyped-def]
    officer = draft_demo_db.accounts.get("officer")
    first = make_window(draft_demo_db, officer)
    mine = section_id_by_key(draft_demo_db, "CT-ITP", "tt.kien_nghi")
    first.select_section(mine)
    first.save_layout()
    other = make_window(draft_demo_db, None)  # someone else on the same desktop, elsewhere
    theirs = section_id_by_key(draft_demo_db, "CT-HTP", "tt.can_cu_phap_ly")
    other.select_section(theirs)
    other.save_layout()
    again = make_window(draft_demo_db, officer)
    again.land_on_work()
    assert again.current_section is not None and again.current_section.id == mine
    someone = make_window(draft_demo_db, None)
    someone.land_on_work()
    assert someone.current_section is not None and someone.current_section.id == theirs


def test_a_clerk_lands_on_the_readiness_of_the_project_closest_to_final(demo_db: Services, make_window) -> None:  # type: ignore[no-untyped-def]
    from dossier_app.domain.readiness import Light
    from dossier_app.ui.completeness.readiness_window import ReadinessWindow

    services = _as(demo_db, "vanthu")
    reds = {p.code: services.readiness.report(p.id).count(Light.RED) for p in services.projects.summaries()}
    closest = min(reds, key=lambda code: (reds[code], services.projects.by_code(code).id))
    window = make_window(services, services.accounts.get("vanthu"))
    window.land_on_work()
    opened = window.window_actions.readiness.readiness_window
    assert isinstance(opened, ReadinessWindow) and opened.isVisible()
    assert window.current_project_id == services.projects.by_code(closest).id == opened.project_id
    opened.close()


def test_an_administrator_lands_on_the_accounts(demo_db: Services, make_window) -> None:  # type: ignore[no-untyped-def]
    from dossier_app.ui.accounts.accounts_dialog import AccountsDialog

    services = _as(demo_db, "quantri")
    window = make_window(services, services.accounts.get("quantri"))
    window.land_on_work()
    assert isinstance(window.accounts_dialog, AccountsDialog) and window.accounts_dialog.isVisible()
    window.accounts_dialog.close()
