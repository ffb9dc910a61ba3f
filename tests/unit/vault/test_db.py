"""SQLCipher opening rules, the build self-check, tamper detection in vault.db, schema versions."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

import pytest

from plainview.errors import InstallationBroken, VaultDamaged, VaultTooNew
from plainview.model import Record
from plainview.vault import Vault, check_sqlcipher_build
from plainview.vault import db as vdb
from plainview.vault.schema import LATEST_VERSION, MIGRATIONS


def _fill(vault: Vault, n: int = 3000) -> None:
    iid = vault.begin_import("tiktok", "json", "v2", "x.zip", None, None)
    vault.add_records(
        iid,
        (
            Record("tiktok.searches", None, {"q": f"item {i} " + "x" * 200}, "p", f"item{i}")
            for i in range(n)
        ),
    )
    vault.finish_import(iid, "complete", {})


def test_pragmas_on_every_connection(vault: Vault) -> None:
    for conn in (vault._main(), vault.connect_reader()):
        assert conn.execute("PRAGMA temp_store").fetchone()[0] == 2
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert conn.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
        assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        assert conn.execute("PRAGMA cipher_version").fetchone()[0]
        with pytest.raises(Exception, match=r"not authorized|no such function"):
            conn.execute("SELECT load_extension('/nonexistent')").fetchall()


def test_vault_db_is_not_plain_sqlite(vault: Vault, vault_dir: Path) -> None:
    vault.set_setting("k", "v")
    vault.lock()
    assert not (vault_dir / "vault.db").read_bytes().startswith(b"SQLite format 3")
    with pytest.raises(sqlite3.DatabaseError):
        sqlite3.connect(vault_dir / "vault.db").execute("SELECT * FROM sqlite_master").fetchall()


def test_build_check_passes_here() -> None:
    check_sqlcipher_build()


class _FakeConn:
    def __init__(self, version: str, options: list[str]) -> None:
        self.version, self.options = version, options

    def execute(self, sql: str) -> Any:
        rows = [(self.version,)] if "cipher_version" in sql else [(o,) for o in self.options]

        class _Cur:
            def fetchone(self) -> Any:
                return rows[0] if rows else None

            def fetchall(self) -> Any:
                return rows

        return _Cur()

    def close(self) -> None:
        pass


GOOD = ["ENABLE_FTS5", "HAS_CODEC", "TEMP_STORE=2", "THREADSAFE=1"]


@pytest.mark.parametrize(
    ("version", "options", "reason"),
    [
        ("", GOOD, "SQLCipher is missing"),
        ("4.19.0", [o for o in GOOD if o != "HAS_CODEC"], "codec"),
        ("4.19.0", [o for o in GOOD if o != "ENABLE_FTS5"], "FTS5"),
        ("4.19.0", ["ENABLE_FTS5", "HAS_CODEC", "TEMP_STORE=1"], "temporary"),
    ],
)
def test_build_check_refuses_broken_builds(
    monkeypatch: pytest.MonkeyPatch, version: str, options: list[str], reason: str
) -> None:
    monkeypatch.setattr(vdb.sqlcipher, "connect", lambda *_a, **_k: _FakeConn(version, options))
    with pytest.raises(InstallationBroken, match=reason):
        check_sqlcipher_build()


def test_build_check_accepts_temp_store_3(monkeypatch: pytest.MonkeyPatch) -> None:
    opts = ["ENABLE_FTS5", "HAS_CODEC", "TEMP_STORE=3"]
    monkeypatch.setattr(vdb.sqlcipher, "connect", lambda *_a, **_k: _FakeConn("4.19", opts))
    check_sqlcipher_build()


def test_flipped_byte_in_db_page_is_damage(vault: Vault, vault_dir: Path, passphrase: str) -> None:
    _fill(vault)
    vault.lock()
    path = vault_dir / "vault.db"
    data = path.read_bytes()
    assert len(data) > 40 * 4096
    # One byte in each page of the second half: records, index and full-text pages all
    # spread over the file, so a full read of the records meets at least one of them.
    flipped = bytearray(data)
    pages = len(data) // 4096
    for page in range(pages // 2, pages):
        flipped[page * 4096 + 1000] ^= 0x04
    path.write_bytes(bytes(flipped))
    v = Vault.open(vault_dir, passphrase)  # page 1 is intact: opening works...
    try:
        with pytest.raises(VaultDamaged) as info:
            v.verify()  # ...verify reads every page
        assert info.value.exit_code == 5
        with pytest.raises(VaultDamaged):  # and so does an ordinary full read
            for cat in ("tiktok.searches",):
                page_rows = v.records(cat, limit=500, order="id")
                while page_rows:
                    page_rows = v.records(cat, after=page_rows[-1], limit=500, order="id")
            v.search("item")
            v.count("tiktok.searches", "item1")
    finally:
        v.lock()


@pytest.mark.parametrize("offset", [0, 8, 17, 100, 4090])
def test_flipped_byte_in_first_page_fails_open(
    vault: Vault, vault_dir: Path, passphrase: str, offset: int
) -> None:
    vault.lock()
    path = vault_dir / "vault.db"
    data = bytearray(path.read_bytes())
    data[offset] ^= 0x80
    path.write_bytes(bytes(data))
    with pytest.raises(VaultDamaged):
        Vault.open(vault_dir, passphrase)


def test_replaced_db_is_damage(vault: Vault, vault_dir: Path, passphrase: str) -> None:
    vault.lock()
    other, _ = Vault.create(vault_dir.parent / "other", "x", kdf=vault.kdf)
    other.lock()
    (vault_dir / "vault.db").write_bytes((vault_dir.parent / "other" / "vault.db").read_bytes())
    with pytest.raises(VaultDamaged):
        Vault.open(vault_dir, passphrase)


def test_verify_passes_on_intact_vault(vault: Vault) -> None:
    _fill(vault, 500)
    vault.verify()


def test_newer_major_schema_refused(vault: Vault, vault_dir: Path, passphrase: str) -> None:
    with vault.transaction() as conn:
        conn.execute("PRAGMA user_version = 2001")
    vault.lock()
    with pytest.raises(VaultTooNew, match="newer version of Plainview"):
        Vault.open(vault_dir, passphrase)


def test_newer_minor_schema_opens(vault: Vault, vault_dir: Path, passphrase: str) -> None:
    with vault.transaction() as conn:
        conn.execute(f"PRAGMA user_version = {LATEST_VERSION + 5}")
    vault.lock()
    Vault.open(vault_dir, passphrase).lock()


def test_migrations_run_in_order_and_once(vault: Vault) -> None:
    conn = vault._main()
    assert vdb.user_version(conn) == LATEST_VERSION
    extra = (
        *MIGRATIONS,
        (LATEST_VERSION + 1, "CREATE TABLE extra_a (x INTEGER);"),
        (LATEST_VERSION + 2, "ALTER TABLE extra_a ADD COLUMN y TEXT;"),
    )
    vdb.migrate(conn, extra)
    assert vdb.user_version(conn) == LATEST_VERSION + 2
    vdb.migrate(conn, extra)  # nothing left to do: no "table exists" error
    cols = [r[1] for r in conn.execute("PRAGMA table_info(extra_a)")]
    assert cols == ["x", "y"]


def test_failed_migration_rolls_back(vault: Vault) -> None:
    conn = vault._main()
    broken = (*MIGRATIONS, (LATEST_VERSION + 1, "CREATE TABLE half (x); SELECT nope FROM nowhere;"))
    with pytest.raises(vdb.DatabaseError):
        vdb.migrate(conn, broken)
    assert vdb.user_version(conn) == LATEST_VERSION
    assert not conn.execute("SELECT name FROM sqlite_master WHERE name = 'half'").fetchall()
    assert not conn.in_transaction


def test_fresh_vault_has_the_schema(vault: Vault) -> None:
    with vault.read() as conn:
        names = {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
    assert {"imports", "records", "records_fts", "sections", "settings", "ledger"} <= names


def test_broken_build_refuses_to_create_or_open(
    vault: Vault, vault_dir: Path, passphrase: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    vault.lock()
    no_fts = [o for o in GOOD if o != "ENABLE_FTS5"]
    monkeypatch.setattr(vdb, "_build_checked", False)
    monkeypatch.setattr(vdb.sqlcipher, "connect", lambda *_a, **_k: _FakeConn("4.19", no_fts))
    with pytest.raises(InstallationBroken):
        Vault.open(vault_dir, passphrase)
    with pytest.raises(InstallationBroken):
        Vault.create(vault_dir.parent / "new", passphrase)
    assert not (vault_dir.parent / "new").exists()
