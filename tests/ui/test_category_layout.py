"""The category page fits an 800x600 and an 1100x720 window, in English, with German-length
strings and in Chinese: on a narrow page the explanation sits above the data, nothing is cut
off or overlaps, chart labels are whole; the explanation folds away from the keyboard and the
choice is remembered."""

from __future__ import annotations

import contextlib
from datetime import UTC, datetime, timedelta

import pytest
from PySide6.QtCore import QCoreApplication, QPoint, QRect, Qt, QTranslator
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractScrollArea,
    QApplication,
    QGraphicsTextItem,
    QLabel,
    QLineEdit,
    QWidget,
)

from plainview.resources import resource
from plainview.ui.category_page import CategoryPage
from tests.fixtures.plugin_pages import login, seed
from tests.fixtures.plugin_ui import unlock

T0 = datetime(2025, 3, 14, 12, 0, tzinfo=UTC)


class LongTranslator(QTranslator):
    """German-length pseudo translation: every plain string about three times as long."""

    def translate(self, context, source, disambiguation=None, n=-1):
        if not source or "{" in source or "<" in source or "%" in source or "'" in source:
            return source
        if context == "TimeChart" and ("MMM" in source or "yyyy" in source):
            return source  # date formats stay formats
        return f"{source} — {source.upper()} — {source}"


@pytest.fixture(params=["en", "long", "zh_CN"])
def language(request, shell_ctx):
    translator: QTranslator | None = None
    if request.param == "long":
        translator = LongTranslator()
        QCoreApplication.installTranslator(translator)
    elif request.param == "zh_CN":
        shell_ctx.set_language("zh_CN")  # as Settings does: the shipped translations
    yield request.param
    if translator is not None:
        QCoreApplication.removeTranslator(translator)


def _inside_scroll_area(widget: QWidget, root: QWidget) -> bool:
    parent = widget.parentWidget()
    while parent is not None and parent is not root:
        if isinstance(parent, QAbstractScrollArea):
            return True
        parent = parent.parentWidget()
    return False


def _rect_in(widget: QWidget, root: QWidget) -> QRect:
    return QRect(widget.mapTo(root, QPoint(0, 0)), widget.size())


def layout_problems(root: QWidget) -> list[str]:
    """What a user would see cut off or overlapping on ``root`` (as shown now)."""
    problems: list[str] = []
    area = root.rect()
    for widget in root.findChildren(QWidget):
        if not widget.isVisibleTo(root) or widget.width() <= 0:
            continue
        name = f"{type(widget).__name__} {getattr(widget, 'text', lambda: '')()!r}"[:90]
        scrolled = _inside_scroll_area(widget, root)
        if not scrolled and not area.contains(_rect_in(widget, root)):
            problems.append(f"outside the page: {name}")
        if isinstance(widget, QLabel) and widget.text() and not scrolled:
            if widget.wordWrap():
                if widget.height() < widget.heightForWidth(widget.width()) - 1:
                    problems.append(f"wrapped text cut off: {name}")
            elif widget.width() < widget.minimumSizeHint().width() - 1:
                problems.append(f"text cut off: {name}")
        too_narrow = widget.width() < widget.minimumSizeHint().width() - 1
        if isinstance(widget, QAbstractButton) and not scrolled and too_narrow:
            problems.append(f"button text cut off: {name}")
        if isinstance(widget, QLineEdit | QAbstractButton) and widget.height() < 16:
            problems.append(f"squashed: {name}")
    for parent in [root, *root.findChildren(QWidget)]:
        layout = parent.layout()
        if layout is None or isinstance(parent, QAbstractScrollArea):
            continue
        kids = [
            w
            for w in parent.findChildren(QWidget, options=Qt.FindChildOption.FindDirectChildrenOnly)
            if w.isVisibleTo(root) and w.width() > 0 and w.height() > 0
        ]
        for i, a in enumerate(kids):
            for b in kids[i + 1 :]:
                if (
                    a.geometry().intersected(b.geometry()).height() > 1
                    and a.geometry().intersected(b.geometry()).width() > 1
                ):
                    problems.append(f"overlap: {type(a).__name__} / {type(b).__name__}")
    return problems


def elided_chart_labels(page: CategoryPage) -> list[str]:
    out: list[str] = []
    for view in (page.chart.over_time_view, page.chart.hour_view):
        for item in view.scene().items():
            if isinstance(item, QGraphicsTextItem) and item.isVisible():
                text = item.toPlainText()
                if "…" in text or "..." in text:
                    out.append(f"{view.accessibleName()}: {text!r} at {item.sceneBoundingRect()}")
    return out


def settled(qtbot, page: CategoryPage) -> None:
    """Wait for the page's layout and the charts' labels to settle (both run from posted
    events), then show what is still wrong."""
    with contextlib.suppress(qtbot.TimeoutError):
        qtbot.waitUntil(
            lambda: (
                not layout_problems(page) and _chart_settled(page) and not elided_chart_labels(page)
            ),
            timeout=3000,
        )


def _chart_settled(page: CategoryPage) -> bool:
    chart = page.chart
    return not chart._relabel_timer.isActive() and chart._fit() == chart._fitted


@pytest.mark.parametrize("size", [(800, 600), (1100, 720)])
def test_category_page_fits_the_window(qtbot, shell_vault, main_window, shell_ctx, language, size):
    window = main_window
    window.resize(*size)
    unlock(qtbot, window)
    seed(
        shell_ctx.vault,
        [
            login(i, f"192.0.2.{i % 7}", f"Pixel {i % 3}", T0 + timedelta(days=3 * i, hours=i))
            for i in range(140)
        ],
    )
    shell_ctx.data_changed.emit()
    window.show_category("tiktok.logins")
    page = window.page["category"]
    qtbot.waitUntil(page.details_loaded, timeout=10_000)
    # from the other size, as a user resizes: the page never holds the window wider
    window.resize(1100 + 800 - size[0], 720 + 600 - size[1])
    settled(qtbot, page)
    window.resize(*size)
    settled(qtbot, page)
    assert (window.width(), window.height()) == size
    assert page.width() <= size[0] and page.height() <= size[1]
    # an 800 px window leaves the page about 490 px: explanation above the data
    assert page.is_stacked() == (size[0] == 800)
    assert page.explanation.isVisible() and page.table.isVisible() and page.chart.isVisible()
    assert layout_problems(page) == []
    rows = page.table.verticalHeader().defaultSectionSize()
    # rows of data to see: two in English; longer words and Chinese take a line or two more
    # in the titles above and below the table
    least = 2 if language == "en" else 1.5
    assert page.table.viewport().height() >= least * rows
    assert page.explanation.height() >= 60 and page.explanation.width() >= 200
    assert elided_chart_labels(page) == []
    # the logins end on 11 May 2026: May is drawn as partial, with its note in the title
    assert page.chart.partial_last_month()
    assert page.chart.partial_note and page.chart.partial_note in page.chart.over_time_title.text()
    # folded away, the data gets the room, and nothing is cut off either
    page.set_explanation_shown(False)
    settled(qtbot, page)
    assert not page.explanation.isVisible()
    # the splitter hands the folded pane's height on in a posted layout pass
    qtbot.waitUntil(lambda: page.table.viewport().height() >= (least + 2) * rows, timeout=3000)
    assert layout_problems(page) == []
    assert elided_chart_labels(page) == []
    page.set_explanation_shown(True)
    # a category without rows: stacked, the explanation gets most of the height
    window.show_category("tiktok.location")
    qtbot.waitUntil(page.details_loaded, timeout=10_000)
    settled(qtbot, page)
    assert page.empty_label.isVisible() and not page.table.isVisible()
    if page.is_stacked():
        assert page.explanation.height() > page.splitter.widget(1).height()
    assert layout_problems(page) == []


def test_explanation_folds_from_the_keyboard_and_is_remembered(
    qtbot, shell_vault, main_window, shell_ctx, ui_prefs
):
    window = main_window
    window.resize(1100, 720)
    unlock(qtbot, window)
    seed(shell_ctx.vault, [login(1, "192.0.2.1", "Pixel", T0)])
    window.show_category("tiktok.logins")
    page = window.page["category"]
    qtbot.waitUntil(page.details_loaded, timeout=10_000)
    toggle = page.explanation_toggle
    assert page.explanation.isVisible()
    assert toggle.accessibleName() == "Hide explanation"
    assert toggle.focusPolicy() & Qt.FocusPolicy.TabFocus
    toggle.setFocus()
    qtbot.keyClick(toggle, Qt.Key.Key_Space)
    assert not page.explanation.isVisible()
    assert toggle.accessibleName() == "Show explanation"
    assert ui_prefs.explanation_shown is False
    # a new window (the next start) opens the page folded
    from plainview.ui.main_window import MainWindow

    again = MainWindow(shell_ctx)
    qtbot.addWidget(again)
    assert not again.page["category"].explanation_shown()
    assert again.page["category"].explanation.isHidden()
    qtbot.keyClick(toggle, Qt.Key.Key_Space)
    assert page.explanation.isVisible() and ui_prefs.explanation_shown is True
    # Alt+E (the button's mnemonic) from elsewhere on the page, e.g. the table
    again.close()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_E, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: not page.explanation.isVisible())  # a mnemonic clicks animated
    assert ui_prefs.explanation_shown is False
    # the splitter's handle never swallows the pane: it cannot be dragged shut
    assert not page.splitter.childrenCollapsible()


def test_zh_qm_has_the_toggle():
    """The fold button's words ship in Chinese too."""
    translator = QTranslator()
    assert translator.load(resource("i18n", "plainview_pages_zh_CN.qm").read_bytes())
    assert translator.translate("CategoryPage", "Hide &explanation") not in ("", None)
