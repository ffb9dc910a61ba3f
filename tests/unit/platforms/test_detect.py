"""Detection from normalised member lists: best score wins, known-but-unsupported is named."""

from __future__ import annotations

import pytest

from plainview.errors import ArchiveRejected
from plainview.platforms.members import MemberList, strip_wrappers
from tests.fixtures.meta_export import all_cases, export
from tests.unit.platforms.helpers import REGISTRY

TIKTOK = ["user_data_tiktok.json"]
TIKTOK_TXT = ["TikTok_Data/Activity/Browsing History.txt", "TikTok_Data/Profile/Profile Info.txt"]


def detect(names: list[str]) -> tuple[str, str, str] | None:
    found = REGISTRY.detect(REGISTRY.members(names))
    return None if found is None else (found.platform, found.schema, found.format)


@pytest.mark.parametrize(("platform", "generation", "fmt"), all_cases())
def test_every_generated_export_is_recognised(platform: str, generation: str, fmt: str) -> None:
    ex = export(platform, generation, fmt)
    wrapped = [ex.wrapper() + n for n in ex.files] + ["__MACOSX/._x", ex.wrapper() + ".DS_Store"]
    assert detect(list(ex.files)) == (platform, generation, fmt)
    assert detect(wrapped) == (platform, generation, fmt)


@pytest.mark.parametrize("names", [TIKTOK, TIKTOK_TXT, ["notes.txt"], ["a/b/c.json"], []])
def test_tiktok_and_unknown_lists_are_nobody_s(names: list[str]) -> None:
    assert detect(names) is None


@pytest.mark.parametrize(
    ("names", "platform"),
    [
        (["Your archive.html", "data/manifest.js", "data/tweets.js"], "X (Twitter)"),
        (["tweet.js", "account.js", "like.js"], "X (Twitter)"),
        (
            ["Takeout/archive_browser.html", "Takeout/YouTube and YouTube Music/history/w.json"],
            "Google Takeout",
        ),
        (["Connections.csv", "Profile.csv", "messages.csv"], "LinkedIn"),
        (["123/CONTENT_INTERACTION/ViewingActivity.csv", "123/PROFILES/Profiles.csv"], "Netflix"),
    ],
)
def test_known_but_unsupported_platforms_are_named(names: list[str], platform: str) -> None:
    with pytest.raises(ArchiveRejected) as info:
        detect(names)
    assert info.value.code == "unsupported_platform"  # type: ignore[attr-defined]
    assert platform in info.value.message
    assert "Instagram" in (info.value.hint or "") and "Facebook" in (info.value.hint or "")


def test_instagram_and_facebook_2024_share_folders_but_not_activity() -> None:
    shared = [
        "ads_information/ads_and_topics/ads_viewed.json",
        "logged_information/recent_searches/word_or_phrase_searches.json",
        "personal_information/device_information/devices.json",
        "security_and_login_information/login_and_profile_creation/login_activity.json",
        "preferences/your_topics/your_topics.json",
    ]
    assert detect(shared) is None  # the shared folders decide nothing
    ig = detect([*shared, "your_instagram_activity/likes/liked_posts.json"])
    fb = detect(
        [*shared, "your_facebook_activity/posts/your_posts__check_ins__photos_and_videos_1.json"]
    )
    assert ig == ("instagram", "2023", "json")
    assert fb == ("facebook", "2024", "json")


def test_best_score_wins_over_a_weaker_match() -> None:
    # an Instagram 2021 export that also carries one Facebook-2020-only folder name
    names = [
        "followers_and_following/followers.json",
        "ads_and_topics/ads_viewed.json",
        "login_and_account_creation/login_activity.json",
        "information_about_you/ads_interests.json",
        "your_topics/your_topics.json",
        "recent_searches/account_searches.json",
        "account_information/personal_information.json",
        "comments_and_reactions/comments.json",
    ]
    members = REGISTRY.members(names)
    ranked = REGISTRY.scores(members)
    assert [d.platform for d in ranked] == ["instagram", "facebook"]
    assert ranked[0].score > ranked[1].score


def test_html_export_is_html() -> None:
    names = [
        "your_facebook_activity/posts/your_posts__check_ins__photos_and_videos_1.html",
        "connections/friends/your_friends.html",
        "start_here.html",
        "your_facebook_activity/posts/media/a.jpg",
    ]
    assert detect(names) == ("facebook", "2024", "html")


def test_wrapper_folders_stripped_up_to_two_levels_but_never_a_layout_root() -> None:
    names = [
        "meta-2026-Jan-02-10-00-00/instagram-pv-2026-01-02-Ab/connections/followers_and_following/followers_1.json",
        "meta-2026-Jan-02-10-00-00/instagram-pv-2026-01-02-Ab/your_instagram_activity/likes/liked_posts.json",
    ]
    members = REGISTRY.members(names)
    assert members.paths[0].startswith("connections/")
    # a one-folder export keeps its folder: "messages" is a layout root, not a wrapper
    only = ["messages/inbox/a_1/message_1.json", "messages/inbox/b_2/message_1.json"]
    assert REGISTRY.members(only).paths == tuple(only)
    assert strip_wrappers(["a/x.json", "b/y.json"], frozenset()) == ("", 0)


def test_names_are_nfc_and_nbsp_is_a_space() -> None:
    decomposed = "e\u0301vents/no\u00a0data.txt"
    members = MemberList.from_names([decomposed, "x/y.json"])
    assert "évents/no data.txt" in members.paths
