"""Share preview: per category a before/after sample of the user's own rows as redaction will
leave them, what anonymizing removes in plain words, and the saved package in the consent
record with its recipient and purpose. Letters copied or saved are in the record too."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication

from plainview.sharing import choices
from plainview.ui.letters_dialog import LettersDialog
from plainview.ui.share_preview_dialog import SharePreviewDialog


def _dialog(qtbot: Any, ctx: Any, **kwargs: Any) -> SharePreviewDialog:
    dialog = SharePreviewDialog(ctx, **kwargs)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.preview_loaded, timeout=10_000):
        pass
    return dialog


def test_before_after_shows_real_rows_as_redaction_leaves_them(
    qtbot: Any, sharing_ctx: Any, planted_vault: Any
) -> None:
    _vault, planted = planted_vault
    choices.set_share(sharing_ctx.vault, "tiktok.searches", "anonymized")
    choices.set_share(sharing_ctx.vault, "tiktok.logins", "anonymized")
    choices.set_share(sharing_ctx.vault, "tiktok.likes", "shared")
    dialog = _dialog(qtbot, sharing_ctx)
    titles = [dialog.table.item(r, 0).text() for r in range(dialog.table.rowCount())]
    # searches: the user's own search words before, gone after; the dates stay
    dialog.table.setCurrentCell(titles.index("Searches"), 0)
    assert dialog.sample_heading.text() == "Before and after: Searches"
    assert dialog.removes.text() == (
        "Anonymizing keeps only the dates of Searches: every other detail is removed."
    )
    words = planted.by_category["tiktok.searches"]
    rows = dialog.sample_table.rowCount()
    assert rows == 2
    before = [dialog.sample_table.item(r, 0).text() for r in range(rows)]
    after = [dialog.sample_table.item(r, 1).text() for r in range(rows)]
    assert all(any(w in b for w in words) for b in before)
    assert not any(w in a for a in after for w in words)
    assert all("[removed]" in a and "2025" in a for a in after)
    # logins: IP addresses shortened, named in plain words
    dialog.table.setCurrentCell(titles.index("Login history"), 0)
    text = dialog.removes.text()
    assert "Shortened (IP addresses to their network, links to the site)" in text
    assert "Times become the day only." in text
    after = " ".join(
        dialog.sample_table.item(r, 1).text() for r in range(dialog.sample_table.rowCount())
    )
    assert "/24" in after or "/48" in after
    # shared: the same on both sides
    dialog.table.setCurrentCell(titles.index("Likes"), 0)
    assert dialog.removes.text() == (
        "Shared: your records go into the package exactly as imported."
    )
    for r in range(dialog.sample_table.rowCount()):
        assert dialog.sample_table.item(r, 0).text() == dialog.sample_table.item(r, 1).text()


def test_saved_package_is_recorded_with_recipient_and_purpose(
    qtbot: Any, sharing_ctx: Any, tmp_path: Path, monkeypatch: Any
) -> None:
    choices.set_share(sharing_ctx.vault, "tiktok.searches", "anonymized")
    out = tmp_path / "for-clinic.zip"
    monkeypatch.setattr(SharePreviewDialog, "ask_save_path", lambda _d: str(out))
    dialog = _dialog(qtbot, sharing_ctx, recipient="Privacy Clinic")
    assert dialog.recipient_edit.text() == "Privacy Clinic"
    dialog.purpose_edit.setText("complaint to the regulator")
    assert [e for e in choices.ledger(sharing_ctx.vault) if e.kind == "export"] == []
    with qtbot.waitSignal(dialog.package_saved, timeout=20_000):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    exported = [e for e in choices.ledger(sharing_ctx.vault) if e.kind == "export"]
    assert len(exported) == 1
    entry = exported[0]
    assert (entry.subject, entry.new) == (
        "share_package",
        "for-clinic.zip: tiktok.searches (anonymized)",
    )
    assert (entry.recipient, entry.purpose) == ("Privacy Clinic", "complaint to the regulator")


def test_letters_copied_and_saved_are_recorded(
    qtbot: Any, sharing_ctx: Any, tmp_path: Path, monkeypatch: Any
) -> None:
    out = tmp_path / "letter.txt"
    monkeypatch.setattr(LettersDialog, "ask_save_path", lambda _d, _s: str(out))
    dialog = LettersDialog(sharing_ctx, initial="objection")
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.documents_loaded, timeout=10_000):
        pass
    with qtbot.waitSignal(dialog.copied):
        qtbot.mouseClick(dialog.copy_button, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(dialog.saved):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    dialog.list.setCurrentRow(0)  # the privacy statement
    with qtbot.waitSignal(dialog.copied):
        qtbot.mouseClick(dialog.copy_button, Qt.MouseButton.LeftButton)
    exported = [e for e in choices.ledger(sharing_ctx.vault) if e.kind == "export"]
    assert [e.subject for e in exported] == ["letter", "letter", "statement"]
    assert exported[0].new.startswith("objection: copied to the clipboard")
    assert exported[1].new.startswith("objection: letter.txt")
    QGuiApplication.clipboard().clear()


def test_the_consent_record_shows_exports(qtbot: Any, sharing_ctx: Any) -> None:
    from plainview.ui.choices_page import ChoicesPage

    choices.record_export(
        sharing_ctx.vault, "report", "r.pdf: tiktok.logins (shared)", recipient="Clinic"
    )
    page = ChoicesPage(sharing_ctx)
    qtbot.addWidget(page)
    with qtbot.waitSignal(page.loaded, timeout=10_000):
        page.refresh()
    model = page.ledger_model
    assert model.rowCount() == 1
    assert model.index(0, 1).data() == "Audit report saved: r.pdf: tiktok.logins (shared)"
    assert model.index(0, 2).data() == "To: Clinic"
    assert model.index(0, 3).data() == ""
