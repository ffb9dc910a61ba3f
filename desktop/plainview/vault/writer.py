"""The import writer: one write transaction per import, dedupe, full-text rows.

An import writes through its own connection inside ONE write transaction that
``finish_import`` commits together with the final status, so readers never see a partial
import and a killed process leaves no records.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import threading
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from itertools import islice
from operator import itemgetter
from pathlib import Path
from typing import Any, Final

import orjson

from plainview.errors import UsageError, VaultLocked
from plainview.model import Record
from plainview.vault import db
from plainview.vault.base import VaultBase
from plainview.vault.base import damage_guard as _damage_guard
from plainview.vault.rows import _now

_INSERT_RECORD: Final = (
    "INSERT OR IGNORE INTO records (id, category, occurred_at, fields, import_id, "
    "source_path, content_hash, occurrence) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
)
_INSERT_FTS: Final = "INSERT INTO records_fts (rowid, text) VALUES (?, ?)"
# Canonical JSON = orjson with sorted keys (compact, UTF-8 kept); items orjson refuses (integers
# beyond 64 bits, non-string keys, lone surrogates) go through the standard library's encoder
# with the same options. The choice depends only on the item, so the form is deterministic.
_SORT_KEYS: Final = orjson.OPT_SORT_KEYS
_CANONICAL: Final = json.JSONEncoder(sort_keys=True, separators=(",", ":"), ensure_ascii=False)
_CANONICAL_ASCII: Final = json.JSONEncoder(sort_keys=True, separators=(",", ":"))
# Each import's "seen before?" filter: 2**27 bits (16 MiB), two bits per item taken from the
# item's SHA-256. False "maybe" answers stay rare (about 1 in 4,500 items at 1,000,000 items,
# 1 in 50 at 10,000,000) and only cost one indexed query each. Tests lower it to force them.
SEEN_FILTER_BITS = 27
# Page cache of an import's connection. 32 MiB fills already at 100,000 items, so the app's
# memory during an import is the same at any export size; 64 MiB was ~15% faster at 1,000,000
# items but kept growing up to that cap (make bench shows both sizes).
IMPORT_CACHE_KIB: Final = 32768
# (The unary + below keeps SQLite on the content_hash index: the import_id index would make
# each lookup read the whole import.)
_REPEATS_SEEN: Final = (
    "SELECT (SELECT count(*) FROM records WHERE content_hash = ?1 AND +import_id = ?2) + "
    "coalesce((SELECT seen FROM import_repeats WHERE import_id = ?2 AND content_hash = ?1), 0)"
)
_REPEATS_ADD: Final = (
    "INSERT INTO import_repeats (import_id, content_hash, seen) VALUES (?, ?, 1) "
    "ON CONFLICT (import_id, content_hash) DO UPDATE SET seen = seen + 1"
)


def _seen_filter() -> bytearray:
    return bytearray(1 << (SEEN_FILTER_BITS - 3))


@dataclass(slots=True)
class _Import:
    """State of an import in progress (its own connection and open write transaction).

    ``seen`` is a Bloom filter over the content hashes met so far in this import. An item it
    has never met is the first of its kind here (occurrence 0, nothing to look up); for the
    rare "maybe", the exact count comes from the vault (see ``_resolve_repeats``). Memory stays
    the same whatever the size of the export.
    """

    conn: db.Connection
    lock: threading.Lock = field(default_factory=threading.Lock)
    seen: bytearray = field(default_factory=_seen_filter)
    next_id: int = 0
    closed: bool = False
    records: int = 0
    added: int = 0
    duplicates: int = 0


def canonical_fields(fields: Any) -> str:
    """The canonical JSON of an item: sorted keys, compact, UTF-8 text kept as is."""
    try:
        return orjson.dumps(fields, option=_SORT_KEYS).decode()
    except TypeError:  # orjson.JSONEncodeError is a TypeError
        return _fallback_json(fields)


def content_hash(category: str, fields_json: str) -> bytes:
    """sha256(category NUL canonical JSON)[:16], the dedupe key's first half."""
    return hashlib.sha256(f"{category}\0{fields_json}".encode()).digest()[:16]


def _fallback_json(fields: Any) -> str:
    """Canonical JSON for what orjson refuses; escapes everything if a lone surrogate is inside."""
    text = _CANONICAL.encode(fields)
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return _CANONICAL_ASCII.encode(fields)
    return text


def _scrub(value: Any) -> Any:
    if isinstance(value, str):
        return value.encode("utf-16", "surrogatepass").decode("utf-16", "replace")
    return value


def _write_batch(
    conn: db.Connection,
    rows: list[tuple[Any, ...]],
    texts: list[tuple[int, str]],
    first_id: int,
    next_id: int,
) -> tuple[list[tuple[Any, ...]], int, set[int] | None]:
    """Insert one batch: (rows as stored, rows inserted, ids kept or None when all were new).

    A lone surrogate in a string (importers should have replaced it) cannot be bound; the batch
    is then written again with U+FFFD in its place. ``INSERT OR IGNORE`` makes the retry skip
    the rows already in, so no savepoint is needed (a savepoint per batch costs throughput).
    """
    try:
        inserted = conn.executemany(_INSERT_RECORD, rows).rowcount
    except UnicodeEncodeError:
        rows = [tuple(_scrub(v) for v in row) for row in rows]
        conn.executemany(_INSERT_RECORD, rows)
        inserted = -1
    kept: set[int] | None = None
    if inserted != len(rows):
        kept = {
            int(r[0])
            for r in conn.execute(
                "SELECT id FROM records WHERE id >= ? AND id < ?", (first_id, next_id)
            )
        }
        texts = [t for t in texts if t[0] in kept]
        inserted = len(kept)
    if texts:
        try:
            conn.executemany(_INSERT_FTS, texts)
        except UnicodeEncodeError:
            conn.execute(
                "DELETE FROM records_fts WHERE rowid >= ? AND rowid < ?", (first_id, next_id)
            )
            conn.executemany(_INSERT_FTS, [(i, _scrub(t)) for i, t in texts])
    return rows, inserted, kept


def _resolve_repeats(
    conn: db.Connection, import_id: int, rows: list[tuple[Any, ...]], maybe: list[int]
) -> None:
    """Give each "maybe seen" row its occurrence: how often this import met its item before.

    That is the import's own stored records with the same hash, plus the times it met the
    item as a duplicate of an earlier import (``import_repeats``), plus earlier rows of this
    batch (not written yet). ``rows`` is updated in place.
    """
    before: dict[bytes, int] = {}
    for i in maybe:
        key = rows[i][6]
        if key not in before:
            before[key] = int(conn.execute(_REPEATS_SEEN, (key, import_id)).fetchone()[0])
    in_batch: Counter[bytes] = Counter()
    wanted = set(maybe)
    for i, row in enumerate(rows):
        key = row[6]
        if key in before:
            if i in wanted:
                rows[i] = (*row[:7], before[key] + in_batch[key])
            in_batch[key] += 1


class ImportWriter(VaultBase):
    """``begin_import`` … ``add_records`` … ``finish_import`` (and settling stale imports)."""

    def begin_import(
        self,
        platform: str,
        fmt: str,
        schema: str,
        source_name: str,
        fingerprint: str | None = None,
        account: str | None = None,
    ) -> int:
        """Record a 'running' import (committed) and open its write connection."""
        with self._lock:
            conn = db.connect(self._path / db.DB_FILE, self._key())
        try:
            conn.execute(f"PRAGMA cache_size = -{IMPORT_CACHE_KIB}")
            with _damage_guard():
                cur = conn.execute(
                    "INSERT INTO imports (platform, format, schema, source_name, account, "
                    "fingerprint, started_at, status) VALUES (?, ?, ?, ?, ?, ?, ?, 'running')",
                    (platform, fmt, schema, Path(source_name).name, account, fingerprint, _now()),
                )
            import_id = int(cur.lastrowid or 0)
        except BaseException:
            conn.close()
            raise
        with self._lock:
            self._imports[import_id] = _Import(conn=conn)
        return import_id

    def _import(self, import_id: int) -> _Import:
        with self._lock:
            self._main()
            state = self._imports.get(import_id)
        if state is None:
            raise UsageError("This import is not in progress.")
        return state

    @staticmethod
    def _begin_write(state: _Import) -> None:
        if not state.conn.in_transaction:
            state.conn.execute("BEGIN IMMEDIATE")
            row = state.conn.execute("SELECT coalesce(max(id), 0) + 1 FROM records").fetchone()
            state.next_id = int(row[0])

    def add_records(
        self, import_id: int, records: Iterable[Record], batch_size: int = 5000
    ) -> tuple[int, int]:
        """Store records (dedupe on content and occurrence). Returns (added, duplicates)."""
        per_category = self.add_records_counted(import_id, records, batch_size)
        added = sum(a for a, _ in per_category.values())
        duplicates = sum(d for _, d in per_category.values())
        return added, duplicates

    def add_records_counted(
        self, import_id: int, records: Iterable[Record], batch_size: int = 5000
    ) -> dict[str, tuple[int, int]]:
        """Like ``add_records``, returning ``{category: (added, duplicates)}``."""
        state = self._import(import_id)
        added_by: Counter[str] = Counter()
        seen_by: Counter[str] = Counter()
        iterator = iter(records)
        # The import's lock is held per batch, not while the caller's iterator parses input,
        # so lock() from another thread waits for one batch at most.
        while batch := list(islice(iterator, max(1, batch_size))):
            with state.lock, _damage_guard():
                if state.closed:
                    raise VaultLocked("The vault was locked during the import.")
                self._begin_write(state)
                self._insert_batch(state, import_id, batch, added_by, seen_by)
        return {c: (added_by[c], seen_by[c] - added_by[c]) for c in seen_by}

    @staticmethod
    def _insert_batch(
        state: _Import,
        import_id: int,
        batch: list[Record],
        added_by: Counter[str],
        seen_by: Counter[str],
    ) -> None:
        # Hot loop (1,000,000 records must stay within 0.7x a bare executemany): locals only.
        seen = state.seen
        mask = (len(seen) << 3) - 1
        maybe: list[int] = []  # rows whose item this import may have met before
        first_id = next_id = state.next_id
        rows: list[tuple[Any, ...]] = []
        texts: list[tuple[int, str]] = []
        add_row = rows.append
        add_text = texts.append
        add_maybe = maybe.append
        sha256 = hashlib.sha256
        dumps = orjson.dumps
        sort_keys = _SORT_KEYS
        from_bytes = int.from_bytes
        heads: dict[str, bytes] = {}
        for rec in batch:
            category = rec.category
            head = heads.get(category)
            if head is None:
                head = heads[category] = (category + "\0").encode("utf-8", "surrogatepass")
            try:
                raw = dumps(rec.fields, option=sort_keys)
            except TypeError:
                raw = _fallback_json(rec.fields).encode()
            digest = sha256(head + raw).digest()
            fields_json = raw.decode()
            bits = from_bytes(digest[16:24], "little")
            a = bits & mask
            b = (bits >> 32) & mask
            if seen[a >> 3] & (1 << (a & 7)) and seen[b >> 3] & (1 << (b & 7)):
                add_maybe(len(rows))
            else:
                seen[a >> 3] |= 1 << (a & 7)
                seen[b >> 3] |= 1 << (b & 7)
            at = rec.occurred_at
            add_row(
                (
                    next_id,
                    category,
                    None if at is None else int(at.timestamp()),
                    fields_json,
                    import_id,
                    rec.source_path,
                    digest[:16],
                    0,
                )
            )
            if rec.text:
                add_text((next_id, rec.text))
            next_id += 1
        state.next_id = next_id
        conn = state.conn
        if maybe:
            _resolve_repeats(conn, import_id, rows, maybe)
        rows, inserted, kept = _write_batch(conn, rows, texts, first_id, next_id)
        if kept is not None:
            # Items an earlier import already stored: remember that this import met them.
            conn.executemany(_REPEATS_ADD, [(import_id, r[6]) for r in rows if r[0] not in kept])
        categories = Counter(map(itemgetter(1), rows))
        seen_by.update(categories)
        if kept is None:
            added_by.update(categories)
        else:
            added_by.update(r[1] for r in rows if r[0] in kept)
        state.records += len(rows)
        state.added += inserted
        state.duplicates += len(rows) - inserted

    def set_sections(self, import_id: int, sections: Iterable[tuple[str, str, str, int]]) -> None:
        """What happened to each section of the export: (path, category, status, count)."""
        state = self._import(import_id)
        with state.lock, _damage_guard():
            if state.closed:
                raise VaultLocked("The vault was locked during the import.")
            self._begin_write(state)
            state.conn.executemany(
                "INSERT OR REPLACE INTO sections (import_id, path, category, status, count) "
                "VALUES (?, ?, ?, ?, ?)",
                [(import_id, p, c, s, int(n)) for p, c, s, n in sections],
            )

    def finish_import(
        self, import_id: int, status: str, result: dict[str, Any] | None = None
    ) -> None:
        """Commit ('complete') or roll back ('cancelled' / 'failed') the import's records."""
        if status not in ("complete", "cancelled", "failed"):
            raise UsageError(f"Unknown import status: {status}.")
        result_json = json.dumps(result or {}, ensure_ascii=False, sort_keys=True, default=str)
        with self._lock:
            self._main()
            state = self._imports.pop(import_id, None)
        if state is None:
            if status == "complete":
                raise UsageError("This import is not in progress.")
            with self.transaction() as conn:
                conn.execute(
                    "UPDATE imports SET status = ?, finished_at = ?, result_json = ? "
                    "WHERE id = ? AND status = 'running'",
                    (status, _now(), result_json, import_id),
                )
            return
        with state.lock:
            conn = state.conn
            try:
                with _damage_guard():
                    if status == "complete":
                        self._begin_write(state)
                        # import_repeats stays: it says which items this import also holds
                        # (vault/lifecycle.py forgets one import by it).
                        conn.execute(
                            "UPDATE imports SET status = 'complete', finished_at = ?, "
                            "records = ?, added = ?, duplicates = ?, result_json = ? "
                            "WHERE id = ?",
                            (
                                _now(),
                                state.records,
                                state.added,
                                state.duplicates,
                                result_json,
                                import_id,
                            ),
                        )
                        conn.execute("COMMIT")
                    else:
                        if conn.in_transaction:
                            conn.execute("ROLLBACK")
                        conn.execute(
                            "UPDATE imports SET status = ?, finished_at = ?, records = ?, "
                            "added = 0, duplicates = 0, result_json = ? WHERE id = ?",
                            (status, _now(), state.records, result_json, import_id),
                        )
            except BaseException:
                with contextlib.suppress(Exception):
                    if conn.in_transaction:
                        conn.execute("ROLLBACK")
                with contextlib.suppress(Exception):
                    conn.execute(
                        "UPDATE imports SET status = 'failed', finished_at = ? WHERE id = ?",
                        (_now(), import_id),
                    )
                raise
            finally:
                conn.close()

    def abandon_stale_imports(self) -> None:
        """Imports left 'running' by a killed process → 'failed', their records removed."""
        with self._lock:
            active = list(self._imports)
            with self.transaction() as conn:
                stale = [
                    int(r[0])
                    for r in conn.execute("SELECT id FROM imports WHERE status = 'running'")
                    if int(r[0]) not in active
                ]
                for import_id in stale:
                    conn.execute(
                        "DELETE FROM records_fts WHERE rowid IN "
                        "(SELECT id FROM records WHERE import_id = ?)",
                        (import_id,),
                    )
                    conn.execute("DELETE FROM records WHERE import_id = ?", (import_id,))
                    conn.execute("DELETE FROM sections WHERE import_id = ?", (import_id,))
                    conn.execute("DELETE FROM import_repeats WHERE import_id = ?", (import_id,))
                    conn.execute(
                        "UPDATE imports SET status = 'failed', finished_at = ? WHERE id = ?",
                        (_now(), import_id),
                    )
