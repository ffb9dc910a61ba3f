"""Minimum versions of the libraries that hold the keys, checked at start-up with the
SQLCipher build check (``db.check_sqlcipher_build``), so an install that pip resolved to an
older release than pyproject.toml's floors, or a distribution build, is refused plainly.

- SQLite >= 3.50.2: CVE-2025-6965 (memory corruption through aggregate terms) is fixed;
- SQLCipher >= 4.10.0: the first release on that SQLite (bundled by sqlcipher3 0.6.4 wheels);
- cryptography >= 46.0.2: its wheels bundle OpenSSL 3.5.4, which fixes CVE-2025-9230,
  CVE-2025-9231 and CVE-2025-9232;
- OpenSSL >= 3.2: Argon2id (SECURITY.md "Keys").
"""

from __future__ import annotations

import re
from typing import Final

MIN_SQLITE: Final = (3, 50, 2)
MIN_SQLCIPHER: Final = (4, 10, 0)
MIN_CRYPTOGRAPHY: Final = (46, 0, 2)
MIN_OPENSSL: Final = (3, 2, 0)


def version_tuple(text: str) -> tuple[int, ...]:
    """``"4.19.0 community"`` → ``(4, 19, 0)``; no leading number → ``()``."""
    m = re.match(r"\s*(?:OpenSSL\s+)?(\d+(?:\.\d+)*)", text)
    return tuple(int(p) for p in m.group(1).split(".")) if m else ()


def _older(found: tuple[int, ...], minimum: tuple[int, ...]) -> bool:
    return found[: len(minimum)] < minimum


def _show(v: tuple[int, ...]) -> str:
    return ".".join(str(p) for p in v)


def problems(sqlite_version: str, sqlcipher_version: str) -> list[str]:
    """What is too old (empty when everything is recent enough)."""
    import cryptography
    from cryptography.hazmat.backends.openssl.backend import backend

    out = []
    checks = (
        ("SQLite", sqlite_version, MIN_SQLITE),
        ("SQLCipher", sqlcipher_version, MIN_SQLCIPHER),
        ("cryptography", cryptography.__version__, MIN_CRYPTOGRAPHY),
        ("OpenSSL", backend.openssl_version_text(), MIN_OPENSSL),
    )
    for name, text, minimum in checks:
        if not text:
            continue  # missing entirely: the caller reports that
        found = version_tuple(text)
        if not found or _older(found, minimum):
            out.append(f"{name} is older than {_show(minimum)}, which has known security fixes")
    return out
