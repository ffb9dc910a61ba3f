""" "Remember on this device": the keyring slot of vault.key (SECURITY.md "Keys", test 11)."""

from __future__ import annotations

import base64
import json
import os
from pathlib import Path

import keyring
import pytest
from keyring.backend import KeyringBackend
from keyring.backends import chainer, fail, null

from plainview.errors import DeviceNotRemembered, KeyringUnavailable, VaultDamaged
from plainview.vault import KdfParams, Vault, device
from plainview.vault import keys as vkeys
from tests.fixtures.plugin_keyring import MemoryKeyring


def _secret(backend: MemoryKeyring, vault: Vault) -> bytes:
    vault_id = vkeys.read_key_file(vault.path).vault_id
    return base64.b64decode(backend.entries[(device.SERVICE, vault_id)])


def test_round_trip_remember_lock_open(memory_keyring, vault, vault_dir, passphrase):
    vault.set_setting("kept", "still here")
    assert Vault.device_available()
    assert not Vault.remembered(vault_dir)
    vault.remember_on_device()
    assert Vault.remembered(vault_dir)
    assert len(_secret(memory_keyring, vault)) == 32
    vault.lock()
    opened = Vault.open_with_device(vault_dir)
    try:
        assert opened.get_setting("kept") == "still here"
    finally:
        opened.lock()
    Vault.open(vault_dir, passphrase).lock()  # the passphrase still opens it


def test_forget_removes_slot_and_secret(memory_keyring, vault, vault_dir, passphrase):
    vault.remember_on_device()
    assert memory_keyring.entries
    vault.forget_device()
    assert not Vault.remembered(vault_dir)
    assert "device" not in json.loads((vault_dir / vkeys.KEY_FILE).read_bytes())["slots"]
    assert memory_keyring.entries == {}
    vault.lock()
    with pytest.raises(DeviceNotRemembered):
        Vault.open_with_device(vault_dir)
    Vault.open(vault_dir, passphrase).lock()


def test_forget_without_unlocking(memory_keyring, vault, vault_dir):
    vault.remember_on_device()
    vault.lock()
    assert Vault.forget_device_at(vault_dir) is True
    assert not Vault.remembered(vault_dir) and memory_keyring.entries == {}
    assert Vault.forget_device_at(vault_dir) is False


def test_missing_secret_is_a_clear_error(memory_keyring, vault, vault_dir, passphrase):
    vault.remember_on_device()
    vault.lock()
    memory_keyring.entries.clear()
    with pytest.raises(DeviceNotRemembered) as info:
        Vault.open_with_device(vault_dir)
    assert "keyring" in info.value.message and info.value.exit_code == 3
    Vault.open(vault_dir, passphrase).lock()


@pytest.mark.parametrize("bad", ["other", "garbage", "short"])
def test_wrong_secret_is_a_clear_error(memory_keyring, vault, vault_dir, passphrase, bad):
    vault.remember_on_device()
    vault.lock()
    vault_id = vkeys.read_key_file(vault_dir).vault_id
    value = {
        "other": base64.b64encode(os.urandom(32)).decode(),
        "garbage": "not base64 at all!",
        "short": base64.b64encode(b"x" * 8).decode(),
    }[bad]
    memory_keyring.entries[(device.SERVICE, vault_id)] = value
    with pytest.raises(DeviceNotRemembered):
        Vault.open_with_device(vault_dir)
    Vault.open(vault_dir, passphrase).lock()


def test_locked_keyring_is_keyring_unavailable(memory_keyring, vault, vault_dir, passphrase):
    vault.remember_on_device()
    vault.lock()
    memory_keyring.refuse = True
    with pytest.raises(KeyringUnavailable):
        Vault.open_with_device(vault_dir)
    Vault.open(vault_dir, passphrase).lock()


def test_remember_refused_by_keyring_changes_nothing(memory_keyring, vault, vault_dir):
    before = (vault_dir / vkeys.KEY_FILE).read_bytes()
    memory_keyring.refuse = True
    with pytest.raises(KeyringUnavailable):
        vault.remember_on_device()
    assert (vault_dir / vkeys.KEY_FILE).read_bytes() == before
    assert not Vault.remembered(vault_dir)


def test_not_remembered_vault(memory_keyring, vault, vault_dir):
    vault.lock()
    with pytest.raises(DeviceNotRemembered):
        Vault.open_with_device(vault_dir)
    assert Vault.remembered(vault_dir.parent / "no vault here") is False


def test_tampered_device_slot_is_damage(memory_keyring, vault, vault_dir):
    vault.remember_on_device()
    vault.lock()
    path = vault_dir / vkeys.KEY_FILE
    data = path.read_bytes()
    vkeys.parse_key_file(data)
    for field in ("ct", "nonce"):
        doc = json.loads(data)
        text = doc["slots"]["device"][field]
        doc["slots"]["device"][field] = ("A" if text[0] != "A" else "B") + text[1:]
        path.write_bytes(json.dumps(doc).encode())
        with pytest.raises(VaultDamaged):
            Vault.open_with_device(vault_dir)
    # Even with a recomputed checksum a changed slot never opens: GCM refuses it.
    doc = json.loads(data)
    ct = bytearray(base64.b64decode(doc["slots"]["device"]["ct"]))
    ct[0] ^= 1
    doc["slots"]["device"]["ct"] = base64.b64encode(bytes(ct)).decode()
    doc["checksum"] = vkeys.checksum_of(doc)
    path.write_bytes(json.dumps(doc).encode())
    with pytest.raises(DeviceNotRemembered):
        Vault.open_with_device(vault_dir)
    # A slot with an unknown field or kdf is damage too.
    for change in ({"kdf": "plain"}, {"extra": "x"}):
        doc = json.loads(data)
        doc["slots"]["device"].update(change)
        doc["checksum"] = vkeys.checksum_of(doc)
        path.write_bytes(json.dumps(doc).encode())
        with pytest.raises(VaultDamaged):
            Vault.remembered(vault_dir)


def test_every_flipped_byte_with_a_device_slot_is_damage(memory_keyring, vault, vault_dir):
    vault.remember_on_device()
    data = (vault_dir / vkeys.KEY_FILE).read_bytes()
    start = data.index(b'"device"')
    end = data.index(b"}", start)
    for i in range(start, end):
        flipped = bytearray(data)
        flipped[i] ^= 0x01
        try:
            parsed = vkeys.parse_key_file(bytes(flipped))
        except VaultDamaged:
            continue
        assert parsed.to_bytes() == data, f"byte {i} was not detected"


def test_passphrase_change_keeps_the_device_slot(memory_keyring, vault, vault_dir):
    vault.remember_on_device()
    vault.change_passphrase("a brand new passphrase")
    assert Vault.remembered(vault_dir)
    vault.lock()
    Vault.open_with_device(vault_dir).lock()
    Vault.open(vault_dir, "a brand new passphrase").lock()


def test_remember_again_replaces_the_secret(memory_keyring, vault, vault_dir):
    vault.remember_on_device()
    first = _secret(memory_keyring, vault)
    vault.remember_on_device()
    assert _secret(memory_keyring, vault) != first
    vault.lock()
    Vault.open_with_device(vault_dir).lock()


def test_device_secret_never_in_vault_folder(memory_keyring, vault, vault_dir):
    """Canary: the secret (raw, base64, hex) and the data key's wrapping are nowhere on disk."""
    vault.set_setting("x", "y")
    vault.remember_on_device()
    secret = _secret(memory_keyring, vault)
    vault.lock()
    Vault.open_with_device(vault_dir).lock()
    forms = [secret, base64.b64encode(secret), secret.hex().encode(), secret.hex().upper().encode()]
    forms += [f.decode("latin-1").encode("utf-16-le") for f in forms[1:]]
    for path in vault_dir.rglob("*"):
        if path.is_file():
            content = path.read_bytes()
            for form in forms:
                assert form not in content, path.name


# --- which keyrings are accepted ------------------------------------------------------------


def test_no_keyring_everything_works_by_passphrase(vault_dir, passphrase):
    """SECURITY.md test 11: with the keyring unavailable the app still works by passphrase."""
    assert isinstance(keyring.get_keyring(), fail.Keyring)
    assert not Vault.device_available()
    v, code = Vault.create(vault_dir, passphrase, kdf=KdfParams.floor())
    v.set_setting("kept", 1)
    with pytest.raises(KeyringUnavailable) as info:
        v.remember_on_device()
    assert "passphrase" in info.value.message
    v.change_passphrase(passphrase + "2")
    v.lock()
    assert not Vault.remembered(vault_dir)
    with pytest.raises(DeviceNotRemembered):
        Vault.open_with_device(vault_dir)
    opened = Vault.open(vault_dir, passphrase + "2")
    assert opened.get_setting("kept") == 1
    opened.lock()
    Vault.open_with_recovery(vault_dir, code).lock()
    assert Vault.forget_device_at(vault_dir) is False


def test_plaintext_keyring_is_refused(plaintext_keyring, vault, vault_dir, tmp_path):
    assert plaintext_keyring.priority > 0  # keyring itself would happily use it
    assert device.secure_backend() is None
    assert not Vault.device_available()
    with pytest.raises(KeyringUnavailable):
        vault.remember_on_device()
    assert not (tmp_path / "plaintext-keyring.cfg").exists()
    assert not Vault.remembered(vault_dir)


@pytest.mark.parametrize("backend", [fail.Keyring(), null.Keyring()])
def test_fail_and_null_keyrings_are_refused(backend):
    keyring.set_keyring(backend)
    assert device.secure_backend() is None
    assert not device.is_secure(backend)


def test_chainer_uses_only_a_secure_member(monkeypatch, tmp_path):
    from keyrings.alt.file import PlaintextKeyring

    plain = PlaintextKeyring()
    plain.file_path = str(tmp_path / "plain.cfg")
    memory = MemoryKeyring()
    members = [plain]
    monkeypatch.setattr(chainer.ChainerBackend, "backends", property(lambda self: members))
    keyring.set_keyring(chainer.ChainerBackend())
    assert device.secure_backend() is None  # a chainer of plaintext only: refused
    members.append(memory)
    assert device.secure_backend() is memory  # never the chainer itself
    assert not device.is_secure(chainer.ChainerBackend())


def test_backend_whose_priority_fails_is_refused():
    class Broken(MemoryKeyring):
        @property
        def priority(self):  # type: ignore[override]
            raise RuntimeError("not usable here")

    keyring.set_keyring(Broken())
    assert device.secure_backend() is None


def test_memory_keyring_is_accepted(memory_keyring):
    assert device.secure_backend() is memory_keyring
    assert device.describe_backend()


def test_keyring_file_kept_after_failed_open(memory_keyring, vault, vault_dir: Path):
    vault.remember_on_device()
    vault.lock()
    before = (vault_dir / vkeys.KEY_FILE).read_bytes()
    memory_keyring.entries.clear()
    with pytest.raises(DeviceNotRemembered):
        Vault.open_with_device(vault_dir)
    assert (vault_dir / vkeys.KEY_FILE).read_bytes() == before


def _backend_from(module: str, priority: float = 0.5) -> KeyringBackend:
    """A working backend whose class says it comes from ``module`` (as a plug-in's would)."""
    cls = type("ThirdParty", (MemoryKeyring,), {"priority": priority, "__module__": module})
    return cls()


@pytest.mark.parametrize(
    "module",
    [
        "keyrings.cryptfile.file",  # its PlaintextKeyring: a plain file, priority 0.5
        "keyrings.cryptfile.cryptfile",  # asks for its own password with getpass
        "some_plugin.backends",  # any other plug-in: we cannot know how it stores secrets
    ],
)
def test_keyrings_outside_the_os_stores_are_refused(module, vault, vault_dir):
    backend = _backend_from(module)
    keyring.set_keyring(backend)
    assert not device.is_secure(backend)
    assert device.secure_backend() is None
    with pytest.raises(KeyringUnavailable):
        vault.remember_on_device()
    assert backend.entries == {} and not Vault.remembered(vault_dir)  # type: ignore[attr-defined]


def test_os_keyring_modules_are_accepted():
    for module in (
        "keyring.backends.SecretService",
        "keyring.backends.libsecret",
        "keyring.backends.kwallet",
        "keyring.backends.macOS",
        "keyring.backends.Windows",
    ):
        assert device.is_secure(_backend_from(module, priority=5.0)), module
    assert not device.is_secure(_backend_from("keyring.backends.SecretService", priority=0))


def test_encrypted_file_keyring_is_refused_without_asking_for_its_password(
    monkeypatch, vault, vault_dir, tmp_path
):
    """keyrings.alt's EncryptedKeyring asks for a password with getpass (on a terminal, or
    blocking on stdin): Plainview must refuse it before anything could prompt."""
    import getpass

    from keyrings.alt.file import EncryptedKeyring

    def no_prompt(*args: object, **kwargs: object) -> str:
        raise AssertionError("a keyring asked for a password")

    monkeypatch.setattr(getpass, "getpass", no_prompt)
    # Built without __init__, which needs pycryptodome (not installed here; with it installed
    # keyring may pick this backend by itself).
    backend = EncryptedKeyring.__new__(EncryptedKeyring)
    backend.file_path = str(tmp_path / "crypted.cfg")  # type: ignore[misc]
    keyring.set_keyring(backend)
    assert device.secure_backend() is None and not Vault.device_available()
    with pytest.raises(KeyringUnavailable):
        vault.remember_on_device()
    assert Vault.forget_device_at(vault_dir) is False
    assert not (tmp_path / "crypted.cfg").exists()
