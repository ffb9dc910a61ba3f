"""Vaults people control: several vaults (chooser at start-up, switcher menu, each with its own
passphrase), the throw-away sample vault, removing one import, deleting the whole vault with a
typed confirmation, and an unlock error that looks like one."""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from plainview.app import start_folder
from plainview.sharing import choices
from plainview.ui.error_message import error_colors
from plainview.ui.known_vaults import KnownVaults
from plainview.ui.main_window import MainWindow
from plainview.ui.vault_dialogs import DeleteVaultDialog, ImportsDialog
from plainview.vault import KdfParams, Vault
from tests.fixtures.plugin_pages import search_term
from tests.fixtures.plugin_ui import SHELL_PASSPHRASE, unlock

TIMEOUT = 60_000
T0 = datetime(2024, 3, 1, 12, tzinfo=UTC)
OTHER_PASSPHRASE = "violet harbour ninety kites"


def _make(folder: Path, passphrase: str) -> Path:
    vault, _ = Vault.create(folder, passphrase, KdfParams.floor())
    vault.lock()
    return folder


def _fingerprint(folder: Path) -> dict[str, str]:
    return {
        p.name: hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.iterdir())
        if p.is_file()
    }


def _window(qtbot, ctx) -> MainWindow:
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def _seed(vault: Vault, terms: list[str]) -> int:
    iid = vault.begin_import("tiktok", "json", "v3", "export.zip")
    vault.add_records(iid, [search_term(t, T0) for t in terms])
    vault.set_sections(iid, [("Searches", "tiktok.searches", "imported", len(terms))])
    vault.finish_import(
        iid,
        "complete",
        {"records": {"tiktok.searches": len(terms)}, "added_by_category": {}},
    )
    return iid


# -- the known vaults, in QSettings ----------------------------------------------------------


def test_known_vaults_hold_only_paths_and_labels(ui_prefs, tmp_path):
    known = KnownVaults(ui_prefs.settings)
    known.add(tmp_path / "a", "  Participant   07 ")
    known.add(tmp_path / "b", "")
    known.rename(tmp_path / "b", "Me")
    known.last = tmp_path / "b"
    assert [(v.path, v.label) for v in known.all()] == [
        (tmp_path / "a", "Participant 07"),
        (tmp_path / "b", "Me"),
    ]
    known.remove(tmp_path / "b")
    assert [v.label for v in known.all()] == ["Participant 07"]
    assert known.last is None
    assert set(ui_prefs.keys()) == {
        "vaults/known/size",
        "vaults/known/1/path",
        "vaults/known/1/label",
    }


def test_start_up_chooses_only_when_several_vaults_are_known(ui_prefs, tmp_path):
    known = KnownVaults(ui_prefs.settings)
    default = tmp_path / "default"
    assert start_folder(default, known) == default  # nothing yet: first run there
    _make(default, SHELL_PASSPHRASE)
    assert start_folder(default, known) == default
    assert [v.path for v in known.all()] == [default]  # found and remembered
    other = _make(tmp_path / "p07", OTHER_PASSPHRASE)
    known.add(other, "Participant 07")
    assert start_folder(default, known) is None  # the chooser


# -- chooser and switcher ------------------------------------------------------------------------


def test_chooser_opens_each_vault_with_its_own_passphrase(qtbot, shell_ctx, ui_prefs, tmp_path):
    known = KnownVaults(ui_prefs.settings)
    mine = _make(tmp_path / "mine", SHELL_PASSPHRASE)
    theirs = _make(tmp_path / "p07", OTHER_PASSPHRASE)
    known.add(mine, "Me")
    known.add(theirs, "Participant 07")
    shell_ctx.vault_dir = None
    window = _window(qtbot, shell_ctx)
    assert window.state == "choosing"
    chooser = window.chooser
    assert chooser.list.count() == 2
    assert "Participant 07" in chooser.list.item(1).text()

    chooser.list.setCurrentRow(1)
    qtbot.keyClick(chooser.list, Qt.Key.Key_Return)
    assert window.state == "locked"
    assert shell_ctx.vault_dir == theirs
    assert "Participant 07" in window.unlock_page._intro.text()

    unlock(qtbot, window, OTHER_PASSPHRASE)
    assert shell_ctx.vault.path == theirs
    assert KnownVaults(ui_prefs.settings).last == theirs


@pytest.fixture
def two_vaults(ui_prefs, tmp_path, shell_vault):
    known = KnownVaults(ui_prefs.settings)
    known.add(shell_vault.path, "Me")
    theirs = _make(tmp_path / "p07", OTHER_PASSPHRASE)
    known.add(theirs, "Participant 07")
    return shell_vault.path, theirs


def test_wrong_vaults_passphrase_is_refused_with_a_visible_error(qtbot, shell_ctx, two_vaults):
    _mine, theirs = two_vaults
    shell_ctx.vault_dir = theirs
    window = _window(qtbot, shell_ctx)
    page = window.unlock_page
    page._passphrase.setText(SHELL_PASSPHRASE)
    page.unlock()
    qtbot.waitUntil(lambda: bool(page.message), timeout=15_000)
    assert window.state == "locked"
    box = page._message
    assert box.isVisible()
    assert box.accessibleName().startswith("Error: ")
    # It looks like an error: the tinted box with the error edge, not plain text.
    image = box.grab().toImage()
    edge, tint = error_colors(box.palette())
    assert image.pixelColor(2, image.height() // 2).name() == edge.name()
    assert image.pixelColor(image.width() - 4, 3).name() == tint.name()
    page._passphrase.setText(OTHER_PASSPHRASE)
    page.unlock()
    qtbot.waitUntil(lambda: window.state == "unlocked", timeout=15_000)
    assert not box.isVisible()


def test_switcher_menu_locks_and_asks_the_other_passphrase(qtbot, shell_ctx, two_vaults):
    _mine, theirs = two_vaults
    window = _window(qtbot, shell_ctx)
    unlock(qtbot, window)
    _seed(shell_ctx.vault, ["my own search"])
    assert window.vault_button.text() == "Vault: Me"
    window._fill_vault_menu()
    actions = {a.text(): a for a in window.vault_menu.actions() if a.text()}
    assert actions["Me"].isChecked() and not actions["Participant 07"].isChecked()
    actions["Participant 07"].trigger()
    assert window.state == "locked" and not shell_ctx.is_unlocked
    assert shell_ctx.vault_dir == theirs
    unlock(qtbot, window, OTHER_PASSPHRASE)
    assert window.vault_button.text() == "Vault: Participant 07"
    assert shell_ctx.vault.count("tiktok.searches") == 0  # the other person's vault


def test_new_vault_from_the_chooser_remembers_its_label(
    qtbot, shell_ctx, ui_prefs, tmp_path, monkeypatch, fast_kdf
):
    shell_ctx.vault_dir = None
    window = _window(qtbot, shell_ctx)
    target = tmp_path / "vaults" / "p08"
    monkeypatch.setattr(window.chooser, "ask_new_vault", lambda: (target, "Participant 08"))
    window.chooser.new_button.click()
    assert window.state == "first_run" and shell_ctx.vault_dir == target
    page = window.first_run
    page._pass1.setText(SHELL_PASSPHRASE)
    page._pass2.setText(SHELL_PASSPHRASE)
    page._start_create()
    qtbot.waitUntil(lambda: page.on_code_step, timeout=15_000)
    page._confirm.setChecked(True)
    with qtbot.waitSignal(page.vault_created, timeout=5000):
        page._continue.click()
    known = KnownVaults(ui_prefs.settings)
    assert [(v.path, v.label) for v in known.all()] == [(target, "Participant 08")]
    assert window.vault_button.text() == "Vault: Participant 08"


# -- the sample vault --------------------------------------------------------------------------


def test_sample_opens_in_its_own_throw_away_vault(qtbot, shell_ctx, shell_vault):
    window = _window(qtbot, shell_ctx)
    before = _fingerprint(shell_vault.path)
    window.unlock_page._other.click()
    assert window.state == "choosing"
    imp = window.page["import"]
    with qtbot.waitSignal(imp.import_finished, timeout=TIMEOUT) as sig:
        window.chooser.sample_button.click()
    assert sig.args[0].added > 0
    assert window.in_sample and window.state == "unlocked"
    sample = shell_ctx.vault.path
    assert sample != shell_vault.path and sample.exists()
    assert window.sample_bar.isVisible()
    assert "Sample data" in window.windowTitle()
    assert window.vault_button.text() == "Vault: Sample data"
    assert sum(shell_ctx.vault.category_counts().values()) == sig.args[0].added

    window.leave_sample_button.click()
    assert not window.in_sample and not sample.exists()
    assert window.state == "locked" and shell_ctx.vault_dir == shell_vault.path
    assert "Sample data" not in window.windowTitle()
    assert _fingerprint(shell_vault.path) == before  # the user's vault untouched


def test_sample_button_of_the_import_page_leaves_the_users_data_alone(
    qtbot, shell_ctx, shell_vault
):
    window = _window(qtbot, shell_ctx)
    unlock(qtbot, window)
    _seed(shell_ctx.vault, ["my own search"])
    window.show_page("import")
    imp = window.page["import"]
    with qtbot.waitSignal(imp.import_finished, timeout=TIMEOUT):
        imp.sample_button.click()
    assert window.in_sample
    sample = shell_ctx.vault.path
    window.lock()  # auto-lock or Ctrl+L: the sample goes, the user's vault is asked for
    assert not sample.exists() and not window.in_sample
    unlock(qtbot, window)
    assert shell_ctx.vault.category_counts() == {"tiktok.searches": 1}


# -- removing one import -----------------------------------------------------------------------


def test_imports_dialog_removes_one_import(qtbot, shell_ctx, shell_vault, monkeypatch):
    window = _window(qtbot, shell_ctx)
    unlock(qtbot, window)
    first = _seed(shell_ctx.vault, ["alpha", "beta"])
    second = _seed(shell_ctx.vault, ["beta", "gamma"])
    dialog = ImportsDialog(shell_ctx, window)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.tree.topLevelItemCount() == 2, timeout=10_000)
    assert dialog.selected_id == second  # the newest is selected
    dialog.tree.setCurrentItem(dialog.tree.topLevelItem(0))
    asked: list[int] = []
    monkeypatch.setattr(dialog, "confirm", lambda iid: asked.append(iid) or True)
    with qtbot.waitSignal(dialog.import_removed, timeout=10_000) as sig:
        dialog.remove_button.click()
    assert sig.args == [first] and asked == [first]
    assert "1 record deleted" in dialog.outcome.text()
    assert "1 record stayed" in dialog.outcome.text()
    qtbot.waitUntil(lambda: dialog.tree.topLevelItemCount() == 1, timeout=10_000)
    terms = sorted(r.fields["SearchTerm"] for r in shell_ctx.vault.records("tiktok.searches"))
    assert terms == ["beta", "gamma"]
    assert shell_ctx.vault.search("alpha") == []
    assert [(e.kind, e.subject) for e in choices.ledger(shell_ctx.vault)] == [
        ("import", str(first))
    ]


def test_cancelled_confirmation_removes_nothing(qtbot, shell_ctx, shell_vault, monkeypatch):
    window = _window(qtbot, shell_ctx)
    unlock(qtbot, window)
    _seed(shell_ctx.vault, ["alpha"])
    dialog = ImportsDialog(shell_ctx, window)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.tree.topLevelItemCount() == 1, timeout=10_000)
    monkeypatch.setattr(dialog, "confirm", lambda iid: False)
    dialog.remove_button.click()
    assert shell_ctx.vault.count("tiktok.searches") == 1


# -- deleting the whole vault ------------------------------------------------------------------


def test_delete_needs_the_typed_word(qtbot):
    dialog = DeleteVaultDialog("Me", "/somewhere")
    qtbot.addWidget(dialog)
    assert not dialog.delete_button.isEnabled()
    qtbot.keyClicks(dialog.field, "delet")
    assert not dialog.delete_button.isEnabled()
    dialog.accept()
    assert dialog.result() != dialog.DialogCode.Accepted
    qtbot.keyClicks(dialog.field, "e")
    assert dialog.delete_button.isEnabled()
    assert "“Me”" in dialog.text.text() and "/somewhere" in dialog.text.text()


def test_delete_vault_removes_it_and_returns_to_the_list(qtbot, shell_ctx, two_vaults, monkeypatch):
    mine, theirs = two_vaults
    window = _window(qtbot, shell_ctx)
    unlock(qtbot, window)
    _seed(shell_ctx.vault, ["my own search"])
    monkeypatch.setattr(window, "ask_delete_vault", lambda label, folder: label == "Me")
    window.delete_vault()
    assert not Vault.exists(mine) and not mine.exists()
    assert not shell_ctx.is_unlocked
    assert window.state == "choosing"
    assert "“Me” was deleted" in window.chooser.notice.text()
    assert [v.label for v in window.known.all()] == ["Participant 07"]
    assert Vault.exists(theirs)


def test_delete_refused_keeps_everything(qtbot, shell_ctx, shell_vault, monkeypatch):
    window = _window(qtbot, shell_ctx)
    unlock(qtbot, window)
    monkeypatch.setattr(window, "ask_delete_vault", lambda label, folder: False)
    window.delete_vault()
    assert shell_ctx.is_unlocked and Vault.exists(shell_vault.path)


def test_settings_lead_to_the_imports_and_to_deleting(qtbot, shell_ctx, shell_vault, monkeypatch):
    from plainview.ui.settings_dialog import SettingsDialog

    window = _window(qtbot, shell_ctx)
    unlock(qtbot, window)
    asked: list[str] = []
    monkeypatch.setattr(window, "ask_delete_vault", lambda label, folder: asked.append(label))
    window.open_settings()
    settings = window.findChild(SettingsDialog)
    assert settings is not None and settings.delete_vault_button.isEnabled()
    settings.imports_button.click()
    qtbot.waitUntil(lambda: window.findChild(ImportsDialog) is not None, timeout=5_000)
    window.open_settings()
    settings = [d for d in window.findChildren(SettingsDialog) if d.isVisible()][-1]
    settings.delete_vault_button.click()
    assert asked == ["My vault"]
    assert shell_ctx.is_unlocked  # the confirmation said no


def test_sample_from_first_run_makes_no_vault_of_the_users(qtbot, shell_ctx):
    window = _window(qtbot, shell_ctx)
    assert window.state == "first_run"
    imp = window.page["import"]
    with qtbot.waitSignal(imp.import_finished, timeout=TIMEOUT):
        window.first_run_sample.click()
    assert window.in_sample
    window.leave_sample()
    assert window.state == "first_run"
    assert not Vault.exists(shell_ctx.vault_dir)
    assert window.known.all() == []  # the sample is never listed
