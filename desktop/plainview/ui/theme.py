"""Light / dark / system appearance and the one style sheet (``resources/style/plainview.qss``).

``system`` follows the platform. ``light``/``dark`` first ask the platform through
``QStyleHints.setColorScheme`` (Qt ≥ 6.8: native styles repaint themselves); where the
platform cannot (older desktops, the offscreen platform used by tests and screenshots) a
calm Fusion palette is applied instead."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication, QStyleFactory

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
    _R.Mid: "#b8b8b8",
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
    _R.Mid: "#2f2f2f",
    _R.Dark: "#1a1a1a",
    _R.Shadow: "#0d0d0d",
    _R.Highlight: "#3f7fd9",
    _R.HighlightedText: "#ffffff",
    _R.Link: "#7cb2ff",
    _R.LinkVisited: "#c19bff",
    _R.Accent: "#3f7fd9",
}

_DISABLED_LIGHT = {_R.WindowText: "#8a8a8a", _R.Text: "#8a8a8a", _R.ButtonText: "#8a8a8a"}
_DISABLED_DARK = {_R.WindowText: "#7d7d7d", _R.Text: "#7d7d7d", _R.ButtonText: "#7d7d7d"}

_original: dict[str, object] = {}


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
        fusion = QStyleFactory.create("Fusion")
        if fusion is not None:
            app.setStyle(fusion)
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
