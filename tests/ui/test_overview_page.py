"""The overview over the real vault: numbers match the vault, tiles open categories (mouse and
keyboard), import history, and the empty state that points to Import."""

from __future__ import annotations

import html
from datetime import UTC, datetime, timedelta

from PySide6.QtCore import Qt

from plainview.ui.overview_page import OverviewPage, format_date
from tests.fixtures.plugin_pages import login, search_term, seed, unnamed_controls, watch

T0 = datetime(2025, 5, 1, 8, 30, tzinfo=UTC)


def _page(qtbot, ctx) -> OverviewPage:
    page = OverviewPage(ctx)
    qtbot.addWidget(page)
    page.resize(1100, 800)
    page.show()
    return page


def _load(qtbot, page):
    page.refresh()
    qtbot.waitUntil(page.is_loaded, timeout=10_000)


def test_empty_vault_points_to_import(qtbot, pages_ctx):
    page = _page(qtbot, pages_ctx)
    _load(qtbot, page)
    assert page.stack.currentWidget() is page.empty
    with qtbot.waitSignal(page.import_requested):
        page.import_button.click()
    assert unnamed_controls(page) == []


def test_numbers_match_the_vault(qtbot, pages_ctx, vault):
    seed(vault, (watch(i) for i in range(1234)), source="first.zip")
    seed(
        vault,
        [
            *(login(i, f"192.0.2.{i}", "Pixel", T0 + timedelta(hours=i)) for i in range(7)),
            search_term("sourdough", T0),
        ],
        source="second.zip",
    )
    page = _page(qtbot, pages_ctx)
    _load(qtbot, page)
    assert page.stack.currentWidget() is page.scroll_area
    counts = vault.category_counts()
    assert set(page.tiles) == {c for c, n in counts.items() if n}
    for category, tile in page.tiles.items():
        n = counts[category]
        assert tile.count.text() == (
            "1 record" if n == 1 else f"{page.locale().toString(n)} records"
        )
        assert tile.badge.label.text() in ("Most sensitive", "Sensitive", "Less sensitive")
        assert tile.accessibleName().startswith(tile.title.text())
    assert page.tiles["tiktok.logins"].title.text() == pages_ctx.catalog().title("tiktok.logins")
    summary = page.summary.text()
    assert "3 of 27 kinds of data" in summary
    assert f"{page.locale().toString(1242)} records in all" in summary
    from plainview.insights import coverage, headline_facts, local_zone

    facts = headline_facts(vault, lang="en", limit=5, tz=local_zone())
    assert facts
    for fact in facts:
        assert html.escape(fact.text) in page.facts.text()
    start, end = coverage(vault)
    assert f"Your data covers {format_date(start, page.locale())} to " in summary
    assert format_date(end, page.locale()) in summary
    history = page.history.text()
    assert "first.zip" in history and "second.zip" in history
    assert f"{page.locale().toString(1234)} new" in history
    assert "Login history" not in page.no_data_label.text()
    assert pages_ctx.catalog().title("tiktok.blocked") in page.no_data_label.text()
    assert unnamed_controls(page) == []


def test_tiles_open_categories_by_mouse_and_keyboard(qtbot, pages_ctx, vault):
    seed(vault, [login(1, "192.0.2.1", "Pixel", T0), search_term("cats", T0)])
    page = _page(qtbot, pages_ctx)
    _load(qtbot, page)
    tile = page.tiles["tiktok.searches"]
    with qtbot.waitSignal(page.category_requested) as sig:
        qtbot.mouseClick(tile, Qt.MouseButton.LeftButton)
    assert sig.args == ["tiktok.searches"]
    other = page.tiles["tiktok.logins"]
    other.setFocus()
    with qtbot.waitSignal(page.category_requested) as sig:
        qtbot.keyClick(other, Qt.Key.Key_Space)
    assert sig.args == ["tiktok.logins"]
    with qtbot.waitSignal(page.category_requested) as sig:
        qtbot.keyClick(tile, Qt.Key.Key_Return)
    assert sig.args == ["tiktok.searches"]


def test_lock_clears(qtbot, pages_ctx, vault):
    seed(vault, [login(1, "192.0.2.1", "Pixel", T0)])
    page = _page(qtbot, pages_ctx)
    _load(qtbot, page)
    pages_ctx.lock()
    assert page.tiles == {}
    assert page.history.text() == ""
    assert not page.is_loaded()
