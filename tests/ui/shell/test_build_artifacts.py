"""The compiled forms match their .ui sources and every UI string has a Vietnamese translation."""

import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ElementTree
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
BIN = Path(sys.executable).parent
CATALOGUE = ROOT / "resources" / "translations" / "dossier_app_vi.ts"


def _code_lines(path: Path) -> list[str]:
    return [line for line in path.read_text(encoding="utf-8").splitlines() if not line.startswith("##")]


def test_generated_forms_match_their_ui_sources(tmp_path: Path) -> None:
    forms = sorted((ROOT / "forms").glob("*.ui"))
    assert forms
    for form in forms:
        fresh = tmp_path / f"ui_{form.stem}.py"
        subprocess.run([str(BIN / "pyside6-uic"), str(form), "-o", str(fresh)], check=True)
        committed = ROOT / "dossier_app" / "ui" / "generated" / f"ui_{form.stem}.py"
        assert _code_lines(committed) == _code_lines(fresh), f"{committed.name} is stale: run ./dev setup"


def _messages(catalogue: Path) -> dict[str, ElementTree.Element]:
    root = ElementTree.parse(catalogue).getroot()
    return {
        f"{context.findtext('name')}|{message.findtext('source')}": message
        for context in root.iter("context")
        for message in context.iter("message")
    }


def test_every_ui_string_is_in_the_catalogue_and_translated(tmp_path: Path) -> None:
    copy = tmp_path / "dossier_app_vi.ts"
    shutil.copy(CATALOGUE, copy)
    sources = [
        str(p)
        for p in sorted((ROOT / "dossier_app").rglob("*.py"))
        if "migrations" not in p.parts and "generated" not in p.parts
    ]
    sources += [str(p) for p in sorted((ROOT / "forms").glob("*.ui"))]
    subprocess.run(
        [str(BIN / "pyside6-lupdate"), *sources, "-no-obsolete", "-locations", "none", "-ts", str(copy)],
        check=True,
        capture_output=True,
    )
    fresh = _messages(copy)
    committed = _messages(CATALOGUE)
    assert set(fresh) == set(committed), "run ./dev i18n and translate the new strings"
    problems = []
    for key, message in committed.items():
        translation = message.find("translation")
        source = message.findtext("source") or ""
        if translation is None or not translation.text or translation.get("type"):
            problems.append(f"untranslated: {key}")
        elif set(re.findall(r"\{\w+\}", source)) != set(re.findall(r"\{\w+\}", translation.text)):
            problems.append(f"placeholders differ: {key}")
    assert not problems, "\n".join(problems)


def test_qts_own_buttons_and_menus_speak_vietnamese(vietnamese) -> None:  # type: ignore[no-untyped-def]
    """Qt has no Vietnamese catalogue of its own: without ours, Close, Yes, No and Cancel leak English."""
    from PySide6.QtWidgets import QDialogButtonBox, QMessageBox

    standard = QDialogButtonBox.StandardButton
    box = QDialogButtonBox(standard.Close | standard.Cancel | standard.Ok | standard.Save)
    texts = {name: box.button(getattr(standard, name)).text() for name in ("Close", "Cancel", "Ok", "Save")}
    assert texts == {"Close": "Đóng", "Cancel": "Hủy", "Ok": "Đồng ý", "Save": "Lưu"}
    question = QMessageBox()
    question.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
    assert question.button(QMessageBox.StandardButton.Yes).text().replace("&", "") == "Có"
    assert question.button(QMessageBox.StandardButton.No).text().replace("&", "") == "Không"
    menu = ElementTree.parse(ROOT / "resources" / "translations" / "qtbase_vi.ts").getroot()
    untranslated = [m.findtext("source") for m in menu.iter("message") if not (m.findtext("translation") or "")]
    assert not untranslated
