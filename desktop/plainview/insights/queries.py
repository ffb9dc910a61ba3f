"""SQL aggregates over the vault's ``records`` table (``fields`` is JSON).

Everything is aggregated inside SQLite, so the cost does not depend on loading rows into
Python: a category of a million records is a few index scans. Field names are constants in
this module (never user input); values are always bound parameters.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from contextlib import AbstractContextManager
from datetime import UTC, date, datetime, timedelta
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


def by_hour(vault: Readable, category: str) -> list[int]:
    """Records per hour of day, UTC, 24 numbers."""
    counts = [0] * 24
    for hour, n in rows(
        vault,
        "SELECT ((occurred_at % 86400) + 86400) % 86400 / 3600 AS h, count(*) FROM records "
        "WHERE category = ? AND occurred_at IS NOT NULL GROUP BY h",
        (category,),
    ):
        counts[int(hour)] = int(n)
    return counts


def by_weekday(vault: Readable, category: str) -> list[int]:
    """Records per weekday, UTC, Monday first (1 Jan 1970 was a Thursday)."""
    counts = [0] * 7
    for day, n in rows(
        vault,
        "SELECT (occurred_at / 86400 + 3) % 7 AS d, count(*) FROM records "
        "WHERE category = ? AND occurred_at >= 0 GROUP BY d",
        (category,),
    ):
        counts[int(day)] = int(n)
    return counts


def over_time(vault: Readable, category: str, bucket: str) -> list[tuple[str, int]]:
    """``[("2025-03-01", 12), ...]`` per day, or ``[("2025-03", 40), ...]`` per month."""
    if bucket == "day":
        found = rows(
            vault,
            "SELECT occurred_at / 86400 AS d, count(*) FROM records "
            "WHERE category = ? AND occurred_at >= 0 GROUP BY d ORDER BY d",
            (category,),
        )
        epoch = date(1970, 1, 1)
        return [((epoch + timedelta(days=int(d))).isoformat(), int(n)) for d, n in found]
    if bucket == "month":
        found = rows(
            vault,
            "SELECT strftime('%Y-%m', occurred_at, 'unixepoch') AS m, count(*) FROM records "
            "WHERE category = ? AND occurred_at IS NOT NULL GROUP BY m ORDER BY m",
            (category,),
        )
        return [(str(m), int(n)) for m, n in found]
    raise ValueError(f"bucket must be 'day' or 'month', not {bucket!r}")


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
