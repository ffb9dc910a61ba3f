"""First run: passphrase twice with a strength meter, KDF off the GUI thread, the recovery code
shown once with Copy (marked secret) and Save… (through the seam), then a confirmation."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication

from plainview.ui.clipboard import SECRET_HINT_MIME
from plainview.ui.first_run_page import FirstRunPage
from plainview.vault import Vault
from tests.fixtures.plugin_ui import SHELL_PASSPHRASE

pytestmark = pytest.mark.usefixtures("fast_kdf")


def _type_passphrases(qtbot, page, first, second):
    page._pass1.clear()
    page._pass2.clear()
    qtbot.keyClicks(page._pass1, first)
    qtbot.keyClicks(page._pass2, second)


def test_window_starts_on_first_run_without_a_vault(main_window):
    assert main_window.state == "first_run"
    assert not main_window.workspace.isVisible()
    assert main_window.first_run.isVisible()


def test_create_button_waits_for_a_good_matching_passphrase(qtbot, main_window):
    page = main_window.first_run
    _type_passphrases(qtbot, page, "short", "short")
    assert not page._create.isEnabled()
    assert page._meter.text == "Too short"
    _type_passphrases(qtbot, page, "password1", "password1")
    assert not page._create.isEnabled()  # long enough but trivially guessable
    assert "easy to guess" in page._problem.text()
    _type_passphrases(qtbot, page, SHELL_PASSPHRASE, SHELL_PASSPHRASE + "x")
    assert not page._create.isEnabled()
    assert "not the same" in page._problem.text()
    _type_passphrases(qtbot, page, SHELL_PASSPHRASE, SHELL_PASSPHRASE)
    assert page._create.isEnabled()
    assert page._meter.score >= 3
    assert page._meter.text in ("Good", "Strong")


def test_full_first_run(qtbot, main_window, shell_ctx, tmp_path, monkeypatch):
    page = main_window.first_run
    _type_passphrases(qtbot, page, SHELL_PASSPHRASE, SHELL_PASSPHRASE)
    qtbot.keyClick(page._pass2, Qt.Key.Key_Return)
    # Fields are cleared as soon as the passphrase was taken; the KDF runs off-thread.
    assert page._pass1.text() == "" and page._pass2.text() == ""
    qtbot.waitUntil(lambda: page.on_code_step, timeout=15_000)
    code = page.recovery_code
    assert code and "-" in code
    assert page._code_label.text() == code
    assert not shell_ctx.is_unlocked  # not before the user confirmed the code

    # Copy: on the clipboard, marked secret for clipboard managers.
    qtbot.mouseClick(page._copy, Qt.MouseButton.LeftButton)
    clip = QGuiApplication.clipboard()
    assert clip.text() == code
    assert bytes(clip.mimeData().data(SECRET_HINT_MIME)) == b"secret"

    # Save…: through the seam, into a text file.
    target = tmp_path / "code.txt"
    asked: list[str] = []

    def fake_ask(cls, parent, title, suggested):
        asked.append(suggested)
        return str(target)

    monkeypatch.setattr(FirstRunPage, "ask_save_path", classmethod(fake_ask))
    qtbot.mouseClick(page._save, Qt.MouseButton.LeftButton)
    assert asked == ["plainview-recovery-code.txt"]
    qtbot.waitUntil(lambda: "code.txt" in page._saved_note.text(), timeout=5000)  # off-thread
    assert code in target.read_text(encoding="utf-8")
    assert target.stat().st_mode & 0o077 == 0  # readable by the user only
    assert "code.txt" in page._saved_note.text()

    # Continue needs the confirmation.
    assert not page._continue.isEnabled()
    page._confirm.setChecked(True)
    with qtbot.waitSignal(page.vault_created, timeout=5000):
        qtbot.mouseClick(page._continue, Qt.MouseButton.LeftButton)
    assert shell_ctx.is_unlocked
    assert main_window.state == "unlocked"
    assert page.recovery_code == "" and page._code_label.text() == ""
    # After creating a vault the user lands on Import (no data yet).
    assert main_window.pages.currentWidget() is main_window.page["import"]

    # The vault opens with the passphrase and with the recovery code.
    shell_ctx.lock()
    assert main_window.state == "locked"
    assert QGuiApplication.clipboard().text() == ""  # our secret was cleared on lock
    Vault.open(Path(shell_ctx.vault_dir), SHELL_PASSPHRASE).lock()
    Vault.open_with_recovery(Path(shell_ctx.vault_dir), code).lock()


def test_cancelled_save_writes_nothing(qtbot, main_window, tmp_path, monkeypatch):
    page = main_window.first_run
    _type_passphrases(qtbot, page, SHELL_PASSPHRASE, SHELL_PASSPHRASE)
    page._start_create()
    qtbot.waitUntil(lambda: page.on_code_step, timeout=15_000)
    monkeypatch.setattr(FirstRunPage, "ask_save_path", classmethod(lambda *a: ""))
    page.save_code()
    assert page._saved_note.text() == ""
    assert list(tmp_path.glob("*.txt")) == []


def test_lock_during_code_step_forgets_the_unconfirmed_vault(qtbot, main_window, shell_ctx):
    page = main_window.first_run
    _type_passphrases(qtbot, page, SHELL_PASSPHRASE, SHELL_PASSPHRASE)
    page._start_create()
    qtbot.waitUntil(lambda: page.on_code_step, timeout=15_000)
    held = page._vault
    page.clear()
    assert held.locked
    assert page.recovery_code == "" and not page.on_code_step


def test_closing_the_window_at_the_code_step_locks_the_new_vault(qtbot, main_window):
    page = main_window.first_run
    _type_passphrases(qtbot, page, SHELL_PASSPHRASE, SHELL_PASSPHRASE)
    page._start_create()
    qtbot.waitUntil(lambda: page.on_code_step, timeout=15_000)
    held = page._vault
    main_window.close()
    assert held.locked
