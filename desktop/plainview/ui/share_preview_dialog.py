"""Share package preview: exactly what will be included, per category, before anything is
written; per category a before/after sample of the user's own newest rows as redaction will
leave them (``sharing.samples.before_after``, which runs the package's own redaction), and in
plain words what anonymizing removes. Then a save dialog (test seam ``ask_save_path``) and the
package is written off the GUI thread; the consent record keeps it with the optional recipient
and purpose."""

from __future__ import annotations

from pathlib import Path
from typing import Any, ClassVar

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from plainview.sharing import samples as samples_mod
from plainview.sharing import store
from plainview.sharing.package import PackagePreview, build_share_package, preview
from plainview.ui import tasks
from plainview.ui.audit_wizard import sample_text
from plainview.ui.context import AppContext

Samples = dict[str, list[samples_mod.BeforeAfter]]


def load_preview(vault: Any, catalog: Any, lang: str) -> tuple[PackagePreview, Samples]:
    """Worker: the package plan and, per included category, a before/after sample."""
    src = store.worker_source(vault)
    plan = preview(src, catalog, lang)
    samples = {i.category: samples_mod.before_after(src, i.category, i.share) for i in plan.items}
    return plan, samples


def write_package(
    vault: Any,
    out: Path,
    catalog: Any,
    lang: str,
    recipient: str | None = None,
    purpose: str | None = None,
    progress: Any = None,
    cancel: Any = None,
) -> Any:
    return build_share_package(
        store.worker_source(vault),
        out,
        catalog,
        lang=lang,
        progress=progress,
        cancel=cancel,
        recipient=recipient,
        purpose=purpose,
    )


class SharePreviewDialog(QDialog):
    """Signals: ``preview_loaded()``, ``package_saved(str path)``, ``failed(str message)``."""

    preview_loaded = Signal()
    package_saved = Signal(str)
    failed = Signal(str)

    # Test seam: a callable (dialog) -> str path ("" = cancelled) replacing the file dialog.
    ask_save_path: ClassVar[Any] = None

    def __init__(
        self,
        ctx: AppContext,
        parent: QWidget | None = None,
        *,
        recipient: str = "",
        purpose: str = "",
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.plan: PackagePreview | None = None
        self.samples: Samples = {}
        self._task: Any = None
        self.setMinimumSize(760, 560)
        self.heading = QLabel(self)
        self.heading.setProperty("role", "subtitle")
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self.table = QTableWidget(0, 4, self)
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setWordWrap(True)
        self.table.currentCellChanged.connect(lambda row, _c, _pr, _pc: self._show_sample(row))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        # before / after of the selected category
        self.sample_heading = QLabel(self)
        self.sample_heading.setProperty("role", "subtitle")
        self.sample_heading.setWordWrap(True)
        self.removes = QLabel(self)
        self.removes.setWordWrap(True)
        self.removes.setTextFormat(Qt.TextFormat.PlainText)
        self.sample_table = QTableWidget(0, 2, self)
        self.sample_table.verticalHeader().hide()
        self.sample_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.sample_table.setWordWrap(True)
        self.sample_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        sh = self.sample_table.horizontalHeader()
        sh.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        sh.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        sample_box = QWidget(self)
        sl = QVBoxLayout(sample_box)
        sl.setContentsMargins(0, 0, 0, 0)
        sl.addWidget(self.sample_heading)
        sl.addWidget(self.removes)
        sl.addWidget(self.sample_table, 1)
        split = QSplitter(Qt.Orientation.Vertical, self)
        split.addWidget(self.table)
        split.addWidget(sample_box)
        split.setChildrenCollapsible(False)
        split.setStretchFactor(0, 2)
        split.setStretchFactor(1, 3)

        self.recipient_edit = QLineEdit(recipient, self)
        self.recipient_edit.setMaxLength(200)
        self.purpose_edit = QLineEdit(purpose, self)
        self.purpose_edit.setMaxLength(200)
        self.recipient_label = QLabel(self)
        self.recipient_label.setBuddy(self.recipient_edit)
        self.purpose_label = QLabel(self)
        self.purpose_label.setBuddy(self.purpose_edit)
        form = QFormLayout()
        form.addRow(self.recipient_label, self.recipient_edit)
        form.addRow(self.purpose_label, self.purpose_edit)

        self.files = QLabel(self)
        self.files.setWordWrap(True)
        self.files.setProperty("role", "hint")
        self.files.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.progress = QProgressBar(self)
        self.progress.setRange(0, 100)
        self.progress.hide()
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.buttons = QDialogButtonBox(self)
        self.save_button = QPushButton(self)
        self.save_button.setEnabled(False)
        self.save_button.setDefault(True)
        self.buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.close_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.save_button.clicked.connect(self.save)
        self.close_button.clicked.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.intro)
        layout.addWidget(split, 1)
        layout.addLayout(form)
        layout.addWidget(self.files)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)
        self.retranslate()
        ctx.language_changed.connect(lambda _l: self.retranslate())
        ctx.locked.connect(self.clear)
        self._load()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Share package"))
        self.heading.setText(self.tr("What the share package will contain"))
        self.intro.setText(
            self.tr(
                "Only the categories below go into the package, treated as shown. Private "
                "categories are left out completely: not their data, not their names, not "
                "their counts. Nothing is written until you choose Save."
            )
        )
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Category"),
                self.tr("Share level"),
                self.tr("Records"),
                self.tr("What happens to it"),
            ]
        )
        self.table.setAccessibleName(self.tr("Categories in the share package"))
        self.sample_table.setHorizontalHeaderLabels(
            [self.tr("In your vault"), self.tr("In the share package")]
        )
        self.sample_table.setAccessibleName(self.tr("Your records before and after"))
        self.removes.setAccessibleName(self.tr("What anonymizing removes"))
        self.recipient_label.setText(self.tr("Re&cipient (optional):"))
        self.recipient_edit.setAccessibleName(self.tr("Recipient"))
        self.recipient_edit.setPlaceholderText(self.tr("Who receives the package"))
        self.purpose_label.setText(self.tr("Pur&pose (optional):"))
        self.purpose_edit.setAccessibleName(self.tr("Purpose of sharing"))
        self.purpose_edit.setPlaceholderText(self.tr("What it will be used for"))
        self.save_button.setText(self.tr("&Save package…"))
        self.save_button.setAccessibleName(self.tr("Save package"))
        self.progress.setAccessibleName(self.tr("Writing progress"))
        self.close_button.setText(self.tr("Close"))
        self.close_button.setAccessibleName(self.tr("Close"))
        if self.plan is not None:
            self._fill(self.plan)

    def clear(self) -> None:
        """On lock: forget the preview, then close."""
        self.plan = None
        self.samples = {}
        self.table.setRowCount(0)
        self.sample_table.setRowCount(0)
        self.removes.clear()
        self.sample_heading.clear()
        self.recipient_edit.clear()
        self.purpose_edit.clear()
        self.files.clear()
        self.status.clear()
        self.save_button.setEnabled(False)
        self.reject()

    def level_text(self, level: str) -> str:
        return {
            "private": self.tr("Private"),
            "anonymized": self.tr("Anonymized"),
            "shared": self.tr("Shared"),
        }[level]

    def _load(self) -> None:
        self.status.setText(self.tr("Reading your choices…"))
        self._task = tasks.run_task(
            load_preview, self.ctx.vault, self.ctx.catalog(), self.ctx.lang, on_done=self._loaded
        )

    def _loaded(self, result: Any, error: BaseException | None) -> None:
        self._task = None
        if not self.ctx.is_unlocked:
            return
        if error is not None or result is None:
            self.status.setText(self.tr("The preview could not be made."))
            self.failed.emit(self.status.text())
            return
        plan, self.samples = result
        self.plan = plan
        self._fill(plan)
        self.preview_loaded.emit()

    def _fill(self, plan: PackagePreview) -> None:
        self.table.setRowCount(len(plan.items))
        for row, item in enumerate(plan.items):
            cells = [
                item.title,
                self.level_text(item.share),
                f"{item.records:,}",
                "\n".join(item.notes),
            ]
            for col, text in enumerate(cells):
                cell = QTableWidgetItem(text)
                if col == 2:
                    cell.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
                else:
                    cell.setTextAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
                self.table.setItem(row, col, cell)
        self.table.resizeRowsToContents()
        if plan.items:
            row = max(0, self.table.currentRow())
            self.table.setCurrentCell(row, 0)
            self._show_sample(row)
        else:
            self._show_sample(-1)
        if plan.items:
            self.files.setText(self.tr("Files: %1").replace("%1", ", ".join(plan.files)))
            self.status.setText(
                self.tr("Categories: %1 · records in total: %2.")
                .replace("%1", str(len(plan.items)))
                .replace("%2", f"{plan.total_records:,}")
            )
        else:
            self.files.setText(self.tr("Files: %1").replace("%1", ", ".join(plan.files)))
            self.status.setText(
                self.tr(
                    "Every category is private, so the package would hold only a README and "
                    "an empty list of choices. Change a category to Anonymized or Shared in "
                    "My choices first."
                )
            )
        self.save_button.setEnabled(True)

    # -- before / after ------------------------------------------------------------------
    def _show_sample(self, row: int) -> None:
        plan = self.plan
        if plan is None or not (0 <= row < len(plan.items)):
            self.sample_heading.setText(self.tr("Before and after"))
            self.removes.setText(
                self.tr("Nothing leaves this computer while every category is private.")
            )
            self.sample_table.setRowCount(0)
            return
        item = plan.items[row]
        rows = self.samples.get(item.category, [])
        self.sample_heading.setText(self.tr("Before and after: %1").replace("%1", item.title))
        self.removes.setText(self.removal_text(item.title, item.share, rows))
        loc = self.locale()
        self.sample_table.setRowCount(len(rows))
        for r, pair in enumerate(rows):
            for c, sample in enumerate((pair.before, pair.after)):
                cell = QTableWidgetItem(sample_text(loc, sample))
                cell.setTextAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
                self.sample_table.setItem(r, c, cell)
        self.sample_table.resizeRowsToContents()

    def removal_text(self, title: str, level: str, rows: list[samples_mod.BeforeAfter]) -> str:
        """In plain words what the package keeps of this category, from its own rows."""
        if level == "shared":
            return self.tr("Shared: your records go into the package exactly as imported.")
        if not rows:
            return self.tr("Anonymized: this category holds no records yet.")
        effects = samples_mod.effects(rows)
        if effects.dates_only:
            return self.tr(
                "Anonymizing keeps only the dates of %1: every other detail is removed."
            ).replace("%1", title)
        sep = self.tr(", ", "list separator")
        lines = []
        if effects.removed:
            lines.append(self.tr("Removed: %1.").replace("%1", sep.join(effects.removed)))
        if effects.pseudonymized:
            lines.append(
                self.tr(
                    "Replaced by a code that stays the same within this package only: %1."
                ).replace("%1", sep.join(effects.pseudonymized))
            )
        if effects.shortened:
            lines.append(
                self.tr(
                    "Shortened (IP addresses to their network, links to the site): %1."
                ).replace("%1", sep.join(effects.shortened))
            )
        if effects.times_to_day:
            lines.append(self.tr("Times become the day only."))
        if effects.kept:
            lines.append(self.tr("Kept as they are: %1.").replace("%1", sep.join(effects.kept)))
        return "\n".join(lines)

    def _ask_path(self) -> str:
        if SharePreviewDialog.ask_save_path is not None:
            return str(SharePreviewDialog.ask_save_path(self))
        dialog = self.save_dialog()
        if dialog.exec() != QFileDialog.DialogCode.Accepted:
            return ""
        files = dialog.selectedFiles()
        return files[0] if files else ""

    def save_dialog(self) -> QFileDialog:
        """The save dialog: its default suffix adds ``.zip`` *before* Qt's overwrite check
        (appending it afterwards silently replaced an existing file)."""
        dialog = QFileDialog(
            self,
            self.tr("Save share package"),
            str(Path.home() / "plainview-share.zip"),
            self.tr("Zip archive (*.zip)"),
        )
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setFileMode(QFileDialog.FileMode.AnyFile)
        dialog.setDefaultSuffix("zip")
        return dialog

    def save(self) -> None:
        if self.plan is None:
            return
        path = self._ask_path()
        if not path:
            return
        self.save_button.setEnabled(False)
        self.progress.setValue(0)
        self.progress.show()
        self.status.setText(self.tr("Writing the share package…"))
        self._task = tasks.run_task(
            write_package,
            self.ctx.vault,
            Path(path),
            self.ctx.catalog(),
            self.ctx.lang,
            self.recipient_edit.text().strip() or None,
            self.purpose_edit.text().strip() or None,
            on_done=self._saved,
            on_progress=self._progress,
        )

    def _progress(self, fraction: float, _label: str = "") -> None:
        self.progress.setValue(int(fraction * 100))

    def _saved(self, result: Any, error: BaseException | None) -> None:
        self._task = None
        self.progress.hide()
        self.save_button.setEnabled(True)
        if error is not None:
            message = getattr(error, "message", None) or self.tr(
                "The share package could not be written. Nothing was saved."
            )
            self.status.setText(str(message))
            self.failed.emit(str(message))
            return
        self.status.setText(self.tr("Saved to %1").replace("%1", str(result.path)))
        self.package_saved.emit(str(result.path))

    def reject(self) -> None:
        if self._task is not None:
            self._task.cancel()
        super().reject()
