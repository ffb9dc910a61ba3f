"""The guided audit, walked by keyboard only: only the categories the export holds (the rest
listed once), a few of the participant's own rows, the purpose questions as steps, the rest of
the app out of reach, and an end with the report, the share package and the letters."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from plainview.sharing import audit, choices
from plainview.ui.audit_wizard import AuditWizard
from plainview.ui.context import AppContext
from tests.fixtures.plugin_sharing import Planted, add_records, sample_items


def _wizard(qtbot: Any, ctx: Any) -> AuditWizard:
    w = AuditWizard(ctx)
    qtbot.addWidget(w)
    w.resize(900, 700)
    w.show()
    qtbot.waitExposed(w)
    w.activateWindow()
    qtbot.waitUntil(w.isActiveWindow)
    with qtbot.waitSignal(w.loaded, timeout=10_000):
        w.refresh()
    return w


def alt(qtbot: Any, w: AuditWizard, key: Qt.Key) -> None:
    qtbot.keyClick(w.focusWidget() or w, key, Qt.KeyboardModifier.AltModifier)


def test_walk_every_step_by_keyboard(
    qtbot: Any, sharing_ctx: Any, tmp_path: Path, monkeypatch: Any
) -> None:
    w = _wizard(qtbot, sharing_ctx)
    assert not w.resume_button.isVisible()
    steps = w.steps
    kinds = [s.kind for s in steps]
    # the categories first, then the purpose questions
    assert kinds == sorted(kinds) and "purpose" in kinds and "category" in kinds
    purposes = [s.subject for s in steps if s.kind == "purpose"]
    assert "personalised_ads" in purposes
    w.participant_edit.setFocus()
    qtbot.keyClicks(w.participant_edit, "P-07")
    modes: list[bool] = []
    w.audit_mode_changed.connect(modes.append)
    with qtbot.waitSignal(w.step_shown):
        alt(qtbot, w, Qt.Key.Key_S)  # &Start a new audit
    assert modes == [True]
    assert w.progress_label.text() == f"Step 1 of {len(steps)}"
    for i, step in enumerate(steps):
        if step.kind == "category":
            assert w.category_title.isVisible() and w.category_title.text()
            category = step.subject
            if category == "tiktok.off_platform":
                alt(qtbot, w, Qt.Key.Key_O)  # N&o: not expected
                qtbot.keyClicks(w.notes, "did not know")
                alt(qtbot, w, Qt.Key.Key_H)  # S&hared
            elif category == "tiktok.logins":
                alt(qtbot, w, Qt.Key.Key_Y)
                alt(qtbot, w, Qt.Key.Key_A)  # &Anonymized
            else:
                alt(qtbot, w, Qt.Key.Key_U)  # Not s&ure
        else:
            assert w.purpose_title.isVisible() and not w.category_title.isVisible()
            assert w.purpose_title.text() == step.title
            alt(qtbot, w, Qt.Key.Key_O if step.subject == "personalised_ads" else Qt.Key.Key_Y)
        if i < len(steps) - 1:
            with qtbot.waitSignal(w.step_shown):
                alt(qtbot, w, Qt.Key.Key_N)
            assert w.progress_label.text() == f"Step {i + 2} of {len(steps)}"
    alt(qtbot, w, Qt.Key.Key_F)  # &Finish
    qtbot.waitUntil(lambda: w.stack.currentWidget() is w.done_page)
    assert modes == [True]  # still in the audit until Done
    vault = sharing_ctx.vault
    done = audit.latest_audit(vault)
    assert done is not None and done.finished and done.participant == "P-07"
    answers = audit.answers(vault, done.id)
    assert len(answers) == w.plan.category_steps
    assert answers["tiktok.off_platform"].expected == "no"
    assert answers["tiktok.off_platform"].notes == "did not know"
    current = choices.get_choices(vault)
    assert current["tiktok.off_platform"].share == "shared"
    assert current["tiktok.logins"].share == "anonymized"
    assert current["tiktok.searches"].share == "private"
    given = choices.get_purpose_answers(vault)
    assert given["personalised_ads"].answer == "no"
    assert {p for p, a in given.items() if a.answer == "yes"} == set(purposes) - {
        "personalised_ads"
    }
    assert "did not expect 1 of them" in w.done_text.text()
    # ends in the report, recorded in the consent ledger with the recipient given
    out = tmp_path / "audit.html"
    monkeypatch.setattr(AuditWizard, "ask_report_path", lambda _w: str(out))
    w.recipient_edit.setText("Privacy Clinic")
    with qtbot.waitSignal(w.report_saved, timeout=30_000):
        alt(qtbot, w, Qt.Key.Key_R)
    html = out.read_text(encoding="utf-8")
    assert "did not know" in html and "P-07" in html
    assert "Activity outside TikTok" in html and "Searches" not in html
    exported = [e for e in choices.ledger(vault) if e.kind == "export"]
    assert [(e.subject, e.recipient) for e in exported] == [("report", "Privacy Clinic")]
    assert exported[0].new.startswith("audit.html: ")
    assert "tiktok.off_platform (shared)" in exported[0].new
    assert "tiktok.searches" not in exported[0].new
    with qtbot.waitSignal(w.finished_audit):
        alt(qtbot, w, Qt.Key.Key_D)  # &Done
    qtbot.waitUntil(lambda: w.stack.currentWidget() is w.start_page)
    assert modes == [True, False]
    assert not w.resume_button.isVisible()  # nothing left to resume


def test_the_done_page_offers_the_share_package_and_the_letters(
    qtbot: Any, sharing_ctx: Any
) -> None:
    w = _wizard(qtbot, sharing_ctx)
    w.start_new()
    while w.stack.currentWidget() is not w.done_page:
        w.next()
    w.recipient_edit.setText("Clinic")
    w.purpose_edit.setText("case 12")
    for key, name in ((Qt.Key.Key_K, "SharePreviewDialog"), (Qt.Key.Key_L, "LettersDialog")):
        alt(qtbot, w, key)
        qtbot.waitUntil(lambda name=name: _open_dialog(w, name) is not None, timeout=10_000)
        dialog = _open_dialog(w, name)
        assert dialog is not None
        if name == "SharePreviewDialog":
            assert dialog.recipient_edit.text() == "Clinic"
            assert dialog.purpose_edit.text() == "case 12"
        dialog.reject()
        w.activateWindow()  # offscreen does not give the focus back by itself
        qtbot.waitUntil(w.isActiveWindow)


def _open_dialog(w: AuditWizard, name: str) -> Any:
    for d in w.findChildren(QDialog):
        if type(d).__name__ == name and d.isVisible():
            return d
    return None


def test_skips_missing_categories_and_lists_them_once(qtbot: Any, sharing_vault: Any) -> None:
    items = sample_items(Planted())
    add_records(sharing_vault, {c: items[c] for c in ("tiktok.searches", "tiktok.logins")})
    ctx = AppContext("en", "eea")
    ctx.set_vault(sharing_vault)
    w = _wizard(qtbot, ctx)
    cats = [s.subject for s in w.steps if s.kind == "category"]
    assert cats == ["tiktok.searches", "tiktok.logins"]
    text = w.skipped_text.text()
    assert w.skipped_text.isVisible()
    autofill = ctx.catalog().title("tiktok.autofill")
    profile = ctx.catalog().title("tiktok.profile")
    assert f"Not in this export, so the audit skips them: {profile}, {autofill}," in text
    assert text.count(autofill) == 1
    assert "Searches" not in text.split("skips them:")[1]
    w.start_new()
    seen: list[str] = []
    while w.stack.currentWidget() is w.step_page:
        seen.append(w.steps[w.position].kind)
        assert autofill not in w.category_title.text()
        w.next()
    assert seen[:2] == ["category", "category"]
    assert set(seen[2:]) == {"purpose"}
    ctx.lock()


def test_a_category_step_shows_a_few_of_the_participants_own_rows(
    qtbot: Any, sharing_ctx: Any, planted_vault: Any
) -> None:
    _vault, planted = planted_vault
    w = _wizard(qtbot, sharing_ctx)
    w.start_new()
    while w.steps[w.position].subject != "tiktok.searches":
        w.next()
    qtbot.waitUntil(lambda: "Search term" in w.samples_text.text(), timeout=10_000)
    text = w.samples_text.text()
    lines = text.splitlines()
    assert 1 <= len(lines) <= 3
    assert any(m in text for m in planted.by_category["tiktok.searches"])  # their own words
    assert "{" not in text and '"' not in text  # readable, not raw JSON
    assert w.samples_heading.text() == "A few of your own records"


def test_resume_after_closing(qtbot: Any, sharing_ctx: Any) -> None:
    w = _wizard(qtbot, sharing_ctx)
    total = len(w.steps)
    w.start_new()
    for _ in range(4):
        alt(qtbot, w, Qt.Key.Key_Y)
        with qtbot.waitSignal(w.step_shown):
            alt(qtbot, w, Qt.Key.Key_N)
    qtbot.keyClicks(w.notes, "half way")
    alt(qtbot, w, Qt.Key.Key_O)
    alt(qtbot, w, Qt.Key.Key_L)  # Pause and c&lose (mnemonics click after a short animation)
    qtbot.waitUntil(lambda: w.stack.currentWidget() is w.start_page)
    w.close()

    again = _wizard(qtbot, sharing_ctx)  # as after closing the app
    assert again.resume_button.isVisible()
    assert again.resume_button.text() == f"&Resume (step 5 of {total})"
    with qtbot.waitSignal(again.step_shown) as shown:
        alt(qtbot, again, Qt.Key.Key_R)
    assert shown.args == [4]
    assert again.notes.toPlainText() == "half way"
    assert again.expected_buttons["no"].isChecked()
    with qtbot.waitSignal(again.step_shown) as back:
        alt(qtbot, again, Qt.Key.Key_B)
    assert back.args == [3] and again.expected_buttons["yes"].isChecked()


def test_lock_clears_the_wizard(qtbot: Any, sharing_ctx: Any) -> None:
    w = _wizard(qtbot, sharing_ctx)
    modes: list[bool] = []
    w.audit_mode_changed.connect(modes.append)
    w.participant_edit.setText("P-09")
    w.start_new()
    sharing_ctx.lock()
    assert w.stack.currentWidget() is w.start_page
    assert w.participant_edit.text() == "" and w.category_title.text() == ""
    assert w.samples_text.text() == ""
    assert modes == [True, False]
