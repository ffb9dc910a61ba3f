"""CLI: ``plainview explain CATEGORY [--lang L] [--policy eea|us|row] [--json]``.

Thin: the catalog's explanation (under the policy that applies to this user, or the one
``--policy`` names for this call) plus the facts ``plainview.insights`` computes from the
vault. Labels come from ``resources/catalog/explain.<lang>.toml``. ``--json`` prints
``as_json`` (keys may be added, never renamed; docs in shared DESIGN.md).
"""

from __future__ import annotations

import argparse
import textwrap
import tomllib
from functools import lru_cache
from typing import TYPE_CHECKING, Any, Final

from plainview import insights
from plainview.catalog import Explanation, load_catalog, normalize_lang
from plainview.errors import UsageError
from plainview.model import TIKTOK_CATEGORIES
from plainview.resources import read_text

if TYPE_CHECKING:
    from plainview.cli import Context

LABEL_KEYS: Final = frozenset(
    {
        "sensitivity",
        "low",
        "medium",
        "high",
        "policy_used",
        "reason_account_region",
        "reason_setting",
        "reason_default",
        "reason_option",
        "reading_ours",
        "basis_entry",
        "what",
        "why",
        "shared_with",
        "retention",
        "control",
        "facts",
        "quote",
        "translation",
        "legal_basis",
        "source",
        "section",
        "sources",
        "no_import",
        "no_facts",
        "colon",
        "comma",
        "gap",
    }
)
WIDTH: Final = 88


@lru_cache(maxsize=4)
def labels(lang: str) -> dict[str, str]:
    """The labels in ``lang``, English for any that are missing."""
    en = tomllib.loads(read_text("catalog", "explain.en.toml"))["labels"]
    if lang == "en":
        return dict(en)
    tr = tomllib.loads(read_text("catalog", f"explain.{lang}.toml"))["labels"]
    return {**en, **tr}


def _wrap(text: str, indent: str = "  ", first: str | None = None) -> str:
    """Wrap English prose; CJK text has no spaces to break at, so it is left to the terminal."""
    first = indent if first is None else first
    if any("\u3000" <= ch <= "\u9fff" for ch in text):
        return first + text
    return textwrap.fill(
        " ".join(text.split()), WIDTH, initial_indent=first, subsequent_indent=indent
    )


def render(
    expl: Explanation,
    lab: dict[str, str],
    policy_reason: str,
    facts: list[str],
) -> str:
    """The explanation page as plain text."""
    c = lab["colon"]
    out: list[str] = [f"{expl.title}  ({expl.category})"]
    out.append(
        lab["sensitivity"].format(
            level=lab[expl.sensitivity], reason=expl.marked("sensitivity_reason")
        )
    )
    used = lab["policy_used"].format(name=expl.policy_name, date=expl.policy_date)
    out.append(f"{used}{lab['gap']}{policy_reason}")
    for note in expl.notes:
        out.append(note)
    out += ["", lab["what"], _wrap(expl.marked("what")), "", lab["why"]]
    if expl.why_note:
        out.append(_wrap(expl.marked("why_note")))
    for p in expl.why:
        out.append(f"  • {p.title}")
        if p.borrowed_label:
            out.append(_wrap(p.borrowed_label, "    "))
        out.append(_wrap(p.text, "    "))
        if p.paraphrase:
            out.append(f"    {expl.paraphrase_marker}")
        if p.quote:
            out.append(_wrap(f"{lab['quote']}{c}“{p.quote}”", "    "))
            if p.quote_translation:
                out.append(_wrap(f"{lab['translation']}{c}{p.quote_translation}", "    "))
        if p.legal_basis:
            out.append(_wrap(f"{lab['legal_basis']}{c}{p.legal_basis}", "    "))
            if p.basis_entry:
                out.append(_wrap(f"{lab['basis_entry']}{c}“{p.basis_entry}”", "    "))
        if p.reading == "ours":
            out.append(_wrap(lab["reading_ours"], "    "))
        where = f"{p.source.title}{lab['comma']}{lab['section']} “{p.section}”"
        out.append(f"    {lab['source']}{c}{where} — {p.source.url}")
    for key in ("shared_with", "retention", "control"):
        out += ["", lab[key]]
        items = expl.items(key)
        if not items:
            out.append(_wrap(expl.marked(key)))
        previous: str | None = None
        for item in items:  # one paragraph per statement; a label once before its run
            if item.label and item.label != previous:
                out.append(_wrap(item.label))
            previous = item.label
            out.append(_wrap(expl.marked(key, item.text), "    ", "  - "))
    if expl.control_sources:
        out.append(f"  {lab['sources']}{c.rstrip()}")
        out += [f"    {s.title} — {s.url}" for s in expl.control_sources]
    out += ["", lab["facts"]]
    out += [_wrap(f, "    ", "  - ") for f in facts]
    return "\n".join(out)


def as_json(
    expl: Explanation, policy_reason: str, facts: list[str], region: str | None = None
) -> dict[str, Any]:
    """The explanation as data: the shape ``plainview explain --json`` prints."""

    def statements(name: str) -> list[dict[str, Any]]:
        return [
            {"text": s.text, "label": s.label, "region": s.region, "fact_ids": list(s.facts)}
            for s in expl.items(name)
        ]

    return {
        "category": expl.category,
        "title": expl.title,
        "policy": {
            "region": expl.policy,
            "name": expl.policy_name,
            "date": expl.policy_date,
            "chosen_by": policy_reason,
            "account_region": region,
        },
        "what": expl.what,
        "why": [
            {
                "purpose": p.id,
                "title": p.title,
                "text": p.text,
                "quote": p.quote,
                "quote_translation": p.quote_translation,
                "source": {
                    "title": p.source.title,
                    "url": p.source.url,
                    "region": p.source.region,
                    "section": p.section,
                    "grade": p.source.grade,
                    "date": p.source.date,
                },
                "legal_basis": p.legal_basis,
                "basis_entry": p.basis_entry,
                "reading": p.reading,
                "label": p.borrowed_label,
                "region": p.region,
                "fact_ids": list(p.facts),
                "entry_id": p.entry_id,
            }
            for p in expl.why
        ],
        "why_note": expl.why_note or None,
        "shared_with": expl.shared_with,
        "retention": expl.retention,
        "control": expl.control,
        "control_sources": [{"title": s.title, "url": s.url} for s in expl.control_sources],
        "statements": {k: statements(k) for k in ("shared_with", "retention", "control")},
        "sensitivity": expl.sensitivity,
        "sensitivity_reason": expl.sensitivity_reason,
        "notes": list(expl.notes),
        "lang": expl.lang,
        "fallback_fields": sorted(expl.fallback_fields),
        "facts": facts,
    }


def _lang(args: argparse.Namespace, ctx: Context) -> str | None:
    raw = args.lang or ctx.env.get("PLAINVIEW_LANG")
    return normalize_lang(raw) if raw else None


def cmd_explain(args: argparse.Namespace, ctx: Context) -> int:
    category = args.category
    if category not in TIKTOK_CATEGORIES:
        raise UsageError(
            f"unknown category {category!r}",
            hint="valid categories: " + ", ".join(TIKTOK_CATEGORIES),
        )
    lang = _lang(args, ctx)  # a bad --lang fails before the passphrase is asked
    if lang is not None:
        load_catalog(lang)
    from plainview.vault import Vault

    vault = Vault.open(ctx.vault_dir, ctx.passphrase())
    try:
        if lang is None:
            saved = vault.get_setting("lang", None)
            try:
                lang = normalize_lang(saved) if isinstance(saved, str) else "en"
            except UsageError:
                lang = "en"
        catalog = load_catalog(lang)
        lab = labels(catalog.lang)
        policy, why = insights.policy_for_vault(vault)
        if getattr(args, "policy", None):
            policy, why = args.policy, "option"
        region = insights.account_region(vault)
        reason = lab[f"reason_{why}"].format(region=region or "")
        facts = [f.text for f in insights.facts_for(vault, category, catalog.lang)]
        if not facts:
            facts = [_no_data(vault, category, catalog.lang, lab)]
    finally:
        vault.lock()
    expl = catalog.explain(category, policy)
    if getattr(args, "json", False):
        ctx.print_json(as_json(expl, why, facts, region))
    else:
        ctx.print(render(expl, lab, reason, facts))
    return 0


def _no_data(vault: Any, category: str, lang: str, lab: dict[str, str]) -> str:
    from plainview.insights.text import Texts

    count = int(vault.count(category))
    if count:
        return lab["no_facts"].format(count=count)
    status = insights.section_status(vault, category)
    if status is None:
        return lab["no_import"]
    if status == "empty":
        return Texts(lang).fact("section_empty")
    return Texts(lang).fact("section_missing")
