"""Projects, their documents and sections, revisions, attachments and stored files, section comments."""

from datetime import datetime
from decimal import Decimal

from sqlalchemy import BigInteger, Column, DateTime, LargeBinary, Numeric, Text, UniqueConstraint
from sqlmodel import Field, SQLModel

from dossier_app.domain.enums import SectionState
from dossier_app.domain.models.columns import SyncedRow, moment_field, revision_ref_field
from dossier_app.domain.organ_codes import GOVERNMENT_OFFICE


class Project(SyncedRow, table=True):
    """A park to establish: the facts every document of its dossier quotes."""

    id: int | None = Field(default=None, primary_key=True)
    code: str = Field(max_length=32, unique=True, index=True)
    name: str = Field(max_length=300)
    kind: str = Field(max_length=20)
    regime_key: str = Field(max_length=40)
    location: str = Field(default="", max_length=300)
    ward: str = Field(default="", max_length=120)
    area_ha: Decimal | None = Field(default=None, sa_column=Column(Numeric(14, 4), nullable=True))
    investor: str = Field(default="", max_length=300)
    total_investment_vnd: int | None = Field(default=None, sa_column=Column(BigInteger, nullable=True))
    governing_body: str = Field(default="", max_length=200)
    issuing_body: str = Field(default="", max_length=200)
    signer_title: str = Field(default="", max_length=200)
    signer_name: str = Field(default="", max_length=120)
    # Electronic identification codes (Decision 20/2020/QĐ-TTg) of who sends the dossier and who receives it, as the
    # national document exchange's edXML messages name them; see domain/organ_codes.py.
    sender_organ_code: str = Field(default="", max_length=13)
    recipient_organ_code: str = Field(default=GOVERNMENT_OFFICE, max_length=13)
    created_at: datetime = moment_field()
    updated_at: datetime = moment_field()
    updated_by: str = Field(default="", max_length=120)


class Document(SyncedRow, table=True):
    """One document of a project's dossier (Tờ trình, Đề án), built from its regime's outline."""

    __table_args__ = (UniqueConstraint("project_id", "kind"),)

    id: int | None = Field(default=None, primary_key=True)
    project_id: int = Field(foreign_key="project.id", index=True, ondelete="CASCADE")
    kind: str = Field(max_length=20)
    title: str = Field(max_length=300)
    position: int = 0


class Section(SyncedRow, table=True):
    """A node of a document's outline and the Markdown body written for it."""

    id: int | None = Field(default=None, primary_key=True)
    document_id: int = Field(foreign_key="document.id", index=True, ondelete="CASCADE")
    parent_id: int | None = Field(default=None, foreign_key="section.id", index=True, ondelete="CASCADE")
    outline_key: str | None = Field(default=None, max_length=80)
    title: str = Field(max_length=300)
    required: bool = False
    position: int = 0
    body: str = Field(default="", sa_column=Column(Text, nullable=False, default=""))
    plain_text: str = Field(default="", sa_column=Column(Text, nullable=False, default=""))
    search_text: str = Field(default="", sa_column=Column(Text, nullable=False, default=""))
    word_count: int = 0
    version: int = 0
    deleted_at: datetime | None = Field(default=None, sa_type=DateTime(timezone=True))
    updated_at: datetime = moment_field()
    updated_by: str = Field(default="", max_length=120)
    # Review (see domain/lifecycle.py): the state, the revision last submitted and the one approved.
    state: str = Field(default=SectionState.DRAFT.value, max_length=20, index=True)
    submitted_revision_id: int | None = revision_ref_field()
    submitted_at: datetime | None = Field(default=None, sa_type=DateTime(timezone=True))
    submitted_by: str = Field(default="", max_length=120)
    approved_revision_id: int | None = revision_ref_field()
    approved_hash: str = Field(default="", max_length=64)
    approved_at: datetime | None = Field(default=None, sa_type=DateTime(timezone=True))
    approved_by: str = Field(default="", max_length=120)
    changed_since_approval: bool = False


class SectionRevision(SyncedRow, table=True):
    """An immutable copy of a section's body as saved; history is only ever appended to."""

    id: int | None = Field(default=None, primary_key=True)
    section_id: int = Field(foreign_key="section.id", index=True, ondelete="CASCADE")
    number: int
    body: str = Field(sa_column=Column(Text, nullable=False))
    content_hash: str = Field(max_length=64)
    word_count: int = 0
    author: str = Field(max_length=120)
    created_at: datetime = moment_field()
    restored_from: int | None = None


class Attachment(SyncedRow, table=True):
    """A file filed with a section; its bytes live in the content-addressed store under `sha256`."""

    id: int | None = Field(default=None, primary_key=True)
    section_id: int = Field(foreign_key="section.id", index=True, ondelete="CASCADE")
    name: str = Field(max_length=255)
    size: int = Field(sa_column=Column(BigInteger, nullable=False))
    sha256: str = Field(max_length=64, index=True)
    added_by: str = Field(max_length=120)
    added_at: datetime = moment_field()
    kind: str = Field(default="", max_length=30, index=True)  # readiness.AttachmentKind: "map", "eia_decision"


class StoredBlob(SQLModel, table=True):
    """An attachment's bytes kept in the database itself (server mode: the desktops share no folder); complete
    once this row exists, its chunks written in the same transaction."""

    sha256: str = Field(max_length=64, primary_key=True)
    size: int = Field(sa_column=Column(BigInteger, nullable=False))
    chunks: int


class StoredBlobChunk(SQLModel, table=True):
    """One piece (at most 1 MB) of a stored blob, so neither side holds a whole large file in one value."""

    sha256: str = Field(max_length=64, primary_key=True)
    seq: int = Field(primary_key=True)
    data: bytes = Field(sa_column=Column(LargeBinary, nullable=False))


class SectionComment(SyncedRow, table=True):
    """A comment in a section's thread (`kind` comment), or the one it was returned with (`kind` return)."""

    id: int | None = Field(default=None, primary_key=True)
    section_id: int = Field(foreign_key="section.id", index=True, ondelete="CASCADE")
    author: str = Field(max_length=120)
    body: str = Field(sa_column=Column(Text, nullable=False))
    quote: str = Field(default="", sa_column=Column(Text, nullable=False, default=""))
    kind: str = Field(default="comment", max_length=20)
    created_at: datetime = moment_field()
    resolved_at: datetime | None = Field(default=None, sa_type=DateTime(timezone=True))
    resolved_by: str = Field(default="", max_length=120)
