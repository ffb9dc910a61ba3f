"""Read-only queries the sharing core needs, over the vault's schema (vault/schema.py).

Every function takes either the ``Vault`` (uses ``vault.read()``) or an open connection, so
worker threads can pass the connection from ``vault.connect_reader()``. Only records of
complete imports count. Records are streamed in keyset pages, never loaded all at once.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

Source = Any  # a Vault (anything with .read()) or a DB-API connection

_COMPLETE = "import_id IN (SELECT id FROM imports WHERE status = 'complete')"


def reading(src: Source) -> AbstractContextManager[Any]:
    """A context manager yielding a connection to read from."""
    if hasattr(src, "read") and callable(src.read) and not hasattr(src, "execute"):
        cm: AbstractContextManager[Any] = src.read()
        return cm
    return nullcontext(src)


@dataclass(frozen=True, slots=True)
class Row:
    id: int
    category: str
    occurred_at: datetime | None
    fields: Any
    source_path: str


def category_counts(src: Source) -> dict[str, int]:
    with reading(src) as conn:
        rows = conn.execute(
            f"SELECT category, COUNT(*) FROM records WHERE {_COMPLETE} GROUP BY category"  # noqa: S608
        ).fetchall()
    return {str(r[0]): int(r[1]) for r in rows}


def iter_records(src: Source, category: str, *, page: int = 1000) -> Iterator[Row]:
    """Every record of one category: those without a time first, then oldest first.

    Keyset pages over the ``(category, occurred_at, id)`` index, ``page`` rows at a time, so
    memory stays flat and each page costs the same however far in it is.
    """
    cols = "SELECT id, occurred_at, fields, source_path FROM records WHERE category = ? "
    untimed = cols + f"AND occurred_at IS NULL AND id > ? AND {_COMPLETE} ORDER BY id LIMIT ?"
    timed = (
        cols + "AND occurred_at IS NOT NULL AND (occurred_at, id) > (?, ?) "
        f"AND {_COMPLETE} ORDER BY occurred_at, id LIMIT ?"
    )
    last_id = 0
    while True:
        with reading(src) as conn:
            rows = conn.execute(untimed, (category, last_id, page)).fetchall()
        if not rows:
            break
        for r in rows:
            yield Row(int(r[0]), category, None, json.loads(r[2]), str(r[3]))
        last_id = int(rows[-1][0])
    last_at, last_id = -(2**62), 0
    while True:
        with reading(src) as conn:
            rows = conn.execute(timed, (category, last_at, last_id, page)).fetchall()
        if not rows:
            return
        for r in rows:
            at = datetime.fromtimestamp(int(r[1]), UTC)
            yield Row(int(r[0]), category, at, json.loads(r[2]), str(r[3]))
        last_at, last_id = int(rows[-1][1]), int(rows[-1][0])


def monthly_counts(src: Source, categories: list[str]) -> dict[str, int]:
    """Records per month (``YYYY-MM``) over the given categories."""
    if not categories:
        return {}
    marks = ",".join("?" for _ in categories)
    with reading(src) as conn:
        rows = conn.execute(
            "SELECT strftime('%Y-%m', occurred_at, 'unixepoch') AS m, COUNT(*) FROM records "  # noqa: S608
            f"WHERE category IN ({marks}) AND occurred_at IS NOT NULL AND {_COMPLETE} "
            "GROUP BY m ORDER BY m",
            categories,
        ).fetchall()
    return {str(r[0]): int(r[1]) for r in rows}


def time_span(src: Source, categories: list[str]) -> tuple[datetime, datetime] | None:
    if not categories:
        return None
    marks = ",".join("?" for _ in categories)
    with reading(src) as conn:
        row = conn.execute(
            "SELECT MIN(occurred_at), MAX(occurred_at) FROM records "  # noqa: S608
            f"WHERE category IN ({marks}) AND occurred_at IS NOT NULL AND {_COMPLETE}",
            categories,
        ).fetchone()
    if row is None or row[0] is None:
        return None
    return datetime.fromtimestamp(int(row[0]), UTC), datetime.fromtimestamp(int(row[1]), UTC)


def worker_source(vault: Any) -> Source:
    """What a worker thread reads from.

    The vault serialises access to its connection (``vault.read()`` holds a lock), and every
    query here is a short keyset page, so workers read through the vault itself rather than
    opening extra connections that would stay open until the vault is locked.
    """
    return vault
