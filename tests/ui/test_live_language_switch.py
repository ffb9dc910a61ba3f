"""Switching the language while the app runs rebuilds every page cleanly: English → Chinese →
English, each tile once, dates and numbers in the new language on the overview, the category
page and the search page."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta

from plainview.ui.category_tile import CategoryTile
from tests.fixtures.plugin_pages import login, search_term, seed
from tests.fixtures.plugin_ui import unlock

# noon UTC: the same calendar day in every time zone a test machine may be in
T0 = datetime(2025, 5, 1, 12, 0, tzinfo=UTC)
T1 = datetime(2025, 9, 20, 12, 0, tzinfo=UTC)

# the overview's period, in each language's one date style (plainview.dates)
PERIOD = {"en": ("1 May 2025", "20 September 2025"), "zh_CN": ("2025年5月1日", "2025年9月20日")}
# a date and time in the table and in the search results, in the same style
SHORT = {
    "en": re.compile(r"^\d{1,2} [A-Z][a-z]+ \d{4}, \d{2}:\d{2}$"),
    "zh_CN": re.compile(r"^\d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2}$"),
}
# the other pages' titles
TITLES = {
    "en": {"choices": "My choices", "import": "Import your TikTok data"},
    "zh_CN": {"choices": "我的选择", "import": "导入你的 TikTok 数据"},
}
RECORDS_IN_ALL = {"en": "1,203 records in all", "zh_CN": "1,203"}


def _visible_tiles(overview) -> list[CategoryTile]:
    """The tiles a grab of the page would show (hidden or deleted ones excluded)."""
    box = overview.tiles_box
    return [t for t in box.findChildren(CategoryTile) if t.isVisibleTo(box)]


def _table_times(page) -> list[str]:
    model = page.model
    column = next(i for i, c in enumerate(model.columns()) if c.is_time)
    return [str(model.index(r, column).data()) for r in range(min(5, model.rowCount()))]


def _search_times(search) -> list[str]:
    model = search.model
    times = []
    for g in range(model.rowCount()):
        group = model.item(g)
        times += [group.child(r, 0).text() for r in range(group.rowCount())]
    return times


def test_live_switch_en_zh_en_rebuilds_every_page(qtbot, shell_vault, main_window, shell_ctx):
    window = main_window
    window.resize(1100, 720)
    unlock(qtbot, window)
    vault = shell_ctx.vault
    seed(
        vault,
        [
            *(login(i, f"192.0.2.{i % 9}", "Pixel", T0 + timedelta(hours=i)) for i in range(1200)),
            login(1200, "192.0.2.77", "Pixel", T1),
            search_term("sourdough", T0 + timedelta(days=3)),
            search_term("sourdough bread", T1 - timedelta(days=1)),
        ],
    )
    shell_ctx.data_changed.emit()
    overview = window.page["overview"]
    category = window.page["category"]
    search = window.page["search"]
    qtbot.waitUntil(lambda: len(overview.tiles) == 2, timeout=10_000)
    expected_tiles = 2  # login history, searches

    def check(lang: str) -> None:
        start, end = PERIOD[lang]
        window.show_page("overview")
        qtbot.waitUntil(lambda: start in overview.summary.text(), timeout=10_000)
        assert end in overview.summary.text()
        assert RECORDS_IN_ALL[lang] in overview.summary.text()
        assert len(_visible_tiles(overview)) == expected_tiles
        assert len(overview.tiles_box.findChildren(CategoryTile)) == expected_tiles
        title = shell_ctx.catalog().title("tiktok.logins")
        assert overview.tiles["tiktok.logins"].title.text() == title
        window.show_category("tiktok.logins")
        qtbot.waitUntil(category.details_loaded, timeout=10_000)
        times = _table_times(category)
        assert times and all(SHORT[lang].match(t) for t in times), times
        assert category.explanation.title.text() == title
        window.search_field.setText("sourdough")
        window._search()
        qtbot.waitUntil(lambda: len(_search_times(search)) == 2, timeout=10_000)
        assert all(SHORT[lang].match(t) for t in _search_times(search)), _search_times(search)
        for name, title in TITLES[lang].items():
            window.show_page(name)
            assert window.page[name].title.text() == title

    check("en")
    for lang in ("zh_CN", "en"):
        window.show_page("overview")
        shell_ctx.set_language(lang)
        # at once, before any event is handled: never a tile twice (a grab now shows this)
        assert len(_visible_tiles(overview)) == expected_tiles
        # the results already on the search page follow too
        qtbot.waitUntil(
            lambda lang=lang: all(SHORT[lang].match(t) for t in _search_times(search)),
            timeout=10_000,
        )
        check(lang)
        # and after the posted LanguageChange events have been handled too
        qtbot.waitUntil(lambda: len(overview.tiles_box.findChildren(CategoryTile)) == 2)
        assert len(_visible_tiles(overview)) == expected_tiles
