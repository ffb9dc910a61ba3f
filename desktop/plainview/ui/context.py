"""What every screen receives through its constructor: the open vault and the user's choices
of language and policy, plus the events screens react to. Not a registry: only these."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal

if TYPE_CHECKING:
    from plainview.ui.preferences import Preferences
    from plainview.vault import Vault


class AppContext(QObject):
    """Shared state of one running app window.

    Signals (events in the past tense):
    - ``unlocked``: a vault was opened; screens load their data.
    - ``locked``: the vault was locked; screens must drop every model and cached value.
    - ``data_changed``: an import finished or choices changed; screens reload.
    - ``language_changed(str)``: the UI language changed ("en" or "zh_CN").
    - ``policy_changed(str)``: the privacy policy used for explanations changed.
    """

    unlocked = Signal()
    locked = Signal()
    data_changed = Signal()
    language_changed = Signal(str)
    policy_changed = Signal(str)

    def __init__(
        self,
        lang: str = "en",
        policy: str = "eea",
        parent: QObject | None = None,
        *,
        vault_dir: Path | None = None,
        prefs: Preferences | None = None,
    ):
        super().__init__(parent)
        self._vault: Vault | None = None
        self.lang = lang
        self.policy = policy
        self._catalogs: dict[str, Any] = {}
        #: Where the vault lives (the first-run and unlock pages create/open it there).
        self.vault_dir = vault_dir
        #: Device preferences (language, theme, auto-lock; never personal data).
        self.prefs = prefs

    @property
    def vault(self) -> Vault:
        if self._vault is None:
            from plainview.errors import VaultLocked

            raise VaultLocked("The vault is locked.")
        return self._vault

    @property
    def is_unlocked(self) -> bool:
        return self._vault is not None and not self._vault.locked

    def set_vault(self, vault: Vault) -> None:
        self._vault = vault
        self.unlocked.emit()

    def lock(self) -> None:
        vault, self._vault = self._vault, None
        if vault is not None:
            vault.lock()
        from plainview.ui.file_dialogs import clear_file_dialog_history

        clear_file_dialog_history()  # folder names in Qt's dialog history can name someone
        self.locked.emit()

    def catalog(self) -> Any:
        """The catalog in the current language (loaded once per language)."""
        if self.lang not in self._catalogs:
            from plainview.catalog import load_catalog

            self._catalogs[self.lang] = load_catalog(self.lang)
        return self._catalogs[self.lang]

    def set_language(self, lang: str) -> None:
        if lang != self.lang:
            self.lang = lang
            self.language_changed.emit(lang)

    def set_policy(self, policy: str) -> None:
        if policy != self.policy:
            self.policy = policy
            self.policy_changed.emit(policy)
