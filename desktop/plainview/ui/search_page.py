"""Search everything imported: results grouped by category with the matching words highlighted.

The query runs off the GUI thread (``Vault.search`` through ``run_task``). Arrows move through
the results; Enter (or a double click) opens the record in its category.
"""

from __future__ import annotations

import json
import logging
import re
from typing import Any

from PySide6.QtCore import (
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRectF,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QColor,
    QKeyEvent,
    QPainter,
    QPalette,
    QStandardItem,
    QStandardItemModel,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from plainview.columns import norm_key
from plainview.errors import PlainviewError
from plainview.model import TIKTOK_CATEGORIES
from plainview.ui.context import AppContext
from plainview.ui.records_model import TIME_KEYS, local_time_text, user_filter, utc_time_text
from plainview.ui.tasks import TaskHandle, run_task

log = logging.getLogger(__name__)

SEARCH_LIMIT = 200
SEARCH_DELAY_MS = 300
SNIPPET_CHARS = 160
CATEGORY_ROLE = Qt.ItemDataRole.UserRole + 1
RECORD_ID_ROLE = Qt.ItemDataRole.UserRole + 2
TERMS_ROLE = Qt.ItemDataRole.UserRole + 3

Index = QModelIndex | QPersistentModelIndex


def role_value(index: Index, role: int) -> Any:
    """``index.data(role)`` without PySide6 6.12's refcount bug: there, every ``data()`` call
    that finds no value returns a ``None`` it never took a reference to, and enough of them
    (a few thousand paints) crash the interpreter. ``itemData()`` returns only set roles."""
    model = index.model()
    if model is None or not index.isValid():
        return None
    return model.itemData(index).get(int(role))


def query_terms(query: str) -> list[str]:
    """The words to highlight (the vault matches each as a prefix)."""
    return [w for w in re.findall(r"\w+", query, flags=re.UNICODE) if w]


def record_text(fields: Any) -> str:
    """The human-readable values of an item, in order, on one line."""
    values: list[str] = []

    def walk(node: Any) -> None:
        if isinstance(node, dict):
            for key, value in node.items():
                if norm_key(str(key)) not in TIME_KEYS:
                    walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)
        elif isinstance(node, str):
            if node.strip():
                values.append(node.strip())
        elif node is not None and not isinstance(node, bool):
            values.append(json.dumps(node))

    walk(fields)
    return " · ".join(values)


def snippet(text: str, terms: list[str], width: int = SNIPPET_CHARS) -> str:
    """A window of ``text`` around the first matching word."""
    text = " ".join(text.split())
    if len(text) <= width:
        return text
    lower = text.casefold()
    positions = [lower.find(t.casefold()) for t in terms]
    found = [p for p in positions if p >= 0]
    start = max(0, min(found) - width // 3) if found else 0
    piece = text[start : start + width]
    return ("…" if start else "") + piece + ("…" if start + width < len(text) else "")


class HighlightDelegate(QStyledItemDelegate):
    """Draws an item's text with the search terms marked (bold, highlight colours of the
    palette — never colour alone)."""

    def _document(self, option: QStyleOptionViewItem, index: Index) -> QTextDocument:
        doc = QTextDocument()
        doc.setDefaultFont(option.font)
        doc.setDocumentMargin(2)
        doc.setPlainText(str(role_value(index, Qt.ItemDataRole.DisplayRole) or ""))
        terms = role_value(index, TERMS_ROLE) or []
        if terms:
            mark = QTextCharFormat()
            mark.setFontWeight(700)
            mark.setFontUnderline(True)
            pal = option.palette
            mark.setBackground(pal.color(QPalette.ColorRole.Highlight))
            mark.setForeground(QColor(pal.color(QPalette.ColorRole.HighlightedText)))
            for term in terms:
                cursor = QTextCursor(doc)
                while True:
                    cursor = doc.find(term, cursor)
                    if cursor.isNull():
                        break
                    cursor.mergeCharFormat(mark)
        return doc

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        style = opt.widget.style() if opt.widget else QApplication.style()
        doc = self._document(opt, index)
        opt.text = ""
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        text_rect = style.subElementRect(QStyle.SubElement.SE_ItemViewItemText, opt, opt.widget)
        painter.save()
        painter.translate(text_rect.topLeft())
        painter.setClipRect(QRectF(0, 0, text_rect.width(), text_rect.height()))
        context = QAbstractTextDocumentLayout.PaintContext()
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        context.palette.setColor(QPalette.ColorRole.Text, opt.palette.color(role))
        doc.documentLayout().draw(painter, context)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        base = super().sizeHint(option, index)
        return QSize(base.width(), max(base.height(), option.fontMetrics.height() + 8))


class SearchPage(QWidget):
    """Signals: ``record_requested(str category, int record_id)``; ``searched(int hits)``
    after each search has been shown."""

    record_requested = Signal(str, int)
    searched = Signal(int)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._query = ""
        self._task: TaskHandle | None = None
        self._generation = 0
        self._hits = 0

        self.title = QLabel(self)
        font = self.title.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.5)
        self.title.setFont(font)
        self.query_edit = QLineEdit(self)
        self.query_edit.setClearButtonEnabled(True)
        self.search_button = QPushButton(self)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.status.setProperty("role", "hint")
        self.model = QStandardItemModel(self)
        self.results = QTreeView(self)
        self.results.setModel(self.model)
        self.results.setHeaderHidden(True)
        self.results.setUniformRowHeights(True)
        self.results.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.results.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.results.setItemDelegate(HighlightDelegate(self.results))
        self.results.activated.connect(self._open)
        self.results.installEventFilter(self)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_DELAY_MS)
        self._timer.timeout.connect(self._run)
        self.query_edit.textEdited.connect(lambda _t: self._timer.start())
        self.query_edit.returnPressed.connect(self._run)
        self.query_edit.installEventFilter(self)
        self.search_button.clicked.connect(self._run)

        row = QHBoxLayout()
        row.addWidget(self.query_edit, 1)
        row.addWidget(self.search_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.addWidget(self.title)
        layout.addLayout(row)
        layout.addWidget(self.status)
        layout.addWidget(self.results, 1)
        layout.addStretch(0)  # keeps the field at the top while there are no results

        ctx.locked.connect(self.clear)
        ctx.language_changed.connect(self._language_changed)
        self.retranslate()
        self.clear()

    # -- page contract -----------------------------------------------------------------
    def search(self, text: str) -> None:
        """Put ``text`` in the field and search for it now."""
        self.query_edit.setText(text)
        self._run()

    def focus_query(self) -> None:
        self.query_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.query_edit.selectAll()

    def refresh(self) -> None:
        if self._query and self.ctx.is_unlocked:
            self._start(self._query)

    def clear(self) -> None:
        self._generation += 1
        if self._task is not None:
            self._task.cancel()
            self._task = None
        self._query = ""
        self._hits = 0
        self.query_edit.clear()
        self.model.clear()
        self._set_status()

    def retranslate(self) -> None:
        self.title.setText(self.tr("Search"))
        self.query_edit.setPlaceholderText(self.tr("Search everything you imported…"))
        self.query_edit.setAccessibleName(self.tr("Search words"))
        self.search_button.setText(self.tr("Search"))
        self.search_button.setAccessibleName(self.tr("Search"))
        self.results.setAccessibleName(self.tr("Search results, grouped by category"))
        self.results.header().setAccessibleName(self.tr("Search results"))
        self._retitle_groups()
        self._set_status()

    def _language_changed(self, _lang: str) -> None:
        self.retranslate()
        self.refresh()  # the results' dates are written in the new language

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            key = event.key()
            if watched is self.query_edit and key == Qt.Key.Key_Down and self.model.rowCount():
                self._focus_first_result()
                return True
            if watched is self.results and key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self._open(self.results.currentIndex())
                return True
        return super().eventFilter(watched, event)

    # -- searching ---------------------------------------------------------------------
    def _run(self) -> None:
        self._timer.stop()
        query = self.query_edit.text().strip()
        if query == self._query and self._task is not None:
            return
        self._query = query
        if not query:
            self._generation += 1
            self.model.clear()
            self._hits = 0
            self._set_status()
            return
        if self.ctx.is_unlocked:
            self._start(query)

    def _start(self, query: str) -> None:
        if self._task is not None:
            self._task.cancel()
        self._generation += 1
        generation = self._generation
        self.status.setText(self.tr("Searching…"))

        def done(result: Any, error: BaseException | None) -> None:
            if generation != self._generation:
                return
            self._task = None
            if error is not None:
                message = error.message if isinstance(error, PlainviewError) else ""
                log.info("search failed: %s", type(error).__name__)
                self._show([], query, message or self.tr("The search did not work."))
                return
            self._show(list(result), query)

        # a pasted link searches by its video id, a date (2025-03-01) by that local day
        wanted = user_filter(query)
        self._task = run_task(self.ctx.vault.search, wanted, limit=SEARCH_LIMIT, on_done=done)

    def _show(self, records: list[Any], query: str, error: str = "") -> None:
        self.model.clear()
        terms = query_terms(query)
        groups: dict[str, list[Any]] = {}
        for rec in records:
            groups.setdefault(rec.category, []).append(rec)
        order = {c: i for i, c in enumerate(TIKTOK_CATEGORIES)}
        root = self.model.invisibleRootItem()
        loc = self.locale()
        for category in sorted(groups, key=lambda c: order.get(c, len(order))):
            group = QStandardItem()
            group.setData(category, CATEGORY_ROLE)
            group.setData(len(groups[category]), RECORD_ID_ROLE)
            group.setSelectable(False)
            font = group.font()
            font.setBold(True)
            group.setFont(font)
            for rec in groups[category]:
                text = snippet(record_text(rec.fields), terms)
                when = local_time_text(rec.occurred_at, loc)
                time_item = QStandardItem(when)
                text_item = QStandardItem(text)
                text_item.setData(terms, TERMS_ROLE)
                for item in (time_item, text_item):
                    item.setData(category, CATEGORY_ROLE)
                    item.setData(int(rec.id), RECORD_ID_ROLE)
                    item.setToolTip(utc_time_text(rec.occurred_at))
                    item.setAccessibleText(f"{when} {text}".strip())
                group.appendRow([time_item, text_item])
            root.appendRow([group, QStandardItem()])
            self.results.setFirstColumnSpanned(root.rowCount() - 1, QModelIndex(), True)
        self._retitle_groups()
        self.results.expandAll()
        self.results.resizeColumnToContents(0)
        self._hits = len(records)
        self._set_status(error)
        self.searched.emit(len(records))

    def _retitle_groups(self) -> None:
        catalog: Any = None
        try:
            catalog = self.ctx.catalog()
        except (ImportError, PlainviewError):
            catalog = None
        for row in range(self.model.rowCount()):
            group = self.model.item(row)
            category = str(group.data(CATEGORY_ROLE))
            title = category
            if catalog is not None:
                try:
                    title = str(catalog.title(category))
                except (KeyError, PlainviewError):
                    title = category
            count = group.rowCount()
            group.setText(
                self.tr("{title} ({n})").format(title=title, n=self.locale().toString(count))
            )
            group.setAccessibleText(group.text())

    def _set_status(self, error: str = "") -> None:
        if error:
            text = error
        elif not self._query:
            text = self.tr(
                "Type words to search everything you imported. Press Enter on a result to open it."
            )
        elif self._task is not None:
            text = self.tr("Searching…")
        elif self._hits == 0:
            text = self.tr("No results for “{query}”.").format(query=self._query)
        elif self._hits >= SEARCH_LIMIT:
            text = self.tr(
                "Showing the first {n} results for “{query}”. Add words to narrow it down."
            ).format(n=self.locale().toString(self._hits), query=self._query)
        else:
            text = self.tr("{n} results for “{query}”.").format(
                n=self.locale().toString(self._hits), query=self._query
            )
        if self._hits == 1 and not error:
            text = self.tr("1 result for “{query}”.").format(query=self._query)
        self.status.setText(text)
        self.status.setAccessibleName(text)
        self.results.setVisible(self._hits > 0)

    def result_count(self) -> int:
        return self._hits

    def _focus_first_result(self) -> None:
        first_group = self.model.index(0, 0)
        child = self.model.index(0, 0, first_group)
        self.results.setFocus(Qt.FocusReason.OtherFocusReason)
        self.results.setCurrentIndex(child if child.isValid() else first_group)

    def _open(self, index: Index) -> None:
        if not index.isValid() or not index.parent().isValid():
            return
        category = str(role_value(index, CATEGORY_ROLE))
        record_id = int(role_value(index, RECORD_ID_ROLE))
        self.record_requested.emit(category, record_id)
