"""Document number counters: the clerk sets them, a final prints and advances them, a draft leaves them alone."""

from pathlib import Path

import pytest

from dossier_app.domain.errors import Conflict, ExportCancelled, PermissionDenied, ValidationFailed
from dossier_app.services import Services
from dossier_app.services.export.exports import ExportOptions
from tests.services.export.test_exports import _approve_everything, _pdf_text
from tests.services.review_support import LOCAL, act_as, create_cast


def _audit_actions(services: Services) -> list[str]:
    return [entry.action for entry in services.audit.entries()]


def test_counters_start_unset_and_the_clerk_sets_them(demo_services: Services) -> None:
    counters = demo_services.numbers.counters("CT-HTP")
    assert [c.symbol for c in counters] == ["TTr", "ĐA"] and all(c.next_number is None for c in counters)
    set_ = demo_services.numbers.set("ct-htp", "ĐA", 7)
    assert set_.next_number == 7 and set_.updated_by == "cli:tester"
    assert demo_services.numbers.get("CT-HTP", "ĐA") == 7 and demo_services.numbers.get("CT-HTP", "TTr") is None
    demo_services.numbers.set("CT-HTP", "ĐA", 9)
    assert demo_services.numbers.get("CT-HTP", "ĐA") == 9
    assert demo_services.numbers.get("CT-ITP", "ĐA") is None  # per project
    assert _audit_actions(demo_services).count("number.set") == 2


def test_bad_numbers_and_symbols_are_refused_and_officers_may_not_set(demo_services: Services) -> None:
    for value in (0, -3, 100000):
        with pytest.raises(ValidationFailed):
            demo_services.numbers.set("CT-HTP", "TTr", value)
    with pytest.raises(ValidationFailed):
        demo_services.numbers.set("CT-HTP", "QĐ", 4)
    create_cast(demo_services)
    act_as(demo_services, "an")
    with pytest.raises(PermissionDenied):
        demo_services.numbers.set("CT-HTP", "TTr", 4)
    act_as(demo_services, "cuong")  # the clerk
    demo_services.numbers.set("CT-HTP", "TTr", 4)
    act_as(demo_services, LOCAL)
    assert demo_services.numbers.get("CT-HTP", "TTr") == 4
    assert "number.set" in _audit_actions(demo_services)


def test_a_draft_leaves_the_number_blank_and_the_counter_alone(demo_services: Services, tmp_path: Path) -> None:
    demo_services.numbers.set("CT-HTP", "TTr", 5)
    result = demo_services.exports.export("CT-HTP", tmp_path, ExportOptions(draft=True, formats=("pdf",), number=44))
    text = _pdf_text(result.folder / "To_trinh.pdf")
    assert "/TTr-UBND" in text and "05/TTr" not in text and "44/TTr" not in text
    assert result.numbers == {} and demo_services.numbers.get("CT-HTP", "TTr") == 5
    history = demo_services.export_history.list("CT-HTP")
    assert len(history) == 1 and history[0].draft and history[0].numbers == ""


def test_a_final_prints_the_counters_and_advances_them(demo_services: Services, tmp_path: Path) -> None:
    _approve_everything(demo_services, "CT-HTP", tmp_path)
    demo_services.numbers.set("CT-HTP", "TTr", 5)
    demo_services.numbers.set("CT-HTP", "ĐA", 12)
    result = demo_services.exports.export("CT-HTP", tmp_path, ExportOptions(formats=("pdf",)))
    assert "Số: 05/TTr-UBND" in _pdf_text(result.folder / "To_trinh.pdf")
    assert "Số: 12/ĐA-UBND" in _pdf_text(result.folder / "De_an.pdf")
    assert "Tờ trình số 05/TTr-UBND" in _pdf_text(result.folder / "Phu_luc_IV.pdf")
    assert result.numbers == {"TTr": 5, "ĐA": 12}
    assert demo_services.numbers.get("CT-HTP", "TTr") == 6 and demo_services.numbers.get("CT-HTP", "ĐA") == 13
    again = demo_services.exports.export("CT-HTP", tmp_path, ExportOptions(formats=("pdf",), number=30))
    assert "Số: 30/TTr-UBND" in _pdf_text(again.folder / "To_trinh.pdf")
    assert demo_services.numbers.get("CT-HTP", "TTr") == 31 and demo_services.numbers.get("CT-HTP", "ĐA") == 14
    history = demo_services.export_history.list("CT-HTP")
    assert [h.folder_name for h in history] == [again.folder.name, result.folder.name]
    assert not history[1].draft and history[1].numbers == "05/TTr, 12/ĐA"
    assert history[0].manifest_sha256 == again.manifest_sha256 and history[0].actor == "cli:root"


def test_a_cancelled_export_leaves_nothing(demo_services: Services, tmp_path: Path) -> None:
    demo_services.numbers.set("CT-HTP", "TTr", 5)
    before = _audit_actions(demo_services)
    seen: list[str] = []

    def report(done: int, total: int, message: str) -> None:
        seen.append(message)

    with pytest.raises(ExportCancelled):
        demo_services.exports.export(
            "CT-HTP",
            tmp_path / "out",
            ExportOptions(draft=True, zip_package=True),
            report,
            cancelled=lambda: len(seen) >= 2,
        )
    assert len(seen) == 2
    assert list((tmp_path / "out").iterdir()) == []
    assert _audit_actions(demo_services) == before
    assert demo_services.export_history.list("CT-HTP") == []
    assert demo_services.numbers.get("CT-HTP", "TTr") == 5


def test_history_verifies_again_and_names_a_changed_file(demo_services: Services, tmp_path: Path) -> None:
    result = demo_services.exports.export("CT-HTP", tmp_path, ExportOptions(draft=True, formats=("docx",)))
    (line,) = demo_services.export_history.list("CT-HTP")
    assert line.folder == result.folder.resolve() and line.manifest_sha256 == result.manifest_sha256
    assert demo_services.export_history.verify(line.id).ok
    target = result.folder / "To_trinh.docx"
    data = bytearray(target.read_bytes())
    data[200] ^= 0x01
    target.write_bytes(bytes(data))
    check = demo_services.export_history.verify(line.id)
    assert not check.ok and check.first_bad == "To_trinh.docx"


def test_only_the_chosen_documents_are_written(demo_services: Services, tmp_path: Path) -> None:
    options = ExportOptions(draft=True, formats=("docx",), documents=("De_an",))
    result = demo_services.exports.export("CT-HTP", tmp_path, options)
    assert [path.name for path in result.files if path.parent == result.folder] == ["De_an.docx"]
    assert demo_services.exports.verify_package(result.folder).ok
    with pytest.raises(ValidationFailed):
        demo_services.exports.export("CT-HTP", tmp_path / "none", ExportOptions(draft=True, documents=()))
    assert not (tmp_path / "none").exists()


def test_page_settings_refuse_margins_outside_the_decree() -> None:
    from dossier_app.services.export.page_settings import margin_ranges, page_settings

    defaults = {r.side: r.default for r in margin_ranges()}
    assert page_settings(defaults, 1.5).line_spacing == 1.5
    with pytest.raises(ValidationFailed) as refused:
        page_settings({**defaults, "left": 25.0}, 1.0)
    assert refused.value.field == "left"
    with pytest.raises(ValidationFailed) as refused:
        page_settings(defaults, 2.0)
    assert refused.value.field == "line_spacing"


def test_a_number_taken_meanwhile_refuses_the_final_and_keeps_nothing(demo_services: Services, tmp_path: Path) -> None:
    _approve_everything(demo_services, "CT-HTP", tmp_path)
    demo_services.numbers.set("CT-HTP", "TTr", 5)
    history_before = demo_services.export_history.list("CT-HTP")

    def someone_else_numbers(done: int, total: int, message: str) -> None:
        if done == 0:  # another clerk sets the counter while this package is being written
            demo_services.numbers.set("CT-HTP", "TTr", 9)

    with pytest.raises(Conflict):
        demo_services.exports.export("CT-HTP", tmp_path / "out", ExportOptions(formats=("docx",)), someone_else_numbers)
    assert list((tmp_path / "out").iterdir()) == []
    assert demo_services.numbers.get("CT-HTP", "TTr") == 9
    assert demo_services.export_history.list("CT-HTP") == history_before
