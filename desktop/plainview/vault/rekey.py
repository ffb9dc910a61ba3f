"""Rotating the data key: ``sqlcipher_export`` to a new file, verify, swap (SECURITY.md "Keys").

``Vault.rotate_data_key`` drives it; this module holds the database steps. The file protocol
that makes the swap crash-safe lives in ``keys.py`` (``finish_pending_rotation``), because it
must run before every read of ``vault.key``.

Order of work (K = key, D = database; ``'`` = the new one):

1. Take the vault for ourselves: every connection of this process closed, then one
   connection in ``locking_mode = EXCLUSIVE`` that switches the old database to
   ``journal_mode = DELETE`` (this checkpoints and removes ``vault.db-wal``/``-shm``, and fails
   if another process has the vault open) and holds the exclusive lock until the end.
2. ``ATTACH 'vault.db.rekey' KEY <new raw key>`` → ``SELECT sqlcipher_export('rekey')`` →
   ``user_version`` copied → ``DETACH``. ``temp_store`` stays ``MEMORY`` (asserted): nothing
   of the export is written unencrypted.
3. Verify D' with the new key: SQLCipher's page check, ``integrity_check``, FTS5's own check
   and the same row count in every table. fsync D'.
4. Write ``vault.key.rekey`` (K') through a temp file + fsync + rename: once K' exists, D' is
   complete.
5. Commit point: ``rename(D', D)``, fsync the folder. Then ``rename(K', K)``, fsync.

A process killed at any point leaves one of these states, which ``finish_pending_rotation``
settles before the key file is read: no K' → the old pair is intact (D' is removed); K' and D'
→ not committed (K' removed first, then D'); K' without D' → committed, K' replaces K. So the
old key always opens the old database or the new key the new one, never a mix.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any, Final, cast

from sqlcipher3 import dbapi2 as sqlcipher

from plainview.errors import PlainviewError
from plainview.vault import db, keys

#: Called with the name of each step as it completes (tests kill the process there).
step_hook: Callable[[str], None] | None = None

ATTACHED: Final = "rekey"


def step(name: str) -> None:
    if step_hook is not None:
        step_hook(name)


def busy_elsewhere() -> PlainviewError:
    return PlainviewError(
        "The vault is open in another Plainview window or command.",
        hint="Close it there and try again.",
    )


def no_file_locks() -> PlainviewError:
    """The rotation waits for the folder's lock, so not getting it means the file system
    has none (a network drive without lock support, some shared or synced folders)."""
    return PlainviewError(
        "This folder does not support file locks (for example a network drive), so Plainview "
        "cannot re-encrypt the vault here safely. Nothing was changed.",
        hint="Move the vault folder to a disk in this computer, then try again.",
    )


def open_exclusive(path: Path, data_key: bytearray) -> db.Connection:
    """A connection to ``path`` that holds the database for itself (see step 1)."""
    conn = cast(
        db.Connection,
        sqlcipher.connect(str(path), isolation_level=None, check_same_thread=False),
    )
    try:
        conn.execute("PRAGMA cipher_log_level = NONE")
        literal = db._raw_key_literal(data_key)
        try:
            cast(Any, conn).set_key(literal)
        finally:
            keys.zero(literal)
        conn.execute("PRAGMA busy_timeout = 0")
        conn.execute("PRAGMA locking_mode = EXCLUSIVE")
        try:
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
            mode = conn.execute("PRAGMA journal_mode = DELETE").fetchone()
            if not mode or str(mode[0]).lower() != "delete":
                raise busy_elsewhere()
            conn.execute("BEGIN EXCLUSIVE")
            conn.execute("COMMIT")
        except db.DatabaseError as exc:
            if "locked" in str(exc) or "busy" in str(exc):
                raise busy_elsewhere() from None
            raise db.damaged() from None
        conn.execute("PRAGMA temp_store = MEMORY")
        row = conn.execute("PRAGMA temp_store").fetchone()
        if not row or row[0] != 2:
            raise db.damaged()
    except BaseException:
        conn.close()
        raise
    return conn


def _tables(conn: db.Connection, schema: str = "main") -> list[str]:
    rows = conn.execute(
        f"SELECT name FROM {schema}.sqlite_master WHERE type = 'table' "  # noqa: S608
        "AND name NOT LIKE 'sqlite_%' ORDER BY name"
    ).fetchall()
    return [str(r[0]) for r in rows]


def row_counts(conn: db.Connection, schema: str = "main") -> dict[str, int]:
    counts = {}
    for name in _tables(conn, schema):
        quoted = '"' + name.replace('"', '""') + '"'
        row = conn.execute(f"SELECT count(*) FROM {schema}.{quoted}").fetchone()  # noqa: S608
        counts[name] = int(row[0])
    return counts


def export(conn: db.Connection, target: Path, new_key: bytearray) -> None:
    """Steps 2: copy everything into ``target`` (a new file) keyed with ``new_key``."""
    for suffix in ("", "-journal", "-wal", "-shm"):
        with contextlib.suppress(FileNotFoundError):
            Path(f"{target}{suffix}").unlink()
    literal = db._raw_key_literal(new_key)
    try:
        conn.execute(f"ATTACH DATABASE ? AS {ATTACHED} KEY ?", (str(target), literal))
    finally:
        keys.zero(literal)
    try:
        with contextlib.suppress(OSError):
            target.chmod(0o600)
        conn.execute(f"SELECT sqlcipher_export('{ATTACHED}')").fetchall()
        version = db.user_version(conn)
        conn.execute(f"PRAGMA {ATTACHED}.user_version = {int(version)}")
    finally:
        conn.execute(f"DETACH DATABASE {ATTACHED}")


def verify(target: Path, new_key: bytearray, expected: dict[str, int]) -> None:
    """Step 3: the new file opens with the new key, every page checks out, same rows."""
    conn = db.connect(target, new_key)
    try:
        if conn.execute("PRAGMA cipher_integrity_check").fetchall():
            raise db.damaged()
        rows = conn.execute("PRAGMA integrity_check").fetchall()
        if [tuple(r) for r in rows] != [("ok",)]:
            raise db.damaged()
        conn.execute("INSERT INTO records_fts (records_fts) VALUES ('integrity-check')")
        if row_counts(conn) != expected:
            raise PlainviewError(
                "The re-encrypted copy of the vault did not match it, so nothing was changed.",
                hint="Run 'plainview verify'; if it reports no damage, try again.",
            )
    except db.DatabaseError:
        raise db.damaged() from None
    finally:
        conn.close()
    for suffix in ("-wal", "-shm", "-journal"):
        if Path(f"{target}{suffix}").exists():
            raise PlainviewError("The re-encrypted copy of the vault was not closed cleanly.")
    fsync_file(target)


def fsync_file(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
