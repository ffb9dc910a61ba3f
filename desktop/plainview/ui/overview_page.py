"""Overview: "What TikTok has about you".

The period covered, how many categories hold data, the most striking facts in plain sentences,
one tile per category (clickable → the category page), and the import history. With no data
yet, it points to Import. Numbers are computed off the GUI thread.
"""

from __future__ import annotations

import html
import logging
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from PySide6.QtCore import QEvent, QLocale, QObject, Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from plainview import dates
from plainview.errors import PlainviewError
from plainview.model import TIKTOK_CATEGORIES, UNRECOGNIZED
from plainview.ui.category_tile import CategoryTile
from plainview.ui.context import AppContext
from plainview.ui.tasks import TaskHandle, run_task

log = logging.getLogger(__name__)

TILE_MIN_WIDTH = 240
SENSITIVITY_ORDER = {"high": 0, "medium": 1, "low": 2}


@dataclass
class OverviewData:
    counts: dict[str, int] = field(default_factory=dict)
    imports: list[Any] = field(default_factory=list)
    facts: list[Any] = field(default_factory=list)
    coverage: tuple[datetime, datetime] | None = None


def load_overview(vault: Any, lang: str) -> OverviewData:
    """Worker side: everything the overview shows, from the Qt-free core."""
    from plainview.insights import coverage, headline_facts, local_zone

    return OverviewData(
        counts=dict(vault.category_counts()),
        imports=list(vault.imports()),
        facts=list(headline_facts(vault, lang=lang, limit=5, tz=local_zone())),
        coverage=coverage(vault),
    )


def first_sentence(text: str) -> str:
    text = " ".join((text or "").split())
    for stop in (". ", "。"):
        if stop in text:
            return text.split(stop, 1)[0] + stop.strip()
    return text


def format_date(when: datetime | None, locale: QLocale) -> str:
    if when is None:
        return ""
    # one style per language everywhere ("1 March 2026", "2026年3月1日"): plainview.dates
    return dates.format_date(when, dates.language_of(locale.name()))


def parse_time(value: Any) -> datetime | None:
    if isinstance(value, datetime):
        return value
    if isinstance(value, str) and value:
        try:
            return datetime.fromisoformat(value.replace("Z", "+00:00"))
        except ValueError:
            return None
    return None


class OverviewPage(QWidget):
    """Signals: ``category_requested(str)`` when a tile is activated; ``import_requested()``
    from the empty state's button."""

    category_requested = Signal(str)
    import_requested = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._data: OverviewData | None = None
        self._task: TaskHandle | None = None
        self._generation = 0
        self.tiles: dict[str, CategoryTile] = {}

        self.stack = QStackedWidget(self)
        # empty state
        self.empty = QWidget(self.stack)
        self.empty_title = QLabel(self.empty)
        self.empty_title.setProperty("role", "title")
        self._big(self.empty_title, 1.6)
        self.empty_text = QLabel(self.empty)
        self.empty_text.setWordWrap(True)
        self.import_button = QPushButton(self.empty)
        self.import_button.setDefault(True)
        self.import_button.clicked.connect(self._ask_import)
        self.empty_title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        empty_layout = QVBoxLayout(self.empty)
        empty_layout.setContentsMargins(48, 24, 48, 24)
        empty_layout.addStretch(1)
        empty_layout.addWidget(self.empty_title)
        empty_layout.addWidget(self.empty_text)
        empty_layout.addSpacing(12)
        empty_layout.addWidget(self.import_button, 0, Qt.AlignmentFlag.AlignHCenter)
        empty_layout.addStretch(2)

        # loading state
        self.loading = QLabel(self.stack)
        self.loading.setAlignment(Qt.AlignmentFlag.AlignCenter)

        # full state
        self.scroll_area = QScrollArea(self.stack)
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        body = QWidget(self.scroll_area)
        self.title = QLabel(body)
        self.title.setProperty("role", "title")
        self._big(self.title, 1.6)
        self.summary = QLabel(body)
        self.summary.setWordWrap(True)
        self.facts_heading = self._heading(body)
        self.facts = QLabel(body)
        self.facts.setWordWrap(True)
        self.facts.setTextFormat(Qt.TextFormat.RichText)
        self.tiles_heading = self._heading(body)
        self.tiles_box = QWidget(body)
        self.tiles_grid = QGridLayout(self.tiles_box)
        self.tiles_grid.setContentsMargins(0, 0, 0, 0)
        self.tiles_grid.setSpacing(8)
        self.no_data_label = QLabel(body)
        self.no_data_label.setWordWrap(True)
        self.no_data_label.setProperty("role", "hint")
        self.history_heading = self._heading(body)
        self.history = QLabel(body)
        self.history.setWordWrap(True)
        self.history.setTextFormat(Qt.TextFormat.RichText)
        body_layout = QVBoxLayout(body)
        body_layout.setContentsMargins(16, 12, 16, 16)
        body_layout.setSpacing(6)
        for widget in (self.title, self.summary, self.facts_heading, self.facts):
            body_layout.addWidget(widget)
        body_layout.addSpacing(8)
        body_layout.addWidget(self.tiles_heading)
        body_layout.addWidget(self.tiles_box)
        body_layout.addWidget(self.no_data_label)
        body_layout.addSpacing(8)
        body_layout.addWidget(self.history_heading)
        body_layout.addWidget(self.history)
        body_layout.addStretch(1)
        self.scroll_area.setWidget(body)
        self.scroll_area.viewport().installEventFilter(self)

        self.stack.addWidget(self.empty)
        self.stack.addWidget(self.loading)
        self.stack.addWidget(self.scroll_area)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack)

        ctx.locked.connect(self.clear)
        ctx.language_changed.connect(self._language_changed)
        self.retranslate()
        self.clear()

    def _ask_import(self) -> None:
        """Emit ``import_requested``; also open the window's Import page when it has one
        (``MainWindow.show_page``), so the button works before anything is connected."""
        self.import_requested.emit()
        window: Any = self.window()
        show_page = getattr(window, "show_page", None)
        if callable(show_page) and "import" in getattr(window, "page", {}):
            show_page("import")

    @staticmethod
    def _big(label: QLabel, factor: float) -> None:
        font = label.font()
        font.setPointSizeF(font.pointSizeF() * factor)
        font.setBold(True)
        label.setFont(font)
        label.setWordWrap(True)

    @staticmethod
    def _heading(parent: QWidget) -> QLabel:
        label = QLabel(parent)
        label.setProperty("role", "heading")
        font = label.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.15)
        label.setFont(font)
        return label

    # -- page contract -----------------------------------------------------------------
    def refresh(self) -> None:
        if not self.ctx.is_unlocked:
            return
        self._generation += 1
        generation = self._generation
        if self._data is None:
            self.stack.setCurrentWidget(self.loading)

        def done(result: Any, error: BaseException | None) -> None:
            if generation != self._generation:
                return
            self._task = None
            if error is not None:
                log.info("overview failed: %s", type(error).__name__)
                result = OverviewData()
            self._data = result
            self._show()

        self._task = run_task(load_overview, self.ctx.vault, self.ctx.lang, on_done=done)

    def clear(self) -> None:
        self._generation += 1
        self._task = None
        self._data = None
        self._clear_tiles()
        for label in (self.summary, self.facts, self.history, self.no_data_label):
            label.clear()
        self.stack.setCurrentWidget(self.empty)

    def is_loaded(self) -> bool:
        return self._data is not None

    def retranslate(self) -> None:
        self.empty_title.setText(self.tr("No data yet"))
        self.empty_text.setText(
            self.tr(
                'Import the archive TikTok gave you ("Download your data") to see what it '
                "holds about you. It stays encrypted on this computer."
            )
        )
        self.import_button.setText(self.tr("Import your data…"))
        self.import_button.setAccessibleName(self.tr("Import your data"))
        self.loading.setText(self.tr("Reading your vault…"))
        self.title.setText(self.tr("What TikTok has about you"))
        self.facts_heading.setText(self.tr("What stands out"))
        self.tiles_heading.setText(self.tr("Categories"))
        self.history_heading.setText(self.tr("Imports"))
        self.scroll_area.setAccessibleName(self.tr("Overview"))
        if self._data is not None:
            self._show()

    def _language_changed(self, _lang: str) -> None:
        self.retranslate()
        if self._data is not None:
            self.refresh()  # the facts are worded in the new language

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._layout_tiles()

    # -- filling -----------------------------------------------------------------------
    def _show(self) -> None:
        data = self._data
        if data is None:
            return
        with_data = [c for c in TIKTOK_CATEGORIES if data.counts.get(c, 0) > 0]
        if not with_data:
            self.stack.setCurrentWidget(self.empty)
            return
        loc = self.locale()
        catalog = self._catalog()
        parts = []
        if data.coverage is not None:
            start, end = data.coverage
            parts.append(
                self.tr("Your data covers {start} to {end}.").format(
                    start=format_date(start, loc), end=format_date(end, loc)
                )
            )
        known = [c for c in TIKTOK_CATEGORIES if c != UNRECOGNIZED]
        parts.append(
            self.tr("{n} of {total} kinds of data hold something about you.").format(
                n=loc.toString(len([c for c in with_data if c != UNRECOGNIZED])),
                total=loc.toString(len(known)),
            )
        )
        total = sum(data.counts.get(c, 0) for c in with_data)
        parts.append(self.tr("{n} records in all.").format(n=loc.toString(total)))
        self.summary.setText(" ".join(parts))
        facts = [str(getattr(f, "text", f)) for f in data.facts]
        self.facts.setText("<ul>" + "".join(f"<li>{html.escape(t)}</li>" for t in facts) + "</ul>")
        self.facts_heading.setVisible(bool(facts))
        self.facts.setVisible(bool(facts))
        self._build_tiles(with_data, data.counts, catalog)
        empty = [c for c in TIKTOK_CATEGORIES if c not in with_data and c != UNRECOGNIZED]
        names = [self._title(catalog, c) for c in empty]
        self.no_data_label.setText(
            self.tr("Nothing in your export for: {names}.").format(names=self._sep().join(names))
            if names
            else ""
        )
        self.no_data_label.setVisible(bool(names))
        self.history.setText(self._history_html(data.imports))
        self.stack.setCurrentWidget(self.scroll_area)

    def _catalog(self) -> Any:
        try:
            return self.ctx.catalog()
        except (ImportError, PlainviewError):
            return None

    def _explain(self, catalog: Any, category: str) -> Any:
        if catalog is None:
            return None
        try:
            return catalog.explain(category, policy=self.ctx.policy)
        except (KeyError, PlainviewError):
            return None

    def _title(self, catalog: Any, category: str) -> str:
        if catalog is not None:
            try:
                return str(catalog.title(category))
            except (KeyError, PlainviewError):
                pass
        return category.removeprefix("tiktok.").replace("_", " ").capitalize()

    def _build_tiles(self, categories: list[str], counts: dict[str, int], catalog: Any) -> None:
        """One tile per category with data, in sensitivity order. Tiles are kept and refilled
        (a language switch or a reload fills the same tiles again); only a category that is
        gone loses its tile, hidden at once so it is never drawn next to the new ones."""
        entries = []
        for category in categories:
            expl = self._explain(catalog, category)
            sensitivity = str(getattr(expl, "sensitivity", "low")) if expl else "low"
            entries.append((category, expl, sensitivity))
        entries.sort(key=lambda e: (SENSITIVITY_ORDER.get(e[2], 3), -counts.get(e[0], 0)))
        old, self.tiles = self.tiles, {}
        for category, expl, sensitivity in entries:
            tile = old.pop(category, None)
            if tile is None:
                tile = CategoryTile(category, self.tiles_box)
                tile.clicked.connect(
                    lambda _c=False, cat=category: self.category_requested.emit(cat)
                )
            count = counts.get(category, 0)
            tile.set_content(
                self._title(catalog, category),
                self._records_text(count),
                str(getattr(expl, "summary", "") or first_sentence(str(getattr(expl, "what", "")))),
                sensitivity,
                str(getattr(expl, "sensitivity_reason", "") or ""),
            )
            self.tiles[category] = tile
        self._drop_tiles(old.values())
        self._layout_tiles()

    def _sep(self) -> str:
        """The separator between items of a list in running text (", " / "、")."""
        return self.tr(", ", "list separator")

    def _records_text(self, count: int) -> str:
        if count == 1:
            return self.tr("1 record")
        return self.tr("{n} records").format(n=self.locale().toString(count))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.scroll_area.viewport() and event.type() == QEvent.Type.Resize:
            self._layout_tiles()
        return super().eventFilter(watched, event)

    def _clear_tiles(self) -> None:
        tiles, self.tiles = self.tiles, {}
        self._drop_tiles(tiles.values())

    def _drop_tiles(self, tiles: Iterable[CategoryTile]) -> None:
        for tile in tiles:
            self.tiles_grid.removeWidget(tile)
            tile.hide()  # deleteLater() waits for the event loop; until then it would show
            tile.deleteLater()

    def _layout_tiles(self) -> None:
        if not self.tiles:
            return
        width = max(1, self.scroll_area.viewport().width() - 32)
        columns = max(1, min(4, width // TILE_MIN_WIDTH))
        for tile in self.tiles.values():
            self.tiles_grid.removeWidget(tile)
        previous = None
        for i, tile in enumerate(self.tiles.values()):
            self.tiles_grid.addWidget(tile, i // columns, i % columns)
            if previous is not None:
                QWidget.setTabOrder(previous, tile)
            previous = tile
        for col in range(4):
            self.tiles_grid.setColumnStretch(col, 1 if col < columns else 0)

    def _history_html(self, imports: list[Any]) -> str:
        loc = self.locale()
        rows = []
        for item in sorted(imports, key=lambda i: i.id, reverse=True):
            when = parse_time(getattr(item, "finished_at", None) or item.started_at)
            when_text = dates.format_datetime(when, dates.language_of(loc.name()))
            status = {
                "complete": self.tr("{new} new, {old} already there").format(
                    new=loc.toString(int(item.added)), old=loc.toString(int(item.duplicates))
                ),
                "cancelled": self.tr("cancelled, nothing was changed"),
                "failed": self.tr("did not finish, nothing was kept"),
                "running": self.tr("still running"),
            }.get(item.status, item.status)
            fmt = f"{str(item.format).upper()} {item.schema}"
            rows.append(
                f"<li><b>{html.escape(when_text)}</b> · {html.escape(str(item.source_name))}"
                f" · {html.escape(fmt)} · {html.escape(status)}</li>"
            )
        if not rows:
            return html.escape(self.tr("No imports yet."))
        return "<ul>" + "".join(rows) + "</ul>"
