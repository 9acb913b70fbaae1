"""What the law asks for in the chosen section, beside the editor."""

import html

from PySide6.QtWidgets import QTextBrowser, QWidget

from dossier_app.services.dossier.dossiers import SectionView


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
