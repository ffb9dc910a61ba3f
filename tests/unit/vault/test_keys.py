"""vault.key: wrong passphrase, tamper detection, recovery codes, KDF parameters, re-wrap."""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path

import pytest

from plainview.errors import (
    UsageError,
    VaultDamaged,
    VaultExists,
    VaultNotFound,
    WrongPassphrase,
    WrongRecoveryCode,
)
from plainview.vault import KdfParams, Vault
from plainview.vault import keys as vkeys


def test_wrong_passphrase_is_wrong_passphrase(vault: Vault, vault_dir: Path) -> None:
    vault.lock()
    with pytest.raises(WrongPassphrase) as info:
        Vault.open(vault_dir, "not it")
    assert not isinstance(info.value, VaultDamaged)
    assert info.value.exit_code == 3
    assert "not it" not in info.value.message


def test_missing_vault_is_not_found(tmp_path: Path) -> None:
    with pytest.raises(VaultNotFound):
        Vault.open(tmp_path / "nowhere", "x")


def test_create_refuses_existing_vault_and_empty_passphrase(vault: Vault, tmp_path: Path) -> None:
    with pytest.raises(VaultExists):
        Vault.create(vault.path, "again", kdf=KdfParams.floor())
    with pytest.raises(UsageError):
        Vault.create(tmp_path / "other", "", kdf=KdfParams.floor())


def test_every_flipped_byte_in_key_file_is_damage(vault: Vault, vault_dir: Path) -> None:
    data = (vault_dir / vkeys.KEY_FILE).read_bytes()
    vkeys.parse_key_file(data)  # the intact file parses
    for i in range(len(data)):
        for bit in (0x01, 0x20):
            flipped = bytearray(data)
            flipped[i] ^= bit
            try:
                parsed = vkeys.parse_key_file(bytes(flipped))
            except VaultDamaged:
                continue
            # Only JSON-insignificant changes may parse (whitespace of the pretty-printing);
            # then the content must be exactly the original's.
            assert parsed.to_bytes() == data, f"byte {i} bit {bit:#x} was not detected"


@pytest.mark.parametrize("where", ["salt", "ct", "checksum", "truncate", "not json"])
def test_tampered_key_file_fails_open_loudly(vault: Vault, vault_dir: Path, where: str) -> None:
    vault.lock()
    path = vault_dir / vkeys.KEY_FILE
    doc = json.loads(path.read_bytes())
    if where == "salt":
        doc["header"]["salt"] = doc["header"]["salt"][:-4] + "AAA="
    elif where == "ct":
        ct = doc["slots"]["passphrase"]["ct"]
        doc["slots"]["passphrase"]["ct"] = ("B" if ct[0] != "B" else "C") + ct[1:]
    elif where == "checksum":
        doc["checksum"] = "0" * 64
    data = json.dumps(doc).encode()
    if where == "truncate":
        data = path.read_bytes()[:100]
    elif where == "not json":
        data = b"\x00" * 64
    path.write_bytes(data)
    with pytest.raises(VaultDamaged) as info:
        Vault.open(vault_dir, "correct horse battery staple ✓")
    assert info.value.exit_code == 5


def test_weakened_header_with_recomputed_checksum_is_refused(
    vault: Vault, vault_dir: Path, passphrase: str
) -> None:
    """Someone lowers the KDF cost and fixes the checksum: refused, never a silent unlock."""
    vault.lock()
    path = vault_dir / vkeys.KEY_FILE
    kf = vkeys.read_key_file(vault_dir)
    doc = json.loads(path.read_bytes())
    doc["header"]["kdf"]["memory_kib"] = 1024
    doc["checksum"] = vkeys.checksum_of(doc)
    path.write_bytes(json.dumps(doc).encode())
    with pytest.raises(VaultDamaged):
        Vault.open(vault_dir, passphrase)
    # same with an allowed value: the header is bound to the slot (GCM associated data)
    doc["header"]["kdf"]["memory_kib"] = kf.kdf.memory_kib + 1024
    doc["checksum"] = vkeys.checksum_of(doc)
    path.write_bytes(json.dumps(doc).encode())
    with pytest.raises(WrongPassphrase):
        Vault.open(vault_dir, passphrase)


def test_kdf_params_at_least_floor(vault: Vault, vault_dir: Path) -> None:
    floor = KdfParams.floor()
    assert (floor.memory_kib, floor.iterations, floor.lanes) == (65536, 3, 4)
    default = KdfParams.default()
    assert default.memory_kib >= floor.memory_kib and default.is_valid()
    header = json.loads((vault_dir / vkeys.KEY_FILE).read_bytes())["header"]
    assert header["kdf"]["alg"] == "argon2id"
    assert header["kdf"]["memory_kib"] >= 65536
    assert header["kdf"]["iterations"] >= 3
    assert header["kdf"]["lanes"] >= 4
    assert len(vkeys._unb64(header["salt"])) == 16
    with pytest.raises(UsageError):
        Vault.create(vault_dir.parent / "weak", "pw", kdf=KdfParams(32768, 3, 4))


def test_no_secret_in_clear_in_key_file(vault_dir: Path, passphrase: str) -> None:
    vault, code = Vault.create(vault_dir / "v", passphrase, kdf=KdfParams.floor())
    key_hex = bytes(vault._key()).hex()
    vault.lock()
    text = (vault_dir / "v" / vkeys.KEY_FILE).read_text()
    for secret in (passphrase, code, code.replace("-", ""), key_hex):
        assert secret not in text


def test_passphrase_change_keeps_data(vault: Vault, vault_dir: Path, passphrase: str) -> None:
    vault.set_setting("kept", [1, 2, 3])
    vault.change_passphrase("a brand new passphrase")
    vault.lock()
    with pytest.raises(WrongPassphrase):
        Vault.open(vault_dir, passphrase)
    again = Vault.open(vault_dir, "a brand new passphrase")
    assert again.get_setting("kept") == [1, 2, 3]
    again.lock()


def test_passphrase_is_nfc_normalised(vault_dir: Path) -> None:
    composed = "caf\u00e9 \u00e5ngstr\u00f6m"
    decomposed = unicodedata.normalize("NFD", composed)
    assert composed != decomposed
    v, _ = Vault.create(vault_dir / "nfc", decomposed, kdf=KdfParams.floor())
    v.lock()
    Vault.open(vault_dir / "nfc", composed).lock()


@pytest.mark.parametrize("form", ["as shown", "lower", "no dashes", "spaces"])
def test_recovery_code_forms(vault_dir: Path, form: str) -> None:
    v, code = Vault.create(vault_dir / "r", "old", kdf=KdfParams.floor())
    v.set_setting("kept", "yes")
    v.lock()
    typed = {
        "as shown": code,
        "lower": code.lower(),
        "no dashes": code.replace("-", "").lower(),
        "spaces": " " + code.replace("-", " ") + " ",
    }[form]
    Vault.recover(vault_dir / "r", typed, "new passphrase")
    with pytest.raises(WrongPassphrase):
        Vault.open(vault_dir / "r", "old")
    again = Vault.open(vault_dir / "r", "new passphrase")
    assert again.get_setting("kept") == "yes"
    again.lock()
    Vault.open_with_recovery(vault_dir / "r", code).lock()  # the code still works


def test_recovery_code_shape_and_typos(vault: Vault, vault_dir: Path) -> None:
    code, raw = vkeys.new_recovery_code()
    groups = code.split("-")
    assert len(groups) >= 5 and all(len(g) == 5 and g.isalnum() for g in groups)
    assert len(raw) == 16
    assert vkeys.parse_recovery_code(code) == raw
    # Crockford: O->0 and I/L->1 are read as the digits
    assert vkeys.parse_recovery_code(code.replace("0", "O").replace("1", "l")) == raw
    typo = code[:-1] + ("A" if code[-1] != "A" else "B")
    with pytest.raises(WrongRecoveryCode):
        vkeys.parse_recovery_code(typo)
    with pytest.raises(WrongRecoveryCode):
        vkeys.parse_recovery_code("short")
    vault.lock()
    with pytest.raises(WrongRecoveryCode) as info:
        Vault.open_with_recovery(vault_dir, code)  # valid shape, another vault's code
    assert info.value.exit_code == 3


def test_key_file_written_atomically_without_leftovers(vault: Vault, vault_dir: Path) -> None:
    vault.change_passphrase("x1")
    vault.change_passphrase("x2")
    assert sorted(p.name for p in vault_dir.iterdir() if "key" in p.name) == ["vault.key"]
    assert (vault_dir / "vault.key").stat().st_mode & 0o077 == 0


def test_failed_create_leaves_nothing_behind(
    vault_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def disk_full(*_a: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(vkeys, "write_key_file", disk_full)
    with pytest.raises(OSError):
        Vault.create(vault_dir, "pw", kdf=KdfParams.floor())
    assert list(vault_dir.iterdir()) == []
    monkeypatch.undo()
    Vault.create(vault_dir, "pw", kdf=KdfParams.floor())[0].lock()  # a retry works
