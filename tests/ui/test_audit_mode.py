"""While a guided audit runs, the rest of the app is out of reach; Lock still works."""

from __future__ import annotations

from PySide6.QtCore import Qt

from plainview.ui.sidebar import AUDIT, OVERVIEW
from tests.ui.test_main_window import _unlocked_with_data


def test_audit_keeps_the_rest_of_the_app_out_of_reach(qtbot, shell_vault, main_window, shell_ctx):
    window = main_window
    _unlocked_with_data(qtbot, window, shell_ctx)
    wizard = window.page["audit"]
    window.sidebar.select(AUDIT)
    assert window.pages.currentWidget() is wizard
    with qtbot.waitSignal(wizard.loaded, timeout=10_000):
        wizard.refresh()
    with qtbot.waitSignal(wizard.step_shown):
        wizard.start_button.click()
    assert not window.sidebar_panel.isEnabled()
    assert not window.search_field.isEnabled()
    assert not window.import_button.isEnabled()
    assert not window.settings_button.isEnabled()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    for key in (Qt.Key.Key_I, Qt.Key.Key_1, Qt.Key.Key_F):
        qtbot.keyClick(window, key, Qt.KeyboardModifier.ControlModifier)
        assert window.pages.currentWidget() is wizard
    assert window.lock_button.isEnabled()
    # pausing gives the app back
    wizard.pause()
    assert window.sidebar_panel.isEnabled() and window.import_button.isEnabled()
    qtbot.keyClick(window, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    assert window.sidebar.current_key == OVERVIEW
    # and Lock works in the middle of an audit, after which everything is back
    window.sidebar.select(AUDIT)
    with qtbot.waitSignal(wizard.loaded, timeout=10_000):
        wizard.refresh()
    wizard.resume()
    assert not window.search_field.isEnabled()
    qtbot.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert window.state == "locked"
    assert window.search_field.isEnabled() and window.sidebar_panel.isEnabled()
