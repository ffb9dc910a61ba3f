"""``self-test``: named end-to-end checks of this installation.

Add a check by appending ``(name, function)`` to ``CHECKS``; the function gets an empty
temporary folder and raises (anything) on failure.
"""

from __future__ import annotations

import argparse
import contextlib
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from plainview.errors import PlainviewError
from plainview.vault import KdfParams, Vault, check_sqlcipher_build

if TYPE_CHECKING:
    from plainview.cli import Context

Check = Callable[[Path], None]


def check_sqlcipher(_tmp: Path) -> None:
    check_sqlcipher_build()


def check_vault_roundtrip(tmp: Path) -> None:
    """Create a vault, write and read a setting, lock, unlock, reject a wrong passphrase."""
    folder = tmp / "vault"
    vault, code = Vault.create(folder, "self-test passphrase", kdf=KdfParams.floor())
    vault.set_setting("self-test", {"ok": True})
    vault.lock()
    if not vault.locked:
        raise RuntimeError("the vault did not lock")
    if (folder / "vault.db").read_bytes()[:16] == b"SQLite format 3\0":
        raise RuntimeError("the vault file is not encrypted")
    vault = Vault.open(folder, "self-test passphrase")
    try:
        if vault.get_setting("self-test") != {"ok": True}:
            raise RuntimeError("the vault did not return what was stored")
        vault.verify()
    finally:
        vault.lock()
    try:
        Vault.open(folder, "not the passphrase").lock()
    except PlainviewError as err:
        if err.exit_code != 3:
            raise
    else:
        raise RuntimeError("a wrong passphrase opened the vault")
    Vault.open_with_recovery(folder, code).lock()


def check_default_kdf(_tmp: Path) -> None:
    """Argon2id key derivation is available (it needs OpenSSL >= 3.2)."""
    from plainview.vault.keys import derive_passphrase_key, zero

    zero(derive_passphrase_key("x", b"\0" * 16, KdfParams.floor()))


def _sample_file() -> contextlib.AbstractContextManager[Path]:
    """The bundled sample export as a real file (``importlib.resources.as_file``)."""
    from importlib.resources import as_file

    from plainview.resources import resource

    return as_file(resource("sample", "tiktok-sample.zip"))


def check_import_sample(tmp: Path) -> None:
    """Import the bundled sample export (parser worker included) and search it."""
    from plainview.importers import run_import

    vault, _code = Vault.create(tmp / "vault", "self-test passphrase", kdf=KdfParams.floor())
    try:
        with _sample_file() as sample:
            result = run_import(vault, sample)
        if result.schema != "v3" or result.added < 100:
            raise RuntimeError("the sample export imported incompletely")
        if not vault.search("sourdough"):
            raise RuntimeError("search found nothing in the imported sample")
    finally:
        vault.lock()


CHECKS: list[tuple[str, Check]] = [
    ("sqlcipher build", check_sqlcipher),
    ("argon2id", check_default_kdf),
    ("vault create, unlock, lock", check_vault_roundtrip),
    ("import sample", check_import_sample),
]


def run_checks(checks: list[tuple[str, Check]] | None = None) -> list[tuple[str, str | None]]:
    """Run each check in its own temporary folder: [(name, None | reason)]."""
    results: list[tuple[str, str | None]] = []
    for name, check in checks if checks is not None else CHECKS:
        with tempfile.TemporaryDirectory(prefix="plainview-selftest-") as tmp:
            try:
                check(Path(tmp))
            except PlainviewError as err:
                results.append((name, err.message))
            except Exception as err:  # a failing check must not stop the others
                results.append((name, f"{type(err).__name__}: {err}"))
            else:
                results.append((name, None))
    return results


def cmd_self_test(args: argparse.Namespace, ctx: Context) -> int:
    results = run_checks()
    for name, reason in results:
        ctx.print(f"ok {name}" if reason is None else f"FAIL {name}: {reason}")
    return 0 if all(reason is None for _, reason in results) else 1
