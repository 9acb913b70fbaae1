"""Editing the figures the numeric criteria are computed from (workforce, areas, density, occupancy)."""

from decimal import Decimal

from PySide6.QtCore import QLocale
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from dossier_app.domain.conditions import ProjectFacts
from dossier_app.domain.errors import DossierError, ValidationFailed
from dossier_app.services import Services
from dossier_app.services.completeness.checklist import parse_count, parse_fact
from dossier_app.ui.shared.messages import show_error


def shown(value: Decimal | int | None) -> str:
    """A figure as the form shows it, with the locale's decimal mark and no trailing zeros."""
    if value is None:
        return ""
    text = f"{Decimal(value).normalize():f}"
    return text.replace(".", QLocale().decimalPoint())


class FactsDialog(QDialog):
    """A form of the project's facts; saving refuses impossible figures and keeps the form open."""

    def __init__(self, services: Services, project_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("factsDialog")
        self._services = services
        self.project_id = project_id
        self.saved: ProjectFacts | None = None
        self.setWindowTitle(self.tr("Project facts for the criteria"))
        facts = services.checklist.facts(project_id)
        self.edits: dict[str, QLineEdit] = {}
        form = QFormLayout()
        labels = {
            "it_workers": self.tr("IT workers planned (people)"),
            "total_workforce": self.tr("Total workforce of the park (people)"),
            "land_area_ha": self.tr("Land area (ha)"),
            "core_area_ha": self.tr("Core functional zone (ha)"),
            "construction_land_ha": self.tr("Construction land (ha)"),
            "building_density_pct": self.tr("Net building density (%)"),
            "existing_parks_occupancy_pct": self.tr("Occupancy of existing parks in the province (%)"),
        }
        for name, label in labels.items():
            edit = QLineEdit(shown(getattr(facts, name)), self)
            edit.setObjectName(name)
            edit.setPlaceholderText(self.tr("not known yet"))
            self.edits[name] = edit
            form.addRow(label, edit)
        self.software_only = QCheckBox(self.tr("Software and IT services only (lower thresholds)"), self)
        self.software_only.setChecked(facts.software_only)
        self.expansion = QCheckBox(self.tr("Expansion of an existing park"), self)
        self.expansion.setChecked(facts.expansion)
        form.addRow(self.software_only)
        form.addRow(self.expansion)
        note = QLabel(self.tr("The land area is the project's area; changing it here changes the project."), self)
        note.setWordWrap(True)
        note.setStyleSheet("color:#666")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(buttons)
        self.setMinimumWidth(520)

    def facts(self) -> ProjectFacts:
        """The form as facts (ValidationFailed for a figure that is not a number)."""
        edits = self.edits
        return ProjectFacts(
            it_workers=parse_count(edits["it_workers"].text(), "it_workers"),
            total_workforce=parse_count(edits["total_workforce"].text(), "total_workforce"),
            land_area_ha=parse_fact(edits["land_area_ha"].text(), "land_area_ha"),
            core_area_ha=parse_fact(edits["core_area_ha"].text(), "core_area_ha"),
            construction_land_ha=parse_fact(edits["construction_land_ha"].text(), "construction_land_ha"),
            building_density_pct=parse_fact(edits["building_density_pct"].text(), "building_density_pct"),
            existing_parks_occupancy_pct=parse_fact(
                edits["existing_parks_occupancy_pct"].text(), "existing_parks_occupancy_pct"
            ),
            software_only=self.software_only.isChecked(),
            expansion=self.expansion.isChecked(),
        )

    def save(self) -> None:
        """Store the facts and close, or show why not and stay."""
        try:
            self.saved = self._services.checklist.save_facts(self.project_id, self.facts())
        except DossierError as error:
            if isinstance(error, ValidationFailed) and error.field in self.edits:
                self.edits[error.field].setFocus()
            show_error(self, error)
            return
        self.accept()
