"""Typed errors. Each carries a plain-language message (no personal data) and an exit code.

``PlainviewError`` and its subclasses are "tell the user" errors; anything else that escapes
is a bug, reported as an internal error without personal data.
"""

from __future__ import annotations


class PlainviewError(Exception):
    """An error the user can understand and act on."""

    exit_code: int = 1

    def __init__(self, message: str, hint: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint


class UsageError(PlainviewError):
    exit_code = 2


class NotAvailable(UsageError):
    """A command that belongs to later work."""


class VaultNotFound(UsageError):
    pass


class VaultExists(UsageError):
    pass


class VaultLocked(PlainviewError):
    exit_code = 1


class WrongPassphrase(PlainviewError):
    exit_code = 3


class WrongRecoveryCode(WrongPassphrase):
    pass


class ArchiveRejected(PlainviewError):
    """Bad, hostile, or unknown input. The vault is left exactly as it was."""

    exit_code = 4


class ImportCancelled(PlainviewError):
    exit_code = 1


class VaultDamaged(PlainviewError):
    exit_code = 5


class VaultTooNew(PlainviewError):
    """The vault was written by a newer major version of Plainview."""

    exit_code = 1


class InstallationBroken(PlainviewError):
    """The startup self-check failed (for example SQLCipher without its codec or FTS5)."""

    exit_code = 1


class KeyringUnavailable(PlainviewError):
    """No secure OS keyring, or it refused: "remember on this device" cannot be used."""

    exit_code = 1


class DeviceNotRemembered(PlainviewError):
    """The vault cannot be opened with the key saved on this device (none saved, or wrong)."""

    exit_code = 3


class VaultBusy(PlainviewError):
    """Another Plainview process is re-encrypting the vault right now (a data-key rotation)."""

    exit_code = 1
