"""How the sharing core reads purposes from the catalog (``plainview.catalog``).

The catalog is passed in (duck-typed: ``purposes()``, ``explain(category, policy)``,
``title(category)``) so this module stays free of catalog internals and tests can pass a
small stand-in. Failures to explain one category never stop a letter or a report.
"""

from __future__ import annotations

import re
from typing import Any, Final

from plainview.model import TIKTOK_CATEGORIES

_AD_RE: Final = re.compile(r"(^|[^a-z])(ads?|advert\w*|marketing)([^a-z]|$)", re.IGNORECASE)


def purpose_titles(catalog: Any) -> dict[str, str]:
    """Purpose id → title, in the catalog's order."""
    if catalog is None:
        return {}
    try:
        return {str(pid): str(title) for pid, title in catalog.purposes()}
    except Exception:
        return {}


def is_personalised_ads(purpose_id: str, title: str = "") -> bool:
    text = f"{purpose_id} {title}".replace("_", " ")
    return bool(re.search(r"personali[sz]", text, re.IGNORECASE)) and is_ad_purpose(
        purpose_id, title
    )


def inline_title(title: str, lang: str) -> str:
    """A purpose title inside an English sentence: "Personalised ads" → "personalised ads"."""
    if lang == "en" and len(title) > 1 and title[0].isupper() and title[1].islower():
        return title[0].lower() + title[1:]
    return title


def is_ad_purpose(purpose_id: str, title: str = "") -> bool:
    """Personalised ads, ad measurement, direct marketing and the like."""
    return bool(_AD_RE.search(purpose_id.replace("_", " ")) or _AD_RE.search(title))


def category_title(catalog: Any, category: str) -> str:
    if catalog is None:
        return category
    try:
        return str(catalog.title(category))
    except Exception:
        return category


def purposes_of(catalog: Any, category: str, policy: str = "eea") -> set[str]:
    """Purpose ids the catalog links to a category under a policy (empty when unknown)."""
    if catalog is None:
        return set()
    try:
        explanation = catalog.explain(category, policy)
    except Exception:
        return set()
    out: set[str] = set()
    for purpose in getattr(explanation, "why", None) or []:
        pid = getattr(purpose, "id", None)
        if pid:
            out.add(str(pid))
    return out


def categories_for(catalog: Any, purposes: set[str], policy: str = "eea") -> list[str]:
    """Categories (contract order) linked to any of the given purposes."""
    if not purposes:
        return []
    return [c for c in TIKTOK_CATEGORIES if purposes_of(catalog, c, policy) & purposes]
