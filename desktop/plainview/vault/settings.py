"""Small typed settings kept inside the encrypted vault (table ``settings``)."""

from __future__ import annotations

import json
from typing import Any

from plainview.vault.base import VaultBase


class Settings(VaultBase):
    """``get_setting`` / ``set_setting`` (JSON values, inside the encrypted vault)."""

    def get_setting(self, key: str, default: Any = None) -> Any:
        with self.read() as conn:
            row = conn.execute("SELECT value FROM settings WHERE key = ?", (key,)).fetchone()
        return default if row is None else json.loads(row[0])

    def set_setting(self, key: str, value: Any) -> None:
        text = json.dumps(value, ensure_ascii=False, sort_keys=True)
        with self.transaction() as conn:
            conn.execute(
                "INSERT INTO settings (key, value) VALUES (?, ?) "
                "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                (key, text),
            )
