"""SQL aggregates over the vault's ``records`` table (``fields`` is JSON).

Everything is aggregated inside SQLite, so the cost does not depend on loading rows into
Python: a category of a million records is a few index scans. Field names are constants in
this module (never user input); values are always bound parameters.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from contextlib import AbstractContextManager
from datetime import UTC, date, datetime, timedelta, tzinfo
from typing import Any, Final, Protocol

SENTINELS: Final = frozenset({"", "n/a", "none", "null", "[]", "{}", "n.v.t."})
DAY: Final = 86_400


class Readable(Protocol):
    """What insights need from a vault: a read connection."""

    def read(self) -> AbstractContextManager[Any]: ...


def jx(*keys: str) -> str:
    """SQL for the first non-empty of several field names (TXT and JSON label variants)."""
    parts = []
    for key in keys:
        if '"' in key or "'" in key:
            raise ValueError(key)
        parts.append(f"NULLIF(json_extract(fields, '$.\"{key}\"'), '')")
    return parts[0] if len(parts) == 1 else f"COALESCE({', '.join(parts)})"


IP: Final = jx("IP", "IP Address", "IP-adres")
MODEL: Final = jx("DeviceModel", "Device Model", "Apparaatmodel")
NETWORK: Final = jx("NetworkType", "Network Type", "Netwerktype")
SOURCE: Final = jx("Source", "Bron")
EVENT: Final = jx("Event", "Gebeurtenis")
TERM: Final = jx("SearchTerm", "Search Term", "Zoekterm")
AD_TITLE: Final = jx("AdTitle", "Ad Title")
WHO_CAN_VIEW: Final = jx("WhoCanView", "Who Can View")
GIFT: Final = jx("GiftAmount", "Gift Amount")
USER: Final = jx("UserName", "User Name", "Username", "Gebruikersnaam")


def useful(value: Any) -> bool:
    return value is not None and str(value).strip().lower() not in SENTINELS


def rows(vault: Readable, sql: str, params: Iterable[Any] = ()) -> list[tuple[Any, ...]]:
    with vault.read() as conn:
        return [tuple(r) for r in conn.execute(sql, list(params)).fetchall()]


def one(vault: Readable, sql: str, params: Iterable[Any] = ()) -> tuple[Any, ...]:
    found = rows(vault, sql, params)
    return found[0] if found else ()


def to_dt(seconds: int | None) -> datetime | None:
    return None if seconds is None else datetime.fromtimestamp(int(seconds), UTC)


def basics(vault: Readable, category: str) -> tuple[int, datetime | None, datetime | None, int]:
    """(count, first time, last time, number of distinct days with a time)."""
    r = one(
        vault,
        "SELECT count(*), min(occurred_at), max(occurred_at), "
        "count(DISTINCT occurred_at / 86400) FROM records WHERE category = ?",
        (category,),
    )
    return int(r[0]), to_dt(r[1]), to_dt(r[2]), int(r[3] or 0)


def count(vault: Readable, category: str) -> int:
    r = one(vault, "SELECT count(*) FROM records WHERE category = ?", (category,))
    return int(r[0])


def span(vault: Readable, category: str) -> tuple[int, datetime | None, datetime | None]:
    """(count, first time, last time) of a category."""
    r = one(
        vault,
        "SELECT count(*), min(occurred_at), max(occurred_at) FROM records WHERE category = ?",
        (category,),
    )
    return int(r[0]), to_dt(r[1]), to_dt(r[2])


def by_hour(vault: Readable, category: str, tz: tzinfo = UTC) -> list[int]:
    """Records per hour of day in ``tz`` (UTC unless given), 24 numbers."""
    counts = [0] * 24
    for where, params, offset in _spans(vault, category, tz):
        for hour, n in rows(
            vault,
            "SELECT ((occurred_at + ?) % 86400 + 86400) % 86400 / 3600 AS h, count(*) "  # noqa: S608
            f"FROM records WHERE category = ? AND occurred_at IS NOT NULL{where} GROUP BY h",
            (offset, category, *params),
        ):
            counts[int(hour)] += int(n)
    return counts


def by_weekday(vault: Readable, category: str, tz: tzinfo = UTC) -> list[int]:
    """Records per weekday in ``tz`` (UTC unless given), Monday first (1 Jan 1970 was a
    Thursday)."""
    counts = [0] * 7
    for where, params, offset in _spans(vault, category, tz):
        for day, n in rows(
            vault,
            "SELECT ((occurred_at + ?) / 86400 + 3) % 7 AS d, count(*) FROM records "  # noqa: S608
            f"WHERE category = ? AND occurred_at + ? >= 0{where} GROUP BY d",
            (offset, category, offset, *params),
        ):
            counts[int(day)] += int(n)
    return counts


def over_time(
    vault: Readable, category: str, bucket: str, tz: tzinfo = UTC
) -> list[tuple[str, int]]:
    """``[("2025-03-01", 12), ...]`` per day, or ``[("2025-03", 40), ...]`` per month, the
    days and months of ``tz`` (UTC unless given)."""
    if bucket not in ("day", "month"):
        raise ValueError(f"bucket must be 'day' or 'month', not {bucket!r}")
    totals: dict[str, int] = {}
    for where, params, offset in _spans(vault, category, tz):
        if bucket == "day":
            # floor((t + offset) / 86400) without SQLite's truncation towards zero
            sql = (
                "SELECT ((occurred_at + ?) - (((occurred_at + ?) % 86400) + 86400) % 86400) "  # noqa: S608
                "/ 86400 AS d, count(*) FROM records WHERE category = ? AND occurred_at >= 0"
                f"{where} GROUP BY d"
            )
            epoch = date(1970, 1, 1)
            found = [
                ((epoch + timedelta(days=int(d))).isoformat(), int(n))
                for d, n in rows(vault, sql, (offset, offset, category, *params))
            ]
        else:
            sql = (
                "SELECT strftime('%Y-%m', occurred_at + ?, 'unixepoch') AS m, count(*) "  # noqa: S608
                f"FROM records WHERE category = ? AND occurred_at IS NOT NULL{where} GROUP BY m"
            )
            found = [(str(m), int(n)) for m, n in rows(vault, sql, (offset, category, *params))]
        for key, n in found:  # a local day can straddle a change of offset
            totals[key] = totals.get(key, 0) + n
    return sorted(totals.items())


# --- local time -------------------------------------------------------------------------
# SQLite knows only UTC (and the process's own zone). For another zone, the records are
# grouped per stretch of constant UTC offset: each stretch is one range scan of the
# (category, occurred_at) index with the offset added, so a DST zone over a few years is a
# handful of index scans, not a Python loop over rows.

SCAN_STEP: Final = DAY  # offsets change at most about twice a year; a day step finds each
SCAN_FIRST: Final = 0  # 1970: no export holds older times worth a zone lookup
SCAN_LAST: Final = 4_102_444_800  # 2100


def offset_at(tz: tzinfo, seconds: int) -> int:
    """The zone's UTC offset in seconds at a moment."""
    when = datetime.fromtimestamp(seconds, UTC).astimezone(tz)
    offset = when.utcoffset()
    return 0 if offset is None else int(offset.total_seconds())


def offset_changes(tz: tzinfo, first: int, last: int) -> list[tuple[int, int]]:
    """``[(from_second, offset), ...]``: the zone's UTC offset over ``first..last`` (the first
    entry covers everything before the second one, the last everything after it)."""
    lo = max(SCAN_FIRST, min(first, SCAN_LAST))
    hi = max(SCAN_FIRST, min(last, SCAN_LAST))
    out = [(lo, offset_at(tz, lo))]
    t = lo
    while t < hi:
        step = min(hi, t + SCAN_STEP)
        after = offset_at(tz, step)
        if after != out[-1][1]:  # the change lies in (t, step]: find its second
            a, b = t, step
            while b - a > 1:
                mid = (a + b) // 2
                if offset_at(tz, mid) == out[-1][1]:
                    a = mid
                else:
                    b = mid
            out.append((b, after))
        t = step
    return out


def _spans(vault: Readable, category: str, tz: tzinfo) -> list[tuple[str, tuple[int, ...], int]]:
    """(extra WHERE text, its parameters, UTC offset) per stretch of constant offset."""
    if tz is UTC:
        return [("", (), 0)]
    first, last = one(
        vault,
        "SELECT min(occurred_at), max(occurred_at) FROM records WHERE category = ?",
        (category,),
    ) or (None, None)
    if first is None:
        return [("", (), offset_at(tz, 0))]
    changes = offset_changes(tz, int(first), int(last))
    spans: list[tuple[str, tuple[int, ...], int]] = []
    for i, (start, offset) in enumerate(changes):
        end = changes[i + 1][0] if i + 1 < len(changes) else None
        where = ""
        params: tuple[int, ...] = ()
        if i > 0:
            where, params = " AND occurred_at >= ?", (start,)
        if end is not None:
            where, params = where + " AND occurred_at < ?", (*params, end)
        spans.append((where, params, offset))
    return spans


def count_where(vault: Readable, category: str, expr: str) -> int:
    """Records of ``category`` where ``expr`` has a useful value."""
    r = one(
        vault,
        f"SELECT count(*) FROM (SELECT {expr} AS v FROM records "  # noqa: S608
        "WHERE category = ?) WHERE v IS NOT NULL AND lower(v) NOT IN ('n/a', 'none', 'n.v.t.')",
        (category,),
    )
    return int(r[0] or 0)


def distinct_count(vault: Readable, category: str, expr: str) -> int:
    r = one(
        vault,
        f"SELECT count(DISTINCT v) FROM (SELECT {expr} AS v FROM records "  # noqa: S608
        "WHERE category = ?) WHERE v IS NOT NULL AND lower(v) NOT IN ('n/a', 'none', 'n.v.t.')",
        (category,),
    )
    return int(r[0] or 0)


def top_values(vault: Readable, category: str, expr: str, limit: int) -> list[tuple[str, int]]:
    """Most frequent values (case-insensitive), shown in one of their spellings."""
    return [
        (str(v), int(n))
        for v, n in rows(
            vault,
            f"SELECT min(v), count(*) AS n FROM (SELECT {expr} AS v FROM records "  # noqa: S608
            "WHERE category = ?) WHERE v IS NOT NULL AND lower(v) NOT IN ('n/a', 'none', 'n.v.t.') "
            "GROUP BY lower(v) ORDER BY n DESC, lower(v) LIMIT ?",
            (category, limit),
        )
    ]


def latest_fields(vault: Readable, category: str, limit: int = 1) -> list[Any]:
    """The newest records' fields (newest import first): for single-object sections."""
    return [
        json.loads(r[0])
        for r in rows(
            vault,
            "SELECT fields FROM records WHERE category = ? "
            "ORDER BY import_id DESC, occurred_at IS NULL, occurred_at DESC, id DESC LIMIT ?",
            (category, limit),
        )
    ]


def latest_with_time(vault: Readable, category: str) -> tuple[datetime, Any] | None:
    r = one(
        vault,
        "SELECT occurred_at, fields FROM records WHERE category = ? AND occurred_at IS NOT NULL "
        "ORDER BY occurred_at DESC, id DESC LIMIT 1",
        (category,),
    )
    if not r:
        return None
    when = to_dt(r[0])
    assert when is not None
    return when, json.loads(r[1])


def distinct_paths(vault: Readable, category: str) -> int:
    r = one(
        vault,
        "SELECT count(DISTINCT source_path) FROM records WHERE category = ?",
        (category,),
    )
    return int(r[0] or 0)


def ad_ids(vault: Readable) -> int:
    """Distinct advertising identifiers (IDFA, GAID) in the device records."""
    exprs = [jx("IDFA"), jx("GAID")]
    union = " UNION ".join(
        f"SELECT {e} AS v FROM records WHERE category = 'tiktok.devices'"  # noqa: S608
        for e in exprs
    )
    r = one(
        vault,
        f"SELECT count(DISTINCT v) FROM ({union}) "  # noqa: S608
        "WHERE v IS NOT NULL AND lower(v) NOT IN ('n/a', 'none', 'n.v.t.') "
        "AND v NOT GLOB '00000000-0000-0000-0000-000000000000'",
    )
    return int(r[0] or 0)


def coverage(vault: Readable) -> tuple[datetime, datetime] | None:
    r = one(vault, "SELECT min(occurred_at), max(occurred_at) FROM records")
    if not r or r[0] is None:
        return None
    first, last = to_dt(r[0]), to_dt(r[1])
    assert first is not None and last is not None
    return first, last


def flatten(value: Any, prefix: str = "") -> Iterator[tuple[str, Any]]:
    """(key, scalar) pairs of a small nested object (settings, summaries)."""
    if isinstance(value, dict):
        for key, sub in value.items():
            name = str(key).rstrip(":")
            yield from flatten(sub, f"{prefix} › {name}" if prefix else name)
    elif not isinstance(value, list):
        yield prefix, value
