"""Main window: sidebar groups and counts, dimmed empty/missing categories, navigation,
keyboard shortcuts, accessible names on every visible control."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSlider,
    QAbstractSpinBox,
    QComboBox,
    QHeaderView,
    QLineEdit,
    QScrollBar,
    QWidget,
)

from plainview.model import TIKTOK_CATEGORIES
from plainview.ui.sidebar import AUDIT, CHOICES, OVERVIEW, category_key
from tests.fixtures.plugin_pages import login, search_term, watch
from tests.fixtures.plugin_ui import unlock

T0 = datetime(2024, 3, 1, tzinfo=UTC)


def _seed(vault):
    import_id = vault.begin_import("tiktok", "json", "v3", "export.zip")
    records = [watch(i) for i in range(30)]
    records += [login(i, f"10.0.0.{i}", "Pixel", T0 + timedelta(hours=i)) for i in range(5)]
    records += [search_term(f"term {i}", T0 + timedelta(minutes=i)) for i in range(3)]
    vault.add_records(import_id, records)
    vault.set_sections(
        import_id,
        [
            (
                "user_data_tiktok.json:Your Activity/Watch History",
                "tiktok.watch_history",
                "imported",
                30,
            ),
            ("user_data_tiktok.json:Your Activity/Login History", "tiktok.logins", "imported", 5),
            ("user_data_tiktok.json:Your Activity/Searches", "tiktok.searches", "imported", 3),
            ("user_data_tiktok.json:Your Activity/Favorite Sounds", "tiktok.favorites", "empty", 0),
        ],
    )
    vault.finish_import(import_id, "complete", {})


def _unlocked_with_data(qtbot, window, ctx):
    unlock(qtbot, window)
    _seed(ctx.vault)
    ctx.data_changed.emit()
    qtbot.waitUntil(
        lambda: window.sidebar.data.counts.get("tiktok.watch_history") == 30, timeout=10_000
    )


def test_sidebar_groups_counts_and_dimmed_entries(qtbot, shell_vault, main_window, shell_ctx):
    _unlocked_with_data(qtbot, main_window, shell_ctx)
    sidebar = main_window.sidebar
    keys = sidebar.keys()
    assert keys[0] == OVERVIEW and keys[-2:] == [CHOICES, AUDIT]
    # Every category is listed (never hidden), each exactly once.
    assert sorted(k for k in keys if k.startswith("category:")) == sorted(
        category_key(c) for c in TIKTOK_CATEGORIES
    )
    texts = [sidebar.topLevelItem(i).text(0) for i in range(sidebar.topLevelItemCount())]
    for header in ("Most sensitive", "Sensitive", "Less sensitive"):
        assert header in texts
    watch_item = sidebar.item_for(category_key("tiktok.watch_history"))
    assert watch_item.text(1) == "30"
    assert sidebar.item_for(category_key("tiktok.favorites")).text(1) == "empty in your export"
    missing = sidebar.item_for(category_key("tiktok.direct_messages"))
    assert missing.text(1) == "not in your export"
    dim = sidebar.palette().color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text)
    assert missing.foreground(0).color() == dim
    assert watch_item.foreground(0).style() == Qt.BrushStyle.NoBrush  # normal text
    # Within a group, present categories come before empty and missing ones.
    logins = keys.index(category_key("tiktok.logins"))
    assert logins < keys.index(category_key("tiktok.direct_messages"))


def test_navigation_by_sidebar(qtbot, shell_vault, main_window, shell_ctx):
    _unlocked_with_data(qtbot, main_window, shell_ctx)
    main_window.sidebar.select(category_key("tiktok.logins"))
    assert main_window.pages.currentWidget() is main_window.page["category"]
    main_window.sidebar.select(CHOICES)
    assert main_window.pages.currentWidget() is main_window.page["choices"]
    main_window.sidebar.select(AUDIT)
    assert main_window.pages.currentWidget() is main_window.page["audit"]
    main_window.sidebar.select(OVERVIEW)
    assert main_window.pages.currentWidget() is main_window.page["overview"]


def test_keyboard_shortcuts(qtbot, shell_vault, main_window, shell_ctx):
    _unlocked_with_data(qtbot, main_window, shell_ctx)
    window = main_window
    window.activateWindow()
    qtbot.keyClick(window, Qt.Key.Key_I, Qt.KeyboardModifier.ControlModifier)
    assert window.pages.currentWidget() is window.page["import"]
    qtbot.keyClick(window, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    assert window.pages.currentWidget() is window.page["overview"]
    assert window.sidebar.current_key == OVERVIEW
    qtbot.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    assert window.sidebar.current_key == window.sidebar.section_keys()[1]
    assert window.pages.currentWidget() is window.page["category"]
    sections = window.sidebar.section_keys()
    qtbot.keyClick(
        window, Qt.Key(Qt.Key.Key_1.value + len(sections) - 1), Qt.KeyboardModifier.ControlModifier
    )
    assert window.sidebar.current_key == AUDIT
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.search_field.hasFocus()
    qtbot.keyClicks(window.search_field, "term")
    qtbot.keyClick(window.search_field, Qt.Key.Key_Return)
    assert window.pages.currentWidget() is window.page["search"]
    qtbot.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert window.state == "locked"
    assert not shell_ctx.is_unlocked


def test_shortcuts_do_nothing_while_locked(qtbot, shell_vault, main_window):
    qtbot.keyClick(main_window, Qt.Key.Key_I, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(main_window, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    assert main_window.state == "locked"
    assert not main_window.workspace.isVisible()


CONTROLS = (
    QAbstractButton,
    QLineEdit,
    QComboBox,
    QAbstractItemView,
    QAbstractSpinBox,
    QAbstractSlider,
)
# Parts of a composite control that carries the name itself.
PARTS = (QScrollBar, QHeaderView)


def _unnamed(root: QWidget) -> list[str]:
    missing = []
    for widget in root.findChildren(QWidget):
        if not isinstance(widget, CONTROLS) or isinstance(widget, PARTS) or not widget.isVisible():
            continue
        if isinstance(widget.parent(), QComboBox | QAbstractSpinBox):
            continue  # the combo's own popup/line edit; the combo carries the name
        if not widget.accessibleName().strip():
            where = type(widget.parent()).__name__
            label = widget.text() if hasattr(widget, "text") else ""
            missing.append(f"{type(widget).__name__} {label!r} in {where}")
    return missing


def test_accessible_names_first_run(main_window):
    assert _unnamed(main_window) == []


def test_accessible_names_locked_and_recovery(shell_vault, main_window):
    assert _unnamed(main_window) == []
    main_window.unlock_page.show_recovery()
    assert _unnamed(main_window) == []


def test_accessible_names_workspace_pages(qtbot, shell_vault, main_window, shell_ctx):
    _unlocked_with_data(qtbot, main_window, shell_ctx)
    problems = {}
    for name in main_window.page:
        main_window.show_page(name)
        assert main_window.pages.currentWidget() is main_window.page[name]
        found = _unnamed(main_window)
        if found:
            problems[name] = found
    # The shell's own controls (top bar, sidebar) must all be named.
    shell_only = [p for p in _unnamed(main_window.workspace) if "topbar" in p or "Sidebar" in p]
    assert shell_only == []
    assert problems == {}, problems


def test_no_data_yet_lists_every_category_dimmed_without_notes(qtbot, shell_vault, main_window):
    unlock(qtbot, main_window)
    qtbot.waitUntil(lambda: not main_window._loading, timeout=10_000)
    sidebar = main_window.sidebar
    assert not sidebar.data.has_imports
    dim = sidebar.palette().color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text)
    for category in TIKTOK_CATEGORIES:
        item = sidebar.item_for(category_key(category))
        assert item is not None
        assert item.text(1) == ""  # nothing to say "empty" about before any import
        assert item.foreground(0).color() == dim
    assert main_window.pages.currentWidget() is main_window.page["overview"]


def test_missing_page_module_shows_a_placeholder(qtbot, shell_ctx, monkeypatch):
    from plainview.ui import main_window as mw

    monkeypatch.setitem(mw.PAGES, "audit", ("no_such_page_module", "NoSuchPage"))
    window = mw.MainWindow(shell_ctx)
    qtbot.addWidget(window)
    page = window.page["audit"]
    assert isinstance(page, mw.PlaceholderPage)
    assert page.text() == "This page is not available yet."


def test_arrow_keys_move_through_the_sidebar_skipping_headers(
    qtbot, shell_vault, main_window, shell_ctx
):
    _unlocked_with_data(qtbot, main_window, shell_ctx)
    sidebar = main_window.sidebar
    sidebar.setFocus()
    sidebar.select(OVERVIEW)
    qtbot.keyClick(sidebar, Qt.Key.Key_Down)
    first = sidebar.section_keys()[1]
    assert sidebar.current_key == first  # the "Most sensitive" header was skipped
    assert main_window.pages.currentWidget() is main_window.page["category"]
    qtbot.keyClick(sidebar, Qt.Key.Key_End)
    assert sidebar.current_key == AUDIT
    qtbot.keyClick(sidebar, Qt.Key.Key_Up)
    assert sidebar.current_key == CHOICES  # pinned below the list, still one walk
