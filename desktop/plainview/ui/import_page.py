"""Import: how to get the export from TikTok, a drop zone, file/folder choosers, the bundled
sample; progress with Cancel while importing; afterwards what was imported, what was empty, what
was not recognised (and kept), warnings, or a friendly message when the archive was rejected.

The import itself runs off the GUI thread (``run_task(run_import, ...)``) with cooperative
cancel, so the other pages stay usable.
"""

from __future__ import annotations

import html
import logging
import threading
import time
from contextlib import ExitStack
from importlib.resources import as_file
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from plainview.errors import ArchiveRejected, ImportCancelled, PlainviewError
from plainview.model import UNRECOGNIZED
from plainview.resources import resource
from plainview.ui.context import AppContext
from plainview.ui.drop_zone import DropZone
from plainview.ui.tasks import TaskHandle, run_task

log = logging.getLogger(__name__)

SAMPLE = ("sample", "tiktok-sample.zip")


def _run_import(vault: Any, path: Path, progress: Any = None, cancel: Any = None) -> Any:
    """Worker: the import, reporting ``(fraction, section, records stored or None)``.

    The section is the last one named (progress events in between name none), and the count
    is ``None`` while the export is still being checked, before anything is stored.
    """
    from plainview.importers import run_import

    state: dict[str, Any] = {"fraction": 0.0, "section": "", "stored": None}

    def send() -> None:
        if progress is not None:
            progress(state["fraction"], state["section"], state["stored"])

    def on_progress(fraction: float, section: str) -> None:
        state["fraction"] = fraction
        if section:
            state["section"] = section
        send()

    def on_stored(count: int) -> None:
        if state["stored"] is None:
            state["section"] = ""  # the checking pass named its sections; storing starts over
        state["stored"] = count
        send()

    return run_import(vault, path, progress=on_progress, cancel=cancel, stored=on_stored)


def time_left(elapsed: float, done: float) -> float | None:
    """Seconds still to go when ``done`` (0..1) of the work took ``elapsed`` seconds; ``None``
    while too little is known to guess (under 2 % done or under 2 seconds in)."""
    if done < 0.02 or elapsed < 2.0:
        return None
    return max(0.0, elapsed * (1.0 - done) / done)


def unsupported_platform(error: BaseException | None) -> str:
    """The platform named by an "export from another platform" rejection, else ``""``."""
    if getattr(error, "code", None) != "other_platform":
        return ""
    return str(getattr(error, "values", {}).get("platform", ""))


class ImportPage(QWidget):
    """Signals: ``import_finished(object)`` with the ImportResult after a successful import;
    ``import_started()``; ``sample_requested()`` (internal: the sample button)."""

    import_finished = Signal(object)
    import_started = Signal()
    sample_requested = Signal()
    overview_requested = Signal()

    #: Test seam: the clock the time-left estimate reads (seconds, monotonic).
    clock: Any = staticmethod(time.monotonic)

    # -- test seams: tests replace these so no native dialog ever opens ----------------
    @staticmethod
    def ask_file(parent: QWidget, caption: str, filters: str) -> Path | None:
        name, _ = QFileDialog.getOpenFileName(parent, caption, "", filters)
        return Path(name) if name else None

    @staticmethod
    def ask_folder(parent: QWidget, caption: str) -> Path | None:
        name = QFileDialog.getExistingDirectory(parent, caption)
        return Path(name) if name else None

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._task: TaskHandle | None = None
        self._cancel: threading.Event | None = None
        self._resources = ExitStack()
        self._source: Path | None = None
        self._is_sample = False
        self.last_result: Any = None
        self.last_error: BaseException | None = None
        self._storing_since: tuple[float, float] | None = None  # (clock, fraction) at start

        scroll = QScrollArea(self)
        self.scroll_area = scroll
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        body = QWidget(scroll)

        self.title = QLabel(body)
        font = self.title.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.5)
        self.title.setFont(font)
        self.title.setWordWrap(True)

        self.steps_box = QGroupBox(body)
        self.steps = QLabel(self.steps_box)
        self.steps.setWordWrap(True)
        self.steps.setTextFormat(Qt.TextFormat.RichText)
        steps_layout = QVBoxLayout(self.steps_box)
        steps_layout.addWidget(self.steps)

        self.drop_zone = DropZone(body)
        self.drop_zone.path_dropped.connect(self.start_import)
        self.drop_zone.rejected_drop.connect(self._drop_rejected)
        self.file_button = QPushButton(body)
        self.folder_button = QPushButton(body)
        self.sample_button = QPushButton(body)
        self.file_button.clicked.connect(self._choose_file)
        self.folder_button.clicked.connect(self._choose_folder)
        self.sample_button.clicked.connect(self.sample_requested)
        self.sample_requested.connect(self.import_sample)
        buttons = QHBoxLayout()
        buttons.addWidget(self.file_button)
        buttons.addWidget(self.folder_button)
        buttons.addStretch(1)
        buttons.addWidget(self.sample_button)

        # progress
        self.progress_box = QFrame(body)
        self.progress_box.setFrameShape(QFrame.Shape.StyledPanel)
        self.section_label = QLabel(self.progress_box)
        self.section_label.setWordWrap(True)
        self.stored_label = QLabel(self.progress_box)
        self.stored_label.setWordWrap(True)
        self.stored_label.setProperty("role", "hint")
        self.stored_label.hide()
        self.progress = QProgressBar(self.progress_box)
        self.progress.setRange(0, 1000)
        self.progress.setTextVisible(False)
        self.cancel_button = QPushButton(self.progress_box)
        self.cancel_button.clicked.connect(self.cancel_import)
        progress_row = QHBoxLayout()
        progress_row.addWidget(self.progress, 1)
        progress_row.addWidget(self.cancel_button)
        progress_layout = QVBoxLayout(self.progress_box)
        progress_layout.addWidget(self.section_label)
        progress_layout.addWidget(self.stored_label)
        progress_layout.addLayout(progress_row)

        # outcome
        self.outcome_box = QFrame(body)
        self.outcome_box.setFrameShape(QFrame.Shape.StyledPanel)
        self.outcome_title = QLabel(self.outcome_box)
        self.outcome_title.setWordWrap(True)
        title_font = self.outcome_title.font()
        title_font.setBold(True)
        self.outcome_title.setFont(title_font)
        self.outcome = QLabel(self.outcome_box)
        self.outcome.setWordWrap(True)
        self.outcome.setTextFormat(Qt.TextFormat.RichText)
        self.outcome.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.overview_button = QPushButton(self.outcome_box)
        self.overview_button.clicked.connect(self.overview_requested)
        self.details_button = QPushButton(self.outcome_box)
        self.details_button.setCheckable(True)
        self.details_button.toggled.connect(self._toggle_details)
        self.details = QLabel(self.outcome_box)
        self.details.setWordWrap(True)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.details.setProperty("role", "hint")
        self.reminder = QLabel(self.outcome_box)
        self.reminder.setWordWrap(True)
        self.reminder.setProperty("role", "notice")
        outcome_layout = QVBoxLayout(self.outcome_box)
        title_row = QHBoxLayout()
        title_row.addWidget(self.outcome_title, 1)
        title_row.addWidget(self.overview_button, 0, Qt.AlignmentFlag.AlignTop)
        outcome_layout.addLayout(title_row)
        outcome_layout.addWidget(self.outcome)
        outcome_layout.addWidget(self.reminder)
        details_row = QHBoxLayout()
        details_row.addWidget(self.details_button)
        details_row.addStretch(1)
        outcome_layout.addLayout(details_row)
        outcome_layout.addWidget(self.details)

        layout = QVBoxLayout(body)
        layout.setContentsMargins(16, 12, 16, 16)
        layout.setSpacing(10)
        layout.addWidget(self.title)
        layout.addWidget(self.steps_box)
        layout.addWidget(self.drop_zone)
        layout.addLayout(buttons)
        layout.addWidget(self.progress_box)
        layout.addWidget(self.outcome_box)
        layout.addStretch(1)
        scroll.setWidget(body)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)

        self._outcome_kind = ""  # "", "done", "cancelled", "rejected", "failed"
        ctx.locked.connect(self.clear)
        ctx.language_changed.connect(lambda _l: self.retranslate())
        self.retranslate()
        self.clear()

    # -- page contract -----------------------------------------------------------------
    def refresh(self) -> None:
        self._update_enabled()

    def clear(self) -> None:
        """On lock: stop an import in progress and forget its outcome."""
        if self._task is not None:
            self.cancel_import()
        self.last_result = None
        self.last_error = None
        self._outcome_kind = ""
        self.outcome.clear()
        self.details.clear()
        self.reminder.clear()
        self.progress_box.hide()
        self.outcome_box.hide()
        self._update_enabled()

    def is_importing(self) -> bool:
        return self._task is not None

    def retranslate(self) -> None:
        self.title.setText(self.tr("Import your TikTok data"))
        self.steps_box.setTitle(self.tr("How to get your data from TikTok"))
        steps = [
            self.tr("In the TikTok app, open your <b>Profile</b>."),
            self.tr("Tap the <b>Menu ☰</b> button, then <b>Settings and privacy</b>."),
            self.tr("Tap <b>Account</b>, then <b>Download your data</b>."),
            self.tr("Choose the file format: choose <b>JSON</b>."),
            self.tr(
                "Tap <b>Request data</b>. Preparing the file can take a few days; TikTok "
                "tells you when it is ready."
            ),
            self.tr(
                "Download the file from the <b>Download data</b> tab within 4 days, then "
                "drop it below."
            ),
        ]
        self.steps.setText("<ol>" + "".join(f"<li>{s}</li>" for s in steps) + "</ol>")
        self.steps.setAccessibleName(self.tr("How to get your data from TikTok"))
        self.drop_zone.retranslate()
        self.file_button.setText(self.tr("Choose &file…"))
        self.file_button.setAccessibleName(self.tr("Choose a file to import"))
        self.folder_button.setText(self.tr("Choose f&older…"))
        self.folder_button.setAccessibleName(self.tr("Choose a folder to import"))
        self.sample_button.setText(self.tr("Try with &sample data"))
        self.sample_button.setAccessibleName(self.tr("Try with sample data"))
        self.sample_button.setToolTip(
            self.tr("Imports a small invented export so you can look around first.")
        )
        self.overview_button.setText(self.tr("See what TikTok &has"))
        self.overview_button.setAccessibleName(self.tr("See what TikTok has"))
        self.overview_button.setToolTip(self.tr("Opens the overview of your data"))
        self.cancel_button.setText(self.tr("Cancel"))
        self.cancel_button.setAccessibleName(self.tr("Cancel the import"))
        self.progress.setAccessibleName(self.tr("Import progress"))
        self._toggle_details(self.details_button.isChecked())
        self._show_outcome()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # -- starting ----------------------------------------------------------------------
    def _choose_file(self) -> None:
        path = type(self).ask_file(
            self,
            self.tr("Choose your TikTok export"),
            self.tr("TikTok export (*.zip *.json *.txt);;All files (*)"),
        )
        if path is not None:
            self.start_import(path)

    def _choose_folder(self) -> None:
        path = type(self).ask_folder(self, self.tr("Choose the folder of your TikTok export"))
        if path is not None:
            self.start_import(path)

    def import_sample(self) -> None:
        """Import the bundled synthetic sample export."""
        if self._task is not None or not self.ctx.is_unlocked:
            return
        stack = ExitStack()
        try:
            path = stack.enter_context(as_file(resource(*SAMPLE)))
        except (FileNotFoundError, OSError):
            stack.close()
            self._fail(self.tr("The sample data is missing from this installation."), "")
            return
        if not Path(path).exists():
            stack.close()
            self._fail(self.tr("The sample data is missing from this installation."), "")
            return
        self._resources = stack
        self.start_import(Path(path), sample=True)

    def start_import(self, path: Path, *, sample: bool = False) -> None:
        if self._task is not None or not self.ctx.is_unlocked:
            return
        self._source = Path(path)
        self._is_sample = sample
        self.last_result = None
        self.last_error = None
        self._outcome_kind = ""
        self.outcome_box.hide()
        self.details_button.setChecked(False)
        self.progress.setValue(0)
        self._storing_since = None
        self.stored_label.clear()
        self.stored_label.hide()
        self.section_label.setText(self.tr("Opening {name}…").format(name=self._source.name))
        self.progress_box.show()
        self._cancel = threading.Event()
        self._task = run_task(
            _run_import,
            self.ctx.vault,
            self._source,
            on_done=self._done,
            on_progress=self._progressed,
            cancel=self._cancel,
        )
        self._update_enabled()
        self.cancel_button.setFocus()
        self.import_started.emit()

    def cancel_import(self) -> None:
        if self._task is not None:
            self.section_label.setText(self.tr("Cancelling…"))
            self.cancel_button.setEnabled(False)
            self._task.cancel()

    # -- while importing ---------------------------------------------------------------
    def _progressed(self, *args: Any) -> None:
        fraction = max(0.0, min(1.0, float(args[0]) if args else 0.0))
        section = str(args[1]) if len(args) > 1 else ""
        stored = args[2] if len(args) > 2 else None
        self.progress.setValue(int(fraction * 1000))
        if self._cancel is not None and self._cancel.is_set():
            return
        if stored is None:  # still checking the export: nothing stored yet
            if section:
                self.section_label.setText(self.tr("Reading: {section}").format(section=section))
            return
        now = float(self.clock())
        if self._storing_since is None:
            self._storing_since = (now, fraction)
        if section:
            self.section_label.setText(self.tr("Storing: {section}").format(section=section))
        else:
            self.section_label.setText(self.tr("Storing your records…"))
        started, base = self._storing_since
        done = (fraction - base) / (1.0 - base) if base < 1.0 else 1.0
        left = time_left(now - started, done)
        count = self.tr("{count} records stored so far").format(
            count=self.locale().toString(int(stored))
        )
        self.stored_label.setText(f"{count} · {self._left_text(left)}")
        self.stored_label.show()

    def _left_text(self, seconds: float | None) -> str:
        if seconds is None:
            return self.tr("working out the time left…")
        if seconds < 45:
            return self.tr("less than a minute left")
        minutes = max(1, round(seconds / 60))
        return self.tr("about {minutes} min left").format(
            minutes=self.locale().toString(int(minutes))
        )

    def _done(self, result: Any, error: BaseException | None) -> None:
        self._task = None
        self._cancel = None
        self._resources.close()
        self._resources = ExitStack()
        self.progress_box.hide()
        self.last_result = result
        self.last_error = error
        if error is None:
            self._outcome_kind = "done"
        elif isinstance(error, ImportCancelled):
            self._outcome_kind = "cancelled"
        elif isinstance(error, ArchiveRejected):
            self._outcome_kind = "rejected"
        else:
            self._outcome_kind = "failed"
            if not isinstance(error, PlainviewError):
                log.error("import failed with %s", type(error).__name__)
        self._update_enabled()
        self._show_outcome()
        # the outcome is below the instructions: bring its first lines into view
        QTimer.singleShot(0, self._scroll_to_outcome)
        if error is None:
            self.import_finished.emit(result)

    def _scroll_to_outcome(self) -> None:
        if self.outcome_box.isVisible():
            bar = self.scroll_area.verticalScrollBar()
            bar.setValue(min(bar.maximum(), self.outcome_box.y() - 12))

    # -- afterwards --------------------------------------------------------------------
    def _fail(self, message: str, hint: str, kind: str = "failed") -> None:
        self._outcome_kind = kind
        self.last_error = PlainviewError(message, hint or None)
        self._show_outcome()

    def _drop_rejected(self) -> None:
        self._fail(
            self.tr("Plainview can read one .zip file, one folder, or one .json or .txt file."),
            "",
            "rejected",
        )

    def _show_outcome(self) -> None:
        kind = self._outcome_kind
        self.outcome_box.setVisible(bool(kind))
        self.reminder.setVisible(kind == "done" and not self._is_sample)
        self.details_button.setVisible(kind in ("rejected", "failed"))
        self.overview_button.setVisible(kind == "done")
        if not kind:
            return
        if kind == "done":
            self.outcome_title.setText(self.tr("Import finished"))
            self.outcome.setText(self._result_html(self.last_result))
            name = self._source.name if self._source else ""
            self.reminder.setText(
                self.tr(
                    "Your original archive ({name}) is still unencrypted where you saved it. "
                    "Plainview keeps its own encrypted copy, so you can delete the original if "
                    "you no longer need it. Deleting a file does not securely erase it on every "
                    "disk."
                ).format(name=name)
            )
        elif kind == "cancelled":
            self.outcome_title.setText(self.tr("Import cancelled. Nothing was changed."))
            self.outcome.setText("")
        else:
            error = self.last_error
            message, hint = "", None
            if isinstance(error, PlainviewError):
                from plainview.importers.messages import localize

                message, hint = localize(error, self.ctx.lang)
            platform = unsupported_platform(error)
            if platform:
                self.outcome_title.setText(
                    self.tr("This is an export from {platform}, not from TikTok.").format(
                        platform=platform
                    )
                )
            elif kind == "rejected":
                self.outcome_title.setText(self.tr("Plainview could not import this file."))
            else:
                self.outcome_title.setText(self.tr("The import did not finish."))
            if not message:
                message = self.tr("Something went wrong inside Plainview. Nothing was changed.")
            text = html.escape(message)
            if hint:
                text += "<br/>" + html.escape(hint)
            text += "<br/>" + html.escape(self.tr("Your vault was left exactly as it was."))
            self.outcome.setText(text)
            kind_name = type(error).__name__ if error is not None else ""
            self.details.setText(
                self.tr("Kind of problem: {kind}").format(kind=kind_name)
                + (f"\n{error.message}" if isinstance(error, PlainviewError) else "")
            )
        self.outcome.setAccessibleName(self.outcome_title.text())

    def _toggle_details(self, shown: bool) -> None:
        self.details.setVisible(shown and self._outcome_kind in ("rejected", "failed"))
        text = self.tr("Hide details") if shown else self.tr("Show details")
        self.details_button.setText(text)
        self.details_button.setAccessibleName(text)

    def _title(self, category: str) -> str:
        try:
            return str(self.ctx.catalog().title(category))
        except (ImportError, KeyError, PlainviewError):
            return category

    def _result_html(self, result: Any) -> str:
        if result is None:
            return ""
        loc = self.locale()
        records: dict[str, int] = dict(getattr(result, "records", {}) or {})
        added: dict[str, int] = dict(getattr(result, "added_by_category", {}) or {})
        n_added = int(getattr(result, "added", 0))
        n_dups = int(getattr(result, "duplicates", 0))
        # what is new, said once: one sentence, then the categories with plain counts
        if n_dups == 0:
            headline = self.tr("{added} new records.").format(added=loc.toString(n_added))
        elif n_added == 0:
            headline = self.tr(
                "Nothing new: all {dups} records were already in your vault."
            ).format(dups=loc.toString(n_dups))
        else:
            headline = self.tr("{added} new records, {dups} already in your vault.").format(
                added=loc.toString(n_added), dups=loc.toString(n_dups)
            )
        parts = [html.escape(headline)]
        rows = []
        for category, count in sorted(records.items(), key=lambda kv: -kv[1]):
            if count <= 0:
                continue
            rows.append(
                "<li>"
                + html.escape(
                    self.tr("{title}: {count}").format(
                        title=self._title(category), count=loc.toString(int(count))
                    )
                )
                + "</li>"
            )
        if rows:
            parts.append(html.escape(self.tr("In this export:")))
            parts.append("<ul>" + "".join(rows) + "</ul>")
        if n_added and n_dups:
            new_parts = [
                self.tr("{title} ({count})").format(
                    title=self._title(c), count=loc.toString(int(n))
                )
                for c, n in sorted(added.items(), key=lambda kv: -kv[1])
                if n > 0
            ]
            parts.append(
                html.escape(
                    self.tr("New since your last import: {list}.").format(
                        list=self._sep().join(new_parts)
                    )
                )
            )
        sections = getattr(result, "sections", {}) or {}

        by_status = self._section_categories(result)

        def titles(status: str) -> list[str]:
            # whole categories only: a category with data elsewhere in the export is not
            # "empty" because one of its lists was
            cats = {c for c in by_status.get(status, set()) if records.get(c, 0) <= 0}
            return sorted(self._title(c) for c in cats if c != UNRECOGNIZED)

        def names(items: Any) -> list[str]:
            return sorted({str(item) for item in items or []})

        empty = titles("empty")
        if empty:
            parts.append(
                html.escape(
                    self.tr("Empty in your export: {list}.").format(list=self._sep().join(empty))
                )
            )
        missing = titles("missing")
        if missing:
            parts.append(
                html.escape(
                    self.tr("Not in this export: {list}.").format(list=self._sep().join(missing))
                )
            )
        unknown = names(sections.get("unrecognized"))
        if unknown:
            parts.append(
                html.escape(
                    self.tr(
                        "Not recognised, but kept as they are so nothing is lost: {list}."
                    ).format(list=self._sep().join(unknown))
                )
            )
        warnings = [str(w) for w in getattr(result, "warnings", []) or []]
        if warnings:
            parts.append(html.escape(self.tr("Warnings:")))
            parts.append("<ul>" + "".join(f"<li>{html.escape(w)}</li>" for w in warnings) + "</ul>")
        return "".join(p if p.startswith("<ul>") else f"<p>{p}</p>" for p in parts)

    def _sep(self) -> str:
        """The separator between items of a list in running text (", " / "、")."""
        return self.tr(", ", "list separator")

    def _section_categories(self, result: Any) -> dict[str, set[str]]:
        """Category ids per section status for this import (from the vault's sections)."""
        out: dict[str, set[str]] = {}
        try:
            rows = self.ctx.vault.sections(int(result.import_id))
        except (AttributeError, PlainviewError, TypeError, ValueError):
            return out
        for _path, category, status, _count in rows:
            out.setdefault(str(status), set()).add(str(category))
        return out

    def _update_enabled(self) -> None:
        busy = self._task is not None
        ready = self.ctx.is_unlocked and not busy
        for widget in (self.file_button, self.folder_button, self.sample_button):
            widget.setEnabled(ready)
        self.drop_zone.setAcceptDrops(ready)
        self.cancel_button.setEnabled(busy)
