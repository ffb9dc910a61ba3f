"""Reading the vault: imports, sections, counts, pages of records, search, sort by field."""

from __future__ import annotations

import json
from collections.abc import Iterable
from datetime import UTC, datetime
from typing import Any, Final

from plainview.errors import UsageError
from plainview.vault.base import VaultBase
from plainview.vault.filters import RecordFilter
from plainview.vault.filters import link_words as link_words_of
from plainview.vault.rows import (
    _RECORD_COLUMNS,
    Cursor,
    ImportRow,
    Order,
    StoredRecord,
    _parse_time,
    _to_record,
)

_FEW_HITS: Final = 5000  # search(): below this many hits, sort them; above, walk the time index


def fts_query(text: str) -> str | None:
    """The user's words as FTS5 phrase-prefix terms (``"word"*``): never FTS syntax."""
    words = [w for raw in text.split() for w in link_words_of(raw).split() if w.strip()]
    terms = []
    for word in words:
        cleaned = word.replace("\x00", "")
        if not cleaned:
            continue
        terms.append('"' + cleaned.replace('"', '""') + '"*')
    return " ".join(terms) if terms else None


class Queries(VaultBase):
    """Everything that reads records and imports (no writes but the count cache)."""

    def imports(self) -> list[ImportRow]:
        with self.read() as conn:
            rows = conn.execute(
                "SELECT id, platform, format, schema, source_name, account, started_at, "
                "finished_at, status, records, added, duplicates, result_json, fingerprint "
                "FROM imports ORDER BY id"
            ).fetchall()
        return [
            ImportRow(
                id=int(r[0]),
                platform=str(r[1]),
                format=str(r[2]),
                schema=str(r[3]),
                source_name=str(r[4]),
                account=r[5],
                started_at=_parse_time(r[6]) or datetime.fromtimestamp(0, UTC),
                finished_at=_parse_time(r[7]),
                status=str(r[8]),
                records=int(r[9]),
                added=int(r[10]),
                duplicates=int(r[11]),
                result=json.loads(r[12]) if r[12] else {},
                fingerprint=r[13],
            )
            for r in rows
        ]

    def sections(self, import_id: int) -> list[tuple[str, str, str, int]]:
        with self.read() as conn:
            rows = conn.execute(
                "SELECT path, category, status, count FROM sections WHERE import_id = ? "
                "ORDER BY path",
                (import_id,),
            ).fetchall()
        return [(str(r[0]), str(r[1]), str(r[2]), int(r[3])) for r in rows]

    # --- reading records -------------------------------------------------------------------
    # Records exist only for complete imports: an import's records are committed together
    # with its 'complete' status, and abandoned imports have theirs removed.

    def category_counts(self) -> dict[str, int]:
        """Records per category. Cached until the database changes (``PRAGMA data_version``
        sees commits by other connections and processes; our own writes clear the cache), as
        counting a million records takes a few hundred ms and the GUI asks often."""
        with self.read() as conn:
            version = int(conn.execute("PRAGMA data_version").fetchone()[0])
            cached = self._counts
            if cached is not None and cached[0] == version:
                return dict(cached[1])
            rows = conn.execute(
                "SELECT category, count(*) FROM records GROUP BY category"
            ).fetchall()
            counts = {str(r[0]): int(r[1]) for r in rows}
            self._counts = (version, counts)
        return dict(counts)

    @staticmethod
    def _filter_clause(filter_text: str | RecordFilter | None) -> tuple[str, list[Any]]:
        """SQL for a filter: words through the full-text index; a ``RecordFilter``'s period
        as a range of ``occurred_at`` (records without a time do not match a period)."""
        filt = filter_text if isinstance(filter_text, RecordFilter) else RecordFilter(filter_text)
        clause, params = "", list[Any]()
        if filt.since is not None:
            clause += " AND occurred_at >= ?"
            params.append(int(filt.since.timestamp()))
        if filt.until is not None:
            clause += " AND occurred_at < ?"
            params.append(int(filt.until.timestamp()))
        match = fts_query(filt.text) if filt.text and filt.text.strip() else None
        if match is not None:
            clause += " AND id IN (SELECT rowid FROM records_fts WHERE records_fts MATCH ?)"
            params.append(match)
        return clause, params

    def count(self, category: str, filter_text: str | RecordFilter | None = None) -> int:
        clause, params = self._filter_clause(filter_text)
        with self.read() as conn:
            row = conn.execute(
                f"SELECT count(*) FROM records WHERE category = ?{clause}",  # noqa: S608
                [category, *params],
            ).fetchone()
        return int(row[0]) if row else 0

    def records(
        self,
        category: str,
        *,
        after: Cursor | StoredRecord | None = None,
        limit: int = 200,
        order: Order = "time_desc",
        filter_text: str | RecordFilter | None = None,
    ) -> list[StoredRecord]:
        """One page of a category's records after ``after`` (keyset pagination).

        ``time_desc``: newest first, records without a time last. ``time_asc``: records
        without a time first, then oldest first. ``id``: insertion order.
        """
        if order not in ("time_desc", "time_asc", "id"):
            raise UsageError(f"Unknown order: {order}.")
        cursor = after.cursor if isinstance(after, StoredRecord) else after
        limit = max(0, int(limit))
        if limit == 0:
            return []
        clause, fparams = self._filter_clause(filter_text)
        base = f"SELECT {_RECORD_COLUMNS} FROM records WHERE category = ?{clause}"  # noqa: S608
        queries: list[tuple[str, list[Any]]] = []
        if order == "id":
            last = cursor.id if cursor else 0
            queries.append((f"{base} AND id > ? ORDER BY id LIMIT ?", [last]))
        elif order == "time_desc":
            timed = f"{base} AND occurred_at IS NOT NULL"
            untimed = f"{base} AND occurred_at IS NULL"
            if cursor is None:
                queries.append((f"{timed} ORDER BY occurred_at DESC, id DESC LIMIT ?", []))
                queries.append((f"{untimed} ORDER BY id DESC LIMIT ?", []))
            elif cursor.occurred_at is not None:
                queries.append(
                    (
                        f"{timed} AND (occurred_at, id) < (?, ?) "
                        "ORDER BY occurred_at DESC, id DESC LIMIT ?",
                        [cursor.occurred_at, cursor.id],
                    )
                )
                queries.append((f"{untimed} ORDER BY id DESC LIMIT ?", []))
            else:
                queries.append((f"{untimed} AND id < ? ORDER BY id DESC LIMIT ?", [cursor.id]))
        else:
            timed = f"{base} AND occurred_at IS NOT NULL"
            untimed = f"{base} AND occurred_at IS NULL"
            if cursor is None:
                queries.append((f"{untimed} ORDER BY id LIMIT ?", []))
                queries.append((f"{timed} ORDER BY occurred_at, id LIMIT ?", []))
            elif cursor.occurred_at is None:
                queries.append((f"{untimed} AND id > ? ORDER BY id LIMIT ?", [cursor.id]))
                queries.append((f"{timed} ORDER BY occurred_at, id LIMIT ?", []))
            else:
                queries.append(
                    (
                        f"{timed} AND (occurred_at, id) > (?, ?) ORDER BY occurred_at, id LIMIT ?",
                        [cursor.occurred_at, cursor.id],
                    )
                )
        out: list[StoredRecord] = []
        with self.read() as conn:
            for sql, params in queries:
                remaining = limit - len(out)
                if remaining <= 0:
                    break
                rows = conn.execute(sql, [category, *fparams, *params, remaining]).fetchall()
                out.extend(_to_record(r) for r in rows)
        return out

    def record(self, record_id: int) -> StoredRecord:
        """One record by id; ``KeyError`` if there is none."""
        with self.read() as conn:
            row = conn.execute(
                f"SELECT {_RECORD_COLUMNS} FROM records WHERE id = ?",  # noqa: S608
                (int(record_id),),
            ).fetchone()
        if row is None:
            raise KeyError(record_id)
        return _to_record(row)

    def search(self, query: str | RecordFilter, limit: int = 200) -> list[StoredRecord]:
        """Records whose text has every word of ``query`` (as a prefix), newest first; a
        ``RecordFilter`` with a period keeps those of that period (only a period: all of it).

        Few hits: fetch them by id and sort. Many hits: walk the time index newest first and
        stop after ``limit`` (sorting 1,000,000 hits for a common word would take seconds).
        """
        if isinstance(query, RecordFilter):
            if query.since is not None or query.until is not None:
                return self._search_period(query, limit)
            query = query.text or ""
        match = fts_query(query)
        if match is None or limit <= 0:
            return []
        limit = int(limit)
        in_hits = "id IN (SELECT rowid FROM records_fts WHERE records_fts MATCH ?)"
        with self.read() as conn:
            few = conn.execute(
                "SELECT count(*) FROM (SELECT rowid FROM records_fts "
                "WHERE records_fts MATCH ? LIMIT ?)",
                (match, _FEW_HITS + 1),
            ).fetchone()[0]
            if few <= _FEW_HITS:
                rows = conn.execute(
                    f"SELECT {_RECORD_COLUMNS} FROM records WHERE {in_hits} "  # noqa: S608
                    "ORDER BY occurred_at IS NULL, occurred_at DESC, id DESC LIMIT ?",
                    (match, limit),
                ).fetchall()
            else:
                rows = conn.execute(
                    f"SELECT {_RECORD_COLUMNS} FROM records INDEXED BY records_by_time "  # noqa: S608
                    f"WHERE occurred_at IS NOT NULL AND {in_hits} "
                    "ORDER BY occurred_at DESC, id DESC LIMIT ?",
                    (match, limit),
                ).fetchall()
                if len(rows) < limit:
                    rows += conn.execute(
                        f"SELECT {_RECORD_COLUMNS} FROM records "  # noqa: S608
                        f"WHERE occurred_at IS NULL AND {in_hits} ORDER BY id DESC LIMIT ?",
                        (match, limit - len(rows)),
                    ).fetchall()
        return [_to_record(r) for r in rows]

    def _search_period(self, filt: RecordFilter, limit: int) -> list[StoredRecord]:
        """Records of a period (and its words), newest first, by the time index."""
        if limit <= 0:
            return []
        clause, params = self._filter_clause(filt)
        with self.read() as conn:
            rows = conn.execute(
                f"SELECT {_RECORD_COLUMNS} FROM records INDEXED BY records_by_time "  # noqa: S608
                f"WHERE occurred_at IS NOT NULL{clause} ORDER BY occurred_at DESC, id DESC LIMIT ?",
                [*params, int(limit)],
            ).fetchall()
        return [_to_record(r) for r in rows]

    # --- sorting by a field (added for the records table; reads only) -----------------------

    def field_keys(self, category: str) -> list[str]:
        """The distinct top-level keys of a category's items (one scan of its rows)."""
        with self.read() as conn:
            rows = conn.execute(
                "SELECT DISTINCT j.key FROM records, json_each(records.fields) AS j "
                "WHERE records.category = ? AND json_type(records.fields) = 'object'",
                (category,),
            ).fetchall()
        return sorted(str(r[0]) for r in rows if r[0] is not None)

    def records_by_field(
        self,
        category: str,
        keys: Iterable[str],
        *,
        descending: bool = False,
        after: tuple[int, Any, int] | None = None,
        limit: int = 200,
        filter_text: str | RecordFilter | None = None,
    ) -> list[tuple[StoredRecord, tuple[int, Any, int]]]:
        """One page of a category's records ordered by a field: the first non-empty of
        ``keys`` (JSON keys; ``"<source>"`` is where the item sits in the export, ``"*"`` the
        whole item), text without regard to ASCII case, items without it last, then by id.

        Each record comes with its keyset cursor ``(missing, value, id)``; pass the last one
        as ``after`` for the next page. There is no index on JSON fields, so every page is one
        scan of the category's rows with a top-``limit`` sort (little memory): meant for
        categories of up to about 100,000 rows, which the caller checks with ``count``.
        """
        parts = []
        for key in keys:
            if key == "<source>":
                parts.append("NULLIF(source_path, '')")
            elif key == "*":
                parts.append("fields")
            elif '"' in key or "'" in key or "\\" in key:
                raise UsageError(f"Unsupported field name for sorting: {key!r}.")
            else:
                parts.append(f"NULLIF(json_extract(fields, '$.\"{key}\"'), '')")
        value = f"COALESCE({', '.join(parts)}, NULL)" if parts else "NULL"
        limit = max(0, int(limit))
        if limit == 0:
            return []
        clause, fparams = self._filter_clause(filter_text)
        inner = (
            f"SELECT {_RECORD_COLUMNS}, ({value}) IS NULL AS m, "  # noqa: S608
            f"IFNULL({value}, '') AS s FROM records WHERE category = ?{clause}"
        )
        cmp, way = ("<", "DESC") if descending else (">", "ASC")
        sql = f"SELECT * FROM ({inner})"  # noqa: S608
        params: list[Any] = [category, *fparams]
        if after is not None:
            sql += (
                f" WHERE m > ? OR (m = ? AND (s COLLATE NOCASE {cmp} ? "
                f"OR (s COLLATE NOCASE = ? AND id {cmp} ?)))"
            )
            params += [after[0], after[0], after[1], after[1], after[2]]
        sql += f" ORDER BY m, s COLLATE NOCASE {way}, id {way} LIMIT ?"
        with self.read() as conn:
            rows = conn.execute(sql, [*params, limit]).fetchall()
        return [(_to_record(r), (int(r[6]), r[7], int(r[0]))) for r in rows]
