"""Unlock: the passphrase opens the vault (KDF off the GUI thread); "Forgot your passphrase?"
sets a new one with the recovery code. Wrong input gets a calm sentence, a damaged vault a
plain explanation of what to do.

"Remember on this device" (only shown when a secure system keyring is there, see
``plainview.vault.device``): ticked, the unlock also saves a device key in the keyring; at
start-up ``unlock_remembered()`` then opens the vault without asking. Unticked on a remembered
vault, the unlock forgets the device. After a lock (button, Ctrl+L, idle) the passphrase is
asked again: the device key is used only when the app starts."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from plainview.errors import (
    PlainviewError,
    VaultDamaged,
    VaultNotFound,
    VaultTooNew,
    WrongPassphrase,
    WrongRecoveryCode,
)
from plainview.ui.context import AppContext
from plainview.ui.error_message import ErrorMessage
from plainview.ui.first_run_page import app_icon_label, centered
from plainview.ui.passphrase_widgets import MIN_LENGTH, PassphraseField, StrengthMeter, acceptable
from plainview.ui.tasks import run_task

log = logging.getLogger(__name__)


def _open(path: Path, passphrase: str, remember: bool | None = None) -> Any:
    """Open with the passphrase; ``remember`` True/False adds/removes the device slot
    (``None``: leave it). A keyring that refuses does not stop the unlock."""
    from plainview.vault import Vault

    vault = Vault.open(path, passphrase)
    if remember is None:
        return vault
    try:
        if remember and not Vault.remembered(path):
            vault.remember_on_device()
        elif not remember and Vault.remembered(path):
            vault.forget_device()
    except (PlainviewError, OSError) as exc:  # the vault is open: never lose it over this
        log.warning("could not change 'remember on this device' (%s)", type(exc).__name__)
    return vault


def device_state(path: Path | None) -> tuple[bool, bool]:
    """(a secure keyring is there, the vault in ``path`` is remembered on this device)."""
    from plainview.vault import Vault

    available = Vault.device_available()
    try:
        remembered = path is not None and Vault.remembered(path)
    except PlainviewError:
        remembered = False
    return available, remembered


def _open_remembered(path: Path) -> Any:
    from plainview.vault import Vault

    if not Vault.remembered(path):
        return None
    return Vault.open_with_device(path)


def _recover(path: Path, code: str, new_passphrase: str) -> Any:
    from plainview.vault import Vault

    Vault.recover(path, code, new_passphrase)
    return Vault.open(path, new_passphrase)


class UnlockPage(QWidget):
    """Emits ``vault_opened`` after ``ctx.set_vault`` received the opened vault."""

    vault_opened = Signal()
    #: The user asked for the list of vaults ("Open another vault…").
    other_vault_requested = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._vault_label: str | None = None
        self._steps = QStackedWidget(self)
        self._build_unlock()
        self._build_recover()
        centered(self._steps, self, width=460)
        self.retranslate()
        ctx.language_changed.connect(self.retranslate)
        self.refresh_device()

    # -- layout ------------------------------------------------------------------------
    def _build_unlock(self) -> None:
        page = QWidget(self._steps)
        self._title = QLabel(page)
        self._title.setProperty("role", "title")
        self._intro = QLabel(page)
        self._intro.setWordWrap(True)
        self._passphrase = PassphraseField(page)
        self._remember = QCheckBox(page)
        self._remember.hide()
        # What remembering costs, in plain words, shown with the box (before it is ticked).
        self._remember_cost = QLabel(page)
        self._remember_cost.setProperty("role", "hint")
        self._remember_cost.setWordWrap(True)
        self._remember_cost.hide()
        self._remembered = False  # the state the box was last loaded with
        self._message = ErrorMessage(page)
        self._busy = QProgressBar(page)
        self._busy.setRange(0, 0)
        self._busy.setTextVisible(False)
        self._busy.setMaximumHeight(8)
        self._busy.hide()
        self._unlock = QPushButton(page)
        self._unlock.setDefault(True)
        self._forgot = QPushButton(page)
        self._forgot.setFlat(True)
        self._forgot.setProperty("role", "link")
        self._other = QPushButton(page)
        self._other.setFlat(True)
        self._other.setProperty("role", "link")
        buttons = QHBoxLayout()
        buttons.addWidget(self._forgot)
        buttons.addStretch(1)
        buttons.addWidget(self._unlock)
        others = QHBoxLayout()
        others.addWidget(self._other)
        others.addStretch(1)
        layout = QVBoxLayout(page)
        layout.addWidget(app_icon_label(page))
        layout.addWidget(self._title)
        layout.addWidget(self._intro)
        layout.addSpacing(8)
        layout.addWidget(self._passphrase)
        layout.addWidget(self._remember)
        layout.addWidget(self._remember_cost)
        layout.addWidget(self._busy)
        layout.addWidget(self._message)
        layout.addLayout(buttons)
        layout.addSpacing(12)
        layout.addLayout(others)
        layout.addStretch(1)
        self._steps.addWidget(page)
        self._other.clicked.connect(self.other_vault_requested)
        self._passphrase.returnPressed.connect(self.unlock)
        self._unlock.clicked.connect(self.unlock)
        self._forgot.clicked.connect(self.show_recovery)

    def _build_recover(self) -> None:
        page = QWidget(self._steps)
        self._r_title = QLabel(page)
        self._r_title.setProperty("role", "title")
        self._r_intro = QLabel(page)
        self._r_intro.setWordWrap(True)
        self._code = QLineEdit(page)
        self._new1 = PassphraseField(page)
        self._new2 = PassphraseField(page)
        self._meter = StrengthMeter(page)
        self._code_label = QLabel(page)
        self._new1_label = QLabel(page)
        self._new2_label = QLabel(page)
        self._code_label.setBuddy(self._code)
        self._new1_label.setBuddy(self._new1)
        self._new2_label.setBuddy(self._new2)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(self._code_label, self._code)
        form.addRow(self._new1_label, self._new1)
        form.addRow("", self._meter)
        form.addRow(self._new2_label, self._new2)
        self._r_problem = QLabel(page)
        self._r_problem.setProperty("role", "hint")
        self._r_problem.setWordWrap(True)
        self._r_message = ErrorMessage(page)
        self._r_busy = QProgressBar(page)
        self._r_busy.setRange(0, 0)
        self._r_busy.setTextVisible(False)
        self._r_busy.setMaximumHeight(8)
        self._r_busy.hide()
        self._back = QPushButton(page)
        self._set_new = QPushButton(page)
        self._set_new.setDefault(True)
        self._set_new.setEnabled(False)
        buttons = QHBoxLayout()
        buttons.addWidget(self._back)
        buttons.addStretch(1)
        buttons.addWidget(self._set_new)
        layout = QVBoxLayout(page)
        layout.addWidget(self._r_title)
        layout.addWidget(self._r_intro)
        layout.addSpacing(8)
        layout.addLayout(form)
        layout.addWidget(self._r_problem)
        layout.addWidget(self._r_busy)
        layout.addWidget(self._r_message)
        layout.addLayout(buttons)
        layout.addStretch(1)
        self._steps.addWidget(page)
        for field in (self._code, self._new1, self._new2):
            field.textChanged.connect(self._validate_recovery)
        self._new2.returnPressed.connect(self._set_new.click)
        self._back.clicked.connect(self.show_unlock)
        self._set_new.clicked.connect(self.recover)

    def retranslate(self) -> None:
        self._title.setText(self.tr("Plainview is locked"))
        if self._vault_label:
            self._intro.setText(
                self.tr("Type the passphrase of the vault “%1” to open it.").replace(
                    "%1", self._vault_label
                )
            )
        else:
            self._intro.setText(self.tr("Type your passphrase to open your vault."))
        self._other.setText(self.tr("Open &another vault…"))
        self._other.setAccessibleName(self.tr("Open another vault"))
        self._other.setToolTip(self.tr("Choose another vault, or make a new one"))
        self._passphrase.setPlaceholderText(self.tr("Passphrase"))
        self._passphrase.setAccessibleName(self.tr("Passphrase"))
        self._busy.setAccessibleName(self.tr("Opening your vault"))
        self._unlock.setText(self.tr("&Unlock"))
        self._unlock.setAccessibleName(self.tr("Unlock"))
        self._remember.setText(self.tr("R&emember on this device"))
        self._remember.setAccessibleName(self.tr("Remember on this device"))
        self._remember.setToolTip(
            self.tr(
                "Plainview then opens without your passphrase for anyone who can sign in to "
                "this computer as you; it keeps the key in the system keyring."
            )
        )
        for box in (self._message, self._r_message):
            box.set_prefix(self.tr("Error"))
        self._remember_cost.setText(
            self.tr(
                "Anyone who can sign in to this computer as you can then open the vault. If "
                "your system keyring has no password of its own (common with automatic "
                "login), it keeps the key unencrypted, and a copy of your home folder opens "
                "the vault too."
            )
        )
        self._remember_cost.setAccessibleName(self.tr("What remembering costs"))
        self._forgot.setText(self.tr("&Forgot your passphrase?"))
        self._forgot.setAccessibleName(self.tr("Forgot your passphrase?"))
        self._r_title.setText(self.tr("Set a new passphrase"))
        self._r_intro.setText(
            self.tr(
                "Type the recovery code you saved when you created the vault, then choose a "
                "new passphrase. Dashes and letter case do not matter."
            )
        )
        self._code_label.setText(self.tr("Recovery &code:"))
        self._new1_label.setText(self.tr("&New passphrase:"))
        self._new2_label.setText(self.tr("&Repeat:"))
        self._code.setAccessibleName(self.tr("Recovery code"))
        self._new1.setAccessibleName(self.tr("New passphrase"))
        self._new2.setAccessibleName(self.tr("Repeat new passphrase"))
        self._new1.setPlaceholderText(self.tr("At least %n characters", "", MIN_LENGTH))
        self._r_busy.setAccessibleName(self.tr("Setting the new passphrase"))
        self._back.setText(self.tr("&Back"))
        self._back.setAccessibleName(self.tr("Back"))
        self._set_new.setText(self.tr("&Set new passphrase"))
        self._set_new.setAccessibleName(self.tr("Set new passphrase"))
        for field in (self._passphrase, self._new1, self._new2):
            field.retranslate()
        self._meter.retranslate()
        self._validate_recovery()

    def set_vault_label(self, label: str | None) -> None:
        """Name the vault this form opens (from the list of known vaults)."""
        self._vault_label = label
        self.retranslate()

    # -- state -------------------------------------------------------------------------
    @property
    def message(self) -> str:
        current = self._r_message if self.in_recovery else self._message
        return current.text()

    @property
    def in_recovery(self) -> bool:
        return self._steps.currentIndex() == 1

    @property
    def busy(self) -> bool:
        return self._busy.isVisible() or self._r_busy.isVisible()

    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        (self._code if self.in_recovery else self._passphrase).setFocus()

    @Slot()
    def show_unlock(self) -> None:
        self._clear_recovery_fields()
        self._r_message.clear()
        self._steps.setCurrentIndex(0)
        self._passphrase.setFocus()

    @Slot()
    def show_recovery(self) -> None:
        self._passphrase.clear()
        self._message.clear()
        self._steps.setCurrentIndex(1)
        self._code.setFocus()

    def _clear_recovery_fields(self) -> None:
        for field in (self._code, self._new1, self._new2):
            field.clear()

    def clear(self) -> None:
        """Reset to the plain unlock form (called on lock)."""
        self._passphrase.clear()
        self._message.clear()
        self.show_unlock()
        self.refresh_device()

    def refresh(self) -> None:
        """Nothing to load: the page works while locked."""

    def _explain(self, error: BaseException) -> str:
        if isinstance(error, WrongRecoveryCode):
            return self.tr(
                "That recovery code does not match this vault. Check each group of letters "
                "and digits and try again."
            )
        if isinstance(error, WrongPassphrase):
            return self.tr(
                "That passphrase does not open this vault. Check Caps Lock and the keyboard "
                "layout, then try again."
            )
        if isinstance(error, VaultDamaged):
            return self.tr(
                "Your vault could not be read: one of its files is damaged. Nothing was "
                "changed. Restore the vault folder from a backup, or import your TikTok "
                "export again into a new vault."
            )
        if isinstance(error, VaultTooNew):
            return self.tr(
                "This vault was made by a newer version of Plainview. Install the newer "
                "version to open it."
            )
        if isinstance(error, VaultNotFound):
            return self.tr("There is no vault in this folder any more.")
        assert isinstance(error, PlainviewError)
        return error.message

    # -- unlock ------------------------------------------------------------------------
    @Slot()
    def unlock(self) -> None:
        if self.busy or self.ctx.vault_dir is None:
            return
        passphrase = self._passphrase.take()
        if not passphrase:
            self._message.setText(self.tr("Type your passphrase first."))
            return
        self._message.clear()
        self._set_busy(True)
        # Only a change the user made to the box acts (a stale state must not forget).
        checked = self._remember.isChecked()
        remember = checked if self.remember_offered and checked != self._remembered else None
        run_task(_open, self.ctx.vault_dir, passphrase, remember, on_done=self._opened)

    def _set_busy(self, busy: bool) -> None:
        (self._r_busy if self.in_recovery else self._busy).setVisible(busy)
        for w in (
            self._passphrase,
            self._remember,
            self._unlock,
            self._forgot,
            self._other,
            self._back,
            self._set_new,
        ):
            w.setEnabled(not busy)
        for field in (self._code, self._new1, self._new2):
            field.setEnabled(not busy)
        if not busy:
            self._validate_recovery()

    def _opened(self, vault: Any, error: BaseException | None) -> None:
        self._set_busy(False)
        if error is not None:
            if not isinstance(error, PlainviewError):
                raise error
            label = self._r_message if self.in_recovery else self._message
            label.setText(self._explain(error))
            (self._code if isinstance(error, WrongRecoveryCode) else self._passphrase).setFocus()
            return
        self._clear_recovery_fields()
        self._steps.setCurrentIndex(0)
        self.ctx.set_vault(vault)
        self.vault_opened.emit()

    # -- recover -----------------------------------------------------------------------
    @Slot()
    def _validate_recovery(self) -> None:
        first, second = self._new1.text(), self._new2.text()
        problem = self._meter.check(first, second)
        self._r_problem.setText(problem)
        ready = bool(self._code.text().strip()) and first == second and acceptable(first)
        self._set_new.setEnabled(ready and not self._r_busy.isVisible())

    @Slot()
    def recover(self) -> None:
        if not self._set_new.isEnabled() or self.ctx.vault_dir is None:
            return
        code = self._code.text().strip()
        new = self._new1.take()
        self._new2.clear()
        self._r_message.clear()
        self._set_busy(True)
        run_task(_recover, self.ctx.vault_dir, code, new, on_done=self._opened)

    # -- remember on this device ---------------------------------------------------------
    @property
    def remember_offered(self) -> bool:
        """The "Remember on this device" box is shown (a secure keyring is there)."""
        return not self._remember.isHidden()

    def refresh_device(self) -> None:
        """Ask (off the GUI thread: a keyring may answer slowly) whether the box is offered."""
        run_task(device_state, self.ctx.vault_dir, on_done=self._device_state_loaded)

    def _device_state_loaded(self, state: Any, error: BaseException | None) -> None:
        if error is not None:
            log.warning("could not ask the keyring (%s)", type(error).__name__)
            state = (False, False)
        available, remembered = state
        self._remembered = bool(available and remembered)
        self._remember.setVisible(bool(available))
        self._remember_cost.setVisible(bool(available))
        self._remember.setChecked(self._remembered)

    def unlock_remembered(self) -> bool:
        """At start-up: open with the key saved on this device, if the vault is remembered and
        the keyring gives it. Returns whether an attempt started; the passphrase form stays
        usable when it fails (with a sentence saying so)."""
        if self.busy or self.ctx.vault_dir is None or self.ctx.is_unlocked:
            return False
        from plainview.vault import Vault

        try:  # a small file read: no busy bar flashing on every start of a vault not remembered
            if not Vault.remembered(self.ctx.vault_dir):
                return False
        except PlainviewError:
            return False  # the passphrase unlock will explain what is wrong
        self._message.clear()
        self._set_busy(True)
        run_task(_open_remembered, self.ctx.vault_dir, on_done=self._remembered_opened)
        return True

    def _remembered_opened(self, vault: Any, error: BaseException | None) -> None:
        if error is None and vault is None:  # not remembered: nothing to say
            self._set_busy(False)
            return
        if error is not None:
            self._set_busy(False)
            if not isinstance(error, PlainviewError):
                raise error
            log.info("the device key did not open the vault (%s)", type(error).__name__)
            if isinstance(error, VaultDamaged | VaultTooNew | VaultNotFound):
                self._message.setText(self._explain(error))
            else:
                self._message.setText(
                    self.tr(
                        "Plainview could not open your vault with the key saved on this "
                        "device. Type your passphrase."
                    )
                )
            self._passphrase.setFocus()
            return
        self._opened(vault, None)
