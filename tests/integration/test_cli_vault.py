"""The vault commands through a real subprocess (``python -m plainview``): output and exit codes.

The vault is created once per module with the default KDF of the CLI; later tests copy it.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

PASS = "cli test passphrase"


def run(*args: str, vault: Path, stdin: str = "", **env: str) -> subprocess.CompletedProcess[str]:
    full_env = {k: v for k, v in os.environ.items() if not k.startswith("PLAINVIEW_")}
    full_env.update(env)
    return subprocess.run(
        [sys.executable, "-m", "plainview", "--vault", str(vault), *args],
        input=stdin,
        capture_output=True,
        text=True,
        env=full_env,
        timeout=120,
    )


@pytest.fixture(scope="module")
def made(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str, str]:
    folder = tmp_path_factory.mktemp("cli") / "vault"
    done = run("init", vault=folder, PLAINVIEW_PASSPHRASE=PASS)
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""
    return folder, done.stdout, done.stdout.split("recovery code: ")[1].split()[0]


@pytest.fixture
def vault_copy(made: tuple[Path, str, str], tmp_path: Path) -> Path:
    target = tmp_path / "vault"
    shutil.copytree(made[0], target)
    return target


def test_init_prints_code_once(made: tuple[Path, str, str]) -> None:
    folder, out, code = made
    lines = out.splitlines()
    assert [ln for ln in lines if ln.startswith("recovery code: ")] == [f"recovery code: {code}"]
    assert re.fullmatch(r"[0-9A-Z]{5}(-[0-9A-Z]{5})+", code)
    assert out.count(code) == 1
    assert any("write" in ln.lower() and "recovery code" in ln.lower() for ln in lines)
    kdf = json.loads((folder / "vault.key").read_text())["header"]["kdf"]
    assert kdf["memory_kib"] >= 262144  # the CLI uses the default, not the test floor


def test_init_twice_is_usage_error(vault_copy: Path) -> None:
    done = run("init", vault=vault_copy, PLAINVIEW_PASSPHRASE=PASS)
    assert done.returncode == 2
    assert done.stderr.startswith("error: ")


def test_verify_ok(vault_copy: Path) -> None:
    done = run("verify", vault=vault_copy, PLAINVIEW_PASSPHRASE=PASS)
    assert (done.returncode, done.stderr) == (0, "")
    assert done.stdout.startswith("ok")


def test_passphrase_from_stdin(vault_copy: Path) -> None:
    done = run("verify", vault=vault_copy, stdin=PASS + "\n")
    assert (done.returncode, done.stderr) == (0, "")


def test_wrong_passphrase_stderr_is_only_our_lines(vault_copy: Path) -> None:
    done = run("verify", vault=vault_copy, PLAINVIEW_PASSPHRASE="wrong")
    assert done.returncode == 3
    assert done.stdout == ""
    assert done.stderr == (
        "error: That passphrase is not right.\n"
        "hint: Check the keyboard layout and Caps Lock, or use your recovery code.\n"
    )


@pytest.mark.parametrize(
    ("target", "where"), [("vault.db", "middle"), ("vault.db", "page 1"), ("vault.key", "middle")]
)
def test_flipped_byte_exit_5_without_noise(vault_copy: Path, target: str, where: str) -> None:
    path = vault_copy / target
    data = bytearray(path.read_bytes())
    data[len(data) // 2 if where == "middle" else 100] ^= 0x10
    path.write_bytes(bytes(data))
    done = run("verify", vault=vault_copy, PLAINVIEW_PASSPHRASE=PASS)
    assert done.returncode == 5
    lines = done.stderr.splitlines()
    assert lines and lines[0].startswith("error: ")
    assert all(ln.startswith(("error: ", "hint: ")) for ln in lines), done.stderr
    assert "Traceback" not in done.stderr and "hmac" not in done.stderr.lower()


def test_passwd_then_recover(vault_copy: Path, made: tuple[Path, str, str]) -> None:
    code = made[2]
    done = run(
        "passwd", vault=vault_copy, PLAINVIEW_PASSPHRASE=PASS, PLAINVIEW_NEW_PASSPHRASE="second"
    )
    assert (done.returncode, done.stderr) == (0, "")
    assert run("verify", vault=vault_copy, PLAINVIEW_PASSPHRASE=PASS).returncode == 3
    assert run("verify", vault=vault_copy, PLAINVIEW_PASSPHRASE="second").returncode == 0
    typed = code.replace("-", "").lower()
    done = run(
        "recover",
        vault=vault_copy,
        PLAINVIEW_RECOVERY_CODE=typed,
        PLAINVIEW_NEW_PASSPHRASE="third",
    )
    assert (done.returncode, done.stderr) == (0, "")
    assert run("verify", vault=vault_copy, PLAINVIEW_PASSPHRASE="third").returncode == 0


def test_passwd_reads_both_passphrases_from_stdin(vault_copy: Path) -> None:
    done = run("passwd", vault=vault_copy, stdin=f"{PASS}\nfrom stdin\n")
    assert (done.returncode, done.stderr) == (0, "")
    assert run("verify", vault=vault_copy, stdin="from stdin\n").returncode == 0


def test_wrong_recovery_code_exit_3(vault_copy: Path) -> None:
    done = run(
        "recover",
        vault=vault_copy,
        PLAINVIEW_RECOVERY_CODE="AAAAA-BBBBB-CCCCC-DDDDD-EEEEE-FFFFF",
        PLAINVIEW_NEW_PASSPHRASE="x",
    )
    assert done.returncode == 3
    assert done.stderr.startswith("error: ")


def test_no_vault_is_usage_error(tmp_path: Path) -> None:
    done = run("verify", vault=tmp_path / "none", PLAINVIEW_PASSPHRASE=PASS)
    assert done.returncode == 2
    assert done.stderr.startswith("error: There is no vault")


def test_newer_vault_exit_1(vault_copy: Path) -> None:
    # Exit 1 for "this vault needs a newer Plainview": bump user_version through the API.
    bump = (
        "import sys; from pathlib import Path; from plainview.vault import Vault\n"
        f"v = Vault.open(Path(sys.argv[1]), {PASS!r})\n"
        "with v.transaction() as c: c.execute('PRAGMA user_version = 9001')\n"
        "v.lock()\n"
    )
    subprocess.run([sys.executable, "-c", bump, str(vault_copy)], check=True, timeout=60)
    done = run("verify", vault=vault_copy, PLAINVIEW_PASSPHRASE=PASS)
    assert done.returncode == 1
    assert done.stderr.splitlines()[0] == (
        "error: This vault was created by a newer version of Plainview; "
        "update Plainview to open it."
    )


def test_self_test_passes(tmp_path: Path) -> None:
    done = run("self-test", vault=tmp_path / "unused")
    assert done.returncode == 0, done.stdout + done.stderr
    lines = done.stdout.splitlines()
    assert lines and all(ln.startswith("ok ") for ln in lines)
    assert "ok sqlcipher build" in lines
    assert not (tmp_path / "unused").exists()  # self-test never touches the user's vault


def test_self_test_reports_each_failure(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    import argparse
    import io

    from plainview.cli import Context
    from plainview.commands import selftest_cmd
    from plainview.errors import InstallationBroken

    def broken(_tmp: Path) -> None:
        raise InstallationBroken("no codec")

    def crashes(_tmp: Path) -> None:
        raise RuntimeError("boom")

    def fine(tmp: Path) -> None:
        assert tmp.is_dir()

    monkeypatch.setattr(
        selftest_cmd, "CHECKS", [("first", fine), ("second", broken), ("third", crashes)]
    )
    out = io.StringIO()
    ctx = Context(vault_dir=tmp_path, stdout=out, env={})
    assert selftest_cmd.cmd_self_test(argparse.Namespace(), ctx) == 1
    assert out.getvalue().splitlines() == [
        "ok first",
        "FAIL second: no codec",
        "FAIL third: RuntimeError: boom",
    ]


class _Tty:
    def isatty(self) -> bool:
        return True

    def read(self) -> str:
        raise AssertionError("a terminal is prompted, not read")


@pytest.mark.parametrize(("second", "code"), [("typed twice", 0), ("typo", 2)])
def test_init_on_a_terminal_asks_twice(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, second: str, code: int
) -> None:
    import argparse
    import io

    from plainview import cli
    from plainview.commands import vault_cmds
    from plainview.errors import UsageError
    from plainview.vault import KdfParams, Vault

    answers = iter(["typed twice", second])
    monkeypatch.setattr(cli, "getpass", lambda _prompt="": next(answers))
    monkeypatch.setattr(vault_cmds, "getpass", lambda _prompt="": next(answers))
    create = Vault.create
    monkeypatch.setattr(
        vault_cmds.Vault, "create", lambda p, pw: create(p, pw, kdf=KdfParams.floor())
    )
    out = io.StringIO()
    ctx = cli.Context(vault_dir=tmp_path / "v", stdin=_Tty(), stdout=out, env={})  # type: ignore[arg-type]
    if code == 0:
        assert vault_cmds.cmd_init(argparse.Namespace(), ctx) == 0
        Vault.open(tmp_path / "v", "typed twice").lock()
    else:
        with pytest.raises(UsageError, match="not the same"):
            vault_cmds.cmd_init(argparse.Namespace(), ctx)
        assert not (tmp_path / "v").exists()
