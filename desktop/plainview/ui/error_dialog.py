"""The plain error dialog: one sentence for the user, details behind "Show Details…"
(Qt's detailed text), no traceback unless the app runs with --debug."""

from __future__ import annotations

import html
import traceback
from types import TracebackType
from typing import ClassVar

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from plainview import APP_NAME
from plainview.errors import PlainviewError


def describe(exc: BaseException, tb: TracebackType | None, debug: bool) -> tuple[str, str, str]:
    """(title, message, details) for an error, without personal data unless ``debug``."""
    if isinstance(exc, PlainviewError):
        message = exc.message + (f"\n\n{exc.hint}" if exc.hint else "")
        return QCoreApplication.translate("ErrorDialog", "Plainview"), message, type(exc).__name__
    title = QCoreApplication.translate("ErrorDialog", "Something went wrong")
    message = QCoreApplication.translate(
        "ErrorDialog",
        "Plainview hit a problem it did not expect. Your vault is safe: nothing was "
        "written half-way. You can keep working; if it happens again, restart Plainview.",
    )
    if debug:
        details = "".join(traceback.format_exception(type(exc), exc, tb))
    else:
        # Only where it happened, never the message (it may quote data).
        frames = traceback.extract_tb(tb)[-3:] if tb is not None else []
        where = "\n".join(
            f"  {f.filename.rsplit('/', 1)[-1]}:{f.lineno} in {f.name}" for f in frames
        )
        details = f"{type(exc).__name__}\n{where}".rstrip()
    return title, message, details


class ErrorDialog(QMessageBox):
    #: Test seam: when set, ``report`` calls it instead of showing a modal box.
    handler: ClassVar[object] = None

    def __init__(self, title: str, message: str, details: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setIcon(QMessageBox.Icon.Warning)
        self.setWindowTitle(title)
        if title != APP_NAME:
            self.setTextFormat(Qt.TextFormat.RichText)
            self.setText(f"<b>{html.escape(title)}</b><br><br>{html.escape(message)}")
        else:
            self.setTextFormat(Qt.TextFormat.PlainText)
            self.setText(message)
        if details:
            self.setDetailedText(details)
        self.setStandardButtons(QMessageBox.StandardButton.Close)

    @classmethod
    def report(
        cls,
        exc: BaseException,
        tb: TracebackType | None = None,
        *,
        debug: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        title, message, details = describe(exc, tb, debug)
        if callable(cls.handler):
            cls.handler(title, message, details)
            return
        cls(title, message, details, parent).exec()
