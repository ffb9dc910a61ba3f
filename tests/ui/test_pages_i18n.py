"""The content pages follow a language change live, and their layouts survive long strings."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from PySide6.QtCore import QCoreApplication, Qt, QTranslator
from PySide6.QtWidgets import QApplication

from plainview.resources import resource
from plainview.ui.category_page import CategoryPage
from plainview.ui.import_page import ImportPage
from plainview.ui.overview_page import OverviewPage
from plainview.ui.search_page import SearchPage
from tests.fixtures.plugin_pages import login, seed

T0 = datetime(2025, 5, 1, 8, 30, tzinfo=UTC)


class LongTranslator(QTranslator):
    """German-length pseudo translation: every string three times as long."""

    def translate(self, context, source, disambiguation=None, n=-1):
        if not source or "{" in source or "&" in source or "<" in source:
            return source
        return f"{source} — {source.upper()} — {source}"


@pytest.fixture
def chinese(qapp):
    translator = QTranslator()
    data = resource("i18n", "plainview_pages_zh_CN.qm").read_bytes()
    assert translator.load(data)
    yield translator
    QCoreApplication.removeTranslator(translator)


def test_pages_switch_to_chinese_live(qtbot, pages_ctx, vault, chinese):
    seed(vault, [login(1, "192.0.2.1", "Pixel", T0)])
    overview, category = OverviewPage(pages_ctx), CategoryPage(pages_ctx)
    search, imp = SearchPage(pages_ctx), ImportPage(pages_ctx)
    for page in (overview, category, search, imp):
        qtbot.addWidget(page)
    category.show_category("tiktok.logins")
    qtbot.waitUntil(category.details_loaded, timeout=10_000)
    assert category.data_heading.text() == "Your data"
    QCoreApplication.installTranslator(chinese)  # as the shell does on a language change
    pages_ctx.set_language("zh_CN")
    assert overview.empty_title.text() == "还没有数据"
    assert category.data_heading.text() == "你的数据"
    assert category.model.headerData(0, Qt.Orientation.Horizontal) == "日期"
    assert category.share_selector.buttons["private"].text() == "私密"
    assert category.explanation.badge.label.text() == "最敏感"
    assert search.title.text() == "搜索"
    assert imp.title.text() == "导入你的 TikTok 数据"
    assert "JSON" in imp.steps.text()
    # the explanation itself now comes from the Chinese catalog
    assert category.explanation.title.text() == pages_ctx.catalog().title("tiktok.logins")
    assert pages_ctx.catalog().title("tiktok.logins") != "Login history"
    # facts about the user's data are fetched again, worded in Chinese
    from plainview.insights import facts_for, local_zone

    qtbot.waitUntil(category.details_loaded, timeout=10_000)
    zh_facts = [f.text for f in facts_for(vault, "tiktok.logins", lang="zh_CN", tz=local_zone())]
    qtbot.waitUntil(lambda: category.explanation.fact_texts() == zh_facts, timeout=10_000)


def test_layouts_hold_long_strings(qtbot, pages_ctx, vault, qapp):
    seed(vault, [login(1, "192.0.2.1", "Pixel", T0)])
    translator = LongTranslator()
    QApplication.installTranslator(translator)
    try:
        pages = [
            OverviewPage(pages_ctx),
            CategoryPage(pages_ctx),
            SearchPage(pages_ctx),
            ImportPage(pages_ctx),
        ]
        for page in pages:
            qtbot.addWidget(page)
            page.retranslate()
            page.resize(1000, 700)
            page.show()
        pages[1].show_category("tiktok.logins")
        qtbot.waitUntil(pages[1].details_loaded, timeout=10_000)
        assert " — YOUR DATA — " in pages[1].data_heading.text()
        for page in pages:
            # word-wrapped texts: a long translation never forces a huge window
            assert page.minimumSizeHint().width() <= 1000, type(page).__name__
    finally:
        QApplication.removeTranslator(translator)
