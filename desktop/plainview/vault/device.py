""" "Remember on this device": a random 32-byte device secret kept only in the OS keyring.

The ``device`` slot of ``vault.key`` (see ``keys.py``) wraps the data key under this secret, so
the vault opens without the passphrase for whoever can read the user's keyring: the login
session of the same OS account. The secret lives under service ``"Plainview"`` and user name =
the vault id. The keyring API takes and returns ``str``, so the secret passes through one
base64 string that Python cannot zero; our own copies are ``bytearray``s zeroed after use.

Which keyrings we accept (``secure_backend``)
----------------------------------------------
``keyring.get_keyring()`` picks the backend with the highest priority that loads. On a
headless Linux machine with ``keyrings.alt`` installed that is ``PlaintextKeyring``, a file
anyone who copies the profile folder can read: the device secret there would undo the whole
promise of SECURITY.md. So we accept a backend only when all of these hold:

- its ``priority`` is above 0 (``keyring``'s own "usable" rule; reading it must not fail);
- its class is one of ``keyring``'s own OS stores (``TRUSTED_MODULES``: Secret Service /
  libsecret, KWallet, macOS Keychain, Windows Credential Manager). An allow-list, not a list
  of known bad ones: plug-ins keep secrets in ways we cannot check (``keyrings.alt`` and
  ``keyrings.cryptfile`` both ship a ``PlaintextKeyring``, and their "encrypted file" stores
  ask for their own password with ``getpass``, on a terminal or blocking on stdin). So
  ``fail`` (every call raises), ``null`` (stores nothing) and every plug-in are refused;
- a ``ChainerBackend`` (the "try them all" wrapper) is never used itself, as it would write to
  whichever chained store comes first: we use the highest-priority chained backend that
  passes the rules above, or nothing.

When no backend qualifies (the normal case on a server, in CI or in a container) the feature is
not offered and everything works by passphrase, as before.
"""

from __future__ import annotations

import base64
import binascii
import contextlib
import logging
import secrets
from typing import Final

import keyring
import keyring.errors
from keyring.backend import KeyringBackend
from keyring.backends.chainer import ChainerBackend

from plainview.errors import KeyringUnavailable

SERVICE: Final = "Plainview"
SECRET_BYTES: Final = 32
#: Modules (and their sub-modules) whose backends are OS keyrings (see the docstring).
TRUSTED_MODULES: tuple[str, ...] = (
    "keyring.backends.SecretService",
    "keyring.backends.libsecret",
    "keyring.backends.kwallet",
    "keyring.backends.macOS",
    "keyring.backends.Windows",
)

log = logging.getLogger(__name__)

UNAVAILABLE_MESSAGE: Final = (
    "This computer has no secure keyring to remember the vault in, so it opens by passphrase."
)
UNAVAILABLE_HINT: Final = (
    "A desktop keyring (GNOME Keyring, KWallet, macOS Keychain or Windows Credential "
    "Manager) makes this possible."
)


def _priority(backend: KeyringBackend) -> float:
    try:
        return float(backend.priority)
    except Exception:  # a backend reports "not usable here" by raising from priority
        return 0.0


def is_secure(backend: KeyringBackend) -> bool:
    """The rule of the module docstring, for one (non-chainer) backend."""
    if isinstance(backend, ChainerBackend):
        return False
    module = type(backend).__module__
    if not any(module == name or module.startswith(name + ".") for name in TRUSTED_MODULES):
        return False
    return _priority(backend) > 0


def secure_backend() -> KeyringBackend | None:
    """The keyring backend Plainview may keep a device secret in, or ``None``."""
    try:
        backend = keyring.get_keyring()
    except Exception:
        log.debug("no keyring backend could be loaded", exc_info=True)
        return None
    if isinstance(backend, ChainerBackend):
        try:
            chained: list[KeyringBackend] = list(backend.backends)
        except Exception:
            return None
        candidates = sorted(chained, key=_priority, reverse=True)
    else:
        candidates = [backend]
    for candidate in candidates:
        if is_secure(candidate):
            return candidate
    return None


def available() -> bool:
    return secure_backend() is not None


def _backend() -> KeyringBackend:
    backend = secure_backend()
    if backend is None:
        raise KeyringUnavailable(UNAVAILABLE_MESSAGE, hint=UNAVAILABLE_HINT)
    return backend


def _refused() -> KeyringUnavailable:
    return KeyringUnavailable(
        "The system keyring did not let Plainview use it.",
        hint="Unlock your keyring (or allow Plainview in it) and try again, or use your "
        "passphrase.",
    )


def new_secret() -> bytearray:
    return bytearray(secrets.token_bytes(SECRET_BYTES))


def store_secret(vault_id: str, secret: bytearray) -> None:
    """Save ``secret`` for this vault; ``KeyringUnavailable`` if it cannot be saved."""
    backend = _backend()
    text = base64.b64encode(secret).decode("ascii")
    try:
        backend.set_password(SERVICE, vault_id, text)
    except Exception as exc:
        log.warning("the keyring refused to store the device secret (%s)", type(exc).__name__)
        raise _refused() from None
    finally:
        del text


def load_secret(vault_id: str) -> bytearray | None:
    """The saved secret, ``None`` when the keyring has none (or something not ours)."""
    backend = _backend()
    try:
        text = backend.get_password(SERVICE, vault_id)
    except Exception as exc:
        log.warning("the keyring refused to give the device secret (%s)", type(exc).__name__)
        raise _refused() from None
    if text is None:
        return None
    try:
        raw = bytearray(base64.b64decode(text.encode("ascii"), validate=True))
    except (ValueError, UnicodeError, binascii.Error):
        return None
    finally:
        del text
    if len(raw) != SECRET_BYTES:
        raw[:] = bytes(len(raw))
        return None
    return raw


def delete_secret(vault_id: str) -> bool:
    """Remove the saved secret; ``False`` when there was none or no keyring could be used."""
    backend = secure_backend()
    if backend is None:
        return False
    try:
        backend.delete_password(SERVICE, vault_id)
    except keyring.errors.PasswordDeleteError:
        return False
    except Exception as exc:
        log.warning("the keyring refused to delete the device secret (%s)", type(exc).__name__)
        return False
    return True


def describe_backend() -> str | None:
    """A short name of the secure backend in use (for a debug log line), or ``None``."""
    backend = secure_backend()
    if backend is None:
        return None
    with contextlib.suppress(Exception):
        return str(backend.name)
    return type(backend).__name__
