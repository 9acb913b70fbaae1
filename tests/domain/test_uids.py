"""Global ids made in bulk are the version-4 UUIDs uuid4 makes, and distinct."""

import uuid

from dossier_app.domain.models import new_uid, new_uids


def test_bulk_uids_are_distinct_version_4_uuids_in_canonical_form() -> None:
    made = new_uids(20_000)
    assert len(made) == 20_000 and len(set(made)) == 20_000
    for value in made:
        parsed = uuid.UUID(value)
        assert str(parsed) == value and parsed.version == 4 and parsed.variant == uuid.RFC_4122
    assert new_uids(0) == [] and uuid.UUID(new_uid()).version == 4
