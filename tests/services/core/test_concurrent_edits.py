"""Two processes edit the same section a hundred times each: every save is stored or refused, none lost."""

import itertools

from sqlalchemy import text
from sqlalchemy.engine import make_url

from dossier_app.domain.text import content_hash
from dossier_app.services import Services
from dossier_app.services.dossier.projects import ProjectView
from tests.services.section_writer import barrier, race, start_writer
from tests.services.support import section_by_key

EDITS = 100


def test_racing_editors_lose_no_update(services: Services, itp: ProjectView, db_url: str) -> None:
    section_id = section_by_key(services, itp.id, "da.7_ban_do_quy_hoach").id
    start = barrier()
    writers = [start_writer(race, db_url, section_id, EDITS, tag, start) for tag in ("alpha", "beta")]
    start.set()
    outcomes: list[str] = []
    for process, lines in writers:
        outcomes.extend(lines.read().splitlines())
        lines.close()
        process.join(timeout=120)
        assert process.exitcode == 0
    assert outcomes.count("DONE") == 2
    stored = [line.split() for line in outcomes if line.startswith("STORED")]
    stale = outcomes.count("STALE")
    busy = outcomes.count("BUSY")
    assert len(stored) + stale + busy == 2 * EDITS
    with services.database.engine.connect() as connection:
        history = connection.execute(
            text("SELECT number, content_hash, body FROM sectionrevision WHERE section_id = :id ORDER BY number"),
            {"id": section_id},
        ).all()
    # every acknowledged save is in the history under the number it was given, and nothing else is
    assert sorted((int(n), d) for _, n, d in stored) == [(int(n), str(d)) for n, d, _ in history]
    assert [int(n) for n, _, _ in history] == list(range(1, len(history) + 1))
    # each revision was written from the one before it: it contains its predecessor's whole text
    for (_, _, before), (_, _, after) in itertools.pairwise(history):
        assert str(after).startswith(str(before).rstrip("\n"))
    section = services.dossiers.section(section_id)
    assert content_hash(section.body) == history[-1][1]
    assert stale > 0, "the two writers never collided: the race was not exercised"
    print(
        f"\nconcurrency ({make_url(db_url).get_backend_name()}): {2 * EDITS} saves tried, {len(stored)} stored, "
        f"{stale} refused as stale, {busy} busy, 0 lost"
    )
