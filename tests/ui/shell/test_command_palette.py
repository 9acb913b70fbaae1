"""Ctrl+K finds any command of the window by name, without diacritics, and runs it; a greyed one says why."""

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog

from dossier_app.services import Services
from dossier_app.ui.shell.command_palette import CommandPalette, menu_entries, plain_name
from tests.ui.conftest import section_id_by_key


def _palette(window, qtbot) -> CommandPalette:  # type: ignore[no-untyped-def]
    palette = CommandPalette(window.menuBar(), window, leave_out=window.palette_action)
    qtbot.addWidget(palette)
    palette.show()
    return palette


def _names(palette: CommandPalette) -> list[str]:
    return [entry.name for entry in palette.model.shown]


def test_without_diacritics_the_milestone_plan_is_found_and_enter_runs_it(
    demo_db: Services, make_window, qtbot
) -> None:  # type: ignore[no-untyped-def]
    window = make_window(demo_db)
    window.select_section(section_id_by_key(demo_db, "CT-HTP", "tt.kien_nghi"))
    palette = _palette(window, qtbot)
    qtbot.keyClicks(palette.query, "ke hoach")
    assert _names(palette)[0] == "Kế hoạch tiến độ…"
    assert [palette.model.index(0, column).data() for column in range(3)] == [
        "Kế hoạch tiến độ…",
        "Giải phóng mặt bằng",
        "Ctrl+Shift+M",
    ]
    qtbot.keyClick(palette.query, Qt.Key.Key_Return)
    assert palette.result() == QDialog.DialogCode.Accepted
    assert palette.chosen is window.window_actions.milestones_action


def test_case_and_tone_marks_do_not_matter_and_every_word_must_match(demo_db: Services, make_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    window = make_window(demo_db)
    palette = _palette(window, qtbot)
    qtbot.keyClicks(palette.query, "TIM KIEM du an")
    assert _names(palette) == ["Tìm kiếm trong dự án…"]
    palette.query.setText("tìm kiếm xyz")
    assert _names(palette) == [] and palette.reason.text() == "Không có lệnh nào khớp."


def test_arrows_move_the_choice_from_the_query(demo_db: Services, make_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    window = make_window(demo_db)
    window.select_section(section_id_by_key(demo_db, "CT-HTP", "tt.kien_nghi"))
    palette = _palette(window, qtbot)
    qtbot.keyClick(palette.query, Qt.Key.Key_Down)
    assert palette.list.currentIndex().row() == 1
    second = palette.model.shown[1].action
    qtbot.keyClick(palette.query, Qt.Key.Key_Return)
    assert palette.chosen is second


def test_a_greyed_out_command_is_listed_last_and_does_not_run(demo_db: Services, make_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    window = make_window(demo_db)  # no project chosen: the milestone plan is greyed out
    assert not window.window_actions.milestones_action.isEnabled()
    palette = _palette(window, qtbot)
    qtbot.keyClicks(palette.query, "tien do")
    assert _names(palette) == ["Kế hoạch tiến độ…"]
    qtbot.keyClick(palette.query, Qt.Key.Key_Return)
    assert palette.chosen is None and palette.isVisible()
    assert palette.reason.text().startswith("Lúc này chưa dùng được.")


def test_the_palette_lists_the_menus_but_not_itself_nor_separators(demo_db: Services, make_window) -> None:  # type: ignore[no-untyped-def]
    window = make_window(demo_db)
    entries = menu_entries(window.menuBar(), window.palette_action)
    names = [entry.name for entry in entries]
    assert "Tìm lệnh…" not in names and "" not in names
    assert {"Thoát", "Kế hoạch tiến độ…", "Giới thiệu"} <= set(names)
    assert all(entry.path for entry in entries)
    assert plain_name("&Tệp") == "Tệp" and plain_name("A && B") == "A & B"


def test_ctrl_k_opens_it_and_the_chosen_command_runs_after_it_closes(demo_db: Services, make_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    window = make_window(demo_db)
    assert window.palette_action.shortcut().toString() == "Ctrl+K"
    ran: list[bool] = []
    window.window_actions.find_action.triggered.connect(lambda: ran.append(QApplication.activeModalWidget() is None))

    def choose() -> None:
        palette = window.findChild(CommandPalette)
        assert palette is not None and palette.isVisible()
        qtbot.keyClicks(palette.query, "tim kiem")
        qtbot.keyClick(palette.query, Qt.Key.Key_Return)

    QTimer.singleShot(50, choose)
    window.palette_action.trigger()
    assert ran == [True]
