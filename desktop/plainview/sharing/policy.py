"""Which policy (EEA, US, rest of world) an output that leaves the machine may name.

The report's policy line and the letters name a policy region; derived from the export's
account region they would tell the recipient where the account is, even when the person keeps
their profile category private. So outputs use the saved policy setting (the person chose it,
in Settings or with ``explain --policy``); without one they use the region-derived policy only
when the profile category is shared or anonymized, else the EEA policy (the app's default).
"""

from __future__ import annotations

import json
from typing import Final

from plainview.sharing import choices
from plainview.sharing.store import Source, reading

POLICIES: Final = ("eea", "us", "row")
# The GUI saves "ui.policy", the command line "policy".
SETTING_KEYS: Final = ("ui.policy", "policy")
PROFILE: Final = "tiktok.profile"


def saved_policy(src: Source) -> str | None:
    with reading(src) as conn:
        for key in SETTING_KEYS:
            row = conn.execute("SELECT value FROM settings WHERE key = ?", (key,)).fetchone()
            if row is None:
                continue
            try:
                value = json.loads(row[0])
            except ValueError:
                continue
            if value in POLICIES:
                return str(value)
    return None


def outward_policy(src: Source, derived: str) -> str:
    """The policy a report or letter may name (see the module docstring)."""
    saved = saved_policy(src)
    if saved is not None:
        return saved
    if choices.get_choices(src)[PROFILE].share == "private":
        return "eea"
    return derived if derived in POLICIES else "eea"
