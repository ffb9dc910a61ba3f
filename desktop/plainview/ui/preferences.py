"""Device preferences kept in QSettings: one table of keys with defaults (KeePassXC's
``Config``). Only language, theme, auto-lock minutes, window geometry and layout choices (the
folded explanation) live here — never personal data (SECURITY.md "Leak hygiene"); per-vault
choices live inside the vault."""

from __future__ import annotations

from pathlib import Path
from typing import Any, Final

from PySide6.QtCore import QByteArray, QSettings

from plainview import APP_NAME

LANGUAGES: Final = ("system", "en", "zh_CN")
THEMES: Final = ("system", "light", "dark")

DEFAULTS: Final[dict[str, Any]] = {
    "language": "system",
    "theme": "system",
    "auto_lock_minutes": 15,
    "window/geometry": QByteArray(),
    "category/explanation_shown": True,
}


class Preferences:
    """Typed access to the app's QSettings. Tests pass an ini file in a temp folder."""

    def __init__(self, settings: QSettings | None = None) -> None:
        self._s = settings if settings is not None else QSettings(APP_NAME, APP_NAME)

    @classmethod
    def at(cls, path: Path) -> Preferences:
        return cls(QSettings(str(path), QSettings.Format.IniFormat))

    def _get(self, key: str) -> Any:
        return self._s.value(key, DEFAULTS[key])

    def _set(self, key: str, value: Any) -> None:
        self._s.setValue(key, value)
        self._s.sync()

    @property
    def language(self) -> str:
        value = str(self._get("language"))
        return value if value in LANGUAGES else "system"

    @language.setter
    def language(self, value: str) -> None:
        self._set("language", value if value in LANGUAGES else "system")

    @property
    def theme(self) -> str:
        value = str(self._get("theme"))
        return value if value in THEMES else "system"

    @theme.setter
    def theme(self, value: str) -> None:
        self._set("theme", value if value in THEMES else "system")

    @property
    def auto_lock_minutes(self) -> int:
        try:
            value = int(self._get("auto_lock_minutes"))
        except (TypeError, ValueError):
            return int(DEFAULTS["auto_lock_minutes"])
        return max(0, min(value, 24 * 60))

    @auto_lock_minutes.setter
    def auto_lock_minutes(self, value: int) -> None:
        self._set("auto_lock_minutes", max(0, min(int(value), 24 * 60)))

    @property
    def explanation_shown(self) -> bool:
        """Whether the category page shows its explanation pane (the user can fold it)."""
        value = self._get("category/explanation_shown")
        if isinstance(value, str):  # an ini file gives "true" / "false" back
            return value.strip().lower() not in ("false", "0", "no")
        return bool(value)

    @explanation_shown.setter
    def explanation_shown(self, value: bool) -> None:
        self._set("category/explanation_shown", bool(value))

    @property
    def geometry(self) -> QByteArray:
        value = self._get("window/geometry")
        return value if isinstance(value, QByteArray) else QByteArray()

    @geometry.setter
    def geometry(self, value: QByteArray) -> None:
        self._set("window/geometry", value)

    @property
    def settings(self) -> QSettings:
        """The QSettings behind these preferences (the known vault folders live there too)."""
        return self._s

    def keys(self) -> list[str]:
        return list(self._s.allKeys())
