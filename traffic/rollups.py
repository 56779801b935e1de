"""Token histograms for the report's medians, and the hour arithmetic of the rollup queries.

The rollup tables themselves live in :mod:`traffic.schema` (one ``MetaData``); this module holds what does not
need the database: the histogram bins, identical in Python (:func:`token_bin`, used by ``record()``) and in SQL
(:func:`token_bin_sql`, used by the backfill), the median of merged histograms, and the split of a time range
into whole units (hours for the distribution; hours, days, weeks and 4-week units for the report, answered
from the rollups) and the partial hours at its ends (answered from the events).

Bins: every integer below 1024 is its own bin, so medians of small counts are exact; above, each power of two is
cut into 128 bins (``v >> (e - 7)`` for ``2**e <= v < 2**(e + 1)``), a width of at most 1/128 (0.8 %) of the
value. Integer arithmetic only, so that Python and every database put a value in the same bin.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import case, literal
from sqlalchemy.sql.elements import ColumnElement

from traffic.timeutil import EPOCH

EXACT_BELOW = 1024
_SUB_BITS = 7  # 128 bins per power of two above EXACT_BELOW
_FIRST_EXPONENT = EXACT_BELOW.bit_length() - 1  # 10
_LAST_EXPONENT = 62  # SQLite rows of older versions may hold any int64


def token_bin(value: int) -> int:
    """The histogram bin of a token count (a non-negative integer)."""
    if value < EXACT_BELOW:
        return value
    exponent = value.bit_length() - 1
    sub = value >> (exponent - _SUB_BITS)
    return EXACT_BELOW + ((exponent - _FIRST_EXPONENT) << _SUB_BITS) + sub - (1 << _SUB_BITS)


def token_bin_sql(value: ColumnElement[Any]) -> ColumnElement[Any]:
    """:func:`token_bin` as a SQL expression (a CASE over the powers of two; integer division truncates,
    which is the floor for the non-negative counts stored)."""
    whens = []
    for exponent in range(_FIRST_EXPONENT, _LAST_EXPONENT):
        offset = EXACT_BELOW + ((exponent - _FIRST_EXPONENT) << _SUB_BITS) - (1 << _SUB_BITS)
        whens.append((value < literal(2 ** (exponent + 1)), offset + value // literal(2 ** (exponent - _SUB_BITS))))
    last = EXACT_BELOW + ((_LAST_EXPONENT - _FIRST_EXPONENT) << _SUB_BITS) - (1 << _SUB_BITS)
    return case(
        (value < literal(EXACT_BELOW), value),
        *whens,
        else_=last + value // literal(2 ** (_LAST_EXPONENT - _SUB_BITS)),
    )


def medians(rows: Iterable[tuple[Any, int, int, int, int]]) -> list[tuple[Any, float]]:
    """``(key, median)`` per key from ``(key, bin, count, low, high)`` rows (a key may repeat a bin).

    A key's median is its middle value (odd count) or the mean of its two middle values (even count), as pandas
    has it; each middle value is exact where it is the first or last of its bin (so below :data:`EXACT_BELOW`),
    the middle of the bin's range otherwise, within 0.8 %. The rows are merged per (key, bin) and ranked with
    numpy, since a Python histogram per key took most of a report's median time over the ~15k bins of a long
    range."""
    import numpy as np

    ids: dict[Any, int] = {}
    flat: list[int] = []
    for key, bin_number, count, low, high in rows:
        flat += (ids.setdefault(key, len(ids)), int(bin_number), int(count), int(low), int(high))
    if not flat:
        return []
    key_id, bins, count, low, high = np.array(flat, dtype=np.int64).reshape(-1, 5).T
    order = np.lexsort((bins, key_id))
    key_id, bins, count, low, high = key_id[order], bins[order], count[order], low[order], high[order]
    cells = np.flatnonzero(np.r_[True, (key_id[1:] != key_id[:-1]) | (bins[1:] != bins[:-1])])
    key_id = key_id[cells]
    count = np.add.reduceat(count, cells)
    low, high = np.minimum.reduceat(low, cells), np.maximum.reduceat(high, cells)
    keep = count > 0
    groups, values = sorted_medians(key_id[keep], count[keep], low[keep], high[keep])
    keys = list(ids)
    return [(keys[k], v) for k, v in zip(key_id[keep][groups].tolist(), values.tolist(), strict=True)]


def middle_rows(group: Any, count: Any, ranks: tuple[Any, Any] | None = None) -> tuple[Any, list[tuple[Any, Any, Any]]]:
    """Where each group's two middle values lie, for int64 arrays sorted by group (then bin), with no empty bin.

    Returns the index of each group's first row and, for its lower and then its upper middle rank, the rank,
    the row that holds it and the group's values before that row. ``ranks`` gives the two ranks (1-based,
    counted from the group's first row) when its rows are only a part of its histogram; by default they are
    the middle of all its values.
    """
    import numpy as np

    groups = np.flatnonzero(np.r_[True, group[1:] != group[:-1]])
    cumulative = np.cumsum(count)
    before = cumulative[groups] - count[groups]  # the values of the earlier groups
    if ranks is None:
        totals = np.add.reduceat(count, groups)
        ranks = ((totals + 1) // 2, (totals + 2) // 2)
    found = []
    for rank in ranks:
        row = np.searchsorted(cumulative, before + rank, side="left")
        found.append((rank, row, cumulative[row] - count[row] - before))
    return groups, found


def sorted_medians(
    group: Any, count: Any, low: Any, high: Any, ranks: tuple[Any, Any] | None = None
) -> tuple[Any, Any]:
    """The median of each group of bins, for int64 arrays sorted by group, then bin, with no empty bin.

    Returns the index of each group's first bin and its median (the mean of the two middle values, each the
    bin's smallest value at its first rank, its largest at its last, the middle of its range between), all
    groups at once with running sums; ``ranks`` as for :func:`middle_rows`.
    """
    import numpy as np

    groups, found = middle_rows(group, count, ranks)
    middle = []
    for rank, i, seen in found:
        inside = low[i] * 0.5 + high[i] * 0.5
        middle.append(np.where(rank == seen + 1, low[i], np.where(rank == seen + count[i], high[i], inside)))
    return groups, (middle[0].astype(float) + middle[1].astype(float)) / 2


def hour_number(ts: datetime) -> int:
    """The hour of ``ts`` (aware, UTC) since the epoch, rounded down."""
    delta = ts - EPOCH
    return (delta.days * 86400 + delta.seconds) // 3600


def hour_start(number: int) -> datetime:
    """The UTC start of hour ``number``."""
    return EPOCH + timedelta(hours=number)


def split_range(
    since: datetime | None, until: datetime | None
) -> tuple[tuple[int | None, int | None] | None, list[tuple[datetime | None, datetime | None]]]:
    """Split [since, until) into whole hours and the partial hours at the ends.

    Returns ``(hours, raw)``: ``hours`` is ``(first, end)``, the hour numbers ``first <= h < end`` that lie
    wholly inside the range (None for an open end), or None when no whole hour does; ``raw`` is the list of
    sub-ranges, at most two, to read from the events themselves.
    """
    first = None
    if since is not None:
        first = hour_number(since)
        if hour_start(first) != since:
            first += 1
    end = hour_number(until) if until is not None else None
    if first is not None and end is not None and first >= end:
        return None, [(since, until)]
    raw: list[tuple[datetime | None, datetime | None]] = []
    if since is not None and first is not None and hour_start(first) != since:
        raw.append((since, hour_start(first)))
    if until is not None and end is not None and hour_start(end) != until:
        raw.append((hour_start(end), until))
    return (first, end), raw


# Levels of the report's rollups, finest first: a unit of each is a whole number of units of the one before
# (weeks start on Monday, as ts_week does; a 4-week unit is four of those weeks).
HOUR, DAY, WEEK, FOUR_WEEKS = 0, 1, 2, 3
LEVELS = (HOUR, DAY, WEEK, FOUR_WEEKS)
_WEEK_OFFSET_DAYS = 3  # as traffic.timeutil: 1970-01-01 was a Thursday


def units(ts_hour: int) -> tuple[int, int, int, int]:
    """The hour, day, week and 4-week numbers of an hour (floor division, right before 1970 too)."""
    day = ts_hour // 24
    week = (day + _WEEK_OFFSET_DAYS) // 7
    return ts_hour, day, week, week // 4


def unit_start(level: int, number: int) -> datetime:
    """The UTC start of unit ``number`` of ``level``."""
    if level == HOUR:
        return hour_start(number)
    if level == DAY:
        return EPOCH + timedelta(days=number)
    weeks = number if level == WEEK else number * 4
    return EPOCH + timedelta(days=weeks * 7 - _WEEK_OFFSET_DAYS)


def unit_of(level: int, ts: datetime) -> int:
    """The unit of ``level`` that ``ts`` falls in."""
    return units(hour_number(ts))[level]


def bucket_of(level: int, number: int, bucket: str) -> int:
    """The ``bucket`` (hour, day or week) number of a unit no longer than that bucket."""
    first_hour = hour_number(unit_start(level, number))
    hour, day, week, _ = units(first_hour)
    return {"hour": hour, "day": day, "week": week}[bucket]


def decompose(
    since: datetime | None, until: datetime | None, levels: tuple[int, ...]
) -> tuple[list[tuple[int, int | None, int | None]], list[tuple[datetime | None, datetime | None]]]:
    """Cover [since, until) with whole units, coarsest first, and the partial hours left at the ends.

    ``levels`` are the levels allowed, finest first (the finest must be HOUR). Returns ``(ranges, raw)``:
    ``ranges`` holds ``(level, first, end)``, units ``first <= u < end`` of that level (None: open end);
    ``raw`` the sub-ranges to read from the events.
    """
    ranges: list[tuple[int, int | None, int | None]] = []
    raw: list[tuple[datetime | None, datetime | None]] = []

    def cover(low: datetime | None, high: datetime | None, allowed: tuple[int, ...]) -> None:
        if low is not None and high is not None and low >= high:
            return
        if not allowed:
            raw.append((low, high))
            return
        level, finer = allowed[-1], allowed[:-1]
        first = None
        if low is not None:
            first = unit_of(level, low)
            if unit_start(level, first) != low:
                first += 1
        end = unit_of(level, high) if high is not None else None
        if first is not None and end is not None and first >= end:
            cover(low, high, finer)
            return
        ranges.append((level, first, end))
        if low is not None and first is not None:
            cover(low, unit_start(level, first), finer)
        if high is not None and end is not None:
            cover(unit_start(level, end), high, finer)

    cover(since, until, levels)
    return ranges, raw


def floor_div_sql(value: ColumnElement[Any], divisor: int) -> ColumnElement[Any]:
    """``value // divisor`` in SQL with Python's floor for negative values (SQL's ``/`` truncates)."""
    return (value - ((value % divisor) + divisor) % divisor) // literal(divisor)
