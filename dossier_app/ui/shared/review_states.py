"""A section's review state as the window names and colours it, for the navigator and the review bar alike.

Kept apart from the review bar so the navigator, which the window builds at start, imports no service module.
"""

from PySide6.QtCore import QCoreApplication

from dossier_app.domain.enums import SectionState

STATE_COLOURS = {
    SectionState.DRAFT: "#607d8b",
    SectionState.SUBMITTED: "#1565c0",
    SectionState.APPROVED: "#2e7d32",
    SectionState.CHANGES_REQUESTED: "#c62828",
}


def state_name(state: SectionState) -> str:
    """A review state in the UI language."""
    names = {
        SectionState.DRAFT: QCoreApplication.translate("ReviewBar", "Draft"),
        SectionState.SUBMITTED: QCoreApplication.translate("ReviewBar", "Submitted"),
        SectionState.APPROVED: QCoreApplication.translate("ReviewBar", "Approved"),
        SectionState.CHANGES_REQUESTED: QCoreApplication.translate("ReviewBar", "Changes requested"),
    }
    return names[state]
