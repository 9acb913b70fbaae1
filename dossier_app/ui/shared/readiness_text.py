"""A readiness item in the UI language only, for every window that lists them (readiness, export)."""

from PySide6.QtCore import QCoreApplication

from dossier_app.domain.readiness import ReadinessItem


def item_text(item: ReadinessItem, language: str) -> str:
    """The item's message in the UI language (regime titles in Vietnamese for the Vietnamese UI)."""
    template = QCoreApplication.translate("Readiness", item.template)
    source = item.params_vi if language == "vi" and item.params_vi is not None else item.params
    params = {
        name: QCoreApplication.translate("Readiness", value) if isinstance(value, str) else value
        for name, value in source.items()
    }
    try:
        return template.format(**params)
    except (KeyError, IndexError, ValueError):
        return item.message
