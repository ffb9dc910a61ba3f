"""One category: the explanation on the left, the user's own data on the right, the share
level at the bottom.

The table is a lazy ``RecordsModel`` (keyset pages); counts, facts and the chart's numbers are
computed off the GUI thread through ``run_task``.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import date, tzinfo
from typing import Any

from PySide6.QtCore import QEvent, QMargins, QModelIndex, QObject, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QResizeEvent, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QSizePolicy,
    QSplitter,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from plainview.errors import PlainviewError
from plainview.ui.context import AppContext
from plainview.ui.conversation_view import ConversationView, is_direct_messages
from plainview.ui.explanation_view import ExplanationView
from plainview.ui.record_dialog import RecordDialog
from plainview.ui.records_model import RecordsModel, VaultRecordSource
from plainview.ui.share_selector import ShareSelector
from plainview.ui.tasks import TaskHandle, run_task
from plainview.ui.time_chart import TimeChart

log = logging.getLogger(__name__)

FILTER_DELAY_MS = 250
#: Below this page width the explanation sits above the data instead of beside it (the page of
#: an 800 px wide window is about 490 px; of a 1100 px one, about 790 px).
STACK_BELOW_WIDTH = 760
FIND_PAGES = 5  # pages searched for a requested record before starting the table at it


@dataclass
class CategoryDetails:
    """What the worker computes for one category."""

    count: int = 0
    facts: list[Any] = field(default_factory=list)
    over_time: list[Any] = field(default_factory=list)
    by_hour: Any = None
    section_status: str | None = None  # "empty" | "missing" | None
    zone_label: str | None = None  # the zone the chart's buckets are in ("UTC+08:00")
    data_end: date | None = None  # the day of the newest record, in that zone


def section_status(vault: Any, category: str) -> str | None:
    """How the latest complete import saw this category: "empty" (the section was there but
    empty), "missing" (the export did not include it), or None (it has data, or no import)."""
    try:
        imports = [i for i in vault.imports() if i.status == "complete"]
    except (AttributeError, PlainviewError):
        return None
    if not imports:
        return None
    latest = max(imports, key=lambda i: i.id)
    statuses = {status for _path, cat, status, _n in vault.sections(latest.id) if cat == category}
    if "imported" in statuses:
        return None
    if "empty" in statuses:
        return "empty"
    return "missing"


def load_details(vault: Any, category: str, lang: str, tz: tzinfo | None = None) -> CategoryDetails:
    """Worker side: count, facts, chart series, section status (Qt-free core calls only).
    The chart's hours, days and months are those of ``tz`` (default: the computer's zone)."""
    from plainview.insights import (
        activity_by_hour,
        activity_over_time,
        facts_for,
        local_zone,
        zone_label,
    )

    zone = local_zone() if tz is None else tz
    details = CategoryDetails(count=vault.count(category))
    details.facts = list(facts_for(vault, category, lang=lang, tz=zone))
    if details.count:
        details.over_time = list(activity_over_time(vault, category, bucket="month", tz=zone))
        if len(details.over_time) < 3:  # a short period reads better day by day
            details.over_time = list(activity_over_time(vault, category, bucket="day", tz=zone))
        details.by_hour = activity_by_hour(vault, category, tz=zone)
        details.zone_label = zone_label(zone)
        newest = vault.records(category, limit=1, order="time_desc")
        if newest and newest[0].occurred_at is not None:
            details.data_end = newest[0].occurred_at.astimezone(zone).date()
    else:
        details.section_status = section_status(vault, category)
    return details


class CategoryPage(QWidget):
    """Signals: ``share_changed(str category, str level)`` after a share level was written."""

    share_changed = Signal(str, str)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.category: str | None = None
        self._title = ""
        self._details: CategoryDetails | None = None
        self._task: TaskHandle | None = None
        self._generation = 0
        self._pending_record: int | None = None
        self._filter_count: int | None = None  # records the filter matches (None: counting)
        self._count_task: TaskHandle | None = None
        self._own_change = False  # our own share change is being announced

        self.explanation = ExplanationView(self)
        self.explanation.setMinimumWidth(220)
        self.explanation.setMinimumHeight(64)
        # folds the explanation away (and back); the choice is remembered on this device
        self.explanation_toggle = QToolButton(self)
        self.explanation_toggle.setCheckable(True)
        self.explanation_toggle.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.explanation_toggle.setAutoRaise(True)
        self.explanation_toggle.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.explanation_toggle.toggled.connect(self._explanation_toggled)

        # right pane: the user's own data
        right = QWidget(self)
        self.data_heading = QLabel(right)
        self.data_heading.setProperty("role", "heading")
        font = self.data_heading.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.2)
        self.data_heading.setFont(font)
        self.count_label = QLabel(right)
        self.count_label.setProperty("role", "hint")
        self.empty_label = QLabel(right)
        self.empty_label.setWordWrap(True)
        self.empty_label.setProperty("role", "notice")
        self.empty_label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        self.filter_edit = QLineEdit(right)
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_label = QLabel(right)
        self.filter_label.setBuddy(self.filter_edit)
        self.start_notice = QLabel(right)
        self.start_notice.setWordWrap(True)
        self.sort_notice = QLabel(right)  # why a column does not sort (too many rows)
        self.sort_notice.setWordWrap(True)
        self.sort_notice.setProperty("role", "hint")
        self.sort_notice.hide()
        self.show_all_button = QPushButton(right)
        self.show_all_button.clicked.connect(self._show_from_start)
        self.model = RecordsModel(self)
        self.model.lang = ctx.lang
        self.table = QTableView(right)
        self.table.setModel(self.model)
        self.table.setSortingEnabled(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setSortIndicator(0, Qt.SortOrder.DescendingOrder)
        self.table.horizontalHeader().sortIndicatorChanged.connect(self._sort_indicator_changed)
        # sorting from the keyboard: the menu key (or a right click) on a cell or a header
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._table_menu_requested)
        header = self.table.horizontalHeader()
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(self._header_menu_requested)
        # one record in full: Enter or a double click; Ctrl+C copies the row as text
        self.record_dialog: RecordDialog | None = None
        self.table.doubleClicked.connect(lambda index: self.open_record(index.row()))
        self.table.installEventFilter(self)
        self.copy_shortcut = QShortcut(QKeySequence(QKeySequence.StandardKey.Copy), self.table)
        self.copy_shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
        self.copy_shortcut.activated.connect(self.copy_current_row)
        self.no_match_label = QLabel(right)  # a filter that matches nothing says so
        self.no_match_label.setWordWrap(True)
        self.no_match_label.setProperty("role", "notice")
        self.no_match_label.hide()
        # direct messages: the table or the conversations (chat list and bubbles)
        self.conversations = ConversationView(right)
        self.conversations.hide()
        self.view_toggle = QPushButton(right)
        self.view_toggle.setCheckable(True)
        self.view_toggle.hide()
        self.view_toggle.toggled.connect(self._show_conversations)
        self.chart = TimeChart(right)
        self._filter_timer = QTimer(self)
        self._filter_timer.setSingleShot(True)
        self._filter_timer.setInterval(FILTER_DELAY_MS)
        self._filter_timer.timeout.connect(self._apply_filter)
        self.filter_edit.textChanged.connect(lambda _t: self._filter_timer.start())
        self.filter_edit.returnPressed.connect(self._apply_filter)
        self.model.reloaded.connect(self._after_reload)
        self.model.sort_refused.connect(self._sort_refused)
        self.model.fetched.connect(lambda _n: self._update_count())
        self.model.busy_changed.connect(lambda _b: self._update_count())

        filter_row = QHBoxLayout()
        filter_row.addWidget(self.filter_label)
        filter_row.addWidget(self.filter_edit, 1)
        filter_row.addWidget(self.view_toggle)
        notice_row = QHBoxLayout()
        notice_row.addWidget(self.start_notice, 1)
        notice_row.addWidget(self.show_all_button)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(8, 4, 4, 4)
        right_layout.addWidget(self.data_heading)
        right_layout.addWidget(self.count_label)
        right_layout.addWidget(self.empty_label)
        right_layout.addLayout(filter_row)
        right_layout.addLayout(notice_row)
        right_layout.addWidget(self.sort_notice)
        right_layout.addWidget(self.no_match_label)
        right_layout.addWidget(self.table, 3)
        right_layout.addWidget(self.conversations, 3)
        right_layout.addWidget(self.chart, 2)
        right_layout.addStretch(0)  # keeps the texts at the top when the table is hidden

        # side by side on a wide page, the explanation above the data on a narrow one
        self._wide_spacing: int | None = None
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(self.explanation)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 3)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setSizes([400, 600])

        self.share_selector = ShareSelector(self)
        self.share_selector.level_chosen.connect(self._share_chosen)
        self.share_status = QLabel(self)
        self.share_status.setProperty("role", "hint")
        bottom = QFrame(self)
        bottom.setFrameShape(QFrame.Shape.StyledPanel)
        bottom_layout = self._bottom_layout = QVBoxLayout(bottom)
        bottom_layout.addWidget(self.share_selector)
        bottom_layout.addWidget(self.share_status)

        toggle_row = QHBoxLayout()
        toggle_row.setContentsMargins(0, 0, 0, 0)
        toggle_row.addWidget(self.explanation_toggle)
        toggle_row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setSpacing(4)
        layout.addLayout(toggle_row)
        layout.addWidget(self.splitter, 1)
        layout.addWidget(bottom)

        shown = ctx.prefs.explanation_shown if ctx.prefs is not None else True
        self.explanation_toggle.setChecked(shown)
        self.explanation.setVisible(shown)
        self._wide_margins = (layout.contentsMargins(), bottom_layout.contentsMargins())
        self._update_minimum_width()
        self.setTabOrder(self.explanation_toggle, self.explanation)
        self.setTabOrder(self.explanation, self.filter_edit)
        self.setTabOrder(self.filter_edit, self.view_toggle)
        self.setTabOrder(self.view_toggle, self.table)
        self.setTabOrder(self.table, self.share_selector.buttons["private"])

        ctx.locked.connect(self.clear)
        ctx.language_changed.connect(self._language_changed)
        ctx.policy_changed.connect(lambda _p: self._show_explanation())
        self._set_start_notice(False)
        self.retranslate()
        self.clear()

    # -- page contract -----------------------------------------------------------------
    def show_category(self, category_id: str, record_id: int | None = None) -> None:
        """Show one category; with ``record_id``, select that record in the table."""
        changed = category_id != self.category
        self.category = category_id
        self._pending_record = record_id
        if record_id is not None:
            self.view_toggle.setChecked(False)  # the record is found in the table
        if changed or record_id is None:
            self.filter_edit.blockSignals(True)
            self.filter_edit.clear()
            self.filter_edit.blockSignals(False)
        self.refresh()

    def refresh(self) -> None:
        """Reload everything of the current category from the vault."""
        if self.category is None or not self.ctx.is_unlocked or self._own_change:
            return
        self._generation += 1
        self._details = None
        self._show_explanation()
        self._load_share_level()
        self._set_start_notice(False)
        vault = self.ctx.vault
        for widget in (self.table, self.filter_edit, self.filter_label):
            widget.setVisible(True)
        self.empty_label.hide()
        self.sort_notice.hide()
        # a filter the box still shows stays applied (after an import, say), so the rows and
        # the count agree with what the box says
        self.model.set_filter(self.filter_edit.text())
        self._filter_count = None
        self.model.set_source(VaultRecordSource(vault, self.category), self.category)
        self._count_matches()
        self.view_toggle.setVisible(is_direct_messages(self.category))
        if not is_direct_messages(self.category):
            self.view_toggle.setChecked(False)
        self._show_conversations(self.view_toggle.isChecked())
        if self._pending_record is not None:
            self._select_record(self._pending_record)
            self._pending_record = None
        self.explanation.set_facts([])
        self.chart.clear()
        self._update_count()
        self._start_details()

    def clear(self) -> None:
        """Drop every model and cached value (on lock)."""
        self._generation += 1
        if self._task is not None:
            self._task.cancel()
            self._task = None
        self.category = None
        self._details = None
        self._title = ""
        self._close_record()
        self.conversations.clear()
        self.model.clear()
        self.chart.clear()
        self.explanation.clear()
        self.filter_edit.clear()
        self.count_label.clear()
        self.empty_label.hide()
        self.sort_notice.hide()
        self._set_share_status("")
        self.share_selector.set_category("", "private")
        self.share_selector.setEnabled(False)
        self._set_start_notice(False)

    def retranslate(self) -> None:
        self._retranslate_toggle()
        self._update_minimum_width()  # longer words may need a wider page
        self.data_heading.setText(self.tr("Your data"))
        self.filter_label.setText(self.tr("&Filter:"))
        self.filter_edit.setPlaceholderText(
            self.tr("Filter by words, a video id, a link or a date (2025-03-01)…")
        )
        self.filter_edit.setAccessibleName(self.tr("Filter the rows"))
        self.table.setAccessibleName(self.tr("Your records in this category"))
        self.table.setAccessibleDescription(
            self.tr("Press the menu key on a column to sort the rows by it.")
        )
        self.table.horizontalHeader().setAccessibleName(self.tr("Columns, click one to sort by it"))
        self.table.verticalHeader().setAccessibleName(self.tr("Rows"))
        self.explanation.setAccessibleName(self.tr("Explanation of this category"))
        self._label_view_toggle()
        self.conversations.retranslate()
        self.show_all_button.setText(self.tr("Show from the newest"))
        self.show_all_button.setAccessibleName(self.tr("Show from the newest"))
        self.start_notice.setText(self.tr("The table starts at the record you opened."))
        self.explanation.retranslate()
        self.chart.retranslate()
        self.share_selector.retranslate()
        self.model.relocalize(self.ctx.lang)
        if self.category is not None and self.ctx.is_unlocked:
            self._show_explanation()
            self._show_details()
        self._update_count()

    def _language_changed(self, _lang: str) -> None:
        self.retranslate()
        if self.category is not None and self.ctx.is_unlocked and self._details is not None:
            self._start_details()  # the facts are worded in the new language

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_layout(event.size().width())

    def _update_minimum_width(self) -> None:
        """The page may get as narrow as its panes stacked: side by side needs more, but
        below STACK_BELOW_WIDTH they stack, so the window can always shrink to 800 px (the
        layout's own minimum is that of the current orientation, and would hold it wider)."""
        layout = self.layout()
        if layout is None:
            return
        widest = 0
        for i in range(layout.count()):
            item = layout.itemAt(i)
            if item is None:
                continue
            if item.widget() is self.splitter:
                panes = [self.splitter.widget(k) for k in range(self.splitter.count())]
                widest = max(
                    widest,
                    *(max(w.minimumSizeHint().width(), w.minimumWidth()) for w in panes if w),
                )
            else:
                widest = max(widest, item.minimumSize().width())
        margins = layout.contentsMargins()
        self.setMinimumWidth(min(widest + margins.left() + margins.right(), STACK_BELOW_WIDTH))

    # -- layout that fits --------------------------------------------------------------
    def is_stacked(self) -> bool:
        """True while the explanation sits above the data (a narrow page)."""
        return self.splitter.orientation() == Qt.Orientation.Vertical

    def explanation_shown(self) -> bool:
        return self.explanation_toggle.isChecked()

    def set_explanation_shown(self, shown: bool) -> None:
        self.explanation_toggle.setChecked(shown)

    def _fit_layout(self, width: int) -> None:
        wanted = Qt.Orientation.Vertical if width < STACK_BELOW_WIDTH else Qt.Orientation.Horizontal
        if wanted == self.splitter.orientation():
            return
        stacked = wanted == Qt.Orientation.Vertical
        self.splitter.setOrientation(wanted)
        self.chart.set_compact(stacked)
        # stacked, the height is scarce: the charts keep their least height, the table gets
        # the rest (at least a few rows) and the explanation scrolls above them
        data_pane = self.table.parentWidget()
        data_layout = data_pane.layout() if data_pane is not None else None
        if isinstance(data_layout, QVBoxLayout):
            data_layout.setStretchFactor(self.chart, 0 if stacked else 2)
            if self._wide_spacing is None:
                self._wide_spacing = data_layout.spacing()
            # stacked, the gaps between the data pane's rows shrink too (a tall font, like
            # any CJK font, leaves the table only a row or two otherwise)
            data_layout.setSpacing(2 if stacked else self._wide_spacing)
        rows = self.table.verticalHeader().defaultSectionSize()
        self.table.setMinimumHeight(3 * rows if stacked else 0)
        # and tighter margins: every line of the table counts
        page_layout = self.layout()
        if page_layout is not None:
            page_layout.setContentsMargins(
                QMargins(6, 4, 6, 4) if stacked else self._wide_margins[0]
            )
        self._bottom_layout.setContentsMargins(
            QMargins(8, 4, 8, 4) if stacked else self._wide_margins[1]
        )
        self._share_splitter(0.15 if stacked else 0.4)
        self._retranslate_toggle()  # the arrow points the way the pane folds

    def _balance_panes(self, *, has_rows: bool) -> None:
        """Stacked, the explanation gets most of the height when there are no rows to show,
        and the data most of it when there are."""
        if self.is_stacked():
            self._share_splitter(0.15 if has_rows else 0.75)

    def _share_splitter(self, first: float) -> None:
        """Give the first pane ``first`` of the splitter's length (setSizes() spreads what
        the numbers do not add up to by the stretch factors, so they must be in pixels)."""
        total = sum(self.splitter.sizes()) or 1000
        self.splitter.setSizes([round(total * first), total - round(total * first)])

    def _explanation_toggled(self, shown: bool) -> None:
        self.explanation.setVisible(shown)
        if self.ctx.prefs is not None and self.ctx.prefs.explanation_shown != shown:
            self.ctx.prefs.explanation_shown = shown
        self._retranslate_toggle()

    def _retranslate_toggle(self) -> None:
        shown = self.explanation_toggle.isChecked()
        if shown:
            text = self.tr("Hide &explanation")
            tip = self.tr("Fold the explanation away to give your data the whole page (Alt+E)")
        else:
            text = self.tr("Show &explanation")
            tip = self.tr("Show what this is and why TikTok says it collects it (Alt+E)")
        self.explanation_toggle.setText(text)
        self.explanation_toggle.setToolTip(tip)
        self.explanation_toggle.setAccessibleName(text.replace("&", ""))
        self.explanation_toggle.setAccessibleDescription(tip)
        vertical = self.splitter.orientation() == Qt.Orientation.Vertical
        arrow = (
            (Qt.ArrowType.UpArrow if shown else Qt.ArrowType.DownArrow)
            if vertical
            else (Qt.ArrowType.LeftArrow if shown else Qt.ArrowType.RightArrow)
        )
        self.explanation_toggle.setArrowType(arrow)

    # -- explanation and share level ---------------------------------------------------
    def _show_explanation(self) -> None:
        if self.category is None:
            return
        expl: Any = None
        try:
            expl = self.ctx.catalog().explain(self.category, policy=self.ctx.policy)
        except (ImportError, KeyError, PlainviewError):
            log.info("no explanation for this category")
        self._title = str(getattr(expl, "title", "") or self.category)
        self.explanation.show_explanation(expl)
        self.share_selector.set_category(self._title, self.share_selector.level())

    def _load_share_level(self) -> None:
        try:
            from plainview.sharing.choices import get_choices

            level = get_choices(self.ctx.vault)[str(self.category)].share
        except (ImportError, KeyError, PlainviewError):
            self.share_selector.setEnabled(False)
            self._set_share_status(self.tr("Share levels are not available yet."))
            return
        self.share_selector.setEnabled(True)
        self.share_selector.set_category(self._title, level)
        self._set_share_status("")

    def _set_share_status(self, text: str) -> None:
        self.share_status.setText(text)
        self.share_status.setVisible(bool(text))

    def _share_chosen(self, level: str) -> None:
        if self.category is None or not self.ctx.is_unlocked:
            return
        try:
            from plainview.sharing.choices import set_share

            set_share(self.ctx.vault, self.category, level)
        except PlainviewError as exc:
            self._set_share_status(exc.message)
            self._load_share_level()
            return
        self._set_share_status(self.tr("Saved. Your choice is kept in the vault."))
        self.share_changed.emit(self.category, level)
        self._own_change = True
        try:
            self.ctx.data_changed.emit()
        finally:
            self._own_change = False

    # -- table -------------------------------------------------------------------------
    def _apply_filter(self) -> None:
        self._filter_timer.stop()
        if self.category is None:
            return
        self._set_start_notice(False)
        self.sort_notice.hide()
        self.model.set_filter(self.filter_edit.text())
        self._count_matches()
        if self.view_toggle.isChecked():
            self.conversations.load(self.ctx.vault, self.model.filter_text)

    def _count_matches(self) -> None:
        """How many records the filter matches, counted off the GUI thread (the table shows
        them page by page, so its rows alone cannot tell)."""
        if self._count_task is not None:
            self._count_task.cancel()
            self._count_task = None
        self._filter_count = None
        text = self.model.filter_text
        if not text or self.category is None or not self.ctx.is_unlocked:
            self._update_count()
            return
        generation = self._generation
        source = VaultRecordSource(self.ctx.vault, self.category)

        def done(result: Any, error: BaseException | None) -> None:
            if generation != self._generation or text != self.model.filter_text:
                return
            self._count_task = None
            self._filter_count = 0 if error is not None else int(result)
            self._update_count()

        self._count_task = run_task(source.count, text, on_done=done)
        self._update_count()

    def _show_no_match(self) -> None:
        text = self.model.filter_text
        none = bool(text) and not self.model.busy and self.model.rowCount() == 0
        if none:
            self.no_match_label.setText(
                self.tr(
                    "No rows match “{text}”. You can filter by words, a video id, a link or a "
                    "date such as {example}."
                ).format(text=text, example="2025-03-01")
            )
            self.no_match_label.setAccessibleName(self.no_match_label.text())
        self.no_match_label.setVisible(none)

    def _show_sort_indicator(self) -> None:
        """The header's arrow on the model's actual order (without asking it to sort)."""
        header = self.table.horizontalHeader()
        header.blockSignals(True)
        header.setSortIndicator(
            self.model.sort_column,
            Qt.SortOrder.DescendingOrder
            if self.model.sort_descending
            else Qt.SortOrder.AscendingOrder,
        )
        header.blockSignals(False)
        header.viewport().update()

    def _after_reload(self) -> None:
        self._show_sort_indicator()
        if self.model.refused_rows is None:
            self.sort_notice.hide()
        # size from a sample of rows: the view's own resizeColumnToContents() would ask the
        # model for every loaded row and role (tens of ms on the GUI thread)
        metrics = self.table.fontMetrics()
        header = self.table.horizontalHeader()
        for col in range(self.model.columnCount() - 1):
            title = str(self.model.headerData(col, Qt.Orientation.Horizontal) or "")
            texts = [*self.model.sample_texts(col), title]
            width = max(metrics.horizontalAdvance(t) for t in texts) + 24
            low, high = (60, 260) if col == 0 else (120, 320)
            header.resizeSection(col, max(low, min(high, width)))

    def _sort_indicator_changed(self, section: int, _order: Qt.SortOrder) -> None:
        """A header was clicked: the view asks the model to sort (a column other than the
        time is answered off the GUI thread; too many rows come back as ``sort_refused``)."""
        if section != self.model.sort_column or not self.model.columns()[section].is_time:
            self._set_start_notice(False)  # a column order starts from its top
        QTimer.singleShot(0, self._settle_sort_indicator)

    def _settle_sort_indicator(self) -> None:
        """After a click the model did not act on (nothing to sort yet): the arrow goes back
        to the order the rows are in. A pending sort sets it when its rows arrive."""
        if not self.model.busy:
            self._show_sort_indicator()

    def sort_menu(self, column: int) -> QMenu:
        """The sort choices for one column (what the menu key or a right click shows)."""
        menu = QMenu(self)
        columns = self.model.columns()
        if not 0 <= column < len(columns):
            return menu
        title = str(self.model.headerData(column, Qt.Orientation.Horizontal) or "")
        if columns[column].is_time:
            choices = [
                (self.tr("Newest first"), Qt.SortOrder.DescendingOrder),
                (self.tr("Oldest first"), Qt.SortOrder.AscendingOrder),
            ]
        else:
            choices = [
                (
                    self.tr("Sort by “{column}”, A to Z").format(column=title),
                    Qt.SortOrder.AscendingOrder,
                ),
                (
                    self.tr("Sort by “{column}”, Z to A").format(column=title),
                    Qt.SortOrder.DescendingOrder,
                ),
            ]
        for text, order in choices:
            action = menu.addAction(text)
            action.setCheckable(True)
            action.setChecked(
                self.model.sort_column == column
                and self.model.sort_descending == (order == Qt.SortOrder.DescendingOrder)
            )
            action.triggered.connect(
                lambda _checked=False, c=column, o=order: self.table.sortByColumn(c, o)
            )
        return menu

    def _table_menu_requested(self, pos: QPoint) -> None:
        index = self.table.indexAt(pos)
        if not index.isValid():
            index = self.table.currentIndex()
        column = index.column() if index.isValid() else self.model.sort_column
        self.show_menu(self.sort_menu(column), self.table.viewport().mapToGlobal(pos))

    def _header_menu_requested(self, pos: QPoint) -> None:
        header = self.table.horizontalHeader()
        self.show_menu(self.sort_menu(header.logicalIndexAt(pos)), header.mapToGlobal(pos))

    def show_menu(self, menu: QMenu, at: QPoint) -> None:
        """Run a menu where it was asked for (a seam: tests replace it, as exec() blocks)."""
        menu.exec(at)
        menu.deleteLater()

    def _sort_refused(self, _rows: int) -> None:
        """Too many rows to sort by that column: say so and put the arrow back."""
        self._show_sort_indicator()
        self.sort_notice.setText(self.model.refusal_text(_rows))
        self.sort_notice.setAccessibleName(self.sort_notice.text())
        self.sort_notice.show()
        self._update_count()

    def _select_record(self, record_id: int) -> None:
        row = self.model.row_of(record_id)
        pages = 0
        while row is None and self.model.canFetchMore() and pages < FIND_PAGES:
            self.model.fetchMore()
            row = self.model.row_of(record_id)
            pages += 1
        if row is None:
            row = self._start_at(record_id)
        if row is None:
            return
        index = self.model.index(row, 0)
        self.table.setCurrentIndex(index)
        self.table.selectRow(row)
        self.table.scrollTo(index, QAbstractItemView.ScrollHint.PositionAtCenter)
        self.table.setFocus()

    def _start_at(self, record_id: int) -> int | None:
        """Begin the table at a record far down the list (a keyset query starting at it)."""
        try:
            target = self.ctx.vault.record(record_id)
        except (PlainviewError, KeyError, LookupError):
            return None
        source = VaultRecordSource(self.ctx.vault, str(self.category))
        self.model.set_source(_StartAt(source, target), str(self.category))
        self._set_start_notice(True)
        return self.model.row_of(record_id)

    def _show_from_start(self) -> None:
        self._set_start_notice(False)
        if self.category is not None and self.ctx.is_unlocked:
            self.model.set_source(VaultRecordSource(self.ctx.vault, self.category), self.category)

    def _set_start_notice(self, visible: bool) -> None:
        self.start_notice.setVisible(visible)
        self.show_all_button.setVisible(visible)

    # -- conversations -----------------------------------------------------------------
    def _label_view_toggle(self) -> None:
        if self.view_toggle.isChecked():
            text = self.tr("Show as a &table")
        else:
            text = self.tr("Show as &conversations")
        self.view_toggle.setText(text)
        self.view_toggle.setAccessibleName(text)
        self.view_toggle.setToolTip(
            self.tr("Read your direct messages as chats, or as one table of every message.")
        )

    def _show_conversations(self, on: bool) -> None:
        on = on and is_direct_messages(self.category) and self.ctx.is_unlocked
        self._label_view_toggle()
        has_rows = not self.empty_label.isVisible()
        self.table.setVisible(has_rows and not on)
        self.conversations.setVisible(has_rows and on)
        if on:
            self.conversations.load(self.ctx.vault, self.model.filter_text)
        else:
            self.conversations.cancel()

    # -- one record ----------------------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self.table
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and event.modifiers() == Qt.KeyboardModifier.NoModifier
        ):
            index = self.table.currentIndex()
            if index.isValid():
                self.open_record(index.row())
                return True
        return super().eventFilter(watched, event)

    def open_record(self, row: int) -> RecordDialog | None:
        """Show one record in full (not modal to the app: the dialog closes with Esc)."""
        if not 0 <= row < self.model.rowCount() or not self.ctx.is_unlocked:
            return None
        if self.record_dialog is not None:
            self.record_dialog.close()
            self.record_dialog.deleteLater()
        dialog = RecordDialog(self.model.record_at(row), self._title, self, lang=self.ctx.lang)
        dialog.finished.connect(lambda _r: self.table.setFocus())
        self.record_dialog = dialog
        dialog.open()
        return dialog

    def copy_current_row(self) -> str:
        """Ctrl+C in the table: the current record as readable text on the clipboard."""
        index = self.table.currentIndex()
        if not index.isValid():
            return ""
        from plainview.ui.clipboard import copy_secret
        from plainview.ui.record_dialog import record_as_text

        text = record_as_text(self.model.record_at(index.row()), self._title, self.ctx.lang)
        copy_secret(text)
        return text

    def _close_record(self) -> None:
        if self.record_dialog is not None:
            self.record_dialog.close()
            self.record_dialog.deleteLater()
            self.record_dialog = None

    def current_record_id(self) -> int | None:
        index: QModelIndex = self.table.currentIndex()
        if not index.isValid():
            return None
        return int(self.model.record_at(index.row()).id)

    # -- details off the GUI thread ----------------------------------------------------
    def _start_details(self) -> None:
        if self._task is not None:
            self._task.cancel()
        generation = self._generation
        category = str(self.category)

        def done(result: Any, error: BaseException | None) -> None:
            if generation != self._generation:
                return
            self._task = None
            if error is not None:
                log.info("category details failed: %s", type(error).__name__)
                self._details = CategoryDetails(count=self.model.rowCount())
            else:
                self._details = result
            self._show_details()

        self._task = run_task(load_details, self.ctx.vault, category, self.ctx.lang, on_done=done)

    def details_loaded(self) -> bool:
        return self._details is not None

    def _show_details(self) -> None:
        details = self._details
        if details is None:
            return
        self.explanation.set_facts([str(getattr(f, "text", f)) for f in details.facts])
        if details.count:
            self.chart.set_data(
                details.over_time,
                details.by_hour,
                zone_label=details.zone_label,
                data_end=details.data_end,
            )
        else:
            self.chart.clear()
        self.chart.setVisible(details.count > 0 and self.chart.has_data())
        empty = details.count == 0 and not self.model.filter_text
        self.empty_label.setVisible(empty)
        self.empty_label.setText(self._empty_text(details.section_status))
        self.table.setVisible(not empty and not self.view_toggle.isChecked())
        self.conversations.setVisible(not empty and self.view_toggle.isChecked())
        self.view_toggle.setVisible(not empty and is_direct_messages(self.category))
        self.filter_edit.setVisible(not empty)
        self.filter_label.setVisible(not empty)
        self._balance_panes(has_rows=not empty)
        self._update_count()

    def _empty_text(self, status: str | None) -> str:
        if status == "empty":
            return self.tr("TikTok's export had this section, but it was empty.")
        if status == "missing":
            return self.tr("This export did not include it.")
        return self.tr("There is no data for this category in your vault.")

    def _update_count(self) -> None:
        loc = self.locale()
        loaded = self.model.loaded_records()
        self._show_no_match()
        if self._details is None:
            self.count_label.setText(self.tr("Counting…") if self.category else "")
            return
        total = self._details.count
        rows = self.model.rowCount()
        matched = self._filter_count
        if self.model.filter_text and self.model.busy:
            text = self.tr("Filtering…")
        elif self.model.busy:
            text = self.tr("Sorting…")
        elif self.model.filter_text and matched is None:
            text = self.tr("Counting the matching records…")
        elif self.model.filter_text:
            text = self.tr("{n} of {total} records match").format(
                n=loc.toString(int(matched or 0)), total=loc.toString(total)
            )
            if loaded < int(matched or 0):
                text += " · " + self.tr("showing the first {n} (scroll for more)").format(
                    n=loc.toString(loaded)
                )
        elif loaded < total:
            text = self.tr("{total} records · showing the first {n} (scroll for more)").format(
                total=loc.toString(total), n=loc.toString(loaded)
            )
        elif total == 1:
            text = self.tr("1 record")
        else:
            text = self.tr("{total} records").format(total=loc.toString(total))
        if rows != loaded and not self.model.busy and rows:
            # one record shown as one row per field (profile, settings…)
            text += " · " + self.tr("{n} fields, one per row").format(n=loc.toString(rows))
        self.count_label.setText(text)
        self.count_label.setAccessibleName(text)


class _StartAt:
    """A source whose first page begins at one record, then continues by keyset."""

    def __init__(self, inner: VaultRecordSource, target: Any) -> None:
        self.inner = inner
        self.target = target

    def page(self, after: Any | None, limit: int, order: str, filter_text: str | None) -> list[Any]:
        if after is None:
            rest = self.inner.page(self.target, limit - 1, order, filter_text)
            return [self.target, *rest]
        return self.inner.page(after, limit, order, filter_text)

    def count(self, filter_text: str | None) -> int:
        return self.inner.count(filter_text)

    def sorted_page(self, *args: Any) -> list[tuple[Any, Any]]:
        return self.inner.sorted_page(*args)
