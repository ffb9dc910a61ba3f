"""vault.key's authenticated header and its limits (issue 16 items 2 and 7).

A header MAC under a key derived from the data key is checked right after any slot opens; KDF
parameters above the caps are refused before any derivation; re-wraps never go below the
stronger of the file's parameters and the default; every field's type and size is checked;
every derived wrapping key is zeroed after use.
"""

from __future__ import annotations

import base64
import json
import os
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
from cryptography.hazmat.primitives.kdf.argon2 import Argon2id

from plainview.errors import (
    DeviceNotRemembered,
    VaultDamaged,
    WrongPassphrase,
    WrongRecoveryCode,
)
from plainview.vault import KdfParams, Vault
from plainview.vault import keys as vkeys

PASS = "correct horse battery staple ✓"
# Above the floor, so that "lowered to the floor" is a real change (still fast to derive).
STRONGER = KdfParams(65536 + 8192, 3, 4)


@pytest.fixture
def made(tmp_path: Path) -> tuple[Path, str]:
    folder = tmp_path / "vault"
    vault, code = Vault.create(folder, PASS, kdf=STRONGER)
    vault.lock()
    return folder, code


def _doc(folder: Path) -> dict[str, Any]:
    return json.loads((folder / vkeys.KEY_FILE).read_bytes())


def _write(folder: Path, doc: dict[str, Any], *, fix_checksum: bool = True) -> bytes:
    if fix_checksum:
        doc["checksum"] = vkeys.checksum_of(doc)
    data = json.dumps(doc).encode()
    (folder / vkeys.KEY_FILE).write_bytes(data)
    return data


def _lowered(folder: Path) -> bytes:
    doc = _doc(folder)
    doc["header"]["kdf"] = KdfParams.floor().to_json()
    return _write(folder, doc)


# --- the header MAC ----------------------------------------------------------------------


def test_new_key_files_carry_a_header_mac(made: tuple[Path, str]) -> None:
    folder, _code = made
    doc = _doc(folder)
    assert len(bytes.fromhex(doc["header_mac"])) == 32
    kf = vkeys.read_key_file(folder)
    assert kf.header_mac is not None
    # the checksum covers the MAC: a flipped MAC is damage before any key is tried
    doc["header_mac"] = ("0" if doc["header_mac"][0] != "0" else "1") + doc["header_mac"][1:]
    _write(folder, doc, fix_checksum=False)
    with pytest.raises(VaultDamaged) as info:
        vkeys.read_key_file(folder)
    assert info.value.reason == "checksum"  # type: ignore[attr-defined]


def test_lowered_kdf_is_refused_as_changed_through_the_recovery_code(
    made: tuple[Path, str],
) -> None:
    folder, code = made
    tampered = _lowered(folder)
    with pytest.raises(vkeys.KeyFileChanged) as info:
        Vault.open_with_recovery(folder, code)
    assert info.value.exit_code == 5
    assert "the key file was changed" in info.value.message.casefold()
    assert info.value.reason == "header mac"  # type: ignore[attr-defined]
    # recover refuses too, and nothing is re-wrapped at the lowered cost
    with pytest.raises(vkeys.KeyFileChanged):
        Vault.recover(folder, code, "a new passphrase")
    assert (folder / vkeys.KEY_FILE).read_bytes() == tampered
    # through the passphrase the lowered parameters derive another key: no data key comes
    # out, so nothing can be checked, and the passphrase does not open it
    with pytest.raises(WrongPassphrase):
        Vault.open(folder, PASS)


def test_lowered_kdf_is_refused_as_changed_through_the_device_slot(
    memory_keyring: Any, tmp_path: Path
) -> None:
    folder = tmp_path / "vault"
    vault, _code = Vault.create(folder, PASS, kdf=STRONGER)
    vault.remember_on_device()
    vault.lock()
    Vault.open_with_device(folder).lock()  # opens while intact
    _lowered(folder)
    with pytest.raises(vkeys.KeyFileChanged):
        Vault.open_with_device(folder)


@pytest.mark.parametrize(
    ("field", "value"),
    [("salt", base64.b64encode(b"\x01" * 16).decode()), ("vault_id", "another-vault")],
)
def test_any_header_change_fails_the_mac(made: tuple[Path, str], field: str, value: str) -> None:
    folder, code = made
    doc = _doc(folder)
    doc["header"][field] = value
    _write(folder, doc)
    kf = vkeys.read_key_file(folder)
    raw = vkeys.parse_recovery_code(code)
    # The recovery slot names the vault id: a new id fails its GCM tag; a new salt opens it
    # and then fails the MAC.
    with pytest.raises(WrongRecoveryCode if field == "vault_id" else vkeys.KeyFileChanged):
        kf.unwrap_recovery(raw)


def test_mac_mismatch_zeroes_the_data_key(made: tuple[Path, str]) -> None:
    folder, _code = made
    kf = vkeys.read_key_file(folder)
    data_key = bytearray(os.urandom(32))
    with pytest.raises(vkeys.KeyFileChanged):
        kf.check_header(data_key)
    assert data_key == bytearray(32)


def test_a_file_without_a_mac_opens_and_gets_one_at_its_next_rewrap(
    made: tuple[Path, str],
) -> None:
    """Files written before the MAC existed keep opening; the next re-wrap seals them."""
    folder, _code = made
    doc = _doc(folder)
    del doc["header_mac"]
    _write(folder, doc)
    vault = Vault.open(folder, PASS)
    try:
        vault.change_passphrase("the next one")
    finally:
        vault.lock()
    assert "header_mac" in _doc(folder)
    Vault.open(folder, "the next one").lock()


def test_a_stripped_mac_gains_nothing_recover_rewraps_at_the_stronger_cost(
    made: tuple[Path, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Lowered parameters with the MAC removed: the recovery code opens it (it looks like an
    old file), but the new passphrase is wrapped at no less than the default."""
    monkeypatch.setattr(vkeys, "REWRAP_MINIMUM", None)  # the production rule
    folder, code = made
    doc = _doc(folder)
    del doc["header_mac"]
    doc["header"]["kdf"] = KdfParams.floor().to_json()
    _write(folder, doc)
    Vault.recover(folder, code, "a new passphrase")
    kdf = _doc(folder)["header"]["kdf"]
    default = KdfParams.default()
    assert kdf["memory_kib"] >= default.memory_kib
    assert kdf["iterations"] >= default.iterations
    assert kdf["lanes"] >= default.lanes


def test_rewrap_kdf_takes_the_stronger_of_file_and_default(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(vkeys, "REWRAP_MINIMUM", None)
    d = KdfParams.default()
    assert vkeys.rewrap_kdf(KdfParams.floor()) == d
    strong = KdfParams(d.memory_kib * 2, d.iterations + 1, d.lanes + 2)
    assert vkeys.rewrap_kdf(strong) == strong
    mixed = KdfParams(d.memory_kib * 2, d.iterations, 4)
    assert vkeys.rewrap_kdf(KdfParams(mixed.memory_kib, 3, 4)) == KdfParams(
        d.memory_kib * 2, d.iterations, d.lanes
    )
    assert vkeys.rewrap_kdf(KdfParams(d.memory_kib, d.iterations, 1)) == d
    # out of range (only possible for a value built in code): back within the caps
    assert vkeys.rewrap_kdf(KdfParams(10**9, 99, 99)).is_valid()


def test_change_passphrase_never_lowers_the_cost(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    floor_min = KdfParams(65536 + 4096, 3, 4)
    monkeypatch.setattr(vkeys, "REWRAP_MINIMUM", floor_min)
    vault, _ = Vault.create(tmp_path / "v", PASS, kdf=KdfParams.floor())
    try:
        vault.change_passphrase("another one")
    finally:
        vault.lock()
    assert _doc(tmp_path / "v")["header"]["kdf"]["memory_kib"] == floor_min.memory_kib


# --- caps: absurd parameters are refused at once -----------------------------------------


@pytest.mark.parametrize(
    "kdf",
    [
        {"memory_kib": 4 * 1024 * 1024, "iterations": 64, "lanes": 4},
        {"memory_kib": 1024 * 1024 + 1, "iterations": 3, "lanes": 4},
        {"memory_kib": 262144, "iterations": 11, "lanes": 4},
        {"memory_kib": 262144, "iterations": 3, "lanes": 17},
    ],
)
def test_absurd_kdf_is_refused_at_once(made: tuple[Path, str], kdf: dict[str, int]) -> None:
    folder, code = made
    doc = _doc(folder)
    doc["header"]["kdf"].update(kdf)
    _write(folder, doc)
    started = time.monotonic()
    for attempt in (Vault.open, Vault.open_with_recovery):
        with pytest.raises(vkeys.KeyFileChanged) as info:
            attempt(folder, PASS if attempt is Vault.open else code)
        assert info.value.exit_code == 5
        assert info.value.reason == "kdf range"  # type: ignore[attr-defined]
    assert time.monotonic() - started < 2


@pytest.mark.parametrize(
    ("kdf", "valid"),
    [
        (KdfParams(1024 * 1024, 10, 16), True),
        (KdfParams(65536, 3, 4), True),
        (KdfParams(1024 * 1024 + 1, 10, 16), False),
        (KdfParams(1024 * 1024, 11, 16), False),
        (KdfParams(1024 * 1024, 10, 17), False),
        (KdfParams(65535, 3, 4), False),
        (KdfParams(65536, 2, 4), False),
        (KdfParams(65536, 3, 3), False),
    ],
)
def test_kdf_limits_on_every_parameter(kdf: KdfParams, valid: bool) -> None:
    assert kdf.is_valid() is valid
    assert (KdfParams.MAX_MEMORY_KIB, KdfParams.MAX_ITERATIONS, KdfParams.MAX_LANES) == (
        1048576,
        10,
        16,
    )


def test_lanes_cannot_exceed_the_memory(made: tuple[Path, str]) -> None:
    # Argon2 needs 8 KiB per lane; memory below that for the lanes is refused
    assert not KdfParams(65536, 3, 8193).is_valid()


# --- types and sizes of every field ------------------------------------------------------


def _set(doc: dict[str, Any], path: tuple[str, ...], value: Any) -> None:
    target = doc
    for key in path[:-1]:
        target = target[key]
    if value is _DELETE:
        del target[path[-1]]
    else:
        target[path[-1]] = value


_DELETE = object()
B64_16 = base64.b64encode(b"\0" * 16).decode()
B64_15 = base64.b64encode(b"\0" * 15).decode()
B64_12 = base64.b64encode(b"\0" * 12).decode()

FIELD_CASES: list[tuple[tuple[str, ...], Any, str]] = [
    (("extra",), 1, "keys"),
    (("checksum",), 5, "checksum"),
    (("header", "format"), "1", "format"),
    (("header", "format"), True, "format"),
    (("header", "format"), 2, "format"),
    (("header", "extra"), 1, "header"),
    (("header",), [], "header"),
    (("header", "kdf", "alg"), "argon2i", "alg"),
    (("header", "kdf", "extra"), 1, "kdf"),
    (("header", "kdf"), "argon2id", "kdf"),
    (("header", "kdf", "memory_kib"), 262144.0, "kdf types"),
    (("header", "kdf", "memory_kib"), "262144", "kdf types"),
    (("header", "kdf", "iterations"), True, "kdf types"),
    (("header", "kdf", "iterations"), 3.0, "kdf types"),
    (("header", "kdf", "lanes"), None, "kdf types"),
    (("header", "kdf", "lanes"), [4], "kdf types"),
    (("header", "vault_id"), "", "vault id"),
    (("header", "vault_id"), 7, "vault id"),
    (("header", "vault_id"), "x" * 65, "vault id"),
    (("header", "salt"), B64_15, "salt"),
    (("header", "salt"), 16, "salt"),
    (("header", "salt"), "not base64!", "salt"),
    (("slots", "passphrase"), _DELETE, "slots"),
    (("slots", "recovery"), _DELETE, "slots"),
    (("slots", "other"), {}, "slots"),
    (("slots",), [], "slots"),
    (("slots", "passphrase"), "x", "passphrase slot"),
    (("slots", "passphrase", "extra"), "x", "passphrase slot"),
    (("slots", "passphrase", "nonce"), B64_16, "passphrase nonce"),
    (("slots", "passphrase", "ct"), B64_16, "passphrase ct"),
    (("slots", "recovery", "kdf"), "argon2id", "recovery kdf"),
    (("slots", "recovery", "extra"), "x", "recovery slot"),
    (("slots", "recovery", "salt"), B64_12, "recovery salt"),
    (("slots", "recovery", "nonce"), B64_16, "recovery nonce"),
    (("slots", "recovery", "ct"), B64_12, "recovery ct"),
    (("slots", "device"), {"kdf": "keyring", "nonce": B64_12}, "device slot"),
    (("slots", "device"), {"kdf": "plain", "nonce": B64_12, "ct": B64_12}, "device kdf"),
    (("slots", "device"), {"kdf": "keyring", "nonce": B64_16, "ct": B64_12}, "device nonce"),
    (("slots", "device"), {"kdf": "keyring", "nonce": B64_12, "ct": B64_12}, "device ct"),
    (("header_mac",), "00" * 31, "header mac"),
    (("header_mac",), "zz" * 32, "header mac"),
    (("header_mac",), 12, "header mac"),
]


@pytest.mark.parametrize(("path", "value", "reason"), FIELD_CASES, ids=lambda v: repr(v)[:40])
def test_every_field_type_and_size_is_checked(
    made: tuple[Path, str], path: tuple[str, ...], value: Any, reason: str
) -> None:
    folder, _code = made
    doc = _doc(folder)
    _set(doc, path, value)
    if path != ("checksum",):
        doc["checksum"] = vkeys.checksum_of(doc)
    with pytest.raises(VaultDamaged) as info:
        vkeys.parse_key_file(json.dumps(doc).encode())
    assert info.value.reason == reason  # type: ignore[attr-defined]
    assert not isinstance(info.value, vkeys.KeyFileChanged)


def test_malformed_documents_are_damage() -> None:
    for data, reason in ((b"\xff\xfe", "json"), (b"{", "json"), (b"[]", "keys")):
        with pytest.raises(VaultDamaged) as info:
            vkeys.parse_key_file(data)
        assert info.value.reason == reason  # type: ignore[attr-defined]


# --- Argon2id really uses the configured parameters --------------------------------------


def test_configured_argon2id_parameters_are_really_used() -> None:
    salt = b"s" * 16
    kdf = KdfParams(65536 + 8, 4, 5)
    expected = Argon2id(salt=salt, length=32, iterations=4, lanes=5, memory_cost=65544).derive(
        b"pass"
    )
    assert bytes(vkeys.derive_passphrase_key("pass", salt, kdf)) == expected
    # each parameter on its own changes the key
    for other in (KdfParams(65536, 4, 5), KdfParams(65544, 3, 5), KdfParams(65544, 4, 4)):
        assert bytes(vkeys.derive_passphrase_key("pass", salt, other)) != expected
    # the passphrase is NFC-normalized: composed and decomposed forms give one key
    assert vkeys.derive_passphrase_key("é", salt, KdfParams.floor()) == (
        vkeys.derive_passphrase_key("e\u0301", salt, KdfParams.floor())
    )


def test_the_vault_file_records_and_uses_its_kdf(tmp_path: Path) -> None:
    vault, _ = Vault.create(tmp_path / "v", PASS, kdf=STRONGER)
    vault.lock()
    kdf = _doc(tmp_path / "v")["header"]["kdf"]
    assert (kdf["memory_kib"], kdf["iterations"], kdf["lanes"]) == (73728, 3, 4)
    kf = vkeys.read_key_file(tmp_path / "v")
    wrapping = vkeys.derive_passphrase_key(PASS, kf.salt, STRONGER)
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    slot = kf.slots["passphrase"]
    key = AESGCM(bytes(wrapping)).decrypt(
        base64.b64decode(slot["nonce"]), base64.b64decode(slot["ct"]), kf.passphrase_aad()
    )
    assert len(key) == 32


# --- the header is bound into each slot ---------------------------------------------------


def test_header_is_bound_into_each_slot(memory_keyring: Any, tmp_path: Path) -> None:
    folder = tmp_path / "vault"
    vault, code = Vault.create(folder, PASS, kdf=KdfParams.floor())
    vault.remember_on_device()
    vault.lock()
    from plainview.vault import device

    kf = vkeys.read_key_file(folder)
    secret = device.load_secret(kf.vault_id)
    assert secret is not None
    raw = vkeys.parse_recovery_code(code)
    for change in ("vault_id", "salt", "kdf"):
        other = kf.copy()
        other.header_mac = None  # as if there were no MAC: the slots alone must refuse
        if change == "vault_id":
            other.vault_id = "another"
        elif change == "salt":
            other.salt = b"\x07" * 16
        else:
            other.kdf = KdfParams(65536 + 8, 3, 4)
        with pytest.raises(WrongPassphrase):
            other.unwrap_passphrase(PASS)
        if change == "vault_id":
            with pytest.raises(WrongRecoveryCode):
                other.unwrap_recovery(raw)
            with pytest.raises(DeviceNotRemembered):
                other.unwrap_device(secret)
    # and the passphrase slot's associated data is exactly its label plus the header
    assert kf.passphrase_aad() == b"plainview passphrase slot\0" + vkeys.canonical(kf.header())


# --- unwrapping zeroes its key ------------------------------------------------------------


def test_every_unwrap_zeroes_its_wrapping_key(
    memory_keyring: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "vault"
    vault, code = Vault.create(folder, PASS, kdf=KdfParams.floor())
    vault.remember_on_device()
    vault.lock()
    from plainview.vault import device

    kf = vkeys.read_key_file(folder)
    secret = device.load_secret(kf.vault_id)
    assert secret is not None
    made: list[bytearray] = []

    def spy(real: Any) -> Any:
        def derive(*args: Any) -> bytearray:
            key = real(*args)
            made.append(key)
            return key

        return derive

    for name in (
        "derive_passphrase_key",
        "derive_recovery_key",
        "derive_device_key",
        "derive_header_key",
    ):
        monkeypatch.setattr(vkeys, name, spy(getattr(vkeys, name)))
    raw = vkeys.parse_recovery_code(code)
    opened = [kf.unwrap_passphrase(PASS), kf.unwrap_recovery(raw), kf.unwrap_device(secret)]
    with pytest.raises(WrongPassphrase):
        kf.unwrap_passphrase("wrong")
    assert len(made) == 4 + 3  # three wrapping keys, one failed, three header keys
    assert all(k == bytearray(len(k)) for k in made)
    assert all(k != bytearray(32) for k in opened)  # the data keys themselves stay usable


# --- the CLI: exit 5, "the key file was changed" ------------------------------------------


def _cli(folder: Path, command: str, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "plainview", "--vault", str(folder), command],
        capture_output=True,
        text=True,
        env=dict(os.environ, **env),
        timeout=120,
        check=False,
    )


def test_cli_recover_on_a_lowered_file_exits_5(made: tuple[Path, str]) -> None:
    folder, code = made
    tampered = _lowered(folder)
    result = _cli(
        folder,
        "recover",
        PLAINVIEW_RECOVERY_CODE=code,
        PLAINVIEW_NEW_PASSPHRASE="an entirely new passphrase 42",
    )
    assert result.returncode == 5, result.stderr
    assert result.stderr.startswith("error: The key file was changed")
    assert "Traceback" not in result.stderr
    assert (folder / vkeys.KEY_FILE).read_bytes() == tampered


def test_cli_refuses_absurd_kdf_at_once(made: tuple[Path, str]) -> None:
    folder, _code = made
    doc = _doc(folder)
    doc["header"]["kdf"].update(memory_kib=4 * 1024 * 1024, iterations=64)
    _write(folder, doc)
    started = time.monotonic()
    result = _cli(folder, "verify", PLAINVIEW_PASSPHRASE=PASS)
    assert result.returncode == 5, result.stderr
    assert "The key file was changed" in result.stderr
    assert time.monotonic() - started < 30
