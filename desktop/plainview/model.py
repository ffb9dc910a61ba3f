"""Plain data shared by every layer: category ids, share levels, the normalized record.

No Qt, no I/O. The category ids are a public contract (DESIGN.md): add, never rename.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any, Final, Literal

TIKTOK_CATEGORIES: Final[tuple[str, ...]] = (
    "tiktok.profile",
    "tiktok.autofill",
    "tiktok.watch_history",
    "tiktok.likes",
    "tiktok.favorites",
    "tiktok.searches",
    "tiktok.shares",
    "tiktok.comments",
    "tiktok.direct_messages",
    "tiktok.followers",
    "tiktok.following",
    "tiktok.blocked",
    "tiktok.logins",
    "tiktok.devices",
    "tiktok.location",
    "tiktok.posts",
    "tiktok.live",
    "tiktok.purchases",
    "tiktok.shop",
    "tiktok.ad_interests",
    "tiktok.off_platform",
    "tiktok.ad_clicks",
    "tiktok.settings",
    "tiktok.activity_summary",
    "tiktok.hashtags",
    "tiktok.reposts",
    "tiktok.location_reviews",
    "tiktok.unrecognized",
)

UNRECOGNIZED: Final = "tiktok.unrecognized"

ShareLevel = Literal["private", "anonymized", "shared"]
SHARE_LEVELS: Final[tuple[ShareLevel, ...]] = ("private", "anonymized", "shared")
DEFAULT_SHARE_LEVEL: Final[ShareLevel] = "private"

ImportStatus = Literal["running", "complete", "cancelled", "failed"]
SectionStatus = Literal["imported", "empty", "missing", "unrecognized"]


@dataclass(frozen=True, slots=True)
class Record:
    """One normalized item from an export.

    ``fields`` is the original item exactly as in the source (every key and value, JSON
    compatible), so nothing is lost. ``occurred_at`` is timezone-aware UTC or ``None``.
    ``source_path`` says where the item sits inside the archive, e.g.
    ``user_data_tiktok.json:Your Activity/Searches/SearchList``.
    ``text`` is what full-text search indexes (the importer picks the meaningful values).
    """

    category: str
    occurred_at: datetime | None
    fields: Any
    source_path: str
    text: str = ""
