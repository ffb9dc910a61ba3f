"""Qt's file dialogs remember the folders they were used in (``QtProject.conf``: ``history``,
``lastVisited``), and a folder name can name a participant. ``FileDialogHistoryGuard``
clears that history after each file dialog closes; ``clear_file_dialog_history`` also runs
on lock."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QSettings, QTimer
from PySide6.QtWidgets import QApplication, QFileDialog

_KEYS = ("history", "lastVisited")


def clear_file_dialog_history() -> None:
    settings = QSettings(QSettings.Scope.UserScope, "QtProject")
    settings.beginGroup("FileDialog")
    for key in _KEYS:
        settings.remove(key)
    settings.endGroup()
    settings.sync()


class FileDialogHistoryGuard(QObject):
    """An application-wide event filter: when a ``QFileDialog`` hides, clear the history once
    control is back in the event loop (the dialog writes its settings when it is deleted,
    which a static ``getSaveFileName`` does before it returns)."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Hide and isinstance(watched, QFileDialog):
            QTimer.singleShot(0, clear_file_dialog_history)
        return False


def install(app: QApplication) -> FileDialogHistoryGuard:
    guard = FileDialogHistoryGuard(app)
    app.installEventFilter(guard)
    clear_file_dialog_history()  # what an earlier version or a crash left
    return guard
