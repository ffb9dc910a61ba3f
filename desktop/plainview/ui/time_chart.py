"""Activity over time and by hour of day for one category (QtCharts).

The numbers come from ``plainview.insights.activity_over_time`` / ``activity_by_hour``,
computed off the GUI thread by the category page; this widget only draws them. Colours follow
the system palette so light and dark both read well.
"""

from __future__ import annotations

import html
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
from PySide6.QtCore import QDate, QDateTime, QEvent, QMargins, QObject, QSize, Qt, QTimer, QTimeZone
from PySide6.QtGui import QBrush, QFont, QFontMetricsF, QPainter, QPalette, QPen, QResizeEvent
from PySide6.QtWidgets import QGridLayout, QLabel, QVBoxLayout, QWidget


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


def _count_range(axis: QValueAxis, top: int, most_ticks: int = 6) -> None:
    """0..top with whole-number ticks, at most ``most_ticks`` of them: small counts get one
    tick per step while they fit; a short chart gets fewer (QtCharts shrinks labels that are
    too tight to "…")."""
    top = max(1, int(top))
    most_ticks = max(2, most_ticks)
    if top + 1 <= most_ticks:
        axis.setRange(0, top)
        axis.setTickCount(top + 1)
        return
    if top <= 20:  # whole steps: round the top up to a multiple of the step
        step = -(-top // (most_ticks - 1))
        axis.setRange(0, step * (most_ticks - 1))
        axis.setTickCount(most_ticks)
        return
    axis.setRange(0, top)
    axis.setTickCount(min(5, most_ticks))
    axis.applyNiceNumbers()
    if axis.tickCount() > most_ticks:
        axis.setTickCount(most_ticks)


def ticks_that_fit(plot_height: float, line_height: float) -> int:
    """How many count labels fit whole on a value axis ``plot_height`` px tall (at least two:
    0 and the top). QtCharts gives each of n labels ``height / n - 2 * padding`` and shrinks a
    taller one to "…"; a label is a line plus a few px."""
    return max(2, min(6, int(plot_height / (line_height + 4 + 2 * LABEL_PADDING))))


def _label_positions(n: int, most: int = 4) -> list[int]:
    """Up to ``most`` bucket indexes to label, each in the middle of an equal share of the
    axis: never at the very edge, where QtCharts hides a label that sticks out."""
    if n <= most:
        return list(range(n))
    most = max(1, most)
    return sorted({min(n - 1, int((k + 0.5) * n / most)) for k in range(most)})


# QtCharts gives each label of a category axis (n labels) the width
# axis_width / (n + 1) - 2 * padding and elides what is wider ("Ma…"): so the charts label
# only as many buckets as fit whole. The padding is QtCharts' label padding, rounded up.
LABEL_PADDING = 6
LINE_BREAK = "<br>"  # axis labels are rich text; a month reads "Mar" over "2024"
MOST_TIME_LABELS = 6
QWIDGETSIZE_MAX = 16_777_215  # Qt's "no maximum" for a widget's size
PARTIAL = "partial"  # the object name of the dashed last-month segment
CHART_HEIGHT = 150  # the charts' least height (px); lower on a stacked, narrow page
COMPACT_HEIGHT = 112
HOUR_LABEL_SETS = ((0, 6, 12, 18), (0, 12), (0,))
# QtCharts gives the axes under a plot at most this share of the chart's height and shrinks
# taller labels to "Ma…"; a label needs its lines plus about this many px (padding, tick)
AXIS_SHARE = 0.4
AXIS_OVERHEAD = 14
SMALLEST_DATE_POINTS = 7.0  # the date labels get smaller, never below this, before eliding


def labels_that_fit(axis_width: float, text_width: float, most: int) -> int:
    """How many labels of ``text_width`` px fit whole on a category axis ``axis_width`` wide
    (at least one)."""
    n = max(1, most)
    while n > 1 and axis_width / (n + 1) - 2 * LABEL_PADDING < text_width:
        n -= 1
    return n


def date_points_that_fit(font: QFont, lines: int, view_height: float) -> float:
    """The point size of date labels of ``lines`` lines that QtCharts shows whole under a
    chart ``view_height`` px tall: the font's own size when it fits, else smaller by half
    points (a CJK font's tall lines need it in a short chart), not below
    ``SMALLEST_DATE_POINTS``."""
    size = font.pointSizeF() if font.pointSizeF() > 0 else 9.0
    room = AXIS_SHARE * view_height - AXIS_OVERHEAD
    probe = QFont(font)
    while size > SMALLEST_DATE_POINTS:
        probe.setPointSizeF(size)
        if lines * QFontMetricsF(probe).height() <= room:
            break
        size -= 0.5
    return max(size, SMALLEST_DATE_POINTS)


def _text_width(font: QFont, texts: Iterable[str]) -> float:
    """The widest line of the labels (a label may be two lines: ``Mar<br>2024``)."""
    metrics = QFontMetricsF(font)
    lines = [line for t in texts for line in t.split(LINE_BREAK)]
    return max((metrics.horizontalAdvance(line) for line in lines), default=0.0) + 2


class TimeChart(QWidget):
    """Two small charts side by side: activity over time and by hour of day. The hours are in
    the time zone named by ``set_data(zone_label=...)`` (UTC when none is given); the titles
    say which, and the tooltip says where the stored UTC times are."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._points: list[tuple[QDateTime, int]] = []
        self._hours: list[int] = [0] * 24
        self._zone_label: str | None = None
        self._data_end: date | None = None
        # (time labels, hour label set, count ticks over time, count ticks by hour, date
        # labels' point size) last built
        self._fitted: tuple[int, int, int, int, float] = (0, 0, 0, 0, 0.0)
        self._built_for: tuple[QSize, QSize] | None = None  # the views' sizes at the last build
        self.over_time_view = QChartView(self)
        self.hour_view = QChartView(self)
        for view in (self.over_time_view, self.hour_view):
            view.setRenderHint(QPainter.RenderHint.Antialiasing)
            view.setMinimumHeight(CHART_HEIGHT)
            view.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        for view in (self.over_time_view, self.hour_view):
            view.installEventFilter(self)
        # narrower, QtCharts shrinks the count labels to "4…": the page stacks instead
        self.over_time_view.setMinimumWidth(180)
        self.hour_view.setMinimumWidth(150)
        # titles as labels above the charts: they wrap where a chart title would be cut off
        self.over_time_title = QLabel(self)
        self.over_time_title.setTextFormat(Qt.TextFormat.RichText)
        self.partial_note = ""  # what the title says about a partial last month
        self.hour_title = QLabel(self)
        for title in (self.over_time_title, self.hour_title):
            title.setWordWrap(True)
            title.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom)
        self._relabel_timer = QTimer(self)
        self._relabel_timer.setSingleShot(True)
        self._relabel_timer.setInterval(0)
        self._relabel_timer.timeout.connect(self._relabel_if_needed)
        self._new_charts()
        self.empty_label = QLabel(self)
        self.empty_label.setWordWrap(True)
        self.empty_label.setProperty("role", "hint")
        charts = QGridLayout()
        charts.setContentsMargins(0, 0, 0, 0)
        charts.setVerticalSpacing(2)
        charts.addWidget(self.over_time_title, 0, 0)
        charts.addWidget(self.hour_title, 0, 1)
        charts.addWidget(self.over_time_view, 1, 0)
        charts.addWidget(self.hour_view, 1, 1)
        charts.setColumnStretch(0, 3)
        charts.setColumnStretch(1, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(charts)
        layout.addWidget(self.empty_label)
        self.retranslate()
        self._rebuild()

    # -- public ------------------------------------------------------------------------
    def set_data(
        self,
        over_time: Iterable[Any],
        by_hour: Any,
        *,
        zone_label: str | None = None,
        data_end: date | None = None,
    ) -> None:
        """``zone_label`` names the zone the buckets are in (``"UTC+01:00"``); None = UTC.
        ``data_end`` is the day of the newest record (in that zone): a last month it ends
        before is only partly in the data, and is drawn dashed with a note rather than as a
        fall."""
        self._points = series_points(over_time)
        self._hours = hour_counts(by_hour)
        self._zone_label = zone_label
        self._data_end = data_end
        self._rebuild()

    def partial_last_month(self) -> bool:
        """True when the last bucket is a month the data ends inside of."""
        end = self._data_end
        if end is None or len(self._points) < 2 or not self._monthly():
            return False
        last = self._points[-1][0].date()
        if (last.year(), last.month()) != (end.year, end.month):
            return False
        return end.day < last.daysInMonth()

    def clear(self) -> None:
        self._points = []
        self._hours = [0] * 24
        self._data_end = None
        self._rebuild()

    def set_compact(self, compact: bool) -> None:
        """Lower charts for a page where the explanation sits above the data."""
        for view in (self.over_time_view, self.hour_view):
            view.setMinimumHeight(COMPACT_HEIGHT if compact else CHART_HEIGHT)
            # compact, they stay that low: the height left goes to the table
            view.setMaximumHeight(COMPACT_HEIGHT if compact else QWIDGETSIZE_MAX)

    def has_data(self) -> bool:
        return bool(self._points) or any(self._hours)

    def point_count(self) -> int:
        return len(self._points)

    def hours(self) -> list[int]:
        return list(self._hours)

    def axis_labels(self) -> tuple[list[str], list[str]]:
        """The labels asked of the two x axes (over time, hours), for tests and a11y."""
        return (
            [t.replace("\u200b", "") for t in self.time_axis.categoriesLabels()],
            list(self.hour_axis.categoriesLabels()),
        )

    def retranslate(self) -> None:
        self.over_time_view.setAccessibleName(self.tr("Activity over time"))
        self.hour_view.setAccessibleName(self.tr("Activity by hour of day"))
        self.empty_label.setText(self.tr("No times in this data, so there is no chart."))
        title = html.escape(self.tr("Activity over time"))
        self.partial_note = ""
        if self.partial_last_month() and self._data_end is not None:
            loc = self.locale()
            last = self._points[-1][0].date()
            self.partial_note = self.tr(
                "Your data ends on {day}, so {month} is only partly there (dashed)."
            ).format(
                day=loc.toString(QDate(self._data_end), self.tr("d MMM")),
                month=loc.toString(last, self.tr("MMMM yyyy")),
            )
            title += f"<br><small>{html.escape(self.partial_note)}</small>"
        self.over_time_title.setText(title)
        zone = self._zone_label
        if zone is None:
            self.hour_title.setText(self.tr("By hour of day (UTC)"))
            hour_tip = self.tr("Hours as TikTok's export stores them, in UTC.")
            time_tip = self.tr("Days and months in UTC, as TikTok's export stores them.")
        else:
            self.hour_title.setText(
                self.tr("By hour of day, your local time ({zone})").format(zone=zone)
            )
            hour_tip = self.tr(
                "Hours in this computer's time zone ({zone}). TikTok's export stores every "
                "time in UTC; the table shows the stored UTC time when you point at a date."
            ).format(zone=zone)
            time_tip = self.tr(
                "Days and months in this computer's time zone ({zone}). The stored times are "
                "in UTC."
            ).format(zone=zone)
        self.hour_view.setToolTip(hour_tip)
        self.hour_title.setToolTip(hour_tip)
        self.over_time_view.setToolTip(time_tip)
        self.over_time_title.setToolTip(time_tip)
        self.hour_view.setAccessibleDescription(hour_tip)
        self.over_time_view.setAccessibleDescription(f"{time_tip} {self.partial_note}".strip())

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.PaletteChange:
            self._apply_palette()
        elif event.type() in (QEvent.Type.LocaleChange, QEvent.Type.LanguageChange):
            self._fitted = (-1, -1, -1, -1, -1.0)  # the date labels' format and language changed
            self._relabel_timer.start()
        super().changeEvent(event)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self.has_data():
            self._relabel_timer.start()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # the views settle their size after ours (the layout runs later): fit to theirs
        if event.type() == QEvent.Type.Resize and self.has_data():
            self._relabel_timer.start()
        return super().eventFilter(watched, event)

    # -- drawing -----------------------------------------------------------------------
    def _new_charts(self) -> None:
        """Fresh charts and axes for every rebuild: QtCharts leaves stale axis labels (or
        none at all) when axes are removed or re-ranged on a chart that is kept."""
        old = [self.over_time_view.chart(), self.hour_view.chart()]
        self.over_time_chart = QChart()
        self.hour_chart = QChart()
        for chart in (self.over_time_chart, self.hour_chart):
            chart.legend().hide()
            chart.setMargins(QMargins(2, 2, 2, 2))
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
        # bars sit at x = 0..23; a few hours labelled on their bar
        self.hour_axis = QCategoryAxis()
        self.hour_axis.setRange(-0.5, 23.5)
        self.hour_axis.setStartValue(-0.5)
        self.hour_axis.setLabelsPosition(QCategoryAxis.AxisLabelsPosition.AxisLabelsPositionOnValue)
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
        for widget in (self.over_time_view, self.hour_view, self.over_time_title, self.hour_title):
            widget.setVisible(has)
        self.empty_label.setVisible(not has)
        if has:
            self._fitted = self._fit()
            self._built_for = (self.over_time_view.size(), self.hour_view.size())
            self._build_over_time(self._fitted[0], self._fitted[2], self._fitted[4])
            self._build_hours(self._fitted[1], self._fitted[3])
        self._apply_palette()

    def _relabel_if_needed(self) -> None:
        # QtCharts does not always lay a chart out again when its view is resized (seen with a
        # chart built in a page not shown yet: labels stay "…" at their first, tiny size), so
        # a new size builds the charts anew, like new labels do
        sizes = (self.over_time_view.size(), self.hour_view.size())
        if self.has_data() and (self._fit() != self._fitted or sizes != self._built_for):
            self._rebuild()

    # -- labels that fit ---------------------------------------------------------------
    def _monthly(self) -> bool:
        return len(self._points) < 2 or self._points[0][0].daysTo(self._points[1][0]) >= 28

    def _date_format(self) -> str:
        if self._monthly():
            # Qt date format of a month on the chart axis, on two lines ("Mar" over "2024");
            # text in quotes is kept as it is, <br> breaks the line
            return self.tr("MMM'<br>'yyyy")
        return self.tr("d MMM")  # Qt date format of a day on the chart axis: "5 Mar"

    def _date_texts(self) -> list[str]:
        fmt = self._date_format()
        loc = self.locale()
        return [loc.toString(when.date(), fmt) for when, _c in self._points]

    def _plot_width(self, view: QChartView, count_top: int) -> float:
        """The x axis's width in a view: the view less the count axis's labels and margins."""
        font = self.count_axis.labelsFont()
        count_labels = _text_width(font, ["8" * (len(str(count_top)) + 1)])  # nice numbers
        return max(0.0, view.width() - count_labels - 2 * LABEL_PADDING - 16)

    def _fit(self) -> tuple[int, int, int, int, float]:
        """(number of date labels, index into HOUR_LABEL_SETS, count ticks of each chart,
        the date labels' point size) that fit the views now, measured with the font the
        labels are drawn in."""
        font = self.count_axis.labelsFont()  # the axes' font (the date axis may be smaller)
        texts = self._date_texts()
        date_lines = max((t.count(LINE_BREAK) + 1 for t in texts), default=1)
        date_points = date_points_that_fit(font, date_lines, self.over_time_view.height())
        date_font = QFont(font)
        date_font.setPointSizeF(date_points)
        top = max((c for _w, c in self._points), default=1)
        most = min(MOST_TIME_LABELS, max(1, len(texts)))
        dates = labels_that_fit(
            self._plot_width(self.over_time_view, top), _text_width(date_font, texts), most
        )
        hour_width = self._plot_width(self.hour_view, max(self._hours))
        hours = len(HOUR_LABEL_SETS) - 1
        for i, hour_set in enumerate(HOUR_LABEL_SETS):
            needed = _text_width(font, [str(h) for h in hour_set])
            if labels_that_fit(hour_width, needed, len(hour_set)) == len(hour_set):
                hours = i
                break
        line = QFontMetricsF(self.count_axis.labelsFont()).height()
        date_line = QFontMetricsF(date_font).height()
        # the plot: the view less the date labels under it and the chart's margins
        time_plot = self.over_time_view.height() - date_lines * date_line - 3 * LABEL_PADDING - 8
        hour_plot = self.hour_view.height() - line - 3 * LABEL_PADDING - 8
        return (
            dates,
            hours,
            ticks_that_fit(time_plot, line),
            ticks_that_fit(hour_plot, line),
            date_points,
        )

    def _build_over_time(self, labels: int, ticks: int, date_points: float) -> None:
        n = len(self._points)
        partial = self.partial_last_month()
        line = QLineSeries()
        solid = self._points[:-1] if partial else self._points
        for i, (_when, count) in enumerate(solid):
            line.append(float(i), float(count))
        if n == 1:  # one bucket: a flat line across it so it is visible
            line.clear()
            line.append(-0.5, float(self._points[0][1]))
            line.append(0.5, float(self._points[0][1]))
        lines = [line]
        if partial:  # the month the data ends in: dashed, and a hollow point on it
            tail = QLineSeries()
            tail.setObjectName(PARTIAL)
            tail.append(float(n - 2), float(self._points[-2][1]))
            tail.append(float(n - 1), float(self._points[-1][1]))
            tail.setPointsVisible(True)
            lines.append(tail)
        for series in lines:
            self.over_time_chart.addSeries(series)
            series.attachAxis(self.time_axis)
            series.attachAxis(self.count_axis)
        # half a bucket of room at each end: a label on the first or last bucket is centred
        # on it and would otherwise stick out of the chart
        self.time_axis.setRange(-0.5, n - 0.5)
        self.time_axis.setStartValue(-0.5)
        date_font = QFont(self.time_axis.labelsFont())
        date_font.setPointSizeF(date_points)
        self.time_axis.setLabelsFont(date_font)
        texts = self._date_texts()
        for i in _label_positions(len(self._points), labels):
            text = texts[i]
            while text in self.time_axis.categoriesLabels():  # labels must be unique
                text += "\u200b"
            self.time_axis.append(text, i)
        top = max(c for _, c in self._points)
        # a line never on the edge
        _count_range(self.count_axis, top + 1 if top <= 5 else top, ticks)

    def _build_hours(self, label_set: int, ticks: int) -> None:
        bars = QBarSet("")
        bars.append([float(c) for c in self._hours])
        series = QBarSeries()
        series.setBarWidth(0.8)
        series.append(bars)
        self.hour_chart.addSeries(series)
        series.attachAxis(self.hour_axis)
        series.attachAxis(self.hour_count_axis)
        self.hour_axis.setRange(-0.5, 23.5)
        for hour in HOUR_LABEL_SETS[label_set]:
            self.hour_axis.append(str(hour), hour)
        _count_range(self.hour_count_axis, max(self._hours), ticks)

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
                if isinstance(series, QLineSeries) and series.objectName() == PARTIAL:
                    series.setPen(QPen(accent, 2, Qt.PenStyle.DashLine))
                elif isinstance(series, QLineSeries):
                    series.setPen(QPen(accent, 2))
                elif isinstance(series, QBarSeries):
                    for bar_set in series.barSets():
                        bar_set.setColor(accent)
                        bar_set.setBorderColor(accent)
        for view in (self.over_time_view, self.hour_view):
            view.setBackgroundBrush(QBrush(base))
