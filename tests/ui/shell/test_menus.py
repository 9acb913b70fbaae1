"""Menus by capability: files and the program in Tệp, the work in Hồ sơ, Giải phóng mặt bằng and Quản trị; a
greyed-out command says why; the demo is offered only on a database without projects."""

from dossier_app.domain.enums import Role
from dossier_app.services import Services
from dossier_app.services.core.context import Operator
from tests.conftest import FAST_HASHER
from tests.ui.conftest import section_id_by_key


def _names(menu) -> list[str]:  # type: ignore[no-untyped-def]
    return [action.text() for action in menu.actions() if not action.isSeparator() and action.isVisible()]


def test_each_menu_holds_one_kind_of_work(demo_db: Services, make_window) -> None:  # type: ignore[no-untyped-def]
    window = make_window(demo_db)
    assert _names(window.file_menu) == [
        "Dự án mới…",
        "Thông tin dự án…",
        "Đồng bộ ngay",
        "Xung đột đồng bộ…",
        "Máy chủ đồng bộ…",
        "Sao lưu dữ liệu…",
        "Cài đặt…",
        "Thoát",
    ]
    assert _names(window.dossier_menu) == [
        "Mức độ hoàn thiện hồ sơ…",
        "Bảng đánh giá điều kiện…",
        "Bảng tổng hợp tiếp thu, giải trình…",
        "Lấy ý kiến bộ, ngành và thời hạn giải quyết…",
        "Xuất bộ hồ sơ trình…",
    ]
    assert _names(window.clearance_menu) == [
        "Sổ giải phóng mặt bằng…",
        "Bảng theo dõi giải phóng mặt bằng…",
        "Kế hoạch tiến độ…",
    ]
    assert _names(window.admin_menu) == ["Lịch nghỉ lễ…", "Danh mục…"]  # an officer: no accounts, no audit trail


def test_an_administrator_finds_accounts_and_the_audit_trail(demo_db: Services, make_window) -> None:  # type: ignore[no-untyped-def]
    demo_db.context.operator = Operator("cli:test")
    demo_db.accounts.add("quantri2", [Role.ADMIN], "admin-password")
    account = demo_db.accounts.get("quantri2")
    window = make_window(demo_db, account)
    assert _names(window.admin_menu) == ["Tài khoản…", "Nhật ký thao tác…", "Lịch nghỉ lễ…", "Danh mục…"]


def test_a_greyed_out_command_says_why_and_the_reason_goes_when_it_can_run(demo_db: Services, make_window) -> None:  # type: ignore[no-untyped-def]
    window = make_window(demo_db)
    milestones = window.window_actions.milestones_action
    assert not milestones.isEnabled()
    assert milestones.toolTip() == milestones.statusTip() == "Hãy chọn một dự án trong khung điều hướng trước."
    assert window.clearance_menu.toolTipsVisible()
    window.select_section(section_id_by_key(demo_db, "CT-HTP", "tt.kien_nghi"))
    assert milestones.isEnabled() and milestones.statusTip() == "" and milestones.toolTip() == "Kế hoạch tiến độ…"


def test_a_role_that_may_not_export_is_told_so(demo_db: Services, make_window) -> None:  # type: ignore[no-untyped-def]
    window = make_window(demo_db, demo_db.accounts.get("officer"))  # officers write; clerks and managers export
    window.select_section(section_id_by_key(demo_db, "CT-HTP", "tt.kien_nghi"))
    export = window.window_actions.export_action
    assert not export.isEnabled() and export.statusTip() == "Vai trò của bạn không được làm việc này."


def test_the_demo_is_offered_only_on_a_database_without_projects(sqlite_url: str, make_window) -> None:  # type: ignore[no-untyped-def]
    from dossier_app.services import open_services

    services = open_services(sqlite_url, Operator("officer"), password_hasher=FAST_HASHER)
    try:
        window = make_window(services)
        demo = window.window_actions.demo_action
        assert demo.isVisible() and demo in window.file_menu.actions()
        services.demo.load()
        window.reload_navigator(None)
        assert not demo.isVisible()
    finally:
        services.close()
