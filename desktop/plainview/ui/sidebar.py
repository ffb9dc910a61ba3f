"""The sidebar: Overview, the categories grouped by sensitivity with their counts (empty and
missing ones dimmed at the end of their group, never hidden), then My choices and Guided
audit, pinned below the scrolling list so that they never scroll out of sight (``SidebarPanel``).
Sensitivity is a text label plus an icon, never colour alone."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from typing import Any, Final

from PySide6.QtCore import (
    QEvent,
    QModelIndex,
    QPersistentModelIndex,
    QPointF,
    QRectF,
    QSize,
    Qt,
    Signal,
    Slot,
)
from PySide6.QtGui import QBrush, QColor, QFont, QIcon, QKeySequence, QPainter, QPalette, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHeaderView,
    QSizePolicy,
    QTreeView,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from plainview.model import TIKTOK_CATEGORIES
from plainview.ui.context import AppContext

log = logging.getLogger(__name__)

KEY_ROLE: Final = Qt.ItemDataRole.UserRole
OVERVIEW: Final = "overview"
CHOICES: Final = "choices"
AUDIT: Final = "audit"
SENSITIVITIES: Final = ("high", "medium", "low")
#: Entries shown below the scrolling list, always visible.
PINNED: Final = (CHOICES, AUDIT)
_Move = QAbstractItemView.CursorAction

# Used only until/unless the catalog can say (it is the source of truth).
_FALLBACK_SENSITIVITY: Final = {
    "tiktok.direct_messages": "high",
    "tiktok.logins": "high",
    "tiktok.location": "high",
    "tiktok.devices": "high",
    "tiktok.autofill": "high",
    "tiktok.purchases": "high",
    "tiktok.off_platform": "high",
    "tiktok.profile": "medium",
    "tiktok.watch_history": "medium",
    "tiktok.searches": "medium",
    "tiktok.comments": "medium",
    "tiktok.ad_interests": "medium",
    "tiktok.shop": "medium",
    "tiktok.location_reviews": "medium",
    "tiktok.ad_clicks": "medium",
}


def category_key(category: str) -> str:
    return f"category:{category}"


def shortcut_text(number: int) -> str:
    """How Ctrl+``number`` is written on this platform (e.g. "Ctrl+1", "⌘1")."""
    sequence = QKeySequence(f"Ctrl+{number}")
    return sequence.toString(QKeySequence.SequenceFormat.NativeText)


@dataclass
class SidebarData:
    """What the sidebar shows; built off the GUI thread by ``load_sidebar_data``."""

    counts: dict[str, int] = field(default_factory=dict)
    empty: set[str] = field(default_factory=set)
    has_imports: bool = False


def _sections_of(result: Any) -> dict[str, Any]:
    if isinstance(result, dict):
        sections = result.get("sections")
        if isinstance(sections, dict):
            return sections
    return {}


def load_sidebar_data(vault: Any) -> SidebarData:
    """Counts per category and which categories the exports held but empty (worker-safe:
    the vault serialises access to its connection)."""
    data = SidebarData()
    data.counts = {k: int(v) for k, v in vault.category_counts().items()}
    for row in vault.imports():
        if getattr(row, "status", "complete") != "complete":
            continue
        data.has_imports = True
        names: list[Any] = list(_sections_of(getattr(row, "result", None)).get("empty", []) or [])
        if hasattr(vault, "sections"):
            names += [cat for _path, cat, status, _n in vault.sections(row.id) if status == "empty"]
        data.empty.update(n for n in names if isinstance(n, str) and n.startswith("tiktok."))
    return data


def sensitivity_icon(level: str, color: QColor, size: int = 16) -> QIcon:
    """Three small bars, as many filled as the level is high (a shape, not a colour)."""
    filled = {"high": 3, "medium": 2, "low": 1}.get(level, 0)
    pixmap = QPixmap(size * 2, size * 2)
    pixmap.setDevicePixelRatio(2.0)
    pixmap.fill(Qt.GlobalColor.transparent)
    p = QPainter(pixmap)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    bar_w = size / 5
    for i in range(3):
        height = size * (0.4 + 0.25 * i)
        rect = QRectF(QPointF(size * 0.15 + i * bar_w * 1.5, size * 0.9 - height), QSize(0, 0))
        rect.setWidth(bar_w)
        rect.setHeight(height)
        p.setPen(color)
        p.setBrush(QBrush(color) if i < filled else Qt.BrushStyle.NoBrush)
        p.drawRoundedRect(rect, 1, 1)
    p.end()
    return QIcon(pixmap)


class Sidebar(QTreeWidget):
    """Emits ``section_selected(key)``: ``"overview"``, ``"category:<id>"``, ``"choices"``,
    ``"audit"``."""

    section_selected = Signal(str)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._data = SidebarData()
        self._current = OVERVIEW
        self._rebuilding = False
        self.setColumnCount(2)
        self.setHeaderHidden(True)
        self.setRootIsDecorated(False)
        self.setIndentation(0)
        self._group_first: dict[str, str] = {}
        self.setUniformRowHeights(False)  # group headers are bold
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setFrameShape(QTreeWidget.Shape.NoFrame)
        self.setProperty("role", "sidebar")
        self.setMinimumWidth(220)  # long translations must never squeeze it to nothing
        header = self.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self._level_of: dict[str, str] = {}
        #: My choices and Guided audit, drawn below the list (same model, same selection).
        self.pinned = PinnedEntries(self)
        self.currentItemChanged.connect(self._on_current_changed)
        self.rebuild()
        ctx.language_changed.connect(self.retranslate)
        ctx.policy_changed.connect(lambda _p: self.rebuild())

    def sizeHint(self) -> QSize:
        return QSize(300, 400)

    # -- data --------------------------------------------------------------------------
    def set_data(self, data: SidebarData) -> None:
        self._data = data
        self.rebuild()

    def clear_data(self) -> None:
        """On lock: forget every count."""
        self._data = SidebarData()
        self._current = OVERVIEW
        self.rebuild()

    @property
    def data(self) -> SidebarData:
        return self._data

    def _catalog(self) -> Any:
        try:
            return self.ctx.catalog()
        except Exception:  # the catalog is optional for drawing the sidebar
            log.debug("catalog not available", exc_info=True)
            return None

    def _describe(self, catalog: Any, category: str) -> tuple[str, str]:
        title = category.removeprefix("tiktok.").replace("_", " ").capitalize()
        level = _FALLBACK_SENSITIVITY.get(category, "low")
        if catalog is not None:
            try:
                title = catalog.title(category)
                if hasattr(catalog, "sensitivity"):
                    level = catalog.sensitivity(category)
                else:
                    level = catalog.explain(category, self.ctx.policy).sensitivity
            except Exception:
                log.debug("no catalog entry for %s", category, exc_info=True)
        return title, level if level in SENSITIVITIES else "low"

    # -- building ----------------------------------------------------------------------
    def retranslate(self) -> None:
        self.rebuild()

    def changeEvent(self, event: Any) -> None:
        super().changeEvent(event)
        if event.type() == event.Type.PaletteChange and not self._rebuilding:
            self.rebuild()

    def _item(self, key: str, text: str) -> QTreeWidgetItem:
        item = QTreeWidgetItem([text, ""])
        item.setData(0, KEY_ROLE, key)
        item.setTextAlignment(1, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return item

    def _header(self, text: str, level: str | None = None) -> QTreeWidgetItem:
        item = QTreeWidgetItem([text, ""])
        item.setFlags(Qt.ItemFlag.NoItemFlags)
        font = QFont(self.font())
        font.setBold(True)
        item.setFont(0, font)
        color = self.palette().color(QPalette.ColorGroup.Active, QPalette.ColorRole.WindowText)
        item.setForeground(0, color)
        if level is not None:
            item.setIcon(0, sensitivity_icon(level, color))
        return item

    def rebuild(self) -> None:
        self._rebuilding = True
        self.blockSignals(True)
        try:
            self._rebuild()
        finally:
            self.blockSignals(False)
            self._rebuilding = False
        self.pinned.show_only(PINNED)

    def _rebuild(self) -> None:
        self.clear()
        self._group_first = {}
        self._level_of = {}
        self.setAccessibleName(self.tr("Sections"))
        self.pinned.setAccessibleName(self.tr("My choices and Guided audit"))
        catalog = self._catalog()
        dim = self.palette().color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text)
        groups: dict[str, list[tuple[str, str]]] = {s: [] for s in SENSITIVITIES}
        for category in TIKTOK_CATEGORIES:
            title, level = self._describe(catalog, category)
            groups[level].append((category, title))
        group_titles = {
            "high": self.tr("Most sensitive"),
            "medium": self.tr("Sensitive"),
            "low": self.tr("Less sensitive"),
        }
        blank = QPixmap(16, 16)
        blank.fill(Qt.GlobalColor.transparent)
        indent = QIcon(blank)
        overview = self._item(OVERVIEW, self.tr("Overview"))
        overview.setToolTip(0, self._with_shortcut(self.tr("What TikTok has about you"), 1))
        self._add(overview)
        counts = self._data.counts
        note_font = QFont(self.font())
        note_font.setPointSizeF(max(7.0, note_font.pointSizeF() * 0.85))
        for number, level in enumerate(SENSITIVITIES, start=2):
            header = self._header(group_titles[level], level)
            header.setToolTip(
                0,
                self._with_shortcut(
                    self.tr("%1: jump to the first category of this group").replace(
                        "%1", group_titles[level]
                    ),
                    number,
                ),
            )
            self._add(header)
            present = sorted(
                (c for c in groups[level] if counts.get(c[0], 0) > 0),
                key=lambda c: -counts[c[0]],
            )
            absent = sorted(
                (c for c in groups[level] if counts.get(c[0], 0) == 0),
                key=lambda c: (c[0] not in self._data.empty, c[1].casefold()),
            )
            for category, title in present:
                item = self._item(category_key(category), title)
                item.setIcon(0, indent)
                item.setText(1, self.locale().toString(counts[category]))
                item.setToolTip(0, f"{title} ({group_titles[level]})")
                self._add(item)
            for category, title in absent:
                item = self._item(category_key(category), title)
                item.setIcon(0, indent)
                if self._data.has_imports:
                    note = (
                        self.tr("empty in your export")
                        if category in self._data.empty
                        else self.tr("not in your export")
                    )
                    item.setText(1, note)
                    item.setToolTip(0, f"{title}: {note}")
                    item.setToolTip(1, f"{title}: {note}")
                for col in (0, 1):
                    item.setForeground(col, dim)
                item.setFont(1, note_font)
                self._add(item)
            first = [c for c, _ in present + absent]
            if first:
                self._group_first[level] = category_key(first[0])
            self._level_of.update((category_key(c), level) for c in first)
        choices = self._item(CHOICES, self.tr("My choices"))
        choices.setToolTip(0, self._with_shortcut(self.tr("Your share level per category"), 5))
        audit = self._item(AUDIT, self.tr("Guided audit"))
        audit.setToolTip(0, self._with_shortcut(self.tr("Go through your data step by step"), 6))
        for item in (choices, audit):
            self._add(item)
            item.setHidden(True)  # shown by the pinned view below the list
        self._select_key(self._current)

    def _with_shortcut(self, text: str, number: int) -> str:
        return f"{text} ({shortcut_text(number)})"

    def _add(self, item: QTreeWidgetItem) -> None:
        self.addTopLevelItem(item)
        if not item.data(0, KEY_ROLE):
            item.setFirstColumnSpanned(True)

    # -- selection -----------------------------------------------------------------------
    def _items(self) -> list[QTreeWidgetItem]:
        items = (self.topLevelItem(i) for i in range(self.topLevelItemCount()))
        return [item for item in items if item is not None]

    def keys(self) -> list[str]:
        """Every selectable entry in display order."""
        return [k for it in self._items() if (k := it.data(0, KEY_ROLE))]

    def section_keys(self) -> list[str]:
        """The targets of Ctrl+1…6: Overview, the first entry of each sensitivity group
        ("" for a group without categories), My choices, Guided audit."""
        groups = [self._group_first.get(level, "") for level in SENSITIVITIES]
        return [OVERVIEW, *groups, CHOICES, AUDIT]

    def group_of(self, key: str) -> str:
        """The sensitivity group ("high", "medium", "low") a category entry is listed in."""
        return self._level_of.get(key, "")

    def item_for(self, key: str) -> QTreeWidgetItem | None:
        for item in self._items():
            if item.data(0, KEY_ROLE) == key:
                return item
        return None

    def _select_key(self, key: str) -> None:
        item = self.item_for(key)
        if item is not None:
            self.setCurrentItem(item)
            self.scrollToItem(item)

    def select(self, key: str) -> None:
        """Select an entry and announce it (as a click would)."""
        item = self.item_for(key)
        if item is None:
            return
        if self.currentItem() is item:
            self._current = key
            self.section_selected.emit(key)
        else:
            self.setCurrentItem(item)
            self.scrollToItem(item)

    def select_section(self, number: int) -> None:
        keys = self.section_keys()
        if 1 <= number <= len(keys) and keys[number - 1]:
            self.select(keys[number - 1])

    def deselect(self) -> None:
        """No entry highlighted (e.g. while Search or Import is shown)."""
        self.blockSignals(True)
        self.setCurrentIndex(QModelIndex())
        self.clearSelection()
        self.blockSignals(False)
        self._current = ""

    @property
    def current_key(self) -> str:
        return self._current

    @Slot(QTreeWidgetItem, QTreeWidgetItem)
    def _on_current_changed(self, current: QTreeWidgetItem | None, _prev: Any) -> None:
        if current is None:
            return
        key = current.data(0, KEY_ROLE)
        if not key:
            return
        self._current = str(key)
        # Keyboard focus follows the highlight between the list and the pinned entries.
        if self._current in PINNED and self.hasFocus():
            self.pinned.setFocus(Qt.FocusReason.OtherFocusReason)
        elif self._current not in PINNED and self.pinned.hasFocus():
            self.setFocus(Qt.FocusReason.OtherFocusReason)
        self.section_selected.emit(self._current)

    # -- keyboard ------------------------------------------------------------------------
    def moveCursor(
        self, cursorAction: QAbstractItemView.CursorAction, modifiers: Qt.KeyboardModifier
    ) -> QModelIndex:
        target = self.step(cursorAction)
        return target if target is not None else super().moveCursor(cursorAction, modifiers)

    def step(self, action: QAbstractItemView.CursorAction) -> QModelIndex | None:
        """Arrow keys walk every entry in display order, the list then the pinned ones (None:
        let the view do its default, e.g. Page Down inside the list)."""
        keys = self.keys()
        current = self.currentItem()
        key = current.data(0, KEY_ROLE) if current is not None else None
        if key not in keys:
            return None
        i = keys.index(key)
        if action in (_Move.MoveUp, _Move.MovePrevious) or (
            action == _Move.MovePageUp and key in PINNED
        ):
            target = keys[max(0, i - 1)]
        elif action in (_Move.MoveDown, _Move.MoveNext) or (
            action == _Move.MovePageDown and key in PINNED
        ):
            target = keys[min(len(keys) - 1, i + 1)]
        elif action == _Move.MoveHome:
            target = keys[0]
        elif action == _Move.MoveEnd:
            target = keys[-1]
        else:
            return None
        item = self.item_for(target)
        return self.indexFromItem(item) if item is not None else None


class PinnedEntries(QTreeView):
    """The sidebar's last entries (My choices, Guided audit), below its scrolling list: a
    second view on the sidebar's own model and selection, as tall as its rows."""

    def __init__(self, sidebar: Sidebar) -> None:
        super().__init__(None)
        self._sidebar = sidebar
        self.setModel(sidebar.model())
        self.setSelectionModel(sidebar.selectionModel())
        self.setHeaderHidden(True)
        self.setRootIsDecorated(False)
        self.setIndentation(0)
        self.setUniformRowHeights(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setProperty("role", "sidebar")
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        # One Tab stop for the whole sidebar: the arrow keys bring the focus here.
        self.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        header = self.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self._shown: list[QPersistentModelIndex] = []

    def show_only(self, keys: tuple[str, ...]) -> None:
        """Hide every row but ``keys`` (after each rebuild of the sidebar's items)."""
        model = self.model()
        root = QModelIndex()
        self._shown = []
        for row in range(model.rowCount(root)):
            index = model.index(row, 0, root)
            shown = index.data(KEY_ROLE) in keys
            self.setRowHidden(row, root, not shown)
            if shown:
                self._shown.append(QPersistentModelIndex(index))
        self.updateGeometry()

    def sizeHint(self) -> QSize:
        rows = sum(max(1, self.sizeHintForRow(index.row())) for index in self._shown)
        return QSize(super().sizeHint().width(), rows + 2 * self.frameWidth())

    def minimumSizeHint(self) -> QSize:
        return QSize(super().minimumSizeHint().width(), self.sizeHint().height())

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self.updateGeometry()  # row heights follow the font and the style sheet

    def moveCursor(
        self, cursorAction: QAbstractItemView.CursorAction, modifiers: Qt.KeyboardModifier
    ) -> QModelIndex:
        target = self._sidebar.step(cursorAction)
        return target if target is not None else super().moveCursor(cursorAction, modifiers)


class SidebarPanel(QWidget):
    """The sidebar's scrolling list with the pinned entries below it, divided by a rule."""

    def __init__(self, sidebar: Sidebar, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        rule = QFrame(self)
        rule.setProperty("role", "rule")
        rule.setFixedHeight(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 4)  # the last entry never sits on the window edge
        layout.setSpacing(0)
        layout.addWidget(sidebar, 1)
        layout.addWidget(rule)
        layout.addSpacing(2)
        layout.addWidget(sidebar.pinned)
        self.setMinimumWidth(sidebar.minimumWidth())
