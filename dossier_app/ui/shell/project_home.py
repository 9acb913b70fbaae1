"""The project home in the centre of the window: how ready the dossier is, what waits in review, the land
clearance, the consultations and the last export, each line opening the place where it is dealt with.

The figures are gathered off the GUI thread (`ProjectHomeService.home`, SQL counts and sums) and drawn from that
read model; a project seen before is drawn at once from its last figures while the new ones are read.
"""

from decimal import Decimal

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QKeySequence, QPalette, QShortcut
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
from dossier_app.ui.shell.home_links import GREY, Card, HomeLink, Tone, tinted

LIGHT_TONES = {Light.RED: Tone.RED, Light.AMBER: Tone.AMBER, Light.GREEN: Tone.GREEN}
PAGE_COLOUR = "#eef2f4"
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
    consultation_chosen = Signal(int)  # a consultation's id
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
        self.page = QWidget(self)
        self.page.setObjectName("projectHomePage")
        background = self.page.palette()
        background.setColor(QPalette.ColorRole.Window, QColor(PAGE_COLOUR))
        self.page.setPalette(background)
        self.page.setAutoFillBackground(True)
        self.title = tinted(QLabel(self.page), "#263238", point_size=16, bold=True)
        self.title.setObjectName("homeTitle")
        self.title.setWordWrap(True)
        self.status = tinted(QLabel(self.page), GREY)
        self.status.setObjectName("homeStatus")
        self.status.setWordWrap(True)
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
        titles = {
            "readiness": self.tr("Dossier readiness"),
            "review": self.tr("Review"),
            "clearance": self.tr("Land clearance"),
            "consultations": self.tr("Ministry consultations"),
            "export": self.tr("Last export"),
        }
        self.cards = {name: Card(title, name, self.page) for name, title in titles.items()}
        for card in self.cards.values():
            card.hide()
        layout = QVBoxLayout(self.page)
        layout.setContentsMargins(18, 14, 18, 18)
        layout.setSpacing(12)
        layout.addLayout(head)
        layout.addLayout(self.grid)
        layout.addStretch(1)
        self.setWidget(self.page)
        self._columns = 0
        self._checking: int | None = None
        self._place_cards()

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
        """A project not seen yet: no figures of another project meanwhile."""
        self.home = None
        self.title.setText("")
        for card in self.cards.values():
            card.hide()

    def draw(self, home: ProjectHome) -> None:
        """Draw a home from its read model (no database here): the same lines are reused, so the keyboard focus
        stays where it was."""
        self.home = home
        self.title.setText(f"{home.code} — {home.name}")
        self.status.setText(
            self.tr("Figures as of {time}").format(time=home.at.astimezone().strftime("%H:%M:%S %d/%m/%Y"))
        )
        builders = {
            "readiness": self._readiness_card,
            "review": self._review_card,
            "clearance": self._clearance_card,
            "consultations": self._consultations_card,
            "export": self._export_card,
        }
        reshaped = False
        for name, build in builders.items():
            card = self.cards[name]
            card.begin()
            build(card, home)
            reshaped = card.end() or reshaped
            card.show()
        if reshaped:
            self._tab_order()
        self._check_export(home)
        self.drawn.emit(home)

    def resizeEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        """Two columns of cards when there is room, one otherwise: nothing is clipped at any width."""
        super().resizeEvent(event)
        self._place_cards()

    def _place_cards(self) -> None:
        columns = 2 if self.viewport().width() >= TWO_COLUMNS_FROM else 1
        if columns == self._columns:
            return
        self._columns = columns
        for card in self.cards.values():
            self.grid.removeWidget(card)
        if columns == 2:
            spots = {"readiness": (0, 0, 1), "review": (0, 1, 1), "clearance": (1, 0, 2), "consultations": (1, 1, 1)}
            for name, (row, column, span) in spots.items():
                self.grid.addWidget(self.cards[name], row, column, span, 1)
            self.grid.addWidget(self.cards["export"], 2, 1)
        else:
            for row, card in enumerate(self.cards.values()):
                self.grid.addWidget(card, row, 0)
        for column in range(2):
            self.grid.setColumnStretch(column, 1 if column < columns else 0)

    def _tab_order(self) -> None:
        """Tab goes through the cards in reading order, tile after tile and line after line."""
        previous: QWidget = self.refresh_button
        for card in self.cards.values():
            for link in card.ordered_links():
                QWidget.setTabOrder(previous, link)
                previous = link

    def _readiness_card(self, card: Card, home: ProjectHome) -> None:
        captions = {Light.RED: self.tr("blocking"), Light.AMBER: self.tr("to look at"), Light.GREEN: self.tr("done")}
        for light, caption in captions.items():
            tile = card.tile(light.value, str(home.count(light)), caption, LIGHT_TONES[light])
            tile.on(self.readiness_requested.emit)
        to_fix = home.to_fix
        if to_fix:
            card.note("head", self.tr("First to fix:"))
        else:
            card.note("head", self.tr("Nothing blocks a final export."))
        for number, item in enumerate(to_fix):
            link = card.line(f"fix{number}", item_text(item, self._language), LIGHT_TONES[item.light])
            link.on(lambda target=item.target: self._choose(target))
        card.line("all", self.tr("Open the readiness list…")).on(self.readiness_requested.emit)

    def _choose(self, target: Target) -> None:
        self.item_chosen.emit(target)

    def _review_card(self, card: Card, home: ProjectHome) -> None:
        review = home.review
        written = card.tile(
            "written",
            f"{review.written}/{review.required}",
            self.tr("required sections written"),
            Tone.GREEN if review.written >= review.required else Tone.AMBER,
        )
        self._open_section_or(written, review.first_unwritten, self.readiness_requested)
        card.tile("waiting", str(len(review.waiting)), self.tr("waiting for approval"), Tone.BLUE).on(
            self.queue_requested.emit
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
        for number, document in enumerate(review.documents):
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
            link = card.line(f"document{number}", text, tone)
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
            card.line("oldest", text, Tone.BLUE).on(lambda: self.section_chosen.emit(oldest.section_id))
        else:
            card.note("nothing_waiting", self.tr("No section is waiting for approval."))
        if review.returned:
            text = self.tr("{count} section(s) returned for changes: open the first").format(count=len(review.returned))
            first = review.returned[0]
            card.line("first_returned", text, Tone.RED).on(lambda: self.section_chosen.emit(first))
        card.line("queue", self.tr("Open the work queue")).on(self.queue_requested.emit)

    def _open_section_or(self, link: HomeLink, section_id: int | None, otherwise: Signal) -> None:
        """The link opens a section when there is one to open, else the list that says why not."""
        if section_id is not None:
            link.on(lambda: self.section_chosen.emit(section_id))
        else:
            link.on(otherwise.emit)

    def _clearance_card(self, card: Card, home: ProjectHome) -> None:
        figures = home.clearance
        card.tile("households", format_vnd(figures.parties), self.tr("households"), Tone.PLAIN).on(
            self.register_requested.emit
        )
        if not figures.money_approved_vnd:
            paid_tone = Tone.PLAIN  # nothing approved yet, so nothing owed
        else:
            paid_tone = Tone.GREEN if figures.money_paid_vnd >= figures.money_approved_vnd else Tone.AMBER
        card.tile("paid", self._billions(figures.money_paid_vnd), self.tr("billion VND paid"), paid_tone).on(
            self.dashboard_requested.emit
        )
        card.tile("handed", self._hectares(figures.area_recovered_m2), self.tr("ha handed over"), Tone.PLAIN).on(
            self.dashboard_requested.emit
        )
        if figures.parties:
            names = step_names()
            steps = " · ".join(
                f"{names.get(step, step)} {format_vnd(count)}" for step, count in figures.parties_by_step.items()
            )
            card.line("steps", self.tr("Households by step: {steps}").format(steps=steps)).on(
                self.register_requested.emit
            )
            money = self.tr("Money approved {approved} billion VND, paid {paid} billion VND").format(
                approved=self._billions(figures.money_approved_vnd), paid=self._billions(figures.money_paid_vnd)
            )
            card.line("money", money).on(self.dashboard_requested.emit)
            area = self.tr("Area handed over {handed} of {planned} ha").format(
                handed=self._hectares(figures.area_recovered_m2), planned=self._hectares(figures.area_planned_m2)
            )
            card.line("area", area).on(self.dashboard_requested.emit)
        else:
            card.line("steps", self.tr("The register is empty: open it to import or add households")).on(
                self.register_requested.emit
            )
        for number, flag in enumerate(home.milestones):
            template = self.tr("Overdue: {title}") if flag.risk is Risk.OVERDUE else self.tr("At risk: {title}")
            tone = Tone.RED if flag.risk is Risk.OVERDUE else Tone.AMBER
            link = card.line(f"milestone{number}", template.format(title=flag.title), tone)
            link.on(lambda key=flag.key: self.milestone_chosen.emit(key))
        if not home.milestones:
            card.line("milestones", self.tr("No milestone is overdue or at risk"), Tone.GREEN).on(
                lambda: self.milestone_chosen.emit("")
            )

    @staticmethod
    def _billions(amount_vnd: int) -> str:
        return format_area(Decimal(amount_vnd) / Decimal(1_000_000_000))

    @staticmethod
    def _hectares(area_m2: Decimal) -> str:
        return format_area(Decimal(area_m2) / Decimal(10_000))

    def _consultations_card(self, card: Card, home: ProjectHome) -> None:
        rows = home.consultations.rows
        overdue = [row for row in rows if row.state is ConsultationState.OVERDUE]
        due_soon = [row for row in rows if row.state is ConsultationState.DUE_SOON]
        waiting = [row for row in rows if row.state is ConsultationState.WAITING]
        for key, count, caption, tone in (
            ("overdue", len(overdue), self.tr("overdue"), Tone.RED if overdue else Tone.PLAIN),
            ("due_soon", len(due_soon), self.tr("due soon"), Tone.AMBER if due_soon else Tone.PLAIN),
            ("waiting", len(waiting), self.tr("waiting"), Tone.PLAIN),
        ):
            card.tile(key, str(count), caption, tone).on(self.consultations_requested.emit)
        for number, row in enumerate(overdue + due_soon):
            template = (
                self.tr("{name}: reply overdue since {date}") if row in overdue else self.tr("{name}: reply due {date}")
            )
            when = row.due_on.strftime("%d/%m/%Y") if row.due_on else ""
            tone = Tone.RED if row in overdue else Tone.AMBER
            link = card.line(f"body{number}", template.format(name=row.name, date=when), tone)
            link.on(lambda consultation=row.id: self.consultation_chosen.emit(consultation))
        if not rows:
            card.note("nobody", self.tr("No body has been consulted yet."))
        card.line("all", self.tr("Open the consultations and review clock")).on(self.consultations_requested.emit)

    def _export_card(self, card: Card, home: ProjectHome) -> None:
        record = home.last_export
        if record is None:
            card.line("none", self.tr("No package exported yet: export one…")).on(self.export_requested.emit)
            return
        kind = self.tr("draft") if record.draft else self.tr("final")
        when = record.at.astimezone().strftime("%H:%M %d/%m/%Y")
        text = self.tr("{when}, {kind}, by {who}: {name}").format(
            when=when, kind=kind, who=record.actor, name=record.folder_name
        )
        card.line("last", text, Tone.AMBER if record.draft else Tone.GREEN).on(self.history_requested.emit)
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
        card.line("verified", verdict, tone).on(self.history_requested.emit)
        card.line("new", self.tr("Export the submission package…")).on(self.export_requested.emit)

    def _check_export(self, home: ProjectHome) -> None:
        """Check the last package once per session, off the GUI thread, then draw the verdict."""
        record = home.last_export
        if record is None or record.id in self._checks or self._checking == record.id:
            return
        self._checking = record.id
        record_id = record.id
        task = run_in_background(
            lambda _report, _cancelled: (record_id, self._services.export_history.verify(record_id))
        )
        # bound methods: a home closed before the check ends drops the result instead of drawing on deleted widgets
        task.on_success(self._export_checked).on_failure(self._export_check_failed)

    def _export_checked(self, result: tuple[int, PackageCheck]) -> None:
        record_id, check = result
        self._record_check(record_id, check)

    def _export_check_failed(self, error: BaseException) -> None:
        if self._checking is not None:
            self._record_check(self._checking, error_text(error) if isinstance(error, DossierError) else str(error))

    def _record_check(self, record_id: int, result: "PackageCheck | str") -> None:
        self._checking = None
        self._checks[record_id] = result
        if self.home is not None and self.home.last_export is not None and self.home.last_export.id == record_id:
            self.draw(self.home)
