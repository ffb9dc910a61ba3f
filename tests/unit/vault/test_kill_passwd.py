"""kill -9 during a passphrase change (SECURITY.md test 5): the old or the new one always opens.

Two kinds of trials, each a child process killed with SIGKILL at a random moment:
- ``rewrap``: the child changes the passphrase back and forth with ``change_passphrase`` (the
  real code path; most kills land in the Argon2id derivation);
- ``write``: the child rewrites ``vault.key`` in a tight loop with the two prepared versions, so
  kills land inside the write/fsync/rename itself.
"""

from __future__ import annotations

import random
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from plainview.errors import WrongPassphrase
from plainview.vault import KdfParams, Vault
from plainview.vault import keys as vkeys

OLD, NEW = "old passphrase", "new passphrase"

CHILD = textwrap.dedent(
    f"""
    import sys
    from pathlib import Path
    from plainview.vault import KdfParams, Vault, keys
    keys.REWRAP_MINIMUM = KdfParams.floor()  # as the fast_rewrap fixture does in-process
    folder, mode = Path(sys.argv[1]), sys.argv[2]
    v = Vault.open(folder, {OLD!r})
    if mode == "write":
        old = keys.read_key_file(folder)
        v.change_passphrase({NEW!r})
        new = keys.read_key_file(folder)
        print("ready", flush=True)
        while True:
            keys.write_key_file(folder, old)
            keys.write_key_file(folder, new)
    else:
        print("ready", flush=True)
        while True:
            v.change_passphrase({NEW!r})
            v.change_passphrase({OLD!r})
    """
)


def _opens(folder: Path) -> str:
    for name, secret in (("old", OLD), ("new", NEW)):
        try:
            Vault.open(folder, secret).lock()
        except WrongPassphrase:
            continue
        return name
    raise AssertionError("neither the old nor the new passphrase opens the vault")


@pytest.mark.slow
@pytest.mark.parametrize(("mode", "trials"), [("write", 30), ("rewrap", 8)])
def test_kill_during_passphrase_change(tmp_path: Path, mode: str, trials: int) -> None:
    folder = tmp_path / "vault"
    vault, _ = Vault.create(folder, OLD, kdf=KdfParams.floor())
    vault.set_setting("kept", "still here")
    vault.lock()
    rng = random.Random(20261127)
    outcomes = []
    for _ in range(trials):
        proc = subprocess.Popen(
            [sys.executable, "-c", CHILD, str(folder), mode],
            stdout=subprocess.PIPE,
            text=True,
        )
        assert proc.stdout is not None
        assert proc.stdout.readline().strip() == "ready"
        delay = rng.uniform(0.0, 0.4 if mode == "rewrap" else 0.05)
        try:
            proc.wait(timeout=delay)
        except subprocess.TimeoutExpired:
            proc.send_signal(signal.SIGKILL)
        proc.wait()
        proc.stdout.close()
        assert proc.returncode == -signal.SIGKILL
        vkeys.read_key_file(folder)  # never a half-written key file
        opened_with = _opens(folder)
        outcomes.append(opened_with)
        if opened_with == "new":
            reset = Vault.open(folder, NEW)
            reset.change_passphrase(OLD)
            reset.lock()
    v = Vault.open(folder, OLD)
    assert v.get_setting("kept") == "still here"
    v.verify()
    v.lock()
    print(f"{mode}: {outcomes.count('old')} old, {outcomes.count('new')} new")
