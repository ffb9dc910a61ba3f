"""PySide6 6.12.0 lowers None's reference count on every void Qt call; importing plainview
must make that harmless on Python 3.11 (the whole GUI would otherwise abort within seconds)."""

from __future__ import annotations

import subprocess
import sys
import textwrap


def test_many_void_qt_calls_do_not_abort(tmp_path):
    code = textwrap.dedent(
        """
        import os, sys
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
        import plainview  # installs the guard
        from PySide6.QtWidgets import QApplication, QLabel
        app = QApplication([])
        label = QLabel()
        for i in range(50_000):
            label.setText("x")
            label.setVisible(False)
        print("ok", sys.getrefcount(None) > 1_000_000)
        """
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=False
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.split() == ["ok", "True"]
