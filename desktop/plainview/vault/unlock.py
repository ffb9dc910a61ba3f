"""Creating and opening a vault: passphrase, recovery code and the device slot (keyring)."""

from __future__ import annotations

import contextlib
import secrets
from collections.abc import Callable
from pathlib import Path
from typing import Self

from plainview.errors import UsageError, VaultDamaged, VaultExists, VaultNotFound
from plainview.vault import db, keys
from plainview.vault.base import damage_guard as _damage_guard
from plainview.vault.keys import KdfParams, KeyFile
from plainview.vault.writer import ImportWriter


class Unlocking(ImportWriter):
    """``Vault.create`` / ``open*`` / ``recover``, passphrase changes, remember-on-device.

    (An unlock settles the imports a killed process left, hence ``ImportWriter``.)
    """

    @staticmethod
    def exists(path: Path) -> bool:
        return (Path(path) / keys.KEY_FILE).is_file()

    @classmethod
    def create(cls, path: Path, passphrase: str, kdf: KdfParams | None = None) -> tuple[Self, str]:
        """A new vault in ``path`` (created if needed): (unlocked vault, recovery code)."""
        path = Path(path)
        if cls.exists(path):
            raise VaultExists(
                "There is already a vault in this folder.",
                hint="Open it with your passphrase, or choose another folder.",
            )
        if (path / db.DB_FILE).exists():
            raise VaultExists(
                "This folder holds a vault database without its key file (vault.key).",
                hint="Restore vault.key from a backup, or choose another folder to start over.",
            )
        if not passphrase:
            raise UsageError("The passphrase must not be empty.")
        db.ensure_sqlcipher_build()
        kdf = kdf or KdfParams.default()
        if not kdf.is_valid():
            raise UsageError("These key derivation settings are weaker than Plainview allows.")
        path.mkdir(parents=True, exist_ok=True, mode=0o700)
        data_key = bytearray(secrets.token_bytes(keys.DATA_KEY_BYTES))
        key_file = keys.new_key_file(kdf)
        code, raw_code = keys.new_recovery_code()
        try:
            key_file.set_passphrase_slot(data_key, passphrase)
            key_file.set_recovery_slot(data_key, raw_code)
        finally:
            keys.zero(raw_code)
        conn = db.connect(path / db.DB_FILE, data_key, create=True)
        try:
            with contextlib.suppress(OSError):
                (path / db.DB_FILE).chmod(0o600)
            with _damage_guard():
                db.migrate(conn)
            # vault.key last: a create killed before this point leaves no usable vault.
            keys.write_key_file(path, key_file)
        except BaseException:
            conn.close()
            keys.zero(data_key)
            # We made vault.db a moment ago and its key is gone: remove it, so that a retry
            # is not refused as "a database without its key file".
            for name in (db.DB_FILE, f"{db.DB_FILE}-wal", f"{db.DB_FILE}-shm"):
                with contextlib.suppress(OSError):
                    (path / name).unlink()
            raise
        return cls(path, key_file, data_key, conn), code

    @classmethod
    def _read_key_file(cls, path: Path) -> KeyFile:
        db.ensure_sqlcipher_build()
        path = Path(path)
        if not cls.exists(path):
            raise VaultNotFound(
                "There is no vault in this folder.",
                hint="Create one with 'plainview init', or give the right folder with --vault.",
            )
        try:
            return keys.read_key_file(path)
        except OSError:
            raise VaultNotFound("The vault's key file cannot be read.") from None

    @classmethod
    def _unlock(cls, path: Path, key_file: KeyFile, data_key: bytearray) -> Self:
        if len(data_key) != keys.DATA_KEY_BYTES:
            keys.zero(data_key)
            raise db.damaged()
        try:
            conn = db.connect(Path(path) / db.DB_FILE, data_key)
        except BaseException:
            keys.zero(data_key)
            raise
        try:
            with _damage_guard():
                db.migrate(conn)
        except BaseException:
            conn.close()
            keys.zero(data_key)
            raise
        vault = cls(Path(path), key_file, data_key, conn)
        try:
            vault.abandon_stale_imports()
        except BaseException:
            vault.lock()
            raise
        return vault

    @classmethod
    def _open_by(cls, path: Path, unwrap: Callable[[KeyFile], bytearray]) -> Self:
        """Read the key file, ``unwrap`` the data key from it, open the database.

        Another process may rotate the data key between our read of ``vault.key`` and our
        opening of ``vault.db`` (the key derivation takes about a second): the old key then
        meets the new database, which looks exactly like damage. When ``vault.key`` changed
        meanwhile, start once more from the new key file (where the passphrase opens the new
        key, and an old recovery code or device secret is simply wrong)."""
        path = Path(path)
        for attempt in range(2):
            key_file = cls._read_key_file(path)
            data_key = unwrap(key_file)
            try:
                return cls._unlock(path, key_file, data_key)
            except VaultDamaged:
                if attempt or cls._read_key_file(path) == key_file:
                    raise
        raise AssertionError("unreachable")

    @classmethod
    def open(cls, path: Path, passphrase: str) -> Self:
        return cls._open_by(path, lambda key_file: key_file.unwrap_passphrase(passphrase))

    @classmethod
    def open_with_recovery(cls, path: Path, code: str) -> Self:
        raw = keys.parse_recovery_code(code)
        try:
            return cls._open_by(path, lambda key_file: key_file.unwrap_recovery(raw))
        finally:
            keys.zero(raw)

    @classmethod
    def recover(cls, path: Path, code: str, new_passphrase: str) -> None:
        """Set a new passphrase using the recovery code (the recovery code stays valid)."""
        vault = cls.open_with_recovery(path, code)
        try:
            vault.change_passphrase(new_passphrase)
        finally:
            vault.lock()

    def change_passphrase(self, new_passphrase: str) -> None:
        """Re-wrap the data key under a new passphrase (new salt); atomic file replace."""
        if not new_passphrase:
            raise UsageError("The new passphrase must not be empty.")
        with self._lock:
            data_key = bytearray(self._key())  # a copy: Argon2id runs outside the lock
            old = self._key_file
        try:
            kdf = keys.rewrap_kdf(old.kdf)
            new = KeyFile(
                vault_id=old.vault_id,
                kdf=kdf,
                salt=secrets.token_bytes(keys.SALT_BYTES),
                slots=dict(old.slots),
            )
            new.set_passphrase_slot(data_key, new_passphrase)
        finally:
            keys.zero(data_key)
        with self._lock:
            self._key()  # still unlocked
            self._unchanged_since(old)
            keys.remove_stale_temp_files(self._path)
            keys.write_key_file(self._path, new)
            self._key_file = new

    # --- "remember on this device" (keyring slot; vault/device.py) -------------------------

    @staticmethod
    def device_available() -> bool:
        """Whether a secure OS keyring is there to remember vaults in (see ``device.py``)."""
        from plainview.vault import device

        return device.available()

    @classmethod
    def remembered(cls, path: Path) -> bool:
        """Whether the vault in ``path`` has a device slot (``False`` when there is no vault).

        Only the key file is read: the keyring may still have lost the secret.
        """
        if not cls.exists(Path(path)):
            return False
        return cls._read_key_file(Path(path)).has_device_slot

    @classmethod
    def open_with_device(cls, path: Path) -> Self:
        """Open with the secret kept in the OS keyring.

        ``DeviceNotRemembered`` when the vault has no device slot, the keyring has no secret
        for it or the secret does not fit; ``KeyringUnavailable`` when no secure keyring is
        there or it refuses. The passphrase keeps working in every case.
        """
        from plainview.errors import DeviceNotRemembered
        from plainview.vault import device

        def unwrap(key_file: KeyFile) -> bytearray:
            if not key_file.has_device_slot:
                raise DeviceNotRemembered(
                    "This vault is not remembered on this device.",
                    hint="Unlock it with your passphrase.",
                )
            secret = device.load_secret(key_file.vault_id)
            if secret is None:
                raise DeviceNotRemembered(
                    "The key saved for this vault is no longer in this device's keyring.",
                    hint="Unlock it with your passphrase; you can remember it on this device "
                    "again.",
                )
            try:
                return key_file.unwrap_device(secret)
            finally:
                keys.zero(secret)

        return cls._open_by(path, unwrap)

    def remember_on_device(self) -> None:
        """Add (or renew) the device slot: a new secret goes into the keyring first, then
        ``vault.key`` is rewritten atomically. ``KeyringUnavailable`` leaves both unchanged."""
        from plainview.vault import device

        with self._lock:
            data_key = bytearray(self._key())
            old = self._key_file
            new = old.copy()
        secret = device.new_secret()
        try:
            new.set_device_slot(data_key, secret)
            # Keyring first: a process killed between the two steps leaves an unused secret in
            # the keyring (overwritten next time), never a slot whose secret is missing.
            device.store_secret(new.vault_id, secret)
        finally:
            keys.zero(secret)
            keys.zero(data_key)
        with self._lock:
            self._key()  # still unlocked
            self._unchanged_since(old)
            keys.remove_stale_temp_files(self._path)
            keys.write_key_file(self._path, new)
            self._key_file = new

    def forget_device(self) -> None:
        """Remove the device slot from ``vault.key``, then the secret from the keyring."""
        self.forget_device_at(self._path)
        with self._lock:
            self._key_file = self._key_file.copy()
            self._key_file.drop_device_slot()

    @classmethod
    def forget_device_at(cls, path: Path) -> bool:
        """``forget_device`` without unlocking (no key is needed to drop a slot). Returns
        whether the vault was remembered."""
        from plainview.vault import device

        path = Path(path)
        key_file = cls._read_key_file(path)
        was = key_file.has_device_slot
        if was:
            new = key_file.copy()
            new.drop_device_slot()
            keys.remove_stale_temp_files(path)
            keys.write_key_file(path, new)
        device.delete_secret(key_file.vault_id)
        return was
