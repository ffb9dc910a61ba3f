"""Filter text as the vault answers it: a pasted link becomes its video id, a day or month is
a period in the user's zone, the rest are words; and the vault's filter and search honour it."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from plainview.importers.common import item_text
from plainview.model import Record
from plainview.vault import fts_query
from plainview.vault.filters import RecordFilter, parse_filter

SHANGHAI = ZoneInfo("Asia/Shanghai")
LINK = "https://www.tiktokv.com/share/video/7000000000000000301/"


def test_parse_links_days_months_and_words():
    assert parse_filter(LINK) == RecordFilter("7000000000000000301")
    day = parse_filter("ramen 2025-02-01", SHANGHAI)
    assert day.text == "ramen"
    assert day.since == datetime(2025, 1, 31, 16, 0, tzinfo=UTC)
    assert day.until == datetime(2025, 2, 1, 16, 0, tzinfo=UTC)
    month = parse_filter("2025-12", UTC)
    assert (month.since, month.until) == (
        datetime(2025, 12, 1, tzinfo=UTC),
        datetime(2026, 1, 1, tzinfo=UTC),
    )
    assert parse_filter("2025-13-45").text == "2025-13-45"  # not a date: a word
    assert parse_filter("   ").empty
    assert fts_query(f"see {LINK}") == '"see"* "7000000000000000301"*'


def test_link_ids_are_indexed_for_watch_history_likes_and_others():
    assert "7000000000000000301" in item_text({"Date": "x", "Link": LINK}, category="tiktok.likes")
    assert "7000000000000000301" in item_text({"link": LINK}, category="tiktok.likes")
    comment = {"comment": "nice", "originalPostUrl": LINK}
    assert item_text(comment, category="tiktok.comments").split() == ["nice", "7000000000000000301"]


def test_the_vault_filters_by_period_and_searches_a_day(vault):
    t0 = datetime(2025, 1, 31, 20, 30, tzinfo=UTC)
    records = []
    for i in range(4):
        when = t0 + timedelta(hours=12 * i)
        fields = {"Date": when.strftime("%Y-%m-%d %H:%M:%S"), "Link": f"{LINK[:-4]}{i:03d}/"}
        text = item_text(fields, category="tiktok.watch_history")
        records.append(Record("tiktok.watch_history", when, fields, "x:VideoList", text))
    records.append(Record("tiktok.searches", None, {"SearchTerm": "undated"}, "x:S", "undated"))
    import_id = vault.begin_import("tiktok", "json", "v3", "x.zip")
    vault.add_records(import_id, records)
    vault.finish_import(import_id, "complete", {})
    day = parse_filter("2025-02-01", SHANGHAI)
    shown = vault.records("tiktok.watch_history", filter_text=day, limit=10)
    assert [r.occurred_at for r in shown] == [t0 + timedelta(hours=12), t0]
    assert vault.count("tiktok.watch_history", day) == 2
    assert {r.id for r in vault.search(day)} == {r.id for r in shown}
    assert len(vault.search(parse_filter(f"{LINK[:-4]}002/"))) == 1


def test_the_apps_own_date_style_is_a_period() -> None:
    from datetime import UTC, datetime

    from plainview.vault.filters import parse_filter

    day = parse_filter("sourdough 3 February 2025,", UTC)
    assert day.text == "sourdough"
    assert (day.since, day.until) == (
        datetime(2025, 2, 3, tzinfo=UTC),
        datetime(2025, 2, 4, tzinfo=UTC),
    )
    assert parse_filter("2025年2月3日", UTC).since == datetime(2025, 2, 3, tzinfo=UTC)
    month = parse_filter("Feb 2025", UTC)
    assert (month.since, month.until) == (
        datetime(2025, 2, 1, tzinfo=UTC),
        datetime(2025, 3, 1, tzinfo=UTC),
    )
    assert parse_filter("2025年12月", UTC).until == datetime(2026, 1, 1, tzinfo=UTC)
    # words that only look like a month stay words
    assert parse_filter("Marching 2025", UTC).since is None
