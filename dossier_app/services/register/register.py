"""The land register of a project: parties with their parcels, assets, compensation and resettlement; paged queries.

Co-used parcels (đồng sử dụng): a parcel shared by several parties is listed on each co-user, flagged `co_used`,
with the same ward, map sheet, number, areas and land-use code (the rules refuse anything else). A party's own
totals include its co-used parcels; ward and project totals count each parcel once, on its first listing.
"""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from sqlalchemy import BindParameter, ColumnElement, Integer, and_, bindparam, case, exists, func, or_
from sqlalchemy import column as sql_column
from sqlalchemy import text as sql_text
from sqlalchemy.orm import aliased
from sqlmodel import Session, col, select

from dossier_app.domain.enums import AuditAction
from dossier_app.domain.errors import QT_TRANSLATE_NOOP, Conflict, NotFound, ValidationFailed
from dossier_app.domain.lifecycle import Action
from dossier_app.domain.models import AffectedParty, Asset, CompensationLine, LandParcel, Project
from dossier_app.domain.register import (
    ALL_STEPS,
    CO_USE_DISAGREES,
    CO_USE_TWICE,
    AssetKind,
    FieldProblem,
    PartyInput,
    check_party,
    co_use_clash,
    parcel_key,
)
from dossier_app.domain.text import fold
from dossier_app.services.accounts.audit import AuditTrail
from dossier_app.services.core.context import ServiceContext
from dossier_app.services.core.permissions import require_action
from dossier_app.services.register.catalogues import CatalogueService
from dossier_app.services.register.register_rows import (
    PARTY_FIELDS,
    delete_children,
    insert_children,
    insert_party,
    parcel_input,
    party_input,
)
from dossier_app.storage.resources import load_asset_kinds, load_catalogue_names

# Computed sort keys: the furthest step, the party's land and recovered area, its money total, its complaint flag.
COMPUTED_SORTS = ("step", "total_area", "recovered_area", "compensation", "complaint")
SORT_COLUMNS = ("code", "name", "ward", "citizen_id", "household_size", "kind", *ALL_STEPS, *COMPUTED_SORTS)
NO_STEP = "none"
TRIGRAM = 3  # the shortest search the trigram index can answer
COMMON = 5_000  # matches from which a LIKE scan beats the trigram index and its probe (bench/register_table.py)
SEARCH_WAYS_KEPT = 256


@dataclass(frozen=True)
class PartyFilter:
    """What the parties table narrows to; `step` is the furthest step reached (or `none`)."""

    ward: str | None = None
    step: str | None = None
    poor_household: bool | None = None
    direct_farmer: bool | None = None
    complaint: bool | None = None
    land_use_code: str | None = None
    search: str = ""


@dataclass(frozen=True)
class PartyRow:
    """One line of the parties table, with the party's totals."""

    id: int
    code: str
    kind: str
    name: str
    citizen_id: str
    ward: str
    address: str
    complaint: bool
    step: str
    recovered_area_m2: Decimal
    compensation_vnd: int
    total_area_m2: Decimal = Decimal(0)


@dataclass(frozen=True)
class PartyDetail:
    """A party with everything recorded about it, as its input record (round-trips through update and import)."""

    id: int
    project_id: int
    data: PartyInput


@dataclass(frozen=True)
class Totals:
    """Sums over some parties: counts, areas and money."""

    parties: int = 0
    parcels: int = 0
    total_area_m2: Decimal = Decimal(0)
    recovered_area_m2: Decimal = Decimal(0)
    compensation_vnd: int = 0
    building_area_m2: Decimal = Decimal(0)  # houses and works
    plants: int = 0  # trees and crops counted
    graves: int = 0


@dataclass(frozen=True)
class RegisterTotals:
    """A project's totals, and the same per ward (in ward order)."""

    project: Totals
    wards: tuple[tuple[str, Totals], ...]


def current_step(party: Any) -> str:
    """The furthest step a party has reached, or `none`."""
    for name in reversed(ALL_STEPS):
        if getattr(party, name) is not None:
            return str(name)
    return NO_STEP


def _step_clause(step: str) -> ColumnElement[bool]:
    if step == NO_STEP:
        return and_(*(getattr(AffectedParty, name).is_(None) for name in ALL_STEPS))
    if step not in ALL_STEPS:
        raise ValidationFailed(QT_TRANSLATE_NOOP("Errors", "Unknown step '{value}'."), field="step", value=step)
    later = ALL_STEPS[ALL_STEPS.index(step) + 1 :]
    return and_(getattr(AffectedParty, step).is_not(None), *(getattr(AffectedParty, n).is_(None) for n in later))


def _conditions(project_id: int, filters: PartyFilter, indexed: bool) -> list[ColumnElement[bool]]:
    """The WHERE clauses of the filters; `indexed` when the trigram table answers the search (use_search_index)."""
    clauses: list[ColumnElement[bool]] = [col(AffectedParty.project_id) == project_id]
    if filters.ward:
        clauses.append(col(AffectedParty.ward) == filters.ward)
    if filters.step:
        clauses.append(_step_clause(filters.step))
    for flag in ("poor_household", "direct_farmer", "complaint"):
        wanted = getattr(filters, flag)
        if wanted is not None:
            clauses.append(getattr(AffectedParty, flag).is_(wanted))
    if filters.land_use_code:
        clauses.append(
            exists().where(
                col(LandParcel.party_id) == col(AffectedParty.id),
                col(LandParcel.land_use_code) == filters.land_use_code,
            )
        )
    text = fold(filters.search.strip())
    if text:
        clauses.append(_search_clause(text, indexed))
    return clauses


def _phrase(text: str, digits: bool) -> str:
    """The MATCH expression of a folded text: one quoted phrase in the searched columns (no FTS syntax gets in)."""
    columns = "{name_folded address_folded citizen_id}" if digits else "{name_folded address_folded}"
    return columns + ' : "' + text.replace('"', '""') + '"'


def use_search_index(session: Session, filters: PartyFilter) -> bool:
    """Whether SQLite's trigram table `party_fts` (migration 0013) should answer the search: a whole trigram to
    look up, and a text found fewer than COMMON times (a commoner one scans quicker in table order, which stops
    at the first page, than it collects every match); a probe of a few ms decides."""
    text = fold(filters.search.strip())
    if len(text) < TRIGRAM or session.get_bind().dialect.name != "sqlite":
        return False
    probe = sql_text("SELECT count(*) FROM (SELECT rowid FROM party_fts WHERE party_fts MATCH :phrase LIMIT :cap)")
    found = session.connection().execute(probe, {"phrase": _phrase(text, text.isdigit()), "cap": COMMON})
    return int(found.scalar_one()) < COMMON


def _search_clause(text: str, indexed: bool) -> ColumnElement[bool]:
    """A folded substring of the name or address (or of the citizen ID, for digits): through the trigram table
    when `indexed`, else a LIKE scan (which PostgreSQL's pg_trgm indexes of migration 0013 serve)."""
    digits = text.isdigit()  # a citizen ID is digits only: other text cannot be in it, so skip a third of the work
    if indexed:
        matched = sql_text("SELECT rowid FROM party_fts WHERE party_fts MATCH :phrase")
        phrase: BindParameter[str] = bindparam("phrase", _phrase(text, digits), unique=True)
        return col(AffectedParty.id).in_(matched.bindparams(phrase).columns(sql_column("rowid", Integer)))
    pattern = "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
    searched = [col(AffectedParty.name_folded), col(AffectedParty.address_folded)]
    if digits:
        searched.append(col(AffectedParty.citizen_id))
    return or_(*(column.like(pattern, escape="\\") for column in searched))


def _problem_error(data: PartyInput, codes: Iterable[str]) -> ValidationFailed | None:
    problems = check_party(data, set(codes), set(load_asset_kinds()))
    if not problems:
        return None
    first = problems[0]
    return ValidationFailed(first.reason, field=first.field, value=first.value)


class RegisterService:
    """Adding, editing, listing and summing a project's affected parties."""

    def __init__(self, context: ServiceContext, audit: AuditTrail, catalogues: CatalogueService) -> None:
        self._context = context
        self._audit = audit
        self._catalogues = catalogues
        self._search_ways: dict[str, bool] = {}  # folded search → use_search_index (only speed depends on it)

    def _indexed(self, session: Session, filters: PartyFilter) -> bool:
        """use_search_index, probed once per search text: the table asks for a page and then for the count."""
        key = fold(filters.search.strip())
        if key not in self._search_ways:
            if len(self._search_ways) >= SEARCH_WAYS_KEPT:
                self._search_ways.clear()
            self._search_ways[key] = use_search_index(session, filters)
        return self._search_ways[key]

    @property
    def land_use_codes(self) -> dict[str, str]:
        """The catalogue of land-use codes: code → Vietnamese name (editable, kept in the database)."""
        return self._catalogues.land_use_codes()

    @property
    def asset_kinds(self) -> dict[str, AssetKind]:
        """The catalogue of asset kinds: code → names, measure (area or count) and group."""
        return load_asset_kinds()

    def catalogue_names(self) -> dict[str, dict[str, tuple[str, str]]]:
        """Code → (Vietnamese, English) name of the land uses, compensation kinds and asset kinds, for display."""
        shipped = load_catalogue_names("land_use_codes")  # English names; users edit the Vietnamese ones
        land_use = {code: (name, shipped.get(code, (name, name))[1]) for code, name in self.land_use_codes.items()}
        return {
            "land_use": land_use,
            "compensation": load_catalogue_names("compensation_kinds", "kinds"),
            "asset": load_catalogue_names("asset_kinds", "kinds"),
        }

    def problems(self, data: PartyInput) -> list[FieldProblem]:
        """Every rule `data` breaks against the catalogues, without storing anything (forms check as you type)."""
        return check_party(data, set(self.land_use_codes), set(load_asset_kinds()))

    # Writing -------------------------------------------------------------------------------------------

    def add_party(self, project_id: int, data: PartyInput, uid: str | None = None) -> PartyDetail:
        """Store a new party with its parcels, compensation lines and resettlement (`uid`: the global id a desktop
        made for it, when a sync pushes it)."""
        error = _problem_error(data, self.land_use_codes)
        if error:
            raise error
        with self._context.database.begin() as session:
            actor = require_action(session, self._context, Action.EDIT).name
            _project(session, project_id)
            self._refuse_duplicates(session, project_id, data, None)
            party = insert_party(session, project_id, data, uid)
            assert party.id is not None
            summary = f"{data.code} '{data.name}', {len(data.parcels)} parcel(s)"
            self._audit.record(session, actor, AuditAction.PARTY_ADD, "party", party.id, summary, project_id)
            return PartyDetail(party.id, project_id, party_input(session, party))

    def update_party(self, party_id: int, data: PartyInput) -> PartyDetail:
        """Replace a party's facts and children with `data`."""
        error = _problem_error(data, self.land_use_codes)
        if error:
            raise error
        with self._context.database.begin() as session:
            actor = require_action(session, self._context, Action.EDIT).name
            party = _party(session, party_id)
            self._refuse_duplicates(session, party.project_id, data, party_id)
            for name in PARTY_FIELDS:
                setattr(party, name, getattr(data, name))
            party.name_folded = fold(data.name)[:200]
            party.address_folded = fold(data.address)[:300]
            session.add(party)
            delete_children(session, party_id)
            session.flush()
            insert_children(session, party.project_id, party, data)
            summary = f"{data.code} '{data.name}', {len(data.parcels)} parcel(s)"
            self._audit.record(session, actor, AuditAction.PARTY_UPDATE, "party", party_id, summary, party.project_id)
            return PartyDetail(party_id, party.project_id, party_input(session, party))

    def delete_party(self, party_id: int) -> None:
        """Remove a party with everything recorded about it."""
        with self._context.database.begin() as session:
            actor = require_action(session, self._context, Action.EDIT).name
            party = _party(session, party_id)
            summary = f"{party.code} '{party.name}'"
            delete_children(session, party_id)
            session.delete(party)
            self._audit.record(session, actor, AuditAction.PARTY_DELETE, "party", party_id, summary, party.project_id)

    def _refuse_duplicates(self, session: Session, project_id: int, data: PartyInput, own_id: int | None) -> None:
        others = [col(AffectedParty.project_id) == project_id]
        if own_id is not None:
            others.append(col(AffectedParty.id) != own_id)
        if session.exec(select(AffectedParty.id).where(*others, AffectedParty.code == data.code)).first():
            raise Conflict(
                QT_TRANSLATE_NOOP("Errors", "The party code '{code}' is already used in this project."), code=data.code
            )
        if (
            data.citizen_id
            and session.exec(
                select(AffectedParty.id).where(*others, AffectedParty.citizen_id == data.citizen_id)
            ).first()
        ):
            raise Conflict(
                QT_TRANSLATE_NOOP("Errors", "The citizen ID {value} is already registered in this project."),
                value=data.citizen_id,
            )
        for parcel in data.parcels:
            ward, sheet, number = parcel_key(parcel)
            listed = select(LandParcel).where(
                LandParcel.project_id == project_id,
                LandParcel.ward == ward,
                LandParcel.map_sheet == sheet,
                LandParcel.parcel_no == number,
            )
            if own_id is not None:
                listed = listed.where(LandParcel.party_id != own_id)
            stored = session.exec(listed.order_by(col(LandParcel.id))).first()
            if stored is None:
                continue
            first = parcel_input(stored)
            clash = co_use_clash(first, parcel, False)
            if clash == CO_USE_DISAGREES:
                raise Conflict(
                    QT_TRANSLATE_NOOP(
                        "Errors",
                        "Parcel {parcel} of map sheet {sheet} is co-used with another party that gives other areas "
                        "or another land-use code.",
                    ),
                    sheet=parcel.map_sheet,
                    parcel=parcel.parcel_no,
                )
            if clash is not None and clash != CO_USE_TWICE:
                raise Conflict(
                    QT_TRANSLATE_NOOP(
                        "Errors",
                        "Parcel {parcel} of map sheet {sheet} is already registered in this project; if the parties "
                        "share it, mark both listings as co-used.",
                    ),
                    sheet=parcel.map_sheet,
                    parcel=parcel.parcel_no,
                )

    # Reading -------------------------------------------------------------------------------------------

    def parties(
        self,
        project_id: int,
        filters: PartyFilter = PartyFilter(),
        *,
        sort: str = "code",
        descending: bool = False,
        offset: int = 0,
        limit: int = 200,
    ) -> list[PartyRow]:
        """One page of the parties table, filtered and sorted in SQL."""
        order = _order(sort, descending)
        recovered = _party_sum(LandParcel.recovered_area_m2, LandParcel.party_id)
        total = _party_sum(LandParcel.total_area_m2, LandParcel.party_id)
        money = _party_sum(CompensationLine.amount_vnd, CompensationLine.party_id)
        with self._context.database.begin() as session:
            statement = (
                select(AffectedParty, recovered, money, total)
                .where(*_conditions(project_id, filters, self._indexed(session, filters)))
                .order_by(*order)
                .offset(offset)
                .limit(limit)
            )
            return [
                PartyRow(
                    id=p.id or 0,
                    code=p.code,
                    kind=p.kind,
                    name=p.name,
                    citizen_id=p.citizen_id,
                    ward=p.ward,
                    address=p.address,
                    complaint=p.complaint,
                    step=current_step(p),
                    recovered_area_m2=Decimal(area),
                    compensation_vnd=int(amount),
                    total_area_m2=Decimal(land),
                )
                for p, area, amount, land in session.exec(statement).all()
            ]

    def row_of(
        self,
        project_id: int,
        party_id: int,
        filters: PartyFilter = PartyFilter(),
        *,
        sort: str = "code",
        descending: bool = False,
    ) -> int | None:
        """The 0-based row of a party in the table as filtered and sorted (one SQL window query), or None when
        the filters hide it; the table uses it to keep a party selected after an edit."""
        with self._context.database.begin() as session:
            numbered = (
                select(
                    col(AffectedParty.id).label("party_id"),
                    func.row_number().over(order_by=_order(sort, descending)).label("number"),
                )
                .where(*_conditions(project_id, filters, self._indexed(session, filters)))
                .subquery()
            )
            found = session.exec(select(numbered.c.number).where(numbered.c.party_id == party_id)).first()
            return None if found is None else int(found) - 1

    def count(self, project_id: int, filters: PartyFilter = PartyFilter()) -> int:
        """How many parties the filters let through."""
        with self._context.database.begin() as session:
            conditions = _conditions(project_id, filters, self._indexed(session, filters))
            statement = select(func.count()).select_from(AffectedParty).where(*conditions)
            return int(session.exec(statement).one())

    def wards(self, project_id: int) -> list[str]:
        """The wards a project's parties are in, sorted (the filter bar's list: one pass over an index)."""
        with self._context.database.begin() as session:
            statement = (
                select(AffectedParty.ward)
                .where(AffectedParty.project_id == project_id, col(AffectedParty.ward) != "")
                .distinct()
            )
            return sorted(str(ward) for ward in session.exec(statement).all())

    def party(self, party_id: int) -> PartyDetail:
        """A party with its parcels, compensation lines and resettlement."""
        with self._context.database.begin() as session:
            party = _party(session, party_id)
            return PartyDetail(party_id, party.project_id, party_input(session, party))

    def party_ids(self, project_id: int) -> list[int]:
        """Every party of a project, in code order (exports walk these)."""
        with self._context.database.begin() as session:
            statement = select(AffectedParty.id).where(AffectedParty.project_id == project_id)
            return [int(i) for i in session.exec(statement.order_by(col(AffectedParty.code))).all() if i is not None]

    def details(self, project_id: int) -> list[PartyDetail]:
        """Every party of a project in code order, with children, in one transaction."""
        with self._context.database.begin() as session:
            statement = select(AffectedParty).where(AffectedParty.project_id == project_id)
            parties = session.exec(statement.order_by(col(AffectedParty.code))).all()
            return [PartyDetail(p.id or 0, project_id, party_input(session, p)) for p in parties]

    def totals(self, project_id: int) -> RegisterTotals:
        """Parties, parcels (a co-used parcel once), areas, assets and compensation per ward and for the project."""
        groups = {kind.code: kind.group for kind in load_asset_kinds().values()}
        with self._context.database.begin() as session:
            parties = dict(
                session.exec(
                    select(AffectedParty.ward, func.count())
                    .where(AffectedParty.project_id == project_id)
                    .group_by(col(AffectedParty.ward))
                ).all()
            )
            parcels = {
                ward: (int(n), Decimal(total or 0), Decimal(recovered or 0))
                for ward, n, total, recovered in session.exec(
                    select(
                        AffectedParty.ward,
                        func.count(col(LandParcel.id)),
                        func.sum(LandParcel.total_area_m2),
                        func.sum(LandParcel.recovered_area_m2),
                    )
                    .join(LandParcel, col(LandParcel.party_id) == col(AffectedParty.id))
                    .where(AffectedParty.project_id == project_id, _first_listing())
                    .group_by(col(AffectedParty.ward))
                ).all()
            }
            money = dict(
                session.exec(
                    select(AffectedParty.ward, func.sum(CompensationLine.amount_vnd))
                    .join(CompensationLine, col(CompensationLine.party_id) == col(AffectedParty.id))
                    .where(AffectedParty.project_id == project_id)
                    .group_by(col(AffectedParty.ward))
                ).all()
            )
            assets: dict[str, list[Any]] = {}
            for ward, kind, area, count in session.exec(
                select(AffectedParty.ward, Asset.kind, func.sum(Asset.area_m2), func.sum(Asset.count))
                .join(Asset, col(Asset.party_id) == col(AffectedParty.id))
                .where(AffectedParty.project_id == project_id)
                .group_by(col(AffectedParty.ward), col(Asset.kind))
            ).all():
                _add_assets(assets.setdefault(ward, [Decimal(0), 0, 0]), groups.get(kind, ""), area, count)
        wards = []
        for ward in sorted(parties):
            n, total, recovered = parcels.get(ward, (0, Decimal(0), Decimal(0)))
            building, plants, graves = assets.get(ward, [Decimal(0), 0, 0])
            money_total = int(money.get(ward) or 0)
            wards.append((ward, Totals(int(parties[ward]), n, total, recovered, money_total, building, plants, graves)))
        return RegisterTotals(project=_sum(t for _, t in wards), wards=tuple(wards))

    def party_totals(self, party_id: int) -> Totals:
        """One party's parcels (its co-used ones included), areas, assets and compensation."""
        return party_totals(self.party(party_id).data)


def party_totals(data: PartyInput) -> Totals:
    """The totals of one party's record (the detail pane and the edit dialog show them)."""
    groups = {kind.code: kind.group for kind in load_asset_kinds().values()}
    counts: list[Any] = [Decimal(0), 0, 0]
    for asset in data.assets:
        _add_assets(counts, groups.get(asset.kind, ""), asset.area_m2, asset.count)
    return Totals(
        parties=1,
        parcels=len(data.parcels),
        total_area_m2=sum((p.total_area_m2 for p in data.parcels), Decimal(0)),
        recovered_area_m2=sum((p.recovered_area_m2 for p in data.parcels), Decimal(0)),
        compensation_vnd=sum(line.amount_vnd for line in data.compensation),
        building_area_m2=counts[0],
        plants=counts[1],
        graves=counts[2],
    )


def _add_assets(counts: list[Any], group: str, area: Any, count: Any) -> None:
    """Add an asset (or a sum of them) to [building m², plants, graves] by its kind's group."""
    if group == "building":
        counts[0] += Decimal(area or 0)
    elif group == "plant":
        counts[1] += int(count or 0)
    elif group == "grave":
        counts[2] += int(count or 0)


def _first_listing() -> ColumnElement[bool]:
    """True for a parcel row that totals count: not co-used, or the first listing of a co-used parcel."""
    other = aliased(LandParcel)
    earlier = exists().where(
        col(other.co_used).is_(True),
        col(other.project_id) == col(LandParcel.project_id),
        col(other.ward) == col(LandParcel.ward),
        col(other.map_sheet) == col(LandParcel.map_sheet),
        col(other.parcel_no) == col(LandParcel.parcel_no),
        col(other.id) < col(LandParcel.id),
    )
    return or_(col(LandParcel.co_used).is_(False), ~earlier)


def _order(sort: str, descending: bool) -> list[Any]:
    """ORDER BY of the parties table: the sort key, then the id so pages never overlap."""
    if sort not in SORT_COLUMNS:
        raise ValidationFailed(QT_TRANSLATE_NOOP("Errors", "Unknown sort column '{value}'."), field="sort", value=sort)
    computed: dict[str, Any] = {
        "name": col(AffectedParty.name_folded),
        "step": _step_rank(),
        "total_area": _party_sum(LandParcel.total_area_m2, LandParcel.party_id),
        "recovered_area": _party_sum(LandParcel.recovered_area_m2, LandParcel.party_id),
        "compensation": _party_sum(CompensationLine.amount_vnd, CompensationLine.party_id),
    }
    key = computed[sort] if sort in computed else getattr(AffectedParty, sort)
    return [
        key.desc() if descending else key.asc(),
        col(AffectedParty.id).desc() if descending else col(AffectedParty.id),
    ]


def _party_sum(column: Any, party_column: Any) -> Any:
    """A correlated sum over one party's child rows (0 when it has none), for the table and its sorting."""
    return (
        select(func.coalesce(func.sum(column), 0)).where(col(party_column) == col(AffectedParty.id)).scalar_subquery()
    )


def _step_rank() -> Any:
    """The furthest step reached as a number (0 for none), so the current step sorts in SQL."""
    ranked = reversed(list(enumerate(ALL_STEPS, 1)))
    whens = [(getattr(AffectedParty, name).is_not(None), rank) for rank, name in ranked]
    return case(*whens, else_=0)


def _sum(items: Iterable[Totals]) -> Totals:
    result = Totals()
    for t in items:
        result = Totals(
            result.parties + t.parties,
            result.parcels + t.parcels,
            result.total_area_m2 + t.total_area_m2,
            result.recovered_area_m2 + t.recovered_area_m2,
            result.compensation_vnd + t.compensation_vnd,
            result.building_area_m2 + t.building_area_m2,
            result.plants + t.plants,
            result.graves + t.graves,
        )
    return result


def _project(session: Session, project_id: int) -> Project:
    project = session.get(Project, project_id)
    if project is None:
        raise NotFound(QT_TRANSLATE_NOOP("Errors", "The project no longer exists."))
    return project


def _party(session: Session, party_id: int) -> AffectedParty:
    party = session.get(AffectedParty, party_id)
    if party is None:
        raise NotFound(QT_TRANSLATE_NOOP("Errors", "The affected party no longer exists."))
    return party


__all__: Sequence[str] = ("PartyFilter", "PartyRow", "RegisterService", "RegisterTotals", "Totals")
