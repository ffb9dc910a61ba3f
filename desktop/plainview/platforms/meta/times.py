"""Meta's times (platform-exports-multi.md Q4): epoch seconds, milliseconds, ISO text, or a
localised text only (``"Mar 08, 2020, 19:22 PM"`` with ``timestamp: 0``).

``0`` and anything before 2004 (the year Facebook opened) mean "no time": 1970 is never stored.
Text times carry no zone: Meta writes them in the account's zone, which the export names once
(``logged_information/location/timezone``); they are read in that zone when it is known, as
UTC otherwise.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime, tzinfo
from typing import Any, Final
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from plainview.importers.common import parse_date

EARLIEST: Final = datetime(2004, 1, 1, tzinfo=UTC)

_MONTHS: Final[dict[str, int]] = {
    m: i + 1
    for i, names in enumerate(
        (
            ("jan", "janv", "jän"),
            ("feb", "févr", "fev", "fevr"),
            ("mar", "mars", "mär", "märz"),
            ("apr", "avr"),
            ("may", "mai"),
            ("jun", "juin"),
            ("jul", "juil"),
            ("aug", "août", "aout"),
            ("sep", "sept"),
            ("oct", "okt"),
            ("nov",),
            ("dec", "déc", "dez"),
        )
    )
    for m in names
}

# "Mar 08, 2020, 19:22 PM" · "Jun 04, 2025 6:46:10 pm" · "Feb 15, 2026 1:05:28pm"
_TEXT_TIME: Final = re.compile(
    r"^\s*([^\W\d_]{3,5})\.?\s+(\d{1,2}),?\s+(\d{4}),?\s+(?:at\s+)?"
    r"(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([AaPp]\.?[Mm]\.?)?\s*$"
)


def _valid(dt: datetime | None) -> datetime | None:
    if dt is None or dt < EARLIEST:
        return None
    return dt


def epoch(value: Any) -> datetime | None:
    """Seconds or milliseconds since 1970 (numbers or digit strings); 0 is "no time"."""
    if isinstance(value, bool) or not isinstance(value, int | float | str):
        return None
    if isinstance(value, str) and not value.strip().isdigit():
        return None
    return _valid(parse_date(int(value) if isinstance(value, str) else value))


def text_time(value: Any, zone: tzinfo | None = None) -> datetime | None:
    """A written time: ISO (``2026-02-05T16:42:25+00:00``) or Meta's month-name text.

    A month-name text has no zone: it is read in ``zone`` (the account's, when the export
    names it) and given back in UTC; without a zone it is read as UTC.
    """
    if not isinstance(value, str) or not value.strip():
        return None
    found = parse_date(value)
    if found is not None:
        return _valid(found)
    m = _TEXT_TIME.match(value)
    if not m:
        return None
    mon, day, year, hour, minute, sec, ampm = m.groups()
    month = _MONTHS.get(mon.casefold())
    if month is None:
        return None
    h = int(hour)
    if ampm and h <= 12:
        pm = ampm[0] in "Pp"
        if pm and h < 12:
            h += 12
        elif not pm and h == 12:
            h = 0
    try:
        dt = datetime(int(year), month, int(day), h, int(minute), int(sec or 0))
    except ValueError:
        return None
    return _valid(dt.replace(tzinfo=zone or UTC).astimezone(UTC))


def zone_named(name: Any) -> tzinfo | None:
    """The IANA zone ``name`` (``Europe/Zurich``), or ``None`` when this system lacks it."""
    if not isinstance(name, str) or "/" not in name or len(name) > 64:
        return None
    try:
        return ZoneInfo(name.strip())
    except (ZoneInfoNotFoundError, ValueError, OSError):
        return None


def any_time(value: Any) -> datetime | None:
    """Epoch numbers, digit strings and written times alike."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        return epoch(value)
    if isinstance(value, str):
        s = value.strip()
        if s.isdigit():
            return epoch(s)
        return text_time(s)
    return None
