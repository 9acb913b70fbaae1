"""Closed vocabularies: park kinds, document kinds, roles and the actions the audit trail records."""

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


class CommentKind(StrEnum):
    """A remark in a section's thread, or the comment a manager returned the section with."""

    COMMENT = "comment"
    RETURN = "return"


class Role(StrEnum):
    """What a person may do; one person may hold several roles."""

    OFFICER = "officer"
    MANAGER = "manager"
    CLERK = "clerk"
    ADMIN = "admin"


class AuditAction(StrEnum):
    """The kinds of change the audit trail records, as the viewer filters them."""

    PROJECT_CREATE = "project.create"
    PROJECT_UPDATE = "project.update"
    SECTION_SAVE = "section.save"
    SECTION_RESTORE = "section.restore"
    SECTION_ADD = "section.add"
    SECTION_RENAME = "section.rename"
    SECTION_MOVE = "section.move"
    SECTION_DELETE = "section.delete"
    SECTION_UNDELETE = "section.undelete"
    SECTION_SUBMIT = "section.submit"
    SECTION_APPROVE = "section.approve"
    SECTION_RETURN = "section.return"
    COMMENT_ADD = "comment.add"
    COMMENT_RESOLVE = "comment.resolve"
    COMMENT_REOPEN = "comment.reopen"
    ATTACHMENT_ADD = "attachment.add"
    ATTACHMENT_REMOVE = "attachment.remove"
    ACCOUNT_ADD = "account.add"
    ACCOUNT_DISABLE = "account.disable"
    ACCOUNT_ENABLE = "account.enable"
    ACCOUNT_PASSWORD = "account.password"
    ACCOUNT_ROLES = "account.roles"
    ACCOUNT_LOCK = "account.lock"
    SESSION_SIGN_IN = "session.sign_in"
    SESSION_SIGN_OUT = "session.sign_out"
    DEMO_LOAD = "demo.load"
    PARTY_ADD = "party.add"
    PARTY_UPDATE = "party.update"
    PARTY_DELETE = "party.delete"
    REGISTER_IMPORT = "register.import"
    CATALOGUE_ADD = "catalogue.add"
    CATALOGUE_UPDATE = "catalogue.update"
    CATALOGUE_REMOVE = "catalogue.remove"
    FACTS_UPDATE = "facts.update"
    CONDITION_UPDATE = "condition.update"
    ATTACHMENT_KIND = "attachment.kind"
    REGISTER_COMMENT_ADD = "register_comment.add"
    REGISTER_COMMENT_UPDATE = "register_comment.update"
    REGISTER_COMMENT_DELETE = "register_comment.delete"
    PACKAGE_EXPORT = "package.export"
    PROJECT_REGIME = "project.regime"
    CONSULTATION_ADD = "consultation.add"
    CONSULTATION_UPDATE = "consultation.update"
    CONSULTATION_REMOVE = "consultation.remove"
    REVIEW_SUBMITTED = "review.submitted"
    HOLIDAY_ADD = "holiday.add"
    HOLIDAY_REMOVE = "holiday.remove"
    HOLIDAY_CHANGE = "holiday.change"
    PLAN_UPDATE = "plan.update"
    MILESTONE_ADD = "milestone.add"
    MILESTONE_UPDATE = "milestone.update"
    MILESTONE_MOVE = "milestone.move"
    MILESTONE_REMOVE = "milestone.remove"
    BASELINE_TAKE = "baseline.take"
    DATABASE_RESTORE = "database.restore"
    NUMBER_SET = "number.set"
