"""Plain-language explanations of each data category, loaded from ``resources/catalog/``.

Qt-free. ``load_catalog("en")`` or ``load_catalog("zh_CN")``; a text missing from a
translation falls back to English and is listed in ``Explanation.fallback_fields`` (the UI
and CLI show ``Catalog.fallback_marker`` next to it).

Every statement about TikTok comes from the project's fact base (see
``resources/catalog/README.md``). Each purpose and each shared-with, retention and control
statement names the facts it rests on (ids in ``tiktok.facts.toml``); each fact says which
policy region it comes from. A user is shown their own region's text; where their policy is
silent on a point, another region's text is shown with a label that says so
(``Purpose.borrowed_label``, ``Statement.label``). ``plainview.catalog.trace`` checks it all.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, Final, Literal

from plainview.catalog.schema import (
    POLICIES,
    STATEMENT_FIELDS,
    missing_texts,
    validate_base,
    validate_facts,
    validate_translation,
)
from plainview.errors import InstallationBroken, UsageError
from plainview.model import TIKTOK_CATEGORIES
from plainview.regions import EEA_MEMBERS
from plainview.resources import read_text, resource

__all__ = [
    "POLICIES",
    "Catalog",
    "Explanation",
    "Policy",
    "Purpose",
    "RegulatorFinding",
    "Source",
    "Statement",
    "join_texts",
    "load_catalog",
    "normalize_lang",
    "policy_for_region",
]

Sensitivity = Literal["low", "medium", "high"]
PolicyKey = Literal["eea", "us", "row"]

BASE_LANG: Final = "en"
_LANG_ALIASES: Final = {
    "en": "en",
    "en_us": "en",
    "en_gb": "en",
    "zh": "zh_CN",
    "zh_cn": "zh_CN",
    "zh_hans": "zh_CN",
    "zh_hans_cn": "zh_CN",
}

# EU member states, the other EEA states (IS, LI, NO), the UK (GB, and "UK" as some
# exports write it) and Switzerland: the EEA/UK/Switzerland policy applies.
EEA_REGIONS: Final = EEA_MEMBERS | {"EL", "GB", "UK", "CH"}  # EL: the EU's code for Greece


@dataclass(frozen=True, slots=True)
class Source:
    """A citation: shown as a small link-like label."""

    id: str
    title: str
    url: str
    grade: str  # A archived policy text, P TikTok page, T translated help page, S secondary
    date: str
    region: str | None = None  # "eea" | "us" | "row" for a region's policy, else None


@dataclass(frozen=True, slots=True)
class Purpose:
    """One purpose TikTok states for a category, with its source."""

    id: str  # stable purpose id, e.g. "personalised_ads" (shared by categories)
    text: str  # plain-language sentence(s)
    quote: str | None  # verbatim English quote (< 25 words) or None
    paraphrase: bool  # True when there is no quote: ``text`` is our paraphrase
    source: Source
    section: str  # the policy's own section heading (English)
    policy_date: str  # date of the cited source
    legal_basis: str | None  # EEA only: the basis TikTok says it relies on
    title: str = ""  # the purpose in a few words
    quote_translation: str | None = None  # translation of the quote (marked as such)
    mapping_ours: bool = False  # the link from this data to the purpose is our reading
    entry_id: str = ""  # id of this catalog entry (unique across the catalog)
    facts: tuple[str, ...] = ()  # ids of the facts (``tiktok.facts.toml``) it rests on
    region: str | None = None  # the policy region its facts come from (None: not a policy)
    borrowed_label: str | None = None  # "The U.S. policy says nothing specific here; ..."
    basis_entry: str | None = None  # EEA only: the policy's own name of the basis entry

    @property
    def reading(self) -> str:
        """``"ours"`` when linking this data to the purpose is Plainview's reading."""
        return "ours" if self.mapping_ours else "stated"


@dataclass(frozen=True, slots=True)
class Statement:
    """One sentence or a few of shared-with, retention or control text, with its facts."""

    text: str
    facts: tuple[str, ...]
    region: str | None = None  # the policy region its facts come from (None: not a policy)
    label: str | None = None  # set when the text is another region's: say so first

    def shown(self) -> str:
        return join_texts(self.label, self.text) if self.label else self.text


def join_texts(*parts: str) -> str:
    """Sentences one after another: a space between them, none after CJK text."""
    out = ""
    for part in parts:
        if not part:
            continue
        if out and not ("\u2e80" <= out[-1] <= "\u9fff" or "\uff00" <= out[-1] <= "\uffef"):
            out += " "
        out += part
    return out


@dataclass(frozen=True, slots=True)
class Explanation:
    category: str
    title: str
    what: str
    why: list[Purpose]
    shared_with: str
    retention: str
    control: str
    sensitivity: Sensitivity
    sensitivity_reason: str
    fallback_fields: set[str]
    policy_name: str
    policy_date: str
    policy: str = "eea"
    summary: str = ""
    why_note: str = ""
    control_sources: tuple[Source, ...] = ()
    fallback_marker: str = ""
    lang: str = BASE_LANG
    notes: tuple[str, ...] = field(default=())
    paraphrase_marker: str = ""  # shown with every purpose whose ``paraphrase`` is True
    shared_with_items: tuple[Statement, ...] = ()
    retention_items: tuple[Statement, ...] = ()
    control_items: tuple[Statement, ...] = ()

    def items(self, name: str) -> tuple[Statement, ...]:
        """The statements of ``shared_with``, ``retention`` or ``control``."""
        if name not in STATEMENT_FIELDS:
            raise KeyError(name)
        items: tuple[Statement, ...] = getattr(self, f"{name}_items")
        return items

    @property
    def sources(self) -> tuple[Source, ...]:
        """Every source cited on this page, once, in order of appearance."""
        seen: dict[str, Source] = {}
        for p in self.why:
            seen.setdefault(p.source.id, p.source)
        for s in self.control_sources:
            seen.setdefault(s.id, s)
        return tuple(seen.values())

    def marked(self, name: str, text: str | None = None) -> str:
        """``text`` (default: the field) followed by the fallback marker when it fell back."""
        value = getattr(self, name) if text is None else text
        if name in self.fallback_fields and self.fallback_marker:
            return f"{value} {self.fallback_marker}"
        return str(value)


@dataclass(frozen=True, slots=True)
class Policy:
    key: str
    name: str
    date: str
    source: Source


@dataclass(frozen=True, slots=True)
class RegulatorFinding:
    """A regulator decision (secondary sources only; see the facts file §3)."""

    date: str
    regulator: str
    amount: str
    finding: str
    sources: str


def normalize_lang(lang: str | None) -> str:
    """``"zh-CN"``, ``"zh_Hans"``, ``"zh"`` -> ``"zh_CN"``; unknown -> UsageError."""
    if not lang:
        return BASE_LANG
    key = lang.strip().replace("-", "_").lower()
    if key in _LANG_ALIASES:
        return _LANG_ALIASES[key]
    raise UsageError(
        f"unknown language {lang!r}",
        hint="available: " + ", ".join(available_languages()),
    )


def policy_for_region(region_code: str | None) -> str:
    """Which TikTok policy applies: ``"eea"``, ``"us"`` or ``"row"`` (rest of world)."""
    code = (region_code or "").strip().upper()
    if code in EEA_REGIONS:
        return "eea"
    if code == "US":
        return "us"
    return "row"


@lru_cache(maxsize=1)
def available_languages() -> tuple[str, ...]:
    langs = [BASE_LANG]
    for node in resource("catalog").iterdir():
        name = node.name
        if name.startswith("tiktok.") and name.endswith(".toml"):
            lang = name[len("tiktok.") : -len(".toml")]
            if lang not in (BASE_LANG, "facts"):  # tiktok.facts.toml holds the fact ids
                langs.append(lang)
    return tuple(langs)


@lru_cache(maxsize=8)
def _read(lang: str) -> dict[str, Any]:
    try:
        return tomllib.loads(read_text("catalog", f"tiktok.{lang}.toml"))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise InstallationBroken(
            f"the explanations for language {lang!r} could not be read",
            hint="reinstall Plainview",
        ) from exc


def load_catalog(lang: str = BASE_LANG) -> Catalog:
    """The catalog in ``lang``; texts it lacks come from English, marked."""
    lang = normalize_lang(lang)
    if lang not in available_languages():
        raise UsageError(
            f"unknown language {lang!r}", hint="available: " + ", ".join(available_languages())
        )
    return _load(lang)


@lru_cache(maxsize=1)
def _read_facts() -> dict[str, Any]:
    try:
        return tomllib.loads(read_text("catalog", "tiktok.facts.toml"))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise InstallationBroken(
            "the list of facts behind the explanations could not be read",
            hint="reinstall Plainview",
        ) from exc


@lru_cache(maxsize=8)
def _load(lang: str) -> Catalog:
    base = _read(BASE_LANG)
    facts = _read_facts()
    problems = validate_base(base, TIKTOK_CATEGORIES) + validate_facts(facts)
    tr: dict[str, Any] = {}
    if lang != BASE_LANG:
        tr = _read(lang)
        problems += validate_translation(tr, base)
    if problems:
        raise InstallationBroken(
            "the explanation files are damaged: " + "; ".join(problems[:3]),
            hint="reinstall Plainview",
        )
    return Catalog(lang, base, tr, facts)


# When a user's policy is silent on a purpose and several other regions speak, the text of
# the first region in this order is shown (the EEA policy is the most detailed).
BORROW_ORDER: Final = ("eea", "row", "us")


class Catalog:
    """Explanations for every category, in one language."""

    def __init__(
        self,
        lang: str,
        base: dict[str, Any],
        translation: dict[str, Any],
        facts: dict[str, Any] | None = None,
    ) -> None:
        self.lang = lang
        self._base = base
        self._tr = translation
        self._facts: dict[str, Any] = dict((facts if facts is not None else _read_facts())["facts"])
        self._missing = frozenset(missing_texts(translation, base)) if translation else frozenset()
        meta = translation.get("meta", {}) if translation else base["meta"]
        self.fallback_marker: str = str(meta.get("fallback_marker", ""))
        self.language_name: str = str(meta.get("language", lang))

    # -- lookups -------------------------------------------------------------------------
    @property
    def languages(self) -> tuple[str, ...]:
        return available_languages()

    @property
    def categories(self) -> tuple[str, ...]:
        return TIKTOK_CATEGORIES

    def _text(
        self, path: tuple[str, ...], fallbacks: set[str] | None = None, name: str = ""
    ) -> str:
        """Text at ``path`` from the translation, else from the base file."""
        node: Any = self._tr
        for part in path:
            node = node.get(part) if isinstance(node, dict) else None
        if isinstance(node, str) and node:
            return node
        node = self._base
        for part in path:
            node = node[part]
        if self._tr and fallbacks is not None:
            fallbacks.add(name or path[-1])
        return str(node)

    def _check_category(self, category: str) -> dict[str, Any]:
        cats: dict[str, Any] = self._base["categories"]
        if category not in cats:
            raise UsageError(
                f"unknown category {category!r}",
                hint="valid categories: " + ", ".join(TIKTOK_CATEGORIES),
            )
        return dict(cats[category])

    def _check_policy(self, policy: str) -> str:
        if policy not in POLICIES:
            raise UsageError(f"unknown policy {policy!r}", hint="one of: " + ", ".join(POLICIES))
        return policy

    def title(self, category: str) -> str:
        self._check_category(category)
        return self._text(("categories", category, "title"))

    def summary(self, category: str) -> str:
        self._check_category(category)
        return self._text(("categories", category, "summary"))

    def sensitivity(self, category: str) -> Sensitivity:
        level: Sensitivity = self._check_category(category)["sensitivity"]
        return level

    def sensitivity_groups(self) -> dict[str, list[str]]:
        """``{"high": [...], "medium": [...], "low": [...]}`` in catalog order."""
        groups: dict[str, list[str]] = {"high": [], "medium": [], "low": []}
        for cid in TIKTOK_CATEGORIES:
            groups[self.sensitivity(cid)].append(cid)
        return groups

    def purposes(self) -> list[tuple[str, str]]:
        """Every purpose id with its short title, for "may TikTok use this for ...?"."""
        return [(pid, self._text(("purposes", pid, "title"))) for pid in self._base["purposes"]]

    def purpose_title(self, purpose_id: str) -> str:
        if purpose_id not in self._base["purposes"]:
            raise UsageError(f"unknown purpose {purpose_id!r}")
        return self._text(("purposes", purpose_id, "title"))

    def categories_for_purpose(self, purpose_id: str) -> list[str]:
        """Categories whose explanation names ``purpose_id`` under any policy."""
        return [
            cid
            for cid, cat in self._base["categories"].items()
            if any(e["purpose"] == purpose_id for e in cat.get("why", []))
        ]

    def policy_for_region(self, region_code: str | None) -> str:
        return policy_for_region(region_code)

    def policy(self, key: str) -> Policy:
        self._check_policy(key)
        base = self._base["policies"][key]
        return Policy(
            key,
            self._text(("policies", key, "name")),
            self._text(("policies", key, "date")),
            self.source(base["source"]),
        )

    def source(self, source_id: str) -> Source:
        base = self._base["sources"][source_id]
        return Source(
            source_id,
            self._text(("sources", source_id, "title")),
            base["url"],
            base["grade"],
            base["date"],
            base.get("region"),
        )

    def fact_region(self, fact_id: str) -> str:
        """``"eea"``, ``"us"``, ``"row"`` or ``"any"``; an unknown id is ``"unknown"``."""
        fact = self._facts.get(fact_id)
        return str(fact["region"]) if isinstance(fact, dict) else "unknown"

    def regions_of(self, fact_ids: list[str] | tuple[str, ...]) -> list[str]:
        """The policy regions ``fact_ids`` come from, in ``BORROW_ORDER``."""
        found = {self.fact_region(f) for f in fact_ids}
        return [r for r in BORROW_ORDER if r in found]

    @staticmethod
    def _region(policy: str, regions: list[str]) -> str | None:
        """The region a text is shown as: the user's own when its facts include it."""
        if policy in regions:
            return policy
        return regions[0] if regions else None

    def borrowed_label(self, policy: str, regions: list[str]) -> str | None:
        """None when the text is ``policy``'s own (or no region's); else the label."""
        if not regions or policy in regions:
            return None
        others = [self._text(("policies", r, "label")) for r in regions]
        own = self._text(("policies", policy, "label"))
        label = self.template("borrowed").format(own=own, other=others[0])
        return label[:1].upper() + label[1:]

    def sources(self) -> list[Source]:
        return [self.source(sid) for sid in self._base["sources"]]

    def regulator_findings(self) -> list[RegulatorFinding]:
        """Regulator decisions about TikTok. Secondary sources only: label them so."""
        rows = self._base.get("regulator_findings", [])
        tr_rows = self._tr.get("regulator_findings", []) if self._tr else []
        out = []
        for i, row in enumerate(rows):
            tr = tr_rows[i] if i < len(tr_rows) else {}
            out.append(
                RegulatorFinding(
                    row["date"],
                    tr.get("regulator") or row["regulator"],
                    row["amount"],
                    tr.get("finding") or row["finding"],
                    row["sources"],
                )
            )
        return out

    def template(self, key: str) -> str:
        return self._text(("templates", key))

    # -- the explanation -----------------------------------------------------------------
    def explain(self, category: str, policy: str = "eea") -> Explanation:
        cat = self._check_category(category)
        self._check_policy(policy)
        fallbacks: set[str] = set()
        path = ("categories", category)

        def text(key: str) -> str:
            return self._text((*path, key), fallbacks, key)

        def variant(key: str) -> str:
            if key in cat.get("variants", {}).get(policy, {}):
                return self._text((*path, "variants", policy, key), fallbacks, key)
            return text(key)

        why = [
            self._purpose(category, entry, policy, fallbacks)
            for entry in self._entries_for(cat, policy)
        ]
        statements = {
            key: self._statements(category, key, policy, fallbacks) for key in STATEMENT_FIELDS
        }
        pol = self.policy(policy)
        notes: list[str] = []
        borrowed = any(p.borrowed_label for p in why) or any(
            s.label for items in statements.values() for s in items
        )
        if borrowed:
            notes.append(self.template("other_policy"))
        return Explanation(
            category=category,
            title=text("title"),
            what=variant("what"),
            why=why,
            shared_with=self._join(statements["shared_with"]),
            retention=self._join(statements["retention"]),
            control=self._join(statements["control"]),
            sensitivity=cat["sensitivity"],
            sensitivity_reason=text("sensitivity_reason"),
            fallback_fields=fallbacks,
            policy_name=pol.name,
            policy_date=pol.date,
            policy=policy,
            summary=text("summary"),
            why_note=text("why_note") if "why_note" in cat else "",
            control_sources=tuple(self.source(s) for s in cat["control_sources"]),
            fallback_marker=self.fallback_marker,
            lang=self.lang,
            notes=tuple(notes),
            paraphrase_marker=self.template("paraphrase"),
            shared_with_items=statements["shared_with"],
            retention_items=statements["retention"],
            control_items=statements["control"],
        )

    def _entries_for(self, cat: dict[str, Any], policy: str) -> list[dict[str, Any]]:
        """The purposes shown under ``policy``: its own region's, and others' only where it
        says nothing about that purpose (from one other region, in ``BORROW_ORDER``)."""
        entries = [e for e in cat.get("why", []) if policy in e.get("policies", POLICIES)]

        def regions(e: dict[str, Any]) -> list[str]:
            return self.regions_of(e.get("facts", []))

        def own(e: dict[str, Any]) -> bool:
            r = regions(e)
            return not r or policy in r

        covered = {e["purpose"] for e in entries if own(e)}
        lender: dict[str, str] = {}
        for e in entries:
            if not own(e) and e["purpose"] not in covered:
                first = regions(e)[0]
                best = lender.get(e["purpose"], first)
                lender[e["purpose"]] = min(best, first, key=BORROW_ORDER.index)
        return [
            e
            for e in entries
            if own(e) or (e["purpose"] not in covered and regions(e)[0] == lender[e["purpose"]])
        ]

    def _statements(
        self, category: str, key: str, policy: str, fallbacks: set[str]
    ) -> tuple[Statement, ...]:
        base_items = self._base["categories"][category][key]
        tr_items = self._tr.get("categories", {}).get(category, {}).get(key) if self._tr else None
        out: list[Statement] = []
        for i, item in enumerate(base_items):
            if policy not in item.get("policies", POLICIES):
                continue
            text = str(item["text"])
            if self._tr:
                if isinstance(tr_items, list) and i < len(tr_items) and tr_items[i]:
                    text = str(tr_items[i])
                else:
                    fallbacks.add(key)
            facts = tuple(item["facts"])
            regions = self.regions_of(facts)
            out.append(
                Statement(
                    text, facts, self._region(policy, regions), self.borrowed_label(policy, regions)
                )
            )
        # The user's own region's statements first, then each other region's under its label.
        out.sort(key=lambda st: (st.label is not None, st.label or ""))
        return tuple(out)

    def _join(self, items: tuple[Statement, ...]) -> str:
        """The statements as one text; a run of statements with the same label shows it once."""
        parts: list[str] = []
        previous: str | None = None
        for s in items:
            parts.append(s.text if s.label is None or s.label == previous else s.shown())
            previous = s.label
        return join_texts(*parts)

    def _purpose(
        self, category: str, entry: dict[str, Any], policy: str, fallbacks: set[str]
    ) -> Purpose:
        eid = entry["id"]
        tr_entry = self._tr.get("categories", {}).get(category, {}).get("why", {}).get(eid, {})
        if self._tr and tr_entry.get("text"):
            text = str(tr_entry["text"])
        else:
            text = str(entry["text"])
            if self._tr:
                fallbacks.add("why")
        quote = entry.get("quote")
        quote_tr = tr_entry.get("quote_translation") if quote else None
        if self._tr and quote and not quote_tr:
            fallbacks.add("why")
        legal_basis = None
        basis_entry = None
        if policy == "eea" and "basis" in entry:
            legal_basis = self.template("legal_basis").format(
                basis=self._text(("bases", entry["basis"]))
            )
            if "under_18" in entry:
                legal_basis = join_texts(
                    legal_basis,
                    self.template("under_18").format(
                        basis=self._text(("bases", entry["under_18"]))
                    ),
                )
            if entry.get("mapping_ours", False):
                legal_basis = join_texts(legal_basis, self.template("our_reading"))
            basis_entry = str(entry["basis_entry"])
        source = self.source(entry["source"])
        facts = tuple(entry.get("facts", []))
        regions = self.regions_of(facts)
        return Purpose(
            id=entry["purpose"],
            text=text,
            quote=quote,
            paraphrase=quote is None,
            source=source,
            section=entry["section"],
            policy_date=source.date,
            legal_basis=legal_basis,
            title=self.purpose_title(entry["purpose"]),
            quote_translation=quote_tr,
            mapping_ours=bool(entry.get("mapping_ours", False)),
            entry_id=eid,
            facts=facts,
            region=self._region(policy, regions),
            borrowed_label=self.borrowed_label(policy, regions),
            basis_entry=basis_entry,
        )
