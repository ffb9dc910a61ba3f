"""Nothing lost, re-import and overlap, cancellation, sections, times."""

from __future__ import annotations

import json
import threading
from datetime import UTC
from pathlib import Path
from typing import Any

import pytest

from plainview.errors import ImportCancelled
from plainview.importers import run_import, tiktok_json
from tests.fixtures.tiktok_export import big_watch_history_zip, build_export
from tests.unit.importers.helpers import nonzero


def _all(vault: Any, category: str) -> list[Any]:
    return list(vault.records(category, limit=100_000, order="id"))


def test_original_items_are_kept_exactly(vault: Any, tmp_path: Path) -> None:
    export = build_export("v3")
    run_import(vault, export.write_zip(tmp_path / "e.zip"), isolate=False)
    doc = json.loads(export.files["user_data_tiktok.json"])
    followers = doc["Profile And Settings"]["Follower"]["FansList"]
    stored = [r.fields for r in _all(vault, "tiktok.followers")]
    assert sorted(map(json.dumps, stored)) == sorted(map(json.dumps, followers))
    # a follower literally named "None" stays a user, not a null
    assert {"None"} <= {f["UserName"] for f in stored}
    (settings,) = _all(vault, "tiktok.settings")
    assert settings.fields == doc["Profile And Settings"]["Settings"]["SettingsMap"]
    assert settings.fields["Who can see your following list::"] == "Only me"
    (unknown,) = _all(vault, "tiktok.unrecognized")
    assert unknown.fields == doc["Your Activity"]["Future Feature"]
    assert unknown.source_path.endswith("Your Activity/Future Feature")
    dms = _all(vault, "tiktok.direct_messages")
    assert any("Chat History with" in r.source_path for r in dms)
    watch = _all(vault, "tiktok.watch_history")
    assert all(r.occurred_at is not None and r.occurred_at.tzinfo == UTC for r in watch)


def test_utc_suffix_iso_and_sentinel_dates(vault: Any, tmp_path: Path) -> None:
    export = build_export("v1")
    run_import(vault, export.write_zip(tmp_path / "e.zip"), isolate=False)
    logins = _all(vault, "tiktok.logins")
    assert all(r.fields["Date"].endswith(" UTC") for r in logins)
    assert all(r.occurred_at is not None for r in logins)
    searches = _all(vault, "tiktok.searches")
    assert sum(r.occurred_at is None for r in searches) == 1  # "Date": "N/A"
    assert any(r.fields["Date"].endswith("Z") and r.occurred_at for r in searches)


def test_markers_are_searchable(vault: Any, tmp_path: Path) -> None:
    export = build_export("v2")
    run_import(vault, export.write_zip(tmp_path / "e.zip"), isolate=False)
    for marker in export.markers:
        assert vault.search(marker), marker


def test_reimport_adds_nothing(vault: Any, tmp_path: Path) -> None:
    export = build_export("v3")
    z = export.write_zip(tmp_path / "e.zip")
    first = run_import(vault, z, isolate=False)
    second = run_import(vault, z, isolate=False)
    assert first.added == export.total
    assert second.added == 0
    assert second.duplicates == export.total
    assert nonzero(second.added_by_category) == {}
    assert nonzero(vault.category_counts()) == export.expected


def test_newer_overlapping_export_adds_only_new_items(vault: Any, tmp_path: Path) -> None:
    export = build_export("v2")
    run_import(vault, export.write_zip(tmp_path / "old.zip"), isolate=False)
    doc = json.loads(export.files["user_data_tiktok.json"])
    watch = doc["Your Activity"]["Watch History"]["VideoList"]
    new_items = [
        {
            "Date": f"2025-04-0{i} 10:00:00",
            "Link": f"https://www.tiktokv.com/share/video/7{i:018d}/",
        }
        for i in range(1, 6)
    ]
    watch[:0] = new_items
    doc["Your Activity"]["Searches"]["SearchList"].insert(
        0, {"Date": "2025-04-02 10:00:00", "SearchTerm": "new search"}
    )
    newer = tmp_path / "user_data_tiktok.json"
    newer.write_text(json.dumps(doc), encoding="utf-8")
    result = run_import(vault, newer, isolate=False)
    assert nonzero(result.added_by_category) == {"tiktok.searches": 1, "tiktok.watch_history": 5}
    assert result.added == 6
    expected = dict(export.expected)
    expected["tiktok.watch_history"] += 5
    expected["tiktok.searches"] += 1
    assert nonzero(vault.category_counts()) == expected


def test_identical_items_in_one_list_stay_separate(vault: Any, tmp_path: Path) -> None:
    item = {"Date": "2025-01-01 10:00:00", "SearchTerm": "same"}
    doc = {"Your Activity": {"Searches": {"SearchList": [item, item, item]}}}
    p = tmp_path / "user_data_tiktok.json"
    p.write_text(json.dumps(doc), encoding="utf-8")
    assert run_import(vault, p, isolate=False).records == {"tiktok.searches": 3}
    assert run_import(vault, p, isolate=False).added == 0
    assert vault.category_counts()["tiktok.searches"] == 3


def test_sections_report_empty_missing_unrecognized(vault: Any, tmp_path: Path) -> None:
    export = build_export("v3")
    result = run_import(vault, export.write_zip(tmp_path / "e.zip"), isolate=False)
    assert "Likes and Favorites/Favorite Drama" in result.sections["empty"]
    assert "Income+ Wallet/Transaction History" in result.sections["empty"]
    assert "Your Activity/Future Feature" in result.sections["unrecognized"]
    assert "Your Activity/Mini Drama Watch History" in result.sections["unrecognized"]
    assert "Most Recent Location Data" in result.sections["missing"]
    stored = vault.sections(result.import_id)
    statuses = {row[0]: row[2] for row in stored}
    assert statuses["Your Activity/Watch History"] == "imported"
    assert statuses["Most Recent Location Data"] == "missing"
    j = result.to_json()
    assert set(j) >= {"import_id", "platform", "format", "schema", "records", "added"}
    assert set(j["sections"]) >= {"empty", "unrecognized"}


def test_v3_off_tiktok_under_two_parents_counted_once(vault: Any, tmp_path: Path) -> None:
    export = build_export("v3")
    result = run_import(vault, export.write_zip(tmp_path / "e.zip"), isolate=False)
    doc = json.loads(export.files["user_data_tiktok.json"])
    once = doc["Your Activity"]["Off TikTok Activity"]["OffTikTokActivityDataList"]
    assert result.records["tiktok.off_platform"] == len(once) == 4


def test_account_recorded_on_import(vault: Any, tmp_path: Path) -> None:
    export = build_export("v2", fmt="txt")
    run_import(vault, export.write_zip(tmp_path / "e.zip"), isolate=False)
    (imp,) = vault.imports()
    assert imp.account == export.account
    assert imp.status == "complete"


@pytest.mark.parametrize("isolate", [False, True])
def test_cancel_leaves_no_records(vault: Any, tmp_path: Path, isolate: bool) -> None:
    export = build_export("v2", scale=200)
    z = export.write_zip(tmp_path / "e.zip")
    cancel = threading.Event()
    seen: list[float] = []

    def progress(fraction: float, section: str) -> None:
        seen.append(fraction)
        if fraction > 0.3:
            cancel.set()

    with pytest.raises(ImportCancelled):
        run_import(vault, z, progress=progress, cancel=cancel, isolate=isolate)
    assert seen
    assert nonzero(vault.category_counts()) == {}
    assert vault.count("tiktok.watch_history") == 0
    (imp,) = vault.imports()
    assert imp.status == "cancelled"
    # and the same archive imports completely afterwards
    result = run_import(vault, z, isolate=isolate)
    assert nonzero(result.records) == export.expected
    assert result.added == export.total


def test_progress_reaches_one(vault: Any, tmp_path: Path) -> None:
    export = build_export("v1", scale=50)
    seen: list[tuple[float, str]] = []
    run_import(
        vault, export.write_zip(tmp_path / "e.zip"), progress=lambda f, s: seen.append((f, s))
    )
    fractions = [f for f, _ in seen]
    assert fractions[0] == 0.0 and fractions[-1] == 1.0
    assert all(0.0 <= f <= 1.0 for f in fractions)
    assert any(s for _, s in seen)


def test_empty_encodings_give_no_records(vault: Any, tmp_path: Path) -> None:
    doc = {
        "Your Activity": {
            "Watch History": {"VideoList": None},
            "Searches": {"SearchList": []},
            "Share History": {},
            "Follower": {"App": 1, "IsFastLane": False, "FansList": "None"},
            "Login History": {"LoginHistoryList": "N/A"},
            "Ad Interests": {"AdInterestCategories": ""},
            "Activity Summary": {"ActivitySummaryMap": {}},
            "Purchases": {"SendGifts": {"SendGifts": None}, "BuyGifts": {"BuyGifts": []}},
        },
        "Direct Message": {"Direct Messages": {"ChatHistory": {"Chat History with x:": None}}},
    }
    p = tmp_path / "user_data_tiktok.json"
    p.write_text(json.dumps(doc), encoding="utf-8")
    result = run_import(vault, p, isolate=False)
    assert nonzero(result.records) == {}
    assert len(result.sections["empty"]) == 9


@pytest.mark.parametrize("isolate", [False, True])
def test_validation_reports_progress_and_can_be_cancelled(
    vault: Any, tmp_path: Path, isolate: bool
) -> None:
    """The whole document is validated before the vault is touched; a long list still moves
    the bar (each section, and every PRESCAN_TICK containers), and Cancel works there."""
    n = 3 * tiktok_json.PRESCAN_TICK
    z = big_watch_history_zip(tmp_path / "big.zip", n)
    seen: list[tuple[float, str]] = []
    cancel = threading.Event()

    def progress(fraction: float, section: str) -> None:
        seen.append((fraction, section))
        if fraction > 0.1:
            cancel.set()

    with pytest.raises(ImportCancelled):
        run_import(vault, z, progress=progress, cancel=cancel, isolate=isolate)
    validating = [(f, s) for f, s in seen[1:] if f <= 0.25]
    assert len(validating) >= 3  # the section itself, then ticks inside it
    assert all(s == "Watch History" for _, s in validating[-3:])
    fractions = [f for f, _ in validating]
    assert fractions == sorted(fractions)
    assert max(f for f, _ in seen) <= 0.25  # cancelled before any record was read
    assert vault.imports() == []  # nothing was begun: the vault is as it was
