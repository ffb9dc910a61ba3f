"""CLI: ``choices [--json]``, ``choices set CATEGORY LEVEL``, ``share --out``, ``report --out``.

Thin: parse → sharing service → print. Shapes are the public contract in DESIGN.md.
"""

from __future__ import annotations

import argparse
import importlib
import os
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING, Any

from plainview.errors import PlainviewError, UsageError
from plainview.sharing import choices as choices_mod

if TYPE_CHECKING:
    from plainview.cli import Context


def _open_vault(ctx: Context) -> Any:
    vault_cls: Any = importlib.import_module("plainview.vault").Vault
    return vault_cls.open(ctx.vault_dir, ctx.passphrase())


def _setting(vault: Any, key: str, default: str) -> str:
    try:
        value = vault.get_setting(key, default)
    except Exception:
        return default
    return value if isinstance(value, str) and value else default


def _lang(vault: Any, ctx: Context) -> str:
    from plainview.sharing.texts import norm_lang

    return norm_lang(ctx.env.get("PLAINVIEW_LANG") or _setting(vault, "lang", "en"))


def _policy(vault: Any) -> str:
    """The policy the report names: the saved setting, else the one ``explain`` derives from
    the account region, but only when the profile category is not private (else EEA), so a
    report never reveals a private account region (``sharing.policy``)."""
    from plainview.sharing.policy import outward_policy

    policy_for_vault = getattr(
        importlib.import_module("plainview.insights"), "policy_for_vault", None
    )
    if policy_for_vault is None:
        return outward_policy(vault, _setting(vault, "policy", "eea"))
    return outward_policy(vault, str(policy_for_vault(vault)[0]))


def _catalog(lang: str) -> Any:
    load_catalog = getattr(importlib.import_module("plainview.catalog"), "load_catalog", None)
    if load_catalog is None:
        return None
    try:
        return load_catalog(lang)
    except PlainviewError:
        # a language the catalog does not ship yet: explanations in English
        return load_catalog("en") if lang != "en" else None


def _out_path(raw: str, suffixes: tuple[str, ...], hint: str) -> Path:
    out = Path(raw).expanduser()
    if out.suffix.casefold() not in suffixes:
        raise UsageError(f"--out must end in {' or '.join(suffixes)}", hint=hint)
    if not out.parent.is_dir():
        raise UsageError("the folder for --out does not exist")
    return out


def cmd_choices(args: argparse.Namespace, ctx: Context) -> int:
    if getattr(args, "choices_command", None) == "set":
        choices_mod.check_category(args.category)  # exit 2 before asking for a passphrase
        vault = _open_vault(ctx)
        try:
            choice = choices_mod.set_share(vault, args.category, args.level)
        finally:
            vault.lock()
        if args.json:
            ctx.print_json(choice.to_json())
        else:
            ctx.print(f"{choice.category}: {choice.share}")
        return 0
    vault = _open_vault(ctx)
    try:
        current = choices_mod.get_choices(vault)
        entries = choices_mod.ledger(vault)
    finally:
        vault.lock()
    if args.json:
        ctx.print_json(
            {
                "choices": [c.to_json() for c in current.values()],
                "ledger": [e.to_json() for e in entries],
            }
        )
        return 0
    width = max(len(c) for c in current)
    for c in current.values():
        ctx.print(f"{c.category:<{width}}  {c.share:<10}  {c.updated_at or '-'}")
    if entries:
        ctx.print("")
        ctx.print("consent ledger:")
        for e in entries:
            if e.kind == "export":
                extra = "".join(
                    f", {label} {value}"
                    for label, value in (("to", e.recipient), ("for", e.purpose))
                    if value
                )
                ctx.print(f"  {e.at}  {e.kind:<7}  {e.subject}: {e.new}{extra}")
            else:
                ctx.print(f"  {e.at}  {e.kind:<7}  {e.subject}: {e.old or '-'} -> {e.new}")
    return 0


def cmd_share(args: argparse.Namespace, ctx: Context) -> int:
    from plainview.sharing.package import build_share_package

    out = _out_path(args.out, (".zip",), "use --out FILE.zip")
    vault = _open_vault(ctx)
    try:
        lang = _lang(vault, ctx)
        result = build_share_package(
            vault,
            out,
            _catalog(lang),
            lang=lang,
            recipient=getattr(args, "recipient", None),
            purpose=getattr(args, "purpose", None),
        )
    finally:
        vault.lock()
    items = result.preview.items
    ctx.print(f"wrote {out}")
    if not items:
        ctx.print("every category is private: the package holds only README.txt and manifest.json")
    for i in items:
        ctx.print(f"  {i.category:<26}  {i.share:<10}  {i.records} records")
    return 0


def _write_text_atomic(out: Path, text: str) -> None:
    fd, tmp = tempfile.mkstemp(prefix=".plainview-report-", suffix=".tmp", dir=out.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, out)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def cmd_report(args: argparse.Namespace, ctx: Context) -> int:
    from plainview.sharing.report import audit_report_html

    out = _out_path(args.out, (".html", ".pdf"), "use --out FILE.html or --out FILE.pdf")
    vault = _open_vault(ctx)
    try:
        lang = _lang(vault, ctx)
        policy = _policy(vault)
        html = audit_report_html(vault, _catalog(lang), lang, policy=policy)
        if out.suffix.casefold() == ".pdf":
            from plainview.pdf import html_to_pdf

            html_to_pdf(html, out)
        else:
            _write_text_atomic(out, html)
        choices_mod.record_export(
            vault,
            "report",
            choices_mod.shown_detail(vault, out.name),
            recipient=getattr(args, "recipient", None),
            purpose=getattr(args, "purpose", None),
        )
    finally:
        vault.lock()
    ctx.print(f"wrote {out}")
    return 0
