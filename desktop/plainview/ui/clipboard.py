"""Copying secrets (the recovery code) to the clipboard the KeePassXC way: marked secret
for clipboard managers, cleared after a minute, and cleared on lock — each time only if the
clipboard still holds what we put there."""

from __future__ import annotations

import atexit
import hashlib

from PySide6.QtCore import QMimeData, QTimer
from PySide6.QtGui import QGuiApplication

#: Clipboard managers (Klipper, KDE Connect, many others) skip data carrying this hint.
SECRET_HINT_MIME = "x-kde-passwordManagerHint"  # noqa: S105 (a MIME type name)
#: How long a copied secret stays on the clipboard.
CLEAR_AFTER_MS = 60_000

_ours: bytes | None = None  # a digest of what we copied, never the value itself
_timer: QTimer | None = None


def _digest(text: str) -> bytes:
    return hashlib.sha256(text.encode("utf-8")).digest()


def copy_secret(text: str, clear_after_ms: int = CLEAR_AFTER_MS) -> None:
    global _ours, _timer
    mime = QMimeData()
    mime.setText(text)
    mime.setData(SECRET_HINT_MIME, b"secret")
    QGuiApplication.clipboard().setMimeData(mime)
    _ours = _digest(text)
    if _timer is None:
        _timer = QTimer(QGuiApplication.instance())
        _timer.setSingleShot(True)
        _timer.timeout.connect(clear_if_ours)
        # Never leave the secret behind, and never leave a Python-made QMimeData on the
        # clipboard at exit (PySide6 6.12 then crashes while shutting down).
        app = QGuiApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(clear_if_ours)
        atexit.register(clear_if_ours)
    _timer.start(clear_after_ms)


def holds_ours() -> bool:
    return _ours is not None and _digest(QGuiApplication.clipboard().text()) == _ours


def clear_if_ours() -> bool:
    """Empty the clipboard if it still holds a secret we copied. Returns whether it did."""
    global _ours
    cleared = False
    if QGuiApplication.instance() is not None and holds_ours():
        QGuiApplication.clipboard().clear()
        cleared = True
    _ours = None
    if _timer is not None:
        _timer.stop()
    return cleared
