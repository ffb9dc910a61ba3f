"""Settings: live language switch, theme, auto-lock minutes, the policy for explanations;
QSettings holds nothing but device preferences."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication

from plainview.ui import theme
from plainview.ui.settings_dialog import POLICY_SETTING, SettingsDialog, default_policy
from tests.fixtures.plugin_ui import SHELL_PASSPHRASE, unlock


def _choose(combo, value):
    index = combo.findData(value)
    assert index >= 0, value
    combo.setCurrentIndex(index)


def _dialog(qtbot, window, ctx):
    dialog = SettingsDialog(ctx, window)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_defaults(qtbot, shell_vault, main_window, shell_ctx, ui_prefs):
    unlock(qtbot, main_window)
    dialog = _dialog(qtbot, main_window, shell_ctx)
    assert dialog.language.currentData() == "system"
    assert dialog.theme.currentData() == "system"
    assert dialog.auto_lock.value() == 15
    assert dialog.policy.currentData() == "eea"
    assert main_window.idle.interval_ms == 15 * 60_000


def test_language_switch_retranslates_live(qtbot, shell_vault, main_window, shell_ctx, ui_prefs):
    unlock(qtbot, main_window)
    dialog = _dialog(qtbot, main_window, shell_ctx)
    with qtbot.waitSignal(shell_ctx.language_changed):
        _choose(dialog.language, "zh_CN")
    assert ui_prefs.language == "zh_CN" and shell_ctx.lang == "zh_CN"
    assert main_window.lock_button.text() == "锁定"
    assert main_window.import_button.text() == "导入"
    assert main_window.sidebar.item_for("overview").text(0) == "概览"
    assert dialog.windowTitle() == "设置"
    assert dialog.language.currentData() == "zh_CN"  # the combo kept its choice
    # The locked screen is Chinese too.
    main_window.lock()
    assert main_window.unlock_page._title.text() == "Plainview 已锁定"
    unlock(qtbot, main_window)
    dialog = _dialog(qtbot, main_window, shell_ctx)
    with qtbot.waitSignal(shell_ctx.language_changed):
        _choose(dialog.language, "en")
    assert main_window.lock_button.text() == "Lock"
    assert main_window.sidebar.item_for("overview").text(0) == "Overview"


def test_theme_switch(qtbot, shell_vault, main_window, shell_ctx, ui_prefs):
    unlock(qtbot, main_window)
    dialog = _dialog(qtbot, main_window, shell_ctx)
    was_dark = theme.is_dark()
    _choose(dialog.theme, "dark")
    assert ui_prefs.theme == "dark"
    assert theme.is_dark(QGuiApplication.palette())
    _choose(dialog.theme, "light")
    assert not theme.is_dark(QGuiApplication.palette())
    _choose(dialog.theme, "system")
    assert ui_prefs.theme == "system"
    assert theme.is_dark(QGuiApplication.palette()) == was_dark


def test_auto_lock_minutes(qtbot, shell_vault, main_window, shell_ctx, ui_prefs):
    unlock(qtbot, main_window)
    main_window.open_settings()
    dialog = main_window.findChild(SettingsDialog)
    assert dialog is not None
    dialog.auto_lock.setValue(3)
    assert ui_prefs.auto_lock_minutes == 3
    assert main_window.idle.interval_ms == 3 * 60_000 and main_window.idle.active
    dialog.auto_lock.setValue(0)
    assert dialog.auto_lock.text() == "Never"
    assert not main_window.idle.active


def test_policy_choice_is_kept_in_the_vault(qtbot, shell_vault, main_window, shell_ctx):
    unlock(qtbot, main_window)
    dialog = _dialog(qtbot, main_window, shell_ctx)
    with qtbot.waitSignal(shell_ctx.policy_changed):
        _choose(dialog.policy, "us")
    assert shell_ctx.policy == "us"
    assert shell_ctx.vault.get_setting(POLICY_SETTING, None) == "us"
    main_window.lock()
    shell_ctx.set_policy("eea")
    unlock(qtbot, main_window)
    assert default_policy(shell_ctx) == "us"
    assert shell_ctx.policy == "us"


def test_policy_defaults_from_the_account_region(qtbot, shell_vault, main_window, shell_ctx):
    unlock(qtbot, main_window)
    vault = shell_ctx.vault
    import_id = vault.begin_import("tiktok", "json", "v3", "export.zip")
    vault.finish_import(import_id, "complete", {"account_region": "US"})
    assert default_policy(shell_ctx) == "us"
    dialog = _dialog(qtbot, main_window, shell_ctx)
    assert "US" in dialog.policy_note.text()


def test_qsettings_hold_only_device_preferences(
    qtbot, shell_vault, main_window, shell_ctx, ui_prefs
):
    unlock(qtbot, main_window)
    dialog = _dialog(qtbot, main_window, shell_ctx)
    _choose(dialog.language, "zh_CN")
    _choose(dialog.theme, "dark")
    dialog.auto_lock.setValue(5)
    _choose(dialog.policy, "row")
    main_window.close()
    allowed = {"language", "theme", "auto_lock_minutes", "window/geometry"}
    # Besides these, only the known vault folders: each one's path and label, and the last.
    vault_keys = {"vaults/last", "vaults/known/size"} | {
        f"vaults/known/{n}/{part}" for n in range(1, 10) for part in ("path", "label")
    }
    assert set(ui_prefs.keys()) <= allowed | vault_keys
    assert ui_prefs.settings.value("vaults/known/1/path") == str(shell_ctx.vault_dir)
    assert "window/geometry" in set(ui_prefs.keys())


def test_escape_closes_the_dialog(qtbot, shell_vault, main_window, shell_ctx):
    unlock(qtbot, main_window)
    main_window.open_settings()
    dialog = main_window.findChild(SettingsDialog)
    qtbot.waitUntil(dialog.isVisible)
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible()


NEW_PASSPHRASE = "copper lighthouse 19 meadow"


def test_change_passphrase(qtbot, shell_vault, main_window, shell_ctx):
    from plainview.ui.change_passphrase_dialog import ChangePassphraseDialog
    from plainview.vault import Vault

    unlock(qtbot, main_window)
    settings = _dialog(qtbot, main_window, shell_ctx)
    qtbot.mouseClick(settings.change_passphrase, Qt.MouseButton.LeftButton)
    dialog = settings.findChild(ChangePassphraseDialog)
    assert dialog is not None and dialog.isVisible()
    assert not dialog.ok_button.isEnabled()
    qtbot.keyClicks(dialog._new1, NEW_PASSPHRASE)
    qtbot.keyClicks(dialog._new2, NEW_PASSPHRASE + "!")
    assert not dialog.ok_button.isEnabled()
    dialog._new2.clear()
    qtbot.keyClicks(dialog._new2, NEW_PASSPHRASE)
    assert not dialog.ok_button.isEnabled()  # the current passphrase comes first
    qtbot.keyClicks(dialog._current, shell_vault.passphrase)
    assert dialog.ok_button.isEnabled()
    with qtbot.waitSignal(dialog.passphrase_changed, timeout=15_000):
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
        assert dialog._current.text() == ""  # cleared as soon as it was taken
    main_window.lock()
    Vault.open(shell_vault.path, NEW_PASSPHRASE).lock()
    Vault.open_with_recovery(shell_vault.path, shell_vault.code).lock()


def test_change_passphrase_failure_is_shown(
    qtbot, shell_vault, main_window, shell_ctx, monkeypatch
):
    from plainview.errors import PlainviewError
    from plainview.ui.change_passphrase_dialog import ChangePassphraseDialog

    def failing(vault, current, new):
        raise PlainviewError("The vault folder is read-only.")

    monkeypatch.setattr(ChangePassphraseDialog, "change", staticmethod(failing))
    unlock(qtbot, main_window)
    dialog = ChangePassphraseDialog(shell_ctx, main_window)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog._current.setText(SHELL_PASSPHRASE)
    dialog._new1.setText(NEW_PASSPHRASE)
    dialog._new2.setText(NEW_PASSPHRASE)
    dialog.apply()
    qtbot.waitUntil(lambda: "read-only" in dialog._error.text(), timeout=10_000)
    assert dialog.isVisible()


def test_change_passphrase_asks_for_the_current_one(qtbot, shell_vault, main_window, shell_ctx):
    from plainview.ui.change_passphrase_dialog import ChangePassphraseDialog
    from plainview.vault import Vault

    unlock(qtbot, main_window)
    dialog = ChangePassphraseDialog(shell_ctx, main_window)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog._current.setText("not the passphrase at all")
    dialog._new1.setText(NEW_PASSPHRASE)
    dialog._new2.setText(NEW_PASSPHRASE)
    dialog.apply()
    qtbot.waitUntil(lambda: dialog._error.isVisible(), timeout=15_000)
    assert "not the current passphrase" in dialog._error.text()
    assert dialog._error.accessibleName().startswith("Error")
    assert dialog.isVisible()
    main_window.lock()
    Vault.open(shell_vault.path, shell_vault.passphrase).lock()  # unchanged


def test_policy_defaults_from_the_profile_region(qtbot, shell_vault, main_window, shell_ctx):
    from datetime import UTC, datetime

    from plainview.model import Record

    unlock(qtbot, main_window)
    vault = shell_ctx.vault
    import_id = vault.begin_import("tiktok", "json", "v3", "export.zip")
    profile = {"userName": "someone.example", "accountRegion": "US"}
    vault.add_records(
        import_id,
        [
            Record("tiktok.profile", None, profile, "Profile/ProfileMap", "someone"),
            Record(
                "tiktok.location",
                datetime(2024, 1, 1, tzinfo=UTC),
                {"Date": "2024-01-01 00:00:00", "GpsData": "N/A", "LastRegion": "DE"},
                "Location/LocationData",
                "",
            ),
        ],
    )
    vault.finish_import(import_id, "complete", {})
    assert default_policy(shell_ctx) == "us"
