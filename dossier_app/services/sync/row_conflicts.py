"""The register's sync conflicts on a replica, as the register window shows them: each field both sides changed
differently with its two values, and the person's pick saved through the register service (so it is checked and
audited) and pushed at the next sync."""

import json
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from sqlmodel import col, select

from dossier_app.domain.models import AffectedParty, Project, SyncRowConflict
from dossier_app.services.department.register_push import party_input
from dossier_app.services.sync.row_sync import CHILDREN, local_records, resolved, take_server_children

if TYPE_CHECKING:
    from dossier_app.services.core.context import ServiceContext
    from dossier_app.services.register.register import RegisterService


@dataclass(frozen=True)
class RowConflictView:
    """One undecided field of a household: its name and the values here (ours) and on the server (theirs)."""

    id: int
    party_id: int
    field: str
    ours: Any
    theirs: Any

    @property
    def of_children(self) -> bool:
        """Whether the field is a list of the household's parcels, assets, compensation lines or resettlement."""
        return self.field in CHILDREN.values()


class RowConflicts:
    """Reading and deciding the register's conflicts."""

    def __init__(self, context: "ServiceContext", register: "RegisterService") -> None:
        self._context, self._register = context, register

    def parties(self, project_id: int) -> set[int]:
        """The project's households with a field still to decide."""
        with self._context.database.begin() as session:
            rows = session.exec(
                select(SyncRowConflict.party_id)
                .join(AffectedParty, col(AffectedParty.id) == SyncRowConflict.party_id)
                .where(col(AffectedParty.project_id) == project_id, col(SyncRowConflict.resolved_at).is_(None))
            ).all()
        return {int(party_id) for party_id in rows}

    def listing(self, code: str | None = None) -> list[tuple[str, RowConflictView]]:
        """Every undecided field (of project CODE only, when given) with its household's label ('PROJECT PARTY')."""
        with self._context.database.begin() as session:
            query = (
                select(SyncRowConflict, AffectedParty.code, Project.code)
                .join(AffectedParty, col(AffectedParty.id) == SyncRowConflict.party_id)
                .join(Project, col(Project.id) == AffectedParty.project_id)
                .where(col(SyncRowConflict.resolved_at).is_(None))
                .order_by(col(SyncRowConflict.id))
            )
            if code is not None:
                query = query.where(col(Project.code) == code)
            return [
                (
                    f"{project} {party}",
                    RowConflictView(
                        row.id or 0, row.party_id, row.field, json.loads(row.ours_value), json.loads(row.theirs_value)
                    ),
                )
                for row, party, project in session.exec(query).all()
            ]

    def of_party(self, party_id: int) -> list[RowConflictView]:
        """A household's undecided fields, in the order found."""
        with self._context.database.begin() as session:
            rows = session.exec(
                select(SyncRowConflict)
                .where(col(SyncRowConflict.party_id) == party_id, col(SyncRowConflict.resolved_at).is_(None))
                .order_by(col(SyncRowConflict.id))
            ).all()
            return [
                RowConflictView(
                    row.id or 0, row.party_id, row.field, json.loads(row.ours_value), json.loads(row.theirs_value)
                )
                for row in rows
            ]

    def resolve(self, conflict_id: int, *, take_theirs: bool) -> None:
        """Keep our value, or save the server's in its place (the register's rules apply); either is pushed next."""
        with self._context.database.begin() as session:
            row = session.get(SyncRowConflict, conflict_id)
            if row is None or row.resolved_at is not None:
                return
            party_id, name, theirs = row.party_id, row.field, json.loads(row.theirs_value)
            household = local_records(session, [party_id])[party_id][1]
        if take_theirs:
            self._register.update_party(party_id, party_input({**household, name: theirs}))
        with self._context.database.begin() as session:
            if take_theirs:
                take_server_children(session, party_id)  # the saving gave them new rows the server lacks
            resolved(session, conflict_id)
