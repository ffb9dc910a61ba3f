"""The ``Vault``: an unlocked, encrypted store of imported records (docs/ARCHITECTURE.md "Vault").

Threads: the main connection is shared behind a lock (``read()`` / ``transaction()`` hold it for
the ``with`` block). An import writes through its own connection inside ONE write transaction
that ``finish_import`` commits together with the final status, so readers never see a partial
import and a killed process leaves no records. Other threads get their own connection from
``connect_reader()``. ``lock()`` closes every connection and zeroes the key buffers.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import secrets
import threading
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from itertools import islice
from operator import itemgetter
from pathlib import Path
from typing import Any, Final, Literal, NamedTuple

import orjson

from plainview.errors import (
    PlainviewError,
    UsageError,
    VaultDamaged,
    VaultExists,
    VaultLocked,
    VaultNotFound,
)
from plainview.model import Record
from plainview.vault import db, keys
from plainview.vault.filters import RecordFilter
from plainview.vault.filters import link_words as link_words_of
from plainview.vault.keys import KdfParams, KeyFile

Order = Literal["time_desc", "time_asc", "id"]

_CORRUPT_CODES: Final = frozenset({11, 26})  # SQLITE_CORRUPT, SQLITE_NOTADB (primary codes)
_BUSY_CODES: Final = frozenset({5, 6})  # SQLITE_BUSY, SQLITE_LOCKED

_INSERT_RECORD: Final = (
    "INSERT OR IGNORE INTO records (id, category, occurred_at, fields, import_id, "
    "source_path, content_hash, occurrence) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
)
_FEW_HITS: Final = 5000  # search(): below this many hits, sort them; above, walk the time index
_INSERT_FTS: Final = "INSERT INTO records_fts (rowid, text) VALUES (?, ?)"
_RECORD_COLUMNS: Final = "id, category, occurred_at, fields, import_id, source_path"
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


class Cursor(NamedTuple):
    """Position of a record in keyset pagination: ``(occurred_at seconds | None, id)``."""

    occurred_at: int | None
    id: int


@dataclass(frozen=True, slots=True)
class StoredRecord:
    id: int
    category: str
    occurred_at: datetime | None
    fields: Any
    import_id: int
    source_path: str

    @property
    def cursor(self) -> Cursor:
        at = None if self.occurred_at is None else int(self.occurred_at.timestamp())
        return Cursor(at, self.id)


@dataclass(frozen=True, slots=True)
class ImportRow:
    id: int
    platform: str
    format: str
    schema: str
    source_name: str
    account: str | None
    started_at: datetime
    finished_at: datetime | None
    status: str
    records: int
    added: int
    duplicates: int
    result: dict[str, Any]
    fingerprint: str | None = None


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


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _parse_time(text: str | None) -> datetime | None:
    if not text:
        return None
    value = datetime.fromisoformat(text)
    return value if value.tzinfo else value.replace(tzinfo=UTC)


def _to_record(row: Any) -> StoredRecord:
    at = None if row[2] is None else datetime.fromtimestamp(int(row[2]), UTC)
    return StoredRecord(
        id=int(row[0]),
        category=str(row[1]),
        occurred_at=at,
        fields=json.loads(row[3]),
        import_id=int(row[4]),
        source_path=str(row[5]),
    )


def canonical_fields(fields: Any) -> str:
    """The canonical JSON of an item: sorted keys, compact, UTF-8 text kept as is."""
    try:
        return orjson.dumps(fields, option=_SORT_KEYS).decode()
    except TypeError:  # orjson.JSONEncodeError is a TypeError
        return _fallback_json(fields)


def content_hash(category: str, fields_json: str) -> bytes:
    """sha256(category NUL canonical JSON)[:16], the dedupe key's first half."""
    return hashlib.sha256(f"{category}\0{fields_json}".encode()).digest()[:16]


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


def _is_corruption(exc: BaseException) -> bool:
    code = getattr(exc, "sqlite_errorcode", None)
    if isinstance(code, int):
        return (code & 0xFF) in _CORRUPT_CODES
    return type(exc) is db.DatabaseError


@contextlib.contextmanager
def damage_guard() -> Iterator[None]:
    """Turn SQLCipher HMAC / corruption errors into ``VaultDamaged`` (exit 5) and a write that
    waited too long for an import's transaction into a plain "busy" error.

    Wrap reads on a ``connect_reader()`` connection in it: ``with damage_guard(): ...``.
    """
    try:
        yield
    except db.DatabaseError as exc:
        if _is_corruption(exc):
            raise db.damaged() from None
        code = getattr(exc, "sqlite_errorcode", None)
        if isinstance(code, int) and (code & 0xFF) in _BUSY_CODES:
            raise PlainviewError(
                "The vault is busy with an import.",
                hint="Try again when the import has finished.",
            ) from None
        raise


_damage_guard = damage_guard


class Vault:
    """An unlocked vault. Create with ``Vault.create`` / ``Vault.open`` (never directly)."""

    def __init__(
        self, path: Path, key_file: KeyFile, data_key: bytearray, conn: db.Connection
    ) -> None:
        self._path = path
        self._key_file = key_file
        self._data_key: bytearray | None = data_key
        self._conn: db.Connection | None = conn
        self._lock = threading.RLock()
        self._readers: list[db.Connection] = []
        self._imports: dict[int, _Import] = {}
        self._counts: tuple[int, dict[str, int]] | None = None

    # --- opening and keys ------------------------------------------------------------------

    @staticmethod
    def exists(path: Path) -> bool:
        return (Path(path) / keys.KEY_FILE).is_file()

    @classmethod
    def create(cls, path: Path, passphrase: str, kdf: KdfParams | None = None) -> tuple[Vault, str]:
        """A new vault in ``path`` (created if needed): (unlocked vault, recovery code)."""
        path = Path(path)
        if cls.exists(path):
            raise VaultExists(
                "There is already a vault in this folder.",
                hint="Open it with your passphrase, or choose another folder.",
            )
        if (path / db.DB_FILE).exists():
            raise VaultExists(
                "This folder holds a vault database without its key file (vault.key).",
                hint="Restore vault.key from a backup, or choose another folder to start over.",
            )
        if not passphrase:
            raise UsageError("The passphrase must not be empty.")
        db.ensure_sqlcipher_build()
        kdf = kdf or KdfParams.default()
        if not kdf.is_valid():
            raise UsageError("These key derivation settings are weaker than Plainview allows.")
        path.mkdir(parents=True, exist_ok=True, mode=0o700)
        data_key = bytearray(secrets.token_bytes(keys.DATA_KEY_BYTES))
        key_file = keys.new_key_file(kdf)
        code, raw_code = keys.new_recovery_code()
        try:
            key_file.set_passphrase_slot(data_key, passphrase)
            key_file.set_recovery_slot(data_key, raw_code)
        finally:
            keys.zero(raw_code)
        conn = db.connect(path / db.DB_FILE, data_key, create=True)
        try:
            with contextlib.suppress(OSError):
                (path / db.DB_FILE).chmod(0o600)
            with _damage_guard():
                db.migrate(conn)
            # vault.key last: a create killed before this point leaves no usable vault.
            keys.write_key_file(path, key_file)
        except BaseException:
            conn.close()
            keys.zero(data_key)
            # We made vault.db a moment ago and its key is gone: remove it, so that a retry
            # is not refused as "a database without its key file".
            for name in (db.DB_FILE, f"{db.DB_FILE}-wal", f"{db.DB_FILE}-shm"):
                with contextlib.suppress(OSError):
                    (path / name).unlink()
            raise
        return cls(path, key_file, data_key, conn), code

    @classmethod
    def _read_key_file(cls, path: Path) -> KeyFile:
        db.ensure_sqlcipher_build()
        path = Path(path)
        if not cls.exists(path):
            raise VaultNotFound(
                "There is no vault in this folder.",
                hint="Create one with 'plainview init', or give the right folder with --vault.",
            )
        try:
            return keys.read_key_file(path)
        except OSError:
            raise VaultNotFound("The vault's key file cannot be read.") from None

    @classmethod
    def _unlock(cls, path: Path, key_file: KeyFile, data_key: bytearray) -> Vault:
        if len(data_key) != keys.DATA_KEY_BYTES:
            keys.zero(data_key)
            raise db.damaged()
        try:
            conn = db.connect(Path(path) / db.DB_FILE, data_key)
        except BaseException:
            keys.zero(data_key)
            raise
        try:
            with _damage_guard():
                db.migrate(conn)
        except BaseException:
            conn.close()
            keys.zero(data_key)
            raise
        vault = cls(Path(path), key_file, data_key, conn)
        try:
            vault.abandon_stale_imports()
        except BaseException:
            vault.lock()
            raise
        return vault

    @classmethod
    def _open_by(cls, path: Path, unwrap: Callable[[KeyFile], bytearray]) -> Vault:
        """Read the key file, ``unwrap`` the data key from it, open the database.

        Another process may rotate the data key between our read of ``vault.key`` and our
        opening of ``vault.db`` (the key derivation takes about a second): the old key then
        meets the new database, which looks exactly like damage. When ``vault.key`` changed
        meanwhile, start once more from the new key file (where the passphrase opens the new
        key, and an old recovery code or device secret is simply wrong)."""
        path = Path(path)
        for attempt in range(2):
            key_file = cls._read_key_file(path)
            data_key = unwrap(key_file)
            try:
                return cls._unlock(path, key_file, data_key)
            except VaultDamaged:
                if attempt or cls._read_key_file(path) == key_file:
                    raise
        raise AssertionError("unreachable")

    @classmethod
    def open(cls, path: Path, passphrase: str) -> Vault:
        return cls._open_by(path, lambda key_file: key_file.unwrap_passphrase(passphrase))

    @classmethod
    def open_with_recovery(cls, path: Path, code: str) -> Vault:
        raw = keys.parse_recovery_code(code)
        try:
            return cls._open_by(path, lambda key_file: key_file.unwrap_recovery(raw))
        finally:
            keys.zero(raw)

    @classmethod
    def recover(cls, path: Path, code: str, new_passphrase: str) -> None:
        """Set a new passphrase using the recovery code (the recovery code stays valid)."""
        vault = cls.open_with_recovery(path, code)
        try:
            vault.change_passphrase(new_passphrase)
        finally:
            vault.lock()

    def change_passphrase(self, new_passphrase: str) -> None:
        """Re-wrap the data key under a new passphrase (new salt); atomic file replace."""
        if not new_passphrase:
            raise UsageError("The new passphrase must not be empty.")
        with self._lock:
            data_key = bytearray(self._key())  # a copy: Argon2id runs outside the lock
            old = self._key_file
        try:
            kdf = old.kdf if old.kdf.is_valid() else KdfParams.default()
            new = KeyFile(
                vault_id=old.vault_id,
                kdf=kdf,
                salt=secrets.token_bytes(keys.SALT_BYTES),
                slots=dict(old.slots),
            )
            new.set_passphrase_slot(data_key, new_passphrase)
        finally:
            keys.zero(data_key)
        with self._lock:
            self._key()  # still unlocked
            self._unchanged_since(old)
            keys.remove_stale_temp_files(self._path)
            keys.write_key_file(self._path, new)
            self._key_file = new

    def _unchanged_since(self, seen: KeyFile) -> None:
        """Refuse to write a key file built from ``seen`` when another change (a rotation, a
        passphrase change) replaced it meanwhile (call holding ``self._lock``): its slots
        could wrap a data key that no longer opens ``vault.db``."""
        if self._key_file is not seen:
            raise PlainviewError(
                "The vault's keys were changed meanwhile, so this change was not saved.",
                hint="Try again.",
            )

    @property
    def path(self) -> Path:
        return self._path

    @property
    def locked(self) -> bool:
        return self._conn is None

    @property
    def kdf(self) -> KdfParams:
        return self._key_file.kdf

    def lock(self) -> None:
        """Close every connection (main, imports, readers) and zero the key buffers."""
        with self._lock:
            for import_id, state in list(self._imports.items()):
                with state.lock:
                    state.closed = True
                    with contextlib.suppress(Exception):
                        if state.conn.in_transaction:
                            state.conn.execute("ROLLBACK")
                        state.conn.execute(
                            "UPDATE imports SET status = 'failed', finished_at = ? WHERE id = ?",
                            (_now(), import_id),
                        )
                    with contextlib.suppress(Exception):
                        state.conn.close()
            self._imports.clear()
            for reader in self._readers:
                with contextlib.suppress(Exception):
                    reader.close()
            self._readers.clear()
            if self._conn is not None:
                with contextlib.suppress(Exception):
                    if self._conn.in_transaction:
                        self._conn.execute("ROLLBACK")
                with contextlib.suppress(Exception):
                    self._conn.close()
                self._conn = None
            keys.zero(self._data_key)
            self._data_key = None

    def _key(self) -> bytearray:
        if self._data_key is None:
            raise VaultLocked("The vault is locked.", hint="Unlock it with your passphrase.")
        return self._data_key

    def _main(self) -> db.Connection:
        if self._conn is None:
            raise VaultLocked("The vault is locked.", hint="Unlock it with your passphrase.")
        return self._conn

    # --- connections -----------------------------------------------------------------------

    @contextlib.contextmanager
    def read(self) -> Iterator[db.Connection]:
        """The main connection, for reading, held exclusively for the ``with`` block."""
        with self._lock, _damage_guard():
            yield self._main()

    @contextlib.contextmanager
    def transaction(self) -> Iterator[db.Connection]:
        """``BEGIN IMMEDIATE`` … ``COMMIT`` (``ROLLBACK`` on error); nests with savepoints."""
        with self._lock, _damage_guard():
            conn = self._main()
            if conn.in_transaction:
                name = f"sp_{secrets.token_hex(4)}"
                conn.execute(f"SAVEPOINT {name}")
                try:
                    yield conn
                except BaseException:
                    conn.execute(f"ROLLBACK TO {name}")
                    conn.execute(f"RELEASE {name}")
                    raise
                conn.execute(f"RELEASE {name}")
                return
            conn.execute("BEGIN IMMEDIATE")
            try:
                yield conn
            except BaseException:
                with contextlib.suppress(db.DatabaseError):
                    conn.execute("ROLLBACK")
                raise
            finally:
                self._counts = None  # our own commits do not change data_version
            try:
                conn.execute("COMMIT")
            except BaseException:
                with contextlib.suppress(db.DatabaseError):
                    conn.execute("ROLLBACK")
                raise

    def connect_reader(self) -> db.Connection:
        """A new connection for another thread; the vault closes it on ``lock()``."""
        with self._lock:
            conn = db.connect(self._path / db.DB_FILE, self._key())
            self._readers.append(conn)
            return conn

    def verify(self) -> None:
        """Read and check every page (HMAC and b-tree structure); ``VaultDamaged`` if any fails."""
        with self._lock:
            conn = db.connect(self._path / db.DB_FILE, self._key())
        try:
            with _damage_guard():
                problems = conn.execute("PRAGMA cipher_integrity_check").fetchall()
                if problems:
                    raise db.damaged()
                rows = conn.execute("PRAGMA integrity_check").fetchall()
                if [tuple(r) for r in rows] != [("ok",)]:
                    raise db.damaged()
                conn.execute("INSERT INTO records_fts (records_fts) VALUES ('integrity-check')")
        except db.DatabaseError as exc:
            raise db.damaged() from exc
        finally:
            conn.close()

    # --- imports ---------------------------------------------------------------------------

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
                        conn.execute("DELETE FROM import_repeats WHERE import_id = ?", (import_id,))
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

    # --- settings --------------------------------------------------------------------------

    def get_setting(self, key: str, default: Any = None) -> Any:
        with self.read() as conn:
            row = conn.execute("SELECT value FROM settings WHERE key = ?", (key,)).fetchone()
        return default if row is None else json.loads(row[0])

    def set_setting(self, key: str, value: Any) -> None:
        text = json.dumps(value, ensure_ascii=False, sort_keys=True)
        with self.transaction() as conn:
            conn.execute(
                "INSERT INTO settings (key, value) VALUES (?, ?) "
                "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                (key, text),
            )

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

    # --- "remember on this device" (keyring slot; vault/device.py) -------------------------

    @staticmethod
    def device_available() -> bool:
        """Whether a secure OS keyring is there to remember vaults in (see ``device.py``)."""
        from plainview.vault import device

        return device.available()

    @classmethod
    def remembered(cls, path: Path) -> bool:
        """Whether the vault in ``path`` has a device slot (``False`` when there is no vault).

        Only the key file is read: the keyring may still have lost the secret.
        """
        if not cls.exists(Path(path)):
            return False
        return cls._read_key_file(Path(path)).has_device_slot

    @classmethod
    def open_with_device(cls, path: Path) -> Vault:
        """Open with the secret kept in the OS keyring.

        ``DeviceNotRemembered`` when the vault has no device slot, the keyring has no secret
        for it or the secret does not fit; ``KeyringUnavailable`` when no secure keyring is
        there or it refuses. The passphrase keeps working in every case.
        """
        from plainview.errors import DeviceNotRemembered
        from plainview.vault import device

        def unwrap(key_file: KeyFile) -> bytearray:
            if not key_file.has_device_slot:
                raise DeviceNotRemembered(
                    "This vault is not remembered on this device.",
                    hint="Unlock it with your passphrase.",
                )
            secret = device.load_secret(key_file.vault_id)
            if secret is None:
                raise DeviceNotRemembered(
                    "The key saved for this vault is no longer in this device's keyring.",
                    hint="Unlock it with your passphrase; you can remember it on this device "
                    "again.",
                )
            try:
                return key_file.unwrap_device(secret)
            finally:
                keys.zero(secret)

        return cls._open_by(path, unwrap)

    def remember_on_device(self) -> None:
        """Add (or renew) the device slot: a new secret goes into the keyring first, then
        ``vault.key`` is rewritten atomically. ``KeyringUnavailable`` leaves both unchanged."""
        from plainview.vault import device

        with self._lock:
            data_key = bytearray(self._key())
            old = self._key_file
            new = old.copy()
        secret = device.new_secret()
        try:
            new.set_device_slot(data_key, secret)
            # Keyring first: a process killed between the two steps leaves an unused secret in
            # the keyring (overwritten next time), never a slot whose secret is missing.
            device.store_secret(new.vault_id, secret)
        finally:
            keys.zero(secret)
            keys.zero(data_key)
        with self._lock:
            self._key()  # still unlocked
            self._unchanged_since(old)
            keys.remove_stale_temp_files(self._path)
            keys.write_key_file(self._path, new)
            self._key_file = new

    def forget_device(self) -> None:
        """Remove the device slot from ``vault.key``, then the secret from the keyring."""
        self.forget_device_at(self._path)
        with self._lock:
            self._key_file = self._key_file.copy()
            self._key_file.drop_device_slot()

    @classmethod
    def forget_device_at(cls, path: Path) -> bool:
        """``forget_device`` without unlocking (no key is needed to drop a slot). Returns
        whether the vault was remembered."""
        from plainview.vault import device

        path = Path(path)
        key_file = cls._read_key_file(path)
        was = key_file.has_device_slot
        if was:
            new = key_file.copy()
            new.drop_device_slot()
            keys.remove_stale_temp_files(path)
            keys.write_key_file(path, new)
        device.delete_secret(key_file.vault_id)
        return was

    # --- rotating the data key (vault/rekey.py, keys.finish_pending_rotation) ---------------

    def rotate_data_key(self, passphrase: str) -> str:
        """Re-encrypt the whole vault under a new random data key; returns the NEW recovery
        code (the old code stops working: show the new one once).

        The passphrase stays the same (it is needed to wrap the new key) and is checked first
        (``WrongPassphrase``). The device slot is dropped and its keyring secret deleted
        (remember the device again afterwards). Refused while an import runs or when another
        process has the vault open. Crash-safe: see ``rekey.py``.
        """
        import hmac

        from plainview.errors import WrongPassphrase
        from plainview.vault import device

        if not passphrase:
            raise UsageError("The passphrase must not be empty.")
        with self._lock:
            self._key()
            self._refuse_while_importing()
            old_file = self._key_file
        check = old_file.unwrap_passphrase(passphrase)  # Argon2id, outside the lock
        try:
            with self._lock:
                if not hmac.compare_digest(bytes(check), bytes(self._key())):
                    raise WrongPassphrase(
                        "That passphrase is not right.",
                        hint="Check the keyboard layout and Caps Lock.",
                    )
        finally:
            keys.zero(check)
        new_key = bytearray(secrets.token_bytes(keys.DATA_KEY_BYTES))
        new_file = KeyFile(
            vault_id=old_file.vault_id,
            kdf=old_file.kdf if old_file.kdf.is_valid() else KdfParams.default(),
            salt=secrets.token_bytes(keys.SALT_BYTES),
            slots={},
        )
        code, raw_code = keys.new_recovery_code()
        try:
            new_file.set_passphrase_slot(new_key, passphrase)
            new_file.set_recovery_slot(new_key, raw_code)
        except BaseException:
            keys.zero(new_key)
            raise
        finally:
            keys.zero(raw_code)
        with self._lock:
            try:
                self._key()
                self._refuse_while_importing()
                self._unchanged_since(old_file)
            except BaseException:
                keys.zero(new_key)
                raise
            self._swap_data_key(new_key, new_file)
        if old_file.has_device_slot:
            device.delete_secret(old_file.vault_id)
        return code

    def _refuse_while_importing(self) -> None:
        if self._imports:
            raise PlainviewError(
                "An import is running.", hint="Wait until it has finished, then try again."
            )

    def _swap_data_key(self, new_key: bytearray, new_file: KeyFile) -> None:
        """The database part of ``rotate_data_key`` (holding ``self._lock``)."""
        import os

        from plainview.vault import rekey

        path = self._path
        old_key = self._key()
        with keys.rotation_lock(path, wait=True) as held:
            if not held:  # it waits for another process: not held = no locks on this disk
                keys.zero(new_key)
                raise rekey.no_file_locks()
            keys.settle_rotation(path)
            keys.remove_stale_temp_files(path)
            for reader in self._readers:
                with contextlib.suppress(Exception):
                    reader.close()
            self._readers.clear()
            if self._conn is not None:
                with contextlib.suppress(Exception):
                    self._conn.close()
                self._conn = None
            committed = False
            try:
                conn = rekey.open_exclusive(path / db.DB_FILE, old_key)
                try:
                    with _damage_guard():
                        expected = rekey.row_counts(conn)
                        rekey.export(conn, path / keys.PENDING_DB_FILE, new_key)
                    rekey.step("exported")
                    rekey.verify(path / keys.PENDING_DB_FILE, new_key, expected)
                    rekey.step("verified")
                    keys.write_key_file(path, new_file, keys.PENDING_KEY_FILE)
                    rekey.step("key_written")
                    os.replace(path / keys.PENDING_DB_FILE, path / db.DB_FILE)
                    keys._fsync_dir(path)
                    committed = True
                    rekey.step("db_swapped")
                    keys.settle_rotation(path)  # K' -> vault.key
                    rekey.step("key_swapped")
                finally:
                    conn.close()
            except BaseException:
                if committed:
                    # The new database is in place: finish (the next open would do it too).
                    try:
                        keys.settle_rotation(path)
                    except BaseException:
                        # This object stays locked (reopen to continue): no key kept.
                        keys.zero(new_key)
                        keys.zero(old_key)
                        self._data_key = None
                        raise
                else:
                    with contextlib.suppress(OSError):
                        (path / keys.PENDING_KEY_FILE).unlink()
                    keys._unlink_db(path / keys.PENDING_DB_FILE)
                    keys.zero(new_key)
                    try:
                        self._conn = db.connect(path / db.DB_FILE, old_key)
                    except BaseException:
                        keys.zero(old_key)  # locked for good, like the case above
                        self._data_key = None
                        raise
                    raise
            self._conn = db.connect(path / db.DB_FILE, new_key)
            keys.zero(old_key)
            self._data_key = new_key
            self._key_file = new_file
            self._counts = None


__all__ = [
    "Cursor",
    "ImportRow",
    "KdfParams",
    "StoredRecord",
    "Vault",
    "canonical_fields",
    "content_hash",
    "fts_query",
]
