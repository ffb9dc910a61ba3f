"""Exports Plainview knows but cannot read yet: recognised from member names alone, named.

A person who drops their X archive or Google Takeout should hear "this is an export from X",
with what to do, not "could not find TikTok data". Recognition reads only the normalised list
of member names (``formats/platform-exports-multi.md`` §0: junk dropped, wrapper folders ignored
by matching path *suffixes*, NFC, no-break space as a space, case folded), never content.

Signatures are data (``SIGNATURES``), one entry per platform, so each can later move into that
platform's own package when it becomes a plug-in. Qt-free.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from fnmatch import fnmatchcase
from typing import Final


@dataclass(frozen=True, slots=True)
class Signature:
    """How to recognise one platform's export.

    ``patterns`` are globs over a member's path *suffix* (lower case, ``/``-separated): a
    pattern ending in ``/`` is a folder anywhere in the path; ``*`` stays inside one name.
    The export matches when at least ``need`` different patterns match some member.
    """

    platform: str  # stable id, as in DESIGN.md's category ids ("x", "google", ...)
    name: str  # how people call it, shown in messages
    patterns: tuple[str, ...]
    need: int = 1


#: First match wins; rows from most to least specific (§0.2 of the format reference).
SIGNATURES: Final[tuple[Signature, ...]] = (
    Signature(
        "x",
        "X (Twitter)",
        (
            "data/manifest.js",
            "data/tweets.js",
            "data/tweet.js",
            "data/tweets-part*.js",
            "data/account.js",
            "data/like.js",
            "data/direct-messages.js",
            "your archive.html",
        ),
    ),
    # the 2018-2020 GDPR archive: the same .js files at the root, no data/ folder
    Signature("x", "X (Twitter)", ("tweet.js", "account.js", "like.js", "ad-impressions.js"), 2),
    # the classic tweet archive (up to 2018)
    Signature("x", "X (Twitter)", ("tweets.csv", "data/js/tweet_index.js"), 1),
    Signature(
        "google",
        "Google Takeout",
        (
            "takeout/",
            "archive_browser.html",
            "archiv_übersicht.html",
            "portability/my activity/",
            "my activity/*/myactivity.json",
            "my activity/*/myactivity.html",
            "youtube and youtube music/history/watch-history.json",
            "location history/records.json",
            "semantic location history/",
        ),
    ),
    Signature(
        "instagram",
        "Instagram",
        (
            "your_instagram_activity/",
            "apps_and_websites_off_of_instagram/",
            "followers_and_following/followers.json",
            "followers_and_following/followers_1.json",
            "login_and_account_creation/login_activity.json",
            "ads_and_topics/posts_viewed.json",
            "ads_and_topics/videos_watched.json",
        ),
    ),
    # the 2018-2020 flat layout
    Signature(
        "instagram",
        "Instagram",
        ("connections.json", "seen_content.json", "stories_activities.json", "media.json"),
        2,
    ),
    Signature(
        "facebook",
        "Facebook",
        (
            "your_facebook_activity/",
            "apps_and_websites_off_of_facebook/",
            "profile_information/profile_information.json",
            "profile_information/profile_information.html",
            "friends_and_followers/",
            "your_interactions_on_facebook/",
            "html/messages.htm",
        ),
    ),
    # 2018-2019: topic folders that only Facebook used together
    Signature(
        "facebook",
        "Facebook",
        ("about_you/", "calls_and_messages/", "likes_and_reactions/", "your_places/"),
        2,
    ),
    Signature(
        "linkedin",
        "LinkedIn",
        (
            "connections.csv",
            "ad_targeting.csv",
            "inferences_about_you.csv",
            "invitations.csv",
            "member_follows.csv",
        ),
    ),
    Signature(
        "netflix",
        "Netflix",
        (
            "content_interaction/viewingactivity.csv",
            "profiles/profiles.csv",
            "ip_addresses/ipaddressesstreaming.csv",
            "netflixviewinghistory.csv",
            "viewingactivity.csv",
        ),
    ),
    Signature(
        "snapchat",
        "Snapchat",
        (
            "memories_history.json",
            "memories_history.html",
            "snap_history.json",
            "snap_history.html",
            "json/chat_history.json",
            "html/chat_history.html",
            "json/snap_map_places.json",
        ),
    ),
    Signature(
        "spotify",
        "Spotify",
        (
            "streaminghistory*.json",
            "streaming_history_audio_*.json",
            "spotify account data/",
            "spotify extended streaming history/",
        ),
    ),
    Signature(
        "whatsapp",
        "WhatsApp",
        ("whatsapp_report/", "registration_info.json", "whatsapp chat with *.txt"),
    ),
    Signature(
        "reddit",
        "Reddit",
        ("post_votes.csv", "comment_votes.csv", "subscribed_subreddits.csv"),
        2,
    ),
)


def normalise(name: str) -> str:
    """A member name as signatures see it: ``/``-separated, NFC, NBSP as space, lower case."""
    text = unicodedata.normalize("NFC", name.replace("\\", "/")).replace("\xa0", " ")
    return "/" + text.strip("/").casefold()


def _matches(pattern: str, names: list[str]) -> bool:
    if pattern.endswith("/"):
        glob = "*/" + pattern + "*"
        return any(fnmatchcase(n + "/", glob) for n in names)
    glob = "*/" + pattern
    return any(fnmatchcase(n, glob) for n in names)


def recognise(member_names: Iterable[str]) -> Signature | None:
    """The known-but-unsupported export these member names belong to, or ``None``."""
    names = [normalise(n) for n in member_names]
    if not names:
        return None
    for signature in SIGNATURES:
        hits = sum(1 for p in signature.patterns if _matches(p, names))
        if hits >= signature.need:
            return signature
    return None


def platform_names() -> list[str]:
    """Every platform recognised here, each once, in table order (for help texts)."""
    seen: dict[str, str] = {}
    for s in SIGNATURES:
        seen.setdefault(s.platform, s.name)
    return list(seen.values())
