"""Insights on generated exports imported by the real importer.

Expected values are computed here from the generator's own document, not from our output.
"""

from __future__ import annotations

import json
from collections import Counter
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from plainview import insights
from plainview.importers import run_import
from tests.fixtures.tiktok_export import Export, build_export


def _parse(value: str) -> datetime:
    return datetime.strptime(value.replace(" UTC", "")[:19], "%Y-%m-%d %H:%M:%S").replace(
        tzinfo=UTC
    )


def _find(doc: Any, key: str) -> list[Any]:
    """Every list stored under ``key`` anywhere in the document."""
    found: list[Any] = []
    if isinstance(doc, dict):
        for k, v in doc.items():
            if k == key and isinstance(v, list):
                found.append(v)
            else:
                found += _find(v, key)
    return found


@pytest.fixture(params=["v1", "v2", "v3"])
def imported(request: pytest.FixtureRequest, vault: Any, tmp_path: Path) -> tuple[Any, Any]:
    export: Export = build_export(request.param)
    run_import(vault, export.write_zip(tmp_path / "TikTok_Data_1.zip"))
    assert export.json_member is not None
    return vault, json.loads(export.files[export.json_member].decode("utf-8-sig"))


def test_logins_match_the_export(imported: tuple[Any, Any]) -> None:
    vault, doc = imported
    (logins,) = _find(doc, "LoginHistoryList")
    facts = {f.id: f for f in insights.facts_for(vault, "tiktok.logins")}
    assert facts["logins"].value == {
        "logins": len(logins),
        "ips": len({x["IP"] for x in logins}),
        "devices": len({x["DeviceModel"] for x in logins}),
    }
    latest = max(logins, key=lambda x: _parse(x["Date"]))
    assert facts["latest_login"].value["device"] == latest["DeviceModel"]
    assert facts["latest_login"].value["at"] == _parse(latest["Date"]).isoformat()


def test_watch_hours_match_the_export(imported: tuple[Any, Any]) -> None:
    vault, doc = imported
    if "Activity" in doc:
        watched = doc["Activity"]["Video Browsing History"]["VideoList"]
    else:
        watched = doc["Your Activity"]["Watch History"]["VideoList"]
    hours = Counter(_parse(x["Date"]).hour for x in watched)
    assert insights.activity_by_hour(vault, "tiktok.watch_history", tz=UTC) == [
        hours.get(h, 0) for h in range(24)
    ]
    months = Counter(_parse(x["Date"]).strftime("%Y-%m") for x in watched)
    assert insights.activity_over_time(vault, "tiktok.watch_history", "month", tz=UTC) == sorted(
        months.items()
    )


def test_off_platform_companies_match_the_export(imported: tuple[Any, Any]) -> None:
    vault, doc = imported
    items = [x for lst in _find(doc, "OffTikTokActivityDataList") for x in lst]
    items += [x for lst in _find(doc, "UsageDataList") for x in lst]
    facts = {f.id: f for f in insights.facts_for(vault, "tiktok.off_platform")}
    assert facts["off_platform"].value == len({x["Source"] for x in items})
    assert set(facts["off_platform_events"].value) == {x["Event"] for x in items}


def test_settings_match_the_export(imported: tuple[Any, Any]) -> None:
    vault, doc = imported
    settings = next(
        v["SettingsMap"] for v in _walk(doc) if isinstance(v, dict) and "SettingsMap" in v
    )
    facts = {f.id: f for f in insights.facts_for(vault, "tiktok.settings")}
    assert facts["setting.Personalized Ads"].value == settings["Personalized Ads"]
    assert facts["interests"].value == settings["Interests"].split("|")


def test_policy_follows_the_account_region(imported: tuple[Any, Any]) -> None:
    vault, doc = imported
    profile = next(v["ProfileMap"] for v in _walk(doc) if isinstance(v, dict) and "ProfileMap" in v)
    if "accountRegion" in profile:
        assert insights.policy_for_vault(vault) == ("eea", "account_region")  # FR
    else:
        assert insights.policy_for_vault(vault) == ("eea", "default")


def test_headlines_are_sentences(imported: tuple[Any, Any]) -> None:
    vault, _doc = imported
    for lang in ("en", "zh_CN"):
        heads = insights.headline_facts(vault, lang)
        assert 1 <= len(heads) <= 5
        assert all(h.text and "{" not in h.text for h in heads)


def _walk(doc: Any) -> list[Any]:
    out = [doc]
    if isinstance(doc, dict):
        for v in doc.values():
            out += _walk(v)
    return out
