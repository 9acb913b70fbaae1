"""The land register of a project: parties with their parcels, compensation and resettlement; paged queries."""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from sqlalchemy import ColumnElement, and_, exists, func, or_
from sqlmodel import Session, col, select

from dossier_app.domain.enums import AuditAction
from dossier_app.domain.errors import QT_TRANSLATE_NOOP, Conflict, NotFound, ValidationFailed
from dossier_app.domain.lifecycle import Action
from dossier_app.domain.models import AffectedParty, CompensationLine, LandParcel, Project
from dossier_app.domain.register import (
    ALL_STEPS,
    PartyInput,
    check_party,
)
from dossier_app.domain.text import fold
from dossier_app.services.audit import AuditTrail
from dossier_app.services.context import ServiceContext
from dossier_app.services.permissions import require_action
from dossier_app.services.register_rows import (
    PARTY_FIELDS,
    delete_children,
    insert_children,
    insert_party,
    party_input,
)
from dossier_app.storage.resources import load_land_use_codes

SORT_COLUMNS = ("code", "name", "ward", "citizen_id", "household_size", "kind", *ALL_STEPS)
NO_STEP = "none"


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


def _conditions(project_id: int, filters: PartyFilter) -> list[ColumnElement[bool]]:
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
        pattern = "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        searched = [col(AffectedParty.name_folded), col(AffectedParty.address_folded)]
        if text.isdigit():  # a citizen ID is digits only: other text cannot be in it, so skip a third of the work
            searched.append(col(AffectedParty.citizen_id))
        clauses.append(or_(*(column.like(pattern, escape="\\") for column in searched)))
    return clauses


def _problem_error(data: PartyInput, codes: Iterable[str]) -> ValidationFailed | None:
    problems = check_party(data, set(codes))
    if not problems:
        return None
    first = problems[0]
    return ValidationFailed(first.reason, field=first.field, value=first.value)


class RegisterService:
    """Adding, editing, listing and summing a project's affected parties."""

    def __init__(self, context: ServiceContext, audit: AuditTrail) -> None:
        self._context = context
        self._audit = audit

    @property
    def land_use_codes(self) -> dict[str, str]:
        """The catalogue of land-use codes: code → Vietnamese name."""
        return load_land_use_codes()

    # Writing -------------------------------------------------------------------------------------------

    def add_party(self, project_id: int, data: PartyInput) -> PartyDetail:
        """Store a new party with its parcels, compensation lines and resettlement."""
        error = _problem_error(data, self.land_use_codes)
        if error:
            raise error
        with self._context.database.begin() as session:
            actor = require_action(session, self._context, Action.EDIT).name
            _project(session, project_id)
            self._refuse_duplicates(session, project_id, data, None)
            party = insert_party(session, project_id, data)
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
            clash = select(LandParcel.id).where(
                LandParcel.project_id == project_id,
                LandParcel.map_sheet == parcel.map_sheet,
                LandParcel.parcel_no == parcel.parcel_no,
            )
            if own_id is not None:
                clash = clash.where(LandParcel.party_id != own_id)
            if session.exec(clash).first():
                raise Conflict(
                    QT_TRANSLATE_NOOP(
                        "Errors", "Parcel {parcel} of map sheet {sheet} is already registered in this project."
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
        if sort not in SORT_COLUMNS:
            raise ValidationFailed(
                QT_TRANSLATE_NOOP("Errors", "Unknown sort column '{value}'."), field="sort", value=sort
            )
        key = col(AffectedParty.name_folded) if sort == "name" else getattr(AffectedParty, sort)
        order = [
            key.desc() if descending else key.asc(),
            col(AffectedParty.id).desc() if descending else col(AffectedParty.id),
        ]
        recovered = (
            select(func.coalesce(func.sum(LandParcel.recovered_area_m2), 0))
            .where(col(LandParcel.party_id) == col(AffectedParty.id))
            .scalar_subquery()
        )
        money = (
            select(func.coalesce(func.sum(CompensationLine.amount_vnd), 0))
            .where(col(CompensationLine.party_id) == col(AffectedParty.id))
            .scalar_subquery()
        )
        with self._context.database.begin() as session:
            statement = (
                select(AffectedParty, recovered, money)
                .where(*_conditions(project_id, filters))
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
                )
                for p, area, amount in session.exec(statement).all()
            ]

    def count(self, project_id: int, filters: PartyFilter = PartyFilter()) -> int:
        """How many parties the filters let through."""
        with self._context.database.begin() as session:
            statement = select(func.count()).select_from(AffectedParty).where(*_conditions(project_id, filters))
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
        """Parties, parcels, areas and compensation per ward and for the whole project."""
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
                    .where(AffectedParty.project_id == project_id)
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
        wards = []
        for ward in sorted(parties):
            n, total, recovered = parcels.get(ward, (0, Decimal(0), Decimal(0)))
            wards.append((ward, Totals(int(parties[ward]), n, total, recovered, int(money.get(ward) or 0))))
        return RegisterTotals(project=_sum(t for _, t in wards), wards=tuple(wards))

    def party_totals(self, party_id: int) -> Totals:
        """One party's parcels, areas and compensation."""
        detail = self.party(party_id)
        parcels = detail.data.parcels
        return Totals(
            parties=1,
            parcels=len(parcels),
            total_area_m2=sum((p.total_area_m2 for p in parcels), Decimal(0)),
            recovered_area_m2=sum((p.recovered_area_m2 for p in parcels), Decimal(0)),
            compensation_vnd=sum(line.amount_vnd for line in detail.data.compensation),
        )


def _sum(items: Iterable[Totals]) -> Totals:
    result = Totals()
    for t in items:
        result = Totals(
            result.parties + t.parties,
            result.parcels + t.parcels,
            result.total_area_m2 + t.total_area_m2,
            result.recovered_area_m2 + t.recovered_area_m2,
            result.compensation_vnd + t.compensation_vnd,
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
