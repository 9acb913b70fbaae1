"""Window fixtures: a demo database, isolated QSettings and the Vietnamese translator."""

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

from dossier_app.domain.enums import Role
from dossier_app.services import Services, open_services
from dossier_app.services.accounts.accounts import AccountView
from dossier_app.services.core.context import Operator
from dossier_app.ui.shared.i18n import Translators
from dossier_app.ui.shared.settings import UiSettings
from dossier_app.ui.shell.main_window import MainWindow
from tests.conftest import FAST_HASHER
from tests.server.server_process import demo_server_db, server  # noqa: F401 (a real `serve`, as in tests/server)


@pytest.fixture
def ui_settings(tmp_path: Path) -> UiSettings:
    """QSettings in a temporary INI file, never the user's."""
    return UiSettings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))


@pytest.fixture
def vietnamese(qapp: QApplication) -> Iterator[Translators]:
    """The Vietnamese translator installed, as on a normal start."""
    translators = Translators(qapp)
    translators.install("vi")
    yield translators
    translators.install("en")


@pytest.fixture
def demo_db(sqlite_url: str) -> Iterator[Services]:
    """Services on a SQLite file with the Cần Thơ demo loaded, acting as the officer account `officer`.

    `officer` loads the demo on the still account-less database (the audit names them), then the local
    operator gives them an account with the officer role, as an administrator would.
    """
    services = open_services(sqlite_url, Operator("officer"), password_hasher=FAST_HASHER)
    services.demo.load()
    services.context.operator = Operator("cli:test")
    services.accounts.add("officer", [Role.OFFICER], "officer-password")
    services.context.operator = Operator("officer")
    yield services
    services.close()


@pytest.fixture
def draft_demo_db(sqlite_url: str) -> Iterator[Services]:
    """As demo_db without the review story (every section a draft), acting as the officer account `officer`.

    `officer` loads the demo on the still account-less database (the audit names them), then the local
    operator gives them an account with the officer role, as an administrator would.
    """
    services = open_services(sqlite_url, Operator("officer"), password_hasher=FAST_HASHER)
    services.demo.load(story=False)
    services.context.operator = Operator("cli:test")
    services.accounts.add("officer", [Role.OFFICER], "officer-password")
    services.context.operator = Operator("officer")
    yield services
    services.close()


@pytest.fixture
def make_window(qtbot, ui_settings: UiSettings, vietnamese: Translators) -> Callable[..., MainWindow]:  # type: ignore[no-untyped-def]
    """Build a shown main window on some services (several may be opened in one test)."""

    def build(services: Services, account: AccountView | None = None) -> MainWindow:
        window = MainWindow(services, ui_settings, "vi", account)
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        return window

    return build


def section_id_by_key(services: Services, code: str, key: str) -> int:
    """The id of a project's section with this outline key."""
    return services.dossiers.section_by_key(services.projects.by_code(code).id, key).id
