"""What a filter box or search field asks for, as the vault answers it.

People filter their rows by words, by a pasted link or video id, and by a date as they see it
(``2025-03-01`` or ``2025-03``, a day or month in *their* time zone). ``parse_filter`` turns
such text into a ``RecordFilter``: the words go to the full-text index (a link becomes the id in
it, which is what the index holds for links), a date becomes a period of UTC time.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta, tzinfo
from typing import Final

_ID_RE: Final = re.compile(r"\d{15,}")
_ISO_DAY: Final = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
_ISO_MONTH: Final = re.compile(r"(\d{4})-(\d{1,2})")


@dataclass(frozen=True, slots=True)
class RecordFilter:
    """Words for the full-text index and an optional period ``[since, until)`` in UTC."""

    text: str | None = None
    since: datetime | None = None
    until: datetime | None = None

    @property
    def empty(self) -> bool:
        return not self.text and self.since is None and self.until is None


def link_words(word: str) -> str:
    """A pasted link as the index knows it: the ids in it (``…/video/7000…/`` → the id)."""
    if "://" in word:
        ids = _ID_RE.findall(word)
        if ids:
            return " ".join(ids)
    return word


def _day_start(day: date, tz: tzinfo) -> datetime:
    return datetime(day.year, day.month, day.day, tzinfo=tz).astimezone(UTC)


def _period(word: str, tz: tzinfo) -> tuple[datetime, datetime] | None:
    try:
        m = _ISO_DAY.fullmatch(word)
        if m:
            day = date(int(m[1]), int(m[2]), int(m[3]))
            return _day_start(day, tz), _day_start(day + timedelta(days=1), tz)
        m = _ISO_MONTH.fullmatch(word)
        if m:
            first = date(int(m[1]), int(m[2]), 1)
            nxt = date(first.year + first.month // 12, first.month % 12 + 1, 1)
            return _day_start(first, tz), _day_start(nxt, tz)
    except ValueError:
        return None
    return None


def parse_filter(
    text: str | None,
    tz: tzinfo = UTC,
    *,
    parse_day: Callable[[str], date | None] | None = None,
) -> RecordFilter:
    """Split the user's text into index words and a period. A day (``2025-03-01``, or what
    ``parse_day`` reads, e.g. the locale's short date) or a month (``2025-03``) is a period
    in ``tz``; several dates span from the first to the last. A link becomes its ids."""
    words: list[str] = []
    periods: list[tuple[datetime, datetime]] = []
    for word in (text or "").split():
        found = _period(word, tz)
        if found is None and parse_day is not None and any(c.isdigit() for c in word):
            day = parse_day(word)
            if day is not None:
                found = _day_start(day, tz), _day_start(day + timedelta(days=1), tz)
        if found is not None:
            periods.append(found)
        else:
            words.append(link_words(word))
    since = min(p[0] for p in periods) if periods else None
    until = max(p[1] for p in periods) if periods else None
    return RecordFilter(" ".join(words) or None, since, until)
