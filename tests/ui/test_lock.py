"""Lock now and auto-lock: the vault is locked and its key zeroed, every page cleared, the
pixmap cache and our clipboard emptied, dialogs closed, only the unlock form left."""

from __future__ import annotations

import time

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QPixmap, QPixmapCache
from PySide6.QtWidgets import QDialog

from plainview.ui import clipboard
from tests.fixtures.plugin_ui import unlock


def _spy_clear(monkeypatch, window) -> list[str]:
    cleared: list[str] = []
    for name, page in window.page.items():
        original = page.clear

        def spy(name=name, original=original):
            cleared.append(name)
            original()

        monkeypatch.setattr(page, "clear", spy)
    return cleared


def test_lock_now_clears_everything(qtbot, shell_vault, main_window, shell_ctx, monkeypatch):
    unlock(qtbot, main_window)
    vault = shell_ctx.vault
    key = vault._data_key
    assert key is not None and any(key)
    reader = vault.connect_reader()
    cleared = _spy_clear(monkeypatch, main_window)
    QPixmapCache.insert("pv-test", QPixmap(8, 8))
    clipboard.copy_secret("1234-ABCD")
    main_window.open_settings()
    qtbot.waitUntil(lambda: any(d.isVisible() for d in main_window.findChildren(QDialog)))

    with qtbot.waitSignal(shell_ctx.locked, timeout=5000):
        qtbot.mouseClick(main_window.lock_button, Qt.MouseButton.LeftButton)

    assert vault.locked and not shell_ctx.is_unlocked
    assert all(b == 0 for b in key)  # the data key buffer was zeroed in place
    assert vault._readers == []
    try:
        reader.execute("SELECT 1")
        raise AssertionError("the reader connection is still open")
    except Exception as exc:  # closed connection
        assert "closed" in str(exc).lower()
    assert set(cleared) == set(main_window.page)
    assert main_window.sidebar.data.counts == {}
    assert QPixmapCache.find("pv-test") is None
    assert QGuiApplication.clipboard().text() == ""
    assert not any(d.isVisible() for d in main_window.findChildren(QDialog))
    assert main_window.state == "locked"
    assert main_window.unlock_page.isVisible() and not main_window.workspace.isVisible()
    assert main_window.search_field.text() == ""


def test_lock_leaves_someone_elses_clipboard_alone(qtbot, shell_vault, main_window, shell_ctx):
    unlock(qtbot, main_window)
    clipboard.copy_secret("SECRET-CODE")
    QGuiApplication.clipboard().setText("the user's own text")
    main_window.lock()
    assert QGuiApplication.clipboard().text() == "the user's own text"


def test_auto_lock_after_idle(qtbot, shell_vault, main_window, shell_ctx):
    unlock(qtbot, main_window)
    main_window.idle.set_interval_ms(150)
    main_window.idle.start()
    assert main_window.idle.active
    with qtbot.waitSignal(shell_ctx.locked, timeout=5000):
        pass
    assert main_window.state == "locked"
    assert not main_window.idle.active


def test_input_postpones_auto_lock(qtbot, shell_vault, main_window, shell_ctx):
    unlock(qtbot, main_window)
    idle = main_window.idle
    idle.set_interval_ms(60_000)
    idle.start()
    idle._last_input = 0.0
    # Real input reaches the top-level QWindow first (where the watcher listens).
    qtbot.keyClick(main_window.windowHandle(), Qt.Key.Key_A)
    assert idle._last_input > time.monotonic() - 5
    idle._check()  # the timer fires while the user was just active: no lock
    assert shell_ctx.is_unlocked and idle.active
    idle._last_input = time.monotonic() - 61
    idle._check()
    assert not shell_ctx.is_unlocked


def test_auto_lock_zero_means_never(qtbot, shell_vault, main_window, shell_ctx):
    unlock(qtbot, main_window)
    main_window.idle.set_minutes(0)
    main_window.idle.start()
    assert not main_window.idle.active
    assert shell_ctx.is_unlocked


def test_unlock_again_after_lock(qtbot, shell_vault, main_window, shell_ctx):
    unlock(qtbot, main_window)
    main_window.lock()
    unlock(qtbot, main_window)
    assert shell_ctx.is_unlocked and main_window.idle.interval_ms == 15 * 60_000


def test_copied_secret_is_cleared_after_a_while(qtbot):
    clipboard.copy_secret("1111-2222", clear_after_ms=100)
    assert QGuiApplication.clipboard().text() == "1111-2222"
    qtbot.waitUntil(lambda: QGuiApplication.clipboard().text() == "", timeout=5000)
    assert not clipboard.holds_ours()


def test_exit_with_a_copied_secret_is_clean(tmp_path):
    """Leaving our QMimeData on the clipboard at exit crashed PySide6; it is cleared first."""
    import subprocess
    import sys
    import textwrap

    code = textwrap.dedent(
        """
        import os
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
        from PySide6.QtWidgets import QApplication
        app = QApplication([])
        from plainview.ui import clipboard
        clipboard.copy_secret("1234-5678")
        print("copied")
        """
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=False
    )
    assert result.returncode == 0, result.stderr[-1000:]
    assert result.stdout.strip() == "copied"
