"""The vault folders this device knows, for the vault chooser and the switcher.

Kept in QSettings next to the device preferences: only each folder's path and the label the
user gave it ("Me", "Participant 07"), plus which one was opened last. Nothing from inside a
vault goes here (no account, no counts): SECURITY.md "Leak hygiene"."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Final

from PySide6.QtCore import QSettings

_ARRAY: Final = "vaults/known"
_LAST: Final = "vaults/last"
MAX_LABEL: Final = 80


@dataclass(frozen=True, slots=True)
class KnownVault:
    path: Path
    label: str

    @property
    def exists(self) -> bool:
        from plainview.vault import Vault

        return Vault.exists(self.path)


def _key(path: Path) -> str:
    return str(Path(path).expanduser().absolute())


def clean_label(label: str) -> str:
    return " ".join(label.split())[:MAX_LABEL]


class KnownVaults:
    """Typed access to the list; every change is written at once (``sync``)."""

    def __init__(self, settings: QSettings | None) -> None:
        # Without preferences (a bare AppContext), an ini file in memory only: nothing saved.
        self._s = settings if settings is not None else QSettings("", QSettings.Format.IniFormat)

    def all(self) -> list[KnownVault]:
        out: list[KnownVault] = []
        seen: set[str] = set()
        size = self._s.beginReadArray(_ARRAY)
        try:
            for i in range(size):
                self._s.setArrayIndex(i)
                path = str(self._s.value("path", "") or "")
                if not path or path in seen:
                    continue
                seen.add(path)
                label = clean_label(str(self._s.value("label", "") or ""))
                out.append(KnownVault(Path(path), label))
        finally:
            self._s.endArray()
        return out

    def _write(self, items: list[KnownVault]) -> None:
        self._s.remove(_ARRAY)
        self._s.beginWriteArray(_ARRAY, len(items))
        for i, item in enumerate(items):
            self._s.setArrayIndex(i)
            self._s.setValue("path", _key(item.path))
            self._s.setValue("label", clean_label(item.label))
        self._s.endArray()
        self._s.sync()

    def find(self, path: Path) -> KnownVault | None:
        key = _key(path)
        return next((v for v in self.all() if _key(v.path) == key), None)

    def label_for(self, path: Path) -> str | None:
        found = self.find(path)
        return found.label if found else None

    def add(self, path: Path, label: str) -> KnownVault:
        """Add (or relabel) a folder; returns the entry as stored."""
        entry = KnownVault(Path(_key(path)), clean_label(label))
        items = [v for v in self.all() if _key(v.path) != _key(path)]
        self._write([*items, entry])
        return entry

    def rename(self, path: Path, label: str) -> None:
        items = [
            KnownVault(v.path, clean_label(label) or v.label) if _key(v.path) == _key(path) else v
            for v in self.all()
        ]
        self._write(items)

    def remove(self, path: Path) -> None:
        """Forget the folder here (the vault itself is not touched)."""
        self._write([v for v in self.all() if _key(v.path) != _key(path)])
        if self.last == Path(_key(path)):
            self._s.remove(_LAST)
            self._s.sync()

    @property
    def last(self) -> Path | None:
        value = str(self._s.value(_LAST, "") or "")
        return Path(value) if value else None

    @last.setter
    def last(self, path: Path | None) -> None:
        if path is None:
            self._s.remove(_LAST)
        else:
            self._s.setValue(_LAST, _key(path))
        self._s.sync()
