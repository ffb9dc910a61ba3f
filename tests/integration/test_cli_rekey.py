"""The added commands ``plainview rekey`` and ``plainview forget-device`` through a real
subprocess: output, exit codes, and what they leave in the vault."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from plainview.errors import WrongRecoveryCode
from plainview.vault import KdfParams, Vault

PASS = "cli rekey passphrase"


def run(*args: str, vault: Path, **env: str) -> subprocess.CompletedProcess[str]:
    full_env = {k: v for k, v in os.environ.items() if not k.startswith("PLAINVIEW_")}
    # The child never touches this machine's real keyring (it could even prompt to unlock
    # it): keyring's fail backend, so the child sees no secure keyring at all.
    full_env["PYTHON_KEYRING_BACKEND"] = "keyring.backends.fail.Keyring"
    full_env.update(env)
    return subprocess.run(
        [sys.executable, "-m", "plainview", "--vault", str(vault), *args],
        input="",
        capture_output=True,
        text=True,
        env=full_env,
        timeout=120,
    )


@pytest.fixture
def made(vault_dir: Path) -> str:
    v, code = Vault.create(vault_dir, PASS, kdf=KdfParams.floor())
    v.set_setting("kept", "still here")
    v.lock()
    return code


def test_rekey_prints_a_new_recovery_code(vault_dir: Path, made: str) -> None:
    done = run("rekey", vault=vault_dir, PLAINVIEW_PASSPHRASE=PASS)
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""
    codes = re.findall(r"^recovery code: (\S+)$", done.stdout, flags=re.M)
    assert len(codes) == 1 and codes[0] != made
    assert "old recovery code no longer works" in done.stdout
    assert "remember" not in done.stdout.lower()  # it was not remembered
    v = Vault.open_with_recovery(vault_dir, codes[0])
    assert v.get_setting("kept") == "still here"
    v.lock()
    with pytest.raises(WrongRecoveryCode):
        Vault.open_with_recovery(vault_dir, made)
    assert run("verify", vault=vault_dir, PLAINVIEW_PASSPHRASE=PASS).returncode == 0


def test_rekey_wrong_passphrase_is_exit_3(vault_dir: Path, made: str) -> None:
    before = (vault_dir / "vault.key").read_bytes()
    done = run("rekey", vault=vault_dir, PLAINVIEW_PASSPHRASE="wrong one")
    assert done.returncode == 3
    assert done.stderr.startswith("error: ") and "Traceback" not in done.stderr
    assert "recovery code" not in done.stdout
    assert (vault_dir / "vault.key").read_bytes() == before


def test_rekey_drops_the_device_slot(memory_keyring, vault_dir: Path, made: str) -> None:
    v = Vault.open(vault_dir, PASS)
    v.remember_on_device()
    v.lock()
    done = run("rekey", vault=vault_dir, PLAINVIEW_PASSPHRASE=PASS)
    assert done.returncode == 0, done.stderr
    assert "Remember on this device" in done.stdout
    assert not Vault.remembered(vault_dir)


def test_forget_device(memory_keyring, vault_dir: Path, made: str) -> None:
    done = run("forget-device", vault=vault_dir)
    assert done.returncode == 0, done.stderr
    assert "nothing to forget" in done.stdout
    v = Vault.open(vault_dir, PASS)
    v.remember_on_device()
    v.lock()
    done = run("forget-device", vault=vault_dir)  # no passphrase needed
    assert done.returncode == 0, done.stderr
    assert "no longer opens the vault" in done.stdout
    assert not Vault.remembered(vault_dir)
    Vault.open(vault_dir, PASS).lock()


def test_forget_device_without_a_vault_is_exit_2(tmp_path: Path) -> None:
    done = run("forget-device", vault=tmp_path / "nothing")
    assert done.returncode == 2
    assert done.stderr.startswith("error: ")
