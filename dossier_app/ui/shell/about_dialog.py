"""Help › About: what the program is, its version, its licence and the licences of what it ships with."""

import platform
import re
from pathlib import Path

import PySide6
from PySide6.QtCore import Qt, qVersion
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from dossier_app.ui.shared.icons import program_icon
from dossier_app.version import program_version

# Beside the package in the source tree, in _internal/ in the bundle (packaging/dossier_app.spec puts them there).
NOTICE = Path(__file__).resolve().parents[3] / "THIRD_PARTY_LICENSES"


def third_party(text: str) -> list[tuple[str, str, str, str]]:
    """(name, version, licence, home page) of every package and font THIRD_PARTY_LICENSES lists, in its order.

    Read from its two Markdown tables (release/licences.py writes them): packages `| name | version | licence |
    used under | home |`, fonts `| name | file | version | licence | copyright | home |`; the licence shown is the
    one the program takes a package under.
    """
    rows = []
    for line in text.splitlines():
        if not line.startswith("| ") or re.fullmatch(r"\|[-|]+\|", line.replace(" ", "")):
            continue
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        if len(cells) == 5 and cells[0] != "Package":
            name, version, _licence, used, home = cells
            rows.append((name, version.replace("<br>", ", "), used, home))
        elif len(cells) == 6 and cells[0] != "Font":
            name, _file, version, licence, _copyright, home = cells
            rows.append((name, version, licence, home))
    return rows


class AboutDialog(QDialog):
    """The program's name, version and licence, and the table of bundled libraries and fonts with theirs."""

    def __init__(self, parent: QWidget | None = None, notice: Path = NOTICE) -> None:
        super().__init__(parent)
        self.setObjectName("aboutDialog")
        self.setWindowTitle(self.tr("About"))
        self.resize(860, 600)
        layout = QVBoxLayout(self)

        heading = QHBoxLayout()
        icon = QLabel()
        icon.setPixmap(program_icon().pixmap(64, 64))
        icon.setAlignment(Qt.AlignmentFlag.AlignTop)
        heading.addWidget(icon)
        words = QVBoxLayout()
        title = QLabel(self.tr("Park establishment dossier"))
        font = title.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.4)
        title.setFont(font)
        self.version = QLabel(self.tr("Version %1").replace("%1", program_version()))
        self.version.setObjectName("aboutVersion")
        self.version.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        summary = QLabel(
            self.tr(
                "Dossier workspace for establishing a high-tech park and a concentrated IT park: "
                "legal outlines, section drafting with full revision history, attachments and search."
            )
        )
        summary.setWordWrap(True)
        runtime = QLabel(f"Python {platform.python_version()} · Qt {qVersion()} · PySide6 {PySide6.__version__}")
        runtime.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        for widget in (title, self.version, summary, runtime):
            words.addWidget(widget)
        heading.addLayout(words, 1)
        layout.addLayout(heading)

        licence = QLabel(
            self.tr(
                "Free software under the Apache License 2.0 (the LICENSE file that comes with the program). "
                "It ships with the libraries and fonts below, each under its own licence; their notices are in "
                "the THIRD_PARTY_LICENSES file and each library's full licence text comes with it."
            )
        )
        licence.setObjectName("aboutLicence")
        licence.setWordWrap(True)
        layout.addWidget(licence)

        try:
            rows = third_party(notice.read_text(encoding="utf-8"))
        except OSError:
            rows = []
        self.table = QTableWidget(len(rows), 4)
        self.table.setObjectName("thirdPartyTable")
        self.table.setHorizontalHeaderLabels(
            [self.tr("Component"), self.tr("Version"), self.tr("Licence"), self.tr("Home page")]
        )
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        for row, cells in enumerate(rows):
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(text)  # a long licence expression (pypdfium2's) is cut in its column
                self.table.setItem(row, column, item)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        header = self.table.horizontalHeader()
        for column in (0, 1):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(2, 220)
        header.setStretchLastSection(True)
        layout.addWidget(self.table, 1)
        if not rows:
            missing = QLabel(
                self.tr("The THIRD_PARTY_LICENSES file is missing: this copy of the program is incomplete.")
            )
            missing.setObjectName("aboutNoticeMissing")
            layout.addWidget(missing)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Close"))
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
