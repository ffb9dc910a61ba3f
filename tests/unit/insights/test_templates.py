"""Insight templates: both languages complete, no unknown keys, simple number/date formats."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from plainview.insights.text import LANGS, Texts, load_templates, validate


@pytest.mark.parametrize("lang", LANGS)
def test_templates_match_schema(lang: str) -> None:
    assert validate(load_templates(lang)) == []


def test_schema_catches_unknown_and_missing_keys() -> None:
    data = {k: dict(v) for k, v in load_templates("en").items()}
    data["facts"]["colour"] = "x"
    del data["facts"]["logins"]
    problems = validate(data)
    assert any("colour" in p for p in problems) and any("logins" in p for p in problems)


def test_formatting_per_language() -> None:
    en, zh = Texts("en"), Texts("zh_CN")
    when = datetime(2025, 3, 7, tzinfo=UTC)
    assert en.date(when) == "7 March 2025"
    assert zh.date(when) == "2025年3月7日"
    assert en.number(1234567) == "1,234,567"
    assert en.count(1, "device") == "1 device" and en.count(2, "device") == "2 devices"
    assert zh.count(37, "ip") == "37 个 IP 地址"
    assert en.join(["a", "b", "c"]) == "a, b and c"
    assert zh.join(["甲", "乙", "丙"]) == "甲、乙和丙"
    assert en.weekday(0) == "Monday" and zh.weekday(6) == "星期日"
    assert en.hours(23) == "23:00 and 00:00 (UTC)"
    assert en.hours(7, "UTC+08:00") == "07:00 and 08:00 (your local time, UTC+08:00)"


def test_unknown_language_is_a_usage_error() -> None:
    from plainview.errors import UsageError

    with pytest.raises(UsageError):
        Texts("fr")
