"""Sorting the records table by any column: text order both ways across keyset pages,
items without the field last, key spellings from different exports together, Qt's model
checks while sorted, the field-per-row sections, and the row limit above which the model
explains why it keeps the time order."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from PySide6.QtCore import Qt

from plainview.model import Record
from plainview.ui.records_model import RecordsModel, VaultRecordSource
from tests.fixtures.plugin_pages import search_term, seed

T0 = datetime(2025, 5, 1, 8, 30, tzinfo=UTC)
TERMS = ["banana", "Apple", "cherry", "apple", "date", "Banana", "elder", "fig", "grape", "kiwi"]


def _searches(vault, terms=TERMS):
    records = [search_term(t, T0 + timedelta(hours=i)) for i, t in enumerate(terms)]
    # an item from an export that spells the key differently, and one without the field
    records.append(
        Record(
            "tiktok.searches",
            T0 - timedelta(days=1),
            {"Date": "2025-04-30", "Search Term": "avocado"},
            "x:Searches",
            "avocado",
        )
    )
    records.append(Record("tiktok.searches", T0 - timedelta(days=2), {"Date": "x"}, "x:S", ""))
    seed(vault, records)


def _model(vault, page_size=4):
    model = RecordsModel(page_size=page_size)
    model.set_source(VaultRecordSource(vault, "tiktok.searches"), "tiktok.searches")
    return model


def _all_texts(qtbot, model, column=1):
    while model.canFetchMore() or model.busy:
        if model.canFetchMore():
            before = model.loaded_records()
            model.fetchMore()
            qtbot.waitUntil(
                lambda before=before: model.loaded_records() > before or model.exhausted
            )
        else:
            qtbot.waitUntil(lambda: not model.busy)
    return [model.data(model.index(r, column)) for r in range(model.rowCount())]


def test_text_column_sorts_both_ways_across_pages(qtbot, qtmodeltester, vault):
    _searches(vault)
    model = _model(vault)  # 4 rows a page: the sorted keyset continues over 3 pages
    assert model.headerData(1, Qt.Orientation.Horizontal) == "Search term"
    with qtbot.waitSignal(model.reloaded, timeout=5000):
        model.sort(1, Qt.SortOrder.AscendingOrder)
    assert model.sort_column == 1 and not model.sort_descending
    up = _all_texts(qtbot, model)
    assert up == [
        "Apple",
        "apple",
        "avocado",
        "banana",
        "Banana",
        "cherry",
        "date",
        "elder",
        "fig",
        "grape",
        "kiwi",
        "",
    ]
    qtmodeltester.check(model)
    with qtbot.waitSignal(model.reloaded, timeout=5000):
        model.sort(1, Qt.SortOrder.DescendingOrder)
    down = _all_texts(qtbot, model)
    assert [t.casefold() for t in down[:-1]] == sorted(
        (t.casefold() for t in up[:-1]), reverse=True
    )
    assert down[-1] == ""  # items without a search term stay last
    assert len({model.record_at(r).id for r in range(model.rowCount())}) == 12
    qtmodeltester.check(model)


def test_sorted_filter_and_back_to_time(qtbot, vault):
    _searches(vault)
    model = _model(vault, page_size=50)
    with qtbot.waitSignal(model.reloaded, timeout=5000):
        model.sort(1, Qt.SortOrder.DescendingOrder)
    with qtbot.waitSignal(model.reloaded, timeout=5000):
        model.set_filter("banana")  # the column order holds for the filtered rows
    assert [model.data(model.index(r, 1)) for r in range(model.rowCount())] == [
        "Banana",
        "banana",
    ]
    model.set_filter(None)
    qtbot.waitUntil(lambda: model.rowCount() == 12 and not model.busy)
    model.sort(0, Qt.SortOrder.DescendingOrder)
    assert model.sort_column == 0 and model.order == "time_desc"
    assert model.data(model.index(0, 1)) == "kiwi"  # the newest


def test_above_the_limit_the_model_says_why_and_keeps_the_time_order(qtbot, vault):
    _searches(vault)
    model = _model(vault, page_size=50)
    model.sort_limit = 5  # 12 rows are "too many" here, as 1,000,000 are in real life
    first = model.record_at(0).id
    assert model.headerData(1, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole) == (
        "Click to sort by this column."
    )
    with qtbot.waitSignal(model.sort_refused, timeout=5000) as refused:
        model.sort(1, Qt.SortOrder.AscendingOrder)
    assert refused.args == [12]
    assert model.sort_column == 0 and model.order == "time_desc"
    assert model.record_at(0).id == first
    tip = model.headerData(1, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole)
    assert tip == (
        "These 12 rows stay sorted by date: sorting by another column works for up to 5 "
        "rows. Filter the rows first to sort them by this column."
    )
    # a filter that leaves few enough rows makes the column sortable
    with qtbot.waitSignal(model.reloaded, timeout=5000):
        model.set_filter("apple")
    with qtbot.waitSignal(model.reloaded, timeout=5000):
        model.sort(1, Qt.SortOrder.DescendingOrder)
    assert model.sort_column == 1
    assert [model.data(model.index(r, 1)) for r in range(model.rowCount())] == ["apple", "Apple"]


def test_field_per_row_sections_sort_their_rows(qtbot, qtmodeltester, vault):
    settings = {"Private Account": "Off", "App Language": "nl", "Personalized Ads": "On"}
    seed(vault, [Record("tiktok.settings", None, settings, "x:SettingsMap", "settings")])
    model = RecordsModel()
    model.set_source(VaultRecordSource(vault, "tiktok.settings"), "tiktok.settings")
    # no time in a settings map: no date column; the fields by their labels
    model.sort(0, Qt.SortOrder.AscendingOrder)
    fields = [model.data(model.index(r, 0)) for r in range(model.rowCount())]
    assert fields == ["App language", "Personalised ads", "Private account"]
    model.sort(1, Qt.SortOrder.DescendingOrder)
    assert [model.data(model.index(r, 1)) for r in range(3)] == ["On", "Off", "nl"]
    assert model.sort_column == 1 and model.sort_descending
    qtmodeltester.check(model)
