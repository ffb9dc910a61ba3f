"""The computer's time zone, Qt-free, with its daylight-saving rules where the system names it.

``datetime.now().astimezone().tzinfo`` is only today's fixed offset: a summer evening in
Amsterdam would be counted an hour early all winter. So the zone's name is looked up first
(``TZ``, then the ``/etc/localtime`` link on Linux and macOS) and read with ``zoneinfo``; the
fixed offset is the fallback (for example on Windows without the ``tzdata`` package).
"""

from __future__ import annotations

import os
from datetime import UTC, datetime, timedelta, timezone, tzinfo
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

LOCALTIME = Path("/etc/localtime")


def zone_name() -> str | None:
    """The IANA name of the system zone (``Europe/Amsterdam``), if the system says it."""
    name = os.environ.get("TZ", "").strip().lstrip(":")
    if name:
        return name
    try:
        target = str(LOCALTIME.resolve(strict=True))
    except OSError:
        return None
    marker = "zoneinfo/"
    if marker in target:
        return target.split(marker, 1)[1]
    return None


def local_zone() -> tzinfo:
    name = zone_name()
    if name and not name.startswith("/"):
        try:
            return ZoneInfo(name)
        except (ZoneInfoNotFoundError, ValueError, OSError):
            pass
    fixed = datetime.now().astimezone().tzinfo
    return fixed if fixed is not None else timezone(timedelta(0))


def utc_offset_text(tz: tzinfo, when: datetime | None = None) -> str:
    """``UTC+01:00`` / ``UTC-03:30`` / ``UTC`` for the zone's offset now (or at ``when``)."""
    moment = (when or datetime.now(UTC)).astimezone(tz)
    offset = moment.utcoffset() or timedelta(0)
    minutes = int(offset.total_seconds()) // 60
    if minutes == 0:
        return "UTC"
    sign = "+" if minutes > 0 else "-"
    hours, mins = divmod(abs(minutes), 60)
    return f"UTC{sign}{hours:02d}:{mins:02d}"


def zone_label(tz: tzinfo) -> str:
    """How to name a zone to a person: its UTC offset (``UTC+08:00``), or for a zone with
    daylight saving, its name (``Europe/Amsterdam``), whose offset changes over the year."""
    key = getattr(tz, "key", None)
    if isinstance(key, str) and key:
        year = datetime.now(UTC).year
        winter = utc_offset_text(tz, datetime(year, 1, 15, tzinfo=UTC))
        summer = utc_offset_text(tz, datetime(year, 7, 15, tzinfo=UTC))
        if winter != summer:
            return key
    return utc_offset_text(tz)
