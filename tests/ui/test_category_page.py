"""The category page over the real vault and catalog: explanation, table, counts, share level,
empty states, opening a given record, links through the seam, accessible names."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from PySide6.QtCore import QPoint, Qt, QUrl

from plainview.sharing.choices import get_choices, ledger
from plainview.ui.category_page import CategoryPage
from plainview.ui.explanation_view import ExplanationView
from plainview.ui.records_model import PAGE_SIZE
from tests.fixtures.plugin_pages import login, seed, unnamed_controls, watch

T0 = datetime(2025, 5, 1, 8, 30, tzinfo=UTC)


def _page(qtbot, ctx) -> CategoryPage:
    page = CategoryPage(ctx)
    qtbot.addWidget(page)
    page.resize(1200, 800)
    page.show()
    return page


def _show(qtbot, page, category, record_id=None):
    page.show_category(category, record_id)
    qtbot.waitUntil(page.details_loaded, timeout=10_000)


def test_logins_page_shows_explanation_table_and_count(qtbot, pages_ctx, vault, monkeypatch):
    from plainview.insights import zones

    monkeypatch.setattr(zones, "local_zone", lambda: UTC)  # the chart is in local time
    seed(vault, (login(i, f"192.0.2.{i}", "Pixel 7", T0 + timedelta(hours=i)) for i in range(12)))
    page = _page(qtbot, pages_ctx)
    _show(qtbot, page, "tiktok.logins")
    expl = pages_ctx.catalog().explain("tiktok.logins", policy="eea")
    assert page.explanation.title.text() == expl.title
    assert expl.what.split()[0] in page.explanation.section_text("what")
    assert "href=" in page.explanation.section_text("why")
    assert page.explanation.badge.label.text() == "Most sensitive"
    assert page.model.rowCount() == 12
    assert page.count_label.text() == "12 records"
    assert not page.empty_label.isVisible()
    assert page.table.isVisible()
    # facts about this category and the chart, computed off the GUI thread by insights
    from plainview.insights import facts_for, local_zone

    # the page states hours in the user's own zone
    expected = [f.text for f in facts_for(vault, "tiktok.logins", tz=local_zone())]
    assert page.explanation.fact_texts() == expected
    assert page.explanation.fact_texts()
    assert page.chart.isVisible()
    assert sum(page.chart.hours()) == 12
    assert page.chart.hours()[8:20] == [1] * 12  # 08:30 … 19:30 UTC, one login per hour
    assert page.chart.point_count() >= 1


def test_source_link_opens_through_the_seam(qtbot, pages_ctx, vault, monkeypatch):
    opened: list[QUrl] = []
    monkeypatch.setattr(ExplanationView, "open_url", lambda url: opened.append(url))
    page = _page(qtbot, pages_ctx)
    _show(qtbot, page, "tiktok.logins")
    expl = pages_ctx.catalog().explain("tiktok.logins", policy="eea")
    url = expl.why[0].source.url
    page.explanation._sections["why"][1].linkActivated.emit(url)
    assert [u.toString() for u in opened] == [url]
    page.explanation._sections["why"][1].linkActivated.emit("file:///etc/passwd")
    assert len(opened) == 1  # only web links open


def test_share_selector_writes_the_choice(qtbot, pages_ctx, vault):
    seed(vault, [login(1, "192.0.2.1", "Pixel", T0)])
    page = _page(qtbot, pages_ctx)
    _show(qtbot, page, "tiktok.logins")
    assert page.share_selector.isEnabled()
    assert page.share_selector.buttons["private"].isChecked()
    with qtbot.waitSignal(page.share_changed) as sig:
        page.share_selector.buttons["anonymized"].click()
    assert sig.args == ["tiktok.logins", "anonymized"]
    assert get_choices(vault)["tiktok.logins"].share == "anonymized"
    assert [(e.subject, e.old, e.new) for e in ledger(vault)] == [
        ("tiktok.logins", "private", "anonymized")
    ]
    assert "Anonymized" in page.share_selector.meaning.text()
    assert "Login history" in page.share_selector.meaning.text()
    # shown again later, the page reads the stored level
    page.clear()
    _show(qtbot, page, "tiktok.logins")
    assert page.share_selector.buttons["anonymized"].isChecked()


def test_empty_and_missing_sections(qtbot, pages_ctx, vault):
    seed(
        vault,
        [login(1, "192.0.2.1", "Pixel", T0)],
        sections=[
            ("Your Activity/Login History", "tiktok.logins", "imported", 1),
            ("Profile And Settings/Block List", "tiktok.blocked", "empty", 0),
        ],
    )
    page = _page(qtbot, pages_ctx)
    _show(qtbot, page, "tiktok.blocked")
    assert page.empty_label.isVisible()
    assert page.empty_label.text() == "TikTok's export had this section, but it was empty."
    assert not page.table.isVisible()
    _show(qtbot, page, "tiktok.shop")
    assert page.empty_label.text() == "This export did not include it."


def test_open_a_record_deep_in_a_long_list(qtbot, pages_ctx, vault):
    seed(vault, (watch(i) for i in range(PAGE_SIZE * 8)))
    newest_first = vault.records("tiktok.watch_history", limit=PAGE_SIZE * 8)
    near = newest_first[PAGE_SIZE + 5]
    far = newest_first[PAGE_SIZE * 7 + 3]
    page = _page(qtbot, pages_ctx)
    _show(qtbot, page, "tiktok.watch_history", near.id)
    assert page.current_record_id() == near.id
    assert not page.start_notice.isVisible()
    _show(qtbot, page, "tiktok.watch_history", far.id)
    assert page.current_record_id() == far.id
    assert page.start_notice.isVisible()  # the table starts at the record
    page.show_all_button.click()
    assert page.model.record_at(0).id == newest_first[0].id


def test_header_click_sorts_by_any_column(qtbot, pages_ctx, vault):
    seed(vault, (login(i, f"192.0.2.{i}", "Pixel", T0 + timedelta(hours=i)) for i in range(5)))
    page = _page(qtbot, pages_ctx)
    _show(qtbot, page, "tiktok.logins")
    header = page.table.horizontalHeader()
    assert page.model.record_at(0).occurred_at == T0 + timedelta(hours=4)
    page.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)  # what a click on "Date" does
    assert page.model.order == "time_asc"
    assert page.model.record_at(0).occurred_at == T0
    with qtbot.waitSignal(page.model.reloaded, timeout=5000):
        page.table.sortByColumn(1, Qt.SortOrder.DescendingOrder)  # IP address
    assert header.sortIndicatorSection() == 1
    assert header.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder
    assert page.model.data(page.model.index(0, 1)) == "192.0.2.4"
    assert not page.sort_notice.isVisible()
    assert "sort" in header.accessibleName()


def test_header_click_on_too_many_rows_explains_why(qtbot, pages_ctx, vault):
    seed(vault, (login(i, f"192.0.2.{i}", "Pixel", T0 + timedelta(hours=i)) for i in range(8)))
    page = _page(qtbot, pages_ctx)
    _show(qtbot, page, "tiktok.logins")
    page.model.sort_limit = 5  # 8 rows stand for "more than 100,000"
    header = page.table.horizontalHeader()
    with qtbot.waitSignal(page.model.sort_refused, timeout=5000):
        page.table.sortByColumn(2, Qt.SortOrder.AscendingOrder)  # Device
    assert page.sort_notice.isVisible()
    assert page.sort_notice.text() == (
        "These 8 rows stay sorted by date: sorting by another column works for up to 5 "
        "rows. Filter the rows first to sort them by this column."
    )
    assert header.sortIndicatorSection() == 0  # the arrow is back on the date
    assert header.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder
    assert page.model.record_at(0).occurred_at == T0 + timedelta(hours=7)
    tip = page.model.headerData(2, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole)
    assert tip == page.sort_notice.text()
    with qtbot.waitSignal(page.model.reloaded, timeout=5000):
        qtbot.keyClicks(page.filter_edit, "192.0.2.3")
    assert not page.sort_notice.isVisible()  # a filter may leave few enough rows


def test_filter_box_filters_the_table(qtbot, pages_ctx, vault):
    seed(vault, (login(i, f"192.0.2.{i % 4}", "Pixel", T0 + timedelta(hours=i)) for i in range(20)))
    page = _page(qtbot, pages_ctx)
    _show(qtbot, page, "tiktok.logins")
    with qtbot.waitSignal(page.model.reloaded, timeout=5000):
        qtbot.keyClicks(page.filter_edit, "192.0.2.2")
    assert page.model.rowCount() == 5
    # the count is of the records that match (counted in the vault), next to the total
    qtbot.waitUntil(lambda: page.count_label.text() == "5 of 20 records match", timeout=5000)


def test_every_control_has_an_accessible_name_and_lock_clears(qtbot, pages_ctx, vault):
    seed(vault, [login(1, "192.0.2.1", "Pixel", T0)])
    page = _page(qtbot, pages_ctx)
    _show(qtbot, page, "tiktok.logins")
    assert unnamed_controls(page) == []
    pages_ctx.lock()
    assert page.model.rowCount() == 0
    assert page.category is None
    assert page.explanation.title.text() == ""


def test_share_level_by_keyboard(qtbot, pages_ctx, vault):
    seed(vault, [login(1, "192.0.2.1", "Pixel", T0)])
    page = _page(qtbot, pages_ctx)
    _show(qtbot, page, "tiktok.logins")
    private = page.share_selector.buttons["private"]
    private.setFocus()
    with qtbot.waitSignal(page.share_changed) as sig:
        qtbot.keyClick(private, Qt.Key.Key_Right)
    assert sig.args == ["tiktok.logins", "anonymized"]
    assert get_choices(vault)["tiktok.logins"].share == "anonymized"


def test_sort_from_the_keyboard_through_the_menu(qtbot, pages_ctx, vault, monkeypatch):
    seed(vault, (login(i, f"192.0.2.{i}", "Pixel", T0 + timedelta(hours=i)) for i in range(5)))
    page = _page(qtbot, pages_ctx)
    _show(qtbot, page, "tiktok.logins")
    assert page.table.accessibleDescription()
    time_menu = page.sort_menu(0)
    assert [a.text() for a in time_menu.actions()] == ["Newest first", "Oldest first"]
    assert time_menu.actions()[0].isChecked()
    time_menu.actions()[1].trigger()
    assert page.model.order == "time_asc"
    ip_menu = page.sort_menu(1)
    texts = [a.text() for a in ip_menu.actions()]
    assert texts == ["Sort by “IP address”, A to Z", "Sort by “IP address”, Z to A"]
    with qtbot.waitSignal(page.model.reloaded, timeout=5000):
        ip_menu.actions()[1].trigger()
    assert page.model.sort_column == 1 and page.model.sort_descending
    assert page.table.horizontalHeader().sortIndicatorSection() == 1
    assert page.model.data(page.model.index(0, 1)) == "192.0.2.4"
    # the menu key on a cell opens the menu of that cell's column
    shown = []
    monkeypatch.setattr(page, "show_menu", lambda menu, _at: shown.append(menu.actions()[0].text()))
    page.table.setCurrentIndex(page.model.index(0, 2))
    page._table_menu_requested(QPoint(-1, -1))
    assert shown == ["Sort by “Device”, A to Z"]
