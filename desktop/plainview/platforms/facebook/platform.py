"""Facebook (platform-exports-multi.md section 3): detector, file rules, categories.

Generations (``schema``): ``2018`` the 2018-19 folders (``about_you/``, ``likes_and_reactions/``
...; root keys without ``_v2``), ``2020`` the 2020-23 topic folders (``_v2`` / ``_v3`` root
keys, ``apps_and_websites_off_of_facebook/``, ``comments_and_reactions/`` ...), ``2024`` the
``your_facebook_activity/`` layout (2025-26 ``label_values`` records read by the same rules).
Each comes as JSON or HTML.

Counting: one record per list item; direct messages one per message over every thread and
``message_N`` part; off_platform one record per *event*, not per company, the company kept in
each (``{"name": ..., "event": {...}}``); advertisers = advertisers using your activity plus
contact-list uploads; logins = logins and logouts, account activity and IP activity; devices =
where you're logged in and login protection data; the profile one record.
"""

from __future__ import annotations

from types import MappingProxyType
from typing import Final

from plainview.platforms.base import CategorySpec, Column, Detection, Platform
from plainview.platforms.members import MemberList
from plainview.platforms.meta import shared as s
from plainview.platforms.meta.engine import FileRule, MetaParser, labels_of

ID: Final = "facebook"
NAME: Final = "Facebook"


def _c(short: str, sensitivity: str, label: str, single: bool = False) -> CategorySpec:
    return CategorySpec(f"{ID}.{short}", sensitivity, label, single)  # type: ignore[arg-type]


CATEGORIES: Final = (
    _c("profile", "high", "Profile", single=True),
    _c("logins", "high", "Logins"),
    _c("devices", "medium", "Devices"),
    _c("direct_messages", "high", "Messages"),
    _c("posts", "medium", "Posts"),
    _c("comments", "medium", "Comments"),
    _c("reactions", "medium", "Reactions"),
    _c("friends", "medium", "Friends"),
    _c("followers", "medium", "Followers"),
    _c("groups", "medium", "Groups"),
    _c("searches", "high", "Searches"),
    _c("ad_interests", "medium", "Ad interests"),
    _c("advertisers", "medium", "Advertisers"),
    _c("ad_clicks", "medium", "Ads clicked"),
    _c("off_platform", "high", "Activity off Facebook"),
    _c("apps", "medium", "Apps and websites"),
    _c("app_posts", "low", "Posts from apps"),
    _c("location", "high", "Location"),
    _c("settings", "low", "Settings"),
    _c("media", "high", "Photos and videos"),
    _c("unrecognized", "medium", "Not recognised"),
)

_R = FileRule
RULES: Final = (
    _R("profile_information/profile_information", "profile", "single"),
    _R("logins_and_logouts", "logins"),
    _R("account_activity", "logins"),
    _R("ip_address_activity", "logins"),
    _R("where_you're_logged_in", "devices"),
    _R("where_you_re_logged_in", "devices"),
    _R("login_protection_data", "devices"),
    _R("messages/inbox/*/message", "direct_messages", "messages", media_refs=True),
    _R("messages/archived_threads/*/message", "direct_messages", "messages", media_refs=True),
    _R("messages/filtered_threads/*/message", "direct_messages", "messages", media_refs=True),
    _R("messages/message_requests/*/message", "direct_messages", "messages", media_refs=True),
    _R("messages/e2ee_cutover/*/message", "direct_messages", "messages", media_refs=True),
    _R("posts/your_posts", "posts", media_refs=True),
    _R("posts/your_posts__check_ins__photos_and_videos", "posts", media_refs=True),
    _R("comments/comments", "comments"),
    _R("comments_and_reactions/comments", "comments"),
    _R("likes_and_reactions/posts_and_comments", "reactions"),
    _R("comments_and_reactions/posts_and_comments", "reactions"),
    _R("comments_and_reactions/likes_and_reactions", "reactions"),
    _R("friends/friends", "friends"),
    _R("friends_and_followers/friends", "friends"),
    _R("friends/your_friends", "friends"),
    _R("following_and_followers/followers", "followers"),
    _R("friends_and_followers/followers", "followers"),
    _R("people_who_followed_you", "followers"),
    _R("groups/your_group_membership_activity", "groups"),
    _R("search_history/your_search_history", "searches"),
    _R("search/your_search_history", "searches"),
    _R("ads_interests", "ad_interests"),
    _R("advertisers_using_your_activity_or_information", "advertisers"),
    _R("advertisers_who_uploaded_a_contact_list_with_your_information", "advertisers"),
    _R("advertisers_you've_interacted_with", "ad_clicks"),
    _R("advertisers_you_ve_interacted_with", "ad_clicks"),
    _R("your_off-facebook_activity", "off_platform", "events"),
    _R("your_activity_off_meta_technologies", "off_platform", "events"),
    _R("apps_and_websites", "apps"),
    _R("connected_apps_and_websites", "apps"),
    _R("posts_from_apps_and_websites", "app_posts"),
    _R("location_history/location_history", "location"),
    _R("location/timezone", "location"),
    _R("location/primary_location", "location"),
    _R("location/primary_public_location", "location"),
    _R("your_locations", "location"),
    _R("preferences/*", "settings"),
    _R("preferences/*/*", "settings"),
)

_Y2018: Final = frozenset(
    {
        "about_you",
        "ads",
        "apps_and_websites",
        "calls_and_messages",
        "likes_and_reactions",
        "following_and_followers",
        "friends",
        "location_history",
        "search_history",
        "your_places",
        "marketplace",
        "other_activity",
        "payment_history",
        "photos_and_videos",
        "saved_items",
        "events",
        "groups",
        "pages",
        "posts",
        "comments",
        "profile_information",
    }
)
_Y2018_ONLY: Final = frozenset(
    {
        "about_you",
        "ads",
        "apps_and_websites",
        "calls_and_messages",
        "likes_and_reactions",
        "following_and_followers",
        "location_history",
        "search_history",
        "your_places",
        "payment_history",
        "saved_items",
    }
)
_Y2020_ONLY: Final = frozenset(
    {
        "apps_and_websites_off_of_facebook",
        "comments_and_reactions",
        "friends_and_followers",
        "other_logged_information",
        "your_interactions_on_facebook",
    }
)
ROOTS: Final = (
    s.SHARED_ROOTS
    | _Y2018
    | _Y2020_ONLY
    | frozenset(
        {"your_facebook_activity", "ads_information", "notifications", "search", "your_topics"}
    )
)


def detect(members: MemberList) -> Detection | None:
    """Facebook's generation from the member names alone (section 0.2)."""
    paths = members.lower_paths()
    tops = s.tops(paths)
    fmt = s.format_of(paths)
    if "your_facebook_activity" in tops:
        return Detection(ID, NAME, fmt, "2024", 1.0)
    if any(p.startswith("personal_information/profile_information/") for p in paths):
        return Detection(ID, NAME, fmt, "2024", 0.8)
    hits = tops & _Y2020_ONLY
    if hits:
        return Detection(ID, NAME, fmt, "2020", 0.6 + 0.35 * len(hits) / len(_Y2020_ONLY))
    old = tops & _Y2018_ONLY
    if len(old) >= 2:
        return Detection(ID, NAME, fmt, "2018", 0.5 + 0.4 * len(old) / len(_Y2018_ONLY))
    return None


_LABELS: Final = labels_of(CATEGORIES)
PARSERS: Final = tuple(
    MetaParser(ID, fmt, schema, RULES, _LABELS)
    for schema in ("2018", "2020", "2024")
    for fmt in ("json", "html")
)


def _cat(short: str) -> str:
    return f"{ID}.{short}"


COLUMNS: Final[dict[str, tuple[Column, ...]]] = {
    _cat("logins"): (s.TIME, s.col("Action", "action", "label:Action"), s.IP),
    _cat("devices"): (s.TIME, s.USER_AGENT, s.IP),
    _cat("direct_messages"): (s.TIME, s.WHERE, s.SENDER, s.CONTENT),
    _cat("posts"): (s.TIME, s.col("Post", "data.post", "title")),
    _cat("comments"): (s.TIME, s.col("Comment", "data.comment.comment", "title")),
    _cat("reactions"): (s.TIME, s.col("Reaction", "data.reaction.reaction"), s.TITLE),
    _cat("friends"): (s.TIME, s.col("Name", "name", "title")),
    _cat("followers"): (s.TIME, s.col("Name", "name", "title")),
    _cat("groups"): (s.TIME, s.TITLE),
    _cat("searches"): (s.TIME, s.col("Search", "data.text", "title")),
    _cat("advertisers"): (s.col("Advertiser", "advertiser_name", "label_values"),),
    _cat("ad_clicks"): (s.TIME, s.TITLE, s.col("Action", "action")),
    _cat("off_platform"): (
        s.TIME,
        s.col("Company", "name", "title"),
        s.col("Event", "event.type", "event"),
    ),
    _cat("apps"): (s.TIME, s.col("App", "name", "title")),
    _cat("media"): (s.TIME, s.MEDIA_PATH, s.MEDIA_TYPE, s.MEDIA_SIZE),
    _cat("unrecognized"): (s.TIME, s.WHERE, s.EVERYTHING),
}

FACEBOOK: Final = Platform(
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
