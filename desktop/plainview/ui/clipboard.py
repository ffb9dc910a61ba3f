"""Copying secrets (the recovery code) to the clipboard the KeePassXC way: marked secret
for clipboard managers, and cleared on lock if the clipboard still holds what we put there."""

from __future__ import annotations

import hashlib

from PySide6.QtCore import QMimeData
from PySide6.QtGui import QGuiApplication

#: Clipboard managers (Klipper, KDE Connect, many others) skip data carrying this hint.
SECRET_HINT_MIME = "x-kde-passwordManagerHint"  # noqa: S105 (a MIME type name)

_ours: bytes | None = None  # a digest of what we copied, never the value itself


def _digest(text: str) -> bytes:
    return hashlib.sha256(text.encode("utf-8")).digest()


def copy_secret(text: str) -> None:
    global _ours
    mime = QMimeData()
    mime.setText(text)
    mime.setData(SECRET_HINT_MIME, b"secret")
    QGuiApplication.clipboard().setMimeData(mime)
    _ours = _digest(text)


def holds_ours() -> bool:
    return _ours is not None and _digest(QGuiApplication.clipboard().text()) == _ours


def clear_if_ours() -> bool:
    """Empty the clipboard if it still holds a secret we copied. Returns whether it did."""
    global _ours
    cleared = False
    if holds_ours():
        QGuiApplication.clipboard().clear()
        cleared = True
    _ours = None
    return cleared
