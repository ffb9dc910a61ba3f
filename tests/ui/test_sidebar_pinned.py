"""My choices and Guided audit stay visible below the scrolling category list, even at
1024×720 with every category holding data; the keyboard still walks through all entries."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import QAbstractItemView, QApplication

from plainview.model import TIKTOK_CATEGORIES, Record
from plainview.ui.sidebar import AUDIT, CHOICES, KEY_ROLE, OVERVIEW, category_key
from plainview.ui.theme import apply_theme
from tests.fixtures.plugin_pages import seed
from tests.fixtures.plugin_ui import unlock

T0 = datetime(2024, 3, 1, tzinfo=UTC)


def _full_data(qtbot, window, ctx):
    """Every category holds records: the longest sidebar there can be (drawn with the app's
    own style sheet, as users see it; shell_ctx puts the system theme back afterwards)."""
    apply_theme(QApplication.instance(), "dark")
    unlock(qtbot, window)
    records = [
        Record(category, T0 + timedelta(minutes=i * 7 + n), {"n": n}, f"test:{category}", "")
        for i, category in enumerate(TIKTOK_CATEGORIES)
        for n in range(i + 1)
    ]
    seed(ctx.vault, records)
    ctx.data_changed.emit()
    qtbot.waitUntil(
        lambda: len(window.sidebar.data.counts) == len(TIKTOK_CATEGORIES), timeout=10_000
    )


def _shown_rect(window, key: str) -> QRect:
    """Where ``key`` is drawn, in window coordinates, by whichever visible view shows it
    (an empty rect when no view draws it inside its viewport)."""
    for view in window.findChildren(QAbstractItemView):
        model = view.model()
        if not view.isVisible() or model is None:
            continue
        for row in range(model.rowCount()):
            index = model.index(row, 0)
            if index.data(KEY_ROLE) != key or view.isIndexHidden(index):
                continue
            if hasattr(view, "isRowHidden") and view.isRowHidden(row, index.parent()):
                continue
            rect = view.visualRect(index)
            if rect.isEmpty() or not view.viewport().rect().contains(rect):
                continue
            top_left = view.viewport().mapTo(window, rect.topLeft())
            return QRect(top_left, rect.size())
    return QRect()


def _visible_in_window(window, key: str) -> bool:
    rect = _shown_rect(window, key)
    return not rect.isEmpty() and window.rect().contains(rect)


def test_bottom_entries_stay_visible_at_720px(qtbot, shell_vault, main_window, shell_ctx):
    window = main_window
    window.resize(1024, 720)
    _full_data(qtbot, window, shell_ctx)
    qtbot.waitUntil(lambda: window.height() == 720)
    for key in (CHOICES, AUDIT):
        assert _visible_in_window(window, key), key
    # Scrolling the category list (to its end and back) never moves them away.
    last = category_key(TIKTOK_CATEGORIES[0])
    window.sidebar.select(last)
    window.sidebar.scrollToBottom()
    assert _visible_in_window(window, AUDIT)
    window.sidebar.scrollToTop()
    assert _visible_in_window(window, AUDIT)
    assert _visible_in_window(window, OVERVIEW)


def test_pinned_entries_are_clickable_and_highlighted(qtbot, shell_vault, main_window, shell_ctx):
    window = main_window
    window.resize(1024, 720)
    _full_data(qtbot, window, shell_ctx)
    rect = _shown_rect(window, AUDIT)
    assert not rect.isEmpty()
    target = window.childAt(rect.center())
    assert target is not None
    qtbot.mouseClick(target, Qt.MouseButton.LeftButton, pos=target.mapFrom(window, rect.center()))
    assert window.sidebar.current_key == AUDIT
    assert window.pages.currentWidget() is window.page["audit"]
    assert window.sidebar.currentItem() is window.sidebar.item_for(AUDIT)
    assert window.sidebar.item_for(AUDIT).isSelected()
    # Going back to a category leaves only that category selected.
    window.sidebar.select(category_key("tiktok.logins"))
    assert not window.sidebar.item_for(AUDIT).isSelected()
    assert window.pages.currentWidget() is window.page["category"]


def test_keyboard_walks_from_the_list_into_the_pinned_entries_and_back(
    qtbot, shell_vault, main_window, shell_ctx
):
    window = main_window
    window.resize(1024, 720)
    _full_data(qtbot, window, shell_ctx)
    sidebar = window.sidebar
    sidebar.setFocus()
    qtbot.waitUntil(sidebar.hasFocus)
    keys = sidebar.keys()
    last_category = keys[keys.index(CHOICES) - 1]
    sidebar.select(last_category)
    qtbot.keyClick(sidebar, Qt.Key.Key_Down)
    assert sidebar.current_key == CHOICES
    assert window.pages.currentWidget() is window.page["choices"]
    focused = window.focusWidget()
    assert focused is not None
    qtbot.keyClick(focused, Qt.Key.Key_Down)
    assert sidebar.current_key == AUDIT
    qtbot.keyClick(window.focusWidget(), Qt.Key.Key_Down)
    assert sidebar.current_key == AUDIT  # the end: nothing below
    qtbot.keyClick(window.focusWidget(), Qt.Key.Key_Up)
    qtbot.keyClick(window.focusWidget(), Qt.Key.Key_Up)
    assert sidebar.current_key == last_category
    assert window.focusWidget() is sidebar
    qtbot.keyClick(window.focusWidget(), Qt.Key.Key_End)
    assert sidebar.current_key == AUDIT
    qtbot.keyClick(window.focusWidget(), Qt.Key.Key_Home)
    assert sidebar.current_key == OVERVIEW
    assert window.focusWidget() is sidebar


def test_pinned_entries_follow_a_language_switch(qtbot, shell_vault, main_window, shell_ctx):
    main_window.resize(1024, 720)
    _full_data(qtbot, main_window, shell_ctx)
    with qtbot.waitSignal(shell_ctx.language_changed):
        shell_ctx.set_language("zh_CN")
    assert main_window.sidebar.item_for(AUDIT).text(0) == "引导式审计"
    # Chinese rows are taller: the pinned area grows with them once the layout has run.
    qtbot.waitUntil(lambda: _visible_in_window(main_window, AUDIT))
    assert _visible_in_window(main_window, CHOICES)
    pinned = main_window.sidebar.pinned
    assert pinned.viewport().height() >= pinned.sizeHint().height()
