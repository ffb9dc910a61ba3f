"""A vault's life as its owner controls it: list the imports, forget one, destroy the vault.

Qt-free; every function takes an unlocked ``Vault`` (having unlocked it is the proof that the
caller may do this). GUI and CLI (``imports``, ``forget-import``, ``destroy``) call these.

How an import's records are owned (``store.py``): a record is stored once, under the first
import that met its ``(content hash, occurrence)``. A later import that meets the same item
does not store it again but counts it in ``import_repeats`` (kept after the import commits).
So import B *holds* item ``h`` ``own(B, h) + repeats(B, h)`` times, that is occurrences
``0 … n-1``. Forgetting import A therefore

- moves each of A's records that another complete import also holds to that import (the
  earliest), turning one of its repeats into an own record, so forgetting that one later
  removes it too;
- removes A's other records, their full-text entries, its sections, repeats and its row;
- appends a line to the consent ledger (kind ``import``, subject the import's number, old
  the platform, new ``forgotten``): no account name, nothing from the records.

A move also adds one to b's ``added`` and takes one from its ``duplicates``, so for an import
made since repeats are kept the repeats always add up to its duplicates. Imports committed
before ``import_repeats`` was kept have duplicates but no repeat rows. For such an import,
every record of A in a category where it had duplicates is kept for it (it may hold them; we
cannot tell which), so nothing another import brought is ever lost.
"""

from __future__ import annotations

import contextlib
import os
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Final

from plainview.errors import PlainviewError, UsageError, VaultLocked
from plainview.vault import db, keys
from plainview.vault.store import ImportRow, Vault

#: The files a vault folder may hold (``vault.key`` is shredded first, see ``destroy``).
_VAULT_FILES: Final = (
    db.DB_FILE,
    f"{db.DB_FILE}-wal",
    f"{db.DB_FILE}-shm",
    f"{db.DB_FILE}-journal",
    keys.PENDING_KEY_FILE,
    keys.PENDING_DB_FILE,
    f"{keys.PENDING_DB_FILE}-wal",
    f"{keys.PENDING_DB_FILE}-shm",
    f"{keys.PENDING_DB_FILE}-journal",
)

LEDGER_KIND: Final = "import"
LEDGER_FORGOTTEN: Final = "forgotten"


@dataclass(frozen=True, slots=True)
class ForgetResult:
    """What ``forget_import`` did: records removed, and records kept because another import
    also holds them (now counted under that import)."""

    import_id: int
    platform: str
    removed: int
    kept: int

    def to_json(self) -> dict[str, Any]:
        return {
            "import_id": self.import_id,
            "platform": self.platform,
            "removed": self.removed,
            "kept": self.kept,
        }


def import_to_json(row: ImportRow) -> dict[str, Any]:
    """One import as ``plainview imports --json`` shows it (keys may be added, not renamed)."""
    return {
        "id": row.id,
        "platform": row.platform,
        "format": row.format,
        "schema": row.schema,
        "account": row.account,
        "source_name": row.source_name,
        "status": row.status,
        "started_at": _iso(row.started_at),
        "finished_at": _iso(row.finished_at),
        "records": row.records,
        "added": row.added,
        "duplicates": row.duplicates,
    }


def _iso(value: datetime | None) -> str | None:
    if value is None:
        return None
    return value.astimezone(UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")


def _now() -> str:
    return _iso(datetime.now(UTC)) or ""


def _refuse_while_importing(conn: db.Connection) -> None:
    if conn.execute("SELECT 1 FROM imports WHERE status = 'running' LIMIT 1").fetchone():
        raise PlainviewError(
            "An import is running.", hint="Wait until it has finished, then try again."
        )


def _duplicate_categories(result_json: str | None) -> set[str]:
    """Categories in which a (pre-``import_repeats``) import met items already stored."""
    import json

    try:
        result = json.loads(result_json) if result_json else {}
    except ValueError:
        return set()
    read = result.get("records") if isinstance(result, dict) else None
    added = result.get("added_by_category") if isinstance(result, dict) else None
    if not isinstance(read, dict):
        return set()
    added = added if isinstance(added, dict) else {}
    out = set()
    for category, count in read.items():
        try:
            if int(count) > int(added.get(category, 0)):
                out.add(str(category))
        except (TypeError, ValueError):
            out.add(str(category))
    return out


def forget_import(vault: Vault, import_id: int) -> ForgetResult:
    """Remove one import (see the module text); ``UsageError`` when there is no such import,
    refused while an import runs. One transaction: all of it happens, or nothing."""
    with vault.read() as conn:
        _refuse_while_importing(conn)
    with vault.transaction() as conn:
        _refuse_while_importing(conn)
        row = conn.execute(
            "SELECT platform FROM imports WHERE id = ?", (int(import_id),)
        ).fetchone()
        if row is None:
            raise UsageError(
                f"There is no import number {int(import_id)} in this vault.",
                hint="See the list with 'plainview imports'.",
            )
        platform = str(row[0])
        a = int(import_id)
        others = conn.execute(
            "SELECT id, duplicates, result_json, EXISTS (SELECT 1 FROM import_repeats p "
            "WHERE p.import_id = imports.id) FROM imports "
            "WHERE status = 'complete' AND id != ? ORDER BY id",
            (a,),
        ).fetchall()
        kept = 0
        for other in others:
            b, duplicates, result_json, tracked = int(other[0]), int(other[1]), other[2], other[3]
            if tracked:
                kept += _move_held(conn, a, b)
            elif duplicates > 0:
                categories = sorted(_duplicate_categories(result_json))
                if categories:
                    marks = ", ".join("?" * len(categories))
                    kept += conn.execute(
                        f"UPDATE records SET import_id = ? WHERE import_id = ? "  # noqa: S608
                        f"AND category IN ({marks})",
                        (b, a, *categories),
                    ).rowcount
        conn.execute(
            "DELETE FROM records_fts WHERE rowid IN (SELECT id FROM records WHERE import_id = ?)",
            (a,),
        )
        removed = conn.execute("DELETE FROM records WHERE import_id = ?", (a,)).rowcount
        conn.execute("DELETE FROM sections WHERE import_id = ?", (a,))
        conn.execute("DELETE FROM import_repeats WHERE import_id = ?", (a,))
        conn.execute("DELETE FROM imports WHERE id = ?", (a,))
        conn.execute(
            "INSERT INTO ledger (at, kind, subject, old, new) VALUES (?, ?, ?, ?, ?)",
            (_now(), LEDGER_KIND, str(a), platform, LEDGER_FORGOTTEN),
        )
    return ForgetResult(a, platform, max(0, removed), kept)


def _move_held(conn: db.Connection, a: int, b: int) -> int:
    """Move to import ``b`` each record of ``a`` that ``b`` also holds (its repeats say so)."""
    rows = conn.execute(
        "SELECT r.id, r.content_hash, r.occurrence, p.seen, "
        "(SELECT count(*) FROM records o WHERE o.content_hash = p.content_hash "
        "AND +o.import_id = ?1) "
        "FROM import_repeats p JOIN records r ON r.content_hash = p.content_hash "
        "WHERE p.import_id = ?1 AND r.import_id = ?2",
        (b, a),
    ).fetchall()
    moved = 0
    for record_id, digest, occurrence, seen, own in rows:
        if int(own) + int(seen) > int(occurrence):
            conn.execute("UPDATE records SET import_id = ? WHERE id = ?", (b, int(record_id)))
            conn.execute(
                "UPDATE import_repeats SET seen = seen - 1 WHERE import_id = ? "
                "AND content_hash = ?",
                (b, digest),
            )
            moved += 1
    conn.execute("DELETE FROM import_repeats WHERE import_id = ? AND seen <= 0", (b,))
    if moved:
        # b now stores them: its counts keep saying what it holds (sum of repeats ==
        # duplicates), which is how an import with repeat rows is told from an older one.
        conn.execute(
            "UPDATE imports SET added = added + ?1, duplicates = max(0, duplicates - ?1) "
            "WHERE id = ?2",
            (moved, b),
        )
    return moved


def check_passphrase(vault: Vault, passphrase: str) -> None:
    """``WrongPassphrase`` unless ``passphrase`` is the open vault's current passphrase (it
    unwraps the data key from ``vault.key``). Argon2id: about a second, so off the GUI thread.
    Nothing is opened or changed."""
    if vault.locked:
        raise VaultLocked("The vault is locked.", hint="Unlock it with your passphrase.")
    keys.zero(keys.read_key_file(vault.path).unwrap_passphrase(passphrase))


def destroy(vault: Vault) -> Path:
    """Delete the vault: lock it, forget it on this device, shred ``vault.key`` (overwritten
    with random bytes and synced before it is removed: without it the database is noise),
    then remove the database files and the folder if nothing else is in it. Files that are
    not Plainview's stay. Returns the folder. Refused while an import runs."""
    path = vault.path
    with vault.read() as conn:
        _refuse_while_importing(conn)
    with contextlib.suppress(PlainviewError, OSError):
        Vault.forget_device_at(path)
    vault.lock()
    destroy_files(path)
    return path


def destroy_files(path: Path) -> None:
    """The file part of ``destroy`` (the vault must be locked, in this process and others)."""
    key_file = path / keys.KEY_FILE
    if key_file.exists():
        _shred(key_file)
    for name in _VAULT_FILES:
        with contextlib.suppress(FileNotFoundError):
            (path / name).unlink()
    for stale in path.glob(f".{keys.KEY_FILE}.*.tmp"):
        with contextlib.suppress(OSError):
            stale.unlink()
    with contextlib.suppress(OSError):
        path.rmdir()  # only when empty: never remove what the user keeps in that folder


def _shred(file: Path) -> None:
    """Overwrite with random bytes, sync, remove (best effort on SSDs and copy-on-write file
    systems, which may keep the old blocks: the README says so)."""
    try:
        size = file.stat().st_size
        with file.open("r+b") as handle:
            handle.write(secrets.token_bytes(max(size, 1)))
            handle.flush()
            os.fsync(handle.fileno())
    except OSError:
        pass
    file.unlink()
    keys._fsync_dir(file.parent)


__all__ = [
    "LEDGER_FORGOTTEN",
    "LEDGER_KIND",
    "ForgetResult",
    "check_passphrase",
    "destroy",
    "destroy_files",
    "forget_import",
    "import_to_json",
]
