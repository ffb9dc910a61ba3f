"""First run: create the vault (passphrase twice, strength meter, a plain warning), then show
the recovery code once with Copy and Save…, and ask the user to confirm they kept it."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any, ClassVar

from PySide6.QtCore import Signal, Slot
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from plainview.errors import PlainviewError
from plainview.safe_write import write_private
from plainview.ui import clipboard
from plainview.ui.context import AppContext
from plainview.ui.passphrase_widgets import (
    MIN_LENGTH,
    PassphraseField,
    StrengthMeter,
    acceptable,
    recovery_code_label,
)
from plainview.ui.tasks import run_task

log = logging.getLogger(__name__)


def _create_vault(path: Path, passphrase: str, kdf: Any) -> tuple[Any, str]:
    from plainview.vault import Vault

    vault, code = Vault.create(path, passphrase, kdf)
    return vault, str(code)


def app_icon_label(parent: QWidget, size: int = 56) -> QLabel:
    """The app's icon, as a calm header for the locked and first-run screens."""
    label = QLabel(parent)
    icon = QGuiApplication.windowIcon()
    if not icon.isNull():
        label.setPixmap(icon.pixmap(size, size))
    label.setAccessibleName("Plainview")
    return label


def centered(content: QWidget, parent: QWidget, width: int = 520) -> QVBoxLayout:
    """Lay ``content`` out as a calm centred column in ``parent``."""
    content.setMaximumWidth(width)
    content.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
    outer = QVBoxLayout(parent)
    outer.addStretch(1)
    row = QHBoxLayout()
    row.addStretch(1)
    row.addWidget(content, 10)
    row.addStretch(1)
    outer.addLayout(row)
    outer.addStretch(2)
    return outer


class FirstRunPage(QWidget):
    """Creates the vault at ``ctx.vault_dir``; emits ``vault_created`` once the user has
    confirmed the recovery code (the vault is then handed to ``ctx.set_vault``)."""

    vault_created = Signal()

    #: Test seam: KDF parameters for new vaults (None = the vault's calibrated default).
    kdf_params: ClassVar[Any] = None

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._vault: Any = None
        self._code = ""
        self._steps = QStackedWidget(self)
        self._build_passphrase_step()
        self._build_code_step()
        centered(self._steps, self)
        self.retranslate()
        ctx.language_changed.connect(self.retranslate)

    # -- test seam -----------------------------------------------------------------
    @classmethod
    def ask_save_path(cls, parent: QWidget, title: str, suggested: str) -> str:
        """Where to save the recovery code ("" = cancelled). Tests replace this."""
        path, _ = QFileDialog.getSaveFileName(parent, title, suggested, "Text (*.txt)")
        return path

    # -- layout ------------------------------------------------------------------------
    def _build_passphrase_step(self) -> None:
        page = QWidget(self._steps)
        self._title = QLabel(page)
        self._title.setProperty("role", "title")
        self._intro = QLabel(page)
        self._intro.setWordWrap(True)
        self._pass1 = PassphraseField(page)
        self._pass2 = PassphraseField(page)
        self._meter = StrengthMeter(page)
        self._pass_label = QLabel(page)
        self._repeat_label = QLabel(page)
        self._pass_label.setBuddy(self._pass1)
        self._repeat_label.setBuddy(self._pass2)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(self._pass_label, self._pass1)
        form.addRow("", self._meter)
        form.addRow(self._repeat_label, self._pass2)
        self._problem = QLabel(page)
        self._problem.setProperty("role", "hint")
        self._problem.setWordWrap(True)
        self._warning = QLabel(page)
        self._warning.setProperty("role", "notice")
        self._warning.setWordWrap(True)
        self._busy = QProgressBar(page)
        self._busy.setRange(0, 0)
        self._busy.setTextVisible(False)
        self._busy.setMaximumHeight(8)
        self._busy.hide()
        self._busy_label = QLabel(page)
        self._busy_label.setProperty("role", "hint")
        self._busy_label.hide()
        self._create = QPushButton(page)
        self._create.setDefault(True)
        self._create.setEnabled(False)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self._create)
        layout = QVBoxLayout(page)
        layout.addWidget(app_icon_label(page))
        layout.addWidget(self._title)
        layout.addWidget(self._intro)
        layout.addSpacing(8)
        layout.addLayout(form)
        layout.addWidget(self._problem)
        layout.addWidget(self._warning)
        layout.addWidget(self._busy_label)
        layout.addWidget(self._busy)
        layout.addLayout(buttons)
        layout.addStretch(1)
        self._steps.addWidget(page)
        self._pass1.textChanged.connect(self._validate)
        self._pass2.textChanged.connect(self._validate)
        self._pass1.returnPressed.connect(self._pass2.setFocus)
        self._pass2.returnPressed.connect(self._create.click)
        self._create.clicked.connect(self._start_create)

    def _build_code_step(self) -> None:
        page = QWidget(self._steps)
        self._code_title = QLabel(page)
        self._code_title.setProperty("role", "title")
        self._code_intro = QLabel(page)
        self._code_intro.setWordWrap(True)
        self._code_label = recovery_code_label(page)
        self._copy = QPushButton(page)
        self._save = QPushButton(page)
        self._saved_note = QLabel(page)
        self._saved_note.setProperty("role", "hint")
        self._saved_note.setWordWrap(True)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self._copy)
        row.addWidget(self._save)
        row.addStretch(1)
        self._confirm = QCheckBox(page)
        self._continue = QPushButton(page)
        self._continue.setDefault(True)
        self._continue.setEnabled(False)
        end = QHBoxLayout()
        end.addStretch(1)
        end.addWidget(self._continue)
        layout = QVBoxLayout(page)
        layout.addWidget(self._code_title)
        layout.addWidget(self._code_intro)
        layout.addSpacing(8)
        layout.addWidget(self._code_label)
        layout.addLayout(row)
        layout.addWidget(self._saved_note)
        layout.addSpacing(8)
        layout.addWidget(self._confirm)
        layout.addLayout(end)
        layout.addStretch(1)
        self._steps.addWidget(page)
        self._copy.clicked.connect(self.copy_code)
        self._save.clicked.connect(self.save_code)
        self._confirm.toggled.connect(self._continue.setEnabled)
        self._continue.clicked.connect(self.finish)

    def retranslate(self) -> None:
        self._title.setText(self.tr("Create your vault"))
        self._intro.setText(
            self.tr(
                "Plainview keeps your TikTok data encrypted on this computer and never "
                "connects to the internet. While it is locked or closed, a copy of its folder "
                "reveals nothing. Choose a passphrase: you will type it each time you open "
                "Plainview."
            )
        )
        self._pass_label.setText(self.tr("&Passphrase:"))
        self._repeat_label.setText(self.tr("&Repeat:"))
        self._pass1.setAccessibleName(self.tr("Passphrase"))
        self._pass2.setAccessibleName(self.tr("Repeat passphrase"))
        self._pass1.setPlaceholderText(self.tr("At least %n characters", "", MIN_LENGTH))
        self._warning.setText(
            self.tr(
                "If you forget your passphrase, only the recovery code shown next can open "
                "your vault. Nobody else can recover it, not even the makers of Plainview."
            )
        )
        self._busy_label.setText(self.tr("Creating your vault. This takes a few seconds…"))
        self._busy.setAccessibleName(self.tr("Creating your vault"))
        self._create.setText(self.tr("&Create vault"))
        self._create.setAccessibleName(self.tr("Create vault"))
        self._code_title.setText(self.tr("Your recovery code"))
        self._code_intro.setText(
            self.tr(
                "This code opens your vault if you forget your passphrase. It is shown only "
                "once. Write it down or save it somewhere safe, away from this computer."
            )
        )
        self._code_label.setAccessibleName(self.tr("Recovery code"))
        self._copy.setText(self.tr("&Copy"))
        self._copy.setAccessibleName(self.tr("Copy recovery code"))
        self._save.setText(self.tr("&Save…"))
        self._save.setAccessibleName(self.tr("Save recovery code to a file"))
        self._confirm.setText(self.tr("I have saved my recovery code"))
        self._confirm.setAccessibleName(self.tr("I have saved my recovery code"))
        self._continue.setText(self.tr("C&ontinue"))
        self._continue.setAccessibleName(self.tr("Continue"))
        self._pass1.retranslate()
        self._pass2.retranslate()
        self._meter.retranslate()
        self._validate()

    # -- behaviour -------------------------------------------------------------------
    @property
    def recovery_code(self) -> str:
        """The code while it is on screen (tests read it from here)."""
        return self._code

    @property
    def on_code_step(self) -> bool:
        return self._steps.currentIndex() == 1

    def reset(self) -> None:
        self._pass1.clear()
        self._pass2.clear()
        self._code = ""
        self._code_label.clear()
        self._confirm.setChecked(False)
        self._saved_note.clear()
        self._steps.setCurrentIndex(0)
        self._set_busy(False)
        self._validate()

    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        if self._steps.currentIndex() == 0:
            self._pass1.setFocus()

    @Slot()
    def _validate(self) -> None:
        first, second = self._pass1.text(), self._pass2.text()
        problem = self._meter.check(first, second)
        self._problem.setText(problem)
        ready = bool(first) and first == second and acceptable(first)
        self._create.setEnabled(ready and not self._busy.isVisible())

    def _set_busy(self, busy: bool) -> None:
        self._busy.setVisible(busy)
        self._busy_label.setVisible(busy)
        for w in (self._pass1, self._pass2):
            w.setEnabled(not busy)
        self._create.setEnabled(not busy)

    @Slot()
    def _start_create(self) -> None:
        if not self._create.isEnabled() or self.ctx.vault_dir is None:
            return
        passphrase = self._pass1.take()
        self._pass2.clear()
        self._set_busy(True)
        run_task(
            _create_vault,
            self.ctx.vault_dir,
            passphrase,
            self.kdf_params,
            on_done=self._created,
        )

    def _created(self, result: Any, error: BaseException | None) -> None:
        self._set_busy(False)
        if error is not None:
            if not isinstance(error, PlainviewError):
                raise error
            self._validate()
            self._problem.setText(error.message)
            return
        self._vault, self._code = result
        self._code_label.setText(self._code)
        self._steps.setCurrentIndex(1)
        self._copy.setFocus()

    @Slot()
    def copy_code(self) -> None:
        if self._code:
            clipboard.copy_secret(self._code)
            self._saved_note.setText(
                self.tr(
                    "Copied. Paste it somewhere safe now: the clipboard is cleared after a "
                    "minute and when you lock."
                )
            )

    @Slot()
    def save_code(self) -> None:
        if not self._code:
            return
        path = self.ask_save_path(
            self, self.tr("Save recovery code"), "plainview-recovery-code.txt"
        )
        if not path:
            return
        text = "\n".join(
            [
                self.tr("Plainview recovery code"),
                "",
                self._code,
                "",
                self.tr(
                    "This code opens your Plainview vault if you forget your passphrase. "
                    "Keep it away from the computer the vault is on."
                ),
                "",
            ]
        )
        # Like every output: temp file (0600), replace; a link or FIFO at the path is
        # replaced, never followed or opened; off the GUI thread.
        run_task(write_private, path, text.encode("utf-8"), on_done=self._saved)

    def _saved(self, result: Any, error: BaseException | None) -> None:
        if error is not None:
            self._saved_note.setText(self.tr("The file could not be saved. Try another folder."))
            return
        self._saved_note.setText(self.tr("Saved to %1.").replace("%1", Path(result).name))

    @Slot()
    def finish(self) -> None:
        if not self._confirm.isChecked() or self._vault is None:
            return
        vault, self._vault = self._vault, None
        self._code = ""
        self._code_label.clear()
        self._saved_note.clear()
        self._confirm.setChecked(False)
        self._steps.setCurrentIndex(0)
        self.ctx.set_vault(vault)
        self.vault_created.emit()

    def clear(self) -> None:
        """On lock: forget everything, including a created-but-unconfirmed vault."""
        if self._vault is not None:
            self._vault.lock()
            self._vault = None
        self.reset()

    def refresh(self) -> None:
        """Nothing to load: the page works before a vault exists."""
