"""CLI: ``import PATH``, ``summary``, ``export --out``, ``search QUERY`` (DESIGN.md shapes).

Thin: open the vault -> call the same services as the GUI -> print. Errors are typed
(``ArchiveRejected`` exit 4, ``WrongPassphrase`` 3, ``VaultDamaged`` 5) and printed by cli.py.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import sys
import tempfile
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from plainview.errors import UsageError
from plainview.model import DEFAULT_SHARE_LEVEL, TIKTOK_CATEGORIES

if TYPE_CHECKING:
    from plainview.cli import Context

_PAGE = 2000


@contextlib.contextmanager
def _vault(ctx: Context) -> Iterator[Any]:
    from plainview.vault import Vault

    vault = Vault.open(ctx.vault_dir, ctx.passphrase())
    try:
        yield vault
    finally:
        vault.lock()


def _title(category: str) -> str:
    """The category's English title from the catalog; the id itself if the catalog lacks it."""
    try:
        from plainview.catalog import load_catalog

        return str(load_catalog("en").title(category))
    except Exception:
        return category


def _iso(at: datetime | None) -> str | None:
    return None if at is None else at.isoformat().replace("+00:00", "Z")


def _plural(n: int, word: str) -> str:
    if n == 1:
        return f"{n} {word}"
    return f"{n} {word}es" if word.endswith(("s", "ch", "sh", "x")) else f"{n} {word}s"


# ------------------------------------------------------------------------------------ import


def cmd_import(args: argparse.Namespace, ctx: Context) -> int:
    from plainview.importers import run_import

    path = Path(args.path).expanduser()
    show = not args.json and sys.stderr.isatty()

    def progress(fraction: float, _section: str) -> None:
        if show:
            sys.stderr.write(f"\rImporting… {int(fraction * 100):3d}%")
            sys.stderr.flush()

    with _vault(ctx) as vault:
        try:
            result = run_import(vault, path, progress=progress)
        finally:
            if show:
                sys.stderr.write("\r" + " " * 20 + "\r")
    if args.json:
        ctx.print_json(result.to_json())
        return 0
    total = sum(result.records.values())
    kind = "TXT format" if result.format == "txt" else f"JSON, {result.schema}"
    ctx.print(f"Imported {_plural(total, 'item')} from your TikTok export ({kind}).")
    if result.duplicates:
        new = "is" if result.added == 1 else "are"
        old = "was" if result.duplicates == 1 else "were"
        ctx.print(
            f"{_plural(result.added, 'item')} {new} new; "
            f"{result.duplicates} {old} already in your vault."
        )
    for category, n in sorted(result.records.items(), key=lambda kv: -kv[1]):
        if n:
            ctx.print(f"  {_title(category)}: {n}")
    empty = result.sections.get("empty", [])
    if empty:
        ctx.print(f"TikTok sent {_plural(len(empty), 'section')} with nothing in it.")
    unknown = result.sections.get("unrecognized", [])
    if unknown:
        ctx.print(
            f"{_plural(len(unknown), 'section')} Plainview does not know yet: "
            "what they hold was kept as it is."
        )
    for warning in result.warnings:
        ctx.print(f"Note: {warning}")
    return 0


# ----------------------------------------------------------------------------------- summary


def _shares(vault: Any) -> dict[str, str]:
    with vault.read() as conn:
        return {str(c): str(s) for c, s in conn.execute("SELECT category, share FROM choices")}


def cmd_summary(args: argparse.Namespace, ctx: Context) -> int:
    with _vault(ctx) as vault:
        counts = vault.category_counts()
        shares = _shares(vault)
        imports = vault.imports()
    categories = [
        {
            "id": cat,
            "title": _title(cat),
            "count": int(counts.get(cat, 0)),
            "share": shares.get(cat, DEFAULT_SHARE_LEVEL),
        }
        for cat in TIKTOK_CATEGORIES
    ]
    rows = [
        {
            "id": imp.id,
            "platform": imp.platform,
            "format": imp.format,
            "schema": imp.schema,
            "records": imp.records,
            "added": imp.added,
            "status": imp.status,
            "source_name": imp.source_name,
            "started_at": _iso(imp.started_at),
        }
        for imp in imports
    ]
    if args.json:
        ctx.print_json({"categories": categories, "imports": rows})
        return 0
    complete = [r for r in rows if r["status"] == "complete"]
    total = sum(int(c["count"]) for c in categories)  # type: ignore[call-overload]
    if not complete:
        ctx.print("Your vault is empty. Import your TikTok export with: plainview import PATH")
        return 0
    ctx.print(f"Your vault holds {_plural(total, 'item')} from {_plural(len(complete), 'import')}.")
    for c in categories:
        if c["count"]:
            ctx.print(f"  {c['title']}: {c['count']} ({c['share']})")
    return 0


# ------------------------------------------------------------------------------------ export


def _import_json(imp: Any) -> dict[str, Any]:
    return {
        "id": imp.id,
        "platform": imp.platform,
        "format": imp.format,
        "schema": imp.schema,
        "source_name": imp.source_name,
        "account": imp.account,
        "started_at": _iso(imp.started_at),
        "finished_at": _iso(imp.finished_at),
        "status": imp.status,
        "records": imp.records,
        "added": imp.added,
        "duplicates": imp.duplicates,
        # scalars TikTok put next to its lists (App, IsFastLane): not records, kept here
        "wrapper_values": (imp.result or {}).get("wrapper_values", {}),
    }


def _write_export(vault: Any, out: IO[str]) -> int:
    """Stream the whole vault as ``plainview-export/1`` JSON. Returns the record count."""
    imports = [_import_json(i) for i in vault.imports()]
    out.write('{"format": "plainview-export/1",\n"imports": ')
    out.write(json.dumps(imports, ensure_ascii=False))
    out.write(',\n"records": [')
    n = 0
    for category in TIKTOK_CATEGORIES:
        after = None
        while True:
            page = vault.records(category, after=after, limit=_PAGE, order="id")
            if not page:
                break
            for rec in page:
                item = {
                    "category": rec.category,
                    "occurred_at": _iso(rec.occurred_at),
                    "fields": rec.fields,
                    "source": {"import_id": rec.import_id, "path": rec.source_path},
                }
                out.write(",\n" if n else "\n")
                out.write(json.dumps(item, ensure_ascii=False))
                n += 1
            after = page[-1]
    out.write("\n]}\n")
    return n


def cmd_export(args: argparse.Namespace, ctx: Context) -> int:
    out = Path(args.out).expanduser()
    if not out.parent.is_dir():
        raise UsageError("the folder for --out does not exist")
    with _vault(ctx) as vault:
        fd, tmp_name = tempfile.mkstemp(prefix=".plainview-export-", dir=out.parent)
        tmp = Path(tmp_name)
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as f:
                n = _write_export(vault, f)
                f.flush()
                os.fsync(f.fileno())
            os.replace(tmp, out)
        except BaseException:
            with contextlib.suppress(OSError):
                tmp.unlink()
            raise
        from plainview.sharing.choices import record_export

        record_export(
            vault,
            "export",
            f"{out.name}: everything ({_plural(n, 'item')}, not encrypted)",
            recipient=getattr(args, "recipient", None),
            purpose=getattr(args, "purpose", None),
        )
    ctx.print(f"Exported {_plural(n, 'item')} to {out.name}. This file is not encrypted.")
    return 0


# ------------------------------------------------------------------------------------ search


def _snippet(fields: Any, query: str, width: int = 80) -> str:
    from plainview.importers.common import item_text

    text = item_text(fields) if not isinstance(fields, str) else fields
    text = " ".join(text.split())
    low = text.lower()
    pos = -1
    for word in query.lower().split():
        pos = low.find(word)
        if pos >= 0:
            break
    if pos < 0 or len(text) <= width:
        return text[:width]
    start = max(0, pos - width // 3)
    piece = text[start : start + width]
    return ("…" if start else "") + piece + ("…" if start + width < len(text) else "")


def cmd_search(args: argparse.Namespace, ctx: Context) -> int:
    query = str(args.query)
    with _vault(ctx) as vault:
        hits = vault.search(query, limit=200)
    rows = [
        {
            "category": h.category,
            "occurred_at": _iso(h.occurred_at),
            "snippet": _snippet(h.fields, query),
            "fields": h.fields,
        }
        for h in hits
    ]
    if args.json:
        ctx.print_json({"hits": rows})
        return 0
    if not rows:
        ctx.print("Nothing found.")
        return 0
    ctx.print(
        f"Found {_plural(len(rows), 'match')}"
        + (" (showing the first 200)." if len(rows) >= 200 else ".")
    )
    for r in rows:
        when = (r["occurred_at"] or "")[:10]
        ctx.print(f"  {_title(str(r['category']))}  {when}  {r['snippet']}")
    return 0
