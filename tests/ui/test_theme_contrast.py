"""Light and dark fallback palettes: control outlines (radio rings, check boxes, line edit and
spin box borders, the style sheet's rules) reach a WCAG contrast of 3:1 against the window,
both in the palette and in the pixels actually drawn."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtGui import QColor, QImage, QPalette
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QLineEdit,
    QProgressBar,
    QRadioButton,
    QSpinBox,
    QStyle,
    QStyleOptionButton,
    QVBoxLayout,
    QWidget,
)

from plainview.ui import theme
from plainview.ui.theme import MIN_OUTLINE_CONTRAST, contrast_ratio, palette_for

R = QPalette.ColorRole


def test_contrast_ratio_matches_wcag():
    assert contrast_ratio(QColor("black"), QColor("white")) == pytest.approx(21.0)
    assert contrast_ratio(QColor("#777777"), QColor("#777777")) == pytest.approx(1.0)
    # WCAG's own reference point: #767676 on white is just above 4.5:1.
    assert contrast_ratio(QColor("#767676"), QColor("white")) == pytest.approx(4.54, abs=0.01)
    assert contrast_ratio(QColor("white"), QColor("#767676")) == pytest.approx(4.54, abs=0.01)


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_palette_roles_have_enough_contrast(scheme):
    pal = palette_for(scheme)
    window, base = pal.color(R.Window), pal.color(R.Base)
    # Control outlines and rules are drawn in Mid, against the window and inside fields.
    assert contrast_ratio(pal.color(R.Mid), window) >= MIN_OUTLINE_CONTRAST
    assert contrast_ratio(pal.color(R.Mid), base) >= MIN_OUTLINE_CONTRAST
    # Text (WCAG 1.4.3: 4.5:1), hints and the dimmed "empty in your export" entries.
    assert contrast_ratio(pal.color(R.WindowText), window) >= 4.5
    assert contrast_ratio(pal.color(R.Text), base) >= 4.5
    assert contrast_ratio(pal.color(R.PlaceholderText), window) >= 4.5
    assert contrast_ratio(pal.color(R.PlaceholderText), base) >= 4.5
    disabled = pal.color(QPalette.ColorGroup.Disabled, R.Text)
    assert contrast_ratio(disabled, window) >= MIN_OUTLINE_CONTRAST
    # Focus and selection stay visible.
    assert contrast_ratio(pal.color(R.Highlight), window) >= MIN_OUTLINE_CONTRAST
    assert contrast_ratio(pal.color(R.HighlightedText), pal.color(R.Highlight)) >= 4.5


@pytest.fixture(params=["light", "dark"])
def themed(request, qapp) -> Iterator[str]:
    theme.apply_theme(qapp, request.param)
    yield request.param
    theme.apply_theme(qapp, "system")


def _best_contrast(image: QImage, points, against: QColor) -> float:
    return max(contrast_ratio(image.pixelColor(x, y), against) for x, y in points)


def _form(qtbot) -> tuple[QWidget, dict[str, QWidget]]:
    form = QWidget()
    qtbot.addWidget(form)
    widgets = {
        "radio": QRadioButton("Shared"),
        "check": QCheckBox("I kept it"),
        "line": QLineEdit(),
        "spin": QSpinBox(),
        "bar": QProgressBar(),
        "focus": QLineEdit(),  # keeps the keyboard focus away from the others
    }
    layout = QVBoxLayout(form)
    for widget in widgets.values():
        layout.addWidget(widget)
    form.resize(320, 240)
    form.show()
    qtbot.waitExposed(form)
    widgets["focus"].setFocus()
    qtbot.waitUntil(widgets["focus"].hasFocus)
    return form, widgets


def _indicator(widget: QRadioButton | QCheckBox, element: QStyle.SubElement):
    option = QStyleOptionButton()
    widget.initStyleOption(option)
    rect = widget.style().subElementRect(element, option, widget)
    return [
        (x, y)
        for x in range(rect.left(), rect.right() + 1)
        for y in range(rect.top(), rect.bottom() + 1)
    ]


def _left_edge(widget: QWidget):
    middle = widget.height() // 2
    return [(x, y) for x in (0, 1) for y in (middle - 1, middle, middle + 1)]


def test_unselected_radio_ring_and_empty_check_box_are_visible(qtbot, themed):
    _form_widget, w = _form(qtbot)
    window = QApplication.palette().color(R.Window)
    assert w["radio"].isChecked() is False and w["check"].isChecked() is False
    ring = _indicator(w["radio"], QStyle.SubElement.SE_RadioButtonIndicator)
    box = _indicator(w["check"], QStyle.SubElement.SE_CheckBoxIndicator)
    radio_img = w["radio"].grab().toImage()
    check_img = w["check"].grab().toImage()
    assert _best_contrast(radio_img, ring, window) >= MIN_OUTLINE_CONTRAST, themed
    assert _best_contrast(check_img, box, window) >= MIN_OUTLINE_CONTRAST, themed


def test_unfocused_field_borders_are_visible(qtbot, themed):
    _form_widget, w = _form(qtbot)
    window = QApplication.palette().color(R.Window)
    w["bar"].setRange(0, 4)
    w["bar"].setValue(1)  # the empty part of the track must show too (the strength meter)
    w["bar"].setTextVisible(False)
    for name in ("line", "spin"):
        assert not w[name].hasFocus()
        image = w[name].grab().toImage()
        assert _best_contrast(image, _left_edge(w[name]), window) >= MIN_OUTLINE_CONTRAST, name
    bar = w["bar"]
    image = bar.grab().toImage()
    right = [(x, bar.height() // 2) for x in (bar.width() - 1, bar.width() - 2)]
    assert _best_contrast(image, right, window) >= MIN_OUTLINE_CONTRAST


def test_first_run_repeat_field_has_a_visible_border_in_dark(qtbot, main_window, qapp):
    theme.apply_theme(qapp, "dark")  # shell_ctx puts "system" back afterwards
    page = main_window.first_run
    assert main_window.state == "first_run"
    page._pass1.setFocus()
    qtbot.waitUntil(page._pass1.hasFocus)
    repeat = page._pass2
    window = QApplication.palette().color(R.Window)
    image = repeat.grab().toImage()
    assert _best_contrast(image, _left_edge(repeat), window) >= MIN_OUTLINE_CONTRAST
    top = [(x, y) for x in range(10, repeat.width() - 40, 7) for y in (0, 1)]
    assert _best_contrast(image, top, window) >= MIN_OUTLINE_CONTRAST
