"""Guided audit for privacy advocates: one category per step, then the purposes, resumable,
ending in the report, the share package and the letters.

The steps come from ``plainview.sharing.audit.plan_steps``: only categories the export holds
(the start page lists the skipped ones once), then one question per purpose TikTok's policy
links to them. Each category step: what the category is and why TikTok says it collects it →
what the participant's export holds, with a few of their own rows → "Did you expect TikTok to
have this?" (yes / no / not sure) and notes → the share level. A purpose step asks "May TikTok
use your data for ...?". Progress is shown ("Step 4 of 31"). State lives in the vault; every
step is saved as soon as the participant moves on, so closing the app and coming back resumes
at the same step. While the audit runs, ``audit_mode_changed(True)`` asks the window to keep
the rest of the app out of reach (Lock still works). Keyboard: Alt+N next, Alt+B back,
Alt+Y / Alt+O / Alt+U for the answer, Alt+P / Alt+A / Alt+H for the share level.
"""

from __future__ import annotations

import functools
import itertools
from pathlib import Path
from typing import Any, ClassVar

from PySide6.QtCore import QLocale, Qt, Signal
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
from plainview.sharing import samples as samples_mod
from plainview.sharing import store
from plainview.ui import tasks
from plainview.ui.context import AppContext

STEPS = audit_mod.STEPS
EXPECTED = ("yes", "no", "unsure")
LEVELS = ("private", "anonymized", "shared")


def load_state(
    vault: Any, catalog: Any = None, policy: str = "eea"
) -> tuple[dict[str, int], audit_mod.Audit | None, audit_mod.Plan]:
    src = store.worker_source(vault)
    counts = store.category_counts(src)
    return counts, audit_mod.current_audit(src), audit_mod.plan_steps(counts, catalog, policy)


def load_facts(
    vault: Any, category: str, lang: str
) -> tuple[list[str], list[samples_mod.SampleRow]]:
    """Worker: facts about the category and a few of the participant's own rows."""
    from plainview import insights

    rows = samples_mod.samples(store.worker_source(vault), category)
    facts_for = getattr(insights, "facts_for", None)
    if facts_for is None:
        return [], rows
    # shown in the app: hours in the user's own zone (the report itself stays in UTC)
    facts = facts_for(vault, category, lang=lang, tz=insights.local_zone())
    return [str(f.text) for f in facts], rows


def sample_time(locale: QLocale, row: samples_mod.SampleRow) -> str:
    """When a sample row happened, in the user's zone and language (the day alone when the
    time was cut to the day)."""
    if row.occurred_at is None:
        return ""
    from datetime import UTC

    from plainview import dates

    lang = dates.language_of(locale.name())
    if row.day_only:  # cut to the day in UTC: show that day, not a local shift of it
        return dates.format_date(row.occurred_at, lang, tz=UTC)
    return dates.format_datetime(row.occurred_at, lang)


def sample_text(locale: QLocale, row: samples_mod.SampleRow) -> str:
    when = sample_time(locale, row)
    body = row.text()
    return f"{when} — {body}" if when and body else (when or body)


def _label(parent: QWidget, role: str | None = None, *, wrap: bool = True) -> QLabel:
    label = QLabel(parent)
    label.setWordWrap(wrap)
    label.setTextFormat(Qt.TextFormat.PlainText)
    if role:
        label.setProperty("role", role)
    return label


class AuditWizard(QWidget):
    """Signals: ``finished_audit()`` (wiring contract: emitted when the participant leaves the
    finished audit with Done), ``step_shown(int)``, ``loaded()``, ``report_saved(str)``,
    ``samples_shown(str)`` (a category's own rows are on screen), ``audit_mode_changed(bool)``
    (True while an audit runs: the window keeps everything but Lock out of reach)."""

    finished_audit = Signal()
    step_shown = Signal(int)
    loaded = Signal()
    report_saved = Signal(str)
    samples_shown = Signal(str)
    audit_mode_changed = Signal(bool)

    # Test seam: callable (wizard) -> str path for the report ("" = cancelled).
    ask_report_path: ClassVar[Any] = None

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.counts: dict[str, int] = {}
        self.audit: audit_mod.Audit | None = None
        self.answers: dict[str, audit_mod.AuditAnswer] = {}
        self.position = 0
        self.plan = audit_mod.Plan((), ())
        self._facts_for: str | None = None
        self._mode = False
        self._generation = 0  # of refresh(): only the newest answer counts

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
        self.skipped_text = _label(page, "hint")
        self.start_button.clicked.connect(self.start_new)
        self.resume_button.clicked.connect(self.resume)
        row = QHBoxLayout()
        row.addWidget(self.resume_button)
        row.addWidget(self.start_button)
        row.addStretch(1)
        lay = QVBoxLayout(page)
        lay.addWidget(self.start_title)
        lay.addWidget(self.start_intro)
        lay.addWidget(self.skipped_text)
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
        self.samples_heading = _label(page, "subtitle")
        self.samples_text = _label(page)
        self.samples_text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

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
        self.notes.setMaximumHeight(64)
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
            self.samples_heading,
            self.samples_text,
            self.data_heading,
            self.data_text,
            self.why_heading,
            self.why_text,
        ):
            bl.addWidget(w)
        bl.addStretch(1)
        scroll = QScrollArea(page)
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)

        # the category panel: explanation and own rows, the answer, notes, the share level
        self.category_panel = QWidget(page)
        cp = QVBoxLayout(self.category_panel)
        cp.setContentsMargins(0, 0, 0, 0)
        cp.addWidget(scroll, 1)
        cp.addWidget(self.expected_box)
        cp.addWidget(self.notes_label)
        cp.addWidget(self.notes)
        cp.addWidget(self.level_box)

        # the purpose panel: "May TikTok use your data for ...?"
        self.purpose_panel = QWidget(page)
        self.purpose_heading = _label(self.purpose_panel, "subtitle")
        self.purpose_title = _label(self.purpose_panel, "title")
        self.purpose_text = _label(self.purpose_panel)
        self.purpose_box = QGroupBox(self.purpose_panel)
        self.purpose_group = QButtonGroup(self.purpose_panel)
        self.purpose_buttons = {a: QRadioButton(self.purpose_box) for a in EXPECTED}
        pb = QVBoxLayout(self.purpose_box)
        for i, key in enumerate(EXPECTED):
            self.purpose_group.addButton(self.purpose_buttons[key], i)
            pb.addWidget(self.purpose_buttons[key])
        pp = QVBoxLayout(self.purpose_panel)
        pp.setContentsMargins(0, 0, 0, 0)
        for part in (self.purpose_heading, self.purpose_title, self.purpose_text):
            pp.addWidget(part)
        pp.addWidget(self.purpose_box)
        pp.addStretch(1)
        self.panels = QStackedWidget(page)
        self.panels.addWidget(self.category_panel)
        self.panels.addWidget(self.purpose_panel)

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
        lay.addWidget(self.panels, 1)
        lay.addLayout(nav)
        order = [
            *self.expected_buttons.values(),
            self.notes,
            *self.level_buttons.values(),
            *self.purpose_buttons.values(),
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
        self.recipient_label = QLabel(page)
        self.recipient_edit = QLineEdit(page)
        self.recipient_edit.setMaxLength(200)
        self.recipient_label.setBuddy(self.recipient_edit)
        self.purpose_label = QLabel(page)
        self.purpose_edit = QLineEdit(page)
        self.purpose_edit.setMaxLength(200)
        self.purpose_label.setBuddy(self.purpose_edit)
        self.ledger_hint = _label(page, "hint")
        self.report_button = QPushButton(page)
        self.share_button = QPushButton(page)
        self.letters_button = QPushButton(page)
        self.again_button = QPushButton(page)
        self.done_status = _label(page, "hint")
        self.report_button.clicked.connect(self.save_report)
        self.share_button.clicked.connect(self.open_share_package)
        self.letters_button.clicked.connect(self.open_letters)
        self.again_button.clicked.connect(self.done)
        row = QHBoxLayout()
        row.addWidget(self.report_button)
        row.addWidget(self.share_button)
        row.addWidget(self.letters_button)
        row.addStretch(1)
        row.addWidget(self.again_button)
        lay = QVBoxLayout(page)
        lay.addWidget(self.done_title)
        lay.addWidget(self.done_text)
        lay.addWidget(self.recipient_label)
        lay.addWidget(self.recipient_edit)
        lay.addWidget(self.purpose_label)
        lay.addWidget(self.purpose_edit)
        lay.addWidget(self.ledger_hint)
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
                "For each one you see what it is, why TikTok says it collects it and a few "
                "of the participant's own records; the participant says whether they "
                "expected it, adds notes and chooses what may be shared. Then they say for "
                "which purposes TikTok may use their data. You can stop at any time and "
                "resume later. At the end you get a report, a share package and request "
                "letters that obey these choices. While the audit runs, the rest of "
                "Plainview is out of reach; Lock still works."
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
        self.purpose_heading.setText(self.tr("May TikTok use your data for this?"))
        self.purpose_box.setTitle(self.tr("Your answer"))
        self.purpose_buttons["yes"].setText(self.tr("&Yes, TikTok may"))
        self.purpose_buttons["no"].setText(self.tr("N&o, TikTok may not"))
        self.purpose_buttons["unsure"].setText(self.tr("Not s&ure yet"))
        for key, name in (
            ("yes", self.tr("Yes, TikTok may")),
            ("no", self.tr("No, TikTok may not")),
            ("unsure", self.tr("Not sure yet")),
        ):
            self.purpose_buttons[key].setAccessibleName(name)
        self.back_button.setText(self.tr("&Back"))
        self.back_button.setAccessibleName(self.tr("Back"))
        self.next_button.setText(self.tr("&Next"))
        self.next_button.setAccessibleName(self.tr("Next"))
        self.pause_button.setText(self.tr("Pause and c&lose"))
        self.pause_button.setAccessibleName(self.tr("Pause and close"))
        self.what_heading.setText(self.tr("What this is"))
        self.why_heading.setText(self.tr("Why TikTok says it collects it"))
        self.data_heading.setText(self.tr("In this export"))
        self.samples_heading.setText(self.tr("A few of your own records"))
        self.progress.setAccessibleName(self.tr("Audit progress"))
        self.done_title.setText(self.tr("Audit finished"))
        self.recipient_label.setText(self.tr("Re&cipient (optional, kept in the consent record):"))
        self.recipient_edit.setAccessibleName(self.tr("Recipient"))
        self.purpose_label.setText(self.tr("Pur&pose (optional, kept in the consent record):"))
        self.purpose_edit.setAccessibleName(self.tr("Purpose of sharing"))
        self.ledger_hint.setText(
            self.tr(
                "Every report, share package and letter you save is added to the consent "
                "record with the time, what it held and, if given, who it is for and why."
            )
        )
        self.report_button.setText(self.tr("Save the audit &report…"))
        self.report_button.setAccessibleName(self.tr("Save the audit report"))
        self.share_button.setText(self.tr("Share pac&kage…"))
        self.share_button.setAccessibleName(self.tr("Share package"))
        self.letters_button.setText(self.tr("&Letters…"))
        self.letters_button.setAccessibleName(self.tr("Letters"))
        self.again_button.setText(self.tr("&Done"))
        self.again_button.setAccessibleName(self.tr("Done"))
        self._update_resume()
        self._update_skipped()
        self._update_level_hint()
        if self.stack.currentWidget() is self.step_page:
            self._show_step(self.position, save=False)
        elif self.stack.currentWidget() is self.done_page:
            self._fill_done()

    def _on_language(self, _lang: str) -> None:
        self.retranslate()

    @property
    def steps(self) -> tuple[audit_mod.Step, ...]:
        return self.plan.steps

    def _total(self) -> int:
        return len(self.steps)

    def _update_resume(self) -> None:
        if self.audit is not None and not self.audit.finished and self.steps:
            step = min(self.audit.position + 1, self._total())
            self.resume_button.setText(
                self.tr("&Resume (step %1 of %2)")
                .replace("%1", str(step))
                .replace("%2", str(self._total()))
            )
            self.resume_button.show()
        else:
            self.resume_button.hide()

    def _title(self, category: str) -> str:
        catalog = self._catalog()
        if catalog is None:
            return category
        try:
            return str(catalog.title(category))
        except Exception:
            return category

    def _update_skipped(self) -> None:
        """The categories the export lacks, listed once, on the first page."""
        plan = self.plan
        if not plan.steps and not plan.skipped:
            self.skipped_text.clear()
            self.skipped_text.hide()
            return
        purposes = len(plan.steps) - plan.category_steps
        lines = [
            self.tr("%1 steps: %2 categories in this export, then %3 questions about purposes.")
            .replace("%1", str(len(plan.steps)))
            .replace("%2", str(plan.category_steps))
            .replace("%3", str(purposes))
        ]
        if plan.skipped:
            names = self.tr(", ", "list separator").join(self._title(c) for c in plan.skipped)
            lines.append(
                self.tr("Not in this export, so the audit skips them: %1.").replace("%1", names)
            )
        if not plan.category_steps:
            lines.append(self.tr("This vault holds no data yet: import an export first."))
        self.skipped_text.setText("\n".join(lines))
        self.skipped_text.show()
        self.start_button.setEnabled(plan.category_steps > 0)

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
        self._generation += 1
        tasks.run_task(
            load_state,
            self.ctx.vault,
            self._catalog(),
            self.ctx.policy,
            on_done=functools.partial(self._state_loaded, self._generation),
        )

    def _state_loaded(self, generation: int, result: Any, error: BaseException | None) -> None:
        if not self.ctx.is_unlocked or generation != self._generation:
            return  # locked meanwhile, or a newer refresh is on its way
        if error is not None or result is None:
            self.start_status.setText(self.tr("The audit could not be loaded."))
            return
        counts, current, plan = result
        if self.stack.currentWidget() is self.start_page:
            self.counts = counts
            self.plan = plan
            self.audit = current
            self._update_resume()
            self._update_skipped()
        self.loaded.emit()

    def clear(self) -> None:
        self.counts = {}
        self.audit = None
        self.answers = {}
        self.position = 0
        self.plan = audit_mod.Plan((), ())
        self.participant_edit.clear()
        self.recipient_edit.clear()
        self.purpose_edit.clear()
        self.notes.clear()
        self.what_text.clear()
        self.why_text.clear()
        self.data_text.clear()
        self.samples_text.clear()
        self.category_title.clear()
        self.sensitivity.clear()
        self.purpose_title.clear()
        self.purpose_text.clear()
        self.done_text.clear()
        self.done_status.clear()
        self.skipped_text.clear()
        self._set_page(self.start_page)
        self._update_resume()

    def _set_page(self, page: QWidget) -> None:
        """Show a page; the audit mode (rest of the app out of reach) follows it."""
        self.stack.setCurrentWidget(page)
        active = page is not self.start_page
        if active != self._mode:
            self._mode = active
            self.audit_mode_changed.emit(active)

    @property
    def in_audit(self) -> bool:
        return self._mode

    # -- flow ----------------------------------------------------------------------------
    def show_start(self) -> None:
        self._set_page(self.start_page)
        self._update_resume()
        self.participant_edit.setFocus()
        self.refresh()

    def start_new(self) -> None:
        if not self.ctx.is_unlocked:
            return
        if not self.plan.steps:  # started before the first load came back: plan it now
            self.counts, _current, self.plan = load_state(
                self.ctx.vault, self._catalog(), self.ctx.policy
            )
        if not self.plan.category_steps:
            return
        self.audit = audit_mod.start_audit(self.ctx.vault, self.participant_edit.text())
        self.answers = {}
        self._enter(0)

    def resume(self) -> None:
        if self.audit is None or not self.ctx.is_unlocked or not self.steps:
            return
        self.answers = audit_mod.answers(self.ctx.vault, self.audit.id)
        self._enter(min(self.audit.position, self._total() - 1))

    def _enter(self, position: int) -> None:
        self._set_page(self.step_page)
        self._show_step(position, save=False)
        self._focus_first()

    def _focus_first(self) -> None:
        if self.panels.currentWidget() is self.purpose_panel:
            self.purpose_buttons["yes"].setFocus()
        else:
            self.expected_buttons["yes"].setFocus()

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
        if not self.steps:
            return
        self.position = max(0, min(position, self._total() - 1))
        step = self.steps[self.position]
        self.progress.setRange(0, self._total())
        self.progress_label.setText(
            self.tr("Step %1 of %2")
            .replace("%1", str(self.position + 1))
            .replace("%2", str(self._total()))
        )
        self.progress.setValue(self.position + 1)
        if step.kind == "purpose":
            self._show_purpose(step)
        else:
            self._show_category(step.subject)
        self.back_button.setEnabled(self.position > 0)
        last = self.position == self._total() - 1
        self.next_button.setText(self.tr("&Finish") if last else self.tr("&Next"))
        self.next_button.setAccessibleName(self.tr("Finish") if last else self.tr("Next"))
        self.step_shown.emit(self.position)

    def _show_purpose(self, step: audit_mod.Step) -> None:
        self.panels.setCurrentWidget(self.purpose_panel)
        catalog = self._catalog()
        titles = {} if catalog is None else dict(catalog.purposes())
        self.purpose_title.setText(str(titles.get(step.subject, step.title or step.subject)))
        names = self.tr(", ", "list separator").join(self._title(c) for c in step.categories)
        self.purpose_text.setText(
            self.tr(
                "TikTok's policy says it uses these categories of your export for this: %1. "
                "Your answer goes into the report and the letters; a No becomes a request "
                "to stop."
            ).replace("%1", names)
        )
        answer = choices_mod.get_purpose_answers(self.ctx.vault).get(step.subject)
        self._set_checked(
            self.purpose_group, EXPECTED, answer.answer if answer is not None else None
        )

    def _show_category(self, category: str) -> None:
        self.panels.setCurrentWidget(self.category_panel)
        catalog = self._catalog()
        explanation = None
        if catalog is not None:
            try:
                explanation = catalog.explain(category, self.ctx.policy)
            except Exception:
                explanation = None
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
        self.data_text.setText(
            self.tr("Records in this export: %1.").replace("%1", self.locale().toString(count))
        )
        self.samples_text.setText(self.tr("Loading…"))
        self._load_facts(category)
        answer = self.answers.get(category)
        self._set_checked(
            self.expected_group, EXPECTED, answer.expected if answer is not None else None
        )
        self.notes.setPlainText(answer.notes if answer is not None else "")
        share = choices_mod.get_choices(self.ctx.vault)[category].share
        self._set_checked(self.level_group, LEVELS, share)
        self._update_level_hint()

    def _load_facts(self, category: str) -> None:
        self._facts_for = category
        tasks.run_task(
            load_facts,
            self.ctx.vault,
            category,
            self.ctx.lang,
            on_done=functools.partial(self._facts_loaded, category),
        )

    def _current_category(self) -> str | None:
        if not self.steps or self.stack.currentWidget() is not self.step_page:
            return None
        step = self.steps[self.position]
        return step.subject if step.kind == "category" else None

    def _facts_loaded(self, category: str, result: Any, error: BaseException | None) -> None:
        if category != self._facts_for or self._current_category() != category:
            return
        if error is not None or result is None:
            self.samples_text.setText(self.tr("Your records could not be read."))
            return
        facts, rows = result
        if facts:
            count = self.tr("Records in this export: %1.").replace(
                "%1", self.locale().toString(self.counts.get(category, 0))
            )
            self.data_text.setText("\n".join([count, *(f"• {f}" for f in facts)]))
        loc = self.locale()
        lines = [f"• {sample_text(loc, r)}" for r in rows if r.pairs or r.occurred_at]
        self.samples_text.setText("\n".join(lines) or self.tr("Nothing to show."))
        self.samples_shown.emit(category)

    def _save_current(self) -> None:
        if self.audit is None or not self.ctx.is_unlocked or not self.steps:
            return
        step = self.steps[self.position]
        if step.kind == "purpose":
            answer = self._checked(self.purpose_group, EXPECTED)
            if answer is not None:
                choices_mod.set_purpose_answer(self.ctx.vault, step.subject, answer)
            return
        category = step.subject
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
        if self.audit is None or not self.ctx.is_unlocked or not self.steps:
            return
        if self.position >= self._total() - 1:
            self._save_current()
            self.audit = audit_mod.finish_audit(self.ctx.vault, self.audit.id, self._total())
            self._fill_done()
            self._set_page(self.done_page)
            self.report_button.setFocus()
            return
        self._show_step(self.position + 1, save=True)
        audit_mod.set_position(self.ctx.vault, self.audit.id, self.position)
        self._focus_first()

    def back(self) -> None:
        if self.audit is None or self.position == 0 or not self.ctx.is_unlocked:
            return
        self._show_step(self.position - 1, save=True)
        audit_mod.set_position(self.ctx.vault, self.audit.id, self.position)
        self._focus_first()

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
                "You went through all %1 categories in this export. The participant did not "
                "expect %2 of them. Save the report to keep the findings, the share package "
                "to pass on what the participant agreed to share, and the letters to ask "
                "TikTok for access, erasure or an end to the uses they refused. Each leaves "
                "out every category the participant keeps private."
            )
            .replace("%1", str(self.plan.category_steps))
            .replace("%2", str(surprised))
        )

    def _recipient(self) -> str | None:
        return self.recipient_edit.text().strip() or None

    def _purpose(self) -> str | None:
        return self.purpose_edit.text().strip() or None

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
            self._recipient(),
            self._purpose(),
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

    def open_share_package(self) -> Any:
        """The share preview, with the recipient and purpose given here; returns the dialog."""
        from plainview.ui.share_preview_dialog import SharePreviewDialog

        dialog = SharePreviewDialog(
            self.ctx, self, recipient=self._recipient() or "", purpose=self._purpose() or ""
        )
        dialog.package_saved.connect(
            lambda path: self.done_status.setText(
                self.tr("Share package saved: %1").replace("%1", path)
            )
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def open_letters(self) -> Any:
        from plainview.ui.letters_dialog import LettersDialog

        dialog = LettersDialog(self.ctx, self, initial="access")
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog
