"""The lazy records table over the real vault: columns, times, sort, filter, keyset paging at
1,000,000 rows, and Qt's model checks (pytest-qt ``qtmodeltester``)."""

from __future__ import annotations

import time
from datetime import UTC, datetime, timedelta

from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import QTableView

from plainview.model import Record
from plainview.ui.records_model import (
    PAGE_SIZE,
    RECORD_ID_ROLE,
    RecordsModel,
    VaultRecordSource,
)
from tests.fixtures.plugin_pages import login, search_term, seed

T0 = datetime(2025, 5, 1, 8, 30, tzinfo=UTC)


def _logins(vault, n=30):
    seed(
        vault,
        (login(i, f"192.0.2.{i % 7}", f"Phone {i % 3}", T0 + timedelta(hours=i)) for i in range(n)),
    )


def test_login_columns_times_and_model_checks(qtbot, qtmodeltester, vault):
    _logins(vault)
    model = RecordsModel()
    model.set_source(VaultRecordSource(vault, "tiktok.logins"), "tiktok.logins")
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert headers[:3] == ["Date", "IP address", "Device"]
    assert model.rowCount() == 30
    # newest first; the IP column shows the item's IP
    newest = model.record_at(0)
    assert newest.occurred_at == T0 + timedelta(hours=29)
    assert model.data(model.index(0, 1)) == "192.0.2.1"  # 29 % 7
    assert model.data(model.index(0, 0), RECORD_ID_ROLE) == newest.id
    tooltip = model.data(model.index(0, 0), Qt.ItemDataRole.ToolTipRole)
    assert "2025-05-02 13:30:00 UTC" in tooltip
    assert model.data(model.index(0, 0))  # locale-formatted local time, non-empty
    qtmodeltester.check(model)


def test_sort_by_time_and_back_from_another_column(qtbot, vault):
    _logins(vault)
    model = RecordsModel()
    model.set_source(VaultRecordSource(vault, "tiktok.logins"), "tiktok.logins")
    model.sort(0, Qt.SortOrder.AscendingOrder)
    assert model.order == "time_asc"
    assert model.record_at(0).occurred_at == T0
    with qtbot.waitSignal(model.reloaded, timeout=5000):  # another column: off the GUI thread
        model.sort(1, Qt.SortOrder.DescendingOrder)
    assert model.sort_column == 1 and model.sort_descending
    assert model.data(model.index(0, 1)) == "192.0.2.6"
    model.sort(0, Qt.SortOrder.DescendingOrder)  # back to time: at once, from the index
    assert model.sort_column == 0
    assert model.record_at(0).occurred_at == T0 + timedelta(hours=29)


def test_filter_runs_off_the_gui_thread_and_narrows_rows(qtbot, vault):
    _logins(vault)
    model = RecordsModel()
    model.set_source(VaultRecordSource(vault, "tiktok.logins"), "tiktok.logins")
    with qtbot.waitSignal(model.reloaded, timeout=5000):
        model.set_filter("192.0.2.3")
    ips = {model.record_at(r).fields["IP"] for r in range(model.rowCount())}
    assert ips == {"192.0.2.3"}
    assert model.rowCount() == len([i for i in range(30) if i % 7 == 3])
    with qtbot.waitSignal(model.reloaded, timeout=5000):
        model.set_filter("no-such-thing")
    assert model.rowCount() == 0
    model.set_filter("")
    assert model.rowCount() == 30


def test_device_ids_have_human_names_explained_and_empty_ones_hidden(qtbot, qtmodeltester, vault):
    fields = {
        "Resolution": "1080x2400",
        "App Version": "33.1",
        "IDFA": "",
        "GAID": "00000000-0000-4000-8000-000000000001",
        "DID": "7000000000000000901",
    }
    seed(vault, [Record("tiktok.devices", None, fields, "x:Status", "device")])
    model = RecordsModel()
    model.set_source(VaultRecordSource(vault, "tiktok.devices"), "tiktok.devices")
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    # no "GAID"/"DID"; IDFA is empty in every row and no record has a time: both left out
    assert headers == [
        "Screen size (pixels)",
        "App version",
        "Advertising ID (Google)",
        "Device ID (TikTok)",
    ]
    tip = model.headerData(2, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole)
    assert tip.startswith("GAID: the number an Android phone gives apps")
    assert model.data(model.index(0, 2)) == fields["GAID"]
    cell_tip = model.data(model.index(0, 2), Qt.ItemDataRole.ToolTipRole)
    assert cell_tip.startswith(fields["GAID"]) and "GAID: the number" in cell_tip
    qtmodeltester.check(model)


def test_a_category_without_a_table_gets_readable_generic_columns(qtbot, vault):
    fields = {"favoriteDramaTitle": "Ex", "episode_count": 3, "Tags": [], "Extra": {"a": "b"}}
    seed(vault, [Record("tiktok.mini_drama", None, fields, "x:Mini Drama", "drama")])
    model = RecordsModel()
    model.set_source(VaultRecordSource(vault, "tiktok.mini_drama"), "tiktok.mini_drama")
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    # stored keys in canonical (sorted) order; "Tags" is always [] and left out
    assert headers == ["Extra", "Episode count", "Favorite drama title"]
    assert [model.data(model.index(0, c)) for c in range(3)] == ["A: b", "3", "Ex"]


def test_search_terms_column(qtbot, vault):
    seed(vault, [search_term("sourdough", T0), search_term("bike repair", T0 + timedelta(1))])
    model = RecordsModel()
    model.set_source(VaultRecordSource(vault, "tiktok.searches"), "tiktok.searches")
    assert model.headerData(1, Qt.Orientation.Horizontal) == "Search term"
    assert [model.data(model.index(r, 1)) for r in range(2)] == ["bike repair", "sourdough"]


def test_clear_drops_everything(qtbot, vault):
    _logins(vault)
    model = RecordsModel()
    model.set_source(VaultRecordSource(vault, "tiktok.logins"), "tiktok.logins")
    model.clear()
    assert model.rowCount() == 0
    assert not model.canFetchMore()


def test_million_rows_open_at_once_and_fetch_lazily(qtbot, qtmodeltester, big_watch_vault):
    big = big_watch_vault
    print(f"\n1,000,000 rows inserted through Vault.add_records in {big.seconds:.1f} s")
    model = RecordsModel()
    view = QTableView()
    qtbot.addWidget(view)
    view.resize(800, 600)
    view.setModel(model)
    started = time.perf_counter()
    model.set_source(VaultRecordSource(big.vault, "tiktok.watch_history"), "tiktok.watch_history")
    first_page = time.perf_counter() - started
    assert model.rowCount() == PAGE_SIZE
    assert model.record_at(0).id == big.newest_id
    assert model.canFetchMore()
    view.show()
    qtbot.waitExposed(view)
    # scrolling to the end fetches the next page, not the whole table
    timings = []
    for _ in range(5):
        before = model.rowCount()
        started = time.perf_counter()
        view.scrollToBottom()
        qtbot.waitUntil(lambda before=before: model.rowCount() > before, timeout=5000)
        timings.append(time.perf_counter() - started)
    assert PAGE_SIZE * 2 <= model.rowCount() <= PAGE_SIZE * 7
    assert model.rowCount() < big.rows
    rows = [model.record_at(r) for r in range(model.rowCount())]
    times = [r.occurred_at for r in rows]
    assert times == sorted(times, reverse=True)  # keyset pages continue without gaps
    assert len({r.id for r in rows}) == len(rows)
    assert (times[0] - times[-1]).total_seconds() == 60 * (len(rows) - 1)
    # the other end of the table, by sorting: the oldest row comes first at once
    started = time.perf_counter()
    model.sort(0, Qt.SortOrder.AscendingOrder)
    sort_s = time.perf_counter() - started
    assert model.record_at(0).id == big.oldest_id
    # a filter over a million rows runs in the background
    started = time.perf_counter()
    with qtbot.waitSignal(model.reloaded, timeout=20_000):
        model.set_filter("7000000000000999999")
    filter_s = time.perf_counter() - started
    assert model.rowCount() == 1
    assert model.record_at(0).fields["Link"].endswith("/7000000000000999999/")
    print(
        f"first page {first_page * 1000:.1f} ms; scroll-to-end fetches "
        f"{max(timings) * 1000:.1f} ms max; sort to oldest {sort_s * 1000:.1f} ms; "
        f"filter {filter_s * 1000:.1f} ms (off the GUI thread)"
    )
    assert first_page < 0.5
    model.set_filter(None)
    qtmodeltester.check(model)
    # another column does not sort a million rows: the model says why, the time order stays
    with qtbot.waitSignal(model.sort_refused, timeout=20_000) as refused:
        model.sort(1, Qt.SortOrder.AscendingOrder)
    assert refused.args == [big.rows]
    assert model.sort_column == 0 and model.record_at(0).id == big.oldest_id
    assert QLocale().toString(big.rows) in model.headerData(
        1, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole
    )


def test_single_object_sections_read_as_one_row_per_field(qtbot, qtmodeltester, vault):
    settings = {"Personalized Ads": "On", "Private Account": "Off", "Interests": "Cats|Food"}
    seed(vault, [Record("tiktok.settings", None, settings, "x:SettingsMap", "settings")])
    model = RecordsModel()
    model.set_source(VaultRecordSource(vault, "tiktok.settings"), "tiktok.settings")
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert headers == ["Field", "Value"]  # no time in a settings map: no date column
    shown = {model.data(model.index(r, 0)): model.data(model.index(r, 1)) for r in range(3)}
    assert shown == {"Personalised ads": "On", "Private account": "Off", "Interests": "Cats|Food"}
    assert model.rowCount() == 3
    assert model.loaded_records() == 1
    assert model.row_of(model.record_at(2).id) == 0
    qtmodeltester.check(model)


def test_messages_show_the_chat_and_unrecognized_where_it_was(qtbot, vault):
    path = "user_data_tiktok.json:Direct Message/Direct Messages/ChatHistory/"
    seed(
        vault,
        [
            Record(
                "tiktok.direct_messages",
                T0,
                {"Date": "2025-05-01 08:30:00", "From": "me.example", "Content": "hi"},
                path + "Chat History with friend.example:",
                "hi",
            ),
            Record("tiktok.unrecognized", None, {"Thing": 1}, "x.json:Your Activity/Future", ""),
        ],
    )
    model = RecordsModel()
    model.set_source(VaultRecordSource(vault, "tiktok.direct_messages"), "tiktok.direct_messages")
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert headers == ["Date", "Chat", "From", "Message"]
    assert [model.data(model.index(0, c)) for c in (1, 2, 3)] == [
        "friend.example",
        "me.example",
        "hi",
    ]
    model.set_source(VaultRecordSource(vault, "tiktok.unrecognized"), "tiktok.unrecognized")
    # no time: no date column
    assert model.data(model.index(0, 0)) == "Your Activity/Future"
    assert model.data(model.index(0, 1)) == "Thing: 1"  # readable, not a JSON blob


def test_lists_and_maps_read_as_words_not_json(qtbot, vault):
    live = {
        "WatchTime": "2025-05-01 08:30:00",
        "Link": "https://www.tiktok.com/",
        "Comments": [{"CommentTime": "2025-05-01 08:31:00", "CommentContent": "hi", "RawTime": 17}],
        "Questions": None,
    }
    seed(vault, [Record("tiktok.live", T0, live, "x.json:TikTok Live/Watch Live History", "hi")])
    model = RecordsModel()
    model.set_source(VaultRecordSource(vault, "tiktok.live"), "tiktok.live")
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert headers == ["Date", "Link", "Your comments"]  # no title, no viewers: not in the data
    assert model.data(model.index(0, 2)) == "hi"
