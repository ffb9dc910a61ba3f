"""Insights on records inserted by hand through the vault API: exact expected numbers."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from plainview import insights
from plainview.errors import UsageError
from plainview.model import Record

T0 = datetime(2024, 1, 1, 0, 0, tzinfo=UTC)  # a Monday


def _watch(when: datetime, n: int) -> Record:
    return Record(
        "tiktok.watch_history",
        when,
        {"Date": when.strftime("%Y-%m-%d %H:%M:%S"), "Link": f"https://v.invalid/{n}"},
        "user_data_tiktok.json:Your Activity/Watch History/VideoList",
    )


def _login(when: datetime, ip: str, model: str, net: str) -> Record:
    fields = {"Date": str(when), "IP": ip, "DeviceModel": model, "NetworkType": net}
    return Record("tiktok.logins", when, fields, "x:Login History")


@pytest.fixture
def data(filled_vault: Callable[..., Any]) -> Any:
    recs: list[Record] = []
    # 21 watches at 21:xx on Mondays and Tuesdays of two weeks, 3 at 07:xx on a Sunday.
    n = 0
    for day in (0, 1, 7, 8):
        for k in range(5 if day < 7 else 6):
            n += 1
            recs.append(_watch(T0 + timedelta(days=day, hours=21, minutes=k), n))
    for k in range(3):
        n += 1
        recs.append(_watch(T0 + timedelta(days=34, hours=7, minutes=k), n))  # 4 Feb, Sunday
    recs += [
        _login(T0 + timedelta(days=1), "192.0.2.1", "Pixel 7", "Wi-Fi"),
        _login(T0 + timedelta(days=2), "192.0.2.1", "Pixel 7", "Wi-fi"),
        _login(T0 + timedelta(days=3), "198.51.100.9", "iPhone15,2", "4G"),
        _login(T0 + timedelta(days=40), "2001:db8::1", "Pixel 7", "N/A"),
    ]
    recs.append(
        Record(
            "tiktok.settings",
            None,
            {"Private Account": "Off", "Personalized Ads": "On", "Interests": "Food|Travel"},
            "x:Settings",
        )
    )
    recs.append(Record("tiktok.profile", None, {"accountRegion": "us"}, "x:Profile"))
    recs += [
        Record("tiktok.off_platform", T0, {"Source": s, "Event": e}, "x:Off")
        for s, e in [("a.invalid", "Purchase"), ("b.invalid", "Purchase"), ("a.invalid", "View")]
    ]
    sections = [
        ("Your Activity/Watch History", "tiktok.watch_history", "imported", 23),
        ("Your Activity/Reposts", "tiktok.reposts", "empty", 0),
        ("Your Activity/Searches", "tiktok.searches", "missing", 0),
    ]
    return filled_vault(recs, sections)


def test_activity_by_hour(data: Any) -> None:
    hours = insights.activity_by_hour(data, "tiktok.watch_history", tz=UTC)
    assert len(hours) == 24
    assert hours[21] == 22 and hours[7] == 3 and sum(hours) == 25


def test_activity_over_time(data: Any) -> None:
    days = insights.activity_over_time(data, "tiktok.watch_history", bucket="day", tz=UTC)
    assert days == [
        ("2024-01-01", 5),
        ("2024-01-02", 5),
        ("2024-01-08", 6),
        ("2024-01-09", 6),
        ("2024-02-04", 3),
    ]
    months = insights.activity_over_time(data, "tiktok.watch_history", bucket="month", tz=UTC)
    assert months == [("2024-01", 22), ("2024-02", 3)]
    with pytest.raises(ValueError):
        insights.activity_over_time(data, "tiktok.watch_history", bucket="week")  # type: ignore[arg-type]


def test_coverage(data: Any) -> None:
    assert insights.coverage(data) == (T0, T0 + timedelta(days=40))


def test_coverage_of_empty_vault(vault: Any) -> None:
    assert insights.coverage(vault) is None
    assert insights.headline_facts(vault) == []
    assert insights.facts_for(vault, "tiktok.logins") == []


def test_watch_facts(data: Any) -> None:
    facts = {f.id: f for f in insights.facts_for(data, "tiktok.watch_history", "en")}
    assert facts["count"].value == 25
    assert facts["busiest_hour"].value == 21
    assert "21:00 and 22:00 (UTC)" in facts["busiest_hour"].text
    assert facts["busiest_weekday"].value in (0, 1)  # Monday and Tuesday: 11 each
    assert facts["busiest_weekday"].text.endswith("Monday.")
    assert facts["per_day"].value == 5.0  # 25 watches on 5 days
    assert facts["period"].value == {
        "start": T0.replace(hour=21).isoformat(),
        "end": (T0 + timedelta(days=34, hours=7, minutes=2)).isoformat(),
    }
    assert facts["routine"].value["busiest_hour"] == 21


def test_login_facts(data: Any) -> None:
    facts = {f.id: f for f in insights.facts_for(data, "tiktok.logins", "en")}
    assert facts["logins"].value == {"logins": 4, "ips": 3, "devices": 2}
    assert facts["logins"].text == "You logged in 4 times from 3 IP addresses on 2 devices."
    assert facts["latest_login"].value["device"] == "Pixel 7"
    assert "10 February 2024" in facts["latest_login"].text
    # Wi-Fi and Wi-fi are one network type; N/A is not a network.
    assert len(facts["networks"].value) == 2


def test_settings_and_interests(data: Any) -> None:
    facts = {f.id: f for f in insights.facts_for(data, "tiktok.settings", "en")}
    assert facts["setting.Personalized Ads"].text == (
        "The export's own settings say “Personalized Ads: On”."
    )
    assert facts["setting.Private Account"].value == "Off"
    assert facts["interests"].value == ["Food", "Travel"]
    assert facts["interest_inference"].value == ["Food", "Travel"]


def test_off_platform(data: Any) -> None:
    facts = {f.id: f for f in insights.facts_for(data, "tiktok.off_platform", "en")}
    assert facts["off_platform"].value == 2
    assert facts["off_platform_events"].value == ["Purchase", "View"]


def test_chinese_facts_are_chinese_with_same_values(data: Any) -> None:
    en = {f.id: f for f in insights.facts_for(data, "tiktok.logins", "en")}
    zh = {f.id: f for f in insights.facts_for(data, "tiktok.logins", "zh_CN")}
    assert en.keys() == zh.keys()
    assert all(en[k].value == zh[k].value for k in en)
    assert zh["logins"].text == "你共登录 4 次，来自 3 个 IP 地址，使用了 2 台设备。"
    assert "2024年2月10日" in zh["latest_login"].text


def test_headlines(data: Any) -> None:
    heads = insights.headline_facts(data, "en", limit=5)
    assert len(heads) == 5
    assert heads[0].id == "logins"
    assert heads[1].id == "off_platform"
    assert insights.headline_facts(data, "en", limit=2) == heads[:2]


def test_policy_and_sections(data: Any) -> None:
    assert insights.account_region(data) == "US"
    assert insights.policy_for_vault(data) == ("us", "account_region")
    assert insights.section_status(data, "tiktok.watch_history") == "imported"
    assert insights.section_status(data, "tiktok.reposts") == "empty"
    assert insights.section_status(data, "tiktok.searches") == "missing"
    assert insights.section_status(data, "tiktok.shop") == "missing"


def test_policy_falls_back_to_setting_then_eea(vault: Any) -> None:
    assert insights.policy_for_vault(vault) == ("eea", "default")
    vault.set_setting("policy", "row")
    assert insights.policy_for_vault(vault) == ("row", "setting")
    assert insights.section_status(vault, "tiktok.likes") is None


def test_unknown_category(data: Any) -> None:
    with pytest.raises(UsageError):
        insights.facts_for(data, "tiktok.nope")


def test_dutch_txt_labels_and_sentinels(filled_vault: Callable[..., Any]) -> None:
    recs = [
        Record(
            "tiktok.logins",
            T0 + timedelta(hours=i),
            {
                "Datum": "x",
                "IP": f"192.0.2.{i % 2}",
                "Apparaatmodel": "Pixel 7",
                "Netwerktype": net,
            },
            "Inloggeschiedenis.txt",
        )
        for i, net in enumerate(["Wi-Fi", "n.v.t.", "4G"])
    ]
    recs.append(
        Record("tiktok.searches", T0, {"Datum": "x", "Zoekterm": "fiets"}, "Zoekopdrachten.txt")
    )
    recs.append(
        Record("tiktok.searches", T0, {"Datum": "y", "Zoekterm": "fiets"}, "Zoekopdrachten.txt")
    )
    vault = filled_vault(recs)
    facts = {f.id: f for f in insights.facts_for(vault, "tiktok.logins", "en")}
    assert facts["logins"].value == {"logins": 3, "ips": 2, "devices": 1}
    assert facts["networks"].value == ["4G", "Wi-Fi"]
    top = {f.id: f for f in insights.facts_for(vault, "tiktok.searches", "en")}
    assert top["top_searches"].value == ["fiets"]


def test_ads_posts_and_gifts(filled_vault: Callable[..., Any]) -> None:
    recs = [
        Record("tiktok.ad_clicks", T0, {"CreateTime": "x", "AdTitle": t, "AdLink": "l"}, "a")
        for t in ["Shoes", "Shoes", "Tea", "N/A"]
    ]
    recs += [
        Record("tiktok.posts", T0, {"Date": "x", "WhoCanView": w}, "p")
        for w in ["Everyone", "Everyone", "Friends"]
    ]
    recs += [
        Record("tiktok.purchases", T0, {"Date": "x", "GiftAmount": "5", "UserName": u}, "g")
        for u in ["a.example", "b.example", "a.example"]
    ]
    recs.append(Record("tiktok.purchases", T0, {"Date": "x", "Price": "0.99"}, "buy"))
    vault = filled_vault(recs)
    ads = {f.id: f for f in insights.facts_for(vault, "tiktok.ad_clicks")}
    assert ads["top_ads"].value == ["Shoes", "Tea"]
    posts = {f.id: f for f in insights.facts_for(vault, "tiktok.posts")}
    assert posts["post_audience"].value == ["Everyone", "Friends"]
    buys = {f.id: f for f in insights.facts_for(vault, "tiktok.purchases")}
    assert buys["gifts"].value == {"gifts": 3, "people": 2}
    assert buys["gifts"].text == "You sent 3 gifts to 2 people."
    zh = {f.id: f for f in insights.facts_for(vault, "tiktok.purchases", "zh_CN")}
    assert zh["gifts"].text == "你向 2 个人送出了 3 份礼物。"
