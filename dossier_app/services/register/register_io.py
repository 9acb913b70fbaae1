"""Register workbooks: a template to fill in, a checked all-or-nothing import, an export that imports back equal."""

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlmodel import Session, col, select

from dossier_app.domain.enums import AuditAction
from dossier_app.domain.errors import QT_TRANSLATE_NOOP, ImportRejected, RowProblem
from dossier_app.domain.lifecycle import Action
from dossier_app.domain.models import AffectedParty, LandParcel
from dossier_app.domain.register import (
    CO_USE_DISAGREES,
    CO_USE_TWICE,
    ParcelInput,
    PartyInput,
    ResettlementInput,
    check_party,
    co_use_clash,
    parcel_key,
)
from dossier_app.domain.register_columns import (
    ASSET_COLUMNS,
    ASSETS_SHEET,
    CSV_COLUMNS,
    LINE_COLUMNS,
    LINES_SHEET,
    PARCEL_COLUMNS,
    PARCEL_FIELDS,
    PARCELS_SHEET,
    PARTIES_SHEET,
    PARTY_COLUMNS,
    ColumnSpec,
    asset_from_values,
    header_index,
    header_key,
    line_from_values,
    parcel_from_values,
)
from dossier_app.services.accounts.audit import AuditTrail
from dossier_app.services.core.context import ServiceContext
from dossier_app.services.core.permissions import require_action
from dossier_app.services.register.catalogues import CatalogueService, land_use_codes
from dossier_app.services.register.register import RegisterService
from dossier_app.services.register.register_cells import TEXT_TYPES, CellRefused, cell_parser, cell_text, parse_cell
from dossier_app.services.register.register_rows import insert_parties, parcel_input
from dossier_app.storage.resources import load_asset_kinds, load_house_grades
from dossier_app.storage.spreadsheets import IMPORT_SUFFIXES as IMPORT_SUFFIXES  # the files an import reads (UI)
from dossier_app.storage.spreadsheets import Cell, Table, read_table_file

CSV_SHEET = "CSV"
_REQUIRED = object()  # a required column has no value for an empty cell: parse_cell reports it
# Per mapped column: its position, spec, parser, whether a text is its value as is, its empty cell's value.
_Plan = list[tuple[int, ColumnSpec, Callable[[Cell], Any], bool, Any]]
_RESETTLEMENT = {
    "resettlement_eligible": "eligible",
    "resettlement_site": "site",
    "resettlement_lot": "lot_no",
    "resettlement_fee_vnd": "land_fee_vnd",
}
_NESTED_TO_COLUMN = {"land_fee_vnd": "resettlement_fee_vnd"}


@dataclass(frozen=True)
class ImportReport:
    """What a file holds and every problem found in it; an import writes only when `problems` is empty."""

    parties: int
    parcels: int
    lines: int
    problems: tuple[RowProblem, ...]
    encoding: str = ""
    assets: int = 0

    @property
    def ok(self) -> bool:
        """No problem: the file may be imported."""
        return not self.problems


@dataclass
class _Record:
    """A row read from the file, with where it came from."""

    sheet: str
    row: int
    values: dict[str, Any]
    columns: tuple[ColumnSpec, ...]
    refused: frozenset[str] = frozenset()


@dataclass
class _Party:
    record: _Record
    parcels: list[_Record] = field(default_factory=list)
    assets: list[_Record] = field(default_factory=list)
    lines: list[_Record] = field(default_factory=list)


class _Reader:
    """Turns the tables of one file into parties, collecting every problem on the way."""

    def __init__(self) -> None:
        self.problems: list[RowProblem] = []
        self._mapped: list[ColumnSpec | None] | None = None
        self._plan: _Plan = []

    def problem(self, sheet: str, row: int, header: str, value: str, reason: str, other_row: int = 0) -> None:
        column = header if sheet == CSV_SHEET or not header else f"{sheet}: {header}"
        self.problems.append(RowProblem(row, column, value, reason, other_row))

    def columns_of(
        self, table: Table, columns: tuple[ColumnSpec, ...], required: Sequence[str]
    ) -> list[ColumnSpec | None] | None:
        """Each position's column; None when a required column is missing (the sheet's rows are then skipped)."""
        index = header_index(columns)
        mapped: list[ColumnSpec | None] = []
        seen: set[str] = set()
        for text in table.header:
            column = index.get(header_key(text)) if text else None
            if text and column is None:
                self.problem(table.name, 1, text, text, QT_TRANSLATE_NOOP("Errors", "Unknown column header."))
            elif column is not None and column.name in seen:
                self.problem(table.name, 1, text, text, QT_TRANSLATE_NOOP("Errors", "The column appears twice."))
                column = None
            if column is not None:
                seen.add(column.name)
            mapped.append(column)
        missing = [c for c in columns if c.name in required and c.name not in seen]
        for column in missing:
            self.problem(
                table.name, 1, column.header_vi, "", QT_TRANSLATE_NOOP("Errors", "A required column is missing.")
            )
        return None if missing else mapped

    def record(
        self, sheet: str, row: int, cells: list[Cell], mapped: list[ColumnSpec | None], columns: tuple[ColumnSpec, ...]
    ) -> _Record:
        """A row's values by field; refused cells are reported, left empty and remembered."""
        values: dict[str, Any] = {}
        refused: set[str] = set()
        count = len(cells)
        for position, column, parse, text, empty in self._parsers(mapped):
            value = cells[position] if position < count else None
            if text and value.__class__ is str:  # readers hand texts stripped and non-empty: nothing to parse
                values[column.name] = value
                continue
            if value is None and empty is not _REQUIRED:  # an empty optional cell: its column's default
                values[column.name] = empty
                continue
            try:
                values[column.name] = parse(value)
            except CellRefused as refusal:
                self.problem(sheet, row, column.header_vi, cell_text(value), refusal.reason)
                values[column.name] = None
                refused.add(column.name)
        return _Record(sheet, row, values, columns, frozenset(refused) if refused else frozenset())

    def _parsers(self, mapped: list[ColumnSpec | None]) -> _Plan:
        """The mapped positions with their cell parsers, built once per table (rows of a table share `mapped`)."""
        if self._mapped is not mapped:  # an identity check: the list is held here, so its id cannot be reused
            self._mapped = mapped
            self._plan = [
                (i, c, cell_parser(c), c.type in TEXT_TYPES, _REQUIRED if c.required else parse_cell(c, None))
                for i, c in enumerate(mapped)
                if c is not None
            ]
        return self._plan


def _required(columns: tuple[ColumnSpec, ...]) -> list[str]:
    return [c.name for c in columns if c.required]


def read_parties(path: Path) -> tuple[list[_Party], list[RowProblem], str]:
    """The parties of a workbook or CSV file, and every problem of reading them."""
    result = read_table_file(path, CSV_SHEET)
    reader = _Reader()
    reader.problems.extend(result.problems)
    parties: dict[str, _Party] = {}
    if not result.tables and not result.problems:
        reader.problem("", 0, "", "", QT_TRANSLATE_NOOP("Errors", "The file holds no rows."))
    if CSV_SHEET in result.tables:
        _read_csv_rows(reader, result.tables[CSV_SHEET], parties)
    elif result.tables:
        _read_workbook_rows(reader, result.tables, parties)
    if result.tables and not parties and not reader.problems:
        reader.problem("", 0, "", "", QT_TRANSLATE_NOOP("Errors", "The file holds no rows."))
    return list(parties.values()), reader.problems, result.encoding


def _add_party(reader: _Reader, parties: dict[str, _Party], record: _Record) -> _Party | None:
    code = record.values.get("code")
    if not code:
        return None
    if code in parties:
        first = parties[code].record.row
        reader.problem(record.sheet, record.row, "Mã hộ", code, _TWICE_CODE, first)
        return None
    parties[code] = _Party(record)
    return parties[code]


def _read_csv_rows(reader: _Reader, table: Table, parties: dict[str, _Party]) -> None:
    mapped = reader.columns_of(table, CSV_COLUMNS, _required(PARTY_COLUMNS))
    if mapped is None:
        return
    party_only = [c if c is not None and c in PARTY_COLUMNS else None for c in mapped]
    parcel_only = [c if c is not None and c.name in PARCEL_FIELDS else None for c in mapped]
    for row, cells in table.drain():
        code = cell_text(cells[mapped.index(PARTY_COLUMNS[0])] if len(cells) > mapped.index(PARTY_COLUMNS[0]) else None)
        party = parties.get(code) if code else None
        if party is None:
            record = reader.record(CSV_SHEET, row, cells, party_only, PARTY_COLUMNS)
            party = _add_party(reader, parties, record)
        has_parcel = any(
            column is not None and position < len(cells) and cells[position] is not None
            for position, column in enumerate(parcel_only)
        )
        if has_parcel and party is not None:
            party.parcels.append(reader.record(CSV_SHEET, row, cells, parcel_only, PARCEL_COLUMNS))


def _read_workbook_rows(reader: _Reader, tables: dict[str, Table], parties: dict[str, _Party]) -> None:
    by_key = {header_key(name): table for name, table in tables.items()}
    table = by_key.get(header_key(PARTIES_SHEET))
    if table is None:
        reader.problem(PARTIES_SHEET, 0, "", "", QT_TRANSLATE_NOOP("Errors", "The sheet of parties is missing."))
        return
    mapped = reader.columns_of(table, PARTY_COLUMNS, _required(PARTY_COLUMNS))
    if mapped is not None:
        for row, cells in table.drain():
            record = reader.record(table.name, row, cells, mapped, PARTY_COLUMNS)
            _add_party(reader, parties, record)
    for sheet, columns in ((PARCELS_SHEET, PARCEL_COLUMNS), (ASSETS_SHEET, ASSET_COLUMNS), (LINES_SHEET, LINE_COLUMNS)):
        child_table = by_key.get(header_key(sheet))
        if child_table is None:
            continue
        child_mapped = reader.columns_of(child_table, columns, _required(columns))
        if child_mapped is None:
            continue
        for row, cells in child_table.drain():
            record = reader.record(child_table.name, row, cells, child_mapped, columns)
            code = record.values.get("party_code")
            owner = parties.get(code) if code else None
            if owner is None:
                if code:
                    reader.problem(
                        child_table.name,
                        row,
                        "Mã hộ",
                        code,
                        QT_TRANSLATE_NOOP("Errors", "No party with this code in the sheet of parties."),
                    )
                continue
            children = {id(PARCEL_COLUMNS): owner.parcels, id(ASSET_COLUMNS): owner.assets}
            children.get(id(columns), owner.lines).append(record)


def _build(party: _Party) -> PartyInput:
    values = {k: v for k, v in party.record.values.items() if k not in _RESETTLEMENT}
    settle = {_RESETTLEMENT[k]: v for k, v in party.record.values.items() if k in _RESETTLEMENT and v not in (None,)}
    resettlement = None
    if settle.get("eligible") or any(settle.get(n) for n in ("site", "lot_no", "land_fee_vnd")):
        resettlement = ResettlementInput(
            eligible=bool(settle.get("eligible")),
            site=settle.get("site") or "",
            lot_no=settle.get("lot_no") or "",
            land_fee_vnd=settle.get("land_fee_vnd") or 0,
        )
    text_fields = ("code", "name", "citizen_id", "tax_code", "address", "ward")
    fields: dict[str, Any] = {k: ("" if v is None and k in text_fields else v) for k, v in values.items()}
    return PartyInput(
        **fields,
        parcels=tuple(parcel_from_values(r.values) for r in party.parcels),
        assets=tuple(asset_from_values(r.values) for r in party.assets),
        compensation=tuple(line_from_values(r.values) for r in party.lines),
        resettlement=resettlement,
    )


def _header(columns: tuple[ColumnSpec, ...], name: str) -> str:
    return next((c.header_vi for c in columns if c.name == name), name)


class RegisterIO:
    """Template, dry run, import and export of a project's register."""

    def __init__(
        self, context: ServiceContext, audit: AuditTrail, register: RegisterService, catalogues: CatalogueService
    ) -> None:
        self._context = context
        self._audit = audit
        self._register = register
        self._catalogues = catalogues

    def template(self, path: Path) -> None:
        """An empty workbook with the documented headers and drop-down lists."""
        from dossier_app.services.register.register_workbooks import write_template  # openpyxl only when writing

        write_template(
            path, self._catalogues.land_use_codes(), self._catalogues.wards(), load_asset_kinds(), load_house_grades()
        )

    def export(self, project_id: int, path: Path) -> int:
        """Write the project's register, one sheet per entity; returns the number of parties."""
        details = self._register.details(project_id)
        from dossier_app.services.register.register_workbooks import write_export  # openpyxl only when writing

        write_export(path, [d.data for d in details], load_asset_kinds())
        return len(details)

    def check(self, project_id: int, path: Path) -> ImportReport:
        """The dry run: every problem of the file, against this project's register; nothing is written."""
        with self._context.database.begin() as session:
            report, _ = self._examine(session, project_id, path)
            return report

    def import_file(self, project_id: int, path: Path) -> ImportReport:
        """Import the whole file in one transaction, or nothing (ImportRejected lists every problem)."""
        with self._context.database.begin() as session:
            actor = require_action(session, self._context, Action.EDIT).name
            report, parties = self._examine(session, project_id, path)
            if report.problems:
                raise ImportRejected(report.problems)
            insert_parties(session, project_id, parties)
            summary = f"{path.name}: {report.parties} parties, {report.parcels} parcels, {report.lines} lines"
            self._audit.record(session, actor, AuditAction.REGISTER_IMPORT, "project", project_id, summary, project_id)
            return report

    def _examine(self, session: Session, project_id: int, path: Path) -> tuple[ImportReport, list[PartyInput]]:
        read, problems, encoding = read_parties(path)
        problems = list(problems)
        codes = set(land_use_codes(session))
        kinds = set(load_asset_kinds())
        existing = self._existing(session, project_id)
        ids: dict[str, int] = {}
        built: list[PartyInput] = []
        parcel_records: list[list[_Record]] = []  # kept for the co-use check, which names rows and columns
        read.reverse()
        while read:  # each party's rows are let go once checked: the records and the inputs never all coexist
            party = read.pop()
            data = _build(party)
            built.append(data)
            parcel_records.append(party.parcels)
            problems.extend(self._rule_problems(party, data, codes, kinds))
            problems.extend(self._duplicates(party, data, existing, ids))
        problems.extend(self._parcel_duplicates(parcel_records, built, existing["parcels"]))
        problems.sort(key=lambda p: (p.row != 0, p.column.split(":")[0] if ":" in p.column else "", p.row))
        report = ImportReport(
            parties=len(built),
            parcels=sum(len(p.parcels) for p in built),
            lines=sum(len(p.compensation) for p in built),
            problems=tuple(problems),
            encoding=encoding,
            assets=sum(len(p.assets) for p in built),
        )
        return report, built

    @staticmethod
    def _existing(session: Session, project_id: int) -> dict[str, Any]:
        rows = session.exec(
            select(AffectedParty.code, AffectedParty.citizen_id).where(AffectedParty.project_id == project_id)
        ).all()
        parcel_rows = session.exec(
            select(LandParcel).where(col(LandParcel.project_id) == project_id).order_by(col(LandParcel.id))
        ).all()
        stored: dict[tuple[str, str, str], ParcelInput] = {}
        for row in parcel_rows:
            parcel = parcel_input(row)
            stored.setdefault(parcel_key(parcel), parcel)
        return {
            "codes": {code for code, _ in rows},
            "citizen_ids": {cid for _, cid in rows if cid},
            "parcels": stored,
        }

    @staticmethod
    def _rule_problems(party: _Party, data: PartyInput, codes: set[str], kinds: set[str]) -> list[RowProblem]:
        found = []
        for problem in check_party(data, codes, kinds):
            if problem.part == "parcel" and problem.index is not None:
                record, name = party.parcels[problem.index], problem.field
            elif problem.part == "asset" and problem.index is not None:
                record, name = party.assets[problem.index], problem.field
            elif problem.part == "line" and problem.index is not None:
                record, name = party.lines[problem.index], problem.field
            else:
                record, name = party.record, _NESTED_TO_COLUMN.get(problem.field, problem.field)
            if name in record.values and record.values[name] is None:
                continue  # an empty cell (reported if required) or one refused already
            if name == "recovered_area_m2" and "total_area_m2" in record.refused:
                continue  # compared with a total that could not be read
            header = _header(record.columns, name)
            column = header if record.sheet == CSV_SHEET else f"{record.sheet}: {header}"
            found.append(RowProblem(record.row, column, problem.value, problem.reason))
        return found

    @staticmethod
    def _duplicates(
        party: _Party,
        data: PartyInput,
        existing: dict[str, Any],
        ids: dict[str, int],
    ) -> list[RowProblem]:
        found = []
        record = party.record

        def where(rec: _Record, name: str) -> str:
            header = _header(rec.columns, name)
            return header if rec.sheet == CSV_SHEET else f"{rec.sheet}: {header}"

        if data.code in existing["codes"]:
            found.append(RowProblem(record.row, where(record, "code"), data.code, _IN_PROJECT_CODE))
        if data.citizen_id:
            if data.citizen_id in existing["citizen_ids"]:
                found.append(RowProblem(record.row, where(record, "citizen_id"), data.citizen_id, _IN_PROJECT_ID))
            elif data.citizen_id in ids:
                column = where(record, "citizen_id")
                found.append(RowProblem(record.row, column, data.citizen_id, _TWICE_ID, ids[data.citizen_id]))
            else:
                ids[data.citizen_id] = record.row
        return found

    @staticmethod
    def _parcel_duplicates(
        parcel_records: list[list[_Record]], built: list[PartyInput], stored: dict[tuple[str, str, str], ParcelInput]
    ) -> list[RowProblem]:
        """Parcels listed more than once (in the file, or in the file and the project) that are not an honest
        co-use, taken in row order so "first on row" names the earlier row."""
        listed = [
            (record.row, record, data.code, parcel)
            for records, data in zip(parcel_records, built, strict=True)
            for record, parcel in zip(records, data.parcels, strict=True)
        ]
        listed.sort(key=lambda item: item[0])
        found = []
        first_seen: dict[tuple[str, str, str], tuple[int, str, ParcelInput]] = {}
        for row, record, code, parcel in listed:
            key = parcel_key(parcel)
            if not (key[1] and key[2]):
                continue
            value = f"{parcel.map_sheet}/{parcel.parcel_no}"
            header = _header(record.columns, "parcel_no")
            column = header if record.sheet == CSV_SHEET else f"{record.sheet}: {header}"
            if key in stored:
                clash = co_use_clash(stored[key], parcel, False)
                if clash is not None:
                    reason = _IN_PROJECT_DISAGREES if clash == CO_USE_DISAGREES else _IN_PROJECT_PARCEL
                    found.append(RowProblem(row, column, value, reason))
            elif key in first_seen:
                first_row, first_code, first = first_seen[key]
                clash = co_use_clash(first, parcel, first_code == code)
                if clash is not None and clash != CO_USE_TWICE:  # the same party twice: a rule problem already
                    reason = _CO_USERS_DISAGREE if clash == CO_USE_DISAGREES else _TWICE_PARCEL
                    found.append(RowProblem(row, column, value, reason, first_row))
            else:
                first_seen[key] = (row, code, parcel)
        return found


_IN_PROJECT_CODE = QT_TRANSLATE_NOOP("Errors", "The party code is already used in this project.")
_IN_PROJECT_ID = QT_TRANSLATE_NOOP("Errors", "The citizen ID is already registered in this project.")
_IN_PROJECT_PARCEL = QT_TRANSLATE_NOOP(
    "Errors",
    "The parcel is already registered in this project; if the parties share it, mark both listings as co-used.",
)
_IN_PROJECT_DISAGREES = QT_TRANSLATE_NOOP(
    "Errors", "The parcel is co-used with a party of this project that gives other areas or another land-use code."
)
_CO_USERS_DISAGREE = QT_TRANSLATE_NOOP(
    "Errors", "Co-users of one parcel must give the same areas and land-use code (first on row {other_row})."
)
_TWICE_CODE = QT_TRANSLATE_NOOP("Errors", "The party code is used twice in the file (first on row {other_row}).")
_TWICE_ID = QT_TRANSLATE_NOOP("Errors", "The citizen ID is used twice in the file (first on row {other_row}).")
_TWICE_PARCEL = QT_TRANSLATE_NOOP(
    "Errors",
    "The parcel (ward, map sheet and parcel number) is listed twice in the file (first on row {other_row}); "
    "if the parties share it, mark both rows as co-used.",
)
