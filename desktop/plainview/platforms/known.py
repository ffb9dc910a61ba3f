"""Platforms Plainview knows by their export's shape but cannot read yet (section 0.2).

Each is a detector only: the registry names the platform in a plain "not supported yet"
message instead of a vague "unknown archive". Matched on the raw normalised paths, before
any wrapper is stripped (Google's ``Takeout/`` is the signature itself).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Final

from plainview.platforms.base import Detection
from plainview.platforms.members import MemberList


@dataclass(frozen=True)
class KnownPlatform:
    id: str
    name: str
    detect: Callable[[MemberList], Detection | None]


def _x(members: MemberList) -> Detection | None:
    paths = members.lower_paths()
    tails = [p.rsplit("/", 2)[-2:] for p in paths]
    for t in tails:
        joined = "/".join(t)
        if (
            joined in ("data/manifest.js", "data/tweets.js", "data/tweet.js")
            or t[-1] == "your archive.html"
        ):
            return Detection("x", "X (Twitter)", "js", "", 0.95, supported=False)
    roots = {p for p in paths if "/" not in p}
    if {"tweet.js", "account.js"} <= roots or "tweets.csv" in roots:
        return Detection("x", "X (Twitter)", "js", "", 0.8, supported=False)
    return None


def _google(members: MemberList) -> Detection | None:
    for p in members.lower_paths():
        parts = p.split("/")
        if "takeout" in parts[:-1] or parts[-1] in (
            "archive_browser.html",
            "archiv_übersicht.html",
        ):
            return Detection("google", "Google Takeout", "json", "", 0.9, supported=False)
        if parts[0] == "portability" and "my activity" in parts:
            return Detection("google", "Google Takeout", "json", "", 0.8, supported=False)
    return None


_LINKEDIN: Final = frozenset(
    {
        "connections.csv",
        "profile.csv",
        "ad_targeting.csv",
        "inferences_about_you.csv",
        "messages.csv",
        "invitations.csv",
    }
)


def _linkedin(members: MemberList) -> Detection | None:
    names = {p.rsplit("/", 1)[-1] for p in members.lower_paths()}
    hits = names & _LINKEDIN
    if len(hits) >= 2:
        return Detection(
            "linkedin", "LinkedIn", "csv", "", 0.5 + 0.4 * len(hits) / 6, supported=False
        )
    return None


def _netflix(members: MemberList) -> Detection | None:
    for p in members.lower_paths():
        if p.endswith(("content_interaction/viewingactivity.csv", "profiles/profiles.csv")):
            return Detection("netflix", "Netflix", "csv", "", 0.9, supported=False)
    return None


KNOWN_PLATFORMS: Final = (
    KnownPlatform("x", "X (Twitter)", _x),
    KnownPlatform("google", "Google Takeout", _google),
    KnownPlatform("linkedin", "LinkedIn", _linkedin),
    KnownPlatform("netflix", "Netflix", _netflix),
)
