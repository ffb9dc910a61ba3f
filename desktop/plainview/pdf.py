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
from html import escape as _escape
from pathlib import Path

from PySide6.QtCore import QByteArray, QMarginsF, QRectF, QSizeF, Qt, QUrl, QUuid
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


# --- metadata: no local time, no Qt version, no random document id --------------------------

_FIXED_ID = QUuid("{00000000-0000-4000-8000-000000000000}")
_FIXED_DATE = b"19800101000000"


def _fixed_metadata(writer: QPdfWriter, title: str) -> None:
    """Our own XMP (title and tool only: Qt's names the Qt version, the local creation time
    and random document and instance ids) and a fixed document id."""
    writer.setDocumentId(_FIXED_ID)
    safe = _escape(title)
    xmp = (
        '<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>'
        '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF '
        'xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
        '<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/" '
        'xmlns:xmp="http://ns.adobe.com/xap/1.0/" xmlns:pdf="http://ns.adobe.com/pdf/1.3/">'
        f'<dc:title><rdf:Alt><rdf:li xml:lang="x-default">{safe}</rdf:li></rdf:Alt></dc:title>'
        "<xmp:CreatorTool>Plainview</xmp:CreatorTool><pdf:Producer>Plainview</pdf:Producer>"
        '</rdf:Description></rdf:RDF></x:xmpmeta><?xpacket end="w"?>'
    )
    writer.setDocumentXmpMetadata(QByteArray(xmp.encode("utf-8")))


def _same_length(old: bytes, new: bytes) -> bytes:
    return (new + b" " * len(old))[: len(old)]


def _normalize_info(path: Path) -> None:
    """The Info dictionary's creation and modification dates (local time) and producer (the
    Qt version) have no API: overwrite them in place with values of the same length, so every
    offset in the file's cross-reference table stays right."""
    data = bytearray(path.read_bytes())

    def date(m: re.Match[bytes]) -> bytes:
        zone = m.group(2)
        fixed_zone = b"Z" if zone == b"Z" else _same_length(zone, b"+00'00'")
        return m.group(1) + _same_length(m.group(0)[len(m.group(1)) :], _FIXED_DATE + fixed_zone)

    stamp = rb"(/(?:CreationDate|ModDate) \(D:)\d{14}(Z|[+-]\d{2}'\d{2}'?)"
    text = re.sub(stamp, date, bytes(data))

    def producer(m: re.Match[bytes]) -> bytes:
        value = m.group(2)
        if value.startswith(b"\xfe\xff"):  # UTF-16 with its byte order mark
            n = (len(value) - 2) // 2
            name = "Plainview".ljust(n)[:n].encode("utf-16-be")
            return m.group(1) + _same_length(value, b"\xfe\xff" + name) + m.group(3)
        return m.group(1) + _same_length(value, b"Plainview") + m.group(3)

    text = re.sub(rb"(/Producer \()(.*?)(\)\s)", producer, text, flags=re.S)
    if len(text) != len(data):  # never shift an offset
        raise RuntimeError("PDF metadata normalisation changed the file length")
    path.write_bytes(text)


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
        _fixed_metadata(writer, title)
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
        _normalize_info(Path(tmp_name))
        with open(tmp_name, "rb+") as fh:
            os.fsync(fh.fileno())
        os.replace(tmp_name, out)
    except BaseException:
        Path(tmp_name).unlink(missing_ok=True)
        raise
