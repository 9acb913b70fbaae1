"""Help › About: the version of pyproject.toml, the Apache licence and every bundled library and font with its own."""

from pathlib import Path

from PySide6.QtWidgets import QLabel

from dossier_app.ui.shell.about_dialog import NOTICE, AboutDialog, third_party
from dossier_app.version import program_version


def _column(dialog: AboutDialog, column: int) -> list[str]:
    return [dialog.table.item(row, column).text() for row in range(dialog.table.rowCount())]


def test_about_shows_the_version_the_licence_and_every_package_and_font(qtbot) -> None:  # type: ignore[no-untyped-def]
    dialog = AboutDialog()
    qtbot.addWidget(dialog)
    assert program_version() in dialog.version.text()
    assert "Apache" in dialog.findChild(QLabel, "aboutLicence").text()
    names = _column(dialog, 0)
    notice = NOTICE.read_text(encoding="utf-8")
    packages = notice.split("## Python packages")[1].split("##")[0].count("\n| ") - 1  # less the header row
    assert len(names) == packages + notice.split("## Fonts")[1].count("\n| ") - 1
    assert {"PySide6_Essentials", "python-docx"} <= set(names)
    licences = dict(zip(names, _column(dialog, 2), strict=True))
    assert licences["PySide6_Essentials"].startswith("LGPL")
    assert any(name.startswith("Liberation") and licence == "OFL-1.1" for name, licence in licences.items())


def test_without_the_notice_about_says_the_copy_is_incomplete(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    dialog = AboutDialog(notice=tmp_path / "THIRD_PARTY_LICENSES")
    qtbot.addWidget(dialog)
    assert dialog.table.rowCount() == 0 and dialog.findChild(QLabel, "aboutNoticeMissing") is not None


def test_third_party_reads_both_tables_and_takes_the_licence_used() -> None:
    text = (
        "# Third-party licences\n\n| Package | Version | Licence | Used under | Home page |\n|---|---|---|---|---|\n"
        "| PySide6 | 6.11.3 | LGPL-3.0-only OR GPL-3.0-only | LGPL-3.0-only | https://pyside.org |\n"
        "| numpy | 2.2.6 (Python < 3.12)<br>2.3.0 (Python >= 3.12) | BSD-3-Clause | BSD-3-Clause | |\n\n"
        "| Font | File | Version | Licence | Copyright | Home page |\n|---|---|---|---|---|---|\n"
        "| Liberation Serif | LiberationSerif-Regular.ttf | 2.1.5 | OFL-1.1 | Copyright 2012 Red Hat | https://x |\n"
    )
    assert third_party(text) == [
        ("PySide6", "6.11.3", "LGPL-3.0-only", "https://pyside.org"),
        ("numpy", "2.2.6 (Python < 3.12), 2.3.0 (Python >= 3.12)", "BSD-3-Clause", ""),
        ("Liberation Serif", "2.1.5", "OFL-1.1", "https://x"),
    ]
