"""Country groups that several policies use (Qt-free, no dependencies)."""

from __future__ import annotations

from typing import Final

# Member countries of the EEA: the EU 27 plus Iceland, Liechtenstein and Norway (ISO codes).
EEA_MEMBERS: Final = frozenset(
    {
        "AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IE",
        "IT", "LV", "LT", "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE",
        "IS", "LI", "NO",
    }
)  # fmt: skip
