"""Closed vocabularies of the dossier: park kinds and document kinds."""

from enum import StrEnum


class ParkKind(StrEnum):
    """What kind of park a project establishes; decides the default legal regime."""

    HIGH_TECH = "high_tech"
    IT_PARK = "it_park"


class DocumentKind(StrEnum):
    """The documents of a dossier, in the order they are filed."""

    TO_TRINH = "to_trinh"
    DE_AN = "de_an"


class SectionStatus(StrEnum):
    """What the navigator shows for a section before review states exist."""

    EMPTY = "empty"
    WRITTEN = "written"


class SectionState(StrEnum):
    """Where a section stands in review."""

    DRAFT = "draft"
    SUBMITTED = "submitted"
    APPROVED = "approved"
    CHANGES_REQUESTED = "changes_requested"


class Role(StrEnum):
    """What a person may do; one person may hold several roles."""

    OFFICER = "officer"
    MANAGER = "manager"
    CLERK = "clerk"
    ADMIN = "admin"
