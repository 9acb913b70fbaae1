"""SIGKILL in the middle of a stream of saves, twenty times: the database stays sound and keeps every
save that was acknowledged (an acknowledgement is printed only after the commit returned)."""

import os
import random
import signal
import sqlite3
import time

from sqlalchemy import text
from sqlalchemy.engine import make_url

from dossier_app.services import Services
from dossier_app.services.dossier.projects import ProjectView
from tests.services.section_writer import crash, start_writer
from tests.services.support import section_by_key

TRIALS = 20


def stored_revisions(services: Services, section_id: int) -> dict[int, str]:
    """Revision number → content hash, straight from the table."""
    with services.database.engine.connect() as connection:
        rows = connection.execute(
            text("SELECT number, content_hash FROM sectionrevision WHERE section_id = :id"), {"id": section_id}
        ).all()
    return {int(number): str(digest) for number, digest in rows}


def integrity(url: str) -> str:
    """PRAGMA integrity_check through a plain sqlite3 connection ("ok" when sound)."""
    connection = sqlite3.connect(str(make_url(url).database))
    try:
        return str(connection.execute("PRAGMA integrity_check").fetchone()[0])
    finally:
        connection.close()


def test_killed_writer_loses_no_acknowledged_save(services: Services, itp: ProjectView, db_url: str) -> None:
    section_id = section_by_key(services, itp.id, "da.7_ban_do_quy_hoach").id
    rng = random.Random()
    acknowledged: dict[int, str] = {}
    survived = 0
    for _trial in range(TRIALS):
        child, acks = start_writer(crash, db_url, section_id)
        first = acks.readline()  # the writer is up and has committed at least once
        assert first.startswith("ACK"), first
        time.sleep(rng.uniform(0.0, 0.3))
        assert child.pid is not None
        os.kill(child.pid, signal.SIGKILL)
        child.join()
        lines = [first, *acks.read().splitlines()]  # what was acknowledged before the kill is still in the pipe
        acks.close()
        for line in lines:
            if line.startswith("ACK"):
                _, number, digest = line.split()
                acknowledged[int(number)] = digest
        if db_url.startswith("sqlite"):
            assert integrity(db_url) == "ok"
        stored = stored_revisions(services, section_id)
        missing = {n: d for n, d in acknowledged.items() if stored.get(n) != d}
        assert not missing, f"acknowledged saves lost: {missing}"
        # the section's text is its newest revision's text: no half-written save
        section = services.dossiers.section(section_id)
        newest = services.dossiers.revisions(section_id)[0]
        assert section.version >= newest.number and newest.content_hash == stored[max(stored)]
        survived += 1
    print(
        f"\ncrash safety ({make_url(db_url).get_backend_name()}): {TRIALS} kills, {survived} survived, "
        f"{len(acknowledged)} acknowledged saves all present"
    )
    assert survived == TRIALS
