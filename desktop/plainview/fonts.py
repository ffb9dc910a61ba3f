"""The font Plainview ships, registered with Qt before anything is drawn.

A fresh machine often has no CJK font (and a minimal one no font at all): Qt then draws
Chinese as empty boxes, on screen and in PDF reports. ``resources/fonts/`` holds a subset of
Noto Sans CJK SC, renamed "Plainview Sans SC" (``tools/make_font_subset.py`` rebuilds it). It
is added to Qt's font database from memory and put after the system's default family in the
application font, so the system font still draws what it can and the bundled one everything
else. QtGui only (no widgets): the command line's PDF writer uses it too.
"""

from __future__ import annotations

import logging

from PySide6.QtGui import QFont, QFontDatabase, QGuiApplication

from plainview.resources import read_bytes

BUNDLED_FAMILY = "Plainview Sans SC"
FONT_FILE = ("fonts", "PlainviewSansSC-Regular.otf")

log = logging.getLogger(__name__)
_registered: list[str] = []


def ensure_bundled_fonts() -> str | None:
    """Register the bundled font once per process and make it the fallback of the app font.

    Returns the family name Qt registered, or None when the font could not be loaded (the
    app still runs, with whatever fonts the system has). Needs a QGuiApplication.
    """
    app = QGuiApplication.instance()
    if not isinstance(app, QGuiApplication):
        raise RuntimeError("ensure_bundled_fonts() needs a QGuiApplication")
    if not _registered:
        font_id = QFontDatabase.addApplicationFontFromData(read_bytes(*FONT_FILE))
        families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
        if not families:
            log.warning("the bundled font could not be loaded; Chinese may show as boxes")
            return None
        _registered.append(families[0])
    family = _registered[0]
    font = QGuiApplication.font()
    if family not in _families(font):
        QGuiApplication.setFont(_with_family(font, family))
    return family


def _families(font: QFont) -> list[str]:
    return list(font.families()) or [font.family()]


def _with_family(font: QFont, family: str) -> QFont:
    out = QFont(font)
    out.setFamilies([*_families(font), family])
    return out


def with_bundled_fallback(font: QFont) -> QFont:
    """``font`` with the bundled family appended to its families (for explicit fonts)."""
    family = ensure_bundled_fonts()
    if family is None or family in _families(font):
        return font
    return _with_family(font, family)
