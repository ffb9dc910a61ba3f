"""SQLCipher connections, the build self-check and schema migrations (SECURITY.md "Opening").

Every connection is opened the same way: ``cipher_log_level = NONE`` (SQLCipher must print
nothing on stderr) → raw 256-bit key through ``set_key(bytearray)`` → a read that proves the
key → ``temp_store = MEMORY`` (asserted to read back 2: SQLCipher does not encrypt temp files)
→ ``journal_mode = WAL`` → ``synchronous = FULL`` → ``foreign_keys = ON``. Extension loading is
never enabled.
"""

from __future__ import annotations

import contextlib
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final, cast

from sqlcipher3 import dbapi2 as sqlcipher

from plainview.errors import InstallationBroken, VaultDamaged, VaultTooNew
from plainview.vault.schema import LATEST_VERSION, MIGRATIONS, SCHEMA_MAJOR

if TYPE_CHECKING:
    # sqlcipher3 ships no type information; its API is the standard library's sqlite3.
    from sqlite3 import Connection as Connection
    from sqlite3 import DatabaseError as DatabaseError
else:
    Connection = sqlcipher.Connection
    DatabaseError = sqlcipher.DatabaseError

DB_FILE: Final = "vault.db"

DAMAGED_MESSAGE: Final = "The vault is damaged or was changed, so it cannot be read safely."
DAMAGED_HINT: Final = "Restore the vault folder from a backup."
_HEX: Final = b"0123456789abcdef"


def damaged() -> VaultDamaged:
    return VaultDamaged(DAMAGED_MESSAGE, hint=DAMAGED_HINT)


def _raw_key_literal(data_key: bytearray) -> bytearray:
    """``x'<64 hex>'`` as a bytearray, built without an intermediate ``str`` or ``bytes``."""
    out = bytearray(3 + 2 * len(data_key))
    out[0:2] = b"x'"
    for i, byte in enumerate(data_key):
        out[2 + 2 * i] = _HEX[byte >> 4]
        out[3 + 2 * i] = _HEX[byte & 15]
    out[-1] = ord("'")
    return out


def _zero(buf: bytearray) -> None:
    for i in range(len(buf)):
        buf[i] = 0


def check_sqlcipher_build() -> None:
    """Refuse to run on a SQLite without the SQLCipher codec, FTS5 or in-memory temp storage."""
    try:
        conn = sqlcipher.connect(":memory:")
        try:
            row = conn.execute("PRAGMA cipher_version").fetchone()
            version = str(row[0]) if row and row[0] else ""
            options = {str(r[0]) for r in conn.execute("PRAGMA compile_options").fetchall()}
        finally:
            conn.close()
    except sqlcipher.Error:
        version, options = "", set()
    problems = []
    if not version:
        problems.append("SQLCipher is missing")
    if "HAS_CODEC" not in options:
        problems.append("the encryption codec is missing")
    if "ENABLE_FTS5" not in options:
        problems.append("full-text search (FTS5) is missing")
    if not options & {"TEMP_STORE=2", "TEMP_STORE=3"}:
        problems.append("temporary data would be written to disk unencrypted")
    from plainview.vault import versions

    problems += versions.problems(str(getattr(sqlcipher, "sqlite_version", "")), version)
    if problems:
        raise InstallationBroken(
            "This installation of Plainview is broken: " + "; ".join(problems) + ".",
            hint="Reinstall Plainview from an official package.",
        )


_build_checked = False


def ensure_sqlcipher_build() -> None:
    """``check_sqlcipher_build()`` once per process (every create and unlock goes through it)."""
    global _build_checked
    if not _build_checked:
        check_sqlcipher_build()
        _build_checked = True


def connect(path: Path, data_key: bytearray, *, create: bool = False) -> Connection:
    """Open ``vault.db`` keyed with ``data_key``; ``VaultDamaged`` if it cannot be read."""
    if not create and not path.is_file():
        raise damaged()
    conn = cast(
        Connection, sqlcipher.connect(str(path), isolation_level=None, check_same_thread=False)
    )
    try:
        conn.execute("PRAGMA cipher_log_level = NONE")
        literal = _raw_key_literal(data_key)
        try:
            cast(Any, conn).set_key(literal)
        finally:
            _zero(literal)
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        conn.execute("PRAGMA temp_store = MEMORY")
        temp_store = conn.execute("PRAGMA temp_store").fetchone()
        if not temp_store or temp_store[0] != 2:
            raise InstallationBroken(
                "This installation of Plainview cannot keep temporary data in memory.",
                hint="Reinstall Plainview from an official package.",
            )
        mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()
        if not mode or str(mode[0]).lower() != "wal":
            raise damaged()
        conn.execute("PRAGMA synchronous = FULL")
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("PRAGMA busy_timeout = 10000")
    except sqlcipher.DatabaseError:
        conn.close()
        raise damaged() from None
    except BaseException:
        conn.close()
        raise
    return conn


def user_version(conn: Connection) -> int:
    row = conn.execute("PRAGMA user_version").fetchone()
    return int(row[0]) if row else 0


def migrate(conn: Connection, migrations: tuple[tuple[int, str], ...] = MIGRATIONS) -> None:
    """Bring the schema up to date; refuse a vault from a newer major version."""
    current = user_version(conn)
    if current // 1000 > SCHEMA_MAJOR:
        raise VaultTooNew(
            "This vault was created by a newer version of Plainview; update Plainview to open it.",
        )
    for version, sql in migrations:
        if version <= current:
            continue
        try:
            conn.executescript(f"BEGIN IMMEDIATE;\n{sql}\n;PRAGMA user_version = {int(version)};\n")
            conn.execute("COMMIT")
        except BaseException:
            with contextlib.suppress(sqlcipher.Error):
                conn.execute("ROLLBACK")
            raise
        current = version


def latest_version() -> int:
    return LATEST_VERSION


def in_transaction(conn: Any) -> bool:
    return bool(conn.in_transaction)
