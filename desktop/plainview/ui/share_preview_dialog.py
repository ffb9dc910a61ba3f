"""Share package preview: exactly what will be included, per category, before anything is
written; then a save dialog (test seam ``ask_save_path``) and the package is written off the
GUI thread."""

from __future__ import annotations

from pathlib import Path
from typing import Any, ClassVar

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from plainview.sharing import store
from plainview.sharing.package import PackagePreview, build_share_package, preview
from plainview.ui import tasks
from plainview.ui.context import AppContext


def load_preview(vault: Any, catalog: Any, lang: str) -> PackagePreview:
    return preview(store.worker_source(vault), catalog, lang)


def write_package(
    vault: Any, out: Path, catalog: Any, lang: str, progress: Any = None, cancel: Any = None
) -> Any:
    return build_share_package(
        store.worker_source(vault), out, catalog, lang=lang, progress=progress, cancel=cancel
    )


class SharePreviewDialog(QDialog):
    """Signals: ``preview_loaded()``, ``package_saved(str path)``, ``failed(str message)``."""

    preview_loaded = Signal()
    package_saved = Signal(str)
    failed = Signal(str)

    # Test seam: a callable (dialog) -> str path ("" = cancelled) replacing the file dialog.
    ask_save_path: ClassVar[Any] = None

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.plan: PackagePreview | None = None
        self._task: Any = None
        self.setMinimumSize(720, 460)
        self.heading = QLabel(self)
        self.heading.setProperty("role", "subtitle")
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self.table = QTableWidget(0, 4, self)
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setWordWrap(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
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
        layout.addWidget(self.table, 1)
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
        self.table.setRowCount(0)
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

    def _loaded(self, plan: PackagePreview | None, error: BaseException | None) -> None:
        self._task = None
        if not self.ctx.is_unlocked:
            return
        if error is not None or plan is None:
            self.status.setText(self.tr("The preview could not be made."))
            self.failed.emit(self.status.text())
            return
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
            self.files.setText(self.tr("Files: %1").replace("%1", ", ".join(plan.files)))
            self.status.setText(
                self.tr("%1 categories, %2 records in total.")
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
