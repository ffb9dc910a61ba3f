"""CLI: ``imports [--json]``, ``forget-import ID``, ``destroy`` (DESIGN.md "Command line").

Thin: open the vault with the passphrase -> ``plainview.vault.lifecycle`` -> print. A wrong
passphrase is exit 3, an unknown import number exit 2, a damaged vault exit 5 (cli.py)."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

from plainview.errors import UsageError
from plainview.vault import Vault, lifecycle

if TYPE_CHECKING:
    from plainview.cli import Context

_CONFIRM_WORD = "delete"


def _plural(n: int, word: str) -> str:
    return f"{n:,} {word}" if n == 1 else f"{n:,} {word}s"


def _stored(vault: Vault) -> dict[int, int]:
    with vault.read() as conn:
        rows = conn.execute("SELECT import_id, count(*) FROM records GROUP BY import_id")
        return {int(r[0]): int(r[1]) for r in rows}


def cmd_imports(args: argparse.Namespace, ctx: Context) -> int:
    """The imports in this vault, oldest first: number, platform, account, dates, counts."""
    vault = Vault.open(ctx.vault_dir, ctx.passphrase())
    try:
        rows = vault.imports()
        stored = _stored(vault)
    finally:
        vault.lock()
    items = []
    for row in rows:
        item = lifecycle.import_to_json(row)
        item["stored"] = stored.get(row.id, 0)
        categories = row.result.get("records") if isinstance(row.result, dict) else None
        item["categories"] = dict(categories) if isinstance(categories, dict) else {}
        items.append(item)
    if args.json:
        ctx.print_json({"imports": items})
        return 0
    if not items:
        ctx.print("This vault has no imports yet. Import an export with: plainview import PATH")
        return 0
    for item in items:
        account = f" @{item['account']}" if item["account"] else ""
        when = str(item["started_at"] or "")[:10]
        ctx.print(
            f"{item['id']:>4}  {item['platform']}{account}  {when}  {item['status']}  "
            f"{_plural(int(item['records']), 'item')} read, {int(item['added']):,} new, "
            f"{int(item['stored']):,} stored  ({item['source_name']})"
        )
    ctx.print("Remove one with: plainview forget-import ID")
    return 0


def cmd_forget_import(args: argparse.Namespace, ctx: Context) -> int:
    """Remove one import; records that another import also holds stay (with that import)."""
    vault = Vault.open(ctx.vault_dir, ctx.passphrase())
    try:
        result = lifecycle.forget_import(vault, int(args.id))
    finally:
        vault.lock()
    if getattr(args, "json", False):
        ctx.print_json(result.to_json())
        return 0
    ctx.print(
        f"Import {result.import_id} was removed: {_plural(result.removed, 'record')} deleted."
    )
    if result.kept:
        ctx.print(
            f"{_plural(result.kept, 'record')} stayed, because another import also holds "
            f"{'it' if result.kept == 1 else 'them'}."
        )
    ctx.print("The consent record keeps a line saying that this import was removed.")
    return 0


def cmd_destroy(args: argparse.Namespace, ctx: Context) -> int:
    """Delete this vault for good. Asks for the passphrase (exit 3 if wrong) and, typed at a
    terminal, for the word "delete" as well."""
    vault = Vault.open(ctx.vault_dir, ctx.passphrase())
    try:
        if ctx.stdin.isatty() and sys.stderr.isatty():
            sys.stderr.write(
                f"This deletes the vault in {ctx.vault_dir} and everything imported into it. "
                "It cannot be undone.\n"
            )
            sys.stderr.flush()
            typed = input(f"Type {_CONFIRM_WORD} to confirm: ").strip().lower()
            if typed != _CONFIRM_WORD:
                raise UsageError("Nothing was deleted.", hint=f"Type {_CONFIRM_WORD} to confirm.")
        folder = lifecycle.destroy(vault)
    finally:
        if not vault.locked:
            vault.lock()
    ctx.print(f"The vault in {folder} was deleted.")
    ctx.print(
        "Its key file was overwritten first, so copies of the database alone cannot be opened. "
        "Backups you made of the vault folder are not touched."
    )
    return 0
