"""The encrypted vault (SQLCipher + wrapped data key). Qt-free.

``from plainview.vault import Vault, KdfParams, StoredRecord, ImportRow`` — see
docs/ARCHITECTURE.md "Vault" and SECURITY.md "Keys".
"""

from __future__ import annotations

from plainview.vault.db import check_sqlcipher_build
from plainview.vault.keys import KdfParams
from plainview.vault.store import (
    Cursor,
    ImportRow,
    StoredRecord,
    Vault,
    canonical_fields,
    content_hash,
    damage_guard,
    fts_query,
)

__all__ = [
    "Cursor",
    "ImportRow",
    "KdfParams",
    "StoredRecord",
    "Vault",
    "canonical_fields",
    "check_sqlcipher_build",
    "content_hash",
    "damage_guard",
    "fts_query",
]
