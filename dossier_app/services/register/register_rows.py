"""Writing and reading a party's rows (party, parcels, assets, compensation, resettlement) in a caller's session."""

from collections.abc import Sequence
from dataclasses import fields
from decimal import Decimal
from typing import Any

from sqlalchemy import delete, insert
from sqlmodel import Session, col, select

from dossier_app.domain.models import AffectedParty, Asset, CompensationLine, LandParcel, Resettlement, new_uids
from dossier_app.domain.register import AssetInput, CompensationInput, ParcelInput, PartyInput, ResettlementInput
from dossier_app.domain.text import fold
from dossier_app.storage.search_index import indexing_at_once
from dossier_app.storage.sync_log import written

_CHILDREN = ("parcels", "assets", "compensation", "resettlement")
PARTY_FIELDS = tuple(f.name for f in fields(PartyInput) if f.name not in _CHILDREN)
_PARCEL_FIELDS = tuple(f.name for f in fields(ParcelInput))
_ASSET_FIELDS = tuple(f.name for f in fields(AssetInput))
_LINE_FIELDS = tuple(f.name for f in fields(CompensationInput))
_RESETTLEMENT_FIELDS = tuple(f.name for f in fields(ResettlementInput))


def _row(record: Any, names: Sequence[str], decimals: Sequence[str]) -> dict[str, Any]:
    return {n: Decimal(getattr(record, n)) if n in decimals else getattr(record, n) for n in names}


def parcel_input(parcel: LandParcel) -> ParcelInput:
    """The input record of a stored parcel (to compare with one being imported or edited)."""
    return ParcelInput(**_row(parcel, _PARCEL_FIELDS, ("total_area_m2", "recovered_area_m2")))


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
        parcels=tuple(parcel_input(p) for p in parcels),
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


def insert_party(session: Session, project_id: int, data: PartyInput, uid: str | None = None) -> AffectedParty:
    """Write a party and its children (no checks: callers validate first)."""
    party = _new_party(project_id, data)
    if uid is not None:
        party.uid = uid
    session.add(party)
    session.flush()
    insert_children(session, project_id, party, data)
    return party


def _table(model: Any) -> Any:
    return model.__table__


def _party_row(project_id: int, data: PartyInput) -> tuple[Any, ...]:
    return (
        *[getattr(data, name) for name in PARTY_FIELDS],
        project_id,
        fold(data.name)[:200],
        fold(data.address)[:300],
    )


_PARTY_COLUMNS = (*PARTY_FIELDS, "project_id", "name_folded", "address_folded")
_PARCEL_COLUMNS = (*_PARCEL_FIELDS, "project_id", "party_id")
_ASSET_COLUMNS = (*_ASSET_FIELDS, "party_id")
_LINE_COLUMNS = (*_LINE_FIELDS, "party_id")
_RESETTLEMENT_COLUMNS = (*_RESETTLEMENT_FIELDS, "party_id")
_PLACEHOLDERS = {"qmark": "?", "format": "%s", "pyformat": "%s"}


def _insert_rows(session: Session, model: Any, names: Sequence[str], rows: list[tuple[Any, ...]]) -> None:
    """INSERT many rows with the driver's executemany: the column types' own bind conversions, applied per
    column, without SQLAlchemy's per-row parameter handling (which costs more than SQLite's insert). Each row
    gets its global id here; storage/sync_log gives the table's new rows their versions at commit."""
    if not rows:
        return
    table = _table(model)
    names = (*names, "uid")
    rows = [(*row, uid) for row, uid in zip(rows, new_uids(len(rows)), strict=True)]
    written(session, table.name)
    connection = session.connection()
    dialect = connection.dialect
    mark = _PLACEHOLDERS.get(dialect.paramstyle)
    if mark is None:  # a driver with named parameters: the core statement does it
        session.execute(insert(table), [dict(zip(names, row, strict=True)) for row in rows])
        return
    processors = [table.c[name].type.dialect_impl(dialect).bind_processor(dialect) for name in names]
    if any(processors):
        columns: list[Any] = list(zip(*rows, strict=True))
        for position, process in enumerate(processors):
            if process is not None:
                columns[position] = [process(value) for value in columns[position]]
        rows = list(zip(*columns, strict=True))
    quote = dialect.identifier_preparer
    statement = (
        f"INSERT INTO {quote.format_table(table)} ({', '.join(quote.quote(n) for n in names)}) "
        f"VALUES ({', '.join([mark] * len(names))})"
    )
    connection.exec_driver_sql(statement, rows)


def insert_parties(session: Session, project_id: int, parties: Sequence[PartyInput], batch: int = 5000) -> None:
    """Write many parties (codes new to the project; no checks: callers validate first) with executemany in
    batches: the parties, then their ids by code, then the children of each batch of parties."""
    with indexing_at_once(session):
        for start in range(0, len(parties), batch):
            rows = [_party_row(project_id, p) for p in parties[start : start + batch]]
            _insert_rows(session, AffectedParty, _PARTY_COLUMNS, rows)
    codes = {p.code for p in parties}
    ids = {
        code: int(pid)
        for pid, code in session.execute(
            select(col(AffectedParty.id), col(AffectedParty.code)).where(col(AffectedParty.project_id) == project_id)
        ).all()
        if code in codes
    }
    for start in range(0, len(parties), batch):
        parcels: list[tuple[Any, ...]] = []
        assets: list[tuple[Any, ...]] = []
        lines: list[tuple[Any, ...]] = []
        settles: list[tuple[Any, ...]] = []
        for data in parties[start : start + batch]:
            party_id = ids[data.code]
            for parcel in data.parcels:
                parcels.append((*[getattr(parcel, n) for n in _PARCEL_FIELDS], project_id, party_id))
            for asset in data.assets:
                assets.append((*[getattr(asset, n) for n in _ASSET_FIELDS], party_id))
            for line in data.compensation:
                lines.append((*[getattr(line, n) for n in _LINE_FIELDS], party_id))
            if data.resettlement is not None:
                settle = data.resettlement
                settles.append((*[getattr(settle, n) for n in _RESETTLEMENT_FIELDS], party_id))
        _insert_rows(session, LandParcel, _PARCEL_COLUMNS, parcels)
        _insert_rows(session, Asset, _ASSET_COLUMNS, assets)
        _insert_rows(session, CompensationLine, _LINE_COLUMNS, lines)
        _insert_rows(session, Resettlement, _RESETTLEMENT_COLUMNS, settles)


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
