"""Auto-lock after idle (KeePassXC's InactivityTimer): an application event filter notes the
time of the last user input; a single-shot timer checks it and emits ``idle`` once the user
has done nothing for the whole interval."""

from __future__ import annotations

import time

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer, Signal, Slot

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
        self._installed = False

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
        app = QCoreApplication.instance()
        if app is not None and not self._installed:
            app.installEventFilter(self)
            self._installed = True
        self._last_input = time.monotonic()
        if self._interval_ms > 0:
            self._timer.start(self._interval_ms)

    def stop(self) -> None:
        """Stop watching (on lock)."""
        self._timer.stop()
        app = QCoreApplication.instance()
        if app is not None and self._installed:
            app.removeEventFilter(self)
            self._installed = False

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
