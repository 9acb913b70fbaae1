"""The server's side of a pushed household (`affectedparty`, see services/sync/row_sync.py for the record): applied
through the register service as the signed-in person, so its roles and the register's rules decide.

`fields` is the household's record on the desktop and `base` the server's record it was changed from (null for a
household made there). When the server's household moved since that base, the two are merged field by field; the
same field changed differently on both sides refuses the change as a conflict (the desktop merges it on its next
pull, where a person picks a value). A household deleted on the desktop (`{deleted: true}`) is deleted here only when
nobody changed it since the base; one edited there and deleted here is made again (no edit is lost).
"""

from collections.abc import Mapping
from dataclasses import fields as dataclass_fields
from typing import TYPE_CHECKING, Any

from sqlalchemy import select as core_select

from dossier_app.domain.errors import QT_TRANSLATE_NOOP, ChangeRefused, ValidationFailed
from dossier_app.domain.register import AssetInput, CompensationInput, ParcelInput, PartyInput, ResettlementInput
from dossier_app.domain.row_merge import merge_rows
from dossier_app.services.department.push import Outcome, _malformed, named_row
from dossier_app.services.sync.row_sync import CHILDREN, PARTY, Record, local_records, normalized, stored
from dossier_app.storage.sync_log import synced_tables

if TYPE_CHECKING:
    from dossier_app.services.core.context import ServiceContext
    from dossier_app.services.register.register import RegisterService

_INPUTS = {
    "landparcel": ParcelInput,
    "asset": AssetInput,
    "compensationline": CompensationInput,
    "resettlement": ResettlementInput,
}


class HouseholdConflict(ChangeRefused):
    """The same fields of a household changed differently on the server and on the desktop since they shared it."""

    template = QT_TRANSLATE_NOOP(
        "Errors",
        "Household {code}: the fields {fields} were changed differently on the server; sync again and pick a value.",
    )


def party_input(household: Mapping[str, Any]) -> PartyInput:
    """A household's record as the register service's input; ValueError naming the field of the wrong kind."""
    tables = synced_tables()
    party = tables[PARTY]
    own = {
        spec.name: stored(party.c[spec.name], household.get(spec.name), spec.name)
        for spec in dataclass_fields(PartyInput)
        if spec.name in party.c
    }
    children: dict[str, Any] = {}
    for table_name, key in CHILDREN.items():
        table, made = tables[table_name], _INPUTS[table_name]
        value = household.get(key)
        rows = ([] if value is None else [value]) if key == "resettlement" else list(value or [])
        built = [
            made(
                **{
                    spec.name: stored(table.c[spec.name], row.get(spec.name), f"{key}.{spec.name}")
                    for spec in dataclass_fields(made)
                }
            )
            for row in rows
        ]
        children[key] = (built[0] if built else None) if key == "resettlement" else tuple(built)
    return PartyInput(**own, **children)


class RegisterPush:
    """Applies pushed households through the register service (never by writing rows)."""

    def __init__(self, context: "ServiceContext", register: "RegisterService") -> None:
        self._context, self._register = context, register

    def household(self, uid: str, fields: Mapping[str, Any], change: Mapping[str, Any]) -> Outcome:
        """One pushed household: added, merged and updated, deleted, or refused with why."""
        base = change.get("base")
        if base is not None and not isinstance(base, dict):
            raise _malformed("base")
        try:
            theirs_base = normalized(base) if base is not None else None
        except ValueError as error:
            raise _malformed(f"base.{error}") from error
        current_id, current = self._current(uid)
        if fields.get("deleted") is True:
            if current_id is None:
                return Outcome.ALREADY
            if theirs_base is not None and current != theirs_base:
                raise ChangeRefused(
                    QT_TRANSLATE_NOOP(
                        "Errors", "Household {code} was changed on the server since; it is kept, not deleted."
                    ),
                    code=str((current or {}).get("code", "")),
                )
            self._register.delete_party(current_id)
            return Outcome.APPLIED
        try:
            ours = normalized(fields)
        except ValueError as error:
            raise _malformed(str(error)) from error
        if current_id is None:
            project_id = self._project_id(ours.get("project"))
            self._checked(ours, lambda data: self._register.add_party(project_id, data, uid=uid))
            return Outcome.APPLIED
        assert current is not None
        if current == ours:
            return Outcome.UNCHANGED
        if ours.get("project") != current.get("project"):
            raise _malformed("project")
        merged = merge_rows(theirs_base or {}, ours, current)
        if merged.conflicts:
            raise HouseholdConflict(
                code=str(current.get("code", "")), fields=", ".join(c.field for c in merged.conflicts)
            )
        row = merged.row or ours
        if row == current:
            return Outcome.UNCHANGED
        self._checked(row, lambda data: self._register.update_party(current_id, data))
        return Outcome.APPLIED

    def _checked(self, household: Record, write: Any) -> None:
        """The register service's write; its refusal of a field named in the answer."""
        try:
            data = party_input(household)
        except ValueError as error:
            raise _malformed(str(error)) from error
        try:
            write(data)
        except ValidationFailed as error:
            raise ChangeRefused(
                QT_TRANSLATE_NOOP("Errors", "Household {code}: the field '{field}' was refused: {reason}"),
                code=str(household.get("code", "")),
                field=error.field,
                reason=error.message,
            ) from error

    def _current(self, uid: str) -> tuple[int | None, Record | None]:
        party = synced_tables()[PARTY]
        with self._context.database.begin() as session:
            found = session.connection().execute(core_select(party.c.id).where(party.c.uid == uid)).scalar()
            if found is None:
                return None, None
            return int(found), local_records(session, [int(found)])[int(found)][1]

    def _project_id(self, project_uid: Any) -> int:
        return named_row(self._context, "project", project_uid, "project")
