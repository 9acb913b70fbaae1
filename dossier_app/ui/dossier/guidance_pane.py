"""What the law asks for in the chosen section, beside the editor."""

import html

from PySide6.QtWidgets import QTextBrowser, QWidget

from dossier_app.services.dossier.dossiers import SectionView
from dossier_app.services.review.reviews import DocumentOverview


class GuidancePane(QTextBrowser):
    """Shows the outline's guidance in the UI language (falling back to Vietnamese)."""

    def __init__(self, language: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("guidancePane")
        self._language = language
        self.setOpenExternalLinks(False)
        self.show_section(None)

    def show_section(self, section: SectionView | None) -> None:
        """Fill the pane for a section, or explain what it is for."""
        if section is None:
            self.setHtml(
                "<p style='color:#666'>"
                + html.escape(self.tr("The guidance of the chosen section appears here: what the law expects."))
                + "</p>"
            )
            return
        guidance = section.guidance_en if self._language == "en" and section.guidance_en else section.guidance_vi
        badge = self.tr("Required by law") if section.required else self.tr("Optional")
        colour = "#e65100" if section.required else "#666"
        parts = [
            f"<h3 style='margin-bottom:2px'>{html.escape(section.title)}</h3>",
            f"<p style='color:{colour};margin-top:0'><b>{html.escape(badge)}</b> · "
            f"{html.escape(section.document_title)}</p>",
        ]
        if guidance:
            parts.extend(f"<p>{html.escape(p)}</p>" for p in guidance.split("\n\n") if p.strip())
        else:
            parts.append(
                "<p style='color:#666'>"
                + html.escape(self.tr("A section you added yourself: the legal outline gives no guidance for it."))
                + "</p>"
            )
        self.setHtml("".join(parts))

    def show_overview(self, title: str, documents: list[DocumentOverview]) -> None:
        """The dossier overview: per document, required sections written, submitted and approved."""
        head = "".join(
            f"<th align='right'>{html.escape(text)}</th>"
            for text in (self.tr("Required"), self.tr("Written"), self.tr("Submitted"), self.tr("Approved"))
        )
        rows = "".join(
            f"<tr><td>{html.escape(d.title)}</td><td align='right'>{d.required_total}</td>"
            f"<td align='right'>{d.written}</td><td align='right'>{d.submitted}</td>"
            f"<td align='right'><b>{d.approved}</b></td></tr>"
            for d in documents
        )
        caption = html.escape(self.tr("Dossier overview"))
        document = html.escape(self.tr("Document"))
        self.setHtml(
            f"<h3>{html.escape(title)}</h3><p style='color:#666'>{caption}</p>"
            f"<table cellspacing='0' cellpadding='4' border='1' style='border-collapse:collapse'>"
            f"<tr><th align='left'>{document}</th>{head}</tr>{rows}</table>"
        )
