"""The Platform contract and the registry: ids as DESIGN.md lists them, field rules, columns,
policy regions, messages in both languages, and no Qt anywhere under plainview.platforms."""

from __future__ import annotations

import subprocess
import sys
import tomllib

import pytest

from plainview.platforms import DEFAULT_PLATFORMS, PlatformRegistry
from plainview.platforms.base import CategorySpec, FieldRules, Platform
from plainview.platforms.messages import codes
from plainview.resources import read_text

# DESIGN.md "Category ids", as written there (the public contract).
DESIGN_IDS = {
    "instagram": (
        "profile logins devices direct_messages likes comment_likes comments followers "
        "following posts stories searches posts_viewed videos_watched ads_viewed ad_clicks "
        "ad_interests topics advertisers off_platform location settings media unrecognized"
    ),
    "facebook": (
        "profile logins devices direct_messages posts comments reactions friends followers "
        "groups searches ad_interests advertisers ad_clicks off_platform apps app_posts "
        "location settings media unrecognized"
    ),
}


def test_default_platforms_are_instagram_and_facebook() -> None:
    assert [p.id for p in DEFAULT_PLATFORMS] == ["instagram", "facebook"]
    assert isinstance(DEFAULT_PLATFORMS, tuple)


@pytest.mark.parametrize("platform", DEFAULT_PLATFORMS, ids=lambda p: p.id)
def test_every_design_id_and_nothing_else(platform: Platform) -> None:
    want = {f"{platform.id}.{c}" for c in DESIGN_IDS[platform.id].split()}
    assert set(platform.category_ids) == want
    assert all(c.sensitivity in ("low", "medium", "high") and c.label for c in platform.categories)
    assert platform.category(f"{platform.id}.profile").single


@pytest.mark.parametrize("platform", DEFAULT_PLATFORMS, ids=lambda p: p.id)
def test_parsers_cover_each_generation_it_detects(platform: Platform) -> None:
    pairs = {(p.format, p.schema) for p in platform.parsers}
    schemas = {s for _f, s in pairs}
    assert len(schemas) == 3
    for schema in schemas - ({"2018"} if platform.id == "instagram" else set()):
        assert {("json", schema), ("html", schema)} <= pairs
    with pytest.raises(KeyError):
        platform.parser("csv", "2018")


@pytest.mark.parametrize("platform", DEFAULT_PLATFORMS, ids=lambda p: p.id)
def test_columns_name_only_own_categories(platform: Platform) -> None:
    assert platform.columns
    assert set(platform.columns) <= set(platform.category_ids)
    for cols in platform.columns.values():
        assert cols[0].is_time or cols[0].header
    with pytest.raises(TypeError):
        platform.columns["x"] = ()  # type: ignore[index]


@pytest.mark.parametrize(
    ("key", "rule"),
    [
        ("IP Address", "ip"),
        ("Adresse IP", "ip"),
        ("IP-Adresse", "ip"),
        ("IP 주소", "ip"),
        ("upload_ip", "ip"),
        ("sender_name", "name"),
        ("Auteur", "name"),
        ("Nom d’utilisateur", "id"),
        ("fbid", "id"),
        ("content", "free_text"),
        ("Recherche", "free_text"),
        ("E-Mail-Adresse", "free_text"),
        ("Imprecise Latitude", "place"),
        ("Nom de la ville", "place"),
        ("timestamp_ms", "time"),
        ("시간", "time"),
        ("Heure", "time"),
        ("href", "link"),
        ("has_remarketing_custom_audience", None),
        ("value", None),
    ],
)
def test_field_rules_know_localized_keys(key: str, rule: str | None) -> None:
    for platform in DEFAULT_PLATFORMS:
        assert platform.fields.rule(key) == rule


def test_policy_regions() -> None:
    for platform in DEFAULT_PLATFORMS:
        assert [r.key for r in platform.regions] == ["eea", "us", "row"]
        assert platform.policy_for_region("FR") == "eea"
        assert platform.policy_for_region("no") == "eea"
        assert platform.policy_for_region("US") == "us"
        assert platform.policy_for_region("JP") == "row"
        assert platform.policy_for_region(None) == "row"
        eea = platform.regions[0]
        assert eea.controller == "Meta Platforms Ireland Limited"


def test_registry_lookups_and_refusals() -> None:
    reg = PlatformRegistry(DEFAULT_PLATFORMS)
    assert reg.ids == ("instagram", "facebook")
    assert reg.get("facebook").name == "Facebook"
    assert reg.platform_of("instagram.logins").id == "instagram"
    with pytest.raises(KeyError):
        reg.get("tiktok")
    with pytest.raises(ValueError, match="twice"):
        PlatformRegistry([*DEFAULT_PLATFORMS, DEFAULT_PLATFORMS[0]])
    assert "your_instagram_activity" in reg.roots and "your_facebook_activity" in reg.roots


def test_a_platform_must_prefix_its_ids_and_keep_unrecognized() -> None:
    base = DEFAULT_PLATFORMS[0]
    good = CategorySpec("demo.unrecognized", "medium", "Not recognised")
    with pytest.raises(ValueError, match="prefix"):
        Platform(
            "demo",
            "Demo",
            (good, CategorySpec("other.x", "low", "X")),
            frozenset(),
            base.detect,
            (),
            FieldRules(),
        )
    with pytest.raises(ValueError, match="unrecognized"):
        Platform(
            "demo",
            "Demo",
            (CategorySpec("demo.x", "low", "X"),),
            frozenset(),
            base.detect,
            (),
            FieldRules(),
        )
    with pytest.raises(ValueError, match="twice"):
        Platform("demo", "Demo", (good, good), frozenset(), base.detect, (), FieldRules())


def test_messages_exist_in_both_languages_with_the_same_placeholders() -> None:
    en = tomllib.loads(read_text("platforms", "messages.en.toml"))
    zh = tomllib.loads(read_text("platforms", "messages.zh_CN.toml"))
    assert set(en) == set(zh) == set(codes())
    for code in en:
        for part in ("message", "hint"):
            if part in en[code]:
                a, b = en[code][part], zh[code][part]
                assert sorted(_fields(a)) == sorted(_fields(b)), code


def _fields(text: str) -> list[str]:
    import string

    return [f for _l, f, _s, _c in string.Formatter().parse(text) if f]


def test_platforms_import_no_qt() -> None:
    code = (
        "import sys, plainview.platforms, plainview.platforms.meta.html;"
        "bad=[m for m in sys.modules if m.startswith(('PySide6','shiboken'))];"
        "print(','.join(bad))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""


def test_columns_find_their_values_in_every_shape() -> None:
    ig = DEFAULT_PLATFORMS[0]
    time_col, ip, device = ig.columns["instagram.logins"]
    assert time_col.is_time and time_col.value({"timestamp": 5}) is None
    french = {"string_map_data": {"Adresse IP": {"value": "198.51.100.1", "timestamp": 0}}}
    assert ip.value(french) == "198.51.100.1"
    newer = {"timestamp": 5, "label_values": [{"label": "IP address", "value": "192.0.2.1"}]}
    assert ip.value(newer) == "192.0.2.1"
    assert device.value({"string_map_data": {"user agent": {"value": "Firefox"}}}) == "Firefox"
    _t, account = ig.columns["instagram.followers"]
    follower = {"title": "", "string_list_data": [{"value": "friend.01", "timestamp": 5}]}
    assert account.value(follower) == "friend.01"
    following_2025 = {"title": "friend.02", "string_list_data": [{"href": "x", "timestamp": 5}]}
    assert account.value(following_2025) == "friend.02"
    assert account.value({"unrelated": 1}) is None
