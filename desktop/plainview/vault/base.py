"""The core of ``Vault``: its state, connections, ``lock()`` and the damage guard.

Threads: the main connection is shared behind a lock (``read()`` / ``transaction()`` hold it for
the ``with`` block). Other threads get their own connection from ``connect_reader()``.
``lock()`` closes every connection (imports' too) and zeroes the key buffers.
The rest of ``Vault`` is mixed in from ``unlock``, ``rotation``, ``writer``, ``queries`` and
``settings`` (see ``store.py``).
"""

from __future__ import annotations

import contextlib
import secrets
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Final

from plainview.errors import PlainviewError, VaultLocked
from plainview.vault import db, keys
from plainview.vault.keys import KdfParams, KeyFile
from plainview.vault.rows import _now

if TYPE_CHECKING:
    from plainview.vault.writer import _Import

_CORRUPT_CODES: Final = frozenset({11, 26})  # SQLITE_CORRUPT, SQLITE_NOTADB (primary codes)
_BUSY_CODES: Final = frozenset({5, 6})  # SQLITE_BUSY, SQLITE_LOCKED


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


class VaultBase:
    """State and connections shared by every part of ``Vault`` (never made directly)."""

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
