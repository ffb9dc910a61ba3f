"""Change the passphrase of the open vault: the current one first (someone at an unlocked,
unattended computer must not be able to lock the owner out), then the new one twice with the
strength meter; the check and the re-wrap run off the GUI thread
(``lifecycle.check_passphrase``, ``Vault.change_passphrase``, atomic on disk)."""

from __future__ import annotations

from typing import Any, ClassVar

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QProgressBar,
    QVBoxLayout,
    QWidget,
)

from plainview.errors import PlainviewError, WrongPassphrase
from plainview.ui.context import AppContext
from plainview.ui.error_message import ErrorMessage
from plainview.ui.passphrase_widgets import MIN_LENGTH, PassphraseField, StrengthMeter, acceptable
from plainview.ui.tasks import run_task


def _change(vault: Any, current: str, new_passphrase: str) -> None:
    from plainview.vault import lifecycle

    lifecycle.check_passphrase(vault, current)
    vault.change_passphrase(new_passphrase)


class ChangePassphraseDialog(QDialog):
    """Emits ``passphrase_changed`` once the new passphrase is in effect."""

    passphrase_changed = Signal()

    #: Test seam: the change runs through this (replaced to simulate failures).
    change: ClassVar[Any] = staticmethod(_change)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._intro = QLabel(self)
        self._intro.setWordWrap(True)
        self._current = PassphraseField(self)
        self._label0 = QLabel(self)
        self._label0.setBuddy(self._current)
        self._error = ErrorMessage(self)
        self._new1 = PassphraseField(self)
        self._new2 = PassphraseField(self)
        self._meter = StrengthMeter(self)
        self._label1 = QLabel(self)
        self._label2 = QLabel(self)
        self._label1.setBuddy(self._new1)
        self._label2.setBuddy(self._new2)
        self._problem = QLabel(self)
        self._problem.setProperty("role", "hint")
        self._problem.setWordWrap(True)
        self._busy = QProgressBar(self)
        self._busy.setRange(0, 0)
        self._busy.setTextVisible(False)
        self._busy.setMaximumHeight(8)
        self._busy.hide()
        form = QFormLayout()
        form.addRow(self._label0, self._current)
        form.addRow(self._label1, self._new1)
        form.addRow("", self._meter)
        form.addRow(self._label2, self._new2)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.apply)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self._intro)
        layout.addLayout(form)
        layout.addWidget(self._problem)
        layout.addWidget(self._error)
        layout.addWidget(self._busy)
        layout.addWidget(self.buttons)
        self._current.textChanged.connect(self._validate)
        self._new1.textChanged.connect(self._validate)
        self._new2.textChanged.connect(self._validate)
        self.retranslate()
        ctx.language_changed.connect(self.retranslate)
        self.setMinimumWidth(440)

    @property
    def ok_button(self) -> Any:
        return self.buttons.button(QDialogButtonBox.StandardButton.Ok)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Change passphrase"))
        self._intro.setText(
            self.tr(
                "Choose a new passphrase for this vault. Your recovery code stays the same and "
                "still works."
            )
        )
        self._label0.setText(self.tr("&Current passphrase:"))
        self._current.setAccessibleName(self.tr("Current passphrase"))
        self._error.set_prefix(self.tr("Error"))
        self._label1.setText(self.tr("&New passphrase:"))
        self._label2.setText(self.tr("&Repeat:"))
        self._new1.setAccessibleName(self.tr("New passphrase"))
        self._new2.setAccessibleName(self.tr("Repeat new passphrase"))
        self._new1.setPlaceholderText(self.tr("At least %n characters", "", MIN_LENGTH))
        self._busy.setAccessibleName(self.tr("Changing the passphrase"))
        self.ok_button.setText(self.tr("Change"))
        for button in self.buttons.buttons():
            button.setAccessibleName(button.text().replace("&", ""))
        self._current.retranslate()
        self._new1.retranslate()
        self._new2.retranslate()
        self._meter.retranslate()
        self._validate()

    @Slot()
    def _validate(self) -> None:
        first, second = self._new1.text(), self._new2.text()
        problem = self._meter.check(first, second)
        self._problem.setText(problem)
        ready = bool(self._current.text()) and first == second and acceptable(first)
        self.ok_button.setEnabled(ready and not self._busy.isVisible())

    @Slot()
    def apply(self) -> None:
        if not self.ok_button.isEnabled() or not self.ctx.is_unlocked:
            return
        current = self._current.take()
        new = self._new1.text()
        self._error.clear()
        self._busy.show()
        self.ok_button.setEnabled(False)
        run_task(type(self).change, self.ctx.vault, current, new, on_done=self._done)

    def _done(self, _result: Any, error: BaseException | None) -> None:
        self._busy.hide()
        if error is not None:
            if not isinstance(error, PlainviewError):
                raise error
            if isinstance(error, WrongPassphrase):
                self._error.setText(
                    self.tr(
                        "That is not the current passphrase of this vault. Nothing was changed."
                    )
                )
                self._current.setFocus()
            else:
                self._error.setText(error.message)
            self._validate()
            return
        self._new1.clear()
        self._new2.clear()
        self.passphrase_changed.emit()
        self.accept()
