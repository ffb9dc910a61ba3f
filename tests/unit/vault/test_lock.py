"""Locking: key buffers zeroed, every connection closed, no open file handles to the vault."""

from __future__ import annotations

import os
import threading
from pathlib import Path

import pytest

from plainview.model import Record
from plainview.vault import Vault


def open_vault_fds(folder: Path) -> list[str]:
    found = []
    base = str(folder.resolve())
    for fd in os.listdir("/proc/self/fd"):
        try:
            target = os.readlink(f"/proc/self/fd/{fd}")
        except OSError:
            continue
        if target.startswith(base):
            found.append(target)
    return found


def test_lock_closes_everything_and_zeroes_keys(vault: Vault, vault_dir: Path) -> None:
    vault.set_setting("x", 1)
    reader = vault.connect_reader()
    assert reader.execute("SELECT count(*) FROM settings").fetchone()[0] == 1
    iid = vault.begin_import("tiktok", "json", "v2", "x.zip", None, None)
    vault.add_records(iid, [Record("tiktok.likes", None, {"a": 1}, "p", "a")])
    key = vault._key()
    assert any(key)
    assert open_vault_fds(vault_dir)  # control: the scan sees open handles
    vault.lock()
    assert vault.locked
    assert key == bytearray(len(key))  # zeroed in place
    assert open_vault_fds(vault_dir) == []
    with pytest.raises(Exception, match="closed"):
        reader.execute("SELECT 1")


def test_reader_in_another_thread_is_closed_by_lock(vault: Vault) -> None:
    results: list[object] = []
    ready = threading.Event()
    go = threading.Event()

    def work() -> None:
        conn = vault.connect_reader()
        results.append(conn.execute("SELECT count(*) FROM records").fetchone()[0])
        ready.set()
        go.wait(10)
        try:
            conn.execute("SELECT 1")
        except Exception as exc:
            results.append(type(exc).__name__)

    t = threading.Thread(target=work)
    t.start()
    assert ready.wait(10)
    vault.lock()
    go.set()
    t.join(10)
    assert results == [0, "ProgrammingError"]


def test_lock_is_idempotent(vault: Vault) -> None:
    vault.lock()
    vault.lock()
    assert vault.locked


def test_lock_during_import_on_worker_thread(
    vault: Vault, vault_dir: Path, passphrase: str
) -> None:
    """The GUI locks while a worker imports: the worker stops with VaultLocked, nothing kept."""
    from plainview.errors import VaultLocked

    first_batch_done = threading.Event()
    locked = threading.Event()
    outcome: list[str] = []

    def items() -> object:
        for i in range(10):
            yield Record("tiktok.likes", None, {"i": i}, "p", f"t{i}")
        first_batch_done.set()  # the first batch of 10 is about to be written
        locked.wait(10)
        for i in range(10, 30):
            yield Record("tiktok.likes", None, {"i": i}, "p", f"t{i}")

    def work() -> None:
        iid = vault.begin_import("tiktok", "json", "v2", "x.zip", None, None)
        try:
            vault.add_records(iid, items(), batch_size=10)  # type: ignore[arg-type]
        except VaultLocked:
            outcome.append("locked")

    t = threading.Thread(target=work)
    t.start()
    assert first_batch_done.wait(10)
    vault.lock()
    locked.set()
    t.join(10)
    assert outcome == ["locked"]
    again = Vault.open(vault_dir, passphrase)
    try:
        assert [r.status for r in again.imports()] == ["failed"]
        assert again.category_counts() == {}
    finally:
        again.lock()


def test_orphan_db_without_key_is_explained(vault_dir: Path) -> None:
    from plainview.errors import VaultExists
    from plainview.vault import KdfParams

    (vault_dir / "vault.db").write_bytes(b"\0" * 4096)
    with pytest.raises(VaultExists, match="without its key file"):
        Vault.create(vault_dir, "x", kdf=KdfParams.floor())
