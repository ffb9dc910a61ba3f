"""What the platform parsers tell people, from ``resources/platforms/messages.<lang>.toml``.

Same rules as ``importers.messages``: one entry per stable code, ``message`` and an optional
``hint``, English fallback, ``ArchiveRejected`` tagged with ``code`` and ``values``. No text
ever quotes the input: ``{section}`` is a category label of ours, never a member name.
"""

from __future__ import annotations

import tomllib
from functools import lru_cache
from typing import Any

from plainview.errors import ArchiveRejected
from plainview.resources import read_text


def _lang(lang: str | None) -> str:
    if lang and lang.replace("-", "_").casefold().startswith("zh"):
        return "zh_CN"
    return "en"


@lru_cache(maxsize=4)
def _table(lang: str) -> dict[str, Any]:
    return tomllib.loads(read_text("platforms", f"messages.{lang}.toml"))


def codes(lang: str = "en") -> list[str]:
    return sorted(_table(_lang(lang)))


def text(code: str, lang: str | None = "en", **values: Any) -> tuple[str, str | None]:
    entry = _table(_lang(lang)).get(code) or _table("en")[code]
    message = str(entry["message"]).format(**values)
    hint = entry.get("hint")
    return message, (str(hint).format(**values) if hint is not None else None)


def reject(code: str, **values: Any) -> ArchiveRejected:
    message, hint = text(code, "en", **values)
    err = ArchiveRejected(message, hint=hint)
    err.code = code  # type: ignore[attr-defined]
    err.values = dict(values)  # type: ignore[attr-defined]
    return err
