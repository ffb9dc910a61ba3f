"""Redaction for the ``anonymized`` share level (DESIGN.md "Sharing choices"), written once.

Rules are chosen by field name (case-insensitive; spaces, ``_``, ``-`` and ``:`` ignored, so the
JSON key ``SearchTerm`` and the TXT label ``Search Term`` are the same field):

- usernames and ids → a keyed pseudonym (HMAC-SHA256 with a random per-package key), stable
  within one package: ``user-3f9a1c0d2e``;
- IP addresses → IPv4 /24, IPv6 /48;
- free text, e-mail, phone, names, addresses, precise locations → ``[removed]``;
- times → the day only;
- links → TikTok video links keep the video id, an ``@user`` part is pseudonymized, query and
  fragment dropped; links in the user's own posts and comments keep only the site (their video
  id leads back to the account); other links keep only their site;
- values known to be harmless are kept only when they come from a closed list or match a fixed
  pattern (``VALUE_RULES``): counts are numbers, regions are two-letter codes, a device model
  is made of model numbers and brand words, "original sound" stays but "original sound - <the
  user's nickname>" does not, interest lists keep only known interests; anything else under
  such a key is removed;
- any other key (unknown): booleans and a short list of setting words are kept; every other
  string and every number (a user id, an epoch time, a coordinate) is removed rather than
  leaked; the manifest says how many were removed;
- keys: a key is kept when Plainview knows it (a field rule above) or when every word of it is
  export vocabulary (``VOCABULARY``: "Watch History", "FansList"); any other key, such as a
  CamelCase name, is pseudonymized;
- source paths: only the member's base name is kept (a TXT export's folder name carries the
  username and the export time), and every segment below a list keyed by values (chat names,
  group names, room ids, order numbers, shop names) is pseudonymized.

The rules are TikTok's (the only platform so far); a new platform adds its own keys, closed
lists and vocabulary beside them.

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
    "Author | Host | Sender | Receiver | Friend | Source | shop_name | HashtagName | "
    "Hashtag Name"
)
# Pseudonyms that are not people: named for what they stand for.
PSEUDONYM_KIND: Final = {
    "source": "site",
    "shopname": "shop",
    "hashtagname": "tag",
}
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
    "Cover Uri | ReplayUrl | Replay Url | product_name | Product Name | Carrier | "
    "DataPartnerList | AdvertiserList | Latitude | Longitude | lat | lng | lon"
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
# Harmless values: kept only when they match their key's closed list or pattern
# (``VALUE_RULES`` below says which key takes which).
COUNT_KEYS: Final = _keys(
    "Likes | TotalLike | TotalView | TotalGifter | LiveDuration | followerCount | "
    "followingCount | likesReceived | videosWatchedToTheEndSinceAccountRegistration | "
    "videosCommentedOnSinceAccountRegistration | videosSharedSinceAccountRegistration | "
    "videoCount | commentVideoCount | sharedVideoCount | Quantity | GiftAmount | CoinAmount | "
    "Rating | App | timepertiktok"
)
AMOUNT_KEYS: Final = _keys("Price | TotalEarning | total_price")
SETTING_KEYS: Final = _keys(
    "WhoCanView | Who Can View | AllowComments | AllowStitches | AllowDuets | AllowStickers | "
    "AllowSharingToStory | ContentDisclosure | AIGeneratedContent | IsFastLane | "
    "Private Account | Personalized Ads | QualitySetting | Push Notification"
)
KEEP_KEYS: Final = (
    COUNT_KEYS
    | AMOUNT_KEYS
    | SETTING_KEYS
    | _keys(
        "Resolution | App Version | DeviceModel | Device Model | DeviceSystem | "
        "Device System | NetworkType | Network Type | Method | Event | Sound | Type | Status | "
        "order_status | accountRegion | LastRegion | Country | inferredGender | direction | "
        "App Language | Interests | AdInterestCategories | Ad Interests | Currency | "
        "Platform | Content Preferences | PlatformInfo"
    )
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


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


_TIKTOK_HOSTS: Final = ("tiktok.com", "tiktokv.com", "tiktokcdn.com", "tiktokglobalshop.com")
_DAY_RE: Final = re.compile(r"^\s*(\d{4})[-/.](\d{2})[-/.](\d{2})")
# Path words of TikTok links that name a kind of page, never a person.
_LINK_WORDS: Final = _words(
    "share video v t music tag live photo embed discover foryou following channel effect "
    "sticker playlist collection search place"
)
_SAFE_SEGMENT_RE: Final = re.compile(r"|\d{1,25}|@(user|id)-[0-9a-f]{10}")
_PATH_CHAT_RE: Final = re.compile(
    r"^((?:chat history|group chat|chat) with )(.+?)(:?)$", re.IGNORECASE
)
_PART_RE: Final = re.compile(r"^(.*?)( \(part \d{1,9}\))$")
_WORD_RE: Final = re.compile(r"[A-Z]?[a-z]+|[A-Z]+(?![a-z])|\d+|[^\sA-Za-z\d]+")

# Categories of the user's own posts and comments: a video id in their links leads back to
# the account, so those links keep only their site.
OWN_CONTENT: Final = frozenset({"tiktok.posts", "tiktok.comments"})

# Maps keyed by values (a chat partner, a group's chosen name, a room id, an order number, a
# shop): every path segment below them is pseudonymized.
VALUE_KEYED: Final = frozenset(
    {"chathistory", "groupchat", "communicationhistories", "watchlivemap", "orderhistories"}
)  # compared without normalizing spaces: the section "Group Chat" holds the map "GroupChat"

# Words an export's own section, list and field names are made of. A key or path segment is
# kept only when every word of it is here (or it is a known field): a name such as
# "AliceSmith" or "Alice Smith" is pseudonymized even though it looks like structure.
VOCABULARY: Final = _words(
    """
    a about account activity ad ads address addresses ai and app apps auto autofill based
    block blocked brand browsing buy by cart chat collection coin comment comments
    communication content data deleted direct drama effect effects favorite favorites favourite
    favourites feature fill filters follower followers following for form from future gift
    gifts go group hashtag hashtags histories history in income info information instant
    interests item json like likes list live location login map message messages mini moji
    most mystery new of off on order partners payment personalized playlist playlists plus post
    posts product products profile purchase purchases received recent recently repost reposts
    responses review reviews room root saved search searches section settings share shop
    shopping shops something sound sounds status story summary tako third party thing tiktok
    to transaction transactions txt usage user vouchers voucher wallet watch websites with
    video videos your you fans list keyword feed count total number field fields key switch
    type time date value values deep nested wrapper tik tok
    """
)

_NUM: Final = r"\d{1,15}(?:[.,]\d{1,4})?"
_COUNT_RE: Final = re.compile(rf"{_NUM}|\d{{1,3}}(?:,\d{{3}})+")
_AMOUNT_RE: Final = re.compile(rf"[$€£¥]?\s?{_NUM}(?:\s?[A-Z]{{3}})?")
_VERSION_RE: Final = re.compile(r"\d{1,4}(?:\.\d{1,6}){0,4}")
_RESOLUTION_RE: Final = re.compile(r"\d{2,5}\s?[x*×]\s?\d{2,5}")
_REGION_RE: Final = re.compile(r"[A-Za-z]{2}")
_CURRENCY_RE: Final = re.compile(r"[A-Z]{3}")
_OS_RE: Final = re.compile(
    r"(?:android|ios|ipados|windows|macos|mac os x?|linux|harmonyos|chrome ?os|tizen)"
    r"(?: \d{1,3}(?:\.\d{1,4}){0,3})?",
    re.IGNORECASE,
)
_MODEL_WORDS: Final = _words(
    """
    iphone ipad ipod pixel galaxy redmi note pro max plus ultra mini lite samsung xiaomi
    oneplus huawei honor oppo vivo realme motorola moto nokia sony xperia lg htc asus lenovo
    nothing phone fold flip edge xl se air poco mate nova zenfold zenfone tab a s m g x
    """
)
_MODEL_TOKEN_RE: Final = re.compile(r"[A-Za-z]{0,6}[-_]?[A-Za-z0-9]*\d[A-Za-z0-9,._-]*")


def _closed(table: str) -> frozenset[str]:
    return frozenset(w.strip().casefold() for w in table.split("|") if w.strip())


_NETWORKS: Final = _closed(
    "Wi-Fi | WiFi | Wifi | WLAN | 2G | 3G | 4G | 5G | LTE | Cellular | "
    "Mobile | Ethernet | Unknown | Offline"
)
_METHODS: Final = _closed(
    "Copy link | Copy Link | WhatsApp | Messenger | Facebook | Instagram | Twitter | X | "
    "Telegram | SMS | Email | E-mail | LINE | Snapchat | KakaoTalk | Zalo | Viber | Signal | "
    "Discord | Reddit | Pinterest | Download | Save video | Direct message | Chat | "
    "System share | More | QR code | Duet | Stitch | Password | Phone | Phone number | "
    "Google | Apple | Verification code | One-tap login | Passkey | Third-party | TikTok"
)
_EVENTS: Final = _closed(
    "Purchase | Customer file upload | Open | Launch app | App launch | Install | "
    "App install | View content | Add to cart | Add to wishlist | Add payment info | "
    "Complete payment | Initiate checkout | Checkout | Place an order | Search | Login | "
    "Registration | Complete registration | Subscribe | Submit form | Contact | Download | "
    "Click button | Add billing | Start trial | Achieve level | Unlock achievement | "
    "Spend credits | In-app ad click | In-app ad impression | Rate | Create group | "
    "Join group | Loan application | Loan approval | Loan disbursal | Page view | Lead"
)
_TYPES: Final = _closed(
    "Recharge | Purchase | Gift | Gifts | Withdraw | Withdrawal | Refund | Reward | Bonus | "
    "Coins | Subscription | Income | Expense | Transfer | Video | Photo | Live | Comment | "
    "Sound | Effect | Hashtag | Text | Image | Sticker | Link | Post"
)
_STATUSES: Final = _closed(
    "Public | Private | Friends | Completed | Complete | Pending | Processing | Cancelled | "
    "Canceled | Deleted | Active | Inactive | Shipped | Delivered | Refunded | Paid | Unpaid | "
    "Failed | Success | Successful | Approved | Rejected | Expired | Visible | Hidden | "
    "Under review | Published | Draft | Closed | Open"
)
_DIRECTIONS: Final = _closed("buyer | seller | in | out | sent | received | incoming | outgoing")
_GENDERS: Final = _closed("male | female | unknown | other | non-binary | not specified")
_PLATFORMS: Final = _closed(
    "Instagram | YouTube | Twitter | X | Facebook | Lemon8 | CapCut | Snapchat | Android | "
    "iOS | Web | PC | Mac | Windows | TikTok Lite | TikTok"
)
_LANGUAGES: Final = _closed(
    "English | 中文 | 简体中文 | 繁體中文 | Chinese | Simplified Chinese | Traditional Chinese | "
    "Nederlands | Dutch | Deutsch | German | Français | French | Español | Spanish | "
    "Português | Portuguese | Italiano | Italian | Polski | Polish | Русский | Russian | "
    "Türkçe | Turkish | العربية | Arabic | 日本語 | Japanese | 한국어 | Korean | "
    "Bahasa Indonesia | Indonesian | Tiếng Việt | Vietnamese | ไทย | Thai | हिन्दी | Hindi | "
    "Svenska | Swedish | Dansk | Danish | Norsk | Norwegian | Suomi | Finnish | Čeština | "
    "Czech | Magyar | Hungarian | Română | Romanian | Ελληνικά | Greek | Українська | "
    "Ukrainian | עברית | Hebrew | Filipino | Melayu | Malay"
)
# TikTok's ad-interest taxonomy (top level and common sub-categories) and the words the
# Interests setting uses. Items of an interest list outside it are dropped.
_INTERESTS: Final = _closed(
    "Food | Food & Beverage | Travel | Cats | Dogs | Pets | Games | Gaming | Apps | Sports | "
    "Sports & Outdoor | Beauty | Beauty & Personal Care | Fashion | Apparel & Accessories | "
    "Home Improvement | Home & Garden | Household Products | Education | Financial Services | "
    "Finance | Vehicles & Transportation | Cars | News & Entertainment | News | "
    "Entertainment | Music | Movies | Comedy | Dance | Tech & Electronics | Technology | "
    "Baby, Kids & Maternity | Parenting | Business Services | Appliances | Life Services | "
    "Health | Fitness | Fitness & Health | Art | Books | DIY | Cooking | Science | Nature | "
    "Animals | Anime | Cartoons | Family | Lifestyle | Outdoors | Shopping | Real Estate | "
    "Jewelry | Toys | Sports & Fitness | Beauty Care | Culture | Photography | Vlogs"
)


def _is_number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _text(value: Any) -> str | None:
    return value.strip() if isinstance(value, str) else None


def _safe_word(value: Any) -> bool:
    return isinstance(value, str) and value.strip().casefold() in SAFE_WORDS


def _pattern(regex: re.Pattern[str], numbers: bool = False) -> Callable[[Any], bool]:
    def check(value: Any) -> bool:
        if _is_number(value):
            return numbers
        text = _text(value)
        return text is not None and bool(regex.fullmatch(text))

    return check


def _one_of(words: frozenset[str]) -> Callable[[Any], bool]:
    def check(value: Any) -> bool:
        text = _text(value)
        return text is not None and " ".join(text.split()).casefold() in words

    return check


def _device_model(value: Any) -> bool:
    text = _text(value)
    if text is None or not 0 < len(text) <= 40:
        return False
    return all(t.casefold() in _MODEL_WORDS or _MODEL_TOKEN_RE.fullmatch(t) for t in text.split())


def _sound(value: Any) -> bool:
    """ "original sound" is TikTok's; "original sound - <nickname>" names the user."""
    text = _text(value)
    return text is not None and text.casefold() == "original sound"


_IS_COUNT = _pattern(_COUNT_RE, numbers=True)

# Key (normalized) → does this value come from the key's closed list or fixed pattern?
VALUE_RULES: Final[dict[str, Callable[[Any], bool]]] = (
    dict.fromkeys(COUNT_KEYS, _IS_COUNT)
    | dict.fromkeys(AMOUNT_KEYS, _pattern(_AMOUNT_RE, numbers=True))
    | dict.fromkeys(SETTING_KEYS, _safe_word)
    | dict.fromkeys(_keys("Resolution"), _pattern(_RESOLUTION_RE))
    | dict.fromkeys(_keys("App Version"), _pattern(_VERSION_RE))
    | dict.fromkeys(_keys("DeviceModel | Device Model"), _device_model)
    | dict.fromkeys(_keys("DeviceSystem | Device System"), _pattern(_OS_RE))
    | dict.fromkeys(_keys("NetworkType | Network Type"), _one_of(_NETWORKS))
    | dict.fromkeys(_keys("Method"), _one_of(_METHODS))
    | dict.fromkeys(_keys("Event"), _one_of(_EVENTS))
    | dict.fromkeys(_keys("Sound"), _sound)
    | dict.fromkeys(_keys("Type"), _one_of(_TYPES))
    | dict.fromkeys(_keys("Status | order_status"), _one_of(_STATUSES))
    | dict.fromkeys(_keys("accountRegion | LastRegion | Country"), _pattern(_REGION_RE))
    | dict.fromkeys(_keys("inferredGender"), _one_of(_GENDERS))
    | dict.fromkeys(_keys("direction"), _one_of(_DIRECTIONS))
    | dict.fromkeys(_keys("App Language"), _one_of(_LANGUAGES))
    | dict.fromkeys(_keys("Currency"), _pattern(_CURRENCY_RE))
    | dict.fromkeys(_keys("Platform"), _one_of(_PLATFORMS))
)
# Lists of interests ("Food|Travel"): known interests are kept, the rest dropped.
INTEREST_KEYS: Final = _keys("Interests | AdInterestCategories | Ad Interests")
# Containers: their children carry the rules.
CONTAINER_KEYS: Final = _keys("Content Preferences | PlatformInfo | Push Notification")


def is_vocabulary(key: str) -> bool:
    """Every word of ``key`` is export vocabulary ("Watch History", "FavoriteVideoList")."""
    words = _WORD_RE.findall(key)
    return bool(words) and all(
        w.casefold() in VOCABULARY or not any(c.isalnum() for c in w) for w in words
    )


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


def value_rule(key: str) -> Callable[[Any], bool] | None:
    """The closed list or pattern a ``keep`` key's values must match (``None``: no value is
    kept, the key is only a container)."""
    k = norm_key(key)
    rule = VALUE_RULES.get(k)
    if rule is None and k.startswith(("whocan", "allow")):
        return _safe_word
    return rule


class Redactor:
    """Applies the anonymized rules to one record's fields and counts each action."""

    def __init__(self, pseudonymizer: Pseudonymizer | None = None) -> None:
        self.pseudonym = pseudonymizer if pseudonymizer is not None else Pseudonymizer()
        self.counts: Counter[str] = Counter()
        self.unknown_keys: Counter[str] = Counter()
        self._own = False

    # -- public ----------------------------------------------------------------------------
    def anonymize(self, fields: Any, *, unrecognized: bool = False, category: str = "") -> Any:
        """A redacted copy of ``fields`` (the original is not changed).

        ``unrecognized`` (sections the importer did not recognise): structure kept, every
        string and every number removed (known counts aside), keys outside the vocabulary
        pseudonymized. ``category`` picks the rules for the user's own posts and comments.
        """
        if unrecognized:
            return self._strip_values(fields, "")
        self._own = category in OWN_CONTENT
        try:
            return self._walk(fields, "unknown", "")
        finally:
            self._own = False

    def source_path(self, path: str) -> str:
        """A source path without personal parts: only the member's base name (a TXT export's
        folder carries the username and the export time); segments outside the vocabulary,
        and every segment below a map keyed by values, pseudonymized."""
        file, sep, inner = path.partition(":")
        out = self._file_name(file.replace("\\", "/").rsplit("/", 1)[-1])
        if not sep:
            return out
        segments: list[str] = []
        below = False
        for segment in inner.split("/"):
            m = _PART_RE.match(segment)
            name, part = (m.group(1), m.group(2)) if m else (segment, "")
            segments.append((self._pseudonym_key(name) if below else self._key(name)) + part)
            below = below or name.casefold() in VALUE_KEYED
        return out + sep + "/".join(segments)

    # -- rules -----------------------------------------------------------------------------
    def _walk(self, value: Any, rule: Rule, key: str) -> Any:
        if isinstance(value, dict):
            return {
                self._key(k): self._walk(v, self._child_rule(k, rule), k) for k, v in value.items()
            }
        if isinstance(value, list):
            if rule == "keep" and norm_key(key) in INTEREST_KEYS:
                return self._interests(value)
            return [self._walk(v, rule, key) for v in value]
        return self._scalar(value, rule, key)

    def _child_rule(self, key: str, parent: Rule) -> Rule:
        if parent == "remove":  # everything below a removed field goes with it
            return "remove"
        return rule_for(key)

    def _file_name(self, name: str) -> str:
        stem, dot, ext = name.rpartition(".")
        if not dot or not re.fullmatch(r"[A-Za-z]{1,5}", ext):
            stem, ext = name, ""
        if is_vocabulary(stem):
            return name
        self.counts["pseudonymized"] += 1
        return self.pseudonym(stem, "file") + (f".{ext}" if ext else "")

    def _key(self, key: str) -> str:
        """Keys Plainview knows, and keys made of export vocabulary, are structure; any other
        key may be data (a name, an id) and is pseudonymized."""
        if rule_for(key) != "unknown" or is_vocabulary(key):
            return key
        return self._pseudonym_key(key)

    def _pseudonym_key(self, key: str) -> str:
        self.counts["pseudonymized"] += 1
        m = _PATH_CHAT_RE.match(key)
        if m:
            return m.group(1) + self.pseudonym(m.group(2)) + m.group(3)
        return self.pseudonym(key, "key")

    def _scalar(self, value: Any, rule: Rule, key: str) -> Any:
        if value is None or isinstance(value, bool):
            return value
        if rule == "keep":
            return self._do_keep(value, key)
        if rule == "pseudonym":
            return self._do_pseudonym(value, key)
        handler = self._HANDLERS[rule]
        return handler(self, value)

    def _do_keep(self, value: Any, key: str) -> Any:
        if norm_key(key) in INTEREST_KEYS:
            return self._interests(value)
        check = value_rule(key)
        if _safe_word(value) or (check is not None and check(value)):
            return value
        self.counts["text_removed"] += 1
        return REMOVED

    def _interests(self, value: Any) -> Any:
        """Known interests are kept; anything else in the list is dropped."""
        if isinstance(value, list):
            items = [v for v in value if isinstance(v, str)]
            kept: list[Any] = [v for v in items if v.strip().casefold() in _INTERESTS]
            if len(kept) != len(value):
                self.counts["text_removed"] += 1
            return kept
        if not isinstance(value, str) or _safe_word(value):
            return value if isinstance(value, str) else REMOVED
        sep = "|" if "|" in value else ","
        parts = [p.strip() for p in value.split(sep)]
        known = [p for p in parts if p.casefold() in _INTERESTS]
        if len(known) != len(parts):
            self.counts["text_removed"] += 1
        return sep.join(known)

    def _do_pseudonym(self, value: Any, key: str = "") -> Any:
        if isinstance(value, str) and value.strip().casefold() in SAFE_WORDS:
            return value
        self.counts["pseudonymized"] += 1
        kind = PSEUDONYM_KIND.get(norm_key(key))
        if kind is None:
            kind = "user" if isinstance(value, str) else "id"
        return self.pseudonym(value, kind)

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
        return self.clean_link(value, own=self._own)

    def _do_unknown(self, value: Any) -> Any:
        # Numbers go too: under an unknown key they may be a user id, an epoch time, a place.
        if isinstance(value, str) and value.strip().casefold() in SAFE_WORDS:
            return value
        self.counts["unknown_removed"] += 1
        return REMOVED

    _HANDLERS: Final[dict[str, Callable[[Redactor, Any], Any]]] = {
        "ip": _do_ip,
        "remove": _do_remove,
        "day": _do_day,
        "link": _do_link,
        "unknown": _do_unknown,
    }

    def clean_link(self, url: str, *, own: bool = False) -> str:
        """TikTok links keep their path with ``@user`` pseudonymized; others keep the site.
        ``own``: a link in the user's own posts or comments keeps only its site (its video id
        leads back to the account)."""
        try:
            parts = urlsplit(url.strip())
            host = (parts.hostname or "").casefold()
        except ValueError:
            return REMOVED
        if parts.scheme not in ("http", "https") or not host:
            return REMOVED
        if not own and (
            host in _TIKTOK_HOSTS or host.endswith(tuple("." + h for h in _TIKTOK_HOSTS))
        ):
            segments = [
                "@" + self.pseudonym(s[1:]) if s.startswith("@") else s
                for s in parts.path.split("/")
            ]
            path = "/".join(segments)
            if not all(_safe_segment(s) for s in segments):
                path = "/"
            return urlunsplit((parts.scheme, host, path, "", ""))
        return urlunsplit((parts.scheme, host, "/", "", ""))

    def _strip_values(self, value: Any, key: str) -> Any:
        if isinstance(value, dict):
            return {self._key(k): self._strip_values(v, k) for k, v in value.items()}
        if isinstance(value, list):
            return [self._strip_values(v, key) for v in value]
        if isinstance(value, str) or (_is_number(value) and norm_key(key) not in COUNT_KEYS):
            self.counts["unknown_removed"] += 1
            return REMOVED
        return value


def _safe_segment(segment: str) -> bool:
    """A path segment of a TikTok link we may keep: empty, a page word, a number, a
    pseudonym."""
    return segment in _LINK_WORDS or bool(_SAFE_SEGMENT_RE.fullmatch(segment))


def anonymize(category: str, fields: Any, pseudonymizer: Pseudonymizer) -> Any:
    """ARCHITECTURE.md entry point: one record's fields, anonymized."""
    from plainview.model import UNRECOGNIZED

    return Redactor(pseudonymizer).anonymize(
        fields, unrecognized=category == UNRECOGNIZED, category=category
    )
