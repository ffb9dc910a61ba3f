"""Render the scalable app icon into the PNG sizes desktops and window managers ask for.

Run from the repository root after editing the SVG:

    .venv/bin/python packaging/render_icons.py

Writes ``resources/icons/hicolor/<N>x<N>/apps/org.plainview.Plainview.png`` (the freedesktop
hicolor layout, so the folder can be copied into ``share/icons/`` as it is) and copies the SVG
to ``hicolor/scalable/apps/``. Rendering uses Qt's own SVG renderer (QtSvg), the same one the
app uses for its window icon, so the PNGs look like the running app.
"""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

APP_ID = "org.plainview.Plainview"
SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
ICONS = Path(__file__).resolve().parents[1] / "resources" / "icons"
SVG = ICONS / f"{APP_ID}.svg"


def render(svg: Path, size: int) -> QImage:
    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise SystemExit(f"error: {svg} is not a valid SVG for QtSvg")
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    renderer.render(painter)
    painter.end()
    return image


def main() -> int:
    _app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    hicolor = ICONS / "hicolor"
    scalable = hicolor / "scalable" / "apps"
    scalable.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(SVG, scalable / SVG.name)
    for size in SIZES:
        out = hicolor / f"{size}x{size}" / "apps" / f"{APP_ID}.png"
        out.parent.mkdir(parents=True, exist_ok=True)
        if not render(SVG, size).save(str(out), "PNG"):
            raise SystemExit(f"error: could not write {out}")
        print(f"{out.relative_to(ICONS.parents[1])}  {out.stat().st_size} bytes")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
