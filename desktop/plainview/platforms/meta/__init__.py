"""What Instagram and Facebook share: mojibake repair, record shapes, times, HTML pages and
one rule-driven parser (``engine.MetaParser``). Qt-free."""

from __future__ import annotations

from plainview.platforms.meta.engine import FileRule, MetaParser
from plainview.platforms.meta.text import repair, repair_value

__all__ = ["FileRule", "MetaParser", "repair", "repair_value"]
