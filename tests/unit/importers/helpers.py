"""Helpers for importer tests: a digest of everything a vault holds."""

from __future__ import annotations

import hashlib
from typing import Any


def vault_digest(vault: Any) -> str:
    """sha256 over every row of every table (sorted): equal digests = unchanged contents."""
    h = hashlib.sha256()
    with vault.read() as conn:
        tables = [
            r[0]
            for r in conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND sql NOT LIKE "
                "'CREATE VIRTUAL%' ORDER BY name"
            )
        ]
        for table in tables:
            h.update(table.encode())
            rows = conn.execute(f'SELECT * FROM "{table}"').fetchall()
            for row in sorted(repr(tuple(r)) for r in rows):
                h.update(row.encode())
    return h.hexdigest()


def nonzero(counts: dict[str, int]) -> dict[str, int]:
    return {k: v for k, v in sorted(counts.items()) if v}
