"""The register's editable catalogues: land-use codes and wards, kept in the database and edited by users."""

from sqlalchemy import func
from sqlmodel import Session, col, select

from dossier_app.domain.catalogues import CatalogueItem, CatalogueKind, check_item, normalised
from dossier_app.domain.enums import AuditAction
from dossier_app.domain.errors import QT_TRANSLATE_NOOP, Conflict, NotFound
from dossier_app.domain.lifecycle import Action
from dossier_app.domain.models import AffectedParty, CatalogueEntry, LandParcel, new_uid
from dossier_app.services.accounts.audit import AuditTrail
from dossier_app.services.core.context import ServiceContext
from dossier_app.services.core.permissions import require_action


def _item(entry: CatalogueEntry) -> CatalogueItem:
    return CatalogueItem(
        CatalogueKind(entry.kind), entry.code, entry.name, entry.land_group, entry.confirmed, entry.position
    )


class CatalogueService:
    """Listing and editing the catalogues; an entry still used by the register cannot be removed."""

    def __init__(self, context: ServiceContext, audit: AuditTrail) -> None:
        self._context = context
        self._audit = audit

    def entries(self, kind: CatalogueKind) -> list[CatalogueItem]:
        """Every entry of one catalogue, in its order."""
        with self._context.database.begin() as session:
            query = (
                select(CatalogueEntry)
                .where(CatalogueEntry.kind == kind.value)
                .order_by(col(CatalogueEntry.position), col(CatalogueEntry.code))
            )
            return [_item(entry) for entry in session.exec(query)]

    def land_use_codes(self) -> dict[str, str]:
        """Code → Vietnamese name: what the register validates parcels against."""
        with self._context.database.begin() as session:
            return land_use_codes(session)

    def wards(self) -> tuple[str, ...]:
        """The ward names offered in lists and in the import template."""
        return tuple(item.code for item in self.entries(CatalogueKind.WARD))

    def usage(self, kind: CatalogueKind, code: str) -> int:
        """How many register rows use an entry (parcels for a land-use code, parties and parcels for a ward)."""
        with self._context.database.begin() as session:
            return catalogue_usage(session, kind, code)

    def add(self, item: CatalogueItem, *, uid: str | None = None) -> CatalogueItem:
        """Append a new entry at the end of its catalogue (`uid`: the global id a desktop made for it, when a sync
        pushes it)."""
        item = normalised(item)
        check_item(item)
        with self._context.database.begin() as session:
            actor = require_action(session, self._context, Action.EDIT).name
            if _entry(session, item.kind, item.code) is not None:
                raise Conflict(QT_TRANSLATE_NOOP("Errors", "The catalogue already has '{code}'."), code=item.code)
            last = session.exec(
                select(func.max(CatalogueEntry.position)).where(CatalogueEntry.kind == item.kind.value)
            ).one()
            entry = CatalogueEntry(
                kind=item.kind.value,
                code=item.code,
                name=item.name,
                land_group=item.group,
                confirmed=item.confirmed,
                position=(last if last is not None else -1) + 1,
                uid=uid or new_uid(),
            )
            session.add(entry)
            session.flush()
            summary = f"{item.kind.value} {item.code} '{item.name}'"
            self._audit.record(session, actor, AuditAction.CATALOGUE_ADD, "catalogue", entry.id, summary)
            return _item(entry)

    def update(self, item: CatalogueItem) -> CatalogueItem:
        """Change an entry's name, group or confirmation; the code itself stays (the register refers to it)."""
        item = normalised(item)
        check_item(item)
        with self._context.database.begin() as session:
            actor = require_action(session, self._context, Action.EDIT).name
            entry = _existing(session, item.kind, item.code)
            if item.kind is CatalogueKind.WARD:
                raise Conflict(
                    QT_TRANSLATE_NOOP("Errors", "A ward is renamed by adding the new name and removing the old one.")
                )
            entry.name, entry.land_group, entry.confirmed = item.name, item.group, item.confirmed
            session.add(entry)
            summary = f"{item.kind.value} {item.code} '{item.name}' {item.group}"
            self._audit.record(session, actor, AuditAction.CATALOGUE_UPDATE, "catalogue", entry.id, summary)
            return _item(entry)

    def remove(self, kind: CatalogueKind, code: str) -> None:
        """Delete an entry nobody uses; one still used is refused with the number of rows using it."""
        with self._context.database.begin() as session:
            actor = require_action(session, self._context, Action.EDIT).name
            entry = _existing(session, kind, code)
            used = catalogue_usage(session, kind, entry.code)
            if used:
                raise Conflict(
                    QT_TRANSLATE_NOOP("Errors", "'{code}' is used by {count} row(s) of the register; it stays."),
                    code=entry.code,
                    count=used,
                )
            session.delete(entry)
            summary = f"{kind.value} {entry.code} '{entry.name}'"
            self._audit.record(session, actor, AuditAction.CATALOGUE_REMOVE, "catalogue", entry.id, summary)


def land_use_codes(session: Session) -> dict[str, str]:
    """The land-use catalogue read in the caller's unit of work (imports validate inside their transaction)."""
    query = (
        select(CatalogueEntry.code, CatalogueEntry.name)
        .where(CatalogueEntry.kind == CatalogueKind.LAND_USE.value)
        .order_by(col(CatalogueEntry.position), col(CatalogueEntry.code))
    )
    return {code: name for code, name in session.exec(query)}


def _entry(session: Session, kind: CatalogueKind, code: str) -> CatalogueEntry | None:
    query = select(CatalogueEntry).where(CatalogueEntry.kind == kind.value, CatalogueEntry.code == code)
    return session.exec(query).first()


def _existing(session: Session, kind: CatalogueKind, code: str) -> CatalogueEntry:
    entry = _entry(session, kind, code.strip().upper() if kind is CatalogueKind.LAND_USE else code.strip())
    if entry is None:
        raise NotFound(QT_TRANSLATE_NOOP("Errors", "The catalogue has no '{code}'."), code=code)
    return entry


def catalogue_usage(session: Session, kind: CatalogueKind, code: str) -> int:
    """How many register rows use an entry (a parcel's land use; a party's or parcel's ward)."""
    if kind is CatalogueKind.LAND_USE:
        return session.exec(select(func.count()).where(LandParcel.land_use_code == code)).one()
    parties = session.exec(select(func.count()).where(AffectedParty.ward == code)).one()
    parcels = session.exec(select(func.count()).where(LandParcel.ward == code)).one()
    return int(parties) + int(parcels)
