"""Plain-language explanations of each data category, loaded from ``resources/catalog/``.

Qt-free. ``load_catalog("en")`` or ``load_catalog("zh_CN")``; a text missing from a
translation falls back to English and is listed in ``Explanation.fallback_fields`` (the UI
and CLI show ``Catalog.fallback_marker`` next to it).

Every statement about TikTok comes from the project's fact base (see
``resources/catalog/README.md``); a test checks quotes and source addresses against it.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, Final, Literal

from plainview.catalog.schema import (
    POLICIES,
    missing_texts,
    validate_base,
    validate_translation,
)
from plainview.errors import InstallationBroken, UsageError
from plainview.model import TIKTOK_CATEGORIES
from plainview.resources import read_text, resource

__all__ = [
    "POLICIES",
    "Catalog",
    "Explanation",
    "Policy",
    "Purpose",
    "RegulatorFinding",
    "Source",
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
EEA_REGIONS: Final = frozenset(
    {
        "AT",
        "BE",
        "BG",
        "HR",
        "CY",
        "CZ",
        "DK",
        "EE",
        "FI",
        "FR",
        "DE",
        "GR",
        "EL",
        "HU",
        "IE",
        "IT",
        "LV",
        "LT",
        "LU",
        "MT",
        "NL",
        "PL",
        "PT",
        "RO",
        "SK",
        "SI",
        "ES",
        "SE",
        "IS",
        "LI",
        "NO",
        "GB",
        "UK",
        "CH",
    }
)


@dataclass(frozen=True, slots=True)
class Source:
    """A citation: shown as a small link-like label."""

    id: str
    title: str
    url: str
    grade: str  # A archived policy text, P TikTok page, T translated help page, S secondary
    date: str


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
            if lang != BASE_LANG:
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


@lru_cache(maxsize=8)
def _load(lang: str) -> Catalog:
    base = _read(BASE_LANG)
    problems = validate_base(base, TIKTOK_CATEGORIES)
    tr: dict[str, Any] = {}
    if lang != BASE_LANG:
        tr = _read(lang)
        problems += validate_translation(tr, base)
    if problems:
        raise InstallationBroken(
            "the explanation files are damaged: " + "; ".join(problems[:3]),
            hint="reinstall Plainview",
        )
    return Catalog(lang, base, tr)


class Catalog:
    """Explanations for every category, in one language."""

    def __init__(self, lang: str, base: dict[str, Any], translation: dict[str, Any]) -> None:
        self.lang = lang
        self._base = base
        self._tr = translation
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
        )

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
            for entry in cat.get("why", [])
            if policy in entry.get("policies", POLICIES)
        ]
        pol = self.policy(policy)
        notes: list[str] = []
        main_policies = {self._base["policies"][k]["source"] for k in POLICIES}
        if any(p.source.id in main_policies and p.source.id != pol.source.id for p in why):
            notes.append(self.template("other_policy"))
        return Explanation(
            category=category,
            title=text("title"),
            what=variant("what"),
            why=why,
            shared_with=variant("shared_with"),
            retention=variant("retention"),
            control=variant("control"),
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
        )

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
        if policy == "eea" and "basis" in entry:
            legal_basis = self.template("legal_basis").format(
                basis=self._text(("bases", entry["basis"])), entry=entry["basis_entry"]
            )
            if entry.get("mapping_ours", False):
                legal_basis += " " + self.template("our_reading")
        source = self.source(entry["source"])
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
        )
