"""Redaction rules per field kind, on every category (DESIGN.md "anonymized")."""

from __future__ import annotations

import json
import string
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from plainview.model import TIKTOK_CATEGORIES, UNRECOGNIZED
from plainview.sharing.redact import (
    REMOVED,
    Pseudonymizer,
    Redactor,
    anonymize,
    cut_to_day,
    rule_for,
    truncate_ip,
)
from tests.fixtures.plugin_sharing import Planted, sample_items

KEY = b"k" * 32


def test_ip_addresses_are_cut_to_24_and_48() -> None:
    assert truncate_ip("192.0.2.10") == "192.0.2.0/24"
    assert truncate_ip("2001:db8:1:2::1") == "2001:db8:1::/48"
    assert truncate_ip("::ffff:198.51.100.7") == "198.51.100.0/24"
    assert truncate_ip("not an ip MARK") == REMOVED


def test_times_keep_only_the_day() -> None:
    assert cut_to_day("2025-02-10 19:01:33") == "2025-02-10"
    assert cut_to_day("2026-03-01 10:00:00 UTC") == "2026-03-01"
    assert cut_to_day(1700000012) == 1699920000
    assert cut_to_day(1700000012345) == 1699920000000
    assert cut_to_day("yesterday at noon") == REMOVED


def test_pseudonyms_are_keyed_and_stable_within_one_package() -> None:
    a, b = Pseudonymizer(KEY), Pseudonymizer(b"j" * 32)
    assert a("bob") == a("@Bob") != b("bob")
    assert a("bob").startswith("user-") and len(a("bob")) == len("user-") + 10
    assert Pseudonymizer()("bob") != Pseudonymizer()("bob")  # a new random key each package


@pytest.mark.parametrize(
    ("key", "rule"),
    [
        ("SearchTerm", "remove"),
        ("Search Term", "remove"),
        ("search_term", "remove"),
        ("UserName", "pseudonym"),
        ("User Name", "pseudonym"),
        ("IP", "ip"),
        ("Date", "day"),
        ("date", "day"),
        ("VideoLink", "link"),
        ("emailAddress", "remove"),
        ("masked_phone_number", "remove"),
        ("adress_info", "remove"),
        ("Who Can Duet With Your Videos", "keep"),
        ("Personalized Ads", "keep"),
        ("SomethingNew", "unknown"),
    ],
)
def test_rules_by_key_name_ignore_case_and_spacing(key: str, rule: str) -> None:
    assert rule_for(key) == rule


def test_links_keep_no_user_information() -> None:
    r = Redactor(Pseudonymizer(KEY))
    assert (
        r.clean_link("https://www.tiktokv.com/share/video/7000000000000000201/?u=me")
        == "https://www.tiktokv.com/share/video/7000000000000000201/"
    )
    out = r.clean_link("https://www.tiktok.com/@secretuser/video/7000000000000000202")
    assert "secretuser" not in out and "/@user-" in out and out.endswith("/7000000000000000202")
    assert r.clean_link("https://ads.example.invalid/c?x=secret") == "https://ads.example.invalid/"
    assert r.clean_link("javascript:alert(1)") == REMOVED


@pytest.mark.parametrize("category", TIKTOK_CATEGORIES)
def test_every_category_loses_every_planted_secret(category: str) -> None:
    planted = Planted()
    items = sample_items(planted)[category]
    r = Redactor(Pseudonymizer(KEY))
    out = json.dumps([anonymize(category, i, r.pseudonym) for i in items])
    for marker in planted.by_category.get(category, set()):
        assert marker not in out
    # and what is harmless survives
    if category == "tiktok.logins":
        assert "192.0.2.0/24" in out and "Pixel 7" in out and "2025-02-10" in out
        assert "19:01:33" not in out
    if category == "tiktok.settings":
        assert '"Personalized Ads": "On"' in out
    if category == UNRECOGNIZED:
        assert "Mini Drama Watch History" in out  # structure kept


def test_unknown_keys_keep_setting_words_only() -> None:
    """Numbers under unknown keys go too (issue 16): a user id, an epoch time, a place."""
    r = Redactor(Pseudonymizer(KEY))
    out = r.anonymize(
        {
            "NewKey": "MARKsecret",
            "NewCount": 3,
            "NewSwitch": "Off",
            "Nested List": [{"DeepField": "MARKdeep"}],
            "NewValue": True,
        }
    )
    assert out == {
        "NewKey": REMOVED,
        "NewCount": REMOVED,
        "NewSwitch": "Off",
        "Nested List": [{"DeepField": REMOVED}],
        "NewValue": True,
    }
    assert r.counts["unknown_removed"] == 3


def test_chat_partner_in_keys_and_source_paths_is_pseudonymized() -> None:
    r = Redactor(Pseudonymizer(KEY))
    out = r.anonymize({"Chat History with bob:": [{"From": "bob", "Content": "hi"}]})
    assert "bob" not in json.dumps(out) and "hi" not in json.dumps(out)
    assert "bob" not in r.source_path("x.json:Direct Message/Chat History with bob:")


_text = st.text(alphabet=string.ascii_letters + string.digits + " .@+-_", min_size=0, max_size=12)
_free_keys = st.sampled_from(
    [
        "SearchTerm",
        "Comment",
        "Content",
        "bioDescription",
        "emailAddress",
        "telephoneNumber",
        "FirstName",
        "Address",
        "ReviewText",
        "AdTitle",
        "Title",
        "UnknownNewField",
        "UserName",
        "From",
    ]
)


@settings(max_examples=300, deadline=None)
@given(
    key=_free_keys,
    prefix=_text,
    suffix=_text,
    nesting=st.integers(min_value=0, max_value=3),
    category=st.sampled_from(TIKTOK_CATEGORIES),
)
def test_property_no_marker_survives_anonymization(
    key: str, prefix: str, suffix: str, nesting: int, category: str
) -> None:
    marker = "MARKZQX"
    value: Any = {key: prefix + marker + suffix}
    for _ in range(nesting):
        value = {"Wrapper": [value]}
    out = json.dumps(anonymize(category, value, Pseudonymizer(KEY)), ensure_ascii=False)
    assert marker not in out


# Every item key named in shared/formats/platform-exports.md (JSON keys and TXT labels),
# separated by "|".
DOCUMENTED = """
Date|date|Link|link|VideoLink|Title|timepertiktok|SearchTerm|SharedContent|Method|UserName|IP|
DeviceModel|DeviceSystem|NetworkType|Carrier|Resolution|IDFA|GAID|IDFV|UID|DID|GpsData|
LastRegion|note|videoCount|commentVideoCount|sharedVideoCount|HashtagName|HashtagLink|
GiftAmount|Price|Comment|comment|photo|video|sticker|originalPostUrl|Photo|Url|Likes|WhoCanView|
AllowComments|AllowStitches|AllowDuets|AllowStickers|AllowSharingToStory|ContentDisclosure|
AIGeneratedContent|Sound|Location|AddYoursText|From|Content|userName|displayName|
bioDescription|birthDate|emailAddress|telephoneNumber|likesReceived|profilePhoto|profileVideo|
PlatformInfo|accountRegion|inferredGender|followerCount|followingCount|aiSelf|instagramLink|
youtubeLink|lemon8Link|fundraiser|PhoneNumber|Email|FirstName|LastName|Address|ZipCode|Unit|
City|State|Country|Interests|DataPartnerList|AdvertiserList|TimeStamp|Source|Event|CreateTime|
AdTitle|AdLink|WatchTime|Comments|CommentTime|CommentContent|RawTime|Questions|LiveStartTime|
LiveEndTime|LiveDuration|RoomId|RoomTitle|CoverUri|ReplayUrl|TotalEarning|TotalLike|TotalView|
TotalGifter|QualitySetting|MutedList|send_time|shop_name|direction|content|browsing_date|
product_name|order_date|total_price|order_status|receiver_name|masked_phone_number|adress_info|
Type|CoinAmount|PlaceName|Rating|Status|ReviewText|CreateDate|EffectLink|AdInterestCategories|
App|IsFastLane|videosWatchedToTheEndSinceAccountRegistration|App Version|Android ID|Web ID|
App Language|Private Account|Personalized Ads|Content Preferences|Push Notification|
original post link|Search Term|Shared Content|Hashtag Name|Hashtag Link|Device Model|
Device System|Network Type|Username|User Name|HashTag Link:|Bio Description|
Who can see your following list::|Who Can Duet With Your Videos
"""
DOCUMENTED_KEYS = [k.strip() for k in DOCUMENTED.replace("\n", "").split("|")]

CONTAINERS = {"comments", "questions", "platforminfo", "contentpreferences", "pushnotification"}


@pytest.mark.parametrize("key", DOCUMENTED_KEYS)
def test_every_documented_key_has_a_rule(key: str) -> None:
    from plainview.sharing.redact import norm_key

    if norm_key(key) in CONTAINERS:
        return  # containers: their children carry the rules
    assert rule_for(key) != "unknown", key


def test_source_paths_lose_group_names_and_ids() -> None:
    r = Redactor(Pseudonymizer(KEY))
    group = r.source_path(
        "user_data_tiktok.json:Direct Message/Group Chat/GroupChat/Group Chat with MARKgrp:"
    )
    assert "MARKgrp" not in group and group.startswith(
        "user_data_tiktok.json:Direct Message/Group Chat/"
    )
    room = r.source_path(
        "user_data_tiktok.json:TikTok Live/Watch Live History/WatchLiveMap/7000000000000005000"
    )
    assert "7000000000000005000" not in room and "/key-" in room
    plain = "user_data_tiktok.json:Your Activity/Searches/SearchList"
    assert r.source_path(plain) == plain
    # a TXT member keeps only its base name: its folders can carry the username and a time
    assert r.source_path("TikTok_Data_alice_20250301120000/TikTok/Searches.txt") == "Searches.txt"
    out = r.anonymize({"Group Chat with MARKgrp:": [{"Content": "x"}]})
    assert "MARKgrp" not in json.dumps(out)


def test_unknown_one_word_keys_that_could_be_usernames_are_pseudonymized() -> None:
    r = Redactor(Pseudonymizer(KEY))
    out = r.anonymize({"alice": {"Brand New Field": 1, "FutureList": [3]}}, unrecognized=True)
    text = json.dumps(out)
    assert "alice" not in text and "Brand New Field" in text and "FutureList" in text
    out = r.anonymize({"bob": 2, "Date": "2025-01-01 10:00:00"})
    assert "bob" not in json.dumps(out) and out["Date"] == "2025-01-01"
