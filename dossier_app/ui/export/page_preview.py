"""The pages of an exported PDF inside the program: page by page, zoomed, drawn off the GUI thread."""

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QImage, QKeySequence, QPixmap, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from dossier_app.domain.errors import DossierError
from dossier_app.services.export import pdf_pages
from dossier_app.services.export.pdf_pages import PageImage
from dossier_app.ui.shared.i18n import error_text
from dossier_app.ui.shared.workers import run_in_background

ZOOMS = (50, 75, 100, 125, 150, 200)
SCREEN_DPI = 96.0


def to_qimage(page: PageImage) -> QImage:
    """A deep copy of the page's RGBX pixels as a QImage (the bytes may go away after)."""
    image = QImage(page.pixels, page.width, page.height, page.stride, QImage.Format.Format_RGBX8888)
    return image.copy()


class PagePreview(QDialog):
    """Shows one PDF of a package at a time; PgUp/PgDn turn the pages, Ctrl++/Ctrl+- zoom."""

    def __init__(self, pdfs: list[Path], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("pagePreview")
        self.setWindowTitle(self.tr("Preview"))
        self._pdfs = pdfs
        self._count = 0
        self._page = 0
        self._cache: dict[tuple[str, int, int], QImage] = {}
        self.document = QComboBox(self)
        for path in pdfs:
            self.document.addItem(path.name, str(path))
        self.previous_button = QPushButton(self.tr("◀ Previous"), self)
        self.next_button = QPushButton(self.tr("Next ▶"), self)
        self.page_label = QLabel(self)
        self.page_label.setObjectName("pageLabel")
        self.zoom = QComboBox(self)
        for percent in ZOOMS:
            self.zoom.addItem(f"{percent} %", percent)
        self.zoom.setCurrentIndex(ZOOMS.index(100))
        self.image = QLabel(self)
        self.image.setObjectName("pageImage")
        self.image.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.scroll_area = QScrollArea(self)
        self.scroll_area.setWidget(self.image)
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.status = QLabel(self)
        self.status.setObjectName("previewStatus")
        self.status.setWordWrap(True)
        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("Document:"), self))
        bar.addWidget(self.document, 1)
        bar.addWidget(self.previous_button)
        bar.addWidget(self.page_label)
        bar.addWidget(self.next_button)
        bar.addWidget(QLabel(self.tr("Zoom:"), self))
        bar.addWidget(self.zoom)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.scroll_area, 1)
        layout.addWidget(self.status)
        self.previous_button.clicked.connect(lambda: self.show_page(self._page - 1))
        self.next_button.clicked.connect(lambda: self.show_page(self._page + 1))
        self.document.currentIndexChanged.connect(lambda _index: self.open_document())
        self.zoom.currentIndexChanged.connect(lambda _index: self.show_page(self._page))
        for keys, slot in (
            (QKeySequence.StandardKey.MoveToPreviousPage, lambda: self.show_page(self._page - 1)),
            (QKeySequence.StandardKey.MoveToNextPage, lambda: self.show_page(self._page + 1)),
            (QKeySequence.StandardKey.ZoomIn, lambda: self._step_zoom(1)),
            (QKeySequence.StandardKey.ZoomOut, lambda: self._step_zoom(-1)),
        ):
            QShortcut(QKeySequence(keys), self, slot)
        self.resize(900, 1000)
        self.open_document()

    @property
    def page_count(self) -> int:
        """Pages of the document shown."""
        return self._count

    @property
    def current_page(self) -> int:
        """The page shown, from 0."""
        return self._page

    def _path(self) -> Path | None:
        data = self.document.currentData()
        return Path(data) if data else None

    def _dpi(self) -> int:
        return round(SCREEN_DPI * int(self.zoom.currentData() or 100) / 100)

    def _step_zoom(self, step: int) -> None:
        self.zoom.setCurrentIndex(max(0, min(len(ZOOMS) - 1, self.zoom.currentIndex() + step)))

    def open_document(self) -> None:
        """Count the pages of the chosen PDF and show its first page."""
        path = self._path()
        self._count, self._page = 0, 0
        if path is None:
            self._show_status(self.tr("This package has no PDF to preview."))
            self._sync()
            return
        try:
            self._count = pdf_pages.page_count(path)
        except DossierError as error:
            self._show_status(error_text(error))
        self.show_page(0)

    def show_page(self, index: int) -> None:
        """Show page `index` (clamped), from the cache or drawn in the background."""
        path = self._path()
        if path is None or self._count == 0:
            self._sync()
            return
        self._page = max(0, min(self._count - 1, index))
        self._sync()
        key = (str(path), self._page, self._dpi())
        if key in self._cache:
            self._display(key)
            return
        self.status.setText(self.tr("Drawing page {page}…").format(page=self._page + 1))
        dpi = key[2]
        task = run_in_background(lambda _report, _cancelled: pdf_pages.render_page(path, key[1], dpi))
        task.on_success(lambda page: self._drawn(key, page))
        task.on_failure(self._failed)

    def _drawn(self, key: tuple[str, int, int], page: PageImage) -> None:
        self._cache[key] = to_qimage(page)
        if key == (str(self._path()), self._page, self._dpi()):
            self._display(key)

    def _display(self, key: tuple[str, int, int]) -> None:
        self.image.setPixmap(QPixmap.fromImage(self._cache[key]))
        self.status.setText("")

    def _failed(self, error: BaseException) -> None:
        self._show_status(error_text(error) if isinstance(error, DossierError) else str(error))

    def _show_status(self, text: str) -> None:
        self.image.clear()
        self.status.setText(text)

    def _sync(self) -> None:
        if self._count:
            self.page_label.setText(self.tr("Page {page} of {count}").format(page=self._page + 1, count=self._count))
        else:
            self.page_label.setText(self.tr("No pages"))
        self.previous_button.setEnabled(self._page > 0)
        self.next_button.setEnabled(self._page < self._count - 1)

    def shown_image(self) -> QImage:
        """The page image on screen now (tests and screenshots read it)."""
        return self.image.pixmap().toImage()
