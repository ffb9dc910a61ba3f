"""My choices page, the share preview, the letters dialog (pytest-qt)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QTextCursor
from PySide6.QtWidgets import QComboBox

from plainview.model import TIKTOK_CATEGORIES
from plainview.sharing import choices
from plainview.ui.choices_page import ChoicesModel, ChoicesPage, load_snapshot
from plainview.ui.letters_dialog import LettersDialog


def _page(qtbot: Any, ctx: Any) -> ChoicesPage:
    page = ChoicesPage(ctx)
    qtbot.addWidget(page)
    page.resize(1000, 700)
    with qtbot.waitSignal(page.loaded, timeout=10_000):
        page.refresh()
    return page


def test_model_passes_qtmodeltester(qtmodeltester: Any, sharing_ctx: Any) -> None:
    model = ChoicesModel()
    model.set_snapshot(load_snapshot(sharing_ctx.vault, sharing_ctx.catalog(), "en", "eea"))
    qtmodeltester.check(model)


def test_one_table_lists_every_category_and_purpose(qtbot: Any, sharing_ctx: Any) -> None:
    page = _page(qtbot, sharing_ctx)
    purposes = sharing_ctx.catalog().purposes()
    assert page.model.rowCount() == len(TIKTOK_CATEGORIES) + len(purposes)
    assert page.model.index(0, 2).data() == "Private"
    first_purpose = page.model.index(len(TIKTOK_CATEGORIES), 0).data()
    assert first_purpose.startswith("May TikTok use your data for")
    assert not page.flags_box.isVisible()
    assert page.ledger_empty.isVisibleTo(page)


def test_changing_a_level_by_keyboard_is_saved_and_ledgered(qtbot: Any, sharing_ctx: Any) -> None:
    page = _page(qtbot, sharing_ctx)
    page.show()
    qtbot.waitExposed(page)
    row = page.model.row_of("share", "tiktok.searches")
    page.table.setFocus()
    page.table.setCurrentIndex(page.model.index(row, 2))
    qtbot.keyClick(page.table, Qt.Key.Key_F2)
    combo = page.table.findChild(QComboBox)
    assert combo is not None
    qtbot.keyClick(combo, Qt.Key.Key_Down)  # private -> anonymized
    with qtbot.waitSignal(page.loaded, timeout=10_000):
        qtbot.keyClick(combo, Qt.Key.Key_Return)
    assert choices.get_choices(sharing_ctx.vault)["tiktok.searches"].share == "anonymized"
    assert page.model.index(row, 2).data() == "Anonymized"
    assert page.ledger_model.rowCount() == 1
    assert page.ledger_model.index(0, 3).data() == "Anonymized"


def test_a_single_click_opens_the_levels_and_a_pick_saves(
    qtbot: Any, sharing_ctx: Any, monkeypatch: Any
) -> None:
    # The offscreen platform cannot show a popup list without warnings: record the request.
    popups: list[QComboBox] = []
    monkeypatch.setattr(QComboBox, "showPopup", lambda self: popups.append(self))
    page = _page(qtbot, sharing_ctx)
    page.show()
    qtbot.waitExposed(page)
    row = page.model.row_of("share", "tiktok.logins")
    index = page.model.index(row, 2)
    page.table.scrollTo(index)
    qtbot.mouseClick(
        page.table.viewport(), Qt.MouseButton.LeftButton, pos=page.table.visualRect(index).center()
    )
    combo = page.table.findChild(QComboBox)
    assert combo is not None and combo.isVisible()
    qtbot.waitUntil(lambda: popups == [combo], timeout=5_000)  # the list opens at once
    shared = combo.findData("shared")
    with qtbot.waitSignal(page.loaded, timeout=10_000):
        combo.setCurrentIndex(shared)
        combo.activated.emit(shared)  # what a click on an option sends
    assert choices.get_choices(sharing_ctx.vault)["tiktok.logins"].share == "shared"
    assert page.model.index(row, 2).data() == "Shared"


def test_mismatch_flags_are_shown_plainly(qtbot: Any, sharing_ctx: Any) -> None:
    choices.set_purpose_answer(sharing_ctx.vault, "personalised_ads", "no")
    page = _page(qtbot, sharing_ctx)
    assert page.flags_box.isVisibleTo(page)
    text = page.flags_box.text()
    assert "Personalized Ads: On" in text and "Settings and privacy › Ads" in text
    assert "Disconnect advertisers" in text


def test_letters_dialog_view_copy_save(
    qtbot: Any, sharing_ctx: Any, tmp_path: Path, monkeypatch: Any
) -> None:
    out = tmp_path / "letter.txt"
    monkeypatch.setattr(LettersDialog, "ask_save_path", lambda _d, _s: str(out))
    dialog = LettersDialog(sharing_ctx, initial="objection")
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.documents_loaded, timeout=10_000):
        pass
    assert dialog.list.count() == 5
    assert dialog.current_key() == "objection"
    assert "Article 21" in dialog.current_text()
    assert "[your full name]" in dialog.current_text()
    dialog.list.setCurrentRow(0)
    assert dialog.current_text().startswith("My privacy statement")
    dialog.list.setCurrentRow(1)
    with qtbot.waitSignal(dialog.copied):
        qtbot.mouseClick(dialog.copy_button, Qt.MouseButton.LeftButton)
    assert QGuiApplication.clipboard().text() == dialog.current_text()
    with qtbot.waitSignal(dialog.saved):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert out.read_text(encoding="utf-8") == dialog.current_text()
    # a typed name replaces the placeholder (only because the person typed it), as it is
    # typed: no Enter, no leaving the field
    with qtbot.waitSignal(dialog.documents_loaded, timeout=10_000):
        qtbot.keyClicks(dialog.name_edit, "Ana Example")
    assert "Ana Example" in dialog.current_text()
    QGuiApplication.clipboard().clear()


def test_letters_copy_what_is_shown(qtbot: Any, sharing_ctx: Any) -> None:
    dialog = LettersDialog(sharing_ctx, initial="objection")
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.documents_loaded, timeout=10_000):
        pass
    # Copy right after typing (before the pause is over) copies the letter with the name.
    qtbot.keyClicks(dialog.account_edit, "ana.example")
    assert dialog.preparing
    with qtbot.waitSignal(dialog.copied, timeout=10_000):
        qtbot.mouseClick(dialog.copy_button, Qt.MouseButton.LeftButton)
    assert "ana.example" in dialog.current_text()
    assert QGuiApplication.clipboard().text() == dialog.current_text()

    # The text can be edited; Copy takes the edit, and the edit survives switching documents.
    assert not dialog.text.isReadOnly()
    dialog.text.moveCursor(QTextCursor.MoveOperation.End)
    qtbot.keyClicks(dialog.text, " P.S. Thank you.")
    assert dialog.reset_button.isEnabled()
    with qtbot.waitSignal(dialog.copied):
        dialog.copy()
    assert QGuiApplication.clipboard().text().endswith("P.S. Thank you.")
    dialog.list.setCurrentRow(0)
    dialog.list.setCurrentRow(dialog.list.count() - 1)
    dialog.list.setCurrentRow(
        next(
            i
            for i in range(dialog.list.count())
            if dialog.list.item(i).data(Qt.ItemDataRole.UserRole) == "objection"
        )
    )
    assert dialog.current_text().endswith("P.S. Thank you.")
    dialog.reset_text()
    assert not dialog.current_text().endswith("P.S. Thank you.")
    assert "ana.example" in dialog.current_text()
    QGuiApplication.clipboard().clear()


def test_report_button_writes_a_pdf_through_the_seam(
    qtbot: Any, sharing_ctx: Any, tmp_path: Path, monkeypatch: Any
) -> None:
    from pypdf import PdfReader

    out = tmp_path / "report.pdf"
    monkeypatch.setattr(ChoicesPage, "ask_report_path", lambda _p: str(out))
    choices.set_share(sharing_ctx.vault, "tiktok.logins", "anonymized")
    page = _page(qtbot, sharing_ctx)
    with qtbot.waitSignal(page.report_saved, timeout=30_000):
        qtbot.mouseClick(page.report_button, Qt.MouseButton.LeftButton)
    text = " ".join(" ".join(p.extract_text() for p in PdfReader(out).pages).split())
    assert "Privacy audit report" in text and "Login history" in text
    assert "Searches" not in text.split("Request letters")[0]


def test_clear_on_lock_drops_everything(qtbot: Any, sharing_ctx: Any) -> None:
    page = _page(qtbot, sharing_ctx)
    sharing_ctx.lock()
    assert page.model.rowCount() == 0 and page.ledger_model.rowCount() == 0


def test_lock_forgets_the_letters(qtbot: Any, sharing_ctx: Any) -> None:
    dialog = LettersDialog(sharing_ctx)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.documents_loaded, timeout=10_000):
        pass
    dialog.name_edit.setText("Ana Example")
    sharing_ctx.lock()
    assert dialog.docs is None and dialog.list.count() == 0
    assert dialog.current_text() == "" and dialog.name_edit.text() == ""
