"""Benchmark (make bench): the category table over 1,000,000 watch-history rows.

Prints how long the GUI thread spends opening the category page, paging while scrolling,
flipping the sort, and how long background filters take.
"""

from __future__ import annotations

import statistics
import time

from PySide6.QtCore import Qt

from plainview.ui.category_page import CategoryPage
from plainview.ui.context import AppContext
from plainview.ui.records_model import PAGE_SIZE, RecordsModel, VaultRecordSource


def _ms(seconds: float) -> str:
    return f"{seconds * 1000:.1f} ms"


def test_bench_million_row_category(qtbot, big_watch_vault):
    big = big_watch_vault
    print(f"\nvault: {big.rows:,} watch-history rows, built in {big.seconds:.1f} s")

    model = RecordsModel()
    started = time.perf_counter()
    model.set_source(VaultRecordSource(big.vault, "tiktok.watch_history"), "tiktok.watch_history")
    print(f"first page ({PAGE_SIZE} rows): {_ms(time.perf_counter() - started)}")

    pages = []
    for _ in range(100):
        started = time.perf_counter()
        model.fetchMore()
        pages.append(time.perf_counter() - started)
    print(
        f"100 more pages while scrolling ({model.rowCount():,} rows loaded): "
        f"median {_ms(statistics.median(pages))}, max {_ms(max(pages))}"
    )
    assert model.rowCount() == PAGE_SIZE * 101

    started = time.perf_counter()
    model.sort(0, Qt.SortOrder.AscendingOrder)
    print(f"sort to oldest first: {_ms(time.perf_counter() - started)}")

    for label, text in (("rare", "7000000000000999999"), ("common", "tiktokv")):
        started = time.perf_counter()
        with qtbot.waitSignal(model.reloaded, timeout=60_000):
            model.set_filter(text)
        print(
            f"filter ({label}, off the GUI thread): {_ms(time.perf_counter() - started)}, "
            f"{model.rowCount():,} rows in the first page"
        )

    ctx = AppContext(lang="en")
    ctx.set_vault(big.vault)
    page = CategoryPage(ctx)
    qtbot.addWidget(page)
    page.resize(1200, 800)
    page.show()
    started = time.perf_counter()
    page.show_category("tiktok.watch_history")
    gui = time.perf_counter() - started
    qtbot.waitUntil(page.details_loaded, timeout=120_000)
    total = time.perf_counter() - started
    print(
        f"category page: GUI thread {_ms(gui)}; count, facts and chart "
        f"(worker) ready after {_ms(total)}"
    )
    page.show_category("tiktok.searches")
    qtbot.waitUntil(page.details_loaded, timeout=120_000)
    started = time.perf_counter()
    page.show_category("tiktok.watch_history")  # again, with the catalog already loaded
    again = time.perf_counter() - started
    qtbot.waitUntil(page.details_loaded, timeout=120_000)
    print(f"category page again: GUI thread {_ms(again)}")
    assert again < 0.2
