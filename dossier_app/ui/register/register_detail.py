"""The read-only detail pane of the register: one party's facts, parcels, assets, compensation, resettlement, totals."""

from html import escape

from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QTextBrowser, QWidget

from dossier_app.services.register.register import PartyDetail, Totals, party_totals
from dossier_app.ui.register.register_model import STEP_KEYS, format_area, format_vnd

Catalogues = dict[str, dict[str, tuple[str, str]]]


def catalogue_name(catalogues: Catalogues, catalogue: str, code: str) -> str:
    """A code's name in the UI language (Vietnamese unless the interface is English); the code when unknown."""
    names = catalogues.get(catalogue, {}).get(code)
    if names is None:
        return code
    return names[1] if QLocale().language() == QLocale.Language.English else names[0]


class PartyDetailPane(QTextBrowser):
    """Shows what the table cannot: everything recorded about the selected party, without editing."""

    def __init__(
        self, step_names: dict[str, str], parent: QWidget | None = None, catalogues: Catalogues | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("partyDetail")
        self.setOpenLinks(False)
        self._steps = step_names
        self._catalogues: Catalogues = catalogues or {}
        self.show_empty()

    def show_empty(self) -> None:
        """Say how to fill the pane."""
        hint = self.tr("Select a party to see its details.")
        self.setHtml("<p style='color:#666'>" + escape(hint) + "</p>")

    def show_detail(self, detail: PartyDetail) -> None:
        """Show a party's facts, parcels, compensation lines, resettlement and totals."""
        self.setHtml(self._html(detail))

    def _html(self, detail: PartyDetail) -> str:
        data = detail.data
        e = escape
        steps = self._steps
        kind = self.tr("Organisation") if data.kind == "organisation" else self.tr("Household")
        flags = [
            text
            for on, text in (
                (data.poor_household, self.tr("Poor household")),
                (data.direct_farmer, self.tr("Direct farmer")),
                (data.complaint, self.tr("Complaint")),
            )
            if on
        ]
        facts = [
            (self.tr("Kind"), kind),
            (self.tr("Citizen ID"), data.citizen_id),
            (self.tr("Tax code"), data.tax_code),
            (self.tr("Address"), data.address),
            (self.tr("Ward"), data.ward),
            (self.tr("Household size"), "" if data.household_size is None else str(data.household_size)),
            (self.tr("Flags"), ", ".join(flags)),
        ]
        for key in STEP_KEYS[1:]:
            value = getattr(data, key)
            if value is not None:
                facts.append((steps[key], value.strftime("%d/%m/%Y")))
        parts = [f"<h3>{e(data.code)} — {e(data.name)}</h3><table cellspacing='2'>"]
        parts += [f"<tr><td><b>{e(k)}</b></td><td>{e(v)}</td></tr>" for k, v in facts if v]
        parts.append("</table>")
        parts.append(_heading(self.tr("Parcels")))
        parcel_head = (
            self.tr("Map sheet"), self.tr("Parcel"), self.tr("Land use"), self.tr("Total (m²)"),
            self.tr("Recovered (m²)"), self.tr("Ward"), self.tr("Co-used"),
        )  # fmt: skip
        land = self._name
        parcel_rows = [
            (p.map_sheet, p.parcel_no, f"{p.land_use_code} — {land('land_use', p.land_use_code)}",
             format_area(p.total_area_m2), format_area(p.recovered_area_m2), p.ward,
             self.tr("Yes") if p.co_used else "")
            for p in data.parcels
        ]  # fmt: skip
        parts.append(self._html_table(parcel_head, parcel_rows))
        parts.append(_heading(self.tr("Assets on the land")))
        asset_head = (self.tr("Kind"), self.tr("Description"), self.tr("Grade"), self.tr("Area (m²)"),
                      self.tr("Count"))  # fmt: skip
        asset_rows = [
            (land("asset", a.kind), a.description, a.grade, format_area(a.area_m2) if a.area_m2 else "",
             str(a.count) if a.count else "")
            for a in data.assets
        ]  # fmt: skip
        parts.append(self._html_table(asset_head, asset_rows))
        parts.append(_heading(self.tr("Compensation and support")))
        line_head = (self.tr("Item"), self.tr("Description"), self.tr("Quantity"), self.tr("Unit price"),
                     self.tr("Amount (VND)"))  # fmt: skip
        line_rows = [
            (land("compensation", c.kind), c.description, f"{c.quantity.normalize():f} {c.unit}".strip(),
             format_vnd(c.unit_price_vnd),
             format_vnd(c.amount_vnd))
            for c in data.compensation
        ]  # fmt: skip
        parts.append(self._html_table(line_head, line_rows))
        parts.append(_heading(self.tr("Resettlement")))
        settle = data.resettlement
        if settle is None:
            parts.append(_paragraph(self.tr("None recorded.")))
        else:
            eligible = self.tr("Eligible") if settle.eligible else self.tr("Not eligible")
            text = self.tr("{eligible}; site: {site}; lot: {lot}; land fee: {fee} VND").format(
                eligible=eligible,
                site=settle.site or "—",
                lot=settle.lot_no or "—",
                fee=format_vnd(settle.land_fee_vnd),
            )
            parts.append(f"<p>{e(text)}</p>")
        parts.append(_heading(self.tr("Totals")) + _paragraph(self.totals_text(party_totals(data))))
        return "".join(parts)

    def _name(self, catalogue: str, code: str) -> str:
        return catalogue_name(self._catalogues, catalogue, code)

    def _html_table(self, head: tuple[str, ...], rows: list[tuple[str, ...]]) -> str:
        if not rows:
            return _paragraph(self.tr("None recorded."))
        cells = "".join(f"<th align='left'>{escape(h)}</th>" for h in head)
        body = "".join("<tr>" + "".join(f"<td>{escape(str(c))}</td>" for c in row) + "</tr>" for row in rows)
        return f"<table border='1' cellspacing='0' cellpadding='3'><tr>{cells}</tr>{body}</table>"

    def totals_text(self, totals: Totals) -> str:
        """One line of counts, areas and money (and the assets, when there are any)."""
        text = self.tr(
            "{parties} party(ies), {parcels} parcel(s), land {total} m², recovered {recovered} m², "
            "compensation {money} VND"
        ).format(
            parties=totals.parties,
            parcels=totals.parcels,
            total=format_area(totals.total_area_m2),
            recovered=format_area(totals.recovered_area_m2),
            money=format_vnd(totals.compensation_vnd),
        )
        if totals.building_area_m2 or totals.plants or totals.graves:
            text += self.tr("; buildings {area} m², {plants} tree(s) and plant(s), {graves} grave(s)").format(
                area=format_area(totals.building_area_m2), plants=totals.plants, graves=totals.graves
            )
        return text


def _heading(text: str) -> str:
    """An escaped sub-heading of the pane."""
    return "<h4>" + escape(text) + "</h4>"


def _paragraph(text: str) -> str:
    """An escaped paragraph of the pane."""
    return "<p>" + escape(text) + "</p>"
