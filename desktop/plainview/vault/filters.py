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

from plainview.dates import month_names

_ID_RE: Final = re.compile(r"\d{15,}")
_ISO_DAY: Final = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
_ISO_MONTH: Final = re.compile(r"(\d{4})-(\d{1,2})")
# The app's one date style per language (plainview.dates): "1 March 2026", "March 2026",
# "2026年3月1日", "2026年3月". Found in the whole text first, since they span several words.
_MONTHS: Final = tuple(m.lower() for m in month_names("en"))
_EN_DAY: Final = re.compile(r"\b(?:(\d{1,2})\s+)?([A-Za-z]{3,9})\s+(\d{4})\b,?")
_ZH_DAY: Final = re.compile(r"(\d{4})\s*年\s*(\d{1,2})\s*月(?:\s*(\d{1,2})\s*日)?")


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
            return _month_period(int(m[1]), int(m[2]), tz)
    except ValueError:
        return None
    return None


def _month_period(year: int, month: int, tz: tzinfo) -> tuple[datetime, datetime]:
    first = date(year, month, 1)
    nxt = date(first.year + first.month // 12, first.month % 12 + 1, 1)
    return _day_start(first, tz), _day_start(nxt, tz)


def _styled_periods(text: str, tz: tzinfo) -> tuple[str, list[tuple[datetime, datetime]]]:
    """Dates written in the app's own style, taken out of ``text`` as periods."""
    periods: list[tuple[datetime, datetime]] = []

    def found(year: int, month: int, day: int | None) -> bool:
        try:
            if day is None:
                periods.append(_month_period(year, month, tz))
            else:
                start = date(year, month, day)
                periods.append((_day_start(start, tz), _day_start(start + timedelta(1), tz)))
        except ValueError:
            return False
        return True

    def english(m: re.Match[str]) -> str:
        name = m[2].lower()
        month = next((i for i, full in enumerate(_MONTHS, 1) if full.startswith(name)), None)
        if month is None or (len(name) < len(_MONTHS[month - 1]) and len(name) != 3):
            return m[0]
        return " " if found(int(m[3]), month, int(m[1]) if m[1] else None) else m[0]

    def chinese(m: re.Match[str]) -> str:
        return " " if found(int(m[1]), int(m[2]), int(m[3]) if m[3] else None) else m[0]

    text = _ZH_DAY.sub(chinese, _EN_DAY.sub(english, text))
    return text, periods


def parse_filter(
    text: str | None,
    tz: tzinfo = UTC,
    *,
    parse_day: Callable[[str], date | None] | None = None,
) -> RecordFilter:
    """Split the user's text into index words and a period. A day (``2025-03-01``, the app's
    own style ``1 March 2025`` / ``2025年3月1日``, or what ``parse_day`` reads, e.g. the
    locale's short date) or a month (``2025-03``, ``March 2025``, ``2025年3月``) is a period
    in ``tz``; several dates span from the first to the last. A link becomes its ids."""
    words: list[str] = []
    rest, periods = _styled_periods(text or "", tz)
    for word in rest.split():
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
