"""Ctrl+1…9 each do one predictable thing, and say so (tooltips, accessible description):
1 Overview · 2–4 the sensitivity groups · 5 My choices · 6 Guided audit · 7 Import · 8 Search ·
9 Settings."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence

from plainview.ui.settings_dialog import SettingsDialog
from plainview.ui.sidebar import AUDIT, CHOICES, OVERVIEW, category_key
from tests.fixtures.plugin_pages import login, search_term, watch
from tests.fixtures.plugin_pages import seed as seed_records
from tests.fixtures.plugin_ui import unlock

T0 = datetime(2024, 3, 1, tzinfo=UTC)


def _ctrl(qtbot, window, n: int) -> None:
    qtbot.keyClick(window, Qt.Key(Qt.Key.Key_0.value + n), Qt.KeyboardModifier.ControlModifier)


def _native(n: int) -> str:
    return QKeySequence(f"Ctrl+{n}").toString(QKeySequence.SequenceFormat.NativeText)


@pytest.fixture
def unlocked(qtbot, shell_vault, main_window, shell_ctx):
    unlock(qtbot, main_window)
    seed_records(
        shell_ctx.vault,
        [watch(i) for i in range(5)]
        + [login(1, "10.0.0.1", "Pixel", T0)]
        + [search_term("fox", T0)],
    )
    shell_ctx.data_changed.emit()
    qtbot.waitUntil(lambda: main_window.sidebar.data.counts.get("tiktok.logins") == 1)
    main_window.activateWindow()
    return main_window


def test_ctrl_1_to_6_select_sidebar_sections(qtbot, unlocked):
    window = unlocked
    sidebar = window.sidebar
    expected = {1: (OVERVIEW, "overview"), 5: (CHOICES, "choices"), 6: (AUDIT, "audit")}
    for n, (key, page) in expected.items():
        window.show_page("import")  # start elsewhere each time
        _ctrl(qtbot, window, n)
        assert sidebar.current_key == key, n
        assert window.pages.currentWidget() is window.page[page], n
    # 2–4: the first entry listed under "Most sensitive", "Sensitive", "Less sensitive".
    for n, level in ((2, "high"), (3, "medium"), (4, "low")):
        window.show_page("import")
        _ctrl(qtbot, window, n)
        entries = sidebar.keys()
        first = next(k for k in entries if sidebar.group_of(k) == level)
        assert sidebar.current_key == first, n
        assert window.pages.currentWidget() is window.page["category"], n
    # Within its group, the first entry is the one with the most records.
    _ctrl(qtbot, window, 3)
    assert sidebar.current_key == category_key("tiktok.watch_history")


def test_ctrl_7_import_and_ctrl_8_search(qtbot, unlocked):
    window = unlocked
    _ctrl(qtbot, window, 7)
    assert window.pages.currentWidget() is window.page["import"]
    assert window.sidebar.current_key == ""  # no sidebar entry stays highlighted
    _ctrl(qtbot, window, 1)
    _ctrl(qtbot, window, 8)
    assert window.pages.currentWidget() is window.page["search"]
    qtbot.waitUntil(window.search_field.hasFocus)


def test_ctrl_9_opens_settings(qtbot, unlocked):
    window = unlocked
    _ctrl(qtbot, window, 9)
    qtbot.waitUntil(lambda: any(d.isVisible() for d in window.findChildren(SettingsDialog)))
    dialog = next(d for d in window.findChildren(SettingsDialog) if d.isVisible())
    with qtbot.waitSignal(dialog.finished):
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)


def test_every_shortcut_is_documented(qtbot, unlocked):
    window = unlocked
    sidebar = window.sidebar
    description = sidebar.accessibleDescription()
    for n in range(1, 10):
        assert _native(n) in description, n
    assert _native(1) in sidebar.item_for(OVERVIEW).toolTip(0)
    assert _native(5) in sidebar.item_for(CHOICES).toolTip(0)
    assert _native(6) in sidebar.item_for(AUDIT).toolTip(0)
    headers = [
        sidebar.topLevelItem(i).toolTip(0)
        for i in range(sidebar.topLevelItemCount())
        if sidebar.topLevelItem(i).text(0) in ("Most sensitive", "Sensitive", "Less sensitive")
    ]
    assert [_native(n) in tip for n, tip in zip((2, 3, 4), headers, strict=True)] == [True] * 3
    assert _native(7) in window.import_button.toolTip()
    assert _native(8) in window.search_field.toolTip()
    assert _native(9) in window.settings_button.toolTip()


def test_shortcuts_do_nothing_while_locked(qtbot, shell_vault, main_window):
    for n in range(1, 10):
        _ctrl(qtbot, main_window, n)
    assert main_window.state == "locked"
    assert main_window.findChildren(SettingsDialog) == []
