"""The first start on an empty database: offer the Cần Thơ demo or a new project."""

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox

from dossier_app.ui.shell.main_window import MainWindow


def offer_start(window: MainWindow) -> None:
    """Ask what to do with an empty database; doing nothing is fine too."""
    if not window.services.demo.is_empty():
        return
    box = QMessageBox(window)
    box.setObjectName("welcomeBox")
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(QCoreApplication.translate("Welcome", "Welcome"))
    box.setText(QCoreApplication.translate("Welcome", "This database has no project yet."))
    box.setInformativeText(
        QCoreApplication.translate(
            "Welcome",
            "Load the Cần Thơ demo (the high-tech park CT-HTP and the concentrated IT park CT-ITP, "
            "with draft text), or create your own project.",
        )
    )
    demo = box.addButton(QCoreApplication.translate("Welcome", "Load the demo"), QMessageBox.ButtonRole.AcceptRole)
    new = box.addButton(QCoreApplication.translate("Welcome", "New project…"), QMessageBox.ButtonRole.ActionRole)
    box.addButton(QCoreApplication.translate("Welcome", "Later"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(demo)
    box.exec()
    if box.clickedButton() is demo:
        window.window_actions.load_demo()
    elif box.clickedButton() is new:
        window.window_actions.new_project()
