"""One date style per language (plainview.dates), the same on screens, in reports and in the
insights' sentences."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone

from plainview.dates import format_date, format_datetime, language_of
from plainview.insights.text import Texts as InsightTexts

WHEN = datetime(2026, 3, 1, 23, 30, tzinfo=UTC)
PLUS8 = timezone(timedelta(hours=8))


def test_english_and_chinese_styles() -> None:
    assert format_date(WHEN, "en", tz=UTC) == "1 March 2026"
    assert format_date(WHEN, "zh_CN", tz=UTC) == "2026年3月1日"
    assert format_datetime(WHEN, "en", tz=UTC) == "1 March 2026, 23:30"
    assert format_datetime(WHEN, "zh_CN", tz=UTC) == "2026年3月1日 23:30"
    assert format_date(date(2025, 12, 9), "en") == "9 December 2025"


def test_times_are_shown_in_the_zone_given() -> None:
    assert format_datetime(WHEN, "en", tz=PLUS8) == "2 March 2026, 07:30"
    assert format_date(WHEN, "zh_CN", tz=PLUS8) == "2026年3月2日"
    assert format_date(None) == "" and format_datetime(None) == ""


def test_language_of_locale_names() -> None:
    assert [language_of(n) for n in ("zh_CN", "zh-Hans", "zh", "en_US", "nl_NL", "", None)] == [
        "zh_CN",
        "zh_CN",
        "zh_CN",
        "en",
        "en",
        "en",
        "en",
    ]


def test_same_as_the_insights_sentences() -> None:
    for lang in ("en", "zh_CN"):
        assert format_date(WHEN, lang, tz=UTC) == InsightTexts(lang).date(WHEN)
