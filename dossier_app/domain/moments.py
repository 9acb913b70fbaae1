"""Moments are stored in UTC and shown in local time; these two helpers keep them so."""

from datetime import UTC, datetime, timedelta, timezone

VIETNAM_TIME = timezone(timedelta(hours=7), "ICT")  # Vietnam keeps UTC+7 all year


def utc_now() -> datetime:
    """Events are stored in UTC and shown in local time."""
    return datetime.now(UTC)


def as_utc(moment: datetime) -> datetime:
    """SQLite hands back naive datetimes; every stored moment is UTC."""
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)
