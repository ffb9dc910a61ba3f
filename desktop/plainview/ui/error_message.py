"""An inline error that looks like one: a tinted box with a red edge, an error icon and the
sentence, hidden while there is nothing to say. Screen readers get it as an alert whose name
starts with "Error"; the colour is never the only sign (icon and bold text go with it)."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import (
    QAccessible,
    QAccessibleEvent,
    QColor,
    QFont,
    QPainter,
    QPaintEvent,
    QPalette,
    QPen,
    QPixmap,
)
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QSizePolicy, QWidget

from plainview.ui.theme import is_dark

I18N_AREA = "shell"

_ICON = 18


def error_colors(palette: QPalette) -> tuple[QColor, QColor]:
    """(edge and icon colour, background tint) that keep 4.5:1 text contrast in light and dark."""
    if is_dark(palette):
        return QColor("#ff8a80"), QColor("#3d2222")
    return QColor("#b3261e"), QColor("#fdecea")


def error_pixmap(color: QColor, size: int = _ICON) -> QPixmap:
    """A filled circle with a white "!" (drawn: no icon theme needed)."""
    pixmap = QPixmap(size * 2, size * 2)
    pixmap.setDevicePixelRatio(2.0)
    pixmap.fill(Qt.GlobalColor.transparent)
    p = QPainter(pixmap)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(color)
    p.drawEllipse(QRectF(0.5, 0.5, size - 1, size - 1))
    pen = QPen(QColor("#ffffff") if color.lightness() < 160 else QColor("#1b1b1b"), size / 8)
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    p.setPen(pen)
    mid = size / 2
    p.drawLine(QPointF(mid, size * 0.25), QPointF(mid, size * 0.58))
    p.drawPoint(QPointF(mid, size * 0.75))
    p.end()
    return pixmap


class ErrorMessage(QFrame):
    """``setText`` shows it (and tells assistive technology), ``clear`` hides it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ErrorMessage")
        self._icon = QLabel(self)
        self._icon.setFixedSize(_ICON, _ICON)
        self._icon.setAlignment(Qt.AlignmentFlag.AlignTop)
        self._label = QLabel(self)
        self._label.setWordWrap(True)
        self._label.setProperty("role", "error")
        self._label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        font = QFont(self._label.font())
        font.setWeight(QFont.Weight.DemiBold)
        self._label.setFont(font)
        self._label.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        row = QHBoxLayout(self)
        row.setContentsMargins(12, 8, 10, 8)
        row.setSpacing(8)
        row.addWidget(self._icon, 0, Qt.AlignmentFlag.AlignTop)
        row.addWidget(self._label, 1)
        self._prefix = "Error"
        self._update_icon()
        self.hide()

    def set_prefix(self, prefix: str) -> None:
        """The translated word screen readers say first ("Error")."""
        self._prefix = prefix
        self._update_accessible()

    def text(self) -> str:
        return self._label.text()

    def setText(self, text: str) -> None:
        self._label.setText(text)
        self.setVisible(bool(text))
        self._update_accessible()
        if text and self.isVisible():
            QAccessible.updateAccessibility(QAccessibleEvent(self, QAccessible.Event.Alert))

    def clear(self) -> None:
        self.setText("")

    def _update_accessible(self) -> None:
        text = self._label.text()
        self.setAccessibleName(f"{self._prefix}: {text}" if text else self._prefix)
        self._label.setAccessibleName(self.accessibleName())
        self._icon.setAccessibleName(self._prefix)

    def _update_icon(self) -> None:
        edge, _tint = error_colors(self.palette())
        self._icon.setPixmap(error_pixmap(edge))

    def changeEvent(self, event: object) -> None:
        from PySide6.QtCore import QEvent

        super().changeEvent(event)  # type: ignore[arg-type]
        if getattr(event, "type", lambda: None)() == QEvent.Type.PaletteChange:
            self._update_icon()

    def paintEvent(self, event: QPaintEvent) -> None:
        edge, tint = error_colors(self.palette())
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        rect = QRectF(self.rect()).adjusted(0.5, 0.5, -0.5, -0.5)
        p.setPen(QPen(edge, 1))
        p.setBrush(tint)
        p.drawRoundedRect(rect, 4, 4)
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(edge)
        p.drawRoundedRect(QRectF(rect.left(), rect.top(), 4, rect.height()), 2, 2)
        p.end()
