"""``vault.key``: the key file that wraps the vault's random data key (SECURITY.md "Keys").

Layout (JSON, UTF-8)::

    {
      "header":   {"format": 1, "vault_id": "...",
                   "kdf": {"alg": "argon2id", "memory_kib": .., "iterations": .., "lanes": ..},
                   "salt": "<b64, 16 bytes>"},
      "slots":    {"passphrase": {"nonce": "<b64>", "ct": "<b64>"},
                   "recovery":   {"kdf": "hkdf-sha256", "salt": "<b64>", "nonce": .., "ct": ..},
                   "device":     {"kdf": "keyring", "nonce": .., "ct": ..}},   # optional
      "header_mac": "<hex HMAC-SHA256 of the canonical header, keyed from the data key>",
      "checksum": "<hex sha256 of the canonical JSON of header, slots and header_mac>"
    }

Each slot holds the 32-byte data key wrapped with AES-256-GCM. The associated data binds a
slot to the header: the passphrase slot uses the canonical header bytes; the recovery slot uses
the vault id and its own parameters (so a passphrase change, which picks a new salt and maybe new
KDF parameters, re-wraps only the passphrase slot).

Telling "wrong passphrase" from "damaged file": a GCM tag failure alone cannot say which. So the
file carries an unkeyed SHA-256 ``checksum`` over the canonical header and slots. Any change to a
byte of the file (malformed JSON, a bad field, a flipped byte inside a salt, nonce or ciphertext)
fails parsing or the checksum → ``VaultDamaged``. Only when the file is intact does a tag failure
mean ``WrongPassphrase``. The checksum is not a security boundary (an attacker can recompute it);
it only makes accidental and naive damage loud. Confidentiality and integrity rest on GCM and on
SQLCipher's per-page HMAC.

The header is authenticated (issue 16): ``header_mac`` is an HMAC-SHA256 of the canonical
header under HKDF(data key, "plainview key file header"). Every slot method that wraps the data
key also (re)computes it, and every unwrap checks it right after its slot opened: a header
whose KDF parameters were lowered, with the checksum recomputed, opens through the recovery
code or the device slot and is then refused with ``KeyFileChanged`` (exit 5, "The key file was
changed"), before anything could be re-wrapped at the lowered cost. (Through the passphrase
slot the lowered parameters derive another key, so no data key comes out and nothing can be
checked: that reads as a wrong passphrase.) A file written before the MAC existed has none; it
opens as before and gets one at its next re-wrap. Re-wraps never go below the stronger of the
file's parameters and the default (``rewrap_kdf``), so a stripped MAC gains nothing either.
Parameters above ``KdfParams.MAX_*`` (1 GiB, 10 passes, 16 lanes) are refused on parse, before
any derivation: a file asking for 4 GiB x 64 passes would otherwise hang the unlock.

The recovery slot uses HKDF-SHA256 rather than Argon2id: the recovery code carries 128 random
bits, so stretching adds nothing.

The optional ``device`` slot ("remember on this device", see ``device.py``) wraps the data key
under HKDF-SHA256 of a random 32-byte secret that only the OS keyring holds. Like the recovery
slot its associated data names the vault id and its own parameters, not the passphrase's salt
and KDF: a passphrase change keeps it working unchanged (the user forgets the device in
Settings, or with ``plainview forget-device``, to end it). A data-key rotation drops it.
Adding or removing it rewrites ``vault.key`` atomically like every other change, and the
checksum covers it: a damaged device slot is a damaged key file.
"""

from __future__ import annotations

import base64
import binascii
import contextlib
import hashlib
import hmac
import json
import os
import secrets
import unicodedata
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.argon2 import Argon2id
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from plainview.errors import (
    DeviceNotRemembered,
    VaultBusy,
    VaultDamaged,
    WrongPassphrase,
    WrongRecoveryCode,
)

KEY_FILE: Final = "vault.key"
FORMAT: Final = 1
DATA_KEY_BYTES: Final = 32
SALT_BYTES: Final = 16
NONCE_BYTES: Final = 12

_DAMAGED = "The vault's key file is damaged or was changed, so the vault cannot be opened."
_DAMAGED_HINT = "Restore the vault folder from a backup."
_CHANGED = "The key file was changed, so the vault was not opened."
_CHANGED_HINT = (
    "Someone or something altered vault.key after Plainview wrote it. Restore the vault folder "
    "from a backup; do not set a new passphrase on this copy."
)
MAC_BYTES: Final = 32


class KeyFileChanged(VaultDamaged):
    """``vault.key`` was altered on purpose: its header fails its MAC, or its KDF parameters
    are outside what Plainview ever writes (exit 5, like any damage)."""


def _damaged(reason: str) -> VaultDamaged:
    err = VaultDamaged(_DAMAGED, hint=_DAMAGED_HINT)
    err.reason = reason  # type: ignore[attr-defined]
    return err


def _changed(reason: str) -> KeyFileChanged:
    err = KeyFileChanged(_CHANGED, hint=_CHANGED_HINT)
    err.reason = reason  # type: ignore[attr-defined]
    return err


@dataclass(frozen=True, slots=True)
class KdfParams:
    """Argon2id parameters for the passphrase slot."""

    memory_kib: int = 262144
    iterations: int = 3
    lanes: int = 4

    FLOOR_MEMORY_KIB = 65536
    FLOOR_ITERATIONS = 3
    FLOOR_LANES = 4
    # Refuse absurd values from a file (a tampered header must not make unlock hang or OOM):
    # 1 GiB, 10 passes, 16 lanes is four times the default's memory and more than three
    # times its passes, and still opens in seconds.
    MAX_MEMORY_KIB = 1024 * 1024
    MAX_ITERATIONS = 10
    MAX_LANES = 16

    @classmethod
    def floor(cls) -> KdfParams:
        """The weakest parameters Plainview accepts (64 MiB / 3 / 4); fast, for tests."""
        return cls(cls.FLOOR_MEMORY_KIB, cls.FLOOR_ITERATIONS, cls.FLOOR_LANES)

    @classmethod
    def default(cls) -> KdfParams:
        """256 MiB / 3 / 4: about 0.5-1 s on the reference machine."""
        return cls()

    def is_valid(self) -> bool:
        return (
            self.FLOOR_MEMORY_KIB <= self.memory_kib <= self.MAX_MEMORY_KIB
            and self.FLOOR_ITERATIONS <= self.iterations <= self.MAX_ITERATIONS
            and self.FLOOR_LANES <= self.lanes <= self.MAX_LANES
            and self.memory_kib >= 8 * self.lanes
        )

    def at_least(self, other: KdfParams) -> KdfParams:
        """Each parameter the stronger of ``self``'s and ``other``'s."""
        return KdfParams(
            max(self.memory_kib, other.memory_kib),
            max(self.iterations, other.iterations),
            max(self.lanes, other.lanes),
        )

    def to_json(self) -> dict[str, Any]:
        return {
            "alg": "argon2id",
            "memory_kib": self.memory_kib,
            "iterations": self.iterations,
            "lanes": self.lanes,
        }


#: The weakest parameters a re-wrap (passphrase change, recovery, rekey) may use; ``None``
#: means ``KdfParams.default()``. Only the test suite lowers it, to keep its re-wraps fast.
REWRAP_MINIMUM: KdfParams | None = None


def rewrap_kdf(current: KdfParams) -> KdfParams:
    """Parameters for a new passphrase slot: never below the stronger of the file's parameters
    and the default (a lowered file must not make a recovery re-wrap at the lowered cost)."""
    minimum = REWRAP_MINIMUM if REWRAP_MINIMUM is not None else KdfParams.default()
    chosen = current.at_least(minimum)
    if not chosen.is_valid():  # a parameter above the caps: the default, within them
        return KdfParams.default().at_least(minimum)
    return chosen


def normalize_passphrase(passphrase: str) -> bytes:
    return unicodedata.normalize("NFC", passphrase).encode("utf-8")


def derive_passphrase_key(passphrase: str, salt: bytes, kdf: KdfParams) -> bytearray:
    kdf_fn = Argon2id(
        salt=salt,
        length=32,
        iterations=kdf.iterations,
        lanes=kdf.lanes,
        memory_cost=kdf.memory_kib,
    )
    return bytearray(kdf_fn.derive(normalize_passphrase(passphrase)))


# --- recovery codes -------------------------------------------------------------------------

_CROCKFORD: Final = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
_DECODE: Final = {c: i for i, c in enumerate(_CROCKFORD)} | {"I": 1, "L": 1, "O": 0}
_CODE_DIGITS: Final = 26  # 26 x 5 bits >= 128 bits
_CHECK_DIGITS: Final = 4  # 20-bit checksum, catches typos before any crypto
_GROUP: Final = 5


def _check_digits(raw: bytes) -> str:
    value = int.from_bytes(hashlib.sha256(b"plainview-recovery" + raw).digest()[:3], "big") >> 4
    return "".join(_CROCKFORD[(value >> (5 * i)) & 31] for i in reversed(range(_CHECK_DIGITS)))


def new_recovery_code() -> tuple[str, bytearray]:
    """A fresh 128-bit code, as shown to the user, and its raw bytes."""
    raw = secrets.token_bytes(16)
    value = int.from_bytes(raw, "big")
    digits = "".join(_CROCKFORD[(value >> (5 * i)) & 31] for i in reversed(range(_CODE_DIGITS)))
    text = digits + _check_digits(raw)
    shown = "-".join(text[i : i + _GROUP] for i in range(0, len(text), _GROUP))
    return shown, bytearray(raw)


def parse_recovery_code(code: str) -> bytearray:
    """Raw bytes of a recovery code typed with or without dashes/spaces, in any case."""
    text = "".join(ch for ch in code.upper() if ch not in "- \t\r\n")
    wrong = WrongRecoveryCode(
        "That recovery code is not right.",
        hint="Type the code exactly as it was shown when the vault was created.",
    )
    if len(text) != _CODE_DIGITS + _CHECK_DIGITS or any(ch not in _DECODE for ch in text):
        raise wrong
    value = 0
    for ch in text[:_CODE_DIGITS]:
        value = (value << 5) | _DECODE[ch]
    if value >> 128:
        raise wrong
    raw = value.to_bytes(16, "big")
    check = "".join(_CROCKFORD[_DECODE[ch]] for ch in text[_CODE_DIGITS:])
    if check != _check_digits(raw):
        raise wrong
    return bytearray(raw)


def derive_recovery_key(raw_code: bytes | bytearray, salt: bytes) -> bytearray:
    hkdf = HKDF(algorithm=hashes.SHA256(), length=32, salt=salt, info=b"plainview recovery slot")
    return bytearray(hkdf.derive(bytes(raw_code)))


def derive_device_key(secret: bytes | bytearray) -> bytearray:
    hkdf = HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=b"plainview device slot")
    return bytearray(hkdf.derive(bytes(secret)))


def derive_header_key(data_key: bytes | bytearray) -> bytearray:
    hkdf = HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=b"plainview key file header")
    return bytearray(hkdf.derive(bytes(data_key)))


# --- the key file ---------------------------------------------------------------------------


def canonical(obj: Any) -> bytes:
    return json.dumps(obj, sort_keys=True, separators=(",", ":"), ensure_ascii=True).encode()


def checksum_of(doc: dict[str, Any]) -> str:
    """The ``checksum`` of a key-file document: SHA-256 of every other top-level entry."""
    return hashlib.sha256(canonical({k: v for k, v in doc.items() if k != "checksum"})).hexdigest()


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


class _Bad(ValueError):
    """One check of ``parse_key_file`` failed; the text names the check (never the input)."""


def _unb64(text: Any, length: int | None = None, what: str = "base64") -> bytes:
    if not isinstance(text, str):
        raise _Bad(what)
    try:
        data = base64.b64decode(text.encode("ascii"), validate=True)
    except (binascii.Error, UnicodeError):
        raise _Bad(what) from None
    if length is not None and len(data) != length:
        raise _Bad(what)
    return data


def zero(buf: bytearray | None) -> None:
    if buf is not None:
        for i in range(len(buf)):
            buf[i] = 0


@dataclass(slots=True)
class KeyFile:
    """The parsed, checksum-verified content of ``vault.key``."""

    vault_id: str
    kdf: KdfParams
    salt: bytes
    slots: dict[str, dict[str, str]]
    header_mac: bytes | None = None  # None: a file written before the MAC existed

    def header(self) -> dict[str, Any]:
        return {
            "format": FORMAT,
            "vault_id": self.vault_id,
            "kdf": self.kdf.to_json(),
            "salt": _b64(self.salt),
        }

    def passphrase_aad(self) -> bytes:
        return b"plainview passphrase slot\0" + canonical(self.header())

    def recovery_aad(self, slot_salt: str) -> bytes:
        return b"plainview recovery slot\0" + canonical(
            {"format": FORMAT, "vault_id": self.vault_id, "kdf": "hkdf-sha256", "salt": slot_salt}
        )

    def device_aad(self) -> bytes:
        return b"plainview device slot\0" + canonical(
            {"format": FORMAT, "vault_id": self.vault_id, "kdf": "keyring"}
        )

    def copy(self) -> KeyFile:
        """A copy whose slots can be changed without touching this one."""
        return KeyFile(
            vault_id=self.vault_id,
            kdf=self.kdf,
            salt=self.salt,
            slots={name: dict(slot) for name, slot in self.slots.items()},
            header_mac=self.header_mac,
        )

    def compute_header_mac(self, data_key: bytes | bytearray) -> bytes:
        key = derive_header_key(data_key)
        try:
            msg = b"plainview key file header\0" + canonical(self.header())
            return hmac.new(bytes(key), msg, hashlib.sha256).digest()
        finally:
            zero(key)

    def seal(self, data_key: bytes | bytearray) -> None:
        """(Re)compute ``header_mac`` for the current header under ``data_key``."""
        self.header_mac = self.compute_header_mac(data_key)

    def check_header(self, data_key: bytearray) -> None:
        """After a slot opened: the header must carry the MAC ``data_key`` gives it (a file
        without one predates the MAC and passes). On a mismatch ``data_key`` is zeroed and
        ``KeyFileChanged`` raised."""
        if self.header_mac is None:
            return
        if not hmac.compare_digest(self.compute_header_mac(data_key), self.header_mac):
            zero(data_key)
            raise _changed("header mac")

    def body(self) -> dict[str, Any]:
        body: dict[str, Any] = {"header": self.header(), "slots": self.slots}
        if self.header_mac is not None:
            body["header_mac"] = self.header_mac.hex()
        return body

    def to_bytes(self) -> bytes:
        body = self.body()
        checksum = checksum_of(body)
        return json.dumps(body | {"checksum": checksum}, indent=2, sort_keys=True).encode() + b"\n"

    # slots --------------------------------------------------------------------------------

    def set_passphrase_slot(self, data_key: bytearray, passphrase: str) -> None:
        wrapping = derive_passphrase_key(passphrase, self.salt, self.kdf)
        try:
            nonce = secrets.token_bytes(NONCE_BYTES)
            ct = AESGCM(bytes(wrapping)).encrypt(nonce, bytes(data_key), self.passphrase_aad())
        finally:
            zero(wrapping)
        self.slots["passphrase"] = {"nonce": _b64(nonce), "ct": _b64(ct)}
        self.seal(data_key)

    def set_recovery_slot(self, data_key: bytearray, raw_code: bytearray) -> None:
        salt = _b64(secrets.token_bytes(SALT_BYTES))
        wrapping = derive_recovery_key(raw_code, _unb64(salt))
        try:
            nonce = secrets.token_bytes(NONCE_BYTES)
            ct = AESGCM(bytes(wrapping)).encrypt(nonce, bytes(data_key), self.recovery_aad(salt))
        finally:
            zero(wrapping)
        self.slots["recovery"] = {
            "kdf": "hkdf-sha256",
            "salt": salt,
            "nonce": _b64(nonce),
            "ct": _b64(ct),
        }
        self.seal(data_key)

    def set_device_slot(self, data_key: bytearray, secret: bytearray) -> None:
        wrapping = derive_device_key(secret)
        try:
            nonce = secrets.token_bytes(NONCE_BYTES)
            ct = AESGCM(bytes(wrapping)).encrypt(nonce, bytes(data_key), self.device_aad())
        finally:
            zero(wrapping)
        self.slots["device"] = {"kdf": "keyring", "nonce": _b64(nonce), "ct": _b64(ct)}
        self.seal(data_key)

    def drop_device_slot(self) -> None:
        self.slots.pop("device", None)

    @property
    def has_device_slot(self) -> bool:
        return "device" in self.slots

    def _opened(self, key: bytes) -> bytearray:
        data_key = bytearray(key)
        self.check_header(data_key)
        return data_key

    def unwrap_device(self, secret: bytearray) -> bytearray:
        slot = self.slots.get("device")
        if slot is None:
            raise DeviceNotRemembered(
                "This vault is not remembered on this device.",
                hint="Unlock it with your passphrase.",
            )
        wrapping = derive_device_key(secret)
        try:
            key = AESGCM(bytes(wrapping)).decrypt(
                _unb64(slot["nonce"]), _unb64(slot["ct"]), self.device_aad()
            )
        except InvalidTag:
            raise DeviceNotRemembered(
                "The key saved on this device does not open this vault.",
                hint="Unlock it with your passphrase; you can remember it on this device again.",
            ) from None
        finally:
            zero(wrapping)
        return self._opened(key)

    def unwrap_passphrase(self, passphrase: str) -> bytearray:
        slot = self.slots["passphrase"]
        wrapping = derive_passphrase_key(passphrase, self.salt, self.kdf)
        try:
            key = AESGCM(bytes(wrapping)).decrypt(
                _unb64(slot["nonce"]), _unb64(slot["ct"]), self.passphrase_aad()
            )
        except InvalidTag:
            raise WrongPassphrase(
                "That passphrase is not right.",
                hint="Check the keyboard layout and Caps Lock, or use your recovery code.",
            ) from None
        finally:
            zero(wrapping)
        return self._opened(key)

    def unwrap_recovery(self, raw_code: bytearray) -> bytearray:
        slot = self.slots["recovery"]
        wrapping = derive_recovery_key(raw_code, _unb64(slot["salt"]))
        try:
            key = AESGCM(bytes(wrapping)).decrypt(
                _unb64(slot["nonce"]), _unb64(slot["ct"]), self.recovery_aad(slot["salt"])
            )
        except InvalidTag:
            raise WrongRecoveryCode(
                "That recovery code does not open this vault.",
                hint="Use the code that was shown when this vault was created.",
            ) from None
        finally:
            zero(wrapping)
        return self._opened(key)


def new_key_file(kdf: KdfParams) -> KeyFile:
    return KeyFile(
        vault_id=str(uuid.uuid4()), kdf=kdf, salt=secrets.token_bytes(SALT_BYTES), slots={}
    )


def _slot(slots: dict[str, Any], name: str, fields: set[str]) -> dict[str, Any]:
    slot = slots[name]
    if not isinstance(slot, dict) or set(slot) != fields:
        raise _Bad(f"{name} slot")
    return slot


def parse_key_file(data: bytes) -> KeyFile:
    """Parse and check ``vault.key``; anything malformed or altered → ``VaultDamaged`` (its
    ``reason`` names the check that failed); KDF parameters outside the caps →
    ``KeyFileChanged``, before any derivation."""
    try:
        try:
            doc = json.loads(data.decode("utf-8"))
        except ValueError:
            raise _Bad("json") from None
        if not isinstance(doc, dict) or set(doc) - {"header_mac"} != {
            "header",
            "slots",
            "checksum",
        }:
            raise _Bad("keys")
        checksum = doc["checksum"]
        if not isinstance(checksum, str) or not hmac.compare_digest(
            checksum.encode("ascii", "replace"), checksum_of(doc).encode()
        ):
            raise _Bad("checksum")
        header = doc["header"]
        if not isinstance(header, dict) or set(header) != {"format", "vault_id", "kdf", "salt"}:
            raise _Bad("header")
        if type(header["format"]) is not int or header["format"] != FORMAT:
            raise _Bad("format")
        kdf_doc = header["kdf"]
        if not isinstance(kdf_doc, dict) or set(kdf_doc) != {
            "alg",
            "memory_kib",
            "iterations",
            "lanes",
        }:
            raise _Bad("kdf")
        if kdf_doc["alg"] != "argon2id":
            raise _Bad("alg")
        values = (kdf_doc["memory_kib"], kdf_doc["iterations"], kdf_doc["lanes"])
        if not all(type(v) is int for v in values):
            raise _Bad("kdf types")
        kdf = KdfParams(*values)
        vault_id = header["vault_id"]
        if not isinstance(vault_id, str) or not 0 < len(vault_id) <= 64:
            raise _Bad("vault id")
        salt = _unb64(header["salt"], SALT_BYTES, "salt")
        slots = doc["slots"]
        if not isinstance(slots, dict) or set(slots) - {"device"} != {"passphrase", "recovery"}:
            raise _Bad("slots")
        pw = _slot(slots, "passphrase", {"nonce", "ct"})
        _unb64(pw["nonce"], NONCE_BYTES, "passphrase nonce")
        _unb64(pw["ct"], DATA_KEY_BYTES + 16, "passphrase ct")
        rec = _slot(slots, "recovery", {"kdf", "salt", "nonce", "ct"})
        if rec["kdf"] != "hkdf-sha256":
            raise _Bad("recovery kdf")
        _unb64(rec["salt"], SALT_BYTES, "recovery salt")
        _unb64(rec["nonce"], NONCE_BYTES, "recovery nonce")
        _unb64(rec["ct"], DATA_KEY_BYTES + 16, "recovery ct")
        if "device" in slots:
            dev = _slot(slots, "device", {"kdf", "nonce", "ct"})
            if dev["kdf"] != "keyring":
                raise _Bad("device kdf")
            _unb64(dev["nonce"], NONCE_BYTES, "device nonce")
            _unb64(dev["ct"], DATA_KEY_BYTES + 16, "device ct")
        mac: bytes | None = None
        if "header_mac" in doc:
            text = doc["header_mac"]
            if not isinstance(text, str) or len(text) != 2 * MAC_BYTES:
                raise _Bad("header mac")
            try:
                mac = bytes.fromhex(text)
            except ValueError:
                raise _Bad("header mac") from None
    except _Bad as exc:
        raise _damaged(str(exc)) from None
    except (ValueError, KeyError, TypeError, AttributeError, UnicodeError) as exc:
        raise _damaged(type(exc).__name__) from None
    if not kdf.is_valid():
        # Intact (the checksum matched) yet outside what Plainview writes: changed on purpose.
        raise _changed("kdf range")
    return KeyFile(vault_id=vault_id, kdf=kdf, salt=salt, slots=slots, header_mac=mac)


def read_key_file(folder: Path) -> KeyFile:
    """Parse ``vault.key`` after settling a rotation a killed process left behind.

    ``VaultBusy`` while another process rotates the data key (it holds the folder's lock):
    its files are half swapped, and reading now could pair an old key with a new database.
    """
    with rotation_lock(folder, wait=False, shared=True) as held:
        if not held:
            raise VaultBusy(
                "Plainview is re-encrypting this vault in another window or command.",
                hint="Try again when it has finished (a few seconds).",
            )
        if (folder / PENDING_KEY_FILE).exists() or (folder / PENDING_DB_FILE).exists():
            with contextlib.suppress(OSError):
                settle_rotation(folder)
        return parse_key_file((folder / KEY_FILE).read_bytes())


def _fsync_dir(folder: Path) -> None:
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def write_key_file(folder: Path, key_file: KeyFile, name: str = KEY_FILE) -> None:
    """Atomically replace ``vault.key``: temp file in the same folder, fsync, rename, fsync.
    (``name``: the file to write, ``PENDING_KEY_FILE`` during a data-key rotation.)"""
    data = key_file.to_bytes()
    tmp = folder / f".{KEY_FILE}.{secrets.token_hex(6)}.tmp"
    try:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        try:
            view = memoryview(data)
            while view:
                view = view[os.write(fd, view) :]
            os.fsync(fd)
        finally:
            os.close(fd)
        os.replace(tmp, folder / name)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
    _fsync_dir(folder)


def remove_stale_temp_files(folder: Path) -> None:
    """Temp files left by a process killed mid-write (they never replace the real file)."""
    for stale in folder.glob(f".{KEY_FILE}.*.tmp"):
        with contextlib.suppress(OSError):
            stale.unlink()


# --- data-key rotation: the crash-safe swap (rekey.py has the database steps) ---------------

PENDING_KEY_FILE: Final = "vault.key.rekey"
PENDING_DB_FILE: Final = "vault.db.rekey"
_DB_FILE: Final = "vault.db"


@contextlib.contextmanager
def rotation_lock(folder: Path, *, wait: bool, shared: bool = False) -> Iterator[bool]:
    """``flock`` on the vault folder: held exclusively by a rotation for its whole run, tried
    shared and without waiting by every key-file read (readers do not block each other), so
    nothing settles or reads a rotation still running in another process. Yields whether the
    lock is held (on a file system without flock: yes for a reader, no for a rotation).
    Where ``flock`` does not exist (not POSIX) it yields True: rotation there is only safe
    with one process at a time."""
    try:
        import fcntl
    except ImportError:
        yield True
        return
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:  # no folder: nothing to settle or protect (the caller reports it)
        yield True
        return
    try:
        try:
            mode = fcntl.LOCK_SH if shared else fcntl.LOCK_EX
            fcntl.flock(fd, mode | (0 if wait else fcntl.LOCK_NB))
        except BlockingIOError:  # held by another process
            yield False
            return
        except OSError:
            # This file system has no flock (ENOLCK, EOPNOTSUPP: NFS without lockd, some
            # shared folders). Nobody can hold it, so a reader goes on; a rotation, which is
            # only safe under the lock, does not.
            yield shared
            return
        yield True
    finally:
        os.close(fd)  # closing releases the lock


def _unlink_db(path: Path) -> None:
    for suffix in ("", "-journal", "-wal", "-shm"):
        with contextlib.suppress(FileNotFoundError):
            Path(f"{path}{suffix}").unlink()


def settle_rotation(folder: Path) -> str:
    """Finish or undo a rotation a killed process left behind (call with the rotation lock).

    Returns ``"none"``, ``"undone"`` (the old key and database stay) or ``"completed"``.
    """
    pending_key, pending_db = folder / PENDING_KEY_FILE, folder / PENDING_DB_FILE
    if pending_key.exists():
        if Path(f"{pending_db}").exists():
            # Not committed: K' first (its presence means "D' is complete"), then D'.
            pending_key.unlink()
            _fsync_dir(folder)
            _unlink_db(pending_db)
            remove_stale_temp_files(folder)
            return "undone"
        # Committed: D' already is vault.db; its key file takes vault.key's place.
        _unlink_db(pending_db)  # a -journal/-wal the new file can not have, to be sure
        os.replace(pending_key, folder / KEY_FILE)
        _fsync_dir(folder)
        return "completed"
    if any(Path(f"{pending_db}{s}").exists() for s in ("", "-journal", "-wal", "-shm")):
        _unlink_db(pending_db)
        remove_stale_temp_files(folder)  # K' may have been killed while it was written
        return "undone"
    return "none"


def finish_pending_rotation(folder: Path) -> str:
    """``settle_rotation`` when no rotation is running (cheap when there is nothing to do)."""
    folder = Path(folder)
    if not (folder / PENDING_KEY_FILE).exists() and not (folder / PENDING_DB_FILE).exists():
        return "none"
    with rotation_lock(folder, wait=False, shared=True) as held:
        if not held:
            return "running"
        try:
            return settle_rotation(folder)
        except OSError:
            return "failed"
