"""Facebook exports, every generation, JSON and HTML (``platform.FACEBOOK``). Qt-free."""

from __future__ import annotations

from plainview.platforms.facebook.platform import FACEBOOK

__all__ = ["FACEBOOK"]
