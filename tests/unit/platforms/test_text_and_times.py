"""Mojibake repair, Meta's times and record shapes (platform-exports-multi.md Q1-Q4)."""

from __future__ import annotations

import json
from datetime import UTC, datetime

import pytest

from plainview.platforms.meta.records import account_of, item_time
from plainview.platforms.meta.text import repair, repair_value
from plainview.platforms.meta.times import any_time, epoch, text_time
from tests.fixtures.meta_export import meta_json, mojibake


def test_repair_accents_and_whole_emoji() -> None:
    assert repair("Pok\u00c3\u00a9mon") == "Pokémon"
    assert repair("\u00f0\u009f\u0099\u008f") == "🙏"
    assert repair(mojibake("Merci 🙏 à bientôt")) == "Merci 🙏 à bientôt"
    assert repair(mojibake("👨‍👩‍👧 family")) == "👨‍👩‍👧 family"  # joined emoji stay whole


@pytest.mark.parametrize(
    "text",
    [
        "café",  # already right: é alone is not valid UTF-8, kept
        "Zürich 東京",  # code points above 255: never touched
        "ÃX",  # below 256 but not UTF-8 once encoded: kept
        "plain ascii",
    ],
)
def test_repair_leaves_good_text_alone(text: str) -> None:
    assert repair(text) == text


def test_repair_cleans_nuls_and_lone_surrogates() -> None:
    assert repair("a\x00b") == "ab"
    assert repair("x\ud800y") == "x\ufffdy"


def test_keys_are_repaired_too() -> None:
    raw = json.loads(meta_json({"Centre d’intérêt": {"value": "Café"}}))
    assert "Centre d\u00e2\u0080\u0099int\u00c3\u00a9r\u00c3\u00aat" in raw  # as Meta writes it
    assert repair_value(raw) == {"Centre d’intérêt": {"value": "Café"}}


def test_epoch_seconds_milliseconds_and_no_1970() -> None:
    assert epoch(1683194400) == datetime(2023, 5, 4, 10, 0, tzinfo=UTC)
    assert epoch(1683194400123) == datetime(2023, 5, 4, 10, 0, 0, 123000, tzinfo=UTC)
    assert epoch("1683194400") == datetime(2023, 5, 4, 10, 0, tzinfo=UTC)
    for nothing in (0, "0", 1, -5, None, True, "", "abc"):
        assert epoch(nothing) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Mar 08, 2020, 19:22 PM", datetime(2020, 3, 8, 19, 22, tzinfo=UTC)),
        ("Jun 04, 2025 6:46:10 pm", datetime(2025, 6, 4, 18, 46, 10, tzinfo=UTC)),
        ("Feb 15, 2026 1:05:28pm", datetime(2026, 2, 15, 13, 5, 28, tzinfo=UTC)),
        ("Jan 01, 2024 12:05:00 am", datetime(2024, 1, 1, 0, 5, tzinfo=UTC)),
        ("2026-02-05T16:42:25+00:00", datetime(2026, 2, 5, 16, 42, 25, tzinfo=UTC)),
        ("2026-02-05T18:42:25+02:00", datetime(2026, 2, 5, 16, 42, 25, tzinfo=UTC)),
    ],
)
def test_text_times(text: str, expected: datetime) -> None:
    assert text_time(text) == expected
    assert any_time(text) == expected


@pytest.mark.parametrize("text", ["Foo 08, 2020, 19:22", "Feb 30, 2020 1:00 pm", "", "1970-01-01"])
def test_unreadable_or_too_early_text_times(text: str) -> None:
    assert text_time(text) is None


def test_item_time_in_every_shape() -> None:
    want = datetime(2023, 5, 4, 10, 0, tzinfo=UTC)
    t = int(want.timestamp())
    # (b) string_map_data: the entry with a non-zero timestamp, whatever its (localized) key
    assert (
        item_time(
            {
                "string_map_data": {
                    "Auteur": {"value": "x", "timestamp": 0},
                    "시간": {"value": "", "timestamp": t},
                }
            }
        )
        == want
    )
    # text-only time: timestamp 0, the time in the value of the time-labelled entry
    assert item_time(
        {"string_map_data": {"Heure": {"value": "Mar 08, 2020, 19:22 PM", "timestamp": 0}}}
    ) == datetime(2020, 3, 8, 19, 22, tzinfo=UTC)
    assert item_time({"string_list_data": [{"value": "u", "timestamp": t}]}) == want
    # (c) label_values, the time nested in a dict entry
    assert (
        item_time(
            {"label_values": [{"title": "x", "dict": [{"label": "Zeit", "timestamp_value": t}]}]}
        )
        == want
    )
    assert item_time({"timestamp_ms": t * 1000}) == want
    assert item_time({"name": "Shop", "event": {"timestamp": t}}) == want
    assert item_time({"timestamp": 0, "title": "nothing"}) is None
    assert item_time(["2023-05-04T10:00:00+00:00", "friend"]) == want


def test_account_in_localized_profiles() -> None:
    fr = {"string_map_data": {"Nom d’utilisateur": {"value": "pv.fr", "timestamp": 0}}}
    ko = {"label_values": [{"label": "사용자 이름", "value": "pv.ko"}]}
    fb = {"name": {"full_name": "Pv Exämple"}}
    assert account_of(fr) == "pv.fr"
    assert account_of(ko) == "pv.ko"
    assert account_of(fb) == "Pv Exämple"
    assert account_of({"string_map_data": {}}) is None


def test_text_times_in_a_named_zone() -> None:
    from plainview.platforms.meta.times import zone_named

    zurich = zone_named("Europe/Zurich")
    assert zurich is not None
    assert text_time("Jun 04, 2025 6:46:10 pm", zurich) == datetime(
        2025, 6, 4, 16, 46, 10, tzinfo=UTC
    )
    # an explicit offset wins over the zone
    assert text_time("2026-02-05T16:42:25+00:00", zurich) == datetime(
        2026, 2, 5, 16, 42, 25, tzinfo=UTC
    )
    for bad in ("Mars/Olympus_Mons", "UTC", "", None, "../../etc/passwd"):
        assert zone_named(bad) is None
