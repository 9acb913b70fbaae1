"""The project home in the centre of the window: how ready the dossier is, what waits in review, the land
clearance, the consultations and the last export, each line opening the place where it is dealt with.

The figures are gathered off the GUI thread (`ProjectHomeService.home`, SQL counts and sums) and drawn from that
read model; a project seen before is drawn at once from its last figures while the new ones are read.
"""

from decimal import Decimal

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLabel, QPushButton, QScrollArea, QVBoxLayout, QWidget

from dossier_app.domain.errors import DossierError
from dossier_app.domain.milestones import Risk
from dossier_app.domain.readiness import Light, Target
from dossier_app.domain.review_clock import ConsultationState
from dossier_app.services import Services
from dossier_app.services.dossier.project_home import ProjectHome
from dossier_app.services.export.packages import PackageCheck
from dossier_app.ui.register.dashboard_window import step_names
from dossier_app.ui.register.register_model import format_area, format_vnd
from dossier_app.ui.shared.i18n import error_text
from dossier_app.ui.shared.readiness_text import item_text
from dossier_app.ui.shared.workers import run_in_background
from dossier_app.ui.shell.home_links import STYLE, Card, HomeLink, Tone

LIGHT_TONES = {Light.RED: Tone.RED, Light.AMBER: Tone.AMBER, Light.GREEN: Tone.GREEN}
TWO_COLUMNS_FROM = 820  # pixels of width from which the cards stand in two columns


class ProjectHomePane(QScrollArea):
    """The home of one project; its signals ask the window to open the places its lines name."""

    readiness_requested = Signal()
    item_chosen = Signal(object)  # a readiness Target
    section_chosen = Signal(int)
    queue_requested = Signal()
    register_requested = Signal()
    dashboard_requested = Signal()
    milestone_chosen = Signal(str)  # a step key, or "" for the plan
    consultations_requested = Signal()
    export_requested = Signal()
    history_requested = Signal()
    drawn = Signal(object)  # the ProjectHome read model now on screen

    def __init__(self, services: Services, language: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("projectHome")
        self.setWidgetResizable(True)
        self.setFrameShape(QScrollArea.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)  # everything wraps instead
        self._services = services
        self._language = language
        self.project_id: int | None = None
        self.home: ProjectHome | None = None  # what is drawn
        self._seen: dict[int, ProjectHome] = {}  # the last figures of each project, drawn at once when it returns
        self._checks: dict[int, PackageCheck | str] = {}  # export id -> its check, or an error text
        self._gathering = False
        self._again = False
        self.cards: dict[str, Card] = {}
        self.page = QWidget(self)
        self.page.setObjectName("projectHomePage")
        self.page.setStyleSheet("QWidget#projectHomePage { background: #eef2f4; }" + STYLE)
        self.title = QLabel(self.page)
        self.title.setObjectName("homeTitle")
        self.title.setWordWrap(True)
        self.title.setStyleSheet("font-size: 16pt; font-weight: bold; color: #263238")
        self.status = QLabel(self.page)
        self.status.setObjectName("homeStatus")
        self.status.setWordWrap(True)
        self.status.setStyleSheet("color: #607d8b")
        self.refresh_button = QPushButton(self.tr("Refresh"), self.page)
        self.refresh_button.setToolTip(self.tr("Read the figures again (F5)"))
        self.refresh_button.clicked.connect(self.refresh)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Refresh), self, self.refresh)
        head = QHBoxLayout()
        words = QVBoxLayout()
        words.addWidget(self.title)
        words.addWidget(self.status)
        head.addLayout(words, 1)
        head.addWidget(self.refresh_button, 0, Qt.AlignmentFlag.AlignTop)
        self.grid = QGridLayout()
        self.grid.setSpacing(12)
        layout = QVBoxLayout(self.page)
        layout.setContentsMargins(18, 14, 18, 18)
        layout.setSpacing(12)
        layout.addLayout(head)
        layout.addLayout(self.grid)
        layout.addStretch(1)
        self.setWidget(self.page)
        self._columns = 0
        self._focus_name = ""
        self._checking: int | None = None

    # Reading -------------------------------------------------------------------------------------------

    def show_project(self, project_id: int) -> None:
        """Show a project's home: its last figures at once if it was seen before, then the figures of now."""
        if project_id != self.project_id:
            self.project_id = project_id
            seen = self._seen.get(project_id)
            if seen is not None:
                self.draw(seen)
            else:
                self._clear()
                self.status.setText(self.tr("Reading the project's figures…"))
        self.refresh()

    def refresh(self) -> None:
        """Read the figures again, off the GUI thread (once more after the current reading, if one runs)."""
        if self.project_id is None:
            return
        if self._gathering:
            self._again = True
            return
        self._gathering = True
        project_id = self.project_id
        task = run_in_background(lambda _report, _cancelled: self._services.home.home(project_id))
        task.on_success(self._gathered).on_failure(self._failed)

    @property
    def busy(self) -> bool:
        """Figures are being read."""
        return self._gathering

    def refresh_if_shown(self) -> None:
        """Something changed elsewhere: read again if the home is on screen (choosing a project reads anyway)."""
        if self.isVisible():
            self.refresh()

    def _gathered(self, home: ProjectHome) -> None:
        self._gathering = False
        self._seen[home.project_id] = home
        if home.project_id == self.project_id:
            self.draw(home)
        self._next()

    def _failed(self, error: BaseException) -> None:
        self._gathering = False
        self.status.setText(error_text(error) if isinstance(error, DossierError) else str(error))
        self._next()

    def _next(self) -> None:
        if self._again:
            self._again = False
            self.refresh()

    # Drawing -------------------------------------------------------------------------------------------

    def _clear(self) -> None:
        focused = self.focusWidget()
        self._focus_name = focused.objectName() if focused is not None and self.page.isAncestorOf(focused) else ""
        for card in self.cards.values():
            self.grid.removeWidget(card)
            card.deleteLater()
        self.cards = {}
        self.home = None
        self.title.setText("")

    def draw(self, home: ProjectHome) -> None:
        """Draw a home from its read model (no database here), keeping the keyboard focus on the same line."""
        self._clear()
        self.home = home
        self.title.setText(f"{home.code} — {home.name}")
        self.status.setText(
            self.tr("Figures as of {time}").format(time=home.at.astimezone().strftime("%H:%M:%S %d/%m/%Y"))
        )
        self.cards = {
            "readiness": self._readiness_card(home),
            "review": self._review_card(home),
            "clearance": self._clearance_card(home),
            "consultations": self._consultations_card(home),
            "export": self._export_card(home),
        }
        self._columns = 0
        self._place_cards()
        if self._focus_name:
            again = self.page.findChild(QWidget, self._focus_name)
            if again is not None:
                again.setFocus()
        self._check_export(home)
        self.drawn.emit(home)

    def resizeEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        """Two columns of cards when there is room, one otherwise: nothing is clipped at any width."""
        super().resizeEvent(event)
        self._place_cards()

    def _place_cards(self) -> None:
        columns = 2 if self.viewport().width() >= TWO_COLUMNS_FROM else 1
        if columns == self._columns or not self.cards:
            return
        self._columns = columns
        order = ("readiness", "review", "clearance", "consultations", "export")
        spots = (
            {"readiness": (0, 0, 1), "review": (0, 1, 1), "clearance": (1, 0, 2), "consultations": (1, 1, 1)}
            if columns == 2
            else {}
        )
        for card in self.cards.values():
            self.grid.removeWidget(card)
        if columns == 2:
            for name, (row, column, span) in spots.items():
                self.grid.addWidget(self.cards[name], row, column, span, 1)
            self.grid.addWidget(self.cards["export"], 2, 1)
        else:
            for row, name in enumerate(order):
                self.grid.addWidget(self.cards[name], row, 0)
        for column in range(2):
            self.grid.setColumnStretch(column, 1 if column < columns else 0)
        self._tab_order([self.cards[name] for name in order])

    def _tab_order(self, cards: list[Card]) -> None:
        """Tab goes through the cards in reading order, line after line, then back to the refresh button."""
        links = [link for card in cards for link in card.links.values()]
        previous: QWidget = self.refresh_button
        for link in links:
            QWidget.setTabOrder(previous, link)
            previous = link

    def _readiness_card(self, home: ProjectHome) -> Card:
        card = Card(self.tr("Dossier readiness"), "readiness", self.page)
        captions = {Light.RED: self.tr("blocking"), Light.AMBER: self.tr("to look at"), Light.GREEN: self.tr("done")}
        for light, caption in captions.items():
            tile = card.tile(light.value, str(home.count(light)), caption, LIGHT_TONES[light])
            tile.activated.connect(self.readiness_requested)
        to_fix = home.to_fix
        if to_fix:
            card.note(self.tr("First to fix:"))
        else:
            card.note(self.tr("Nothing blocks a final export."))
        for number, item in enumerate(to_fix):
            link = card.line(f"fix{number}", item_text(item, self._language), LIGHT_TONES[item.light])
            link.activated.connect(lambda target=item.target: self._choose(target))
        card.line("all", self.tr("Open the readiness list…")).activated.connect(self.readiness_requested)
        return card

    def _choose(self, target: Target) -> None:
        self.item_chosen.emit(target)

    def _review_card(self, home: ProjectHome) -> Card:
        review = home.review
        card = Card(self.tr("Review"), "review", self.page)
        written = card.tile(
            "written",
            f"{review.written}/{review.required}",
            self.tr("required sections written"),
            Tone.GREEN if review.written >= review.required else Tone.AMBER,
        )
        self._open_section_or(written, review.first_unwritten, self.readiness_requested)
        card.tile("waiting", str(len(review.waiting)), self.tr("waiting for approval"), Tone.BLUE).activated.connect(
            self.queue_requested
        )
        approved = card.tile(
            "approved",
            f"{review.approved}/{review.required}",
            self.tr("approved"),
            Tone.GREEN if review.approved >= review.required else Tone.PLAIN,
        )
        self._open_section_or(approved, review.first_unapproved, self.readiness_requested)
        returned = card.tile(
            "returned", str(len(review.returned)), self.tr("returned"), Tone.RED if review.returned else Tone.PLAIN
        )
        self._open_section_or(returned, review.returned[0] if review.returned else None, self.queue_requested)
        for document in review.documents:
            text = self.tr(
                "{document}: {written}/{total} written, {approved}/{total} approved, {submitted} waiting"
            ).format(
                document=document.title,
                written=document.written,
                approved=document.approved,
                submitted=document.submitted,
                total=document.required,
            )
            if document.approved >= document.required:
                tone = Tone.GREEN
            else:
                tone = Tone.AMBER if document.written >= document.required else Tone.RED
            link = card.line(f"document{document.document_id}", text, tone)
            first = document.first_unwritten if document.first_unwritten is not None else document.first_unapproved
            self._open_section_or(link, first, self.readiness_requested)
        oldest = review.oldest_waiting
        if oldest is not None:
            text = self.tr("Waiting longest: {title} — sent by {who} on {date} ({days} days)").format(
                title=oldest.title,
                who=oldest.submitted_by,
                date=oldest.submitted_at.astimezone().strftime("%d/%m/%Y"),
                days=oldest.age.days,
            )
            card.line("oldest", text, Tone.BLUE).activated.connect(lambda: self.section_chosen.emit(oldest.section_id))
        else:
            card.note(self.tr("No section is waiting for approval."))
        if review.returned:
            text = self.tr("{count} section(s) returned for changes: open the first").format(count=len(review.returned))
            first = review.returned[0]
            card.line("first_returned", text, Tone.RED).activated.connect(lambda: self.section_chosen.emit(first))
        card.line("queue", self.tr("Open the work queue")).activated.connect(self.queue_requested)
        return card

    def _open_section_or(self, link: HomeLink, section_id: int | None, otherwise: Signal) -> None:
        """The link opens a section when there is one to open, else the list that says why not."""
        if section_id is not None:
            link.activated.connect(lambda: self.section_chosen.emit(section_id))
        else:
            link.activated.connect(otherwise)

    def _clearance_card(self, home: ProjectHome) -> Card:
        figures = home.clearance
        card = Card(self.tr("Land clearance"), "clearance", self.page)
        card.tile("households", format_vnd(figures.parties), self.tr("households"), Tone.PLAIN).activated.connect(
            self.register_requested
        )
        paid_tone = (
            Tone.GREEN
            if figures.money_approved_vnd and figures.money_paid_vnd >= figures.money_approved_vnd
            else Tone.AMBER
        )
        card.tile(
            "paid", self._billions(figures.money_paid_vnd), self.tr("billion VND paid"), paid_tone
        ).activated.connect(self.dashboard_requested)
        card.tile(
            "handed", self._hectares(figures.area_recovered_m2), self.tr("ha handed over"), Tone.PLAIN
        ).activated.connect(self.dashboard_requested)
        if figures.parties:
            names = step_names()
            steps = " · ".join(
                f"{names.get(step, step)} {format_vnd(count)}" for step, count in figures.parties_by_step.items()
            )
            card.line("steps", self.tr("Households by step: {steps}").format(steps=steps)).activated.connect(
                self.register_requested
            )
            money = self.tr("Money approved {approved} billion VND, paid {paid} billion VND").format(
                approved=self._billions(figures.money_approved_vnd), paid=self._billions(figures.money_paid_vnd)
            )
            card.line("money", money).activated.connect(self.dashboard_requested)
            area = self.tr("Area handed over {handed} of {planned} ha").format(
                handed=self._hectares(figures.area_recovered_m2), planned=self._hectares(figures.area_planned_m2)
            )
            card.line("area", area).activated.connect(self.dashboard_requested)
        else:
            card.line("steps", self.tr("The register is empty: open it to import or add households")).activated.connect(
                self.register_requested
            )
        for flag in home.milestones:
            template = self.tr("Overdue: {title}") if flag.risk is Risk.OVERDUE else self.tr("At risk: {title}")
            tone = Tone.RED if flag.risk is Risk.OVERDUE else Tone.AMBER
            link = card.line(f"milestone.{flag.key}", template.format(title=flag.title), tone)
            link.activated.connect(lambda key=flag.key: self.milestone_chosen.emit(key))
        if not home.milestones:
            card.line("milestones", self.tr("No milestone is overdue or at risk"), Tone.GREEN).activated.connect(
                lambda: self.milestone_chosen.emit("")
            )
        return card

    @staticmethod
    def _billions(amount_vnd: int) -> str:
        return format_area(Decimal(amount_vnd) / Decimal(1_000_000_000))

    @staticmethod
    def _hectares(area_m2: Decimal) -> str:
        return format_area(Decimal(area_m2) / Decimal(10_000))

    def _consultations_card(self, home: ProjectHome) -> Card:
        rows = home.consultations.rows
        card = Card(self.tr("Ministry consultations"), "consultations", self.page)
        overdue = [row for row in rows if row.state is ConsultationState.OVERDUE]
        due_soon = [row for row in rows if row.state is ConsultationState.DUE_SOON]
        waiting = [row for row in rows if row.state is ConsultationState.WAITING]
        for key, count, caption, tone in (
            ("overdue", len(overdue), self.tr("overdue"), Tone.RED if overdue else Tone.PLAIN),
            ("due_soon", len(due_soon), self.tr("due soon"), Tone.AMBER if due_soon else Tone.PLAIN),
            ("waiting", len(waiting), self.tr("waiting"), Tone.PLAIN),
        ):
            card.tile(key, str(count), caption, tone).activated.connect(self.consultations_requested)
        for row in overdue + due_soon:
            template = (
                self.tr("{name}: reply overdue since {date}") if row in overdue else self.tr("{name}: reply due {date}")
            )
            when = row.due_on.strftime("%d/%m/%Y") if row.due_on else ""
            tone = Tone.RED if row in overdue else Tone.AMBER
            card.line(f"body{row.id}", template.format(name=row.name, date=when), tone).activated.connect(
                self.consultations_requested
            )
        if not rows:
            card.note(self.tr("No body has been consulted yet."))
        card.line("all", self.tr("Open the consultations and review clock")).activated.connect(
            self.consultations_requested
        )
        return card

    def _export_card(self, home: ProjectHome) -> Card:
        card = Card(self.tr("Last export"), "export", self.page)
        record = home.last_export
        if record is None:
            card.line("none", self.tr("No package exported yet: export one…")).activated.connect(self.export_requested)
            return card
        kind = self.tr("draft") if record.draft else self.tr("final")
        when = record.at.astimezone().strftime("%H:%M %d/%m/%Y")
        text = self.tr("{when}, {kind}, by {who}: {name}").format(
            when=when, kind=kind, who=record.actor, name=record.folder_name
        )
        card.line("last", text, Tone.AMBER if record.draft else Tone.GREEN).activated.connect(self.history_requested)
        check = self._checks.get(record.id)
        if check is None:
            verdict, tone = self.tr("Checking the package against its manifest…"), Tone.PLAIN
        elif isinstance(check, str):
            verdict, tone = check, Tone.RED
        elif check.ok:
            verdict, tone = (
                self.tr("Verified: all {count} files match the manifest").format(count=check.checked),
                Tone.GREEN,
            )
        else:
            verdict, tone = self.tr("Not verified: {file} differs or is missing").format(file=check.first_bad), Tone.RED
        card.line("verified", verdict, tone).activated.connect(self.history_requested)
        card.line("new", self.tr("Export the submission package…")).activated.connect(self.export_requested)
        return card

    def _check_export(self, home: ProjectHome) -> None:
        """Check the last package once per session, off the GUI thread, then draw the verdict."""
        record = home.last_export
        if record is None or record.id in self._checks or self._checking == record.id:
            return
        self._checking = record.id
        task = run_in_background(lambda _report, _cancelled: self._services.export_history.verify(record.id))

        def checked(result: PackageCheck | str) -> None:
            self._checking = None
            self._checks[record.id] = result
            if self.home is not None and self.home.last_export is not None and self.home.last_export.id == record.id:
                self.draw(self.home)

        task.on_success(checked).on_failure(
            lambda error: checked(error_text(error) if isinstance(error, DossierError) else str(error))
        )
