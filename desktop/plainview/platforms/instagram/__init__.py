"""Instagram exports, every generation, JSON and HTML (``platform.INSTAGRAM``). Qt-free."""

from __future__ import annotations

from plainview.platforms.instagram.platform import INSTAGRAM

__all__ = ["INSTAGRAM"]
