"""Re-encrypt the vault with a new data key (``Vault.rotate_data_key``), from Settings.

Typing the passphrase is the confirmation. The work runs off the GUI thread; the new recovery
code is then shown once (the old one stops working), with Copy, and the dialog closes only
after the user confirms they kept it."""

from __future__ import annotations

import logging
from typing import Any, ClassVar, Final

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from plainview.errors import PlainviewError, WrongPassphrase
from plainview.ui import clipboard
from plainview.ui.context import AppContext
from plainview.ui.passphrase_widgets import PassphraseField, recovery_code_label
from plainview.ui.tasks import run_task

I18N_AREA = "shell"
log = logging.getLogger(__name__)


#: Vault setting: True from a rotation until the user confirms they saved its new recovery
#: code. A lock in between (auto-lock while the code was on screen) closes the dialog and
#: forgets the code; the main window then says so after the next unlock.
UNSAVED_CODE: Final = "rekey.recovery_code_unsaved"


def _rotate(vault: Any, passphrase: str) -> str:
    code = str(vault.rotate_data_key(passphrase))
    vault.set_setting(UNSAVED_CODE, True)
    return code


class RekeyDialog(QDialog):
    """Emits ``rekeyed`` once the vault uses its new key."""

    rekeyed = Signal()

    #: Test seam: the rotation runs through this (replaced to simulate failures).
    rotate: ClassVar[Any] = staticmethod(_rotate)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._code = ""
        self._steps = QStackedWidget(self)
        self._build_ask()
        self._build_code()
        layout = QVBoxLayout(self)
        layout.addWidget(self._steps)
        self.retranslate()
        ctx.language_changed.connect(self.retranslate)
        ctx.locked.connect(self._on_locked)
        self.setMinimumWidth(480)

    @Slot()
    def _on_locked(self) -> None:
        """Locking closes the dialog whatever its step (the code must not stay on screen)."""
        self._forget()
        self.done(QDialog.DialogCode.Rejected)

    # -- layout ------------------------------------------------------------------------
    def _build_ask(self) -> None:
        page = QWidget(self._steps)
        self._intro = QLabel(page)
        self._intro.setWordWrap(True)
        self._label = QLabel(page)
        self._passphrase = PassphraseField(page)
        self._label.setBuddy(self._passphrase)
        self._message = QLabel(page)
        self._message.setProperty("role", "error")
        self._message.setWordWrap(True)
        self._busy = QProgressBar(page)
        self._busy.setRange(0, 0)
        self._busy.setTextVisible(False)
        self._busy.setMaximumHeight(8)
        self._busy.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, page
        )
        self.buttons.accepted.connect(self.apply)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._intro)
        layout.addSpacing(4)
        layout.addWidget(self._label)
        layout.addWidget(self._passphrase)
        layout.addWidget(self._busy)
        layout.addWidget(self._message)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        self._steps.addWidget(page)
        self._passphrase.textChanged.connect(self._validate)
        self._passphrase.returnPressed.connect(self.apply)

    def _build_code(self) -> None:
        page = QWidget(self._steps)
        self._code_intro = QLabel(page)
        self._code_intro.setWordWrap(True)
        self._code_label = recovery_code_label(page)
        self._copy = QPushButton(page)
        self._copy.clicked.connect(self.copy_code)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self._copy)
        row.addStretch(1)
        self._confirm = QCheckBox(page)
        self._close = QPushButton(page)
        self._close.setDefault(True)
        self._close.setEnabled(False)
        self._confirm.toggled.connect(self._close.setEnabled)
        self._close.clicked.connect(self.accept)
        end = QHBoxLayout()
        end.addStretch(1)
        end.addWidget(self._close)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._code_intro)
        layout.addSpacing(8)
        layout.addWidget(self._code_label)
        layout.addLayout(row)
        layout.addSpacing(8)
        layout.addWidget(self._confirm)
        layout.addStretch(1)
        layout.addLayout(end)
        self._steps.addWidget(page)

    @property
    def ok_button(self) -> Any:
        return self.buttons.button(QDialogButtonBox.StandardButton.Ok)

    @property
    def showing_code(self) -> bool:
        return self._steps.currentIndex() == 1

    @property
    def busy(self) -> bool:
        return not self._busy.isHidden()

    @property
    def message(self) -> str:
        return self._message.text()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Re-encrypt with a new key"))
        self._intro.setText(
            self.tr(
                "Plainview re-encrypts your whole vault with a new random key, in case the "
                "old one could have been copied. Your passphrase stays the same. Your "
                "recovery code changes: the new one is shown once, and the old one stops "
                "working. If this computer remembers the vault, it will ask for the "
                "passphrase again next time."
            )
        )
        self._label.setText(self.tr("Type your &passphrase to confirm:"))
        self._passphrase.setAccessibleName(self.tr("Passphrase"))
        self._busy.setAccessibleName(self.tr("Re-encrypting the vault"))
        self.ok_button.setText(self.tr("Re-encrypt"))
        for button in self.buttons.buttons():
            button.setAccessibleName(button.text().replace("&", ""))
        self._code_intro.setText(
            self.tr(
                "Done: your vault now uses a new key. This is your new recovery code. It is "
                "shown only once: write it down or keep it somewhere safe, away from this "
                "computer. Your old recovery code no longer works."
            )
        )
        self._code_label.setAccessibleName(self.tr("New recovery code"))
        self._copy.setText(self.tr("&Copy"))
        self._copy.setAccessibleName(self.tr("Copy recovery code"))
        self._confirm.setText(self.tr("I have saved my new recovery code"))
        self._confirm.setAccessibleName(self.tr("I have saved my new recovery code"))
        self._close.setText(self.tr("&Close"))
        self._close.setAccessibleName(self.tr("Close"))
        self._passphrase.retranslate()
        self._validate()

    # -- work --------------------------------------------------------------------------
    @Slot()
    def _validate(self) -> None:
        self.ok_button.setEnabled(bool(self._passphrase.text()) and not self.busy)

    @Slot()
    def apply(self) -> None:
        if not self.ok_button.isEnabled() or not self.ctx.is_unlocked:
            return
        passphrase = self._passphrase.take()
        self._message.clear()
        self._busy.show()
        self._passphrase.setEnabled(False)
        self.buttons.setEnabled(False)
        run_task(type(self).rotate, self.ctx.vault, passphrase, on_done=self._done)

    def _done(self, code: Any, error: BaseException | None) -> None:
        self._busy.hide()
        self._passphrase.setEnabled(True)
        self.buttons.setEnabled(True)
        self._validate()
        if error is not None:
            if not isinstance(error, PlainviewError):
                raise error
            if isinstance(error, WrongPassphrase):
                self._message.setText(self.tr("That passphrase is not right. Nothing was changed."))
            else:
                text = error.message + (f" {error.hint}" if error.hint else "")
                self._message.setText(text)
            self._passphrase.setFocus()
            return
        self._code = str(code)
        self._code_label.setText(self._code)
        self._steps.setCurrentIndex(1)
        self._copy.setFocus()
        self.rekeyed.emit()

    @Slot()
    def copy_code(self) -> None:
        if self._code:
            clipboard.copy_secret(self._code)

    @property
    def recovery_code(self) -> str:
        return self._code

    def reject(self) -> None:
        if self.busy:
            return  # the rotation finishes first (it is not cancellable half-way)
        if self.showing_code and not self._confirm.isChecked():
            return
        self._forget()
        super().reject()

    def accept(self) -> None:
        if self.showing_code and self._confirm.isChecked() and self.ctx.is_unlocked:
            try:
                self.ctx.vault.set_setting(UNSAVED_CODE, False)
            except PlainviewError:
                log.warning("could not record that the recovery code was saved")
        self._forget()
        super().accept()

    def _forget(self) -> None:
        self._code = ""
        self._code_label.clear()
