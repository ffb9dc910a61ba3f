"""The category page's chart is in the computer's time zone (hours and days shift with it)
and says so; the table's tooltips keep the stored UTC time."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from PySide6.QtCore import Qt

from plainview.insights import zones
from plainview.ui.category_page import CategoryPage
from tests.fixtures.plugin_pages import login, seed

T0 = datetime(2025, 1, 31, 20, 30, tzinfo=UTC)


def test_chart_hours_and_days_are_in_the_local_zone(qtbot, pages_ctx, vault, monkeypatch):
    monkeypatch.setattr(zones, "local_zone", lambda: ZoneInfo("Asia/Shanghai"))
    # 20:30, 21:30 and 22:30 UTC on 31 January: 04:30-06:30 on 1 February in Shanghai
    seed(vault, (login(i, "192.0.2.1", "Pixel", T0 + timedelta(hours=i)) for i in range(3)))
    page = CategoryPage(pages_ctx)
    qtbot.addWidget(page)
    page.resize(1200, 800)
    page.show()
    page.show_category("tiktok.logins")
    qtbot.waitUntil(page.details_loaded, timeout=10_000)
    hours = page.chart.hours()
    assert hours[4:7] == [1, 1, 1] and sum(hours) == 3
    assert hours[20] == 0
    assert page.chart.point_count() == 1  # one local day: 1 February
    assert page.chart.hour_title.text() == "By hour of day, your local time (UTC+08:00)"
    tip = page.model.data(page.model.index(0, 0), Qt.ItemDataRole.ToolTipRole)
    assert "2025-01-31 22:30:00 UTC" in tip  # the stored time stays available
