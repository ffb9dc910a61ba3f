"""Redaction for the ``anonymized`` share level (DESIGN.md "Sharing choices"), written once.

Rules are chosen by field name (case-insensitive; spaces, ``_``, ``-`` and ``:`` ignored, so the
JSON key ``SearchTerm`` and the TXT label ``Search Term`` are the same field):

- usernames and ids → a keyed pseudonym (HMAC-SHA256 with a random per-package key), stable
  within one package: ``user-3f9a1c0d2e``;
- IP addresses → IPv4 /24, IPv6 /48;
- free text, e-mail, phone, names, addresses, precise locations → ``[removed]``;
- times → the day only;
- links → TikTok video links keep the video id, an ``@user`` part is pseudonymized, query and
  fragment dropped; other links keep only their site;
- values known to be harmless (counts, settings like ``On``/``Off``, device models) are kept;
- any other key (unknown): numbers, booleans and a short list of setting words are kept, every
  other string is removed rather than leaked; the manifest says how many were removed.

``Redactor`` counts what it did, per rule, so the manifest can report it.
"""

from __future__ import annotations

import hashlib
import hmac
import ipaddress
import re
import secrets
from collections import Counter
from collections.abc import Callable
from datetime import UTC, datetime
from functools import lru_cache
from typing import Any, Final, Literal
from urllib.parse import urlsplit, urlunsplit

REMOVED: Final = "[removed]"

Rule = Literal["pseudonym", "ip", "remove", "day", "link", "keep", "unknown"]

# Action names counted in the manifest (stable keys).
ACTIONS: Final[tuple[str, ...]] = (
    "pseudonymized",
    "ip_truncated",
    "text_removed",
    "time_cut_to_day",
    "link_cleaned",
    "unknown_removed",
)


@lru_cache(maxsize=8192)
def norm_key(key: str) -> str:
    """``"Search Term"``, ``"SearchTerm"``, ``"search_term"`` → ``"searchterm"``."""
    return re.sub(r"[\s_\-:+&/().']", "", key).casefold()


def _keys(table: str) -> frozenset[str]:
    """Field names separated by ``|`` → their normalized forms."""
    return frozenset(norm_key(n) for n in table.split("|") if n.strip())


# Usernames and identifiers: replaced by a keyed pseudonym.
PSEUDONYM_KEYS: Final = _keys(
    "UserName | Username | User Name | userName | From | To | UID | DID | IDFA | GAID | "
    "Android ID | IDFV | Web ID | RoomId | Room Id | user_id | userId | account | "
    "accountId | order_no | orderId | Order Id | id | MutedList | Muted List | Creator | "
    "Author | Host | Sender | Receiver | Friend"
)
# IP addresses.
IP_KEYS: Final = _keys("IP | IP Address | IPAddress | ip_address | Login IP")
# Free text, e-mail, phone, names, addresses, precise places: removed.
REMOVE_KEYS: Final = _keys(
    "SearchTerm | Search Term | Comment | comment | Content | CommentContent | "
    "Comment Content | bioDescription | Bio | Bio Description | Title | RoomTitle | "
    "Room Title | ReviewText | Review Text | AdTitle | Ad Title | AddYoursText | "
    "SharedContent | Shared Content | note | Questions | Question | Message | Text | "
    "content | Caption | Description | sticker | photo | video | Keyword | "
    "Keyword filters for videos in For You feed | Answer | Answers | Response | "
    "emailAddress | Email | E-mail | Email Address | telephoneNumber | PhoneNumber | "
    "Phone Number | Telephone Number | masked_phone_number | Phone | displayName | "
    "Display Name | FirstName | First Name | LastName | Last Name | receiver_name | "
    "Receiver Name | Name | Full Name | birthDate | Birth Date | Birthday | profilePhoto | "
    "profileVideo | Profile Photo | Profile Video | instagramLink | youtubeLink | "
    "lemon8Link | twitterLink | aiSelf | fundraiser | PayCard | Card | Card Number | "
    "Address | adress_info | address_info | ZipCode | Zip Code | Postcode | Unit | City | "
    "State | Street | GpsData | GPS Data | Location | PlaceName | Place Name | CoverUri | "
    "Cover Uri | ReplayUrl | Replay Url"
)
# Times: cut to the day.
DAY_KEYS: Final = _keys(
    "Date | date | Time | CreateTime | Create Time | TimeStamp | Timestamp | WatchTime | "
    "Watch Time | LiveStartTime | LiveEndTime | CommentTime | RawTime | send_time | "
    "browsing_date | order_date | CreateDate | Create Date | Date Time | Created | "
    "Updated | Login Time"
)
# Links.
LINK_KEYS: Final = _keys(
    "Link | link | VideoLink | Video Link | EffectLink | Effect Link | HashtagLink | "
    "Hashtag Link | HashTag Link | originalPostUrl | original post link | AdLink | "
    "Ad Link | Url | URL | SoundLink | Sound Link"
)
# Harmless values kept as they are (counts, settings, device kinds, companies, categories).
KEEP_KEYS: Final = _keys(
    "Resolution | App Version | DeviceModel | Device Model | DeviceSystem | Device System | "
    "NetworkType | Network Type | Carrier | Method | Source | Event | HashtagName | "
    "Hashtag Name | Likes | WhoCanView | Who Can View | AllowComments | AllowStitches | "
    "AllowDuets | AllowStickers | AllowSharingToStory | ContentDisclosure | "
    "AIGeneratedContent | Sound | GiftAmount | Price | CoinAmount | Type | Rating | "
    "Status | TotalEarning | TotalLike | TotalView | TotalGifter | QualitySetting | "
    "LiveDuration | followerCount | followingCount | likesReceived | accountRegion | "
    "LastRegion | Country | inferredGender | App | IsFastLane | direction | order_status | "
    "total_price | shop_name | product_name | App Language | Private Account | "
    "Personalized Ads | Interests | timepertiktok | DataPartnerList | AdvertiserList | "
    "AdInterestCategories | Ad Interests | videosWatchedToTheEndSinceAccountRegistration | "
    "videosCommentedOnSinceAccountRegistration | videosSharedSinceAccountRegistration | "
    "videoCount | commentVideoCount | sharedVideoCount | Quantity | Currency | "
    "Push Notification | Content Preferences | Platform | PlatformInfo"
)

# Setting-like words an unknown key may keep (anything else unknown is removed).
SAFE_WORDS: Final = frozenset(
    w.casefold()
    for w in (
        "",
        "On",
        "Off",
        "Yes",
        "No",
        "True",
        "False",
        "N/A",
        "None",
        "Everyone",
        "Friends",
        "Followers",
        "Only me",
        "No one",
        "Enabled",
        "Disabled",
        "Public",
        "Private",
        "Mutual friends",
        "Suggested",
        "Allowed",
        "Not allowed",
    )
)

_TIKTOK_HOSTS: Final = ("tiktok.com", "tiktokv.com", "tiktokcdn.com", "tiktokglobalshop.com")
_DAY_RE: Final = re.compile(r"^\s*(\d{4})[-/.](\d{2})[-/.](\d{2})")
_SAFE_SEGMENT_RE: Final = re.compile(r"|[a-z]{1,20}|\d{1,25}|@(user|id)-[0-9a-f]{10}")
_PATH_CHAT_RE: Final = re.compile(
    r"^((?:chat history|group chat|chat) with )(.+?)(:?)$", re.IGNORECASE
)
_WORDLIKE_RE: Final = re.compile(r"^[A-Za-z][A-Za-z &()'+,/_:-]{0,59}$")


@lru_cache(maxsize=8192)
def rule_for(key: str) -> Rule:
    k = norm_key(key)
    if k in PSEUDONYM_KEYS:
        return "pseudonym"
    if k in IP_KEYS:
        return "ip"
    if k in REMOVE_KEYS:
        return "remove"
    if k in DAY_KEYS:
        return "day"
    if k in LINK_KEYS:
        return "link"
    if k in KEEP_KEYS:
        return "keep"
    # A few families by shape of the name (e.g. "Who Can Duet With Your Videos", "...Link").
    if k.startswith(("whocan", "allow")):
        return "keep"
    if k.endswith(("username", "userid")):
        return "pseudonym"
    if k.endswith(("email", "phone", "phonenumber", "address", "name")):
        return "remove"
    if k.endswith(("link", "url", "uri")):
        return "link"
    if k.endswith(("date", "time", "timestamp")):
        return "day"
    return "unknown"


class Pseudonymizer:
    """Keyed pseudonyms, stable within one package (one random key per package)."""

    def __init__(self, key: bytes | None = None) -> None:
        self._key = bytearray(key if key is not None else secrets.token_bytes(32))

    def __call__(self, value: object, kind: str = "user") -> str:
        text = str(value).strip().lstrip("@").casefold()
        digest = hmac.new(bytes(self._key), text.encode("utf-8"), hashlib.sha256).hexdigest()
        return f"{kind}-{digest[:10]}"

    def forget(self) -> None:
        """Zero the key once the package is written."""
        for i in range(len(self._key)):
            self._key[i] = 0


def truncate_ip(value: str) -> str:
    """IPv4 → its /24, IPv6 → its /48; anything that is not an IP address is removed."""
    text = value.strip()
    try:
        addr = ipaddress.ip_address(text.split("%")[0])
    except ValueError:
        return REMOVED
    if isinstance(addr, ipaddress.IPv6Address) and addr.ipv4_mapped is not None:
        addr = addr.ipv4_mapped
    prefix = 24 if addr.version == 4 else 48
    return str(ipaddress.ip_network(f"{addr}/{prefix}", strict=False))


def cut_to_day(value: object) -> object:
    """Keep only the day of a time: ``"2025-02-10 19:01:33"`` → ``"2025-02-10"``.

    Integers are read as Unix seconds (milliseconds when very large) and floored to the
    day in the same unit. Anything else is removed.
    """
    if isinstance(value, bool):
        return REMOVED
    if isinstance(value, int | float):
        ms = abs(value) > 10**11
        seconds = int(value / 1000) if ms else int(value)
        day = seconds - seconds % 86400
        return day * 1000 if ms else day
    if isinstance(value, str):
        m = _DAY_RE.match(value)
        if m:
            return f"{m.group(1)}-{m.group(2)}-{m.group(3)}"
        if value.strip().casefold() in SAFE_WORDS:
            return value
    return REMOVED


def day_of(dt: datetime | None) -> str | None:
    return None if dt is None else dt.astimezone(UTC).strftime("%Y-%m-%d")


class Redactor:
    """Applies the anonymized rules to one record's fields and counts each action."""

    def __init__(self, pseudonymizer: Pseudonymizer | None = None) -> None:
        self.pseudonym = pseudonymizer if pseudonymizer is not None else Pseudonymizer()
        self.counts: Counter[str] = Counter()
        self.unknown_keys: Counter[str] = Counter()

    # -- public ----------------------------------------------------------------------------
    def anonymize(self, fields: Any, *, unrecognized: bool = False) -> Any:
        """A redacted copy of ``fields`` (the original is not changed).

        ``unrecognized`` (sections the importer did not recognise): structure kept, every
        string removed.
        """
        if unrecognized:
            return self._strip_strings(fields)
        return self._walk(fields, "unknown")

    def source_path(self, path: str) -> str:
        """A source path without personal parts: chat partners and group names
        pseudonymized, segments that are ids (room ids, order numbers) pseudonymized."""
        file, sep, inner = path.partition(":")
        if not sep:
            return path
        out: list[str] = []
        for segment in inner.split("/"):
            m = _PATH_CHAT_RE.match(segment)
            if m:
                self.counts["pseudonymized"] += 1
                out.append(m.group(1) + self.pseudonym(m.group(2)) + m.group(3))
            elif re.search(r"\d{5,}", segment):
                self.counts["pseudonymized"] += 1
                out.append(self.pseudonym(segment, "key"))
            else:
                out.append(segment)
        return file + sep + "/".join(out)

    # -- rules -----------------------------------------------------------------------------
    def _walk(self, value: Any, rule: Rule) -> Any:
        if isinstance(value, dict):
            return {
                self._key(k): self._walk(v, self._child_rule(k, rule)) for k, v in value.items()
            }
        if isinstance(value, list):
            return [self._walk(v, rule) for v in value]
        return self._scalar(value, rule)

    def _child_rule(self, key: str, parent: Rule) -> Rule:
        own = rule_for(key)
        if own == "unknown" and parent == "remove":
            return "remove"
        return own

    def _key(self, key: str) -> str:
        """Dict keys are structure; keys that look like data are pseudonymized."""
        if rule_for(key) != "unknown":
            return key
        m = _PATH_CHAT_RE.match(key)
        if m:
            self.counts["pseudonymized"] += 1
            return m.group(1) + self.pseudonym(m.group(2)) + m.group(3)
        if _looks_like_structure(key):
            return key
        self.counts["pseudonymized"] += 1
        return self.pseudonym(key, "key")

    def _scalar(self, value: Any, rule: Rule) -> Any:
        if value is None or isinstance(value, bool):
            return value
        handler = self._HANDLERS[rule]
        return handler(self, value)

    def _do_keep(self, value: Any) -> Any:
        return value

    def _do_pseudonym(self, value: Any) -> Any:
        if isinstance(value, str) and value.strip().casefold() in SAFE_WORDS:
            return value
        self.counts["pseudonymized"] += 1
        return self.pseudonym(value, "user" if isinstance(value, str) else "id")

    def _do_ip(self, value: Any) -> Any:
        if isinstance(value, str) and value.strip().casefold() in SAFE_WORDS:
            return value
        self.counts["ip_truncated"] += 1
        return truncate_ip(str(value))

    def _do_remove(self, value: Any) -> Any:
        if isinstance(value, str) and value.strip().casefold() in ("", "n/a", "none"):
            return value
        # numbers go too (a phone number stored as a number)
        self.counts["text_removed"] += 1
        return REMOVED

    def _do_day(self, value: Any) -> Any:
        self.counts["time_cut_to_day"] += 1
        return cut_to_day(value)

    def _do_link(self, value: Any) -> Any:
        if not isinstance(value, str) or value.strip().casefold() in SAFE_WORDS:
            return value if isinstance(value, str) else REMOVED
        self.counts["link_cleaned"] += 1
        return self.clean_link(value)

    def _do_unknown(self, value: Any) -> Any:
        if isinstance(value, int | float):
            return value
        if isinstance(value, str) and value.strip().casefold() in SAFE_WORDS:
            return value
        self.counts["unknown_removed"] += 1
        return REMOVED

    _HANDLERS: Final[dict[str, Callable[[Redactor, Any], Any]]] = {
        "keep": _do_keep,
        "pseudonym": _do_pseudonym,
        "ip": _do_ip,
        "remove": _do_remove,
        "day": _do_day,
        "link": _do_link,
        "unknown": _do_unknown,
    }

    def clean_link(self, url: str) -> str:
        """TikTok links keep their path with ``@user`` pseudonymized; others keep the site."""
        try:
            parts = urlsplit(url.strip())
        except ValueError:
            return REMOVED
        host = (parts.hostname or "").casefold()
        if parts.scheme not in ("http", "https") or not host:
            return REMOVED
        if (
            host == "tiktok.com"
            or host.endswith(tuple("." + h for h in _TIKTOK_HOSTS))
            or (host in _TIKTOK_HOSTS)
        ):
            segments = [
                "@" + self.pseudonym(s[1:]) if s.startswith("@") else s
                for s in parts.path.split("/")
            ]
            path = "/".join(segments)
            if not all(_safe_segment(s) for s in path.split("/")):
                path = "/"
            return urlunsplit((parts.scheme, host, path, "", ""))
        return urlunsplit((parts.scheme, host, "/", "", ""))

    def _strip_strings(self, value: Any) -> Any:
        if isinstance(value, dict):
            out: dict[str, Any] = {}
            for k, v in value.items():
                out[self._key(k)] = self._strip_strings(v)
            return out
        if isinstance(value, list):
            return [self._strip_strings(v) for v in value]
        if isinstance(value, str):
            self.counts["unknown_removed"] += 1
            return REMOVED
        return value


def _looks_like_structure(key: str) -> bool:
    """A key that names a section or field rather than holding data.

    Export keys are several words ("Watch History") or CamelCase ("VideoList"); a single
    plain word that Plainview does not know might be a username ("alice"), so it is not kept.
    """
    if not _WORDLIKE_RE.match(key):
        return False
    return " " in key.strip() or bool(re.search(r"[a-z][A-Z]", key))


def _safe_segment(segment: str) -> bool:
    """A path segment of a TikTok link we may keep: empty, a word, a number, a pseudonym."""
    return bool(_SAFE_SEGMENT_RE.fullmatch(segment))


def anonymize(category: str, fields: Any, pseudonymizer: Pseudonymizer) -> Any:
    """ARCHITECTURE.md entry point: one record's fields, anonymized."""
    from plainview.model import UNRECOGNIZED

    return Redactor(pseudonymizer).anonymize(fields, unrecognized=category == UNRECOGNIZED)
