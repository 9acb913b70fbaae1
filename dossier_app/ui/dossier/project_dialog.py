"""Create or edit a project's facts; bad input is named and nothing is stored until it is right."""

from decimal import Decimal

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QLineEdit, QMessageBox, QWidget

from dossier_app.domain.enums import ParkKind
from dossier_app.domain.errors import DossierError, ValidationFailed
from dossier_app.domain.organ_codes import GOVERNMENT_OFFICE, organ_code
from dossier_app.services import Services
from dossier_app.services.dossier.projects import DEFAULT_REGIME, ProjectInput, ProjectView, parse_area, parse_vnd
from dossier_app.services.dossier.regime_switch import RegimeSwitchPlan
from dossier_app.ui.generated.ui_project_dialog import Ui_ProjectDialog
from dossier_app.ui.shared.i18n import error_text


def format_area(area: Decimal | None) -> str:
    """Hectares as a Vietnamese reader writes them (comma as the decimal mark)."""
    if area is None:
        return ""
    text = format(area.normalize(), "f")
    return text.replace(".", ",")


def format_vnd(amount: int | None) -> str:
    """Đồng with dots between thousands."""
    return "" if amount is None else f"{amount:,}".replace(",", ".")


class ProjectDialog(QDialog):
    """The project form; `saved` holds the stored project after a successful Save."""

    def __init__(
        self,
        services: Services,
        language: str,
        project: ProjectView | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ui = Ui_ProjectDialog()
        self.ui.setupUi(self)
        self._services = services
        self._language = language
        self._project = project
        self.saved: ProjectView | None = None
        self.setWindowTitle(self.tr("Edit project") if project else self.tr("New project"))
        self.ui.kindCombo.addItem(self.tr("High-tech park"), ParkKind.HIGH_TECH)
        self.ui.kindCombo.addItem(self.tr("Concentrated IT park"), ParkKind.IT_PARK)
        self.ui.kindCombo.currentIndexChanged.connect(self._fill_regimes)
        self.regimeNote = QLabel(self)
        self.regimeNote.setWordWrap(True)
        self.regimeNote.setStyleSheet("color: #a05a00;")
        row, _role = self.ui.formLayout.getWidgetPosition(self.ui.regimeCombo)
        self.ui.formLayout.insertRow(row + 1, "", self.regimeNote)
        self.ui.regimeCombo.currentIndexChanged.connect(self._show_regime_note)
        self.ui.buttonBox.accepted.connect(self.accept)
        self.ui.buttonBox.rejected.connect(self.reject)
        save = self.ui.buttonBox.button(QDialogButtonBox.StandardButton.Save)
        save.setText(self.tr("Save"))
        self.ui.buttonBox.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self._fill_regimes()
        if project is not None:
            self._load(project)
        else:
            self.ui.recipientCodeEdit.setText(GOVERNMENT_OFFICE)  # a Tờ trình to the Prime Minister goes there
        self._code_refused = False  # whether the message shown is a refused identification code
        for edit in (self.ui.senderCodeEdit, self.ui.recipientCodeEdit):
            edit.editingFinished.connect(self._check_codes)
        self._show_regime_note()
        self._fields = {
            "code": self.ui.codeEdit,
            "name": self.ui.nameEdit,
            "regime_key": self.ui.regimeCombo,
            "area_ha": self.ui.areaEdit,
            "total_investment_vnd": self.ui.investmentEdit,
            "sender_organ_code": self.ui.senderCodeEdit,
            "recipient_organ_code": self.ui.recipientCodeEdit,
        }

    def _check_codes(self) -> None:
        """Name a badly shaped identification code as soon as the clerk leaves its field (Save refuses it too), and
        clear that message once the codes are right."""
        try:
            organ_code(self.ui.senderCodeEdit.text(), "sender_organ_code")
            organ_code(self.ui.recipientCodeEdit.text(), "recipient_organ_code")
        except ValidationFailed as error:
            self.ui.errorLabel.setText(error_text(error))
            self._code_refused = True
            return
        if self._code_refused:
            self.ui.errorLabel.clear()
            self._code_refused = False

    def _fill_regimes(self) -> None:
        kind = ParkKind(self.ui.kindCombo.currentData())
        self.ui.regimeCombo.clear()
        for regime in self._services.context.regimes.values():
            if regime.park_kind != kind:
                continue
            title = regime.title_en if self._language == "en" else regime.title_vi
            label = title if regime.verified else title + " " + self.tr("(not verified)")
            self.ui.regimeCombo.addItem(label, regime.key)
        default = self.ui.regimeCombo.findData(DEFAULT_REGIME[kind])
        self.ui.regimeCombo.setCurrentIndex(max(default, 0))

    def _show_regime_note(self) -> None:
        """An unverified regime says so under the list, with what is and is not known about it."""
        regime = self._services.context.regimes.get(str(self.ui.regimeCombo.currentData() or ""))
        note = (
            "" if regime is None or regime.verified else (regime.note_en if self._language == "en" else regime.note_vi)
        )
        self.regimeNote.setText(note)
        self.regimeNote.setVisible(bool(note))

    def switch_message(self, plan: RegimeSwitchPlan) -> str:
        """What switching the regime does, listing the sections that will be kept outside the new regime."""
        regime = self._services.context.regime(plan.to_regime)
        lines = [
            self.tr("Switch the legal regime to {regime}?").format(regime=regime.code),
            self.tr(
                "{mapped} sections keep their text and move to their place; {created} new sections are added."
            ).format(mapped=len(plan.mapped), created=len(plan.created)),
        ]
        if plan.outside:
            lines.append(
                self.tr(
                    "These {count} sections do not fit the new regime. They are kept, with their text, "
                    "marked “Not part of the current regime”, and come back if you switch back:"
                ).format(count=len(plan.outside))
            )
            for section in plan.outside:
                written = self.tr("written") if section.written else self.tr("empty")
                lines.append(f"  • {section.document_title}: {section.title} ({written})")
        return "\n".join(lines)

    def _confirm_switch(self, plan: RegimeSwitchPlan) -> bool:
        answer = QMessageBox.question(self, self.tr("Switch legal regime"), self.switch_message(plan))
        return answer == QMessageBox.StandardButton.Yes

    def _load(self, project: ProjectView) -> None:
        ui = self.ui
        ui.codeEdit.setText(project.code)
        ui.nameEdit.setText(project.name)
        ui.kindCombo.setCurrentIndex(ui.kindCombo.findData(project.kind))
        ui.regimeCombo.setCurrentIndex(ui.regimeCombo.findData(project.regime_key))
        ui.kindCombo.setEnabled(False)
        ui.locationEdit.setText(project.location)
        ui.wardEdit.setText(project.ward)
        ui.areaEdit.setText(format_area(project.area_ha))
        ui.investorEdit.setText(project.investor)
        ui.investmentEdit.setText(format_vnd(project.total_investment_vnd))
        ui.governingEdit.setText(project.governing_body)
        ui.issuingEdit.setText(project.issuing_body)
        ui.signerTitleEdit.setPlainText(project.signer_title)
        ui.signerNameEdit.setText(project.signer_name)
        ui.senderCodeEdit.setText(project.sender_organ_code)
        ui.recipientCodeEdit.setText(project.recipient_organ_code)
        for edit in self.findChildren(QLineEdit):
            edit.setCursorPosition(0)

    def input(self) -> ProjectInput:
        """The form's contents, parsed; raises ValidationFailed naming the bad field."""
        ui = self.ui
        return ProjectInput(
            code=ui.codeEdit.text(),
            name=ui.nameEdit.text(),
            kind=ParkKind(ui.kindCombo.currentData()),
            regime_key=str(ui.regimeCombo.currentData() or ""),
            location=ui.locationEdit.text(),
            ward=ui.wardEdit.text(),
            area_ha=parse_area(ui.areaEdit.text()),
            investor=ui.investorEdit.text(),
            total_investment_vnd=parse_vnd(ui.investmentEdit.text()),
            governing_body=ui.governingEdit.text(),
            issuing_body=ui.issuingEdit.text(),
            signer_title=ui.signerTitleEdit.toPlainText(),
            signer_name=ui.signerNameEdit.text(),
            sender_organ_code=ui.senderCodeEdit.text(),
            recipient_organ_code=ui.recipientCodeEdit.text(),
        )

    def accept(self) -> None:
        """Store the project, or name what is wrong and keep the dialog open."""
        try:
            data = self.input()
            if self._project is None:
                self.saved = self._services.projects.create(data)
            else:
                if data.regime_key != self._project.regime_key:
                    plan = self._services.projects.regime_switch_plan(self._project.id, data.regime_key)
                    if not self._confirm_switch(plan):
                        return
                self.saved = self._services.projects.update(self._project.id, data)
        except DossierError as error:
            self.ui.errorLabel.setText(error_text(error))
            if isinstance(error, ValidationFailed) and error.field in self._fields:
                self._fields[error.field].setFocus()
            return
        super().accept()
