"""Settings → "Re-encrypt with a new key…": the passphrase confirms, the rotation runs off the
GUI thread, the new recovery code is shown once and the dialog closes only after the user
confirms they kept it (or when the app locks)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from plainview.errors import PlainviewError, WrongRecoveryCode
from plainview.ui.rekey_dialog import RekeyDialog
from plainview.ui.settings_dialog import SettingsDialog
from plainview.vault import Vault
from tests.fixtures.plugin_ui import SHELL_PASSPHRASE, unlock


def _open(qtbot, window, ctx):
    settings = SettingsDialog(ctx, window)
    qtbot.addWidget(settings)
    settings.show()
    assert settings.rekey.isEnabled()
    assert settings.rekey.accessibleName() == "Re-encrypt with a new key"
    dialog = settings.open_rekey()
    qtbot.waitExposed(dialog)
    return settings, dialog


def test_rekey_shows_the_new_code_once(qtbot, shell_vault, main_window, shell_ctx):
    unlock(qtbot, main_window)
    shell_ctx.vault.set_setting("kept", "yes")
    _settings, dialog = _open(qtbot, main_window, shell_ctx)
    assert not dialog.ok_button.isEnabled()
    qtbot.keyClicks(dialog._passphrase, "not the passphrase")
    assert dialog.ok_button.isEnabled()
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog._passphrase.text() == ""  # taken at once
    qtbot.waitUntil(lambda: not dialog.busy, timeout=15_000)
    assert "not right" in dialog.message and not dialog.showing_code

    with qtbot.waitSignal(dialog.rekeyed, timeout=30_000):
        qtbot.keyClicks(dialog._passphrase, SHELL_PASSPHRASE)
        qtbot.keyClick(dialog._passphrase, Qt.Key.Key_Return)
    assert dialog.showing_code
    code = dialog.recovery_code
    assert code and code != shell_vault.code
    assert dialog._code_label.text() == code
    # Not closed by Escape before the user confirms they kept the code.
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert dialog.isVisible()
    assert not dialog._close.isEnabled()
    dialog._confirm.setChecked(True)
    qtbot.mouseClick(dialog._close, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    # The open vault keeps working with its new key.
    assert shell_ctx.vault.get_setting("kept") == "yes"
    main_window.lock()
    Vault.open_with_recovery(shell_vault.path, code).lock()
    with pytest.raises(WrongRecoveryCode):
        Vault.open_with_recovery(shell_vault.path, shell_vault.code)
    unlock(qtbot, main_window)  # same passphrase


def test_lock_closes_the_dialog_and_forgets_the_code(qtbot, shell_vault, main_window, shell_ctx):
    unlock(qtbot, main_window)
    _settings, dialog = _open(qtbot, main_window, shell_ctx)
    dialog._passphrase.setText(SHELL_PASSPHRASE)
    with qtbot.waitSignal(dialog.rekeyed, timeout=30_000):
        dialog.apply()
    assert dialog.showing_code and dialog.isVisible()
    main_window.lock()
    assert not dialog.isVisible()
    assert dialog.recovery_code == "" and dialog._code_label.text() == ""


def test_failure_is_explained_and_nothing_changes(
    qtbot, shell_vault, main_window, shell_ctx, monkeypatch
):
    def refuse(vault, passphrase):
        raise PlainviewError("The vault is open in another Plainview window or command.")

    monkeypatch.setattr(RekeyDialog, "rotate", staticmethod(refuse))
    unlock(qtbot, main_window)
    _settings, dialog = _open(qtbot, main_window, shell_ctx)
    dialog._passphrase.setText(SHELL_PASSPHRASE)
    dialog.apply()
    qtbot.waitUntil(lambda: not dialog.busy, timeout=15_000)
    assert "another Plainview window" in dialog.message
    assert not dialog.showing_code
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible()


def test_rekey_forgets_the_device(qtbot, memory_keyring, shell_vault, main_window, shell_ctx):
    v = Vault.open(shell_vault.path, shell_vault.passphrase)
    v.remember_on_device()
    v.lock()
    unlock(qtbot, main_window)
    settings, dialog = _open(qtbot, main_window, shell_ctx)
    qtbot.waitUntil(lambda: settings.device_remembered is True, timeout=15_000)
    dialog._passphrase.setText(SHELL_PASSPHRASE)
    with qtbot.waitSignal(dialog.rekeyed, timeout=30_000):
        dialog.apply()
    qtbot.waitUntil(lambda: settings.device_remembered is False, timeout=15_000)
    assert not settings.forget_device.isVisible()
    assert memory_keyring.entries == {}


def test_a_code_lost_to_a_lock_is_told_after_unlock(qtbot, shell_vault, main_window, shell_ctx):
    """Auto-lock while the new code is on screen forgets it (it must not stay visible); after
    the next unlock the window says the code is gone and how to get a working one."""
    from plainview.ui.rekey_dialog import UNSAVED_CODE
    from plainview.ui.settings_dialog import SettingsDialog

    unlock(qtbot, main_window)
    assert not main_window.unsaved_code_notice.isVisible()
    _settings, dialog = _open(qtbot, main_window, shell_ctx)
    dialog._passphrase.setText(SHELL_PASSPHRASE)
    with qtbot.waitSignal(dialog.rekeyed, timeout=30_000):
        dialog.apply()
    main_window.lock()  # as the idle timer does
    assert not main_window.unsaved_code_notice.isVisible()
    unlock(qtbot, main_window)
    notice = main_window.unsaved_code_notice
    assert notice.isVisible()
    assert "Re-encrypt with a new key" in notice.text() and notice.accessibleName()

    # Re-encrypting again and confirming the code clears it (checked when Settings closes).
    main_window.open_settings()
    settings = next(w for w in main_window.findChildren(SettingsDialog) if w.isVisible())
    dialog = settings.open_rekey()
    dialog._passphrase.setText(SHELL_PASSPHRASE)
    with qtbot.waitSignal(dialog.rekeyed, timeout=30_000):
        dialog.apply()
    dialog._confirm.setChecked(True)
    qtbot.mouseClick(dialog._close, Qt.MouseButton.LeftButton)
    assert shell_ctx.vault.get_setting(UNSAVED_CODE) is False
    assert notice.isVisible()  # until Settings closes
    settings.reject()
    qtbot.waitUntil(lambda: not notice.isVisible(), timeout=5_000)
