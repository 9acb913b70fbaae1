"""The export's templates as data (exports/): the shipped reference documents and wording, an office's own copies
read first and shown at the next export, and a damaged template refused by name before any folder is written."""

import shutil
from pathlib import Path

import pytest
from docx import Document as open_docx
from docx.shared import RGBColor

from dossier_app.app import main
from dossier_app.export import templates
from dossier_app.export.docx_styles import style_name
from dossier_app.export.format_rules import Role
from dossier_app.export.templates import (
    KINDS,
    REQUIRED_STYLES,
    SHIPPED_DIR,
    TemplateDamaged,
    check_reference,
    load_templates,
)
from dossier_app.services import Services
from dossier_app.services.export import export_workers
from dossier_app.services.export.export_workers import ExportOptions


@pytest.fixture
def office(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An office's own template folder, read before the shipped one by every export."""
    folder = tmp_path / "office-exports"
    folder.mkdir()
    monkeypatch.setattr(export_workers, "office_templates_dir", lambda: folder)
    return folder


def _docx_text(path: Path) -> str:
    document = open_docx(str(path))
    cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    return "\n".join([p.text for p in document.paragraphs] + cells)


def test_the_shipped_templates_hold_every_kind_style_and_the_decree_wording() -> None:
    loaded = load_templates()
    assert set(loaded.references) == set(KINDS)
    for kind in KINDS:
        reference = open_docx(str(SHIPPED_DIR / f"{kind}.docx"))
        names = {style.name for style in reference.styles}
        assert {style_name(role) for role in Role} <= names, kind
        assert check_reference(SHIPPED_DIR / f"{kind}.docx")
    wording = loaded.wording
    assert wording.letter_recipients == ("Như trên;", "Lưu: VT.")
    assert wording.letter_subject.format(project="Khu X") == "Về việc đề nghị thành lập Khu X"
    assert wording.head("Phu_luc_II") == ("Phụ lục II", "KẾ HOẠCH THU HỒI ĐẤT, BỒI THƯỜNG, HỖ TRỢ, TÁI ĐỊNH CƯ")
    assert wording.signer_lines("ỦY BAN NHÂN DÂN", ["KT. CHỦ TỊCH"]) == ("TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH")
    assert wording.signer_lines("", ["GIÁM ĐỐC"]) == ("GIÁM ĐỐC",)
    assert "heading 1" in REQUIRED_STYLES and "Decree30 rule" in REQUIRED_STYLES


def test_an_office_changes_the_wording_and_a_style_and_the_next_export_shows_both(
    demo_services: Services, office: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (office / "to_trinh.yaml").write_text(
        "subject: 'Về việc đề nghị Thủ tướng Chính phủ quyết định thành lập {project}'\n"
        "addressees: ['{decided_by}', 'Bộ Khoa học và Công nghệ']\n"
        "recipients: ['Như trên;', 'Văn phòng Chính phủ;', 'Lưu: VT, KT.']\n"
        "collective_line: ''\n",
        encoding="utf-8",
    )
    (office / "phu_luc.yaml").write_text(
        (SHIPPED_DIR / "phu_luc.yaml").read_text(encoding="utf-8").replace("DANH MỤC TÀI LIỆU KÈM THEO", "HỒ SƠ KÈM"),
        encoding="utf-8",
    )
    reference = open_docx(str(SHIPPED_DIR / "to_trinh.docx"))
    reference.styles[style_name(Role.HEADING_1)].font.color.rgb = RGBColor(0x1F, 0x3A, 0x93)
    reference.save(str(office / "to_trinh.docx"))
    result = demo_services.exports.export("CT-HTP", tmp_path / "out", ExportOptions(draft=True, formats=("docx",)))

    letter = result.folder / "To_trinh.docx"
    text = _docx_text(letter)
    assert "Về việc đề nghị Thủ tướng Chính phủ quyết định thành lập Khu công nghệ cao Cần Thơ" in text
    assert "Bộ Khoa học và Công nghệ" in text and "Văn phòng Chính phủ;" in text and "Lưu: VT, KT." in text
    assert "TM. ỦY BAN NHÂN DÂN" not in text  # the office left the collective line out
    heading = open_docx(str(letter)).styles[style_name(Role.HEADING_1)]
    assert heading.font.color.rgb == RGBColor(0x1F, 0x3A, 0x93)
    assert "HỒ SƠ KÈM" in _docx_text(result.folder / "Phu_luc_IV.docx")
    assert open_docx(str(result.folder / "De_an.docx")).styles[style_name(Role.HEADING_1)].font.color.rgb != (
        RGBColor(0x1F, 0x3A, 0x93)
    )
    assert main(["check-format", str(letter)]) == 0, capsys.readouterr().out


@pytest.mark.parametrize(
    ("name", "content", "words"),
    [
        ("de_an.docx", b"not a zip", "is not a Word document"),
        ("to_trinh.yaml", "subject: [unclosed\n", "is not valid YAML"),
        ("to_trinh.yaml", "- a list\n", "should hold named fields"),
        ("bang_tong_hop_y_kien.yaml", "subject: 'về {project}'\nrecipients: 'Lưu: VT.'\n", "'recipients'"),
        ("de_an.yaml", "subject: 'Thành lập {du_an}'\n", "{du_an}"),
        ("phu_luc.yaml", "headings: {Phu_luc_I: {label: 'Phụ lục I', title: 'X'}}\n", "Phu_luc_II"),
    ],
)
def test_a_damaged_template_is_refused_by_name_before_any_folder_is_written(
    demo_services: Services, office: Path, tmp_path: Path, name: str, content: bytes | str, words: str
) -> None:
    target = office / name
    target.write_bytes(content) if isinstance(content, bytes) else target.write_text(content, encoding="utf-8")
    out = tmp_path / "out"
    with pytest.raises(TemplateDamaged) as refused:
        demo_services.exports.export("CT-HTP", out, ExportOptions(draft=True))
    assert str(target) in refused.value.message and words in refused.value.message
    assert not out.exists() or list(out.iterdir()) == []


def test_a_reference_without_a_decree_style_is_refused_naming_the_style(tmp_path: Path) -> None:
    reference = open_docx(str(SHIPPED_DIR / "phu_luc.docx"))
    reference.styles["Decree30 rule"].delete()
    broken = tmp_path / "phu_luc.docx"
    reference.save(str(broken))
    with pytest.raises(TemplateDamaged, match="Decree30 rule"):
        load_templates((tmp_path, SHIPPED_DIR))


def test_the_command_line_names_the_damaged_template_in_both_languages_and_exits_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    db = str(tmp_path / "t.db")
    assert main(["--db", db, "demo", "--households", "3"]) == 0
    office = tmp_path / "office"
    shutil.copytree(SHIPPED_DIR, office)
    (office / "to_trinh.docx").write_bytes(b"")
    monkeypatch.setattr(export_workers, "office_templates_dir", lambda: office)
    capsys.readouterr()
    out = tmp_path / "out"
    assert main(["--db", db, "export", "CT-HTP", "--out", str(out), "--draft"]) == 2
    err = capsys.readouterr().err
    assert str(office / "to_trinh.docx") in err
    assert "Mẫu văn bản xuất" in err and "The export template" in err
    assert not out.exists() or list(out.iterdir()) == []


def test_the_shipped_folder_is_found_beside_the_package() -> None:
    assert Path(__file__).resolve().parents[2] / "exports" == templates.SHIPPED_DIR
