"""Dialogs for a vault's life: the imports it holds (remove one), and deleting the vault
(the user types a word to confirm). Both call ``plainview.vault.lifecycle``."""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from plainview.dates import format_date
from plainview.errors import PlainviewError
from plainview.ui.context import AppContext
from plainview.ui.error_message import ErrorMessage
from plainview.ui.tasks import run_task

I18N_AREA = "shell"

log = logging.getLogger(__name__)


def _load(vault: Any) -> list[Any]:
    return list(vault.imports())


def _forget(vault: Any, import_id: int) -> Any:
    from plainview.vault import lifecycle

    return lifecycle.forget_import(vault, import_id)


class ImportsDialog(QDialog):
    """Every import of this vault; "Remove import…" forgets the selected one (records another
    import also holds stay). Emits ``import_removed(id)`` after a removal."""

    import_removed = Signal(int)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("Imports in this vault"))
        self.intro = QLabel(
            self.tr(
                "Every export you imported into this vault. Removing one deletes what only it "
                "brought; records that another import also has stay. The consent record "
                "keeps a line saying that you removed it."
            ),
            self,
        )
        self.intro.setWordWrap(True)
        self.tree = QTreeWidget(self)
        self.tree.setRootIsDecorated(False)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setAccessibleName(self.tr("Imports"))
        self.tree.setHeaderLabels(
            [
                self.tr("No."),
                self.tr("From"),
                self.tr("Imported on"),
                self.tr("Items"),
                self.tr("New"),
                self.tr("Status"),
            ]
        )
        self.tree.header().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.empty = QLabel(self.tr("Nothing has been imported into this vault yet."), self)
        self.empty.setProperty("role", "hint")
        self.empty.hide()
        self.outcome = QLabel(self)
        self.outcome.setProperty("role", "notice")
        self.outcome.setWordWrap(True)
        self.outcome.hide()
        self.error = ErrorMessage(self)
        self.error.set_prefix(self.tr("Error"))
        self.remove_button = QPushButton(self.tr("&Remove import…"), self)
        self.remove_button.setAccessibleName(self.tr("Remove the selected import"))
        self.remove_button.setEnabled(False)
        self.close_button = QPushButton(self.tr("Close"), self)
        self.close_button.setAccessibleName(self.tr("Close"))
        row = QHBoxLayout()
        row.addWidget(self.remove_button)
        row.addStretch(1)
        row.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.empty)
        layout.addWidget(self.outcome)
        layout.addWidget(self.error)
        layout.addLayout(row)
        self.tree.currentItemChanged.connect(lambda *_: self._update_buttons())
        self.remove_button.clicked.connect(self.remove_selected)
        self.close_button.clicked.connect(self.accept)
        self._busy = False
        self.resize(640, 380)
        self.reload()

    # -- loading -----------------------------------------------------------------------
    def reload(self) -> None:
        if not self.ctx.is_unlocked:
            return
        run_task(_load, self.ctx.vault, on_done=self._loaded)

    def _loaded(self, rows: Any, error: BaseException | None) -> None:
        if error is not None:
            if not isinstance(error, PlainviewError):
                raise error
            self.error.setText(error.message)
            return
        self.tree.clear()
        for row in rows:
            status = {
                "complete": self.tr("complete"),
                "cancelled": self.tr("cancelled"),
                "failed": self.tr("failed"),
                "running": self.tr("running"),
            }.get(row.status, row.status)
            platform = "TikTok" if row.platform == "tiktok" else row.platform
            source = platform + (f" · @{row.account}" if row.account else "")
            item = QTreeWidgetItem(
                [
                    str(row.id),
                    source,
                    format_date(row.started_at, self.ctx.lang),
                    self.locale().toString(row.records),
                    self.locale().toString(row.added),
                    status,
                ]
            )
            item.setData(0, Qt.ItemDataRole.UserRole, row.id)
            item.setToolTip(1, row.source_name)
            self.tree.addTopLevelItem(item)
        self.empty.setVisible(not rows)
        self.tree.setVisible(bool(rows))
        last = self.tree.topLevelItem(self.tree.topLevelItemCount() - 1) if rows else None
        if last is not None:
            self.tree.setCurrentItem(last)
        self._update_buttons()

    @property
    def selected_id(self) -> int | None:
        item = self.tree.currentItem()
        return None if item is None else int(item.data(0, Qt.ItemDataRole.UserRole))

    def _update_buttons(self) -> None:
        self.remove_button.setEnabled(self.selected_id is not None and not self._busy)

    # -- removing ----------------------------------------------------------------------
    def confirm(self, import_id: int) -> bool:
        """Test seam: ask before removing."""
        answer = QMessageBox.question(
            self,
            self.tr("Remove import"),
            self.tr(
                "Remove import %1 from this vault? What only this import brought is deleted; "
                "this cannot be undone. Records that another import also has stay."
            ).replace("%1", str(import_id)),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        return answer == QMessageBox.StandardButton.Yes

    @Slot()
    def remove_selected(self) -> None:
        import_id = self.selected_id
        if import_id is None or self._busy or not self.ctx.is_unlocked:
            return
        if not self.confirm(import_id):
            return
        self._busy = True
        self.error.clear()
        self._update_buttons()
        run_task(_forget, self.ctx.vault, import_id, on_done=self._removed)

    def _removed(self, result: Any, error: BaseException | None) -> None:
        self._busy = False
        if error is not None:
            self._update_buttons()
            if not isinstance(error, PlainviewError):
                raise error
            self.error.setText(error.message)
            return
        loc = self.locale()
        if result.removed == 1:
            text = self.tr("Import %1 was removed: 1 record deleted.")
        else:
            text = self.tr("Import %1 was removed: %2 records deleted.")
        text = text.replace("%1", str(result.import_id)).replace("%2", loc.toString(result.removed))
        if result.kept == 1:
            text += " " + self.tr("1 record stayed, because another import also has it.")
        elif result.kept:
            text += " " + self.tr(
                "%1 records stayed, because another import also has them."
            ).replace("%1", loc.toString(result.kept))
        self.outcome.setText(text)
        self.outcome.show()
        self.import_removed.emit(result.import_id)
        self.reload()


class DeleteVaultDialog(QDialog):
    """Delete the whole vault: enabled only once the user typed the confirmation word."""

    def __init__(self, label: str, folder: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Delete this vault"))
        self.word = self.tr("delete")
        self.text = QLabel(
            self.tr(
                "This deletes the vault “%1” in %2: every import, your choices, the consent "
                "record and its keys. It cannot be undone, and the recovery code will not "
                "bring it back. Exports you saved elsewhere (reports, share packages) and the "
                "original TikTok archive are not touched."
            )
            .replace("%1", label)
            .replace("%2", folder),
            self,
        )
        self.text.setWordWrap(True)
        self.prompt = QLabel(self.tr("Type %1 to confirm:").replace("%1", f"“{self.word}”"), self)
        self.field = QLineEdit(self)
        self.field.setAccessibleName(self.tr("Type %1 to confirm").replace("%1", self.word))
        self.prompt.setBuddy(self.field)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.delete_button = self.buttons.addButton(
            self.tr("Delete vault"), QDialogButtonBox.ButtonRole.DestructiveRole
        )
        self.delete_button.setAccessibleName(self.tr("Delete vault"))
        self.delete_button.setEnabled(False)
        self.delete_button.setAutoDefault(False)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        layout.addSpacing(6)
        layout.addWidget(self.prompt)
        layout.addWidget(self.field)
        layout.addWidget(self.buttons)
        self.field.textChanged.connect(self._changed)
        self.delete_button.clicked.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.resize(500, self.sizeHint().height())

    @property
    def confirmed(self) -> bool:
        return self.field.text().strip().casefold() == self.word.casefold()

    @Slot(str)
    def _changed(self, _text: str) -> None:
        self.delete_button.setEnabled(self.confirmed)

    def accept(self) -> None:
        if self.confirmed:
            super().accept()
