"""Rotating the data key (SECURITY.md "Keys": sqlcipher_export to a new file, verify, swap).

The kill tests mirror test_kill_passwd.py: a child process rotates and is killed, either at
each named step (``rekey.step_hook`` calls ``os._exit``) or with SIGKILL at random moments;
afterwards the passphrase must always open the vault with every row intact (a mismatch of
key and database would be ``VaultDamaged``)."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import textwrap
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from plainview.errors import PlainviewError, WrongPassphrase, WrongRecoveryCode
from plainview.model import Record
from plainview.vault import KdfParams, Vault, db
from plainview.vault import keys as vkeys

PASS = "rotation passphrase 9"
N = 3000


def _fill(v: Vault, n: int = N, marker: str = "ROTMARK") -> None:
    iid = v.begin_import("tiktok", "json", "v2", "export.zip", "fp", None)
    t0 = datetime(2024, 1, 1, tzinfo=UTC)
    v.add_records(
        iid,
        [
            Record(
                "tiktok.direct_messages",
                t0 + timedelta(minutes=i),
                {"From": f"{marker}user{i:05d}", "Content": f"{marker}message {i:05d} 你好"},
                f"user_data.json:Chat/{i}",
                f"{marker}text{i:05d} {marker}message",
            )
            for i in range(n)
        ],
    )
    v.finish_import(iid, "complete", {})
    v.set_setting("kept", "still here")


def _pending(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if "rekey" in p.name or p.name.endswith(".tmp"))


@pytest.fixture
def filled(vault_dir: Path):
    v, code = Vault.create(vault_dir, PASS, kdf=KdfParams.floor())
    _fill(v)
    yield v, code
    if not v.locked:
        v.lock()


def test_rotation_round_trip(filled, vault_dir):
    v, old_code = filled
    before = v.category_counts()
    old_key = bytearray(v._data_key)
    old_header = (vault_dir / db.DB_FILE).read_bytes()[:16]
    new_code = v.rotate_data_key(PASS)
    assert new_code != old_code
    # Same content, usable at once, through the same Vault object.
    assert v.category_counts() == before
    assert len(v.search("ROTMARKmessage", limit=10_000)) == N
    assert v.get_setting("kept") == "still here"
    v.verify()
    assert bytearray(v._data_key) != old_key
    assert (vault_dir / db.DB_FILE).read_bytes()[:16] != old_header  # a new file (new salt)
    assert _pending(vault_dir) == []
    v.lock()
    # The old data key no longer opens the database.
    with pytest.raises(PlainviewError):
        db.connect(vault_dir / db.DB_FILE, old_key).close()
    opened = Vault.open(vault_dir, PASS)
    assert opened.category_counts() == before
    opened.lock()
    Vault.open_with_recovery(vault_dir, new_code).lock()
    with pytest.raises(WrongRecoveryCode):
        Vault.open_with_recovery(vault_dir, old_code)


def test_wrong_passphrase_changes_nothing(filled, vault_dir):
    v, code = filled
    key_before = (vault_dir / vkeys.KEY_FILE).read_bytes()
    with pytest.raises(WrongPassphrase):
        v.rotate_data_key("not the passphrase")
    with pytest.raises(PlainviewError):
        v.rotate_data_key("")
    assert (vault_dir / vkeys.KEY_FILE).read_bytes() == key_before
    assert v.get_setting("kept") == "still here"
    v.lock()
    Vault.open_with_recovery(vault_dir, code).lock()


def test_refused_while_an_import_runs(filled, vault_dir):
    v, _ = filled
    iid = v.begin_import("tiktok", "json", "v2", "second.zip", "fp2", None)
    with pytest.raises(PlainviewError, match="import is running"):
        v.rotate_data_key(PASS)
    v.finish_import(iid, "complete", {})
    v.rotate_data_key(PASS)


def test_refused_while_another_process_has_it_open(filled, vault_dir):
    v, _code = filled
    child = subprocess.Popen(
        [
            sys.executable,
            "-c",
            textwrap.dedent(
                f"""
                import sys
                from pathlib import Path
                from plainview.vault import Vault
                v = Vault.open(Path({str(vault_dir)!r}), {PASS!r})
                v.get_setting("kept")
                print("open", flush=True)
                sys.stdin.readline()
                v.lock()
                """
            ),
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert child.stdout.readline().strip() == "open"
        with pytest.raises(PlainviewError, match="another Plainview"):
            v.rotate_data_key(PASS)
        assert v.get_setting("kept") == "still here"  # still usable
        assert _pending(vault_dir) == []
    finally:
        child.communicate("\n", timeout=60)
    v.rotate_data_key(PASS)
    v.verify()


def test_device_slot_is_dropped(memory_keyring, filled, vault_dir):
    v, _ = filled
    v.remember_on_device()
    assert memory_keyring.entries
    v.rotate_data_key(PASS)
    assert not Vault.remembered(vault_dir)
    assert memory_keyring.entries == {}


def test_no_plaintext_temp_files(tmp_path):
    """The export runs with temp_store = MEMORY: with every temp folder pointing nowhere
    (SQLite could not create a temp file) the rotation still works, and afterwards no marker
    is anywhere in the vault folder."""
    folder = tmp_path / "vault"
    env = dict(os.environ)
    missing = str(tmp_path / "no-such-dir")
    env.update(TMPDIR=missing, SQLITE_TMPDIR=missing, TEMP=missing, TMP=missing)
    child = textwrap.dedent(
        f"""
        import sys
        from pathlib import Path
        sys.path.insert(0, {str(Path(__file__).resolve().parents[3])!r})
        from tests.unit.vault.test_rekey import _fill
        from plainview.vault import KdfParams, Vault
        v, _ = Vault.create(Path({str(folder)!r}), "pw", kdf=KdfParams.floor())
        _fill(v, 4000, "PVROTCANARY")
        v.rotate_data_key("pw")
        assert len(v.search("PVROTCANARYmessage", limit=10000)) == 4000
        v.lock()
        print("done")
        """
    )
    done = subprocess.run(
        [sys.executable, "-c", child], env=env, capture_output=True, text=True, timeout=300
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.strip() == "done"
    assert not (tmp_path / "no-such-dir").exists()
    for path in folder.rglob("*"):
        data = path.read_bytes()
        for needle in ("PVROTCANARY", "你好"):
            assert needle.encode() not in data, path.name
            assert needle.encode("utf-16-le") not in data, path.name


# --- kill -9 ---------------------------------------------------------------------------------

STEP_CHILD = textwrap.dedent(
    f"""
    import os, sys
    from pathlib import Path
    from plainview.vault import Vault, keys, rekey
    folder, at = Path(sys.argv[1]), sys.argv[2]
    make = keys.new_recovery_code
    def printed():
        code, raw = make()
        print(code, flush=True)
        return code, raw
    keys.new_recovery_code = printed
    def hook(name):
        if name == at:
            os._exit(137)
    rekey.step_hook = hook
    v = Vault.open(folder, {PASS!r})
    v.rotate_data_key({PASS!r})
    print("finished", flush=True)
    """
)

STEPS = ["exported", "verified", "key_written", "db_swapped", "key_swapped"]


@pytest.mark.slow
@pytest.mark.parametrize("at", STEPS)
def test_killed_at_each_step(filled, vault_dir, at):
    v, old_code = filled
    v.lock()
    done = subprocess.run(
        [sys.executable, "-c", STEP_CHILD, str(vault_dir), at],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 137, done.stderr[-2000:]
    new_code = done.stdout.split()[0]
    left = _pending(vault_dir)
    if at in ("key_written", "db_swapped"):
        assert left, "the kill should leave a rotation to settle"
    opened = Vault.open(vault_dir, PASS)  # settles, then opens: never a mismatch
    try:
        assert opened.get_setting("kept") == "still here"
        assert opened.count("tiktok.direct_messages") == N
        opened.verify()
    finally:
        opened.lock()
    assert _pending(vault_dir) == []
    committed = STEPS.index(at) >= STEPS.index("db_swapped")
    good, bad = (new_code, old_code) if committed else (old_code, new_code)
    Vault.open_with_recovery(vault_dir, good).lock()
    with pytest.raises(WrongRecoveryCode):
        Vault.open_with_recovery(vault_dir, bad)


LOOP_CHILD = textwrap.dedent(
    f"""
    import sys
    from pathlib import Path
    from plainview.vault import Vault, rekey
    rekey.step_hook = lambda name: print(name, flush=True)
    v = Vault.open(Path(sys.argv[1]), {PASS!r})
    print("ready", flush=True)
    while True:
        v.rotate_data_key({PASS!r})
    """
)


@pytest.mark.slow
def test_kill_during_rotation_random(filled, vault_dir):
    v, _ = filled
    v.lock()
    rng = random.Random(20261127)
    settled: list[str] = []
    last: list[str] = []  # the last step the child reported before it was killed
    for trial in range(21):
        proc = subprocess.Popen(
            [sys.executable, "-c", LOOP_CHILD, str(vault_dir)], stdout=subprocess.PIPE, text=True
        )
        assert proc.stdout is not None
        assert proc.stdout.readline().strip() == "ready"
        # A third of the trials are killed at any moment, the others a few milliseconds after
        # the export or after the check, so that SIGKILL lands inside the verify, write and
        # rename steps themselves.
        seen: list[str] = []
        wait_for = {1: "exported", 2: "verified"}.get(trial % 3)
        if wait_for:
            while not seen or seen[-1] != wait_for:
                seen.append(proc.stdout.readline().strip())
            delay = rng.uniform(0.0, 0.006 if wait_for == "exported" else 0.003)
        else:
            delay = rng.uniform(0.0, 1.5)
        try:
            proc.wait(timeout=delay)
        except subprocess.TimeoutExpired:
            proc.send_signal(signal.SIGKILL)
        proc.wait()
        steps = seen + [line.strip() for line in proc.stdout.read().splitlines()]
        proc.stdout.close()
        assert proc.returncode == -signal.SIGKILL
        last.append(steps[-1] if steps else "-")
        settled.append(vkeys.finish_pending_rotation(vault_dir))
        opened = Vault.open(vault_dir, PASS)
        try:
            assert opened.get_setting("kept") == "still here"
            assert opened.count("tiktok.direct_messages") == N
        finally:
            opened.lock()
        assert _pending(vault_dir) == []
    final = Vault.open(vault_dir, PASS)
    final.verify()
    final.lock()
    print("settled after kills:", {s: settled.count(s) for s in set(settled)})
    print("killed after step:", {s: last.count(s) for s in set(last)})


@pytest.mark.parametrize("at", ["exported", "verified", "key_written"])
def test_error_before_commit_keeps_the_old_key(filled, vault_dir, monkeypatch, at):
    from plainview.vault import rekey

    v, old_code = filled

    def fail(name):
        if name == at:
            raise OSError("disk full (simulated)")

    monkeypatch.setattr(rekey, "step_hook", fail)
    with pytest.raises(OSError):
        v.rotate_data_key(PASS)
    assert _pending(vault_dir) == []
    assert v.get_setting("kept") == "still here"  # same object, old key, still open
    v.set_setting("after", 1)
    v.lock()
    Vault.open_with_recovery(vault_dir, old_code).lock()


def test_error_after_commit_still_finishes(filled, vault_dir, monkeypatch):
    from plainview.vault import rekey

    v, _ = filled

    def fail(name):
        if name == "db_swapped":
            raise OSError("simulated")

    monkeypatch.setattr(rekey, "step_hook", fail)
    code = v.rotate_data_key(PASS)
    assert _pending(vault_dir) == []
    assert v.get_setting("kept") == "still here"
    v.lock()
    Vault.open_with_recovery(vault_dir, code).lock()


def test_reading_during_another_rotation_is_busy_not_damaged(filled, vault_dir):
    from plainview.errors import VaultBusy

    v, _ = filled
    v.lock()
    with vkeys.rotation_lock(vault_dir, wait=True) as held:  # as a rotating process holds it
        assert held
        with pytest.raises(VaultBusy) as info:
            Vault.open(vault_dir, PASS)
        assert "re-encrypting" in info.value.message
        with pytest.raises(VaultBusy):
            Vault.remembered(vault_dir)
    with vkeys.rotation_lock(vault_dir, wait=False, shared=True) as held:  # another reader
        assert held
        Vault.open(vault_dir, PASS).lock()  # readers do not block each other
    Vault.open(vault_dir, PASS).lock()


# --- a key-file change that started before a rotation must not undo it ---------------------


def test_remember_finishing_after_a_rotation_does_not_write_the_old_key(memory_keyring, vault_dir):
    """The keyring step of remember_on_device can wait a long time (a keyring asking to be
    unlocked); a rotation done meanwhile must not be overwritten with slots of the old key."""
    v, _code = Vault.create(vault_dir, PASS, kdf=KdfParams.floor())
    v.set_setting("kept", "still here")
    store = memory_keyring.set_password
    rotated: list[str] = []

    def slow_store(service: str, username: str, password: str) -> None:
        if not rotated:
            rotated.append(v.rotate_data_key(PASS))
        store(service, username, password)

    memory_keyring.set_password = slow_store  # type: ignore[method-assign]
    try:
        with pytest.raises(PlainviewError):
            v.remember_on_device()
    finally:
        v.lock()
    opened = Vault.open(vault_dir, PASS)
    try:
        assert opened.get_setting("kept") == "still here"
    finally:
        opened.lock()
    Vault.open_with_recovery(vault_dir, rotated[0]).lock()


def test_passphrase_change_finishing_after_a_rotation_does_not_write_the_old_key(
    vault_dir, monkeypatch
):
    v, _code = Vault.create(vault_dir, PASS, kdf=KdfParams.floor())
    v.set_setting("kept", "still here")
    original = vkeys.KeyFile.set_passphrase_slot
    rotated: list[str] = []

    def slow_wrap(self: vkeys.KeyFile, data_key: bytearray, passphrase: str) -> None:
        original(self, data_key, passphrase)
        if not rotated:  # Argon2id of the new passphrase runs outside the vault's lock
            rotated.append("")
            rotated[0] = v.rotate_data_key(PASS)

    monkeypatch.setattr(vkeys.KeyFile, "set_passphrase_slot", slow_wrap)
    try:
        with pytest.raises(PlainviewError):
            v.change_passphrase("a new one")
    finally:
        v.lock()
    monkeypatch.setattr(vkeys.KeyFile, "set_passphrase_slot", original)
    opened = Vault.open(vault_dir, PASS)
    try:
        assert opened.get_setting("kept") == "still here"
    finally:
        opened.lock()


def test_rotation_after_a_passphrase_change_meanwhile_is_refused(vault_dir, monkeypatch):
    """The passphrase typed for a rotation is checked against the key file of that moment; a
    passphrase change that lands during that check must not be silently reverted."""
    v, _code = Vault.create(vault_dir, PASS, kdf=KdfParams.floor())
    original = vkeys.KeyFile.unwrap_passphrase
    changed: list[bool] = []

    def slow_check(self: vkeys.KeyFile, passphrase: str) -> bytearray:
        key = original(self, passphrase)
        if not changed:
            changed.append(True)
            v.change_passphrase("changed meanwhile")
        return key

    monkeypatch.setattr(vkeys.KeyFile, "unwrap_passphrase", slow_check)
    try:
        with pytest.raises(PlainviewError):
            v.rotate_data_key(PASS)
    finally:
        v.lock()
    monkeypatch.setattr(vkeys.KeyFile, "unwrap_passphrase", original)
    Vault.open(vault_dir, "changed meanwhile").lock()


# --- a process that read vault.key just before another one rotated -------------------------


@pytest.fixture
def rotates_while_opening(vault_dir, monkeypatch):
    """Another open Vault rotates the data key while an opener derives its key (Argon2id or
    HKDF) from the key file it has just read: the opener then holds the OLD data key."""
    other, code = Vault.create(vault_dir, PASS, kdf=KdfParams.floor())
    other.set_setting("kept", "still here")
    codes: list[str] = []

    def after_first_read(original):
        def wrapped(self, secret):
            key = original(self, secret)
            if not codes:
                codes.append("")
                codes[0] = other.rotate_data_key(PASS)
                other.lock()
            return key

        return wrapped

    for name in ("unwrap_passphrase", "unwrap_recovery"):
        monkeypatch.setattr(vkeys.KeyFile, name, after_first_read(getattr(vkeys.KeyFile, name)))
    yield code, codes
    if not other.locked:
        other.lock()


def test_open_just_before_a_rotation_opens_with_the_new_key(rotates_while_opening, vault_dir):
    """Not 'damaged, restore a backup' (which would make people throw away a good vault)."""
    _old_code, codes = rotates_while_opening
    opened = Vault.open(vault_dir, PASS)
    try:
        assert codes and opened.get_setting("kept") == "still here"
    finally:
        opened.lock()


def test_old_recovery_code_just_before_a_rotation_is_the_wrong_code(
    rotates_while_opening, vault_dir
):
    old_code, codes = rotates_while_opening
    with pytest.raises(WrongRecoveryCode):
        Vault.open_with_recovery(vault_dir, old_code)
    assert codes
    Vault.open_with_recovery(vault_dir, codes[0]).lock()


@pytest.mark.parametrize("when", ["finishing_after_commit", "reopening_before_commit"])
def test_a_vault_left_unusable_by_a_failed_rotation_holds_no_key(
    filled, vault_dir, monkeypatch, when
):
    """When the rotation can neither finish nor reopen the old database, the Vault object
    is locked: its key buffers are zeroed, not left behind for a later lock() to find."""
    from plainview.vault import rekey

    v, old_code = filled
    key_buffer = v._data_key
    settle = vkeys.settle_rotation
    connect = db.connect

    def fail(name):
        if name == ("db_swapped" if when == "finishing_after_commit" else "exported"):
            raise OSError("simulated")

    def settle_fails_after_commit(folder):
        if (folder / vkeys.PENDING_KEY_FILE).exists() and not (
            folder / vkeys.PENDING_DB_FILE
        ).exists():
            raise OSError("simulated: cannot rename the key file")
        return settle(folder)

    def reconnect_fails(path, key, *args, **kwargs):
        raise OSError("simulated: cannot reopen")

    monkeypatch.setattr(rekey, "step_hook", fail)
    if when == "finishing_after_commit":
        monkeypatch.setattr(vkeys, "settle_rotation", settle_fails_after_commit)
    else:
        monkeypatch.setattr(rekey, "verify", lambda *a: None)
        real_export = rekey.export

        def export_then_break_connect(*args):
            real_export(*args)
            monkeypatch.setattr(db, "connect", reconnect_fails)

        monkeypatch.setattr(rekey, "export", export_then_break_connect)
    with pytest.raises(OSError):
        v.rotate_data_key(PASS)
    monkeypatch.setattr(db, "connect", connect)
    monkeypatch.setattr(vkeys, "settle_rotation", settle)
    assert v.locked
    assert key_buffer is not None and not any(key_buffer)
    assert v._data_key is None
    v.lock()
    opened = Vault.open(vault_dir, PASS)  # the next open settles whatever is left
    try:
        assert opened.get_setting("kept") == "still here"
    finally:
        opened.lock()
    if when == "reopening_before_commit":
        Vault.open_with_recovery(vault_dir, old_code).lock()


def test_export_connection_keeps_temp_files_in_memory(filled, monkeypatch):
    """SQLCipher does not encrypt temp files, and SQLite falls back to /var/tmp or /tmp (and
    unlinks its temp files at once) when TMPDIR is missing, so a folder scan cannot see them:
    check the pragma on the very connection that runs sqlcipher_export."""
    from plainview.vault import rekey

    v, _ = filled
    real_export = rekey.export
    seen: list[int] = []

    def export(conn, target, new_key):
        seen.append(conn.execute("PRAGMA temp_store").fetchone()[0])
        real_export(conn, target, new_key)
        seen.append(conn.execute("PRAGMA temp_store").fetchone()[0])

    monkeypatch.setattr(rekey, "export", export)
    v.rotate_data_key(PASS)
    assert seen == [2, 2]


def test_a_folder_without_flock_still_opens_but_is_not_rotated(filled, vault_dir, monkeypatch):
    """Some file systems (NFS without lockd, some shared or FUSE folders) refuse flock with
    ENOLCK/EOPNOTSUPP. That is not 'another process is re-encrypting': the vault must still
    open. A rotation, which is only safe under the lock, is refused there."""
    import errno
    import fcntl

    v, _ = filled
    v.lock()
    real_flock = fcntl.flock

    def no_flock(fd, operation):
        if operation & fcntl.LOCK_UN:
            return real_flock(fd, operation)
        raise OSError(errno.ENOLCK, "No locks available")

    monkeypatch.setattr(fcntl, "flock", no_flock)
    opened = Vault.open(vault_dir, PASS)
    try:
        assert opened.get_setting("kept") == "still here"
        assert Vault.remembered(vault_dir) is False
        with pytest.raises(PlainviewError, match="does not support file locks") as info:
            opened.rotate_data_key(PASS)
        assert "another" not in info.value.message  # not "open in another window"
        assert opened.get_setting("kept") == "still here"
    finally:
        opened.lock()
    assert _pending(vault_dir) == []
