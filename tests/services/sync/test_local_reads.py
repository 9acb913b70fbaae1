"""The replica's reads over many sections at once: each section's shared head is its shared revision of the highest
number (a revision made here and not yet shared is not it), sections are named as the command line names them, and
texts and ids come for many rows at once."""

from sqlmodel import col, select

from dossier_app.domain.models import Section, SectionRevision, SyncShadow
from dossier_app.services import Services
from dossier_app.services.sync.local_reads import (
    revision_bodies,
    revision_ids,
    section_bodies,
    section_labels,
    shared_heads,
)


def _written(services: Services, count: int) -> list[Section]:
    with services.database.begin() as session:
        ids = session.exec(select(SectionRevision.section_id).distinct()).all()
        return list(session.exec(select(Section).where(col(Section.id).in_(ids)).order_by(col(Section.id))).all())[
            :count
        ]


def _share(services: Services, revision_uids: list[str]) -> None:
    with services.database.begin() as session:
        for uid in revision_uids:
            session.add(SyncShadow(uid=uid, table_name="sectionrevision", fields=""))


def _revisions(services: Services, section_id: int) -> list[tuple[int, str]]:
    with services.database.begin() as session:
        rows = session.exec(
            select(SectionRevision.id, SectionRevision.uid)
            .where(SectionRevision.section_id == section_id)
            .order_by(col(SectionRevision.number))
        ).all()
        return [(int(rid or 0), str(uid)) for rid, uid in rows]


def test_each_head_is_the_highest_shared_revision_and_local_ones_are_not(demo_services: Services) -> None:
    first, second, unshared = _written(demo_services, 3)
    for section in (first, second):
        demo_services.dossiers.save_body(section.id or 0, section.body + "\n\nĐoạn thứ hai.")
        demo_services.dossiers.save_body(section.id or 0, section.body + "\n\nĐoạn thứ ba.")
    one, two = _revisions(demo_services, first.id or 0), _revisions(demo_services, second.id or 0)
    _share(demo_services, [uid for _id, uid in one[:-1]] + [uid for _id, uid in two])  # first's last is local
    with demo_services.database.begin() as session:
        heads = shared_heads(session, [first.id or 0, second.id or 0, unshared.id or 0])
    assert heads == {first.id: one[-2], second.id: two[-1]}  # nothing of `unshared` is shared


def test_sections_are_named_as_the_replica_names_one(demo_services: Services) -> None:
    sections = _written(demo_services, 5)
    with demo_services.database.begin() as session:
        labels = section_labels(session, [section.id or 0 for section in sections] + [999_999])
    assert labels[999_999] == "#999999"
    for section in sections:
        assert labels[section.id or 0] == demo_services.replica._label(section.id or 0)
        assert labels[section.id or 0].startswith("CT-")


def test_texts_and_ids_are_read_for_many_at_once(demo_services: Services) -> None:
    sections = _written(demo_services, 3)
    revisions = [revision for section in sections for revision in _revisions(demo_services, section.id or 0)]
    with demo_services.database.begin() as session:
        bodies = revision_bodies(session, [revision_id for revision_id, _uid in revisions])
        texts = section_bodies(session, [section.id or 0 for section in sections] + [999_999])
        ids = revision_ids(session, [uid for _id, uid in revisions] + ["không-có-ở-đây"])
        for revision_id, uid in revisions:
            stored = session.get(SectionRevision, revision_id)
            assert stored is not None and bodies[revision_id] == stored.body and ids[uid] == revision_id
    assert texts == {section.id: section.body for section in sections}  # a section not here is absent
    assert "không-có-ở-đây" not in ids
