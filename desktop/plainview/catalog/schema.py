"""The catalog file schema, defined in code: unknown keys and missing fields are errors.

Two kinds of file live in ``resources/catalog/``:

* the **base** file ``tiktok.en.toml`` holds the structure (sources, URLs, quotes, purpose
  ids, legal bases, sensitivity) and the English texts;
* a **translation** file ``tiktok.<lang>.toml`` holds only texts, keyed by the same ids.

A third file, ``tiktok.facts.toml``, gives every fact of the fact base that the catalog rests on
an id (``validate_facts``); each purpose and each shared-with, retention and control statement
names the ids it rests on (``plainview.catalog.trace`` checks them).

``validate_base`` / ``validate_translation`` return every problem found (an empty list means
the file is valid). A translation that leaves a text out is reported by ``missing_texts``;
the loader still works and falls back to English for that text, visibly marked.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Final

POLICIES: Final[tuple[str, ...]] = ("eea", "us", "row")
SENSITIVITIES: Final[tuple[str, ...]] = ("low", "medium", "high")
GRADES: Final[tuple[str, ...]] = ("A", "P", "T", "S")
BASES: Final[tuple[str, ...]] = (
    "contract",
    "legitimate_interests",
    "consent",
    "legal_obligation",
    "vital_interests",
)

# Where a fact comes from: one of the three policy regions, or "any" (a TikTok page that is
# not one region's privacy policy: Help Center, Cookies Policy, blog posts).
FACT_REGIONS: Final[tuple[str, ...]] = (*POLICIES, "any")

# key -> (type, required). Types: "str", "bool", "list[str]".
_Spec = dict[str, tuple[str, bool]]

META: Final[_Spec] = {
    "language": ("str", True),
    "fallback_marker": ("str", False),
    "facts_compiled": ("str", False),
}
TEMPLATES: Final[_Spec] = {
    "legal_basis": ("str", True),
    "our_reading": ("str", True),
    "paraphrase": ("str", True),
    "no_purpose": ("str", True),
    "other_policy": ("str", True),
    "regulator_note": ("str", True),
    "borrowed": ("str", True),
    "under_18": ("str", True),
}
POLICY_BASE: Final[_Spec] = {
    "source": ("str", True),
    "name": ("str", True),
    "date": ("str", True),
    "label": ("str", True),
}
POLICY_TR: Final[_Spec] = {"name": ("str", True), "date": ("str", True), "label": ("str", True)}
PURPOSE: Final[_Spec] = {"title": ("str", True)}
SOURCE_BASE: Final[_Spec] = {
    "title": ("str", True),
    "url": ("str", True),
    "grade": ("str", True),
    "date": ("str", True),
    "region": ("str", False),
}
SOURCE_TR: Final[_Spec] = {"title": ("str", True)}

# Category texts shared by both kinds of file.
CATEGORY_TEXTS: Final[tuple[str, ...]] = (
    "title",
    "summary",
    "what",
    "sensitivity_reason",
)
OPTIONAL_TEXTS: Final[tuple[str, ...]] = ("why_note",)
VARIANT_TEXTS: Final[tuple[str, ...]] = ("what",)
# Fields made of statements: in the base file a list of tables (text, facts, policies); in a
# translation a list of texts, one per base statement, in the same order.
STATEMENT_FIELDS: Final[tuple[str, ...]] = ("shared_with", "retention", "control")
STATEMENT: Final[_Spec] = {
    "text": ("str", True),
    "facts": ("list[str]", True),
    "policies": ("list[str]", False),
}
FACT: Final[_Spec] = {"section": ("str", True), "region": ("str", True), "text": ("str", True)}

CATEGORY_BASE: Final[_Spec] = {
    **{k: ("str", True) for k in CATEGORY_TEXTS},
    **{k: ("str", False) for k in OPTIONAL_TEXTS},
    "sensitivity": ("str", True),
    "control_sources": ("list[str]", True),
}
CATEGORY_TR: Final[_Spec] = {
    **{k: ("str", True) for k in CATEGORY_TEXTS},
    **{k: ("str", False) for k in OPTIONAL_TEXTS},
}
VARIANT: Final[_Spec] = {k: ("str", False) for k in VARIANT_TEXTS}
WHY_BASE: Final[_Spec] = {
    "id": ("str", True),
    "purpose": ("str", True),
    "source": ("str", True),
    "section": ("str", True),
    "text": ("str", True),
    "quote": ("str", False),
    "basis": ("str", False),
    "basis_entry": ("str", False),
    "mapping_ours": ("bool", False),
    "policies": ("list[str]", False),
    "facts": ("list[str]", True),
    "under_18": ("str", False),
}
WHY_TR: Final[_Spec] = {"text": ("str", True), "quote_translation": ("str", False)}

REGULATOR_BASE: Final[_Spec] = {
    "date": ("str", True),
    "regulator": ("str", True),
    "amount": ("str", True),
    "finding": ("str", True),
    "sources": ("str", True),
}
REGULATOR_TR: Final[_Spec] = {"regulator": ("str", True), "finding": ("str", True)}

MAX_QUOTE_WORDS: Final = 24


def _type_ok(value: Any, kind: str) -> bool:
    if kind == "str":
        return isinstance(value, str) and value.strip() != ""
    if kind == "bool":
        return isinstance(value, bool)
    if kind == "list[str]":
        return isinstance(value, list) and all(isinstance(v, str) and v for v in value)
    raise AssertionError(kind)


def check_table(
    data: Any, spec: Mapping[str, tuple[str, bool]], where: str, problems: list[str]
) -> bool:
    """Check one table against ``spec``; append problems; return whether it is a table."""
    if not isinstance(data, dict):
        problems.append(f"{where}: expected a table")
        return False
    for key in data:
        if key not in spec:
            problems.append(f"{where}: unknown key {key!r}")
    for key, (kind, required) in spec.items():
        if key not in data:
            if required:
                problems.append(f"{where}: missing {key!r}")
        elif not _type_ok(data[key], kind):
            problems.append(f"{where}.{key}: expected a non-empty {kind}")
    return True


def _check_top(data: Mapping[str, Any], allowed: set[str], problems: list[str]) -> None:
    for key in data:
        if key not in allowed:
            problems.append(f"unknown top-level table {key!r}")
    for key in allowed - {"regulator_findings"}:
        if key not in data:
            problems.append(f"missing top-level table {key!r}")


def _tables(data: Any, where: str, problems: list[str]) -> dict[str, Any]:
    if not isinstance(data, dict):
        problems.append(f"{where}: expected a table")
        return {}
    return data


_TOP: Final = {
    "meta",
    "templates",
    "policies",
    "bases",
    "purposes",
    "sources",
    "categories",
    "regulator_findings",
}


def validate_base(data: Mapping[str, Any], category_ids: tuple[str, ...]) -> list[str]:
    """Every problem in the English base file (structure and texts)."""
    problems: list[str] = []
    _check_top(data, _TOP, problems)
    check_table(data.get("meta", {}), META, "meta", problems)
    check_table(data.get("templates", {}), TEMPLATES, "templates", problems)
    policies = _tables(data.get("policies", {}), "policies", problems)
    if set(policies) != set(POLICIES):
        problems.append(f"policies: expected exactly {POLICIES}")
    sources = _tables(data.get("sources", {}), "sources", problems)
    for key, table in policies.items():
        ok = check_table(table, POLICY_BASE, f"policies.{key}", problems)
        if ok and table.get("source") not in sources:
            problems.append(f"policies.{key}: unknown source {table.get('source')!r}")
    check_table(data.get("bases", {}), {b: ("str", True) for b in BASES}, "bases", problems)
    purposes = _tables(data.get("purposes", {}), "purposes", problems)
    for key, table in purposes.items():
        check_table(table, PURPOSE, f"purposes.{key}", problems)
    for key, table in sources.items():
        if check_table(table, SOURCE_BASE, f"sources.{key}", problems):
            if table.get("grade") not in GRADES:
                problems.append(f"sources.{key}.grade: one of {GRADES}")
            if not str(table.get("url", "")).startswith("https://"):
                problems.append(f"sources.{key}.url: must be an https address")
            if "region" in table and table["region"] not in POLICIES:
                problems.append(f"sources.{key}.region: one of {POLICIES}")
    categories = _tables(data.get("categories", {}), "categories", problems)
    for cid in category_ids:
        if cid not in categories:
            problems.append(f"categories: missing {cid!r}")
    seen_ids: set[str] = set()
    for cid, cat in categories.items():
        where = f"categories.{cid}"
        if cid not in category_ids:
            problems.append(f"{where}: not a known category id")
        if not isinstance(cat, dict):
            problems.append(f"{where}: expected a table")
            continue
        why = cat.get("why", [])
        variants = cat.get("variants", {})
        nested = ("why", "variants", *STATEMENT_FIELDS)
        plain = {k: v for k, v in cat.items() if k not in nested}
        check_table(plain, CATEGORY_BASE, where, problems)
        for key in STATEMENT_FIELDS:
            items = cat.get(key)
            if not isinstance(items, list) or not items:
                problems.append(f"{where}.{key}: expected a list of statements")
                continue
            for i, item in enumerate(items):
                if check_table(item, STATEMENT, f"{where}.{key}[{i}]", problems):
                    for pol in item.get("policies", []):
                        if pol not in POLICIES:
                            problems.append(f"{where}.{key}[{i}].policies: unknown {pol!r}")
        if cat.get("sensitivity") not in SENSITIVITIES:
            problems.append(f"{where}.sensitivity: one of {SENSITIVITIES}")
        for src in cat.get("control_sources", []):
            if src not in sources:
                problems.append(f"{where}.control_sources: unknown source {src!r}")
        for pol, var in _tables(variants, f"{where}.variants", problems).items():
            if pol not in POLICIES:
                problems.append(f"{where}.variants: unknown policy {pol!r}")
            check_table(var, VARIANT, f"{where}.variants.{pol}", problems)
        if not isinstance(why, list):
            problems.append(f"{where}.why: expected a list of tables")
            continue
        if not why and "why_note" not in cat:
            problems.append(f"{where}: needs at least one purpose or a why_note")
        for i, entry in enumerate(why):
            w = f"{where}.why[{i}]"
            if not check_table(entry, WHY_BASE, w, problems):
                continue
            eid = entry.get("id", "")
            if eid in seen_ids:
                problems.append(f"{w}: duplicate id {eid!r}")
            seen_ids.add(eid)
            if entry.get("purpose") not in purposes:
                problems.append(f"{w}: unknown purpose {entry.get('purpose')!r}")
            if entry.get("source") not in sources:
                problems.append(f"{w}: unknown source {entry.get('source')!r}")
            if ("basis" in entry) != ("basis_entry" in entry):
                problems.append(f"{w}: 'basis' and 'basis_entry' go together")
            if "basis" in entry and entry["basis"] not in BASES:
                problems.append(f"{w}.basis: one of {BASES}")
            if "under_18" in entry and (
                entry["under_18"] not in BASES or entry.get("basis") != "contract"
            ):
                problems.append(f"{w}.under_18: a basis, only beside basis = 'contract'")
            if "quote" in entry and len(str(entry["quote"]).split()) > MAX_QUOTE_WORDS:
                problems.append(f"{w}.quote: must stay under 25 words")
            for pol in entry.get("policies", []):
                if pol not in POLICIES:
                    problems.append(f"{w}.policies: unknown policy {pol!r}")
    for i, row in enumerate(data.get("regulator_findings", [])):
        check_table(row, REGULATOR_BASE, f"regulator_findings[{i}]", problems)
    return problems


def validate_translation(data: Mapping[str, Any], base: Mapping[str, Any]) -> list[str]:
    """Structural problems in a translation: unknown keys or ids, wrong types.

    Missing texts are not structural (the loader falls back); see ``missing_texts``.
    """
    problems: list[str] = []
    for key in data:
        if key not in _TOP:
            problems.append(f"unknown top-level table {key!r}")
    lax = _lax
    check_table(data.get("meta", {}), META, "meta", problems)
    check_table(data.get("templates", {}), lax(TEMPLATES), "templates", problems)
    _check_ids(data.get("policies", {}), base["policies"], lax(POLICY_TR), "policies", problems)
    check_table(data.get("bases", {}), {b: ("str", False) for b in BASES}, "bases", problems)
    _check_ids(data.get("purposes", {}), base["purposes"], lax(PURPOSE), "purposes", problems)
    _check_ids(data.get("sources", {}), base["sources"], lax(SOURCE_TR), "sources", problems)
    cats = _tables(data.get("categories", {}), "categories", problems)
    for cid, cat in cats.items():
        where = f"categories.{cid}"
        if cid not in base["categories"]:
            problems.append(f"{where}: not in the base file")
            continue
        if not isinstance(cat, dict):
            problems.append(f"{where}: expected a table")
            continue
        nested = ("why", "variants", *STATEMENT_FIELDS)
        plain = {k: v for k, v in cat.items() if k not in nested}
        check_table(plain, lax(CATEGORY_TR), where, problems)
        base_cat = base["categories"][cid]
        for key in STATEMENT_FIELDS:
            if key not in cat:
                continue
            texts = cat[key]
            if not isinstance(texts, list) or not all(isinstance(t, str) for t in texts):
                problems.append(f"{where}.{key}: expected a list of texts")
            elif len(texts) != len(base_cat.get(key, [])):
                problems.append(f"{where}.{key}: one text per base statement")
        for pol, var in _tables(cat.get("variants", {}), f"{where}.variants", problems).items():
            if pol not in base_cat.get("variants", {}):
                problems.append(f"{where}.variants: {pol!r} is not in the base file")
            check_table(var, VARIANT, f"{where}.variants.{pol}", problems)
        base_why = {e["id"]: e for e in base_cat.get("why", [])}
        for eid, entry in _tables(cat.get("why", {}), f"{where}.why", problems).items():
            if eid not in base_why:
                problems.append(f"{where}.why: {eid!r} is not in the base file")
                continue
            check_table(entry, lax(WHY_TR), f"{where}.why.{eid}", problems)
            if "quote_translation" in entry and "quote" not in base_why[eid]:
                problems.append(f"{where}.why.{eid}: quote_translation without a quote")
    base_regs = base.get("regulator_findings", [])
    regs = data.get("regulator_findings", [])
    if regs and len(regs) != len(base_regs):
        problems.append("regulator_findings: must have one row per base row")
    for i, row in enumerate(regs):
        check_table(row, lax(REGULATOR_TR), f"regulator_findings[{i}]", problems)
    return problems


def missing_texts(data: Mapping[str, Any], base: Mapping[str, Any]) -> list[str]:
    """Every text the base file has and the translation lacks (each falls back to English)."""
    missing: list[str] = []

    def need(table: Any, key: str, where: str) -> None:
        if not isinstance(table, dict) or not table.get(key):
            missing.append(f"{where}.{key}")

    for key in TEMPLATES:
        need(data.get("templates"), key, "templates")
    for key in BASES:
        need(data.get("bases"), key, "bases")
    for section, keys in (
        ("policies", ("name", "date", "label")),
        ("purposes", ("title",)),
        ("sources", ("title",)),
    ):
        for sid in base[section]:
            for key in keys:
                need(data.get(section, {}).get(sid), key, f"{section}.{sid}")
    for cid, bcat in base["categories"].items():
        cat = data.get("categories", {}).get(cid, {})
        where = f"categories.{cid}"
        for key in CATEGORY_TEXTS + OPTIONAL_TEXTS:
            if key in bcat:
                need(cat, key, where)
        for key in STATEMENT_FIELDS:
            texts = cat.get(key) if isinstance(cat, dict) else None
            for i, _item in enumerate(bcat.get(key, [])):
                ok = isinstance(texts, list) and i < len(texts) and bool(texts[i])
                if not ok:
                    missing.append(f"{where}.{key}[{i}]")
        for pol, bvar in bcat.get("variants", {}).items():
            for key in bvar:
                need(cat.get("variants", {}).get(pol), key, f"{where}.variants.{pol}")
        for bentry in bcat.get("why", []):
            entry = cat.get("why", {}).get(bentry["id"])
            need(entry, "text", f"{where}.why.{bentry['id']}")
            if "quote" in bentry:
                need(entry, "quote_translation", f"{where}.why.{bentry['id']}")
    for i, _row in enumerate(base.get("regulator_findings", [])):
        rows = data.get("regulator_findings", [])
        row = rows[i] if i < len(rows) else None
        for key in REGULATOR_TR:
            need(row, key, f"regulator_findings[{i}]")
    return missing


def _lax(spec: Mapping[str, tuple[str, bool]]) -> _Spec:
    """The same keys, none required (a translation may leave texts out)."""
    return {k: (kind, False) for k, (kind, _req) in spec.items()}


def _check_ids(
    data: Any, base: Mapping[str, Any], spec: _Spec, where: str, problems: list[str]
) -> None:
    for key, table in _tables(data, where, problems).items():
        if key not in base:
            problems.append(f"{where}: {key!r} is not in the base file")
        check_table(table, spec, f"{where}.{key}", problems)


def validate_facts(data: Mapping[str, Any]) -> list[str]:
    """Every problem in a facts file (``<platform>.facts.toml``): ``[facts.<id>]`` tables."""
    problems: list[str] = []
    for key in data:
        if key not in ("meta", "facts"):
            problems.append(f"unknown top-level table {key!r}")
    facts = _tables(data.get("facts", {}), "facts", problems)
    if not facts:
        problems.append("facts: none given")
    for fid, fact in facts.items():
        ok = check_table(fact, FACT, f"facts.{fid}", problems)
        if ok and fact.get("region") not in FACT_REGIONS:
            problems.append(f"facts.{fid}.region: one of {FACT_REGIONS}")
    return problems
