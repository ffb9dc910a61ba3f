"""The guided audit, walked by keyboard only; resumable after closing."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt

from plainview.sharing import audit, choices
from plainview.ui.audit_wizard import STEPS, AuditWizard


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
    w.participant_edit.setFocus()
    qtbot.keyClicks(w.participant_edit, "P-07")
    with qtbot.waitSignal(w.step_shown):
        alt(qtbot, w, Qt.Key.Key_S)  # &Start a new audit
    assert w.progress_label.text() == f"Step 1 of {len(STEPS)}"
    for i, category in enumerate(STEPS):
        assert w.category_title.text()  # explanation shown
        if category == "tiktok.off_platform":
            alt(qtbot, w, Qt.Key.Key_O)  # N&o: not expected
            qtbot.keyClicks(w.notes, "did not know")
            alt(qtbot, w, Qt.Key.Key_H)  # S&hared
        elif category == "tiktok.logins":
            alt(qtbot, w, Qt.Key.Key_Y)
            alt(qtbot, w, Qt.Key.Key_A)  # &Anonymized
        else:
            alt(qtbot, w, Qt.Key.Key_U)  # Not s&ure
        if i < len(STEPS) - 1:
            with qtbot.waitSignal(w.step_shown):
                alt(qtbot, w, Qt.Key.Key_N)
            assert w.progress_label.text() == f"Step {i + 2} of {len(STEPS)}"
    alt(qtbot, w, Qt.Key.Key_F)  # &Finish
    qtbot.waitUntil(lambda: w.stack.currentWidget() is w.done_page)
    vault = sharing_ctx.vault
    done = audit.latest_audit(vault)
    assert done is not None and done.finished and done.participant == "P-07"
    answers = audit.answers(vault, done.id)
    assert len(answers) == len(STEPS)
    assert answers["tiktok.off_platform"].expected == "no"
    assert answers["tiktok.off_platform"].notes == "did not know"
    current = choices.get_choices(vault)
    assert current["tiktok.off_platform"].share == "shared"
    assert current["tiktok.logins"].share == "anonymized"
    assert current["tiktok.searches"].share == "private"
    assert "did not expect 1 of them" in w.done_text.text()
    # ends in the report
    out = tmp_path / "audit.html"
    monkeypatch.setattr(AuditWizard, "ask_report_path", lambda _w: str(out))
    with qtbot.waitSignal(w.report_saved, timeout=30_000):
        alt(qtbot, w, Qt.Key.Key_R)
    html = out.read_text(encoding="utf-8")
    assert "did not know" in html and "P-07" in html
    assert "Activity outside TikTok" in html and "Searches" not in html
    with qtbot.waitSignal(w.finished_audit):
        alt(qtbot, w, Qt.Key.Key_D)  # &Done
    qtbot.waitUntil(lambda: w.stack.currentWidget() is w.start_page)
    assert not w.resume_button.isVisible()  # nothing left to resume


def test_resume_after_closing(qtbot: Any, sharing_ctx: Any) -> None:
    w = _wizard(qtbot, sharing_ctx)
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
    assert again.resume_button.text() == f"&Resume (step 5 of {len(STEPS)})"
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
    w.participant_edit.setText("P-09")
    w.start_new()
    sharing_ctx.lock()
    assert w.stack.currentWidget() is w.start_page
    assert w.participant_edit.text() == "" and w.category_title.text() == ""
