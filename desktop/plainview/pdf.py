"""HTML → PDF with QtGui only (``QTextDocument`` + ``QPdfWriter``), no widgets.

The one Qt module the command line uses. ``QTextDocument`` does not draw inline SVG, so each
``<svg>…</svg>`` block of the report is rendered with ``QSvgRenderer`` into an image that the
document holds as a resource (nothing is loaded from outside). The PDF is written to a
temporary file in the target folder and moved into place.
"""

from __future__ import annotations

import os
import re
import tempfile
from pathlib import Path

from PySide6.QtCore import QByteArray, QMarginsF, QRectF, QSizeF, Qt, QUrl
from PySide6.QtGui import (
    QGuiApplication,
    QImage,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QTextDocument,
)
from PySide6.QtSvg import QSvgRenderer

from plainview.fonts import ensure_bundled_fonts

_SVG_RE = re.compile(r"<svg\b.*?</svg>", re.DOTALL | re.IGNORECASE)
_SIZE_RE = re.compile(r'\bwidth="(\d+)"[^>]*\bheight="(\d+)"')


def _ensure_app() -> None:
    """QTextDocument needs a QGuiApplication for fonts; the CLI has none yet."""
    if QGuiApplication.instance() is None:
        # The offscreen platform needs no display, so `plainview report` works over SSH and
        # in CI; kept alive for the process (the CLI exits right after).
        _ensure_app.app = QGuiApplication(  # type: ignore[attr-defined]
            ["plainview", "-platform", "offscreen"]
        )


def _svg_to_image(svg: str, scale: float = 2.0) -> tuple[QImage, int, int]:
    m = _SIZE_RE.search(svg)
    width, height = (int(m.group(1)), int(m.group(2))) if m else (640, 200)
    image = QImage(int(width * scale), int(height * scale), QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.white)
    renderer = QSvgRenderer(QByteArray(svg.encode("utf-8")))
    painter = QPainter(image)
    renderer.render(painter, QRectF(0, 0, width * scale, height * scale))
    painter.end()
    return image, width, height


def build_document(html: str) -> QTextDocument:
    """A QTextDocument for the HTML with its SVG charts turned into image resources."""
    _ensure_app()
    ensure_bundled_fonts()  # a machine without a CJK font would print Chinese as nothing
    doc = QTextDocument()
    doc.setDefaultFont(QGuiApplication.font())
    images: list[tuple[str, QImage]] = []

    def replace(m: re.Match[str]) -> str:
        image, width, height = _svg_to_image(m.group(0))
        name = f"plainview-chart-{len(images)}"
        images.append((name, image))
        return f'<img src="{name}" width="{width}" height="{height}">'

    body = _SVG_RE.sub(replace, html)
    for name, image in images:
        doc.addResource(QTextDocument.ResourceType.ImageResource, QUrl(name), image)
    doc.setHtml(body)
    return doc


def html_to_pdf(html: str, out: Path | str, *, title: str = "Plainview report") -> None:
    """Render ``html`` to an A4 PDF at ``out`` (written atomically)."""
    out = Path(out)
    doc = build_document(html)
    fd, tmp_name = tempfile.mkstemp(prefix=".plainview-report-", suffix=".pdf", dir=out.parent)
    os.close(fd)
    try:
        writer = QPdfWriter(tmp_name)
        writer.setTitle(title)
        writer.setCreator("Plainview")
        writer.setResolution(300)
        writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
        writer.setPageMargins(QMarginsF(15, 15, 15, 15), QPageLayout.Unit.Millimeter)
        # The document lays out in screen pixels; print_() scales from the screen's logical
        # DPI to the writer's, so the page size is given in screen pixels.
        screen = QGuiApplication.primaryScreen()
        dpi = screen.logicalDotsPerInch() if screen is not None else 96.0
        paint = writer.pageLayout().paintRect(QPageLayout.Unit.Point)
        doc.setPageSize(QSizeF(paint.width() * dpi / 72.0, paint.height() * dpi / 72.0))
        doc.print_(writer)
        del writer  # flushes and closes the file
        with open(tmp_name, "rb+") as fh:
            os.fsync(fh.fileno())
        os.replace(tmp_name, out)
    except BaseException:
        Path(tmp_name).unlink(missing_ok=True)
        raise
