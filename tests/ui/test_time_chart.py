"""The activity chart: zero-filled buckets, hour counts in any shape, empty state."""

from __future__ import annotations

from PySide6.QtCore import QLocale

from plainview.ui.time_chart import TimeChart, hour_counts, series_points


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
    assert _label_positions(16) == [0, 5, 10, 15]
    assert _label_positions(16, most=5) == [0, 4, 8, 11, 15]


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
    assert chart.time_axis.categoriesLabels() == ["Jun 25", "Jul 25", "Aug 25", "Sep 25"]
    assert chart.over_time_view.chart() is chart.over_time_chart
    series = chart.over_time_chart.series()[0]
    assert chart.time_axis in series.attachedAxes()
