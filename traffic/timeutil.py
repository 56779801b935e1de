"""Time buckets and time windows, shared by the store, the report, the dashboard and the CLI.

Buckets are UTC hours, days and weeks starting on Monday. A naive datetime
means UTC everywhere.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from classifier.errors import InputError

EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
# 1970-01-01 was a Thursday: shifting days by 3 makes week numbers start on Monday.
_WEEK_OFFSET_DAYS = 3
BUCKETS = ("hour", "day", "week")
BUCKET_TITLES = {"hour": "Hour (UTC)", "day": "Day (UTC)", "week": "Week starting (UTC)"}


def as_utc(value: datetime | None) -> datetime | None:
    """``value`` as an aware UTC datetime; a naive one is taken to be UTC."""
    if value is None:
        return None
    return value.astimezone(UTC) if value.tzinfo else value.replace(tzinfo=UTC)


def iso(value: Any) -> str | None:
    """``value`` (a datetime or pandas Timestamp) as ``YYYY-MM-DDTHH:MM:SSZ`` in UTC; None stays None."""
    if value is None:
        return None
    return as_utc(value).strftime("%Y-%m-%dT%H:%M:%SZ")  # type: ignore[union-attr]


def check_window(
    since: datetime | None, until: datetime | None, prefix: str = ""
) -> tuple[datetime | None, datetime | None]:
    """Both ends in UTC; :class:`InputError` (field ``since``) unless ``since`` is earlier than ``until``.

    ``prefix`` is put before the field names in the message (``--`` for the CLI).
    """
    since, until = as_utc(since), as_utc(until)
    if since is not None and until is not None and since >= until:
        raise InputError(f"{prefix}since must be earlier than {prefix}until", field="since")
    return since, until


def check_bucket(bucket: str) -> str:
    """``bucket`` when it is a known bucket kind; :class:`InputError` (field ``bucket``) otherwise."""
    if bucket not in BUCKETS:
        raise InputError(f"bucket must be one of {', '.join(BUCKETS)} (got {bucket!r})", field="bucket")
    return bucket


def time_buckets(ts: datetime) -> dict[str, int]:
    """Integer hour, day and week numbers of ``ts`` since the epoch (UTC)."""
    ts = ts if ts.tzinfo else ts.replace(tzinfo=UTC)
    seconds = int((ts - EPOCH).total_seconds())
    day = seconds // 86400
    return {"ts_hour": seconds // 3600, "ts_day": day, "ts_week": (day + _WEEK_OFFSET_DAYS) // 7}


def bucket_start(bucket: str, number: int) -> datetime:
    """The UTC start of bucket ``number`` of kind ``bucket``."""
    if bucket == "hour":
        return EPOCH + timedelta(hours=number)
    if bucket == "day":
        return EPOCH + timedelta(days=number)
    return EPOCH + timedelta(days=number * 7 - _WEEK_OFFSET_DAYS)
