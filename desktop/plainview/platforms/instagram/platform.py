"""Instagram (platform-exports-multi.md section 2): detector, file rules, categories.

Generations (``schema``): ``2018`` the flat root of 2018-20 (``connections.json``,
``likes.json`` ..., JSON only: Instagram offered no HTML download then), ``2021`` the topic
folders of 2021-22 (``followers_and_following/``, ``ads_and_topics/`` ...), ``2023`` the grouped
layout of 2023+ (``your_instagram_activity/``, ``connections/`` ...; the 2025 ``label_values``
records are read by the same rules). 2021 and 2023 come as JSON or HTML.

Counting: one record per list item; direct messages one per message over every thread and
``message_N`` part (inbox, requests, archived); likes = liked posts + story likes; logins =
login, logout and password-change activity; off_platform one record per event, the company
kept in each; the profile one record.
"""

from __future__ import annotations

from types import MappingProxyType
from typing import Final

from plainview.platforms.base import CategorySpec, Column, Detection, Platform
from plainview.platforms.members import MemberList
from plainview.platforms.meta import shared as s
from plainview.platforms.meta.engine import FileRule, MetaParser, labels_of

ID: Final = "instagram"
NAME: Final = "Instagram"


def _c(short: str, sensitivity: str, label: str, single: bool = False) -> CategorySpec:
    return CategorySpec(f"{ID}.{short}", sensitivity, label, single)  # type: ignore[arg-type]


CATEGORIES: Final = (
    _c("profile", "high", "Profile", single=True),
    _c("logins", "high", "Logins"),
    _c("devices", "medium", "Devices"),
    _c("direct_messages", "high", "Direct messages"),
    _c("likes", "medium", "Liked posts"),
    _c("comment_likes", "medium", "Liked comments"),
    _c("comments", "medium", "Comments"),
    _c("followers", "medium", "Followers"),
    _c("following", "medium", "Following"),
    _c("posts", "medium", "Posts"),
    _c("stories", "medium", "Stories"),
    _c("searches", "high", "Searches"),
    _c("posts_viewed", "medium", "Posts viewed"),
    _c("videos_watched", "medium", "Videos watched"),
    _c("ads_viewed", "medium", "Ads viewed"),
    _c("ad_clicks", "medium", "Ads clicked"),
    _c("ad_interests", "medium", "Ad interests"),
    _c("topics", "medium", "Your topics"),
    _c("advertisers", "medium", "Advertisers using your activity"),
    _c("off_platform", "high", "Activity off Instagram"),
    _c("location", "high", "Location"),
    _c("settings", "low", "Settings"),
    _c("media", "high", "Photos and videos"),
    _c("unrecognized", "medium", "Not recognised"),
)

_FLAT: Final = frozenset({"2018"})
_R = FileRule
RULES: Final = (
    # 2018-20 flat root files: keys are sections of their own
    _R(
        "/connections",
        "followers",
        "flat",
        {"followers": "followers", "following": "following"},
        _FLAT,
    ),
    _R(
        "/likes", "likes", "flat", {"media_likes": "likes", "comment_likes": "comment_likes"}, _FLAT
    ),
    _R("/comments", "comments", "flat", {"media_comments": "comments"}, _FLAT),
    _R(
        "/media",
        "posts",
        "flat",
        {"photos": "posts", "videos": "posts", "stories": "stories"},
        _FLAT,
        media_refs=True,
    ),
    _R(
        "/seen_content",
        "posts_viewed",
        "flat",
        {
            "posts_seen": "posts_viewed",
            "videos_watched": "videos_watched",
            "ads_seen": "ads_viewed",
        },
        _FLAT,
    ),
    _R("/account_history", "logins", "flat", {"login_history": "logins"}, _FLAT),
    _R("/devices", "devices", "flat", {"devices": "devices"}, _FLAT),
    _R("/profile", "profile", "single", schemas=_FLAT),
    _R("/settings", "settings", "single", schemas=_FLAT),
    _R("/searches", "searches", schemas=_FLAT),
    _R("/messages", "direct_messages", "messages", schemas=_FLAT),
    # 2021-22 topic folders and 2023+ groups (matched on the path's tail)
    _R("personal_information", "profile", "single", media_refs=True),
    _R("login_activity", "logins"),
    _R("logout_activity", "logins"),
    _R("password_change_activity", "logins"),
    _R("device_information/devices", "devices"),
    _R("messages/inbox/*/message", "direct_messages", "messages", media_refs=True),
    _R("messages/message_requests/*/message", "direct_messages", "messages", media_refs=True),
    _R("messages/archived_threads/*/message", "direct_messages", "messages", media_refs=True),
    _R("likes/liked_posts", "likes"),
    _R("story_interactions/story_likes", "likes"),
    _R("likes/liked_comments", "comment_likes"),
    _R("comments/post_comments", "comments"),
    _R("comments/reels_comments", "comments"),
    _R("followers_and_following/followers", "followers"),
    _R("followers_and_following/following", "following"),
    _R("content/posts", "posts", media_refs=True),
    _R("media/posts", "posts", media_refs=True),
    _R("content/reels", "posts", media_refs=True),
    _R("media/reels", "posts", media_refs=True),
    _R("content/stories", "stories", media_refs=True),
    _R("media/stories", "stories", media_refs=True),
    _R("recent_searches/account_searches", "searches"),
    _R("recent_searches/word_or_phrase_searches", "searches"),
    _R("recent_searches/profile_searches", "searches"),
    _R("recent_searches/tag_searches", "searches"),
    _R("posts_viewed", "posts_viewed"),
    _R("videos_watched", "videos_watched"),
    _R("ads_viewed", "ads_viewed"),
    _R("ads_clicked", "ad_clicks"),
    _R("ads_interests", "ad_interests"),
    _R("your_topics", "topics"),
    _R("your_reels_topics", "topics"),
    _R("your_reels_sentiments", "topics"),
    _R("advertisers_using_your_activity_or_information", "advertisers"),
    _R("your_activity_off_meta_technologies", "off_platform", "events"),
    _R("profile_based_in", "location"),
    _R("locations_of_interest", "location"),
    _R("last_known_location", "location"),
    _R("preferences/*", "settings"),
    _R("preferences/*/*", "settings"),
)

ROOTS: Final = s.SHARED_ROOTS | frozenset(
    {
        "your_instagram_activity",
        "apps_and_websites_off_of_instagram",
        "followers_and_following",
        "ads_and_topics",
        "ads_and_businesses",
        "login_and_account_creation",
        "information_about_you",
        "your_topics",
        "recent_searches",
        "account_information",
        "device_information",
        "content",
        "likes",
        "saved",
        "story_interactions",
        "comments",
        "photos",
        "videos",
        "stories",
        "direct",
        "profile",
    }
)
# Folders of 2021-22 that only Instagram has at the root.
_TOPIC_ROOTS: Final = frozenset(
    {
        "followers_and_following",
        "ads_and_topics",
        "ads_and_businesses",
        "login_and_account_creation",
        "information_about_you",
        "your_topics",
        "recent_searches",
        "account_information",
        "device_information",
        "content",
        "likes",
        "saved",
        "story_interactions",
    }
)
_FLAT_FILES: Final = frozenset(
    {"likes", "seen_content", "media", "profile", "searches", "account_history", "comments"}
)


def detect(members: MemberList) -> Detection | None:
    """Instagram's generation from the member names alone (section 0.2)."""
    paths = members.lower_paths()
    tops = s.tops(paths)
    fmt = s.format_of(paths)
    if "your_instagram_activity" in tops:
        return Detection(ID, NAME, fmt, "2023", 1.0)
    hits = tops & _TOPIC_ROOTS
    if len(hits) >= 2:
        return Detection(ID, NAME, fmt, "2021", 0.5 + 0.4 * len(hits) / len(_TOPIC_ROOTS))
    grouped = ("connections/followers_and_following/", "personal_information/personal_information")
    if "apps_and_websites_off_of_instagram" in tops or any(p.startswith(grouped) for p in paths):
        return Detection(ID, NAME, fmt, "2023", 0.8)
    root_files = {p.rsplit(".", 1)[0] for p in paths if "/" not in p and p.endswith(".json")}
    if "connections" in root_files and root_files & _FLAT_FILES:
        share = len(root_files & (_FLAT_FILES | {"connections"})) / (len(_FLAT_FILES) + 1)
        return Detection(ID, NAME, "json", "2018", 0.6 + 0.3 * share)
    return None


_LABELS: Final = labels_of(CATEGORIES)
PARSERS: Final = tuple(
    MetaParser(ID, fmt, schema, RULES, _LABELS)
    for schema, formats in (
        ("2018", ("json",)),
        ("2021", ("json", "html")),
        ("2023", ("json", "html")),
    )
    for fmt in formats
)


def _cat(short: str) -> str:
    return f"{ID}.{short}"


COLUMNS: Final[dict[str, tuple[Column, ...]]] = {
    _cat("logins"): (s.TIME, s.IP, s.USER_AGENT),
    _cat("devices"): (s.TIME, s.USER_AGENT),
    _cat("direct_messages"): (s.TIME, s.WHERE, s.SENDER, s.CONTENT),
    _cat("likes"): (s.TIME, s.ACCOUNT),
    _cat("comment_likes"): (s.TIME, s.ACCOUNT),
    _cat("comments"): (s.TIME, s.col("Comment", "string_map_data.Comment.value", "label:Comment")),
    _cat("followers"): (s.TIME, s.ACCOUNT),
    _cat("following"): (s.TIME, s.ACCOUNT),
    _cat("searches"): (
        s.TIME,
        s.col("Search", "string_map_data.Search.value", "label:Search", "search_click"),
    ),
    _cat("posts_viewed"): (s.TIME, s.col("Author", "string_map_data.Author.value", "label:Owner")),
    _cat("videos_watched"): (
        s.TIME,
        s.col("Author", "string_map_data.Author.value", "label:Owner"),
    ),
    _cat("ads_viewed"): (
        s.TIME,
        s.col("Advertiser", "string_map_data.Author.value", "label:Owner"),
    ),
    _cat("ad_clicks"): (s.TIME, s.TITLE),
    _cat("off_platform"): (
        s.TIME,
        s.col("Company", "name", "title"),
        s.col("Event", "event.type", "event"),
    ),
    _cat("media"): (s.TIME, s.MEDIA_PATH, s.MEDIA_TYPE, s.MEDIA_SIZE),
    _cat("unrecognized"): (s.TIME, s.WHERE, s.EVERYTHING),
}

INSTAGRAM: Final = Platform(
    id=ID,
    name=NAME,
    categories=CATEGORIES,
    roots=ROOTS,
    detect=detect,
    parsers=PARSERS,
    fields=s.META_FIELDS,
    columns=MappingProxyType(COLUMNS),
    regions=s.META_REGIONS,
)
