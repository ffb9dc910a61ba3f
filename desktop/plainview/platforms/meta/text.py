"""Meta's mojibake repair (platform-exports-multi.md Q1; SECURITY.md "Text").

Meta's JSON writer escapes each UTF-8 *byte* as ``\\u00XX``, so ``é`` arrives as ``Ã©`` and 🙏 as
four characters. A string is repaired with ``s.encode("latin-1").decode("utf-8")`` only when
every code point is below 256 and the bytes decode; otherwise it is kept as it is. The repair
works on the whole string at once, so a four-byte emoji comes out whole. Keys are repaired too.
After the repair, NULs are stripped and lone surrogates become U+FFFD (``clean_str``).
"""

from __future__ import annotations

import contextlib
from typing import Any

from plainview.importers.common import clean_str


def repair(s: str) -> str:
    """One string, repaired when it is UTF-8 read as Latin-1; else only cleaned."""
    if s.isascii():
        return clean_str(s)
    if max(s) < "\u0100":
        with contextlib.suppress(UnicodeDecodeError):
            s = s.encode("latin-1").decode("utf-8")
    return clean_str(s)


def repair_value(value: Any) -> Any:
    """Every string and every key of a JSON value, repaired (a new value; lists stay lists)."""
    if isinstance(value, str):
        return repair(value)
    if isinstance(value, dict):
        return {(repair(k) if isinstance(k, str) else k): repair_value(v) for k, v in value.items()}
    if isinstance(value, list):
        return [repair_value(v) for v in value]
    return value
