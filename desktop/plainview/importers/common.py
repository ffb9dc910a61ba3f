"""Helpers every parser shares: dates, sentinels, searchable text, per-import bookkeeping."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any, Final

from plainview.model import TIKTOK_CATEGORIES, UNRECOGNIZED

# Values that mean "nothing here" in a date field. Usernames are never compared with these.
SENTINELS: Final = frozenset({"", "n/a", "none", "null", "n.v.t.", "-", "nvt"})

# Keys that carry the time an item happened, in order of preference (compared lower-case).
DATE_KEYS: Final = (
    "date",
    "datum",
    "timestamp",
    "createtime",
    "watchtime",
    "livestarttime",
    "commenttime",
    "browsing_date",
    "order_date",
    "send_time",
    "createdate",
    "time",
)

# Canonical English section label per category, used for "missing" rows.
CATEGORY_LABELS: Final[dict[str, str]] = {
    "tiktok.profile": "Profile Info",
    "tiktok.autofill": "Autofill",
    "tiktok.watch_history": "Watch History",
    "tiktok.likes": "Like List",
    "tiktok.favorites": "Favorites",
    "tiktok.searches": "Searches",
    "tiktok.shares": "Share History",
    "tiktok.comments": "Comments",
    "tiktok.direct_messages": "Direct Messages",
    "tiktok.followers": "Follower",
    "tiktok.following": "Following",
    "tiktok.blocked": "Block List",
    "tiktok.logins": "Login History",
    "tiktok.devices": "Status",
    "tiktok.location": "Most Recent Location Data",
    "tiktok.posts": "Posts",
    "tiktok.live": "TikTok Live",
    "tiktok.purchases": "Purchases",
    "tiktok.shop": "TikTok Shop",
    "tiktok.ad_interests": "Ad Interests",
    "tiktok.off_platform": "Off TikTok Activity",
    "tiktok.ad_clicks": "Ads Visit History",
    "tiktok.settings": "Settings",
    "tiktok.activity_summary": "Activity Summary",
    "tiktok.hashtags": "Hashtag",
    "tiktok.reposts": "Reposts",
    "tiktok.location_reviews": "Location Reviews",
}

_DATE_RE: Final = re.compile(
    r"^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,6})\d*)?)?"
    r"\s*(Z|UTC|GMT|[+-]\d{2}:?\d{2})?$",
    re.IGNORECASE,
)
_DAY_RE: Final = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")


def parse_date(value: Any) -> datetime | None:
    """Any TikTok time shape -> aware UTC datetime, or ``None`` when absent or unreadable."""
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        return _from_epoch(float(value))
    if not isinstance(value, str):
        return None
    if len(value) == 19 and value[10] == " " and value[4] == "-":  # the common shape, fast
        try:
            return datetime.fromisoformat(value + "+00:00")
        except ValueError:
            pass
    s = value.strip()
    if s.lower() in SENTINELS:
        return None
    m = _DATE_RE.match(s)
    if m:
        y, mo, d, h, mi, sec, frac, tz = m.groups()
        try:
            dt = datetime(
                int(y),
                int(mo),
                int(d),
                int(h),
                int(mi),
                int(sec or 0),
                int((frac or "0").ljust(6, "0")),
                tzinfo=UTC,
            )
        except ValueError:
            return None
        if tz and tz[0] in "+-":
            sign = 1 if tz[0] == "+" else -1
            digits = tz[1:].replace(":", "")
            offset = sign * (int(digits[:2]) * 60 + int(digits[2:]))
            dt = datetime.fromtimestamp(dt.timestamp() - offset * 60, UTC)
        return dt
    m = _DAY_RE.match(s)
    if m:
        try:
            return datetime(int(m[1]), int(m[2]), int(m[3]), tzinfo=UTC)
        except ValueError:
            return None
    if s.isdigit() and 9 <= len(s) <= 13:
        return _from_epoch(float(s))
    return None


def _from_epoch(x: float) -> datetime | None:
    if x > 1e11:  # milliseconds
        x /= 1000.0
    if not 0 < x < 4.2e9:
        return None
    try:
        return datetime.fromtimestamp(x, UTC)
    except (OverflowError, OSError, ValueError):
        return None


def item_date(item: Any) -> datetime | None:
    """The time of one item: the first date-like key, compared case-insensitively."""
    if not isinstance(item, dict):
        return None
    if "Date" in item:  # the common case, without building a lower-case map
        found = parse_date(item["Date"])
        if found is not None:
            return found
    lowered = {k.lower() if isinstance(k, str) else k: v for k, v in item.items()}
    for key in DATE_KEYS:
        if key in lowered:
            found = parse_date(lowered[key])
            if found is not None:
                return found
    return None


# Categories whose items are a time and a link (plus an optional title): only the title and
# the context (e.g. a chat partner) are words worth indexing.
LINK_CATEGORIES: Final = frozenset(
    {"tiktok.watch_history", "tiktok.likes", "tiktok.favorites", "tiktok.reposts"}
)


# The id in a link (a TikTok video's 19 digits): indexed so a video id or a pasted link finds it.
_LINK_ID_RE: Final = re.compile(r"\d{15,}")


def item_text(item: Any, *extra: str, category: str = "") -> str:
    """Searchable words of an item: string values that are not links, dates or sentinels,
    plus the ids in its links."""
    if category in LINK_CATEGORIES and type(item) is dict:
        title = item.get("Title") or item.get("title") or item.get("Comment")
        words = title if type(title) is str else ""
        link = (
            item.get("Link") or item.get("link") or item.get("VideoLink") or item.get("Video Link")
        )
        if type(link) is str:  # the video id, cheaply: the link's last segment, else a search
            tail = link[link.rfind("/", 0, len(link) - 1) + 1 :].rstrip("/")
            vid = (
                tail if len(tail) >= 15 and tail.isdigit() else " ".join(_LINK_ID_RE.findall(link))
            )
            if vid:
                words = f"{words} {vid}" if words else vid
        if extra and extra[0]:
            return f"{extra[0]} {words}" if words else extra[0]
        return words
    parts: list[str] = [e for e in extra if e]
    _collect_text(item, parts, 0)
    return " ".join(parts)


def _collect_text(value: Any, parts: list[str], depth: int) -> None:
    if isinstance(value, str):
        s = value.strip()
        if (
            s
            and s.lower() not in SENTINELS
            and not s.startswith(("http://", "https://"))
            and not (len(s) >= 10 and s[:4].isdigit() and s[4] == "-" and _DATE_RE.match(s))
        ):
            parts.append(s)
        elif s.startswith(("http://", "https://")):
            parts.extend(_LINK_ID_RE.findall(s))
    elif depth < 4 and isinstance(value, dict):
        for v in value.values():
            _collect_text(v, parts, depth + 1)
    elif depth < 4 and isinstance(value, list):
        for v in value:
            _collect_text(v, parts, depth + 1)


def clean_str(s: str) -> str:
    """Strip NULs and replace lone surrogates with U+FFFD (SECURITY.md "Text")."""
    if "\x00" in s:
        s = s.replace("\x00", "")
    if s.isascii():
        return s
    try:
        s.encode("utf-8")
    except UnicodeEncodeError:
        s = s.encode("utf-16", "surrogatepass").decode("utf-16", "replace")
    return s


def is_empty(value: Any) -> bool:
    """Absent or empty: ``None``, ``""``, ``[]``, ``{}``, or a map holding only such values."""
    if value is None:
        return True
    if isinstance(value, str):
        return value.strip() == ""
    if isinstance(value, list):
        return len(value) == 0
    if isinstance(value, dict):
        return all(
            v is None or (isinstance(v, str | list | dict) and len(v) == 0) for v in value.values()
        )
    return False


@dataclass
class SectionInfo:
    path: str
    category: str
    status: str  # imported | empty | missing | unrecognized
    count: int = 0


@dataclass
class ParseState:
    """What a parser learned besides the records: sections, warnings, account, schema."""

    member: str = ""
    schema: str = ""
    account: str | None = None
    warnings: list[tuple[str, dict[str, Any]]] = field(default_factory=list)  # (code, values)
    sections: dict[str, SectionInfo] = field(default_factory=dict)
    progress: Callable[[float, str], None] | None = None
    # Scalars TikTok puts next to a section's list (``App: 1233``, ``IsFastLane: false``):
    # not items, so not records, but kept with the import: {source path: {key: value}}.
    wrapper_values: dict[str, dict[str, Any]] = field(default_factory=dict)

    def section(self, path: str, category: str) -> SectionInfo:
        info = self.sections.get(path)
        if info is None:
            status = "unrecognized" if category == UNRECOGNIZED else "empty"
            info = SectionInfo(path, category, status)
            self.sections[path] = info
        return info

    def count(self, info: SectionInfo, n: int = 1) -> None:
        info.count += n
        if info.category != UNRECOGNIZED:
            info.status = "imported"

    def keep_wrapper(self, path: str, values: dict[str, Any]) -> None:
        """Keep the scalar siblings of a section's content (never dropped, never records)."""
        if values:
            self.wrapper_values.setdefault(path, {}).update(values)

    def warn(self, code: str, **values: Any) -> None:
        """Note a ``warning_<code>`` from the language tables (importers.messages)."""
        if (code, values) not in self.warnings:
            self.warnings.append((code, values))

    def finish(self) -> list[SectionInfo]:
        """All sections seen, plus one "missing" row per category nothing was found for."""
        seen = {s.category for s in self.sections.values()}
        rows = list(self.sections.values())
        for cat in TIKTOK_CATEGORIES:
            if cat != UNRECOGNIZED and cat not in seen:
                rows.append(SectionInfo(CATEGORY_LABELS[cat], cat, "missing"))
        return rows
