"""Qt Linguist translators and the translation of typed errors into the UI language."""

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from dossier_app.domain.errors import DossierError

TRANSLATIONS_DIR = Path(__file__).resolve().parents[3] / "resources" / "translations"


class Translators:
    """Installs the program's and Qt's own translations for one language at a time."""

    def __init__(self, app: QCoreApplication) -> None:
        self._app = app
        self._installed: list[QTranslator] = []
        self.language = "en"

    def remove(self) -> None:
        """Take this object's translators off the application."""
        for translator in self._installed:
            self._app.removeTranslator(translator)
        self._installed.clear()

    def install(self, language: str) -> bool:
        """Switch the UI language; English is the source language and needs no file."""
        self.remove()
        self.language = language
        QLocale.setDefault(QLocale(QLocale.Language.Vietnamese if language == "vi" else QLocale.Language.English))
        if language == "en":
            return True
        ours = QTranslator(self._app)
        loaded = ours.load(str(TRANSLATIONS_DIR / f"dossier_app_{language}.qm"))
        if loaded:
            self._app.installTranslator(ours)
            self._installed.append(ours)
        qt_base = QTranslator(self._app)
        # Qt ships no Vietnamese catalogue for its own buttons and dialogs: ours (qtbase_vi.ts) fills the gap.
        qt_folders = (QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath), str(TRANSLATIONS_DIR))
        if any(qt_base.load(f"qtbase_{language}", folder) for folder in qt_folders):
            self._app.installTranslator(qt_base)
            self._installed.append(qt_base)
        return loaded


def error_text(error: DossierError) -> str:
    """The error's message in the UI language."""
    template = QCoreApplication.translate("Errors", error.template)
    params = {
        name: QCoreApplication.translate("Errors", value) if isinstance(value, str) else value
        for name, value in error.params.items()
    }
    try:
        return template.format(**params)
    except (KeyError, IndexError, ValueError):
        return error.message
