"""A clickable, keyboard-activatable tile for one category on the overview."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QLabel, QPushButton, QSizePolicy, QVBoxLayout, QWidget

from plainview.ui.explanation_view import SensitivityBadge


class CategoryTile(QPushButton):
    """Title, count, one line, sensitivity (icon + text). A push button underneath, so
    Tab focus, Space/Enter activation and the accessible role come from Qt."""

    def __init__(self, category: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.category = category
        self.setProperty("role", "tile")
        self.setAutoDefault(False)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)
        self.title = QLabel(self)
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        self.title.setWordWrap(True)
        self.count = QLabel(self)
        count_font = self.count.font()
        count_font.setPointSizeF(count_font.pointSizeF() * 1.4)
        self.count.setFont(count_font)
        self.count.setWordWrap(True)
        self.line = QLabel(self)
        self.line.setWordWrap(True)
        self.line.setProperty("role", "hint")
        self.badge = SensitivityBadge(self)
        for label in (self.title, self.count, self.line):
            label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.badge.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        layout = self._layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 10, 12, 10)
        layout.setSpacing(3)
        layout.addWidget(self.title)
        layout.addWidget(self.count)
        layout.addWidget(self.line)
        layout.addStretch(1)
        layout.addWidget(self.badge)

    def set_content(
        self, title: str, count_text: str, line: str, sensitivity: str, reason: str = ""
    ) -> None:
        self.title.setText(title)
        self.count.setText(count_text)
        self.line.setText(line)
        self.line.setVisible(bool(line))
        self.badge.set_level(sensitivity, reason)
        self.setAccessibleName(f"{title}: {count_text}")
        self.setAccessibleDescription(f"{line} {self.badge.label.text()}".strip())
        self.setToolTip(line)
        self.updateGeometry()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # Enter opens the category too, as in a list (Space is the button's own key)
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.click()
            return
        super().keyPressEvent(event)

    def sizeHint(self) -> QSize:
        hint = self._layout.sizeHint()
        return QSize(max(220, hint.width()), hint.height())

    def minimumSizeHint(self) -> QSize:
        return QSize(180, self._layout.minimumSize().height())

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self._layout.totalHeightForWidth(width)
