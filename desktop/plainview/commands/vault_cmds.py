"""``init``, ``passwd``, ``recover``, ``verify`` (DESIGN.md "Command line"), and the added
``rekey`` (rotate the data key) and ``forget-device`` ("remember on this device" off)."""

from __future__ import annotations

import argparse
from getpass import getpass
from typing import TYPE_CHECKING

from plainview.errors import UsageError, VaultExists
from plainview.vault import Vault

if TYPE_CHECKING:
    from plainview.cli import Context


def _new_passphrase_ok(value: str) -> str:
    if not value:
        raise UsageError(
            "The new passphrase is empty.", hint="Set PLAINVIEW_NEW_PASSPHRASE or type it."
        )
    return value


def _confirm(ctx: Context, env_name: str, value: str) -> None:
    """Typed at a prompt: ask again, so a typo cannot lock the user out."""
    if env_name in ctx.env or not ctx.stdin.isatty():
        return
    if getpass("Repeat it: ") != value:
        raise UsageError("The two passphrases are not the same.", hint="Run the command again.")


def cmd_init(args: argparse.Namespace, ctx: Context) -> int:
    """Create a vault and print the recovery code once."""
    if Vault.exists(ctx.vault_dir):
        raise VaultExists(
            "There is already a vault in this folder.",
            hint="Use it with your passphrase, or choose another folder with --vault.",
        )
    passphrase = ctx.passphrase("Choose a passphrase: ")
    if not passphrase:
        raise UsageError("The passphrase is empty.", hint="Set PLAINVIEW_PASSPHRASE or type it.")
    _confirm(ctx, "PLAINVIEW_PASSPHRASE", passphrase)
    vault, code = Vault.create(ctx.vault_dir, passphrase)
    vault.lock()
    ctx.print(f"Created an encrypted vault in {ctx.vault_dir}")
    ctx.print(f"recovery code: {code}")
    ctx.print(
        "Write the recovery code down and keep it somewhere safe. It is the only way back in "
        "if you forget your passphrase, and it will not be shown again."
    )
    return 0


def cmd_passwd(args: argparse.Namespace, ctx: Context) -> int:
    """Change the passphrase (re-wraps the data key; the data is not rewritten)."""
    vault = Vault.open(ctx.vault_dir, ctx.passphrase())
    try:
        new = _new_passphrase_ok(ctx.new_passphrase())
        _confirm(ctx, "PLAINVIEW_NEW_PASSPHRASE", new)
        vault.change_passphrase(new)
    finally:
        vault.lock()
    ctx.print("Passphrase changed.")
    return 0


def cmd_recover(args: argparse.Namespace, ctx: Context) -> int:
    """Set a new passphrase with the recovery code."""
    code = ctx.recovery_code()
    new = _new_passphrase_ok(ctx.new_passphrase())
    _confirm(ctx, "PLAINVIEW_NEW_PASSPHRASE", new)
    Vault.recover(ctx.vault_dir, code, new)
    ctx.print("Passphrase reset. Your recovery code still works; keep it safe.")
    return 0


def cmd_verify(args: argparse.Namespace, ctx: Context) -> int:
    """Read and check every page of the vault (exit 5 when damaged)."""
    vault = Vault.open(ctx.vault_dir, ctx.passphrase())
    try:
        vault.verify()
    finally:
        vault.lock()
    ctx.print("ok: every page of the vault was read and checked; nothing is damaged.")
    return 0


def cmd_rekey(args: argparse.Namespace, ctx: Context) -> int:
    """Rotate the data key: re-encrypt the vault under a new random key, print the new
    recovery code once (the old one stops working). The passphrase stays the same."""
    passphrase = ctx.passphrase()
    vault = Vault.open(ctx.vault_dir, passphrase)
    try:
        remembered = Vault.remembered(ctx.vault_dir)
        code = vault.rotate_data_key(passphrase)
    finally:
        vault.lock()
    ctx.print("The vault was re-encrypted with a new key. Your passphrase is unchanged.")
    ctx.print(f"recovery code: {code}")
    ctx.print(
        "Your old recovery code no longer works. Write the new one down and keep it somewhere "
        "safe: it will not be shown again."
    )
    if remembered:
        ctx.print(
            "This device no longer opens the vault by itself: tick “Remember on this device” "
            "the next time you unlock to turn that on again."
        )
    return 0


def cmd_forget_device(args: argparse.Namespace, ctx: Context) -> int:
    """Remove the "remember on this device" slot and its keyring secret (no passphrase)."""
    if Vault.forget_device_at(ctx.vault_dir):
        ctx.print("This device no longer opens the vault without the passphrase.")
    else:
        ctx.print("The vault was not remembered on this device; nothing to forget.")
    return 0
