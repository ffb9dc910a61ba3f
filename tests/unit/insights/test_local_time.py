"""Chart series in the user's local time zone: hours and days shift with the zone (a fixed
+08:00 zone, and Amsterdam with its daylight-saving change), and the UTC default for callers
that ask for it."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from datetime import UTC, datetime, timedelta, timezone
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from plainview import insights
from plainview.insights import queries, zones
from plainview.model import Record

SHANGHAI = ZoneInfo("Asia/Shanghai")
AMSTERDAM = ZoneInfo("Europe/Amsterdam")
PLUS8 = timezone(timedelta(hours=8))


def _watch(when: datetime, n: int) -> Record:
    return Record(
        "tiktok.watch_history",
        when,
        {"Date": when.strftime("%Y-%m-%d %H:%M:%S"), "Link": f"https://v.invalid/{n}"},
        "user_data_tiktok.json:Your Activity/Watch History/VideoList",
    )


def _expected_hours(times: list[datetime], tz: Any) -> list[int]:
    found = Counter(t.astimezone(tz).hour for t in times)
    return [found.get(h, 0) for h in range(24)]


# 23:30 UTC on 31 Jan (winter) and 30 Jun (summer), 06:10 UTC on 2 Feb, 21:45 UTC on
# 30 Nov, and two around Amsterdam's spring change (2024-03-31 01:00 UTC).
TIMES = [
    datetime(2024, 1, 31, 23, 30, tzinfo=UTC),
    datetime(2024, 6, 30, 23, 30, tzinfo=UTC),
    datetime(2024, 2, 2, 6, 10, tzinfo=UTC),
    datetime(2024, 11, 30, 21, 45, tzinfo=UTC),
    datetime(2024, 3, 31, 0, 59, 59, tzinfo=UTC),  # 01:59:59 CET
    datetime(2024, 3, 31, 1, 0, 0, tzinfo=UTC),  # 03:00:00 CEST
]


@pytest.fixture
def data(filled_vault: Callable[..., Any]) -> Any:
    return filled_vault([_watch(t, i) for i, t in enumerate(TIMES)])


def test_tzdata_is_available() -> None:
    assert AMSTERDAM.utcoffset(datetime(2024, 7, 1)) == timedelta(hours=2)
    assert SHANGHAI.utcoffset(datetime(2024, 7, 1)) == timedelta(hours=8)


def test_hours_shift_by_eight_in_shanghai(data: Any) -> None:
    utc = insights.activity_by_hour(data, "tiktok.watch_history", tz=UTC)
    assert utc[23] == 2 and utc[6] == 1 and utc[21] == 1
    for tz in (SHANGHAI, PLUS8):
        local = insights.activity_by_hour(data, "tiktok.watch_history", tz=tz)
        assert local == _expected_hours(TIMES, tz)
        assert local[7] == 2  # 23:30 UTC is 07:30 the next morning
        assert local[14] == 1 and local[5] == 1 and local[0] == 0
        assert local == [utc[(h - 8) % 24] for h in range(24)]


def test_hours_follow_daylight_saving_in_amsterdam(data: Any) -> None:
    local = insights.activity_by_hour(data, "tiktok.watch_history", tz=AMSTERDAM)
    assert local == _expected_hours(TIMES, AMSTERDAM)
    # 23:30 UTC: 00:30 in winter (CET, +1), 01:30 in summer (CEST, +2)
    assert local[0] == 1 and local[1] == 2  # 00:30 winter; 01:30 summer and 01:59:59 CET
    assert local[3] == 1  # 01:00 UTC on the night of the change is already 03:00 CEST
    assert local[7] == 1 and local[22] == 1
    assert sum(local) == len(TIMES)


def test_days_and_months_are_local(data: Any) -> None:
    days_utc = dict(insights.activity_over_time(data, "tiktok.watch_history", "day", tz=UTC))
    days_sh = dict(insights.activity_over_time(data, "tiktok.watch_history", "day", tz=SHANGHAI))
    assert days_utc["2024-01-31"] == 1 and "2024-02-01" not in days_utc
    assert days_sh["2024-02-01"] == 1 and "2024-01-31" not in days_sh
    assert days_sh == dict(Counter(t.astimezone(SHANGHAI).date().isoformat() for t in TIMES))
    months_utc = insights.activity_over_time(data, "tiktok.watch_history", "month", tz=UTC)
    months_sh = insights.activity_over_time(data, "tiktok.watch_history", "month", tz=SHANGHAI)
    assert dict(months_utc)["2024-01"] == 1 and "2024-07" not in dict(months_utc)
    assert "2024-01" not in dict(months_sh)  # 31 Jan 23:30 UTC is 1 Feb in Shanghai
    assert dict(months_sh)["2024-07"] == 1 and dict(months_sh)["2024-12"] == 1
    months_ams = insights.activity_over_time(data, "tiktok.watch_history", "month", tz=AMSTERDAM)
    assert months_ams == sorted(
        Counter(t.astimezone(AMSTERDAM).strftime("%Y-%m") for t in TIMES).items()
    )
    assert [k for k, _ in months_sh] == sorted(k for k, _ in months_sh)  # oldest first


def test_default_is_the_computers_zone(data: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(zones, "local_zone", lambda: SHANGHAI)
    assert insights.activity_by_hour(data, "tiktok.watch_history") == _expected_hours(
        TIMES, SHANGHAI
    )
    by_day = insights.activity_over_time(data, "tiktok.watch_history", "day")
    assert ("2024-02-01", 1) in by_day


def test_local_zone_reads_tz_and_falls_back_to_a_fixed_offset(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("TZ", "Europe/Amsterdam")
    assert zones.local_zone() == AMSTERDAM
    monkeypatch.setenv("TZ", "No/Such_Zone")
    fixed = zones.local_zone()
    assert fixed.utcoffset(datetime.now()) is not None
    assert zones.utc_offset_text(PLUS8) == "UTC+08:00"
    assert zones.utc_offset_text(timezone(timedelta(hours=-3, minutes=-30))) == "UTC-03:30"
    assert zones.utc_offset_text(UTC) == "UTC"
    assert zones.utc_offset_text(AMSTERDAM, datetime(2024, 7, 1, tzinfo=UTC)) == "UTC+02:00"


def test_offset_changes_find_the_second_of_the_switch() -> None:
    start = int(datetime(2024, 1, 1, tzinfo=UTC).timestamp())
    end = int(datetime(2024, 12, 31, tzinfo=UTC).timestamp())
    changes = queries.offset_changes(AMSTERDAM, start, end)
    assert changes == [
        (start, 3600),
        (int(datetime(2024, 3, 31, 1, tzinfo=UTC).timestamp()), 7200),
        (int(datetime(2024, 10, 27, 1, tzinfo=UTC).timestamp()), 3600),
    ]
    assert queries.offset_changes(SHANGHAI, start, end) == [(start, 28800)]


def test_zone_label_names_dst_zones_and_gives_offsets_otherwise() -> None:
    assert insights.zone_label(AMSTERDAM) == "Europe/Amsterdam"
    assert insights.zone_label(SHANGHAI) == "UTC+08:00"
    assert insights.zone_label(PLUS8) == "UTC+08:00"
    assert insights.zone_label(ZoneInfo("Etc/UTC")) == "UTC"


def test_facts_speak_local_time_only_when_asked(filled_vault: Callable[..., Any]) -> None:
    """The app's pages pass the user's zone; reports (no tz) stay in UTC and say so."""
    # every item at 23:30 UTC on a Sunday: 07:30 on Monday in Shanghai
    sunday = datetime(2024, 3, 3, 23, 30, tzinfo=UTC)
    times = [sunday + timedelta(weeks=k) for k in range(insights.MIN_FOR_PATTERNS + 5)]
    vault = filled_vault([_watch(t, i) for i, t in enumerate(times)])
    utc = {f.id: f for f in insights.facts_for(vault, "tiktok.watch_history")}
    local = {f.id: f for f in insights.facts_for(vault, "tiktok.watch_history", tz=SHANGHAI)}
    assert (utc["busiest_hour"].value, local["busiest_hour"].value) == (23, 7)
    assert (utc["busiest_weekday"].value, local["busiest_weekday"].value) == (6, 0)
    assert "(UTC)" in utc["busiest_hour"].text
    assert "07:00 and 08:00 (your local time, UTC+08:00)" in local["busiest_hour"].text
    assert "local time" in local["routine"].text and "(UTC)" not in local["routine"].text
    assert local["routine"].text.count("local time") == 1  # the zone is named once
    headline = insights.headline_facts(vault, tz=SHANGHAI)
    assert any("most active between 07:00 and 08:00" in f.text for f in headline)
    assert any("(your local time, UTC+08:00)" in f.text for f in headline)
