"""Small leaks closed (issue 16 item 5): the recovery code cannot be selected (only the Copy
button copies it, secret-marked and cleared after a minute); Qt's file dialog history is
cleared after each dialog and on lock; saving the recovery code never follows a link or
opens a FIFO, and runs off the GUI thread."""

from __future__ import annotations

import os
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication, QFileDialog, QWidget

from plainview.safe_write import write_private
from plainview.ui import file_dialogs
from plainview.ui.passphrase_widgets import recovery_code_label


@pytest.fixture
def qt_settings_home(tmp_path: Path) -> Iterator[Path]:
    home = tmp_path / "config"
    home.mkdir()
    default = os.environ.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
    for fmt in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        QSettings.setPath(fmt, QSettings.Scope.UserScope, str(home))
    yield home
    for fmt in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        QSettings.setPath(fmt, QSettings.Scope.UserScope, default)


def _history() -> tuple[Any, Any]:
    s = QSettings(QSettings.Scope.UserScope, "QtProject")
    s.sync()
    return s.value("FileDialog/history"), s.value("FileDialog/lastVisited")


def _plant_history() -> None:
    s = QSettings(QSettings.Scope.UserScope, "QtProject")
    s.setValue("FileDialog/history", ["file:///home/me/Interviews/Alice Smith"])
    s.setValue("FileDialog/lastVisited", "file:///home/me/Interviews/Alice Smith")
    s.setValue("FileDialog/viewMode", "Detail")
    s.sync()


def test_recovery_code_label_is_not_selectable(qtbot: Any) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    label = recovery_code_label(parent)
    label.setText("ABCDE-FGHIJ")
    assert label.textInteractionFlags() == Qt.TextInteractionFlag.NoTextInteraction
    assert not label.hasSelectedText()


def test_file_dialog_history_is_cleared_when_a_dialog_closes(
    qtbot: Any, qt_settings_home: Path
) -> None:
    _plant_history()
    assert _history()[0]
    guard = file_dialogs.install(QApplication.instance())  # type: ignore[arg-type]
    try:
        assert _history() == (None, None)  # cleared at start-up too
        _plant_history()
        dialog = QFileDialog(None, "Save", str(qt_settings_home))
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        dialog.reject()
        qtbot.waitUntil(lambda: _history() == (None, None), timeout=5000)
        s = QSettings(QSettings.Scope.UserScope, "QtProject")
        assert s.value("FileDialog/viewMode") == "Detail"  # only the history goes
    finally:
        QApplication.instance().removeEventFilter(guard)  # type: ignore[union-attr]


def test_lock_clears_the_file_dialog_history(shell_ctx: Any, qt_settings_home: Path) -> None:
    _plant_history()
    shell_ctx.lock()
    assert _history() == (None, None)


def test_saving_the_code_replaces_a_link_instead_of_following_it(tmp_path: Path) -> None:
    victim = tmp_path / "victim.txt"
    victim.write_text("keep me")
    link = tmp_path / "code.txt"
    link.symlink_to(victim)
    write_private(link, b"CODE")
    assert victim.read_text() == "keep me"
    assert not link.is_symlink() and link.read_bytes() == b"CODE"
    assert link.stat().st_mode & 0o077 == 0


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_saving_the_code_over_a_fifo_does_not_block(tmp_path: Path) -> None:
    fifo = tmp_path / "code.txt"
    os.mkfifo(fifo)
    done = threading.Event()

    def save() -> None:
        write_private(fifo, b"CODE")
        done.set()

    worker = threading.Thread(target=save, daemon=True)
    worker.start()
    assert done.wait(5), "writing blocked on the FIFO"
    assert fifo.read_bytes() == b"CODE"


def test_saving_the_code_leaves_no_temp_file_on_failure(tmp_path: Path) -> None:
    folder = tmp_path / "a folder"
    folder.mkdir()
    with pytest.raises(OSError):
        write_private(folder, b"CODE")
    assert list(tmp_path.iterdir()) == [folder]
    assert list(folder.iterdir()) == []


def test_share_dialog_adds_zip_before_the_overwrite_check(
    qtbot: Any, sharing_ctx: Any, tmp_path: Path
) -> None:
    from plainview.ui.share_preview_dialog import SharePreviewDialog

    owner = SharePreviewDialog(sharing_ctx)
    qtbot.addWidget(owner)
    dialog = owner.save_dialog()
    qtbot.addWidget(dialog)
    assert dialog.defaultSuffix() == "zip"
    assert dialog.acceptMode() == QFileDialog.AcceptMode.AcceptSave
    assert not dialog.testOption(QFileDialog.Option.DontConfirmOverwrite)
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
    dialog.setDirectory(str(tmp_path))
    dialog.selectFile("package")
    dialog.open()
    qtbot.waitExposed(dialog)
    dialog.accept()
    # the name Qt checks for overwriting (and returns) already ends in .zip
    assert dialog.selectedFiles() == [str(tmp_path / "package.zip")]


def test_remember_on_this_device_says_what_it_costs_before_it_is_ticked(
    qtbot: Any, memory_keyring: Any, shell_vault: Any, main_window: Any
) -> None:
    """Issue 16 item 4: a keyring with an empty password stores its items unencrypted."""
    page = main_window.unlock_page
    qtbot.waitUntil(lambda: page.remember_offered, timeout=15_000)
    assert not page._remember.isChecked()
    cost = page._remember_cost
    assert cost.isVisible()
    text = cost.text()
    assert "unencrypted" in text and "automatic" in text and "home folder" in text
    assert cost.accessibleName()


def test_without_a_keyring_no_cost_note_is_shown(
    qtbot: Any, shell_vault: Any, main_window: Any
) -> None:
    from plainview.ui import tasks

    page = main_window.unlock_page
    qtbot.waitUntil(lambda: tasks.active_tasks() == 0, timeout=15_000)
    assert not page.remember_offered and not page._remember_cost.isVisible()
