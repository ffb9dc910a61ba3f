"""What the importers tell people, from language tables (en + zh_CN).

``resources/importers/messages.<lang>.toml``: one entry per stable code, ``message`` and an
optional ``hint``; a code missing in a language falls back to English. ``ArchiveRejected``
errors built here carry ``code`` and ``values`` so the GUI can show them in the user's language
(``localize``); the CLI prints the English text. No text ever quotes the input.
"""

from __future__ import annotations

import tomllib
from functools import lru_cache
from typing import Any, Final

from plainview.errors import ArchiveRejected, PlainviewError
from plainview.resources import read_text

LANGUAGES: Final = ("en", "zh_CN")


def _lang(lang: str | None) -> str:
    if lang and lang.replace("-", "_").casefold().startswith("zh"):
        return "zh_CN"
    return "en"


@lru_cache(maxsize=4)
def _table(lang: str) -> dict[str, Any]:
    return tomllib.loads(read_text("importers", f"messages.{lang}.toml"))


def codes() -> list[str]:
    return sorted(_table("en"))


def text(code: str, lang: str | None = "en", **values: Any) -> tuple[str, str | None]:
    """``(message, hint)`` for ``code`` in ``lang`` (English when the language lacks it)."""
    entry = _table(_lang(lang)).get(code) or _table("en")[code]
    message = str(entry["message"]).format(**values)
    hint = entry.get("hint")
    return message, (str(hint).format(**values) if hint is not None else None)


def reject(code: str, **values: Any) -> ArchiveRejected:
    """An ``ArchiveRejected`` with the English text, tagged with its code for the GUI."""
    message, hint = text(code, "en", **values)
    err = ArchiveRejected(message, hint=hint)
    err.code = code  # type: ignore[attr-defined]
    err.values = dict(values)  # type: ignore[attr-defined]
    return err


def localize(err: PlainviewError, lang: str | None) -> tuple[str, str | None]:
    """The error's message and hint in ``lang`` when it came from this table."""
    code = getattr(err, "code", None)
    if isinstance(code, str) and code in _table("en"):
        return text(code, lang, **getattr(err, "values", {}))
    return err.message, err.hint


def warning(code: str, lang: str | None = "en", **values: Any) -> str:
    return text(f"warning_{code}", lang, **values)[0]
