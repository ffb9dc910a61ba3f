"""Light / dark / system appearance and the one style sheet (``resources/style/plainview.qss``).

``system`` follows the platform. ``light``/``dark`` first ask the platform through
``QStyleHints.setColorScheme`` (Qt ≥ 6.8: native styles repaint themselves); where the
platform cannot (older desktops, the offscreen platform used by tests and screenshots) a
calm Fusion palette is applied instead.

Fusion draws the outline of radio buttons, check boxes and line edits in the window colour
made darker, which all but vanishes on a dark window. Our fallback draws those outlines in
the palette's ``Mid`` role instead (``OutlinedFusion``), and both palettes keep ``Mid`` at a
WCAG contrast of at least 3:1 against ``Window`` (1.4.11, non-text contrast); the style
sheet uses ``palette(mid)`` for its borders too."""

from __future__ import annotations

from typing import Final

from PySide6.QtCore import QPoint, QRectF, Qt
from PySide6.QtGui import QColor, QGuiApplication, QPainter, QPainterPath, QPalette, QPen
from PySide6.QtWidgets import (
    QApplication,
    QProxyStyle,
    QStyle,
    QStyleFactory,
    QStyleOption,
    QStyleOptionComplex,
    QStyleOptionSpinBox,
    QWidget,
)

from plainview.resources import resource

_R = QPalette.ColorRole
_G = QPalette.ColorGroup

_LIGHT = {
    _R.Window: "#f3f3f3",
    _R.WindowText: "#1d1d1d",
    _R.Base: "#ffffff",
    _R.AlternateBase: "#f6f6f6",
    _R.ToolTipBase: "#ffffdc",
    _R.ToolTipText: "#1d1d1d",
    _R.PlaceholderText: "#6d6d6d",
    _R.Text: "#1d1d1d",
    _R.Button: "#ececec",
    _R.ButtonText: "#1d1d1d",
    _R.BrightText: "#ffffff",
    _R.Light: "#ffffff",
    _R.Midlight: "#e3e3e3",
    _R.Mid: "#858585",  # control outlines and rules: ≥ 3:1 against Window
    _R.Dark: "#9f9f9f",
    _R.Shadow: "#767676",
    _R.Highlight: "#2f6fc9",
    _R.HighlightedText: "#ffffff",
    _R.Link: "#1f5fb8",
    _R.LinkVisited: "#6b3fa8",
    _R.Accent: "#2f6fc9",
}

_DARK = {
    _R.Window: "#2b2b2b",
    _R.WindowText: "#e8e8e8",
    _R.Base: "#1f1f1f",
    _R.AlternateBase: "#272727",
    _R.ToolTipBase: "#3a3a3a",
    _R.ToolTipText: "#e8e8e8",
    _R.PlaceholderText: "#9a9a9a",
    _R.Text: "#e8e8e8",
    _R.Button: "#363636",
    _R.ButtonText: "#e8e8e8",
    _R.BrightText: "#ffffff",
    _R.Light: "#4a4a4a",
    _R.Midlight: "#3e3e3e",
    _R.Mid: "#8a8a8a",  # control outlines and rules: ≥ 3:1 against Window
    _R.Dark: "#1a1a1a",
    _R.Shadow: "#0d0d0d",
    _R.Highlight: "#3774cc",  # white text on it ≥ 4.5:1, itself ≥ 3:1 against Window
    _R.HighlightedText: "#ffffff",
    _R.Link: "#7cb2ff",
    _R.LinkVisited: "#c19bff",
    _R.Accent: "#3774cc",
}

_DISABLED_LIGHT = {_R.WindowText: "#8a8a8a", _R.Text: "#8a8a8a", _R.ButtonText: "#8a8a8a"}
_DISABLED_DARK = {_R.WindowText: "#7d7d7d", _R.Text: "#7d7d7d", _R.ButtonText: "#7d7d7d"}

_original: dict[str, object] = {}

#: Non-text contrast WCAG 2.1 asks of control boundaries (success criterion 1.4.11).
MIN_OUTLINE_CONTRAST: Final = 3.0


def relative_luminance(color: QColor) -> float:
    """WCAG 2.1 relative luminance of an sRGB colour (0 black … 1 white)."""

    def linear(channel: float) -> float:
        return channel / 12.92 if channel <= 0.04045 else ((channel + 0.055) / 1.055) ** 2.4

    return (
        0.2126 * linear(color.redF())
        + 0.7152 * linear(color.greenF())
        + 0.0722 * linear(color.blueF())
    )


def contrast_ratio(a: QColor, b: QColor) -> float:
    """WCAG 2.1 contrast ratio of two colours, 1 … 21."""
    la, lb = sorted((relative_luminance(a), relative_luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


_PE = QStyle.PrimitiveElement
_S = QStyle.StateFlag


class OutlinedFusion(QProxyStyle):
    """Fusion, with the outlines of radio buttons, check boxes, line edits, spin boxes and
    progress bars drawn in the palette's ``Mid`` role (Fusion's own, the window colour
    darkened, vanishes on dark). Focused controls keep Fusion's highlight outline."""

    def __init__(self) -> None:
        super().__init__(QStyleFactory.create("Fusion"))

    def drawPrimitive(
        self,
        element: QStyle.PrimitiveElement,
        option: QStyleOption,
        painter: QPainter,
        widget: QWidget | None = None,
    ) -> None:
        super().drawPrimitive(element, option, painter, widget)
        if element not in (_PE.PE_IndicatorRadioButton, _PE.PE_IndicatorCheckBox):
            if element != _PE.PE_FrameLineEdit or option.state & _S.State_HasFocus:
                return
        elif option.state & _S.State_HasFocus and option.state & _S.State_KeyboardFocusChange:
            return  # Fusion drew the keyboard-focus outline: keep it
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setPen(QPen(option.palette.color(QPalette.ColorRole.Mid)))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        rect = option.rect
        if element == _PE.PE_IndicatorRadioButton:  # the same circle Fusion draws
            circle = QPainterPath()
            radius = (rect.width() + (rect.width() + 1) % 2) / 2.0 - 1
            circle.addEllipse(rect.center() + QPoint(1, 1), radius, radius)
            painter.drawPath(circle)
        elif element == _PE.PE_IndicatorCheckBox:
            painter.translate(0.5, 0.5)
            painter.drawRect(rect.adjusted(0, 0, -1, -1))
        else:
            _outline_box(painter, option)
        painter.restore()

    def drawControl(
        self,
        element: QStyle.ControlElement,
        option: QStyleOption,
        painter: QPainter,
        widget: QWidget | None = None,
    ) -> None:
        super().drawControl(element, option, painter, widget)
        if element == QStyle.ControlElement.CE_ProgressBarGroove:  # e.g. the strength meter
            painter.save()
            painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
            painter.setPen(QPen(option.palette.color(QPalette.ColorRole.Mid)))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            _outline_box(painter, option)
            painter.restore()

    def drawComplexControl(
        self,
        control: QStyle.ComplexControl,
        option: QStyleOptionComplex,
        painter: QPainter,
        widget: QWidget | None = None,
    ) -> None:
        super().drawComplexControl(control, option, painter, widget)
        if (
            control == QStyle.ComplexControl.CC_SpinBox
            and isinstance(option, QStyleOptionSpinBox)
            and option.frame
            and not option.state & _S.State_HasFocus
        ):
            painter.save()
            painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
            painter.setPen(QPen(option.palette.color(QPalette.ColorRole.Mid)))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            _outline_box(painter, option)
            painter.restore()


def _outline_box(painter: QPainter, option: QStyleOption) -> None:
    """The rounded frame Fusion draws around line edits and spin boxes."""
    painter.drawRoundedRect(QRectF(option.rect).adjusted(0.5, 0.5, -0.5, -0.5), 2, 2)


def palette_for(scheme: str) -> QPalette:
    """The fallback palette for ``"light"`` or ``"dark"``."""
    colors, disabled = (_DARK, _DISABLED_DARK) if scheme == "dark" else (_LIGHT, _DISABLED_LIGHT)
    pal = QPalette()
    for role, value in colors.items():
        pal.setColor(_G.All, role, QColor(value))
    for role, value in disabled.items():
        pal.setColor(_G.Disabled, role, QColor(value))
    return pal


def is_dark(palette: QPalette | None = None) -> bool:
    pal = palette if palette is not None else QGuiApplication.palette()
    return pal.color(_R.Window).lightness() < 128


def style_sheet() -> str:
    node = resource("style", "plainview.qss")
    return node.read_text(encoding="utf-8") if node.is_file() else ""


def apply_theme(app: QApplication, theme: str) -> None:
    """Apply ``"system"``, ``"light"`` or ``"dark"`` and (re)load the style sheet."""
    if not _original:
        _original["style"] = app.style().name()
        _original["palette"] = QPalette(app.palette())
    hints = app.styleHints()
    wanted = {
        "light": Qt.ColorScheme.Light,
        "dark": Qt.ColorScheme.Dark,
    }.get(theme, Qt.ColorScheme.Unknown)
    hints.setColorScheme(wanted)
    if theme in ("light", "dark") and hints.colorScheme() != wanted:
        # The platform could not switch: draw it ourselves with Fusion and a palette.
        if not _original.get("fallback"):
            app.setStyle(OutlinedFusion())
        app.setPalette(palette_for(theme))
        _original["fallback"] = True
    elif _original.get("fallback"):
        # Leaving our own palette: give the platform's style and palette back (only then, so
        # that "system" keeps following live system changes).
        _original["fallback"] = False
        if app.style().name() != _original["style"]:
            original_style = QStyleFactory.create(str(_original["style"]))
            if original_style is not None:
                app.setStyle(original_style)
        app.setPalette(_original["palette"])  # type: ignore[arg-type]
    # Re-applying the sheet makes palette(...) references in it pick up the new colours.
    app.setStyleSheet("")
    app.setStyleSheet(style_sheet())
