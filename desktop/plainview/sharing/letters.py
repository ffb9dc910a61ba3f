"""Ready-to-send request letters and the flags where the export contradicts a choice.

Letters: GDPR access (Art. 15), erasure (Art. 17), objection to advertising / direct marketing
(Art. 21), and the CCPA/CPRA opt-out of sale or sharing. They are addressed only through
TikTok's published contact routes (``resources/sharing/contacts.toml``, from the facts file
§2.7), list the categories concerned by title, and leave the user's name and account as
``[placeholders]``: Plainview never fills them in from the data.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Final, Literal

from plainview.model import TIKTOK_CATEGORIES
from plainview.sharing import choices as choices_mod
from plainview.sharing import store
from plainview.sharing.purposes import (
    categories_for,
    category_title,
    inline_title,
    is_ad_purpose,
    is_personalised_ads,
    purpose_titles,
    purposes_of,
)
from plainview.sharing.redact import norm_key
from plainview.sharing.texts import Texts, contacts

LetterKind = Literal["access", "erasure", "objection", "ccpa_opt_out"]
KINDS: Final[tuple[LetterKind, ...]] = ("access", "erasure", "objection", "ccpa_opt_out")
GDPR_KINDS: Final = frozenset({"access", "erasure", "objection"})
AD_CATEGORIES: Final = ("tiktok.ad_interests", "tiktok.off_platform", "tiktok.ad_clicks")


@dataclass(frozen=True, slots=True)
class Route:
    kind: Literal["webform", "dpo", "postal"]
    label: str
    value: str  # a URL or a postal address


@dataclass(frozen=True, slots=True)
class Letter:
    kind: LetterKind
    title: str
    subject: str
    body: str  # the full letter, ready to copy
    categories: tuple[str, ...]  # ids, contract order
    category_titles: tuple[str, ...]
    routes: tuple[Route, ...]
    suggested: bool  # the user's answers and region point to this letter

    def text(self) -> str:
        return self.body


@dataclass(frozen=True, slots=True)
class Mismatch:
    id: Literal["personalized_ads_on", "off_platform_activity"]
    category: str
    purpose: str
    text: str
    setting_path: str


def routes(kind: LetterKind, lang: str = "en") -> tuple[Route, ...]:
    """Published routes: GDPR letters go to the EEA/UK controllers, CCPA to the US one."""
    t = Texts(lang)
    c = contacts()
    out = [Route("webform", t("letters.webform", url=c["webform"]), str(c["webform"]))]
    policy = "eea" if kind in GDPR_KINDS else "us"
    if policy == "eea":
        out.append(Route("dpo", t("letters.dpo", url=c["dpo_form"]), str(c["dpo_form"])))
    label_key = "label_zh_CN" if t.lang == "zh_CN" else "label_en"
    for postal in c["postal"]:
        if postal["policy"] == policy:
            address = f"{postal[label_key]}: {postal['address']}"
            out.append(Route("postal", t("letters.postal", address=address), address))
    return tuple(out)


def _refused(vault: store.Source) -> set[str]:
    return {p for p, a in choices_mod.get_purpose_answers(vault).items() if a.answer == "no"}


def _ad_purposes(catalog: Any, refused: set[str]) -> set[str]:
    titles = purpose_titles(catalog)
    ids = set(titles) | refused
    return {p for p in ids if is_ad_purpose(p, titles.get(p, ""))}


def _concerned(kind: LetterKind, vault: store.Source, catalog: Any, policy: str) -> list[str]:
    counts = store.category_counts(vault)
    with_data = [c for c in TIKTOK_CATEGORIES if counts.get(c, 0) > 0]
    refused = _refused(vault)
    if kind == "access":
        return with_data
    if kind == "erasure":
        linked = set(categories_for(catalog, refused, policy))
        return [c for c in with_data if c in linked]
    ads = _ad_purposes(catalog, refused)
    linked = set(categories_for(catalog, ads, policy)) | set(AD_CATEGORIES)
    return [c for c in with_data if c in linked]


def _suggested(kind: LetterKind, vault: store.Source, catalog: Any, policy: str) -> bool:
    refused = _refused(vault)
    refuses_ads = bool(_ad_purposes(catalog, refused) & refused)
    if kind == "access":
        return True
    if kind == "erasure":
        return bool(refused)
    if kind == "objection":
        return refuses_ads and policy == "eea"
    return refuses_ads and policy == "us"


def letter(
    vault: store.Source,
    catalog: Any,
    kind: LetterKind,
    *,
    lang: str = "en",
    policy: str = "eea",
    exclude: frozenset[str] | set[str] = frozenset(),
    name: str | None = None,
    account: str | None = None,
) -> Letter:
    """One letter. ``exclude``: categories never to name (private ones in a report).

    ``name``/``account`` are filled in only when the user typed them; otherwise placeholders.
    """
    if kind not in KINDS:
        raise ValueError(kind)
    t = Texts(lang)
    cats = [c for c in _concerned(kind, vault, catalog, policy) if c not in exclude]
    titles = [category_title(catalog, c) for c in cats]
    lines = [t(f"letters.{kind}.subject"), "", t(f"letters.{kind}.body"), ""]
    if cats:
        lines.append(t("letters.categories_intro"))
        lines += [f"  - {title}" for title in titles]
    else:
        lines.append(t("letters.no_categories"))
    lines += [
        "",
        t(
            "letters.account_line",
            account=account or t("letters.placeholder_account"),
            email=t("letters.placeholder_email"),
        ),
        "",
        t("letters.signature"),
        name or t("letters.placeholder_name"),
        t("letters.placeholder_date"),
        "",
        "—",
        t("letters.send_via") + ":",
    ]
    rs = routes(kind, lang)
    lines += [f"  - {r.label}" for r in rs]
    return Letter(
        kind=kind,
        title=t(f"letters.{kind}.title"),
        subject=t(f"letters.{kind}.subject"),
        body="\n".join(lines) + "\n",
        categories=tuple(cats),
        category_titles=tuple(titles),
        routes=rs,
        suggested=_suggested(kind, vault, catalog, policy),
    )


def letters(
    vault: store.Source,
    catalog: Any,
    kind: LetterKind | None = None,
    *,
    lang: str = "en",
    policy: str = "eea",
    exclude: frozenset[str] | set[str] = frozenset(),
) -> list[Letter]:
    """All four letters (or one ``kind``), in a stable order."""
    kinds = KINDS if kind is None else (kind,)
    return [letter(vault, catalog, k, lang=lang, policy=policy, exclude=exclude) for k in kinds]


def _has_on(value: Any, key: str) -> bool:
    if isinstance(value, dict):
        for k, v in value.items():
            if norm_key(str(k)) == key and isinstance(v, str) and v.strip().casefold() == "on":
                return True
            if _has_on(v, key):
                return True
    elif isinstance(value, list):
        return any(_has_on(v, key) for v in value)
    return False


def mismatches(
    vault: store.Source, catalog: Any, lang: str = "en", policy: str = "eea"
) -> list[Mismatch]:
    """Where the export contradicts a choice, each with the matching in-app setting."""
    t = Texts(lang)
    titles = purpose_titles(catalog)
    refused = _refused(vault)
    ads_refused = sorted(p for p in _ad_purposes(catalog, refused) if p in refused)
    personal = [p for p in ads_refused if is_personalised_ads(p, titles.get(p, ""))]
    if not any(is_personalised_ads(p, tl) for p, tl in titles.items()):
        personal = ads_refused  # a catalog without a personalised-ads purpose: any ad use
    out: list[Mismatch] = []
    if personal:
        ads_on = any(
            _has_on(row.fields, "personalizedads")
            for row in store.iter_records(vault, "tiktok.settings")
        )
        if ads_on:
            out.append(
                Mismatch(
                    "personalized_ads_on",
                    "tiktok.settings",
                    personal[0],
                    t("mismatch.ads_on"),
                    t("mismatch.ads_path"),
                )
            )
    off_linked = purposes_of(catalog, "tiktok.off_platform", policy)
    off_refused = sorted((refused & off_linked) | set(personal)) or ads_refused
    count = store.category_counts(vault).get("tiktok.off_platform", 0)
    if off_refused and count > 0:
        purpose = off_refused[0]
        out.append(
            Mismatch(
                "off_platform_activity",
                "tiktok.off_platform",
                purpose,
                t(
                    "mismatch.off_platform",
                    purpose=inline_title(titles.get(purpose, purpose), t.lang),
                    count=count,
                ),
                t("mismatch.off_platform_path"),
            )
        )
    return out
