"""Letters: the privacy statement and the ready-to-send request letters; view, edit, copy,
save.

Name and account stay ``[placeholders]`` unless the person types them here; Plainview never
fills them in from the imported data. The letters follow as the person types (a short pause,
then they are prepared again off the GUI thread). The text can be edited before copying;
Copy and Save take exactly what is shown (a change still being prepared is waited for), and
an edited document keeps its edits until "Reset text".
"""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any, ClassVar

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from plainview.sharing import store
from plainview.sharing.letters import KINDS, Letter, letter
from plainview.sharing.statement import privacy_statement
from plainview.ui import tasks
from plainview.ui.context import AppContext

STATEMENT = "statement"
#: Milliseconds of no typing before the letters are prepared again with the typed name.
TYPING_PAUSE_MS = 250


@dataclass
class Documents:
    statement: str
    letters: list[Letter]


def load_documents(
    vault: Any, catalog: Any, lang: str, policy: str, name: str, account: str
) -> Documents:
    src = store.worker_source(vault)
    return Documents(
        privacy_statement(src, catalog, lang).text(),
        [
            letter(
                src,
                catalog,
                k,
                lang=lang,
                policy=policy,
                name=name or None,
                account=account or None,
            )
            for k in KINDS
        ],
    )


def write_text_file(path: Path, text: str) -> None:
    fd, tmp = tempfile.mkstemp(prefix=".plainview-letter-", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


class LettersDialog(QDialog):
    """Signals: ``documents_loaded()``, ``saved(str path)``, ``copied()``."""

    documents_loaded = Signal()
    saved = Signal(str)
    copied = Signal()

    # Test seam: callable (dialog, suggested_name) -> str path ("" = cancelled).
    ask_save_path: ClassVar[Any] = None

    def __init__(
        self, ctx: AppContext, parent: QWidget | None = None, initial: str = STATEMENT
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.initial = initial
        self.docs: Documents | None = None
        self.setMinimumSize(820, 540)
        self.list = QListWidget(self)
        self.list.setMinimumWidth(260)
        self.list.setWordWrap(True)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.text = QPlainTextEdit(self)
        self.text.setTabChangesFocus(True)
        self._edited: dict[str, str] = {}  # document key -> the person's own version
        self._showing = False  # setPlainText from code, not an edit
        self._generation = 0  # the newest load; older results are dropped
        self._in_flight = False
        self._pending_action: str | None = None  # "copy" / "save" waiting for a load
        self._typing = QTimer(self)
        self._typing.setSingleShot(True)
        self._typing.setInterval(TYPING_PAUSE_MS)
        self._typing.timeout.connect(self._load)
        self.name_edit = QLineEdit(self)
        self.account_edit = QLineEdit(self)
        self.name_edit.setClearButtonEnabled(True)
        self.account_edit.setClearButtonEnabled(True)
        self.note = QLabel(self)
        self.note.setWordWrap(True)
        self.note.setProperty("role", "hint")
        self.routes = QLabel(self)
        self.routes.setWordWrap(True)
        self.routes.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.status = QLabel(self)
        self.status.setProperty("role", "hint")
        self.copy_button = QPushButton(self)
        self.save_button = QPushButton(self)
        self.reset_button = QPushButton(self)
        self.reset_button.setEnabled(False)
        self.reset_button.clicked.connect(self.reset_text)
        self.copy_button.clicked.connect(self.copy)
        self.save_button.clicked.connect(self.save)
        self.buttons = QDialogButtonBox(self)
        self.close_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.close_button.clicked.connect(self.reject)

        self.form = QFormLayout()
        self.name_label = QLabel(self)
        self.account_label = QLabel(self)
        self.name_label.setBuddy(self.name_edit)
        self.account_label.setBuddy(self.account_edit)
        self.form.addRow(self.name_label, self.name_edit)
        self.form.addRow(self.account_label, self.account_edit)

        right = QWidget(self)
        rl = QVBoxLayout(right)
        rl.setContentsMargins(0, 0, 0, 0)
        rl.addWidget(self.text, 1)
        rl.addWidget(self.routes)
        split = QSplitter(Qt.Orientation.Horizontal, self)
        split.addWidget(self.list)
        split.addWidget(right)
        split.setStretchFactor(1, 1)
        split.setChildrenCollapsible(False)
        split.setSizes([300, 560])

        actions = QHBoxLayout()
        actions.addWidget(self.copy_button)
        actions.addWidget(self.save_button)
        actions.addWidget(self.reset_button)
        actions.addWidget(self.status, 1)
        actions.addWidget(self.buttons)

        layout = QVBoxLayout(self)
        layout.addWidget(self.note)
        layout.addLayout(self.form)
        layout.addWidget(split, 1)
        layout.addLayout(actions)
        self.setTabOrder(self.name_edit, self.account_edit)
        self.setTabOrder(self.account_edit, self.list)
        self.setTabOrder(self.list, self.text)
        self.setTabOrder(self.text, self.copy_button)
        self.setTabOrder(self.copy_button, self.save_button)
        self.setTabOrder(self.save_button, self.reset_button)

        self.list.currentRowChanged.connect(self._show)
        self.name_edit.textChanged.connect(self._typed)
        self.account_edit.textChanged.connect(self._typed)
        self.text.textChanged.connect(self._text_edited)
        self.retranslate()
        ctx.language_changed.connect(self._on_language)
        ctx.locked.connect(self.clear)
        self._load()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Privacy statement and letters"))
        self.note.setText(
            self.tr(
                "Pick a document on the left. Letters are addressed only through TikTok's "
                "published contact routes. Plainview does not fill in your name or account: "
                "type them below if you want them in the letters, or replace the parts in "
                "[brackets] before sending. You can also change the text itself before "
                "copying or saving it."
            )
        )
        self.name_label.setText(self.tr("Your &name (optional):"))
        self.account_label.setText(self.tr("Your TikTok &username (optional):"))
        self.name_edit.setAccessibleName(self.tr("Your name"))
        self.account_edit.setAccessibleName(self.tr("Your TikTok username"))
        self.list.setAccessibleName(self.tr("Documents"))
        self.text.setAccessibleName(self.tr("Document text"))
        self.copy_button.setText(self.tr("&Copy"))
        self.save_button.setText(self.tr("&Save as text…"))
        self.copy_button.setAccessibleName(self.tr("Copy the document"))
        self.save_button.setAccessibleName(self.tr("Save the document as a text file"))
        self.reset_button.setText(self.tr("&Reset text"))
        self.reset_button.setAccessibleName(self.tr("Reset the text to the prepared letter"))
        self.reset_button.setToolTip(self.tr("Undo your changes to this document"))
        self.close_button.setText(self.tr("Close"))
        self.close_button.setAccessibleName(self.tr("Close"))

    def clear(self) -> None:
        """On lock: forget every document and typed value, then close."""
        self.docs = None
        self._typing.stop()
        self._edited.clear()
        self._pending_action = None
        self._generation += 1
        self.list.clear()
        self._showing = True
        self.text.clear()
        self._showing = False
        self.routes.clear()
        self.name_edit.clear()
        self.account_edit.clear()
        self.reject()

    def _on_language(self, _lang: str) -> None:
        self.retranslate()
        self._load()

    def _catalog(self) -> Any:
        try:
            return self.ctx.catalog()
        except Exception:
            from plainview.catalog import load_catalog

            return load_catalog("en")

    def _typed(self, _text: str) -> None:
        self._typing.start()  # prepared again once the typing pauses

    @property
    def preparing(self) -> bool:
        """A change of name or username is not in the shown letters yet."""
        return self._typing.isActive() or self._in_flight

    def _load(self) -> None:
        self._typing.stop()
        if not self.ctx.is_unlocked:
            return
        self.status.setText(self.tr("Preparing…"))
        self._generation += 1
        generation = self._generation
        self._in_flight = True
        tasks.run_task(
            load_documents,
            self.ctx.vault,
            self._catalog(),
            self.ctx.lang,
            self.ctx.policy,
            self.name_edit.text().strip(),
            self.account_edit.text().strip(),
            on_done=lambda docs, error: self._loaded(docs, error, generation),
        )

    def _loaded(
        self, docs: Documents | None, error: BaseException | None, generation: int = -1
    ) -> None:
        if not self.ctx.is_unlocked:
            return
        if generation not in (-1, self._generation):
            return  # the person typed on: a newer load is coming
        self._in_flight = False
        if error is not None or docs is None:
            self._pending_action = None
            self.status.setText(self.tr("The letters could not be prepared."))
            return
        keep = self.current_key() or self.initial
        self.docs = docs
        self.list.blockSignals(True)
        self.list.clear()
        item = QListWidgetItem(self.tr("My privacy statement"))
        item.setData(Qt.ItemDataRole.UserRole, STATEMENT)
        self.list.addItem(item)
        for doc in docs.letters:
            label = doc.title
            if doc.suggested:
                label = self.tr("%1 (suggested by your answers)").replace("%1", doc.title)
            item = QListWidgetItem(label)
            item.setData(Qt.ItemDataRole.UserRole, doc.kind)
            self.list.addItem(item)
        self.list.blockSignals(False)
        keys = [self.list.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.list.count())]
        self.list.setCurrentRow(keys.index(keep) if keep in keys else 0)
        self._show(self.list.currentRow())
        self.status.clear()
        self.documents_loaded.emit()
        action, self._pending_action = self._pending_action, None
        if action == "copy" and not self.preparing:
            self.copy()
        elif action == "save" and not self.preparing:
            self.save()

    def current_key(self) -> str | None:
        item = self.list.currentItem()
        return None if item is None else str(item.data(Qt.ItemDataRole.UserRole))

    def current_text(self) -> str:
        return self.text.toPlainText()

    def _generated(self, key: str | None) -> str:
        if self.docs is None:
            return ""
        if key == STATEMENT:
            return self.docs.statement
        doc = next((d for d in self.docs.letters if d.kind == key), None)
        return doc.body if doc is not None else ""

    def _set_text(self, text: str) -> None:
        self._showing = True
        try:
            self.text.setPlainText(text)
        finally:
            self._showing = False

    def _text_edited(self) -> None:
        if self._showing:
            return
        key = self.current_key()
        if key is None:
            return
        text = self.text.toPlainText()
        if text == self._generated(key):
            self._edited.pop(key, None)
        else:
            self._edited[key] = text
        self.reset_button.setEnabled(key in self._edited)

    def reset_text(self) -> None:
        """Back to the prepared document (with the typed name and username)."""
        key = self.current_key()
        if key is None:
            return
        self._edited.pop(key, None)
        self._set_text(self._generated(key))
        self.reset_button.setEnabled(False)

    def _show(self, row: int) -> None:
        if self.docs is None or row < 0:
            return
        key = self.current_key()
        self.reset_button.setEnabled(key in self._edited)
        if key == STATEMENT:
            self._set_text(self._edited.get(STATEMENT, self.docs.statement))
            self.routes.clear()
            return
        doc = next(d for d in self.docs.letters if d.kind == key)
        self._set_text(self._edited.get(doc.kind, doc.body))
        self.routes.setText(
            self.tr("Categories concerned: %1").replace(
                "%1",
                self.tr(", ", "list separator").join(doc.category_titles)
                or self.tr("all your data"),
            )
        )

    def copy(self) -> None:
        if self.preparing:  # the typed name is on its way into the text: copy that
            self._pending_action = "copy"
            if self._typing.isActive():
                self._load()
            return
        try:
            from plainview.ui.clipboard import copy_secret
        except ImportError:  # the shell's helper is not there: plain copy
            from PySide6.QtGui import QGuiApplication

            QGuiApplication.clipboard().setText(self.current_text())
        else:
            copy_secret(self.current_text())
        self._record_export(self.tr("copied to the clipboard"))
        self.status.setText(self.tr("Copied."))
        self.copied.emit()

    def _record_export(self, where: str) -> None:
        """The consent ledger keeps that this letter or statement left Plainview."""
        from plainview.sharing import choices as choices_mod

        key = self.current_key() or STATEMENT
        what = "statement" if key == STATEMENT else "letter"
        if self.ctx.is_unlocked:
            detail = choices_mod.shown_detail(self.ctx.vault, f"{key}: {where}")
            choices_mod.record_export(self.ctx.vault, what, detail)

    def _ask_path(self, suggested: str) -> str:
        if LettersDialog.ask_save_path is not None:
            return str(LettersDialog.ask_save_path(self, suggested))
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save as text"), str(Path.home() / suggested), self.tr("Text (*.txt)")
        )
        return path

    def save(self) -> None:
        if self.preparing:
            self._pending_action = "save"
            if self._typing.isActive():
                self._load()
            return
        key = self.current_key() or STATEMENT
        path = self._ask_path(f"plainview-{key.replace('_', '-')}.txt")
        if not path:
            return
        try:
            write_text_file(Path(path), self.current_text())
        except OSError:
            self.status.setText(self.tr("The file could not be saved. Choose another folder."))
            return
        self._record_export(Path(path).name)
        self.status.setText(self.tr("Saved."))
        self.saved.emit(path)
