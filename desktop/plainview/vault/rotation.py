"""Rotating the data key: re-encrypt the whole vault (the database part is ``rekey.py``)."""

from __future__ import annotations

import contextlib
import secrets

from plainview.errors import PlainviewError, UsageError
from plainview.vault import db, keys
from plainview.vault.base import VaultBase
from plainview.vault.base import damage_guard as _damage_guard
from plainview.vault.keys import KeyFile


class Rotation(VaultBase):
    """``rotate_data_key``: a new data key for the whole vault, crash-safe."""

    def rotate_data_key(self, passphrase: str) -> str:
        """Re-encrypt the whole vault under a new random data key; returns the NEW recovery
        code (the old code stops working: show the new one once).

        The passphrase stays the same (it is needed to wrap the new key) and is checked first
        (``WrongPassphrase``). The device slot is dropped and its keyring secret deleted
        (remember the device again afterwards). Refused while an import runs or when another
        process has the vault open. Crash-safe: see ``rekey.py``.
        """
        import hmac

        from plainview.errors import WrongPassphrase
        from plainview.vault import device

        if not passphrase:
            raise UsageError("The passphrase must not be empty.")
        with self._lock:
            self._key()
            self._refuse_while_importing()
            old_file = self._key_file
        check = old_file.unwrap_passphrase(passphrase)  # Argon2id, outside the lock
        try:
            with self._lock:
                if not hmac.compare_digest(bytes(check), bytes(self._key())):
                    raise WrongPassphrase(
                        "That passphrase is not right.",
                        hint="Check the keyboard layout and Caps Lock.",
                    )
        finally:
            keys.zero(check)
        new_key = bytearray(secrets.token_bytes(keys.DATA_KEY_BYTES))
        new_file = KeyFile(
            vault_id=old_file.vault_id,
            kdf=keys.rewrap_kdf(old_file.kdf),
            salt=secrets.token_bytes(keys.SALT_BYTES),
            slots={},
        )
        code, raw_code = keys.new_recovery_code()
        try:
            new_file.set_passphrase_slot(new_key, passphrase)
            new_file.set_recovery_slot(new_key, raw_code)
        except BaseException:
            keys.zero(new_key)
            raise
        finally:
            keys.zero(raw_code)
        with self._lock:
            try:
                self._key()
                self._refuse_while_importing()
                self._unchanged_since(old_file)
            except BaseException:
                keys.zero(new_key)
                raise
            self._swap_data_key(new_key, new_file)
        if old_file.has_device_slot:
            device.delete_secret(old_file.vault_id)
        return code

    def _refuse_while_importing(self) -> None:
        if self._imports:
            raise PlainviewError(
                "An import is running.", hint="Wait until it has finished, then try again."
            )

    def _swap_data_key(self, new_key: bytearray, new_file: KeyFile) -> None:
        """The database part of ``rotate_data_key`` (holding ``self._lock``)."""
        import os

        from plainview.vault import rekey

        path = self._path
        old_key = self._key()
        with keys.rotation_lock(path, wait=True) as held:
            if not held:  # it waits for another process: not held = no locks on this disk
                keys.zero(new_key)
                raise rekey.no_file_locks()
            keys.settle_rotation(path)
            keys.remove_stale_temp_files(path)
            for reader in self._readers:
                with contextlib.suppress(Exception):
                    reader.close()
            self._readers.clear()
            if self._conn is not None:
                with contextlib.suppress(Exception):
                    self._conn.close()
                self._conn = None
            committed = False
            try:
                conn = rekey.open_exclusive(path / db.DB_FILE, old_key)
                try:
                    with _damage_guard():
                        expected = rekey.row_counts(conn)
                        rekey.export(conn, path / keys.PENDING_DB_FILE, new_key)
                    rekey.step("exported")
                    rekey.verify(path / keys.PENDING_DB_FILE, new_key, expected)
                    rekey.step("verified")
                    keys.write_key_file(path, new_file, keys.PENDING_KEY_FILE)
                    rekey.step("key_written")
                    os.replace(path / keys.PENDING_DB_FILE, path / db.DB_FILE)
                    keys._fsync_dir(path)
                    committed = True
                    rekey.step("db_swapped")
                    keys.settle_rotation(path)  # K' -> vault.key
                    rekey.step("key_swapped")
                finally:
                    conn.close()
            except BaseException:
                if committed:
                    # The new database is in place: finish (the next open would do it too).
                    try:
                        keys.settle_rotation(path)
                    except BaseException:
                        # This object stays locked (reopen to continue): no key kept.
                        keys.zero(new_key)
                        keys.zero(old_key)
                        self._data_key = None
                        raise
                else:
                    with contextlib.suppress(OSError):
                        (path / keys.PENDING_KEY_FILE).unlink()
                    keys._unlink_db(path / keys.PENDING_DB_FILE)
                    keys.zero(new_key)
                    try:
                        self._conn = db.connect(path / db.DB_FILE, old_key)
                    except BaseException:
                        keys.zero(old_key)  # locked for good, like the case above
                        self._data_key = None
                        raise
                    raise
            self._conn = db.connect(path / db.DB_FILE, new_key)
            keys.zero(old_key)
            self._data_key = new_key
            self._key_file = new_file
            self._counts = None
