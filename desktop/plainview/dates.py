"""One date style per language, for every screen, report and sentence (Qt-free).

English: "1 March 2026" and "1 March 2026, 14:05"; Simplified Chinese: "2026年3月1日" and
"2026年3月1日 14:05". The month names and the date pattern come from the insights text
(``resources/catalog/insights.<lang>.toml`` ``[format]``), so facts and screens agree.
Times are shown in the zone given (default: the computer's local zone); stored times stay UTC.
"""

from __future__ import annotations

import functools
import tomllib
from datetime import UTC, date, datetime, tzinfo
from typing import Any, Final

from plainview.resources import resource

LANGUAGES: Final = ("en", "zh_CN")
_TIME_JOIN: Final = {"en": "{date}, {time}", "zh_CN": "{date} {time}"}


def language_of(locale_name: str | None) -> str:
    """``"zh_CN"`` for any Chinese locale name (``zh``, ``zh_CN``, ``zh-Hans``), else ``"en"``."""
    return "zh_CN" if (locale_name or "").replace("-", "_").lower().startswith("zh") else "en"


@functools.cache
def _format(lang: str) -> dict[str, Any]:
    lang = lang if lang in LANGUAGES else "en"
    with resource("catalog", f"insights.{lang}.toml").open("rb") as handle:
        table = tomllib.load(handle).get("format", {})
    if lang != "en":
        table = {**_format("en"), **table}
    return dict(table)


def month_names(lang: str = "en") -> tuple[str, ...]:
    """The twelve month names of this language's date style (from the insights text)."""
    return tuple(str(m) for m in _format(lang)["months"])


def _local(when: datetime, tz: tzinfo | None) -> datetime:
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return when.astimezone(tz) if tz is not None else when.astimezone()


def format_date(when: date | datetime | None, lang: str = "en", tz: tzinfo | None = None) -> str:
    """The day in this language's one style; a ``datetime`` is first put in ``tz``."""
    if when is None:
        return ""
    day = _local(when, tz) if isinstance(when, datetime) else when
    table = _format(lang)
    months = table["months"]
    return str(table["date"]).format(day=day.day, month=months[day.month - 1], year=day.year)


def format_datetime(when: datetime | None, lang: str = "en", tz: tzinfo | None = None) -> str:
    """Day and 24-hour time (minutes), in ``tz`` (default: local)."""
    if when is None:
        return ""
    at = _local(when, tz)
    pattern = _TIME_JOIN.get(lang, _TIME_JOIN["en"])
    return pattern.format(date=format_date(at, lang, tz=at.tzinfo), time=at.strftime("%H:%M"))


__all__ = ["LANGUAGES", "format_date", "format_datetime", "language_of", "month_names"]
