"""A large area that accepts a dropped export: a zip, a folder, a .json or a .txt file."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QDragEnterEvent, QDragLeaveEvent, QDropEvent
from PySide6.QtWidgets import QFrame, QLabel, QSizePolicy, QVBoxLayout, QWidget

ACCEPTED_SUFFIXES = (".zip", ".json", ".txt")


def acceptable(path: Path) -> bool:
    return path.is_dir() or path.suffix.casefold() in ACCEPTED_SUFFIXES


class DropZone(QFrame):
    """Signals ``path_dropped(object)`` with a ``Path`` when an acceptable item is dropped."""

    path_dropped = Signal(object)
    rejected_drop = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAcceptDrops(True)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setFrameShadow(QFrame.Shadow.Sunken)
        self.setProperty("role", "dropzone")
        self.setProperty("dragging", False)
        self.setMinimumHeight(120)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.label = QLabel(self)
        self.label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.label.setWordWrap(True)
        font = self.label.font()
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.label.setFont(font)
        self.sub = QLabel(self)
        self.sub.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.sub.setWordWrap(True)
        self.sub.setProperty("role", "hint")
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(self.label)
        layout.addWidget(self.sub)
        layout.addStretch(1)
        self.retranslate()

    def retranslate(self) -> None:
        self.label.setText(self.tr("Drop your TikTok export here"))
        self.sub.setText(self.tr("A .zip file, a folder, or a single .json or .txt file"))
        self.setAccessibleName(self.tr("Drop zone for your TikTok export"))

    def _set_dragging(self, on: bool) -> None:
        self.setProperty("dragging", on)
        self.style().unpolish(self)
        self.style().polish(self)

    @staticmethod
    def _path(event: QDragEnterEvent | QDropEvent) -> Path | None:
        mime = event.mimeData()
        if not mime.hasUrls():
            return None
        urls = [u for u in mime.urls() if u.isLocalFile()]
        if len(urls) != 1:
            return None
        path = Path(urls[0].toLocalFile())
        return path if acceptable(path) else None

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self._path(event) is not None:
            event.acceptProposedAction()
            self._set_dragging(True)
        else:
            event.ignore()

    def dragLeaveEvent(self, event: QDragLeaveEvent) -> None:
        self._set_dragging(False)
        super().dragLeaveEvent(event)

    def dropEvent(self, event: QDropEvent) -> None:
        self._set_dragging(False)
        path = self._path(event)
        if path is None:
            event.ignore()
            self.rejected_drop.emit()
            return
        event.acceptProposedAction()
        self.path_dropped.emit(path)
