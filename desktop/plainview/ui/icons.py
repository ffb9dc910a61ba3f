"""A few small line icons drawn in the palette's text colour, so they suit light and dark
and need no icon theme (the offscreen platform and Windows have none). The desktop's own
themed icon is used when there is one."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QGuiApplication,
    QIcon,
    QPainter,
    QPainterPath,
    QPalette,
    QPen,
    QPixmap,
)

_SIZE = 16


def _canvas() -> tuple[QPixmap, QPainter, QColor]:
    pixmap = QPixmap(_SIZE * 2, _SIZE * 2)
    pixmap.setDevicePixelRatio(2.0)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    color = QGuiApplication.palette().color(QPalette.ColorRole.ButtonText)
    pen = QPen(color, 1.4)
    painter.setPen(pen)
    return pixmap, painter, color


def lock_icon() -> QIcon:
    themed = QIcon.fromTheme("system-lock-screen")
    if not themed.isNull():
        return themed
    pixmap, p, color = _canvas()
    p.drawArc(QRectF(4.5, 1.5, 7, 9), 0, 180 * 16)
    p.drawLine(QPointF(4.5, 6), QPointF(4.5, 7.5))
    p.drawLine(QPointF(11.5, 6), QPointF(11.5, 7.5))
    p.setBrush(color)
    p.drawRoundedRect(QRectF(3, 7.5, 10, 7), 1.5, 1.5)
    p.end()
    return QIcon(pixmap)


def eye_icon() -> QIcon:
    themed = QIcon.fromTheme("view-reveal-symbolic")
    if not themed.isNull():
        return themed
    pixmap, p, color = _canvas()
    path = QPainterPath(QPointF(1.5, 8))
    path.quadTo(QPointF(8, 1), QPointF(14.5, 8))
    path.quadTo(QPointF(8, 15), QPointF(1.5, 8))
    p.drawPath(path)
    p.setBrush(color)
    p.drawEllipse(QPointF(8, 8), 2.2, 2.2)
    p.end()
    return QIcon(pixmap)


def gear_icon() -> QIcon:
    themed = QIcon.fromTheme("preferences-system")
    if not themed.isNull():
        return themed
    pixmap, p, color = _canvas()
    p.save()
    p.translate(8, 8)
    pen = QPen(color, 2.2)
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    p.setPen(pen)
    for _ in range(8):
        p.drawLine(QPointF(0, 5.2), QPointF(0, 6.6))
        p.rotate(45)
    p.restore()
    p.setPen(QPen(color, 1.6))
    p.drawEllipse(QPointF(8, 8), 4.6, 4.6)
    p.drawEllipse(QPointF(8, 8), 1.6, 1.6)
    p.end()
    return QIcon(pixmap)
