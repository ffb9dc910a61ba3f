"""Search over the real vault: grouped results, highlighted words, keyboard navigation, Enter
opens the right category and row, and the "No results" state."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from PySide6.QtCore import Qt

from plainview.model import Record
from plainview.ui.category_page import CategoryPage
from plainview.ui.search_page import CATEGORY_ROLE, RECORD_ID_ROLE, TERMS_ROLE, SearchPage
from tests.fixtures.plugin_pages import search_term, seed, unnamed_controls, watch

T0 = datetime(2025, 5, 1, 8, 30, tzinfo=UTC)


def message(text: str, when: datetime) -> Record:
    fields = {"Date": when.strftime("%Y-%m-%d %H:%M:%S"), "From": "friend.example", "Content": text}
    return Record("tiktok.direct_messages", when, fields, "x:ChatHistory", text)


def _seeded(vault):
    seed(
        vault,
        [
            *(search_term(f"sourdough {i}", T0 + timedelta(days=i)) for i in range(3)),
            search_term("bike repair", T0),
            message("did you see that sourdough video?", T0 + timedelta(hours=5)),
            *(watch(i) for i in range(50)),
        ],
    )


def _page(qtbot, ctx) -> SearchPage:
    page = SearchPage(ctx)
    qtbot.addWidget(page)
    page.resize(900, 600)
    page.show()
    return page


def test_results_grouped_with_terms_marked(qtbot, pages_ctx, vault):
    _seeded(vault)
    page = _page(qtbot, pages_ctx)
    with qtbot.waitSignal(page.searched, timeout=10_000) as sig:
        page.search("Sourdough")
    assert sig.args == [4]
    groups = [page.model.item(r) for r in range(page.model.rowCount())]
    assert [g.data(CATEGORY_ROLE) for g in groups] == ["tiktok.searches", "tiktok.direct_messages"]
    assert groups[0].text() == "Searches (3)"
    assert groups[0].rowCount() == 3
    child = groups[1].child(0, 1)
    assert "did you see that sourdough video?" in child.text()
    assert groups[1].child(0, 0).text()  # the time, in its own column
    assert child.data(TERMS_ROLE) == ["Sourdough"]
    assert page.status.text() == "4 results for “Sourdough”."
    assert not page.results.viewport().grab().isNull()  # the highlighting delegate paints
    assert unnamed_controls(page) == []


def test_no_results_state(qtbot, pages_ctx, vault):
    _seeded(vault)
    page = _page(qtbot, pages_ctx)
    with qtbot.waitSignal(page.searched, timeout=10_000):
        page.search("zzzz-nothing")
    assert page.status.text() == "No results for “zzzz-nothing”."
    assert not page.results.isVisible()


def test_keyboard_enter_opens_the_right_category_and_row(qtbot, pages_ctx, vault):
    _seeded(vault)
    page = _page(qtbot, pages_ctx)
    category_page = CategoryPage(pages_ctx)
    qtbot.addWidget(category_page)
    category_page.show()
    page.record_requested.connect(category_page.show_category)
    with qtbot.waitSignal(page.searched, timeout=10_000):
        qtbot.keyClicks(page.query_edit, "bike")
        qtbot.keyClick(page.query_edit, Qt.Key.Key_Return)
    expected = vault.search("bike")[0]
    qtbot.keyClick(page.query_edit, Qt.Key.Key_Down)  # into the results
    assert page.focusWidget() is page.results
    index = page.results.currentIndex()
    assert index.data(RECORD_ID_ROLE) == expected.id
    with qtbot.waitSignal(page.record_requested) as sig:
        qtbot.keyClick(page.results, Qt.Key.Key_Return)
    assert sig.args == ["tiktok.searches", expected.id]
    qtbot.waitUntil(category_page.details_loaded, timeout=10_000)
    assert category_page.category == "tiktok.searches"
    assert category_page.current_record_id() == expected.id


def test_arrows_move_between_results(qtbot, pages_ctx, vault):
    _seeded(vault)
    page = _page(qtbot, pages_ctx)
    with qtbot.waitSignal(page.searched, timeout=10_000):
        page.search("sourdough")
    page.results.setFocus()
    page.results.setCurrentIndex(page.model.item(0).child(0).index())
    ids = []
    for _ in range(3):
        ids.append(page.results.currentIndex().data(RECORD_ID_ROLE))
        qtbot.keyClick(page.results, Qt.Key.Key_Down)
    assert len(set(ids)) == 3


def test_lock_clears_results(qtbot, pages_ctx, vault):
    _seeded(vault)
    page = _page(qtbot, pages_ctx)
    with qtbot.waitSignal(page.searched, timeout=10_000):
        page.search("sourdough")
    pages_ctx.lock()
    assert page.model.rowCount() == 0
    assert page.query_edit.text() == ""
