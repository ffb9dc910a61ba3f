"""Import "download your data" exports: safe archive reading, detection, TikTok JSON + TXT.

``from plainview.importers import run_import, ImportResult, detect`` (docs/ARCHITECTURE.md).
Qt-free.
"""

from __future__ import annotations

from plainview.importers.registry import Detection
from plainview.importers.service import ImportResult, detect, run_import

__all__ = ["Detection", "ImportResult", "detect", "run_import"]
