"""Writing and reading a party's rows (party, parcels, assets, compensation, resettlement) in a caller's session."""

from collections.abc import Sequence
from dataclasses import fields
from decimal import Decimal
from typing import Any

from sqlalchemy import delete, insert
from sqlmodel import Session, col, select

from dossier_app.domain.models import AffectedParty, Asset, CompensationLine, LandParcel, Resettlement
from dossier_app.domain.register import AssetInput, CompensationInput, ParcelInput, PartyInput, ResettlementInput
from dossier_app.domain.text import fold

_CHILDREN = ("parcels", "assets", "compensation", "resettlement")
PARTY_FIELDS = tuple(f.name for f in fields(PartyInput) if f.name not in _CHILDREN)
_PARCEL_FIELDS = tuple(f.name for f in fields(ParcelInput))
_ASSET_FIELDS = tuple(f.name for f in fields(AssetInput))
_LINE_FIELDS = tuple(f.name for f in fields(CompensationInput))
_RESETTLEMENT_FIELDS = tuple(f.name for f in fields(ResettlementInput))


def _row(record: Any, names: Sequence[str], decimals: Sequence[str]) -> dict[str, Any]:
    return {n: Decimal(getattr(record, n)) if n in decimals else getattr(record, n) for n in names}


def party_input(session: Session, party: AffectedParty) -> PartyInput:
    """The input record of a stored party, children included, in a stable order."""
    parcels = session.exec(select(LandParcel).where(LandParcel.party_id == party.id).order_by(col(LandParcel.id))).all()
    assets = session.exec(select(Asset).where(Asset.party_id == party.id).order_by(col(Asset.id))).all()
    lines = session.exec(
        select(CompensationLine).where(CompensationLine.party_id == party.id).order_by(col(CompensationLine.id))
    ).all()
    settle = session.exec(select(Resettlement).where(Resettlement.party_id == party.id)).first()
    return PartyInput(
        **{name: getattr(party, name) for name in PARTY_FIELDS},
        parcels=tuple(ParcelInput(**_row(p, _PARCEL_FIELDS, ("total_area_m2", "recovered_area_m2"))) for p in parcels),
        assets=tuple(AssetInput(**_row(a, _ASSET_FIELDS, ("area_m2",))) for a in assets),
        compensation=tuple(CompensationInput(**_row(x, _LINE_FIELDS, ("quantity",))) for x in lines),
        resettlement=ResettlementInput(**{n: getattr(settle, n) for n in _RESETTLEMENT_FIELDS}) if settle else None,
    )


def delete_children(session: Session, party_id: int) -> None:
    """Remove a party's parcels, assets, compensation lines and resettlement (before replacing or deleting it)."""
    session.execute(delete(LandParcel).where(col(LandParcel.party_id) == party_id))
    session.execute(delete(Asset).where(col(Asset.party_id) == party_id))
    session.execute(delete(CompensationLine).where(col(CompensationLine.party_id) == party_id))
    session.execute(delete(Resettlement).where(col(Resettlement.party_id) == party_id))


def _new_party(project_id: int, data: PartyInput) -> AffectedParty:
    return AffectedParty(
        project_id=project_id,
        name_folded=fold(data.name)[:200],
        address_folded=fold(data.address)[:300],
        **{name: getattr(data, name) for name in PARTY_FIELDS},
    )


def insert_party(session: Session, project_id: int, data: PartyInput) -> AffectedParty:
    """Write a party and its children (no checks: callers validate first)."""
    party = _new_party(project_id, data)
    session.add(party)
    session.flush()
    insert_children(session, project_id, party, data)
    return party


def _table(model: Any) -> Any:
    return model.__table__


def _party_row(project_id: int, data: PartyInput) -> dict[str, Any]:
    row: dict[str, Any] = {name: getattr(data, name) for name in PARTY_FIELDS}
    row.update(project_id=project_id, name_folded=fold(data.name)[:200], address_folded=fold(data.address)[:300])
    return row


def insert_parties(session: Session, project_id: int, parties: Sequence[PartyInput], batch: int = 5000) -> None:
    """Write many parties (codes new to the project; no checks: callers validate first) with core executemany
    in batches: the parties, then their ids by code, then one executemany per child table."""
    for start in range(0, len(parties), batch):
        session.execute(
            insert(_table(AffectedParty)), [_party_row(project_id, p) for p in parties[start : start + batch]]
        )
    codes = {p.code for p in parties}
    ids = {
        code: int(pid)
        for pid, code in session.execute(
            select(col(AffectedParty.id), col(AffectedParty.code)).where(col(AffectedParty.project_id) == project_id)
        ).all()
        if code in codes
    }
    parcels: list[dict[str, Any]] = []
    assets: list[dict[str, Any]] = []
    lines: list[dict[str, Any]] = []
    settles: list[dict[str, Any]] = []
    for data in parties:
        party_id = ids[data.code]
        for parcel in data.parcels:
            row = {n: getattr(parcel, n) for n in _PARCEL_FIELDS}
            row.update(project_id=project_id, party_id=party_id)
            parcels.append(row)
        for asset in data.assets:
            row = {n: getattr(asset, n) for n in _ASSET_FIELDS}
            row["party_id"] = party_id
            assets.append(row)
        for line in data.compensation:
            row = {n: getattr(line, n) for n in _LINE_FIELDS}
            row["party_id"] = party_id
            lines.append(row)
        if data.resettlement is not None:
            row = {n: getattr(data.resettlement, n) for n in _RESETTLEMENT_FIELDS}
            row["party_id"] = party_id
            settles.append(row)
    children = ((LandParcel, parcels), (Asset, assets), (CompensationLine, lines), (Resettlement, settles))
    for model, rows in children:
        for start in range(0, len(rows), batch):
            session.execute(insert(_table(model)), rows[start : start + batch])


def insert_children(session: Session, project_id: int, party: AffectedParty, data: PartyInput) -> None:
    """Write a stored party's parcels, assets, compensation lines and resettlement (no checks)."""
    assert party.id is not None
    for parcel in data.parcels:
        session.add(
            LandParcel(project_id=project_id, party_id=party.id, **{n: getattr(parcel, n) for n in _PARCEL_FIELDS})
        )
    for asset in data.assets:
        session.add(Asset(party_id=party.id, **{n: getattr(asset, n) for n in _ASSET_FIELDS}))
    for line in data.compensation:
        session.add(CompensationLine(party_id=party.id, **{n: getattr(line, n) for n in _LINE_FIELDS}))
    if data.resettlement is not None:
        settle = data.resettlement
        session.add(Resettlement(party_id=party.id, **{n: getattr(settle, n) for n in _RESETTLEMENT_FIELDS}))
