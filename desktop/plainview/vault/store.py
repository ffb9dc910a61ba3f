"""The ``Vault``: an unlocked, encrypted store of imported records (docs/ARCHITECTURE.md "Vault").

``Vault`` is put together from one module per responsibility:

- ``base``: state, connections (``read`` / ``transaction`` / ``connect_reader``), ``verify``,
  ``lock`` and the damage guard;
- ``unlock``: ``create`` / ``open`` / ``open_with_recovery`` / ``recover``, passphrase changes
  and the device slot (the key file itself is ``keys.py``, the keyring ``device.py``);
- ``rotation``: ``rotate_data_key`` (the database part is ``rekey.py``);
- ``writer``: the import writer (``begin_import`` … ``finish_import``, dedupe);
- ``queries``: imports, sections, counts, pages of records, search, sorting by a field;
- ``settings``: ``get_setting`` / ``set_setting``.

Threads: the main connection is shared behind a lock (``read()`` / ``transaction()`` hold it for
the ``with`` block). An import writes through its own connection inside ONE write transaction
that ``finish_import`` commits together with the final status, so readers never see a partial
import and a killed process leaves no records. Other threads get their own connection from
``connect_reader()``. ``lock()`` closes every connection and zeroes the key buffers.
"""

from __future__ import annotations

from plainview.vault.base import damage_guard
from plainview.vault.keys import KdfParams
from plainview.vault.queries import Queries, fts_query
from plainview.vault.rotation import Rotation
from plainview.vault.rows import Cursor, ImportRow, Order, StoredRecord
from plainview.vault.settings import Settings
from plainview.vault.unlock import Unlocking
from plainview.vault.writer import IMPORT_CACHE_KIB, ImportWriter, canonical_fields, content_hash


class Vault(Unlocking, Rotation, ImportWriter, Queries, Settings):
    """An unlocked vault. Create with ``Vault.create`` / ``Vault.open`` (never directly)."""


__all__ = [
    "IMPORT_CACHE_KIB",
    "Cursor",
    "ImportRow",
    "KdfParams",
    "Order",
    "StoredRecord",
    "Vault",
    "canonical_fields",
    "content_hash",
    "damage_guard",
    "fts_query",
]
