"""Unlock: wrong passphrase gets a calm message, the right one opens the vault, the recovery
code sets a new passphrase, a damaged vault is explained."""

from __future__ import annotations

from PySide6.QtCore import Qt

from plainview.vault import Vault
from tests.fixtures.plugin_ui import unlock

NEW_PASSPHRASE = "amber meadow violin 77 comet"


def test_starts_locked_with_only_the_unlock_form(shell_vault, main_window):
    assert main_window.state == "locked"
    assert main_window.unlock_page.isVisible()
    assert not main_window.workspace.isVisible()
    assert not main_window.sidebar.isVisible()


def test_wrong_then_right_passphrase(qtbot, shell_vault, main_window, shell_ctx):
    page = main_window.unlock_page
    qtbot.keyClicks(page._passphrase, "not the passphrase")
    qtbot.keyClick(page._passphrase, Qt.Key.Key_Return)
    assert page._passphrase.text() == ""  # cleared as soon as it was taken
    qtbot.waitUntil(lambda: not page.busy, timeout=15_000)
    assert "does not open this vault" in page.message
    assert not shell_ctx.is_unlocked
    assert main_window.state == "locked"

    with qtbot.waitSignal(page.vault_opened, timeout=15_000):
        qtbot.keyClicks(page._passphrase, shell_vault.passphrase)
        qtbot.mouseClick(page._unlock, Qt.MouseButton.LeftButton)
    assert shell_ctx.is_unlocked
    assert main_window.state == "unlocked"
    assert main_window.workspace.isVisible()


def test_empty_passphrase_is_not_sent(qtbot, shell_vault, main_window):
    page = main_window.unlock_page
    page.unlock()
    assert not page.busy
    assert "Type your passphrase" in page.message


def test_recover_with_the_recovery_code(qtbot, shell_vault, main_window, shell_ctx):
    page = main_window.unlock_page
    qtbot.mouseClick(page._forgot, Qt.MouseButton.LeftButton)
    assert page.in_recovery
    # A wrong code: a calm message, still locked.
    qtbot.keyClicks(page._code, "AAAA-BBBB-CCCC-DDDD")
    qtbot.keyClicks(page._new1, NEW_PASSPHRASE)
    qtbot.keyClicks(page._new2, NEW_PASSPHRASE)
    assert page._set_new.isEnabled()
    page.recover()
    qtbot.waitUntil(lambda: not page.busy, timeout=15_000)
    assert "recovery code" in page.message.lower()
    assert not shell_ctx.is_unlocked

    # The right code, typed in lower case and without dashes.
    page._code.setText(shell_vault.code.replace("-", "").lower())
    qtbot.keyClicks(page._new1, NEW_PASSPHRASE)
    qtbot.keyClicks(page._new2, NEW_PASSPHRASE)
    with qtbot.waitSignal(page.vault_opened, timeout=15_000):
        qtbot.mouseClick(page._set_new, Qt.MouseButton.LeftButton)
    assert shell_ctx.is_unlocked
    assert page._code.text() == "" and page._new1.text() == ""
    shell_ctx.lock()
    Vault.open(shell_vault.path, NEW_PASSPHRASE).lock()


def test_back_from_recovery_clears_it(qtbot, shell_vault, main_window):
    page = main_window.unlock_page
    page.show_recovery()
    page._code.setText("ABCD")
    qtbot.mouseClick(page._back, Qt.MouseButton.LeftButton)
    assert not page.in_recovery
    assert page._code.text() == ""


def test_damaged_vault_is_explained(qtbot, shell_vault, main_window, shell_ctx):
    db = shell_vault.path / "vault.db"
    data = bytearray(db.read_bytes())
    for i in range(4096, min(len(data), 4096 * 3)):
        data[i] ^= 0xFF
    db.write_bytes(bytes(data))
    page = main_window.unlock_page
    page._passphrase.setText(shell_vault.passphrase)
    page.unlock()
    qtbot.waitUntil(lambda: not page.busy, timeout=15_000)
    assert "damaged" in page.message
    assert "backup" in page.message
    assert not shell_ctx.is_unlocked


def test_unlock_helper_reaches_the_workspace(qtbot, shell_vault, main_window):
    unlock(qtbot, main_window)
    assert main_window.sidebar.isVisible()
