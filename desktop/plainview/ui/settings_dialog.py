"""Settings: language, appearance, auto-lock and the privacy policy used for explanations.
Every change applies at once (no Apply button); language switches the whole UI live.

"This device": whether the vault is remembered in the system keyring, with "Forget this
device" when it is, or a plain sentence when no secure keyring is there."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from plainview.errors import PlainviewError
from plainview.ui import theme
from plainview.ui.context import AppContext
from plainview.ui.i18n import resolve_language
from plainview.ui.preferences import Preferences
from plainview.ui.tasks import run_task
from plainview.ui.unlock_page import device_state

POLICIES = ("eea", "us", "row")
POLICY_SETTING = "ui.policy"


def stored_policy(vault: Any) -> str | None:
    value = vault.get_setting(POLICY_SETTING, None)
    return value if value in POLICIES else None


def _find_key(value: Any, key: str, depth: int = 0) -> str | None:
    if depth > 6:
        return None
    if isinstance(value, dict):
        found = value.get(key)
        if isinstance(found, str) and 0 < len(found) <= 8:
            return found
        children: Any = value.values()
    elif isinstance(value, list):
        children = value[:20]
    else:
        return None
    for child in children:
        hit = _find_key(child, key, depth + 1)
        if hit:
            return hit
    return None


def account_region(vault: Any) -> str | None:
    """The account's region code (e.g. "FR") as the export states it: the importer's result,
    else the profile's ``accountRegion``, else the last location's ``LastRegion``."""
    try:
        for row in reversed(vault.imports()):
            result = getattr(row, "result", None)
            if isinstance(result, dict):
                for key in ("account_region", "region"):
                    value = result.get(key)
                    if isinstance(value, str) and 0 < len(value) <= 8:
                        return value
        for category, key in (
            ("tiktok.profile", "accountRegion"),
            ("tiktok.location", "LastRegion"),
        ):
            for record in vault.records(category, limit=5):
                region = _find_key(record.fields, key)
                if region and region.upper() not in ("N/A", "NA", "NONE"):
                    return region.upper()
    except PlainviewError:
        return None
    return None


def default_policy(ctx: AppContext) -> str:
    """Saved choice, else derived from the export's account region, else EEA."""
    vault = ctx.vault
    saved = stored_policy(vault)
    if saved is not None:
        return saved
    region = account_region(vault)
    if region:
        try:
            return str(ctx.catalog().policy_for_region(region))
        except Exception:
            return "eea"
    return "eea"


class SettingsDialog(QDialog):
    """Emits ``theme_changed(str)`` and ``auto_lock_changed(int minutes)``; language and policy
    go through the AppContext."""

    theme_changed = Signal(str)
    auto_lock_changed = Signal(int)
    #: The user asked for the vault's imports / to delete the vault (the window does both).
    imports_requested = Signal()
    delete_vault_requested = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.prefs = ctx.prefs if ctx.prefs is not None else Preferences()
        self.language = QComboBox(self)
        self.theme = QComboBox(self)
        self.auto_lock = QSpinBox(self)
        self.auto_lock.setRange(0, 24 * 60)
        self.policy = QComboBox(self)
        self.policy_note = QLabel(self)
        self.policy_note.setProperty("role", "hint")
        self.policy_note.setWordWrap(True)
        self._labels = [QLabel(self) for _ in range(4)]
        form = QFormLayout()
        for label, field in zip(
            self._labels, (self.language, self.theme, self.auto_lock, self.policy), strict=True
        ):
            label.setBuddy(field)
            form.addRow(label, field)
        form.addRow("", self.policy_note)
        self.change_passphrase = QPushButton(self)
        self.change_passphrase.clicked.connect(self.open_change_passphrase)
        row = QHBoxLayout()
        row.addWidget(self.change_passphrase)
        self.rekey = QPushButton(self)
        self.rekey.clicked.connect(self.open_rekey)
        row.addWidget(self.rekey)
        row.addStretch(1)
        form.addRow("", row)
        self._device_label = QLabel(self)
        self.device_note = QLabel(self)
        self.device_note.setWordWrap(True)
        self.device_note.setProperty("role", "hint")
        self.forget_device = QPushButton(self)
        self.forget_device.hide()
        self.forget_device.clicked.connect(self._forget_device)
        device_box = QVBoxLayout()
        device_box.addWidget(self.device_note)
        forget_row = QHBoxLayout()
        forget_row.addWidget(self.forget_device)
        forget_row.addStretch(1)
        device_box.addLayout(forget_row)
        form.addRow(self._device_label, device_box)
        self._vault_label = QLabel(self)
        self.imports_button = QPushButton(self)
        self.delete_vault_button = QPushButton(self)
        self.imports_button.clicked.connect(self.imports_requested)
        self.delete_vault_button.clicked.connect(self.delete_vault_requested)
        vault_row = QHBoxLayout()
        vault_row.addWidget(self.imports_button)
        vault_row.addWidget(self.delete_vault_button)
        vault_row.addStretch(1)
        form.addRow(self._vault_label, vault_row)
        self._device: tuple[bool, bool] | None = None
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.buttons.rejected.connect(self.reject)
        self.buttons.accepted.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        self.protection_title = QLabel(self)
        self.protection_title.setProperty("role", "subtitle")
        self.protection = QLabel(self)
        self.protection.setWordWrap(True)
        self.protection.setProperty("role", "hint")
        layout.addSpacing(8)
        layout.addWidget(self.protection_title)
        layout.addWidget(self.protection)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        self._filling = False
        self.retranslate()
        self._load()
        self.language.currentIndexChanged.connect(self._language_chosen)
        self.theme.currentIndexChanged.connect(self._theme_chosen)
        self.auto_lock.valueChanged.connect(self._auto_lock_chosen)
        self.policy.currentIndexChanged.connect(self._policy_chosen)
        ctx.language_changed.connect(self.retranslate)
        self.setMinimumWidth(460)

    def retranslate(self) -> None:
        self._filling = True
        self.setWindowTitle(self.tr("Settings"))
        texts = (
            self.tr("&Language:"),
            self.tr("&Appearance:"),
            self.tr("Auto-&lock:"),
            self.tr("&Privacy policy:"),
        )
        for label, text in zip(self._labels, texts, strict=True):
            label.setText(text)
        self._fill(
            self.language,
            [
                ("system", self.tr("System default")),
                ("en", "English"),
                ("zh_CN", "简体中文"),
            ],
        )
        self._fill(
            self.theme,
            [
                ("system", self.tr("Follow the system")),
                ("light", self.tr("Light")),
                ("dark", self.tr("Dark")),
            ],
        )
        self._fill(
            self.policy,
            [
                ("eea", self.tr("EEA, UK and Switzerland")),
                ("us", self.tr("United States")),
                ("row", self.tr("Other regions")),
            ],
        )
        self.auto_lock.setSpecialValueText(self.tr("Never"))
        self.auto_lock.setSuffix(self.tr(" min"))
        self.auto_lock.setToolTip(self.tr("Lock after this many minutes without input (0 = never)"))
        self.language.setAccessibleName(self.tr("Language"))
        self.theme.setAccessibleName(self.tr("Appearance"))
        self.auto_lock.setAccessibleName(self.tr("Auto-lock after minutes without input"))
        self.policy.setAccessibleName(self.tr("Privacy policy used for explanations"))
        self._device_label.setText(self.tr("This device:"))
        self.forget_device.setText(self.tr("&Forget this device"))
        self.forget_device.setAccessibleName(self.tr("Forget this device"))
        self.forget_device.setToolTip(
            self.tr("Remove the key saved in the system keyring; the passphrase is asked again.")
        )
        self._update_device_note()
        self._vault_label.setText(self.tr("This vault:"))
        self.imports_button.setText(self.tr("&Imports…"))
        self.imports_button.setAccessibleName(self.tr("Imports in this vault"))
        self.imports_button.setToolTip(self.tr("See every import and remove one"))
        self.delete_vault_button.setText(self.tr("&Delete this vault…"))
        self.delete_vault_button.setAccessibleName(self.tr("Delete this vault"))
        self.change_passphrase.setText(self.tr("C&hange passphrase…"))
        self.change_passphrase.setAccessibleName(self.tr("Change passphrase"))
        self.rekey.setText(self.tr("&Re-encrypt with a new key…"))
        self.rekey.setAccessibleName(self.tr("Re-encrypt with a new key"))
        self.rekey.setToolTip(
            self.tr("A new random key for the whole vault; you get a new recovery code.")
        )
        self.protection_title.setText(self.tr("What Plainview protects"))
        self.protection.setText(
            self.tr(
                "While Plainview is locked or closed, a copy of its folder, a backup or a "
                "synced folder reveals nothing of your data. Nothing leaves this computer "
                "unless you export it. Plainview cannot protect you from malware running on "
                "this computer while it is unlocked, and the export file TikTok gave you is "
                "not encrypted: delete it when you no longer need it."
            )
        )
        for button in self.buttons.buttons():
            button.setAccessibleName(button.text().replace("&", ""))
        self._update_policy_note()
        self._filling = False

    def _fill(self, combo: QComboBox, entries: list[tuple[str, str]]) -> None:
        current = combo.currentData()
        combo.blockSignals(True)
        combo.clear()
        for value, text in entries:
            combo.addItem(text, value)
        if current is not None:
            combo.setCurrentIndex(max(0, combo.findData(current)))
        combo.blockSignals(False)

    def _load(self) -> None:
        self._filling = True
        self.language.setCurrentIndex(max(0, self.language.findData(self.prefs.language)))
        self.theme.setCurrentIndex(max(0, self.theme.findData(self.prefs.theme)))
        self.auto_lock.setValue(self.prefs.auto_lock_minutes)
        self.policy.setCurrentIndex(max(0, self.policy.findData(self.ctx.policy)))
        self.policy.setEnabled(self.ctx.is_unlocked)
        self.change_passphrase.setEnabled(self.ctx.is_unlocked)
        self.imports_button.setEnabled(self.ctx.is_unlocked)
        self.delete_vault_button.setEnabled(self.ctx.is_unlocked)
        self.rekey.setEnabled(self.ctx.is_unlocked)
        self._update_policy_note()
        self._filling = False
        self.refresh_device()

    def _update_policy_note(self) -> None:
        region = account_region(self.ctx.vault) if self.ctx.is_unlocked else None
        if region:
            note = self.tr(
                "Explanations quote the TikTok privacy policy for this region. Your export "
                "says your account region is %1."
            ).replace("%1", region)
        else:
            note = self.tr("Explanations quote the TikTok privacy policy for this region.")
        self.policy_note.setText(note)

    # -- changes -----------------------------------------------------------------------
    @Slot()
    def open_change_passphrase(self) -> None:
        from plainview.ui.change_passphrase_dialog import ChangePassphraseDialog

        dialog = ChangePassphraseDialog(self.ctx, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    @Slot()
    def open_rekey(self) -> Any:
        from plainview.ui.rekey_dialog import RekeyDialog

        dialog = RekeyDialog(self.ctx, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.rekeyed.connect(self.refresh_device)
        dialog.open()
        return dialog

    @Slot(int)
    def _language_chosen(self, _index: int) -> None:
        if self._filling:
            return
        choice = str(self.language.currentData())
        self.prefs.language = choice
        self.ctx.set_language(resolve_language(choice))

    @Slot(int)
    def _theme_chosen(self, _index: int) -> None:
        if self._filling:
            return
        choice = str(self.theme.currentData())
        self.prefs.theme = choice
        app = QApplication.instance()
        if isinstance(app, QApplication):
            theme.apply_theme(app, choice)
        self.theme_changed.emit(choice)

    @Slot(int)
    def _auto_lock_chosen(self, minutes: int) -> None:
        if self._filling:
            return
        self.prefs.auto_lock_minutes = minutes
        self.auto_lock_changed.emit(minutes)

    @Slot(int)
    def _policy_chosen(self, _index: int) -> None:
        if self._filling or not self.ctx.is_unlocked:
            return
        choice = str(self.policy.currentData())
        self.ctx.vault.set_setting(POLICY_SETTING, choice)
        self.ctx.set_policy(choice)

    # -- this device ---------------------------------------------------------------------
    def refresh_device(self) -> None:
        path = self.ctx.vault.path if self.ctx.is_unlocked else self.ctx.vault_dir
        run_task(device_state, path, on_done=self._device_loaded)

    def _device_loaded(self, state: Any, error: BaseException | None) -> None:
        self._device = (False, False) if error is not None else state
        self._update_device_note()

    @property
    def device_remembered(self) -> bool | None:
        """Whether the vault is remembered here (``None`` until the keyring answered)."""
        return None if self._device is None else self._device[1]

    def _update_device_note(self) -> None:
        if self._device is None:
            self.device_note.setText(self.tr("Checking the system keyring…"))
            self.forget_device.hide()
            return
        available, remembered = self._device
        if remembered:
            text = self.tr(
                "Plainview opens without your passphrase when it starts on this computer: "
                "its key is kept in the system keyring."
            )
        elif available:
            text = self.tr(
                "To open Plainview without your passphrase on this computer, tick "
                "“Remember on this device” when you unlock it."
            )
        else:
            text = self.tr(
                "Remembering the vault on this computer is not available: there is no secure "
                "system keyring. Plainview opens with your passphrase."
            )
        self.device_note.setText(text)
        self.forget_device.setVisible(remembered)
        self.forget_device.setEnabled(remembered and self.ctx.is_unlocked)
        self._fit_height()

    def _fit_height(self) -> None:
        """Grow to fit texts that arrive after the dialog was shown (the keyring's answer)."""
        layout = self.layout()
        if layout is None:
            return
        layout.activate()
        needed = layout.totalHeightForWidth(self.width())
        if needed > self.height():
            self.resize(self.width(), needed)

    @Slot()
    def _forget_device(self) -> None:
        if not self.ctx.is_unlocked:
            return
        self.forget_device.setEnabled(False)
        run_task(self.ctx.vault.forget_device, on_done=self._forgotten)

    def _forgotten(self, _result: Any, error: BaseException | None) -> None:
        if error is not None:
            if not isinstance(error, PlainviewError):
                raise error
            self.device_note.setText(error.message)  # already plain words, from the core
            self.forget_device.setEnabled(self.ctx.is_unlocked)
            return
        self.refresh_device()
