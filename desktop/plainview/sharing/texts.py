"""Language tables for the texts the sharing core writes for people (en + zh_CN).

``resources/sharing/texts.<lang>.toml``; a key missing in a language falls back to English.
"""

from __future__ import annotations

import tomllib
from functools import lru_cache
from typing import Any, Final

from plainview.resources import read_text

LANGUAGES: Final = ("en", "zh_CN")


def norm_lang(lang: str | None) -> str:
    if lang and lang.replace("-", "_").casefold().startswith("zh"):
        return "zh_CN"
    return "en"


@lru_cache(maxsize=4)
def _table(lang: str) -> dict[str, Any]:
    return tomllib.loads(read_text("sharing", f"texts.{lang}.toml"))


@lru_cache(maxsize=1)
def contacts() -> dict[str, Any]:
    """TikTok's published privacy contact routes (facts file §2.7)."""
    return tomllib.loads(read_text("sharing", "contacts.toml"))


def _lookup(table: dict[str, Any], key: str) -> str | None:
    node: Any = table
    for part in key.split("."):
        if not isinstance(node, dict) or part not in node:
            return None
        node = node[part]
    return node if isinstance(node, str) else None


class Texts:
    """``t("statement.no", purpose="personalised ads")``."""

    def __init__(self, lang: str | None = "en") -> None:
        self.lang = norm_lang(lang)

    def __call__(self, key: str, **values: object) -> str:
        text = _lookup(_table(self.lang), key)
        if text is None:
            text = _lookup(_table("en"), key)
        if text is None:
            raise KeyError(key)
        return text.format(**values) if values else text

    def list_sep(self) -> str:
        return "、" if self.lang == "zh_CN" else ", "
