"""Auto-lock after idle (KeePassXC's InactivityTimer): an event filter notes the time of the
last user input; a single-shot timer checks it and emits ``idle`` once the user has done
nothing for the whole interval.

The filter sits on the top-level *windows* (QWindow: the main window, then every dialog as it
gets focus), not on the QApplication: input reaches a window first, and the filter is not
called for the thousands of paint and timer events a second that a Python filter on the
application would have to see (each of them needing the GIL while a worker runs)."""

from __future__ import annotations

import time

from PySide6.QtCore import QEvent, QObject, QTimer, Signal, Slot
from PySide6.QtGui import QGuiApplication, QWindow

_INPUT_EVENTS = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.KeyRelease,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseButtonRelease,
        QEvent.Type.MouseMove,
        QEvent.Type.Wheel,
        QEvent.Type.TouchBegin,
        QEvent.Type.TouchUpdate,
        QEvent.Type.Shortcut,
    }
)


class IdleWatcher(QObject):
    """Emits ``idle`` after ``interval_ms`` without user input (0 = never)."""

    idle = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._interval_ms = 0
        self._last_input = time.monotonic()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._check)
        self._watching = False
        self._windows: list[QWindow] = []

    @property
    def interval_ms(self) -> int:
        return self._interval_ms

    def set_minutes(self, minutes: int) -> None:
        self.set_interval_ms(max(0, minutes) * 60_000)

    def set_interval_ms(self, interval_ms: int) -> None:
        self._interval_ms = max(0, interval_ms)
        self._timer.stop()

    @property
    def active(self) -> bool:
        return self._timer.isActive()

    def start(self) -> None:
        """Start watching (on unlock)."""
        app = QGuiApplication.instance()
        if not self._watching and isinstance(app, QGuiApplication):
            self._watching = True
            app.focusWindowChanged.connect(self._watch_window)
            for window in QGuiApplication.topLevelWindows():
                self._watch_window(window)
        self._last_input = time.monotonic()
        if self._interval_ms > 0:
            self._timer.start(self._interval_ms)

    def stop(self) -> None:
        """Stop watching (on lock)."""
        self._timer.stop()
        app = QGuiApplication.instance()
        if self._watching and isinstance(app, QGuiApplication):
            self._watching = False
            app.focusWindowChanged.disconnect(self._watch_window)
            for window in self._windows:
                window.removeEventFilter(self)
            self._windows = []

    @Slot(QWindow)
    def _watch_window(self, window: QWindow | None) -> None:
        if window is None or window in self._windows:
            return
        window.installEventFilter(self)
        window.destroyed.connect(self._forget_window)
        self._windows.append(window)

    @Slot(QObject)
    def _forget_window(self, window: QObject) -> None:
        self._windows = [w for w in self._windows if w is not window]

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in _INPUT_EVENTS:
            self._last_input = time.monotonic()
        return False

    @Slot()
    def _check(self) -> None:
        if self._interval_ms <= 0:
            return
        quiet_ms = int((time.monotonic() - self._last_input) * 1000)
        if quiet_ms >= self._interval_ms:
            self.stop()
            self.idle.emit()
        else:
            self._timer.start(self._interval_ms - quiet_ms)
