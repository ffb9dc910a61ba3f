"""Guided audit for privacy advocates: one category per step, resumable, ending in the report.

Each step: what the category is and why TikTok says it collects it → what the participant's
export holds → "Did you expect TikTok to have this?" (yes / no / not sure) and notes → the
share level. Progress is shown ("Step 4 of 27"). State lives in the vault through the Qt-free
``plainview.sharing.audit``; every step is saved as soon as the participant moves on, so
closing the app and coming back resumes at the same step. Keyboard: Alt+N next, Alt+B back,
Alt+Y / Alt+O / Alt+U for the answer, Alt+P / Alt+A / Alt+H for the share level.
"""

from __future__ import annotations

import functools
import itertools
from pathlib import Path
from typing import Any, ClassVar

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from plainview.sharing import audit as audit_mod
from plainview.sharing import choices as choices_mod
from plainview.sharing import store
from plainview.ui import tasks
from plainview.ui.context import AppContext

STEPS = audit_mod.STEPS
EXPECTED = ("yes", "no", "unsure")
LEVELS = ("private", "anonymized", "shared")


def load_state(vault: Any) -> tuple[dict[str, int], audit_mod.Audit | None]:
    src = store.worker_source(vault)
    return store.category_counts(src), audit_mod.current_audit(src)


def load_facts(vault: Any, category: str, lang: str) -> list[str]:
    from plainview import insights

    facts_for = getattr(insights, "facts_for", None)
    if facts_for is None:
        return []
    # shown in the app: hours in the user's own zone (the report itself stays in UTC)
    return [str(f.text) for f in facts_for(vault, category, lang=lang, tz=insights.local_zone())]


def _label(parent: QWidget, role: str | None = None, *, wrap: bool = True) -> QLabel:
    label = QLabel(parent)
    label.setWordWrap(wrap)
    label.setTextFormat(Qt.TextFormat.PlainText)
    if role:
        label.setProperty("role", role)
    return label


class AuditWizard(QWidget):
    """Signals: ``finished_audit()`` (wiring contract: emitted when the participant leaves the
    finished audit with Done), ``step_shown(int)``, ``loaded()``, ``report_saved(str)``."""

    finished_audit = Signal()
    step_shown = Signal(int)
    loaded = Signal()
    report_saved = Signal(str)

    # Test seam: callable (wizard) -> str path for the report ("" = cancelled).
    ask_report_path: ClassVar[Any] = None

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.counts: dict[str, int] = {}
        self.audit: audit_mod.Audit | None = None
        self.answers: dict[str, audit_mod.AuditAnswer] = {}
        self.position = 0
        self._facts_for: str | None = None

        self.stack = QStackedWidget(self)
        self._build_start()
        self._build_step()
        self._build_done()
        layout = QVBoxLayout(self)
        layout.addWidget(self.stack)
        self.retranslate()
        ctx.language_changed.connect(self._on_language)
        ctx.locked.connect(self.clear)

    # -- construction ------------------------------------------------------------------
    def _build_start(self) -> None:
        page = QWidget(self)
        self.start_title = _label(page, "title")
        self.start_intro = _label(page)
        self.participant_label = QLabel(page)
        self.participant_edit = QLineEdit(page)
        self.participant_edit.setMaxLength(200)
        self.participant_label.setBuddy(self.participant_edit)
        self.start_button = QPushButton(page)
        self.resume_button = QPushButton(page)
        self.start_status = _label(page, "hint")
        self.start_button.clicked.connect(self.start_new)
        self.resume_button.clicked.connect(self.resume)
        row = QHBoxLayout()
        row.addWidget(self.resume_button)
        row.addWidget(self.start_button)
        row.addStretch(1)
        lay = QVBoxLayout(page)
        lay.addWidget(self.start_title)
        lay.addWidget(self.start_intro)
        lay.addWidget(self.participant_label)
        lay.addWidget(self.participant_edit)
        lay.addLayout(row)
        lay.addWidget(self.start_status)
        lay.addStretch(1)
        self.start_page = page
        self.stack.addWidget(page)

    def _build_step(self) -> None:
        page = QWidget(self)
        self.progress_label = _label(page, "hint", wrap=False)
        self.progress = QProgressBar(page)
        self.progress.setRange(0, len(STEPS))
        self.progress.setTextVisible(False)
        self.category_title = _label(page, "title")
        self.sensitivity = _label(page, "hint")
        self.what_heading = _label(page, "subtitle")
        self.what_text = _label(page)
        self.why_heading = _label(page, "subtitle")
        self.why_text = _label(page)
        self.data_heading = _label(page, "subtitle")
        self.data_text = _label(page)

        self.expected_box = QGroupBox(page)
        self.expected_group = QButtonGroup(page)
        self.expected_buttons = {a: QRadioButton(self.expected_box) for a in EXPECTED}
        eb = QHBoxLayout(self.expected_box)
        for i, key in enumerate(EXPECTED):
            self.expected_group.addButton(self.expected_buttons[key], i)
            eb.addWidget(self.expected_buttons[key])
        eb.addStretch(1)
        self.notes_label = QLabel(page)
        self.notes = QPlainTextEdit(page)
        self.notes.setTabChangesFocus(True)
        self.notes.setMaximumHeight(90)
        self.notes_label.setBuddy(self.notes)

        self.level_box = QGroupBox(page)
        self.level_group = QButtonGroup(page)
        self.level_buttons = {lv: QRadioButton(self.level_box) for lv in LEVELS}
        lb = QVBoxLayout(self.level_box)
        lrow = QHBoxLayout()
        for i, key in enumerate(LEVELS):
            self.level_group.addButton(self.level_buttons[key], i)
            lrow.addWidget(self.level_buttons[key])
        lrow.addStretch(1)
        lb.addLayout(lrow)
        self.level_hint = _label(self.level_box, "hint")
        lb.addWidget(self.level_hint)
        self.level_group.idToggled.connect(lambda _i, _c: self._update_level_hint())

        body = QWidget(page)
        bl = QVBoxLayout(body)
        for w in (
            self.category_title,
            self.sensitivity,
            self.what_heading,
            self.what_text,
            self.why_heading,
            self.why_text,
            self.data_heading,
            self.data_text,
        ):
            bl.addWidget(w)
        bl.addStretch(1)
        scroll = QScrollArea(page)
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)

        self.back_button = QPushButton(page)
        self.next_button = QPushButton(page)
        self.pause_button = QPushButton(page)
        self.back_button.clicked.connect(self.back)
        self.next_button.clicked.connect(self.next)
        self.pause_button.clicked.connect(self.pause)
        nav = QHBoxLayout()
        nav.addWidget(self.pause_button)
        nav.addStretch(1)
        nav.addWidget(self.back_button)
        nav.addWidget(self.next_button)

        top = QHBoxLayout()
        top.addWidget(self.progress_label)
        top.addWidget(self.progress, 1)
        lay = QVBoxLayout(page)
        lay.addLayout(top)
        lay.addWidget(scroll, 1)
        lay.addWidget(self.expected_box)
        lay.addWidget(self.notes_label)
        lay.addWidget(self.notes)
        lay.addWidget(self.level_box)
        lay.addLayout(nav)
        order = [
            *self.expected_buttons.values(),
            self.notes,
            *self.level_buttons.values(),
            self.back_button,
            self.next_button,
            self.pause_button,
        ]
        for a, b in itertools.pairwise(order):
            QWidget.setTabOrder(a, b)
        self.step_page = page
        self.stack.addWidget(page)

    def _build_done(self) -> None:
        page = QWidget(self)
        self.done_title = _label(page, "title")
        self.done_text = _label(page)
        self.report_button = QPushButton(page)
        self.again_button = QPushButton(page)
        self.done_status = _label(page, "hint")
        self.report_button.clicked.connect(self.save_report)
        self.again_button.clicked.connect(self.done)
        row = QHBoxLayout()
        row.addWidget(self.report_button)
        row.addWidget(self.again_button)
        row.addStretch(1)
        lay = QVBoxLayout(page)
        lay.addWidget(self.done_title)
        lay.addWidget(self.done_text)
        lay.addLayout(row)
        lay.addWidget(self.done_status)
        lay.addStretch(1)
        self.done_page = page
        self.stack.addWidget(page)

    # -- texts ---------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.start_title.setText(self.tr("Guided audit"))
        self.start_intro.setText(
            self.tr(
                "Go through your TikTok data one category at a time with a participant. "
                "For each one you see what it is, why TikTok says it collects it and what "
                "the export holds; the participant says whether they expected it, adds "
                "notes and chooses what may be shared. You can stop at any time and resume "
                "later. At the end you get a report that obeys these choices."
            )
        )
        self.participant_label.setText(self.tr("&Participant (a name or a code, optional):"))
        self.participant_edit.setAccessibleName(self.tr("Participant"))
        self.start_button.setText(self.tr("&Start a new audit"))
        self.start_button.setAccessibleName(self.tr("Start a new audit"))
        self.resume_button.setAccessibleName(self.tr("Resume the audit"))
        self.expected_box.setTitle(self.tr("Did you expect TikTok to have this?"))
        self.expected_buttons["yes"].setText(self.tr("&Yes"))
        self.expected_buttons["no"].setText(self.tr("N&o"))
        self.expected_buttons["unsure"].setText(self.tr("Not s&ure"))
        for key, name in (
            ("yes", self.tr("Yes, I expected it")),
            ("no", self.tr("No, I did not expect it")),
            ("unsure", self.tr("Not sure")),
        ):
            self.expected_buttons[key].setAccessibleName(name)
        self.notes_label.setText(self.tr("No&tes:"))
        self.notes.setAccessibleName(self.tr("Notes"))
        self.level_box.setTitle(self.tr("What may be shared from this category?"))
        self.level_buttons["private"].setText(self.tr("&Private"))
        self.level_buttons["anonymized"].setText(self.tr("&Anonymized"))
        self.level_buttons["shared"].setText(self.tr("S&hared"))
        for key, name in (
            ("private", self.tr("Private")),
            ("anonymized", self.tr("Anonymized")),
            ("shared", self.tr("Shared")),
        ):
            self.level_buttons[key].setAccessibleName(name)
        self.back_button.setText(self.tr("&Back"))
        self.back_button.setAccessibleName(self.tr("Back"))
        self.next_button.setText(self.tr("&Next"))
        self.next_button.setAccessibleName(self.tr("Next"))
        self.pause_button.setText(self.tr("Pause and c&lose"))
        self.pause_button.setAccessibleName(self.tr("Pause and close"))
        self.what_heading.setText(self.tr("What this is"))
        self.why_heading.setText(self.tr("Why TikTok says it collects it"))
        self.data_heading.setText(self.tr("In this export"))
        self.progress.setAccessibleName(self.tr("Audit progress"))
        self.done_title.setText(self.tr("Audit finished"))
        self.report_button.setText(self.tr("Save the audit &report…"))
        self.report_button.setAccessibleName(self.tr("Save the audit report"))
        self.again_button.setText(self.tr("&Done"))
        self.again_button.setAccessibleName(self.tr("Done"))
        self._update_resume()
        self._update_level_hint()
        if self.stack.currentWidget() is self.step_page:
            self._show_step(self.position, save=False)
        elif self.stack.currentWidget() is self.done_page:
            self._fill_done()

    def _on_language(self, _lang: str) -> None:
        self.retranslate()

    def _update_resume(self) -> None:
        if self.audit is not None and not self.audit.finished:
            step = min(self.audit.position + 1, len(STEPS))
            self.resume_button.setText(
                self.tr("&Resume (step %1 of %2)")
                .replace("%1", str(step))
                .replace("%2", str(len(STEPS)))
            )
            self.resume_button.show()
        else:
            self.resume_button.hide()

    def _update_level_hint(self) -> None:
        key = self._checked(self.level_group, LEVELS)
        self.level_hint.setText(
            {
                "private": self.tr("Never leaves this computer: not in packages or reports."),
                "anonymized": self.tr(
                    "Included without names, ids, messages or exact times; IP addresses shortened."
                ),
                "shared": self.tr("Included exactly as in your export."),
                None: "",
            }[key]
        )

    # -- page protocol -------------------------------------------------------------------
    def refresh(self) -> None:
        if not self.ctx.is_unlocked:
            return
        tasks.run_task(load_state, self.ctx.vault, on_done=self._state_loaded)

    def _state_loaded(self, result: Any, error: BaseException | None) -> None:
        if not self.ctx.is_unlocked:
            return
        if error is not None or result is None:
            self.start_status.setText(self.tr("The audit could not be loaded."))
            return
        self.counts, current = result
        if self.stack.currentWidget() is not self.step_page:
            self.audit = current
            self._update_resume()
        self.loaded.emit()

    def clear(self) -> None:
        self.counts = {}
        self.audit = None
        self.answers = {}
        self.position = 0
        self.participant_edit.clear()
        self.notes.clear()
        self.what_text.clear()
        self.why_text.clear()
        self.data_text.clear()
        self.category_title.clear()
        self.sensitivity.clear()
        self.done_text.clear()
        self.stack.setCurrentWidget(self.start_page)
        self._update_resume()

    # -- flow ----------------------------------------------------------------------------
    def show_start(self) -> None:
        self.stack.setCurrentWidget(self.start_page)
        self._update_resume()
        self.participant_edit.setFocus()

    def start_new(self) -> None:
        if not self.ctx.is_unlocked:
            return
        self.audit = audit_mod.start_audit(self.ctx.vault, self.participant_edit.text())
        self.answers = {}
        self._enter(0)

    def resume(self) -> None:
        if self.audit is None or not self.ctx.is_unlocked:
            return
        self.answers = audit_mod.answers(self.ctx.vault, self.audit.id)
        self._enter(min(self.audit.position, len(STEPS) - 1))

    def _enter(self, position: int) -> None:
        self.stack.setCurrentWidget(self.step_page)
        self._show_step(position, save=False)
        first = self.expected_buttons["yes"]
        first.setFocus()

    @staticmethod
    def _checked(group: QButtonGroup, keys: tuple[str, ...]) -> Any:
        i = group.checkedId()
        return keys[i] if 0 <= i < len(keys) else None

    def _set_checked(self, group: QButtonGroup, keys: tuple[str, ...], key: str | None) -> None:
        group.setExclusive(False)
        for b in group.buttons():
            b.setChecked(False)
        group.setExclusive(True)
        if key in keys:
            button = group.button(keys.index(key))
            if button is not None:
                button.setChecked(True)

    def _catalog(self) -> Any:
        try:
            return self.ctx.catalog()
        except Exception:
            return None

    def _show_step(self, position: int, *, save: bool) -> None:
        if save:
            self._save_current()
        self.position = max(0, min(position, len(STEPS) - 1))
        category = STEPS[self.position]
        catalog = self._catalog()
        explanation = None
        if catalog is not None:
            try:
                explanation = catalog.explain(category, self.ctx.policy)
            except Exception:
                explanation = None
        self.progress_label.setText(
            self.tr("Step %1 of %2")
            .replace("%1", str(self.position + 1))
            .replace("%2", str(len(STEPS)))
        )
        self.progress.setValue(self.position + 1)
        self.category_title.setText(str(explanation.title) if explanation is not None else category)
        self.what_text.setText(str(getattr(explanation, "what", "") or ""))
        level = str(getattr(explanation, "sensitivity", "") or "")
        names = {"low": self.tr("low"), "medium": self.tr("medium"), "high": self.tr("high")}
        if level in names:
            reason = str(getattr(explanation, "sensitivity_reason", "") or "")
            text = self.tr("Sensitivity: %1").replace("%1", names[level])
            self.sensitivity.setText(f"{text} — {reason}" if reason else text)
        else:
            self.sensitivity.clear()
        why = [f"• {p.text}" for p in (getattr(explanation, "why", None) or [])[:4]]
        self.why_text.setText("\n".join(why) or self.tr("TikTok's policy does not say."))
        count = self.counts.get(category, 0)
        if count:
            self.data_text.setText(
                self.tr("%1 records in this export.").replace("%1", f"{count:,}")
            )
            self._load_facts(category)
        else:
            self.data_text.setText(self.tr("This export holds nothing in this category."))
        answer = self.answers.get(category)
        self._set_checked(
            self.expected_group, EXPECTED, answer.expected if answer is not None else None
        )
        self.notes.setPlainText(answer.notes if answer is not None else "")
        share = choices_mod.get_choices(self.ctx.vault)[category].share
        self._set_checked(self.level_group, LEVELS, share)
        self._update_level_hint()
        self.back_button.setEnabled(self.position > 0)
        last = self.position == len(STEPS) - 1
        self.next_button.setText(self.tr("&Finish") if last else self.tr("&Next"))
        self.next_button.setAccessibleName(self.tr("Finish") if last else self.tr("Next"))
        self.step_shown.emit(self.position)

    def _load_facts(self, category: str) -> None:
        self._facts_for = category
        tasks.run_task(
            load_facts,
            self.ctx.vault,
            category,
            self.ctx.lang,
            on_done=functools.partial(self._facts_loaded, category),
        )

    def _facts_loaded(self, category: str, facts: Any, error: BaseException | None) -> None:
        if error is not None or not facts or category != self._facts_for:
            return
        if self.stack.currentWidget() is not self.step_page or STEPS[self.position] != category:
            return
        lines = [f"• {f}" for f in facts]
        self.data_text.setText("\n".join(lines))

    def _save_current(self) -> None:
        if self.audit is None or not self.ctx.is_unlocked:
            return
        category = STEPS[self.position]
        expected = self._checked(self.expected_group, EXPECTED)
        notes = self.notes.toPlainText()
        old = self.answers.get(category)
        if expected is not None or notes or old is not None:
            self.answers[category] = audit_mod.save_answer(
                self.ctx.vault, self.audit.id, category, expected, notes
            )
        level = self._checked(self.level_group, LEVELS)
        if level is not None:
            current = choices_mod.get_choices(self.ctx.vault)[category].share
            if level != current:
                choices_mod.set_share(self.ctx.vault, category, level)
                self.ctx.data_changed.emit()

    def next(self) -> None:
        if self.audit is None or not self.ctx.is_unlocked:
            return
        if self.position >= len(STEPS) - 1:
            self._save_current()
            self.audit = audit_mod.finish_audit(self.ctx.vault, self.audit.id)
            self._fill_done()
            self.stack.setCurrentWidget(self.done_page)
            self.report_button.setFocus()
            return
        self._show_step(self.position + 1, save=True)
        audit_mod.set_position(self.ctx.vault, self.audit.id, self.position)
        self.expected_buttons["yes"].setFocus()

    def back(self) -> None:
        if self.audit is None or self.position == 0 or not self.ctx.is_unlocked:
            return
        self._show_step(self.position - 1, save=True)
        audit_mod.set_position(self.ctx.vault, self.audit.id, self.position)

    def pause(self) -> None:
        if self.audit is not None and self.ctx.is_unlocked:
            self._save_current()
            audit_mod.set_position(self.ctx.vault, self.audit.id, self.position)
            self.audit = audit_mod.get_audit(self.ctx.vault, self.audit.id)
        self.show_start()

    def done(self) -> None:
        """Leave the finished audit (the main window then shows My choices)."""
        self.show_start()
        self.finished_audit.emit()

    def _fill_done(self) -> None:
        surprised = sum(1 for a in self.answers.values() if a.expected == "no")
        self.done_text.setText(
            self.tr(
                "You went through all %1 categories. The participant did not expect %2 of "
                "them. Save the report to keep the findings; it leaves out every category "
                "the participant keeps private."
            )
            .replace("%1", str(len(STEPS)))
            .replace("%2", str(surprised))
        )

    def _ask_report_path(self) -> str:
        if AuditWizard.ask_report_path is not None:
            return str(AuditWizard.ask_report_path(self))
        path, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Save audit report"),
            str(Path.home() / "plainview-audit-report.pdf"),
            self.tr("PDF document (*.pdf);;Web page (*.html)"),
        )
        return path

    def save_report(self) -> None:
        from plainview.ui.choices_page import write_report

        path = self._ask_report_path()
        if not path:
            return
        self.report_button.setEnabled(False)
        self.done_status.setText(self.tr("Writing the audit report…"))
        tasks.run_task(
            write_report,
            self.ctx.vault,
            self._catalog(),
            self.ctx.lang,
            self.ctx.policy,
            Path(path),
            on_done=self._report_done,
        )

    def _report_done(self, result: Any, error: BaseException | None) -> None:
        self.report_button.setEnabled(True)
        if error is not None or result is None:
            message = getattr(error, "message", None) or self.tr("The report could not be written.")
            self.done_status.setText(str(message))
            return
        self.done_status.setText(self.tr("Audit report saved: %1").replace("%1", str(result)))
        self.report_saved.emit(str(result))
