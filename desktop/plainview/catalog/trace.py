"""Every statement traces to the fact base: checks shared by the tests of every platform.

A platform's catalog comes with three files (for TikTok in ``resources/catalog/``; later
platforms in ``resources/platforms/<id>/``, see ``resources/catalog/README.md``):

* the base catalog (``tiktok.en.toml``): purposes (``why``) and the shared-with, retention and
  control statements, each with ``facts = [ids]``;
* the facts file (``tiktok.facts.toml``): ``[facts.<id>]`` with ``section`` (a heading of the
  fact base), ``region`` (``eea`` | ``us`` | ``row`` | ``any``) and ``text``, an excerpt of
  that section, word for word;
* the fact base itself (``tiktok-privacy-facts.md``).

``problems`` returns every way the catalog fails to trace: a statement with no fact or an
unknown one, a fact that is not word for word in its section, a quote that is not word for
word in the fact base and in one of the statement's own facts, a source whose region its facts
do not back, and, under each policy, another region's text shown without its label or where
the user's own policy has a statement for that purpose.

Qt-free, no I/O: the caller reads the files.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from typing import Any, Final

from plainview.catalog.schema import POLICIES, STATEMENT_FIELDS, validate_facts

_HEADING: Final = re.compile(r"^(#{1,6})\s+(.*)$")


def normalise(text: str) -> str:
    """Markdown emphasis dropped, whitespace collapsed: how excerpts and quotes are compared."""
    return re.sub(r"\s+", " ", text.replace("*", "")).strip()


def sections(fact_base: str) -> dict[str, str]:
    """Heading (without ``#`` and without a trailing ``[grade: ...]``) -> its normalised text.

    The text of a section runs to the next heading of any level; the part before the first
    heading is under ``""``.
    """
    out: dict[str, list[str]] = {"": []}
    current = ""
    for line in fact_base.splitlines():
        m = _HEADING.match(line)
        if m:
            current = m.group(2).split(" [", 1)[0].strip()
            out.setdefault(current, [])
            continue
        out[current].append(line)
    return {k: normalise("\n".join(v)) for k, v in out.items()}


def _statements(base: Mapping[str, Any]) -> Iterator[tuple[str, dict[str, Any]]]:
    """(where, item) for every purpose and every shared-with/retention/control statement."""
    for cid, cat in base.get("categories", {}).items():
        for entry in cat.get("why", []):
            yield f"{cid}.why.{entry.get('id', '?')}", entry
        for key in STATEMENT_FIELDS:
            items = cat.get(key, [])
            for i, item in enumerate(items if isinstance(items, list) else []):
                yield f"{cid}.{key}[{i}]", item


def fact_problems(facts_doc: Mapping[str, Any], fact_base: str) -> list[str]:
    """The facts file itself: valid, and every excerpt word for word in its section."""
    problems = validate_facts(facts_doc)
    secs = sections(fact_base)
    for fid, fact in facts_doc.get("facts", {}).items():
        if not isinstance(fact, dict):
            continue
        section = str(fact.get("section", ""))
        if section not in secs:
            problems.append(f"facts.{fid}: no section {section!r} in the fact base")
        elif normalise(str(fact.get("text", ""))) not in secs[section]:
            problems.append(f"facts.{fid}: text is not word for word in section {section!r}")
    return problems


def statement_problems(
    base: Mapping[str, Any], facts_doc: Mapping[str, Any], fact_base: str
) -> list[str]:
    """Every purpose and statement names known facts; quotes are verbatim and backed."""
    problems: list[str] = []
    facts = facts_doc.get("facts", {})
    whole = normalise(fact_base)
    sources = base.get("sources", {})
    for where, item in _statements(base):
        ids = item.get("facts") if isinstance(item, dict) else None
        if not isinstance(ids, list) or not ids:
            problems.append(f"{where}: rests on no fact")
            continue
        unknown = [f for f in ids if f not in facts]
        if unknown:
            problems.append(f"{where}: unknown fact(s) {unknown}")
            continue
        texts = [normalise(str(facts[f]["text"])) for f in ids]
        quote = item.get("quote")
        if quote is not None:
            q = normalise(str(quote))
            if q not in whole:
                problems.append(f"{where}: quote is not verbatim in the fact base")
            elif not any(q in t for t in texts):
                problems.append(f"{where}: quote is in none of the statement's facts")
        src = sources.get(item.get("source", ""), {}) if "source" in item else {}
        region = src.get("region") if isinstance(src, dict) else None
        if region and region not in {facts[f]["region"] for f in ids}:
            problems.append(f"{where}: source is the {region} policy, but no fact is from it")
    return problems


def region_problems(catalog: Any, base: Mapping[str, Any]) -> list[str]:
    """Under each policy: another region's text is always labelled, and never shown for a
    purpose the user's own policy speaks to in that category.

    ``catalog`` is a ``plainview.catalog.Catalog`` built on ``base`` (duck-typed).
    """
    problems: list[str] = []
    for cid, cat in base.get("categories", {}).items():
        for policy in POLICIES:
            expl = catalog.explain(cid, policy)
            own_purposes = {
                e["purpose"]
                for e in cat.get("why", [])
                if policy in e.get("policies", POLICIES)
                and policy in catalog.regions_of(e.get("facts", []))
            }
            for p in expl.why:
                regions = catalog.regions_of(p.facts)
                if regions and policy not in regions:
                    if not p.borrowed_label:
                        problems.append(
                            f"{cid}/{policy}: {p.entry_id} is another region's, unlabelled"
                        )
                    if p.id in own_purposes:
                        problems.append(
                            f"{cid}/{policy}: {p.entry_id} borrowed although the {policy} "
                            "policy has its own statement for this purpose"
                        )
            for key in STATEMENT_FIELDS:
                for i, s in enumerate(expl.items(key)):
                    regions = catalog.regions_of(s.facts)
                    if regions and policy not in regions and not s.label:
                        problems.append(
                            f"{cid}/{policy}: {key}[{i}] is another region's, unlabelled"
                        )
                    if s.label and s.label not in getattr(expl, key):
                        problems.append(f"{cid}/{policy}: {key}[{i}] label is not shown")
    return problems


def problems(
    base: Mapping[str, Any], facts_doc: Mapping[str, Any], fact_base: str, catalog: Any
) -> list[str]:
    """All of the above."""
    return (
        fact_problems(facts_doc, fact_base)
        + statement_problems(base, facts_doc, fact_base)
        + region_problems(catalog, base)
    )


def region_figures(catalog: Any, base: Mapping[str, Any]) -> dict[str, dict[str, int]]:
    """Per policy, counts over the purposes shown: ``shown``, ``own`` (from the user's own
    region's policy), ``neutral`` (a TikTok page that is no region's policy), ``borrowed``
    (another region's, labelled), ``slots`` (category and purpose pairs for which the catalog
    has the user's own region's statement) and ``slots_own`` (those shown in the own text)."""
    out: dict[str, dict[str, int]] = {}
    for policy in POLICIES:
        f = dict.fromkeys(("shown", "own", "neutral", "borrowed", "slots", "slots_own"), 0)
        for cid, cat in base.get("categories", {}).items():
            shown = catalog.explain(cid, policy).why
            for p in shown:
                regions = catalog.regions_of(p.facts)
                f["shown"] += 1
                if not regions:
                    f["neutral"] += 1
                elif policy in regions:
                    f["own"] += 1
                else:
                    f["borrowed"] += 1
            slots = {
                e["purpose"]
                for e in cat.get("why", [])
                if policy in catalog.regions_of(e.get("facts", []))
            }
            f["slots"] += len(slots)
            f["slots_own"] += len(
                {p.id for p in shown if policy in catalog.regions_of(p.facts)} & slots
            )
        out[policy] = f
    return out
