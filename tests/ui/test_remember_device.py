""" "Remember on this device" in the GUI: the unlock page's box (only with a secure keyring),
unlocking at start-up without asking, "Forget this device" in Settings, and the passphrase
path when the keyring is missing, refuses or lost the key (SECURITY.md test 11)."""

from __future__ import annotations

import base64
import os
import subprocess
import sys
import textwrap

from PySide6.QtCore import QPoint, Qt

from plainview.ui import tasks
from plainview.ui.settings_dialog import SettingsDialog
from plainview.vault import Vault
from tests.fixtures.plugin_ui import unlock


def _idle(qtbot):
    qtbot.waitUntil(lambda: tasks.active_tasks() == 0, timeout=15_000)


def _settings(qtbot, window, ctx):
    dialog = SettingsDialog(ctx, window)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.device_remembered is not None, timeout=15_000)
    return dialog


def test_without_a_keyring_the_box_is_not_offered(qtbot, shell_vault, main_window, shell_ctx):
    page = main_window.unlock_page
    _idle(qtbot)
    assert not page.remember_offered
    assert not page._remember.isVisible()
    assert not page.unlock_remembered()  # nothing remembered: no attempt, the form stays
    assert not page.busy
    assert main_window.state == "locked" and page.message == ""
    unlock(qtbot, main_window)  # the passphrase works as always
    dialog = _settings(qtbot, main_window, shell_ctx)
    assert "not available" in dialog.device_note.text()
    assert "no secure system keyring" in dialog.device_note.text()
    assert not dialog.forget_device.isVisible()
    assert not Vault.remembered(shell_vault.path)


def test_plaintext_keyring_is_not_offered(qtbot, plaintext_keyring, shell_vault, main_window):
    _idle(qtbot)
    assert not main_window.unlock_page.remember_offered


def test_remember_then_start_up_unlocks_without_asking(
    qtbot, memory_keyring, shell_vault, main_window, shell_ctx, ui_prefs, tmp_path
):
    page = main_window.unlock_page
    qtbot.waitUntil(lambda: page.remember_offered, timeout=15_000)
    assert page._remember.isVisible() and not page._remember.isChecked()
    assert page._remember.accessibleName() == "Remember on this device"
    assert "system keyring" in page._remember.toolTip()
    box = page._remember
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(6, box.height() // 2))
    assert box.isChecked()
    unlock(qtbot, main_window)
    assert Vault.remembered(shell_vault.path)
    assert len(memory_keyring.entries) == 1
    # Canary: the secret is in the keyring only, not in the vault folder or the app's settings.
    (text,) = memory_keyring.entries.values()
    secret = base64.b64decode(text)
    ui_prefs.theme = "light"  # make sure the settings file exists
    for path in tmp_path.rglob("*"):  # the vault folder and the app's settings file
        if path.is_file():
            data = path.read_bytes()
            for form in (secret, text.encode(), secret.hex().encode()):
                assert form not in data, path.name

    # A lock asks for the passphrase again: the device key is only used at start-up.
    main_window.lock()
    assert main_window.state == "locked"
    _idle(qtbot)
    assert main_window.state == "locked"
    assert page._remember.isChecked()  # shows that the vault is remembered

    # "Start-up": the window opens the vault by itself, and it can be locked as usual.
    with qtbot.waitSignal(page.vault_opened, timeout=15_000):
        assert page.unlock_remembered()
    assert main_window.state == "unlocked" and shell_ctx.is_unlocked
    assert main_window.lock_button.isVisible()
    qtbot.keyClick(main_window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert main_window.state == "locked" and not shell_ctx.is_unlocked


def test_lost_key_falls_back_to_the_passphrase(
    qtbot, memory_keyring, shell_vault, main_window, shell_ctx
):
    v = Vault.open(shell_vault.path, shell_vault.passphrase)
    v.remember_on_device()
    v.lock()
    memory_keyring.entries.clear()
    page = main_window.unlock_page
    assert page.unlock_remembered()
    qtbot.waitUntil(lambda: not page.busy, timeout=15_000)
    assert main_window.state == "locked"
    assert "key saved on this device" in page.message
    assert "Type your passphrase" in page.message
    unlock(qtbot, main_window)
    assert shell_ctx.is_unlocked


def test_locked_keyring_falls_back_to_the_passphrase(
    qtbot, memory_keyring, shell_vault, main_window, shell_ctx
):
    v = Vault.open(shell_vault.path, shell_vault.passphrase)
    v.remember_on_device()
    v.lock()
    memory_keyring.refuse = True
    page = main_window.unlock_page
    page.unlock_remembered()
    qtbot.waitUntil(lambda: not page.busy, timeout=15_000)
    assert main_window.state == "locked" and "Type your passphrase" in page.message
    unlock(qtbot, main_window)


def test_untick_forgets_on_unlock(qtbot, memory_keyring, shell_vault, main_window):
    v = Vault.open(shell_vault.path, shell_vault.passphrase)
    v.remember_on_device()
    v.lock()
    page = main_window.unlock_page
    page.refresh_device()
    qtbot.waitUntil(lambda: page._remember.isChecked(), timeout=15_000)
    page._remember.setChecked(False)
    unlock(qtbot, main_window)
    assert not Vault.remembered(shell_vault.path)
    assert memory_keyring.entries == {}


def test_settings_forget_this_device(qtbot, memory_keyring, shell_vault, main_window, shell_ctx):
    qtbot.waitUntil(lambda: main_window.unlock_page.remember_offered, timeout=15_000)
    main_window.unlock_page._remember.setChecked(True)
    unlock(qtbot, main_window)
    assert Vault.remembered(shell_vault.path)
    dialog = _settings(qtbot, main_window, shell_ctx)
    assert dialog.device_remembered is True
    assert dialog.forget_device.isVisible() and dialog.forget_device.isEnabled()
    assert dialog.forget_device.accessibleName() == "Forget this device"
    assert "without your passphrase" in dialog.device_note.text()
    qtbot.mouseClick(dialog.forget_device, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.device_remembered is False, timeout=15_000)
    assert not dialog.forget_device.isVisible()
    assert "tick" in dialog.device_note.text()
    assert not Vault.remembered(shell_vault.path)
    assert memory_keyring.entries == {}
    assert shell_ctx.is_unlocked  # forgetting does not lock


CHILD = """
import sys
from pathlib import Path
import keyring
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from tests.fixtures.plugin_keyring import MemoryKeyring
from plainview.app import run_gui
from plainview.ui import tasks
from plainview.vault import KdfParams, Vault, device

device.TRUSTED_MODULES += ("tests",)  # MemoryKeyring stands in for an OS keyring
backend = MemoryKeyring()
keyring.set_keyring(backend)
folder = Path(sys.argv[1])
v, _ = Vault.create(folder, "start-up passphrase", KdfParams.floor())
if sys.argv[2] == "remember":
    v.remember_on_device()
v.lock()
app = QApplication(sys.argv[:1])
seen = []
def look():
    for w in app.topLevelWidgets():
        if (
            type(w).__name__ == "MainWindow"
            and w.isVisible()
            and not w.unlock_page.busy
            and tasks.active_tasks() == 0
        ):
            seen.append(w.state)
            app.quit()
            return
    QTimer.singleShot(50, look)
QTimer.singleShot(50, look)
rc = run_gui(folder, debug=False)
print(rc, seen)
"""


def _start(tmp_path, mode):
    env = dict(os.environ)
    env.update(
        QT_QPA_PLATFORM="offscreen",
        XDG_CONFIG_HOME=str(tmp_path / "config"),
        XDG_DATA_HOME=str(tmp_path / "data"),
        HOME=str(tmp_path),
    )
    root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    return subprocess.run(
        [sys.executable, "-c", textwrap.dedent(CHILD), str(tmp_path / "vault"), mode],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
        cwd=root,
        check=False,
    )


def test_app_start_up_unlocks_a_remembered_vault(tmp_path):
    result = _start(tmp_path, "remember")
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["0", "['unlocked']"], result.stdout + result.stderr


def test_app_start_up_asks_when_not_remembered(tmp_path):
    result = _start(tmp_path, "plain")
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["0", "['locked']"], result.stdout + result.stderr


def test_settings_forget_failure_is_shown(
    qtbot, memory_keyring, shell_vault, main_window, shell_ctx, monkeypatch
):
    from plainview.errors import VaultDamaged

    v = Vault.open(shell_vault.path, shell_vault.passphrase)
    v.remember_on_device()
    v.lock()
    unlock(qtbot, main_window)
    dialog = _settings(qtbot, main_window, shell_ctx)
    assert dialog.device_remembered is True

    def broken() -> None:
        raise VaultDamaged("The vault's key file is damaged or was changed.")

    monkeypatch.setattr(shell_ctx.vault, "forget_device", broken)
    dialog.forget_device.click()
    qtbot.waitUntil(lambda: "damaged" in dialog.device_note.text(), timeout=15_000)
    assert dialog.forget_device.isEnabled()


def test_keyring_refusing_to_remember_does_not_stop_the_unlock(
    qtbot, memory_keyring, shell_vault, main_window, shell_ctx
):
    page = main_window.unlock_page
    qtbot.waitUntil(lambda: page.remember_offered, timeout=15_000)
    page._remember.setChecked(True)
    memory_keyring.refuse = True  # e.g. the user cancelled the keyring's unlock prompt
    unlock(qtbot, main_window)
    assert shell_ctx.is_unlocked
    assert not Vault.remembered(shell_vault.path)
