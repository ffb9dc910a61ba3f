"""Insights on a vault of 1,000,000 records: every query is an SQL aggregate.

Run with ``make bench``; prints one line per call. 900,000 watch-history records and
100,000 logins (5,000 IP addresses, 4 device models) are inserted through the vault API.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from plainview import insights
from plainview.model import Record
from plainview.vault import KdfParams, Vault

WATCHES = 900_000
LOGINS = 100_000
LIMIT_SECONDS = 5.0  # per call, on a shared 2-core machine
T0 = datetime(2023, 1, 1, tzinfo=UTC)


def _records() -> Iterator[Record]:
    for i in range(WATCHES):
        when = T0 + timedelta(seconds=i * 37)
        yield Record(
            "tiktok.watch_history",
            when,
            {"Date": when.strftime("%Y-%m-%d %H:%M:%S"), "Link": f"https://v.invalid/{i}"},
            "user_data_tiktok.json:Your Activity/Watch History/VideoList",
        )
    for i in range(LOGINS):
        when = T0 + timedelta(seconds=i * 331)
        yield Record(
            "tiktok.logins",
            when,
            {
                "Date": when.strftime("%Y-%m-%d %H:%M:%S"),
                "IP": f"198.51.{(i % 5000) // 250}.{i % 250}",
                "DeviceModel": ("Pixel 7", "iPhone15,2", "SM-S911B", "iPad")[i % 4],
                "NetworkType": "Wi-Fi" if i % 3 else "4G",
            },
            "user_data_tiktok.json:Your Activity/Login History/LoginHistoryList",
        )


@pytest.fixture(scope="module")
def big_vault(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    folder: Path = tmp_path_factory.mktemp("bigvault")
    vault, _code = Vault.create(folder, "bench passphrase", kdf=KdfParams.floor())
    start = time.perf_counter()
    import_id = vault.begin_import("tiktok", "json", "v2", "bench.json")
    vault.add_records(import_id, _records(), batch_size=5000)
    vault.finish_import(import_id, "complete", {})
    print(f"\ninsert {WATCHES + LOGINS:,} records: {time.perf_counter() - start:.1f} s")
    yield vault
    vault.lock()


def _timed(label: str, fn: Any) -> Any:
    start = time.perf_counter()
    result = fn()
    took = time.perf_counter() - start
    print(f"{label:<45} {took * 1000:8.0f} ms")
    assert took < LIMIT_SECONDS, label
    return result


def test_insights_on_a_million_records(big_vault: Any) -> None:
    v = big_vault
    hours = _timed(
        "activity_by_hour(watch_history)",
        lambda: insights.activity_by_hour(v, "tiktok.watch_history"),
    )
    assert sum(hours) == WATCHES
    days = _timed(
        "activity_over_time(watch_history, day)",
        lambda: insights.activity_over_time(v, "tiktok.watch_history", "day"),
    )
    assert sum(n for _d, n in days) == WATCHES
    months = _timed(
        "activity_over_time(watch_history, month)",
        lambda: insights.activity_over_time(v, "tiktok.watch_history", "month"),
    )
    assert sum(n for _m, n in months) == WATCHES
    cover = _timed("coverage", lambda: insights.coverage(v))
    assert cover is not None and cover[0] == T0
    facts = _timed(
        "facts_for(watch_history)", lambda: insights.facts_for(v, "tiktok.watch_history")
    )
    assert {f.id: f.value for f in facts}["count"] == WATCHES
    facts = _timed("facts_for(logins)", lambda: insights.facts_for(v, "tiktok.logins"))
    assert {f.id: f.value for f in facts}["logins"] == {"logins": LOGINS, "ips": 5000, "devices": 4}
    heads = _timed("headline_facts", lambda: insights.headline_facts(v))
    assert heads[0].id == "logins"
    _timed("facts_for(logins, zh_CN)", lambda: insights.facts_for(v, "tiktok.logins", "zh_CN"))
