"""Activity over time and by hour of day for one category (QtCharts).

The numbers come from ``plainview.insights.activity_over_time`` / ``activity_by_hour``,
computed off the GUI thread by the category page; this widget only draws them. Colours follow
the system palette so light and dark both read well.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from datetime import date, datetime
from typing import Any

from PySide6.QtCharts import (
    QBarSeries,
    QBarSet,
    QCategoryAxis,
    QChart,
    QChartView,
    QLineSeries,
    QValueAxis,
)
from PySide6.QtCore import QDateTime, QEvent, QMargins, Qt, QTimeZone
from PySide6.QtGui import QBrush, QPainter, QPalette, QPen
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget


def _to_qdatetime(value: Any) -> QDateTime | None:
    """Accepts datetime, date, or ISO text ("2024-03", "2024-03-05", "2024-03-05T10:00")."""
    if isinstance(value, datetime):
        return QDateTime.fromSecsSinceEpoch(int(value.timestamp()), QTimeZone.utc())
    if isinstance(value, date):
        value = value.isoformat()
    if isinstance(value, str):
        text = value.strip()
        if len(text) == 7:
            text += "-01"
        try:
            parsed = datetime.fromisoformat(text[:19])
        except ValueError:
            return None
        return QDateTime(
            parsed.year,
            parsed.month,
            parsed.day,
            parsed.hour,
            parsed.minute,
            0,
            0,
            QTimeZone.utc(),
        )
    return None


def series_points(over_time: Iterable[Any]) -> list[tuple[QDateTime, int]]:
    """(bucket, count) pairs from a list of pairs, objects with .bucket/.count, or a dict."""
    items: Iterable[Any] = over_time.items() if isinstance(over_time, Mapping) else over_time
    points: list[tuple[QDateTime, int]] = []
    for item in items:
        if isinstance(item, Sequence) and not isinstance(item, str) and len(item) >= 2:
            key, count = item[0], item[1]
        else:
            key = getattr(item, "bucket", getattr(item, "start", None))
            count = getattr(item, "count", 0)
        when = _to_qdatetime(key)
        if when is not None:
            points.append((when, int(count)))
    points.sort(key=lambda p: p[0].toSecsSinceEpoch())
    return fill_gaps(points)


MAX_FILLED_POINTS = 5000


def fill_gaps(points: list[tuple[QDateTime, int]]) -> list[tuple[QDateTime, int]]:
    """Add zero buckets between the ones the query returned (months or days), so a quiet
    stretch shows as zero rather than as a straight line across it."""
    if len(points) < 2:
        return points
    first, second = points[0][0], points[1][0]
    monthly = all(p[0].date().day() == 1 for p in points) and first.daysTo(second) >= 28
    counts = {when.toSecsSinceEpoch(): c for when, c in points}
    out: list[tuple[QDateTime, int]] = []
    current, last = first, points[-1][0]
    while current <= last and len(out) < MAX_FILLED_POINTS:
        out.append((current, counts.get(current.toSecsSinceEpoch(), 0)))
        current = current.addMonths(1) if monthly else current.addDays(1)
    return out if len(out) < MAX_FILLED_POINTS else points


def hour_counts(by_hour: Any) -> list[int]:
    """24 counts from a list of 24 ints, a dict hour -> count, or (hour, count) pairs."""
    counts = [0] * 24
    if isinstance(by_hour, Mapping):
        pairs: Iterable[Any] = by_hour.items()
    elif isinstance(by_hour, Sequence) and all(isinstance(v, int) for v in by_hour):
        pairs = enumerate(by_hour)
    else:
        pairs = by_hour or ()
    for hour, count in pairs:
        if 0 <= int(hour) < 24:
            counts[int(hour)] += int(count)
    return counts


def _count_range(axis: QValueAxis, top: int) -> None:
    """0..top with whole-number ticks (small counts get one tick per step)."""
    top = max(1, int(top))
    axis.setRange(0, top)
    if top <= 5:
        axis.setTickCount(top + 1)
    else:
        axis.setTickCount(5)
        axis.applyNiceNumbers()


def _label_positions(n: int, most: int = 4) -> list[int]:
    """Up to ``most`` evenly spread bucket indexes to label, always the first and last."""
    if n <= most:
        return list(range(n))
    step = (n - 1) / (most - 1)
    return sorted({round(i * step) for i in range(most)})


class TimeChart(QWidget):
    """Two small charts side by side: activity over time and by hour of day (local time
    is the caller's choice; the axis says which)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._points: list[tuple[QDateTime, int]] = []
        self._hours: list[int] = [0] * 24
        self._hours_utc = True
        self.over_time_view = QChartView(self)
        self.hour_view = QChartView(self)
        for view in (self.over_time_view, self.hour_view):
            view.setRenderHint(QPainter.RenderHint.Antialiasing)
            view.setMinimumHeight(170)
            view.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self._new_charts()
        self.empty_label = QLabel(self)
        self.empty_label.setWordWrap(True)
        self.empty_label.setProperty("role", "hint")
        charts = QHBoxLayout()
        charts.setContentsMargins(0, 0, 0, 0)
        charts.addWidget(self.over_time_view, 3)
        charts.addWidget(self.hour_view, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(charts)
        layout.addWidget(self.empty_label)
        self.retranslate()
        self._rebuild()

    # -- public ------------------------------------------------------------------------
    def set_data(self, over_time: Iterable[Any], by_hour: Any, *, hours_utc: bool = True) -> None:
        self._points = series_points(over_time)
        self._hours = hour_counts(by_hour)
        self._hours_utc = hours_utc
        self._rebuild()

    def clear(self) -> None:
        self._points = []
        self._hours = [0] * 24
        self._rebuild()

    def has_data(self) -> bool:
        return bool(self._points) or any(self._hours)

    def point_count(self) -> int:
        return len(self._points)

    def hours(self) -> list[int]:
        return list(self._hours)

    def retranslate(self) -> None:
        self.over_time_view.setAccessibleName(self.tr("Activity over time"))
        self.hour_view.setAccessibleName(self.tr("Activity by hour of day"))
        self.empty_label.setText(self.tr("No times in this data, so there is no chart."))
        self.over_time_chart.setTitle(self.tr("Activity over time"))
        self.hour_chart.setTitle(
            self.tr("By hour of day (UTC)") if self._hours_utc else self.tr("By hour of day")
        )

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.PaletteChange:
            self._apply_palette()
        super().changeEvent(event)

    # -- drawing -----------------------------------------------------------------------
    def _new_charts(self) -> None:
        """Fresh charts and axes for every rebuild: QtCharts leaves stale axis labels (or
        none at all) when axes are removed or re-ranged on a chart that is kept."""
        old = [self.over_time_view.chart(), self.hour_view.chart()]
        self.over_time_chart = QChart()
        self.hour_chart = QChart()
        for chart in (self.over_time_chart, self.hour_chart):
            chart.legend().hide()
            chart.setMargins(QMargins(4, 4, 18, 4))  # room for the last label
            chart.setBackgroundRoundness(0)
        # on the views first: a QDateTimeAxis added before QChartView.setChart() draws no
        # labels (seen with Qt 6.12)
        self.over_time_view.setChart(self.over_time_chart)
        self.hour_view.setChart(self.hour_chart)
        # buckets sit at x = 0..n-1, a few of them labelled (QDateTimeAxis proved unreliable:
        # it sometimes draws no labels at all inside a page)
        self.time_axis = QCategoryAxis()
        self.time_axis.setLabelsPosition(QCategoryAxis.AxisLabelsPosition.AxisLabelsPositionOnValue)
        self.count_axis = QValueAxis()
        self.count_axis.setLabelFormat("%d")
        self.over_time_chart.addAxis(self.time_axis, Qt.AlignmentFlag.AlignBottom)
        self.over_time_chart.addAxis(self.count_axis, Qt.AlignmentFlag.AlignLeft)
        # bars sit at x = 0..23; label every sixth hour on its bar
        self.hour_axis = QCategoryAxis()
        self.hour_axis.setRange(-0.5, 23.5)
        self.hour_axis.setLabelsPosition(QCategoryAxis.AxisLabelsPosition.AxisLabelsPositionOnValue)
        for hour in (0, 6, 12, 18, 23):
            self.hour_axis.append(str(hour), hour)
        self.hour_count_axis = QValueAxis()
        self.hour_count_axis.setLabelFormat("%d")
        self.hour_chart.addAxis(self.hour_axis, Qt.AlignmentFlag.AlignBottom)
        self.hour_chart.addAxis(self.hour_count_axis, Qt.AlignmentFlag.AlignLeft)
        for chart in old:  # the views hand the previous charts back to us
            if chart is not None:
                chart.deleteLater()

    def _rebuild(self) -> None:
        self._new_charts()
        self.retranslate()
        has = self.has_data()
        self.over_time_view.setVisible(has)
        self.hour_view.setVisible(has)
        self.empty_label.setVisible(not has)
        if has:
            self._build_over_time()
            self._build_hours()
        self._apply_palette()

    def _build_over_time(self) -> None:
        line = QLineSeries()
        for i, (_when, count) in enumerate(self._points):
            line.append(float(i), float(count))
        last = len(self._points) - 1
        if last == 0:  # one bucket: a flat line so it is visible
            line.append(1.0, float(self._points[0][1]))
        self.over_time_chart.addSeries(line)
        line.attachAxis(self.time_axis)
        line.attachAxis(self.count_axis)
        self.time_axis.setRange(0, max(1, last))
        monthly = len(self._points) < 2 or self._points[0][0].daysTo(self._points[1][0]) >= 28
        fmt = "MMM yy" if monthly else "d MMM"
        for i in _label_positions(len(self._points)):
            text = self.locale().toString(self._points[i][0].date(), fmt)
            while text in self.time_axis.categoriesLabels():  # labels must be unique
                text += "\u200b"
            self.time_axis.append(text, i)
        _count_range(self.count_axis, max(c for _, c in self._points))

    def _build_hours(self) -> None:
        bars = QBarSet("")
        bars.append([float(c) for c in self._hours])
        series = QBarSeries()
        series.setBarWidth(0.8)
        series.append(bars)
        self.hour_chart.addSeries(series)
        series.attachAxis(self.hour_axis)
        series.attachAxis(self.hour_count_axis)
        self.hour_axis.setRange(-0.5, 23.5)
        _count_range(self.hour_count_axis, max(self._hours))

    def _apply_palette(self) -> None:
        pal = self.palette()
        text = pal.color(QPalette.ColorRole.Text)
        base = pal.color(QPalette.ColorRole.Base)
        accent = pal.color(QPalette.ColorRole.Highlight)
        grid = pal.color(QPalette.ColorRole.Mid)
        for chart in (self.over_time_chart, self.hour_chart):
            chart.setBackgroundBrush(QBrush(base))
            chart.setTitleBrush(QBrush(text))
            chart.setPlotAreaBackgroundVisible(False)
            for axis in chart.axes():
                axis.setLabelsBrush(QBrush(text))
                axis.setLinePen(QPen(grid))
                axis.setGridLinePen(QPen(grid, 0.5, Qt.PenStyle.DotLine))
            for series in chart.series():
                if isinstance(series, QLineSeries):
                    series.setPen(QPen(accent, 2))
                elif isinstance(series, QBarSeries):
                    for bar_set in series.barSets():
                        bar_set.setColor(accent)
                        bar_set.setBorderColor(accent)
        for view in (self.over_time_view, self.hour_view):
            view.setBackgroundBrush(QBrush(base))
