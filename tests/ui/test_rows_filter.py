"""The filter box in every category — watch history and likes included — by video id, a pasted
link or a date as the table shows it (the user's own zone); global search finds such rows too;
a filter that matches nothing says so; counts agree with the rows shown."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import QLocale

from plainview.importers import run_import
from plainview.importers.common import item_text
from plainview.insights import zones
from plainview.model import Record
from plainview.ui.category_page import CategoryPage
from plainview.ui.search_page import RECORD_ID_ROLE, SearchPage
from tests.fixtures.plugin_pages import seed
from tests.fixtures.tiktok_export import build_export

T0 = datetime(2025, 1, 31, 20, 30, tzinfo=UTC)  # 04:30 on 1 February in Shanghai
VIDEO = 7_000_000_000_000_000_000


def _item(category: str, i: int, when: datetime, *, lower: bool = False) -> Record:
    link = f"https://www.tiktokv.com/share/video/{VIDEO + i}/"
    fields = (
        {"date": when.strftime("%Y-%m-%d %H:%M:%S"), "link": link}
        if lower
        else {"Date": when.strftime("%Y-%m-%d %H:%M:%S"), "Link": link}
    )
    path = "user_data_tiktok.json:Your Activity/List"
    # the words the importer indexes for such an item
    return Record(category, when, fields, path, item_text(fields, category=category))


@pytest.fixture
def shanghai(monkeypatch):
    monkeypatch.setattr(zones, "local_zone", lambda: ZoneInfo("Asia/Shanghai"))


def _page(qtbot, ctx) -> CategoryPage:
    page = CategoryPage(ctx)
    qtbot.addWidget(page)
    page.resize(1200, 800)
    page.show()
    return page


def _filter(qtbot, page, text):
    page.filter_edit.setText(text)
    page._apply_filter()
    qtbot.waitUntil(
        lambda: not page.model.busy and (not text or page._filter_count is not None), timeout=5000
    )


def _links(page):
    return [
        page.model.record_at(r).fields.get("Link") or page.model.record_at(r).fields["link"]
        for r in range(page.model.rowCount())
    ]


@pytest.mark.parametrize(
    ("category", "lower"), [("tiktok.watch_history", False), ("tiktok.likes", True)]
)
def test_filter_by_video_id_link_and_local_date(qtbot, pages_ctx, vault, shanghai, category, lower):
    seed(vault, [_item(category, i, T0 + timedelta(hours=12 * i), lower=lower) for i in range(6)])
    page = _page(qtbot, pages_ctx)
    page.show_category(category)
    qtbot.waitUntil(page.details_loaded, timeout=10_000)
    assert page.model.rowCount() == 6
    target = f"https://www.tiktokv.com/share/video/{VIDEO + 3}/"

    _filter(qtbot, page, str(VIDEO + 3))  # the video id
    assert _links(page) == [target]
    assert page.count_label.text() == "1 of 6 records match"

    _filter(qtbot, page, target)  # the link as pasted
    assert _links(page) == [target]

    # 1 February in Shanghai: 20:30 UTC on 31 January and 08:30 UTC on 1 February
    _filter(qtbot, page, "2025-02-01")
    assert sorted(_links(page)) == [
        f"https://www.tiktokv.com/share/video/{VIDEO + i}/" for i in (0, 1)
    ]
    assert page.count_label.text() == "2 of 6 records match"
    _filter(qtbot, page, "2025-02")  # a month
    assert page.model.rowCount() == 6
    _filter(qtbot, page, "2025-01-31")  # in UTC it was; here it was not
    assert page.model.rowCount() == 0


@pytest.mark.parametrize("locale", ["en_US", "zh_CN"])  # as the app sets them
def test_filter_by_the_date_as_the_table_shows_it(qtbot, pages_ctx, vault, locale):
    before = QLocale()
    QLocale.setDefault(QLocale(locale))
    seed(vault, [_item("tiktok.likes", i, T0 + timedelta(days=i)) for i in range(4)])
    page = _page(qtbot, pages_ctx)
    page.show_category("tiktok.likes")
    qtbot.waitUntil(page.details_loaded, timeout=10_000)
    newest = page.model.record_at(0).id
    shown = page.model.data(
        page.model.index(0, 0)
    )  # "3 February 2025, 14:05", "2025年2月3日 14:05"
    shown_date = shown.rsplit(" ", 1)[0].rstrip(",")  # the day, without the time
    try:
        _filter(qtbot, page, shown_date)
        assert [page.model.record_at(r).id for r in range(page.model.rowCount())] == [newest]
    finally:
        QLocale.setDefault(before)


def test_a_filter_with_no_matches_says_so(qtbot, pages_ctx, vault):
    seed(vault, [_item("tiktok.watch_history", i, T0 + timedelta(hours=i)) for i in range(3)])
    page = _page(qtbot, pages_ctx)
    page.show_category("tiktok.watch_history")
    qtbot.waitUntil(page.details_loaded, timeout=10_000)
    assert not page.no_match_label.isVisible()
    _filter(qtbot, page, "nothing-like-this")
    assert page.model.rowCount() == 0
    assert page.no_match_label.isVisible()
    assert page.no_match_label.text().startswith("No rows match “nothing-like-this”.")
    assert page.count_label.text() == "0 of 3 records match"
    _filter(qtbot, page, "")
    assert not page.no_match_label.isVisible()
    assert page.count_label.text() == "3 records"


def test_counts_agree_with_one_row_per_field(qtbot, pages_ctx, vault):
    profile = {"userName": "me.example", "bioDescription": "hi", "PlatformInfo": []}
    seed(vault, [Record("tiktok.profile", None, profile, "x:Profile Info", "me.example hi")])
    page = _page(qtbot, pages_ctx)
    page.show_category("tiktok.profile")
    qtbot.waitUntil(page.details_loaded, timeout=10_000)
    assert page.model.rowCount() == 3
    assert page.count_label.text() == "1 record · 3 fields, one per row"
    labels = [page.model.data(page.model.index(r, 0)) for r in range(3)]
    assert "Bio" in labels and "bioDescription" not in labels


def _search(qtbot, page, text):
    with qtbot.waitSignal(page.searched, timeout=10_000):
        page.search(text)


def test_global_search_finds_watch_history_and_likes_of_an_import(
    qtbot, pages_ctx, vault, tmp_path: Path, shanghai
):
    export = build_export("v2")  # likes with lowercase keys, watch history with Link
    run_import(vault, export.write_zip(tmp_path / "export.zip"))
    watched = vault.records("tiktok.watch_history", limit=1)[0]
    liked = vault.records("tiktok.likes", limit=1)[0]
    page = SearchPage(pages_ctx)
    qtbot.addWidget(page)
    page.show()
    video_id = watched.fields["Link"].rstrip("/").rsplit("/", 1)[-1]
    _search(qtbot, page, video_id)
    assert _hit_ids(page) == {watched.id}
    _search(qtbot, page, liked.fields["link"])  # a pasted link
    assert liked.id in _hit_ids(page)
    day = liked.occurred_at.astimezone(ZoneInfo("Asia/Shanghai")).strftime("%Y-%m-%d")
    _search(qtbot, page, day)  # a date: that day's records, of every category
    assert liked.id in _hit_ids(page)


def _hit_ids(page) -> set[int]:
    ids = set()
    for g in range(page.model.rowCount()):
        group = page.model.item(g)
        for r in range(group.rowCount()):
            ids.add(int(group.child(r, 0).data(RECORD_ID_ROLE)))
    return ids


def test_a_filter_stays_applied_when_the_data_changes(qtbot, pages_ctx, vault):
    seed(vault, [_item("tiktok.watch_history", i, T0 + timedelta(hours=i)) for i in range(5)])
    page = _page(qtbot, pages_ctx)
    page.show_category("tiktok.watch_history")
    qtbot.waitUntil(page.details_loaded, timeout=10_000)
    _filter(qtbot, page, str(VIDEO + 2))
    assert page.model.rowCount() == 1
    seed(vault, [_item("tiktok.watch_history", i, T0 + timedelta(hours=i)) for i in range(5, 8)])
    pages_ctx.data_changed.emit()  # an import finished
    page.refresh()
    qtbot.waitUntil(
        lambda: page.details_loaded() and not page.model.busy and page._filter_count == 1,
        timeout=10_000,
    )
    assert page.filter_edit.text() == str(VIDEO + 2)
    assert page.model.rowCount() == 1  # the box still says it, so the rows still obey it
    assert page.count_label.text() == "1 of 8 records match"
