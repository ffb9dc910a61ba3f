"""The composition root: process hardening, the plain error dialog, application identity, and
a real start of run_gui in a child process."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap

from PySide6.QtWidgets import QApplication

from plainview import APP_ID
from plainview.app import create_application, install_excepthook
from plainview.errors import ArchiveRejected
from plainview.ui.error_dialog import ErrorDialog

MARKER = "MARKER-7f3a-personal"


def _run(code: str, tmp_path, timeout: int = 60) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ)
    env.update(
        QT_QPA_PLATFORM="offscreen",
        XDG_CONFIG_HOME=str(tmp_path / "config"),
        XDG_DATA_HOME=str(tmp_path / "data"),
        HOME=str(tmp_path),
    )
    return subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)],
        capture_output=True,
        text=True,
        timeout=timeout,
        env=env,
        check=False,
    )


def test_core_dumps_are_off(tmp_path):
    result = _run(
        """
        import ctypes, resource
        from plainview.app import harden_process
        harden_process()
        libc = ctypes.CDLL(None)
        print(resource.getrlimit(resource.RLIMIT_CORE), libc.prctl(3, 0, 0, 0, 0))
        """,
        tmp_path,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["(0,", "0)", "0"]


def test_run_gui_starts_on_first_run_and_exits_cleanly(tmp_path):
    result = _run(
        f"""
        import sys
        from pathlib import Path
        from PySide6.QtCore import QTimer
        from PySide6.QtWidgets import QApplication
        from plainview.app import run_gui
        app = QApplication(sys.argv[:1])
        seen = []
        def look():
            for w in app.topLevelWidgets():
                if type(w).__name__ == "MainWindow" and w.isVisible():
                    seen.append((w.windowTitle(), w.state))
            app.quit()
        QTimer.singleShot(300, look)
        rc = run_gui(Path({str(tmp_path / "vault")!r}), debug=False)
        print(rc, seen, app.desktopFileName())
        """,
        tmp_path,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"0 [('Plainview', 'first_run')] {APP_ID}"
    assert not (tmp_path / "vault").exists()  # nothing is created before the user asks
    # No personal data in the settings file: only device preferences may appear.
    for ini in (tmp_path / "config").rglob("*.conf"):
        text = ini.read_text(encoding="utf-8")
        assert "vault" not in text.lower()


def test_application_identity(qapp):
    app = create_application([])
    assert app is QApplication.instance()
    assert app.desktopFileName() == APP_ID
    assert app.applicationName() == "Plainview"
    assert not app.windowIcon().isNull()


def _raise(exc: BaseException):
    try:
        raise exc
    except BaseException as caught:
        return type(caught), caught, caught.__traceback__


def test_excepthook_shows_a_plain_dialog_without_personal_data(qapp, monkeypatch):
    shown: list[tuple[str, str, str]] = []
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    monkeypatch.setattr(ErrorDialog, "handler", lambda *args: shown.append(args))
    install_excepthook(debug=False)
    sys.excepthook(*_raise(KeyError(f"user {MARKER}")))
    title, message, details = shown[-1]
    assert title == "Something went wrong"
    assert "Your vault is safe" in message
    assert "KeyError" in details
    assert MARKER not in message + details
    assert "Traceback" not in details


def test_excepthook_in_debug_shows_the_traceback(qapp, monkeypatch):
    shown: list[tuple[str, str, str]] = []
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    monkeypatch.setattr(ErrorDialog, "handler", lambda *args: shown.append(args))
    install_excepthook(debug=True)
    sys.excepthook(*_raise(ValueError("boom")))
    assert "Traceback" in shown[-1][2]


def test_plainview_errors_show_their_own_message(qapp, monkeypatch):
    shown: list[tuple[str, str, str]] = []
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    monkeypatch.setattr(ErrorDialog, "handler", lambda *args: shown.append(args))
    install_excepthook(debug=False)
    sys.excepthook(
        *_raise(ArchiveRejected("This file is not a TikTok export.", hint="Choose the zip."))
    )
    _title, message, _details = shown[-1]
    assert message == "This file is not a TikTok export.\n\nChoose the zip."
