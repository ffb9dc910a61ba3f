"""The activity chart: zero-filled buckets, hour counts in any shape, empty state, axis
labels that are never cut off ("Ma…"), and titles that say which time zone the hours are in."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QDate, QLocale
from PySide6.QtWidgets import QGraphicsTextItem

from plainview.ui.time_chart import TimeChart, hour_counts, labels_that_fit, series_points

MONTHS = [(f"{2023 + m // 12}-{m % 12 + 1:02d}", 10 + m) for m in range(20)]


def test_months_and_days_are_zero_filled(qtbot):
    months = series_points([("2024-11", 120), ("2025-02", 9)])
    assert [c for _, c in months] == [120, 0, 0, 9]
    days = series_points([("2025-03-01", 2), ("2025-03-04", 1)])
    assert [c for _, c in days] == [2, 0, 0, 1]
    assert [p[0].toString("yyyy-MM-dd") for p in days][1] == "2025-03-02"


def test_hour_counts_accept_lists_dicts_and_pairs(qtbot):
    assert hour_counts(list(range(24)))[23] == 23
    assert hour_counts({5: 3})[5] == 3
    assert hour_counts([(1, 2), (1, 3)])[1] == 5


def test_label_positions_spread_evenly(qtbot):
    from plainview.ui.time_chart import _label_positions

    assert _label_positions(3) == [0, 1, 2]
    assert _label_positions(16) == [2, 6, 10, 14]  # each in the middle of its quarter
    assert _label_positions(16, most=5) == [1, 4, 8, 11, 14]
    assert _label_positions(16, most=1) == [8]
    assert labels_that_fit(300, 40, 6) == 4  # 300 / 5 - 12 = 48 >= 40; 300 / 6 - 12 < 40
    assert labels_that_fit(50, 40, 6) == 1


def test_chart_shows_data_or_says_there_is_none(qtbot):
    chart = TimeChart()
    qtbot.addWidget(chart)
    chart.show()
    assert chart.empty_label.isVisible()
    assert not chart.over_time_view.isVisible()
    chart.set_data([("2025-01", 4), ("2025-03", 2)], [0] * 23 + [6])
    assert chart.has_data()
    assert chart.over_time_view.isVisible() and chart.hour_view.isVisible()
    assert chart.point_count() == 3
    assert len(chart.hour_chart.series()) == 1
    chart.clear()
    assert not chart.has_data()
    assert chart.over_time_view.accessibleName() == "Activity over time"


def test_new_data_replaces_the_old_axes_ranges(qtbot):
    chart = TimeChart()
    qtbot.addWidget(chart)
    chart.resize(700, 240)
    chart.show()
    chart.setLocale(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
    chart.set_data([("2024-11", 800), ("2025-03", 5)], list(range(24)))
    assert chart.count_axis.max() >= 800
    chart.set_data([("2025-06", 3), ("2025-09", 50)], [1] * 24)
    # the same two axes per chart, with the new ranges (old labels are never left behind)
    assert len(chart.over_time_chart.axes()) == 2
    assert len(chart.hour_chart.axes()) == 2
    assert 50 <= chart.count_axis.max() < 100
    assert chart.hour_count_axis.max() == 1
    assert chart.hour_count_axis.tickCount() == 2
    dates, hours = chart.axis_labels()
    assert dates == ["Jun<br>2025", "Jul<br>2025", "Aug<br>2025", "Sep<br>2025"]
    assert hours[:2] == ["0", "6"] or hours[:2] == ["0", "12"]
    assert chart.over_time_view.chart() is chart.over_time_chart
    series = chart.over_time_chart.series()[0]
    assert chart.time_axis in series.attachedAxes()


def _shown(view) -> list[str]:
    """The texts QtCharts actually draws in a chart view (axis labels), as shown: whole,
    inside the view (a label sticking out of it is cut off)."""
    shown = []
    visible = view.mapToScene(view.viewport().rect()).boundingRect().adjusted(-1, -1, 1, 1)
    for item in view.scene().items():
        text = item.toPlainText() if isinstance(item, QGraphicsTextItem) else ""
        if text and item.isVisible() and visible.contains(item.sceneBoundingRect()):
            shown.append(text)
    return shown


def _wanted(labels: list[str]) -> list[str]:
    return [t.replace("<br>", "\n") for t in labels]


# 380 and 560 px: the chart's width in the category page of a 1024x720 and a 1280x800 window
@pytest.mark.parametrize("width", [380, 560])
@pytest.mark.parametrize("locale", ["en_US", "zh_CN"])
@pytest.mark.parametrize("months", [20, 5, 1])
def test_axis_labels_are_shown_whole(qtbot, width, locale, months):
    chart = TimeChart()
    qtbot.addWidget(chart)
    chart.setLocale(QLocale(locale))
    chart.resize(width, 240)
    chart.show()
    chart.set_data(MONTHS[:months], list(range(24)), zone_label="UTC+08:00")
    dates, hours = chart.axis_labels()
    assert len(dates) >= min(months, 3 if width > 400 else 2)
    assert len(hours) >= 2
    qtbot.waitUntil(lambda: set(_wanted(dates)) <= set(_shown(chart.over_time_view)))
    qtbot.waitUntil(lambda: set(hours) <= set(_shown(chart.hour_view)))
    for text in _shown(chart.over_time_view) + _shown(chart.hour_view):
        assert "..." not in text and "…" not in text


def test_narrower_chart_labels_fewer_buckets_whole(qtbot):
    chart = TimeChart()
    qtbot.addWidget(chart)
    chart.setLocale(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
    chart.resize(700, 240)
    chart.show()
    chart.set_data(MONTHS, [1] * 24)
    wide = chart.axis_labels()[0]
    chart.resize(300, 240)
    qtbot.waitUntil(lambda: len(chart.axis_labels()[0]) < len(wide))
    narrow = _wanted(chart.axis_labels()[0])
    qtbot.waitUntil(lambda: set(narrow) <= set(_shown(chart.over_time_view)))
    assert not any("..." in t for t in _shown(chart.over_time_view))


def test_titles_say_which_time_zone(qtbot):
    chart = TimeChart()
    qtbot.addWidget(chart)
    chart.set_data(MONTHS, [1] * 24)
    assert chart.hour_title.text() == "By hour of day (UTC)"
    chart.set_data(MONTHS, [1] * 24, zone_label="UTC+08:00")
    assert chart.hour_title.text() == "By hour of day, your local time (UTC+08:00)"
    assert "UTC" in chart.hour_view.toolTip() and "UTC+08:00" in chart.hour_view.toolTip()
    assert chart.hour_title.wordWrap()  # long titles wrap instead of being cut off


def test_a_new_locale_relabels_the_dates(qtbot):
    chart = TimeChart()
    qtbot.addWidget(chart)
    chart.resize(700, 240)
    chart.show()
    chart.setLocale(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
    chart.set_data(MONTHS, [1] * 24)
    assert chart.axis_labels()[0][0].startswith(("Jan", "Feb", "Mar"))
    english = chart.axis_labels()[0]
    german = QLocale(QLocale.Language.German, QLocale.Country.Germany)
    chart.setLocale(german)
    december = german.toString(QDate(2023, 12, 1), "MMM'<br>'yyyy")
    assert december not in english
    qtbot.waitUntil(lambda: december in chart.axis_labels()[0], timeout=2000)


# the charts of a category page in an 800x600 window: the explanation above the data, lower
# charts (set_compact), and the hour chart about 190 px wide
@pytest.mark.parametrize("size", [(480, 150), (340, 130), (480, 240), (360, 170)])
@pytest.mark.parametrize("peak", [5, 17, 4000])
def test_small_charts_never_shrink_a_label(qtbot, size, peak):
    chart = TimeChart()
    qtbot.addWidget(chart)
    chart.setLocale(QLocale("en_US"))
    chart.set_compact(True)
    chart.resize(*size)
    chart.show()
    hours = [peak if h % 3 == 0 else 1 for h in range(24)]
    chart.set_data([(m, peak - i % 3) for i, (m, _c) in enumerate(MONTHS)], hours)
    # settled: the labels were fitted to the views' final size
    qtbot.waitUntil(lambda: not chart._relabel_timer.isActive() and chart._fit() == chart._fitted)
    qtbot.waitUntil(
        lambda: set(_wanted(chart.axis_labels()[0])) <= set(_shown(chart.over_time_view))
    )
    qtbot.waitUntil(lambda: set(chart.axis_labels()[1]) <= set(_shown(chart.hour_view)))
    for view, axis in (
        (chart.over_time_view, chart.count_axis),
        (chart.hour_view, chart.hour_count_axis),
    ):
        shown = _shown(view)
        assert shown, view.accessibleName()
        for text in shown:
            assert "..." not in text and "…" not in text, (size, peak, shown)
        # the counts still reach the peak and start at zero
        assert axis.min() == 0 and axis.max() >= peak
        counts = [t for t in shown if t.replace(",", "").isdigit()]
        assert "0" in counts and len(counts) >= 2, shown


def test_a_partial_last_month_is_dashed_and_explained_not_a_fall(qtbot):
    from datetime import date

    from PySide6.QtCharts import QLineSeries
    from PySide6.QtCore import Qt

    chart = TimeChart()
    qtbot.addWidget(chart)
    chart.setLocale(QLocale("en_US"))
    chart.resize(600, 240)
    chart.show()
    # steady 30 a month, and the export ends on 12 August: August has only 12 days of it
    months = [("2025-05", 30), ("2025-06", 31), ("2025-07", 30), ("2025-08", 12)]
    chart.set_data(months, [1] * 24, data_end=date(2025, 8, 12))
    assert chart.partial_last_month()
    lines = [s for s in chart.over_time_chart.series() if isinstance(s, QLineSeries)]
    assert len(lines) == 2
    solid, tail = lines
    assert [p.x() for p in solid.points()] == [0, 1, 2]  # the full months
    assert [(p.x(), p.y()) for p in tail.points()] == [(2, 30), (3, 12)]
    assert tail.pen().style() == Qt.PenStyle.DashLine
    assert solid.pen().style() == Qt.PenStyle.SolidLine
    title = chart.over_time_title.text()
    assert "12 Aug" in title and "August 2025" in title and "dashed" in title
    assert "August 2025" in chart.over_time_view.accessibleDescription()
    # a month the data covers to its last day is whole: one solid line, no note
    chart.set_data(months, [1] * 24, data_end=date(2025, 8, 31))
    assert not chart.partial_last_month()
    assert len(chart.over_time_chart.series()) == 1
    assert chart.over_time_title.text() == "Activity over time"
    # no end given (or days, not months): nothing is marked
    chart.set_data(months, [1] * 24)
    assert not chart.partial_last_month()
    chart.set_data([("2025-08-01", 3), ("2025-08-02", 1)], [1] * 24, data_end=date(2025, 8, 2))
    assert not chart.partial_last_month()
    # in Chinese the note is in Chinese date words
    chart.setLocale(QLocale("zh_CN"))
    chart.set_data(months, [1] * 24, data_end=date(2025, 8, 12))
    assert "八月" in chart.over_time_title.text()
