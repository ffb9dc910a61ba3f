"""The core packages never import Qt: a fresh interpreter imports each of them and checks."""

from __future__ import annotations

import pkgutil
import subprocess
import sys
from pathlib import Path

import plainview

CORE = ("vault", "importers", "catalog", "insights", "sharing")


def _core_modules() -> list[str]:
    root = Path(plainview.__file__).parent
    names = ["plainview.model", "plainview.errors", "plainview.resources", "plainview.regions"]
    for pkg in CORE:
        names.append(f"plainview.{pkg}")
        for info in pkgutil.walk_packages([str(root / pkg)], prefix=f"plainview.{pkg}."):
            names.append(info.name)
    return names


def test_core_modules_import_without_qt() -> None:
    modules = _core_modules()
    code = (
        "import sys\n"
        f"for name in {modules!r}:\n"
        "    __import__(name)\n"
        "qt = sorted(m for m in sys.modules if m.startswith(('PySide6', 'shiboken6')))\n"
        "print(','.join(qt))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "", f"Qt imported by the core: {out.stdout.strip()}"


def test_the_check_can_fail() -> None:
    code = "import sys, PySide6.QtCore; print(any(m.startswith('PySide6') for m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "True"
