"""Localized sentence templates and simple number/date formatting for insights.

Templates live in ``resources/catalog/insights.<lang>.toml``; a key missing from a
translation falls back to English. Unknown keys in a template file are errors (tested).
"""

from __future__ import annotations

import tomllib
from collections.abc import Sequence
from datetime import datetime
from functools import lru_cache
from typing import Any, Final

from plainview.catalog import normalize_lang
from plainview.resources import read_text

LANGS: Final = ("en", "zh_CN")
FORMAT_KEYS: Final = frozenset(
    {
        "months",
        "weekdays",
        "date",
        "hours",
        "hours_local",
        "hours_plain",
        "list_sep",
        "list_and",
        "thousands",
        "quote",
    }
)
NOUN_KEYS: Final = frozenset(
    {
        "item",
        "time",
        "ip",
        "device",
        "company",
        "message",
        "chat",
        "ad_id",
        "part",
        "day",
        "video",
        "gift",
        "person",
    }
)
FACT_KEYS: Final = frozenset(
    {
        "count",
        "period",
        "busiest_hour",
        "busiest_weekday",
        "routine",
        "per_day",
        "logins",
        "latest_login",
        "networks",
        "off_platform",
        "off_platform_events",
        "setting",
        "interests",
        "ad_interests",
        "advertisers",
        "account_region",
        "inferred_gender",
        "last_region",
        "gps",
        "location_inference",
        "interest_inference",
        "chats",
        "top_searches",
        "ad_ids",
        "summary_value",
        "unrecognized",
        "watched",
        "searched",
        "top_ads",
        "post_audience",
        "gifts",
        "section_empty",
        "section_missing",
    }
)
SCHEMA: Final = {"format": FORMAT_KEYS, "nouns": NOUN_KEYS, "facts": FACT_KEYS}


@lru_cache(maxsize=4)
def load_templates(lang: str) -> dict[str, dict[str, Any]]:
    data = tomllib.loads(read_text("catalog", f"insights.{lang}.toml"))
    return {k: dict(v) for k, v in data.items()}


def validate(data: dict[str, dict[str, Any]]) -> list[str]:
    """Unknown tables or keys and missing keys (for tests)."""
    problems = [f"unknown table {k!r}" for k in data if k not in SCHEMA]
    for table, keys in SCHEMA.items():
        got = set(data.get(table, {}))
        problems += [f"{table}: unknown key {k!r}" for k in sorted(got - keys)]
        problems += [f"{table}: missing {k!r}" for k in sorted(keys - got)]
    return problems


class Texts:
    """Templates and formatting in one language."""

    def __init__(self, lang: str) -> None:
        self.lang = normalize_lang(lang)
        if self.lang not in LANGS:
            self.lang = "en"
        self._t = load_templates(self.lang)
        self._en = load_templates("en")

    def _get(self, table: str, key: str) -> Any:
        value = self._t.get(table, {}).get(key)
        return value if value is not None else self._en[table][key]

    def fact(self, key: str, **values: Any) -> str:
        return str(self._get("facts", key)).format(**values)

    def number(self, n: float) -> str:
        if isinstance(n, float) and not n.is_integer():
            return f"{n:.1f}"
        return f"{int(n):,}".replace(",", str(self._get("format", "thousands")))

    def count(self, n: int, noun: str) -> str:
        one, many = self._get("nouns", noun)
        word = one if n == 1 else many
        return f"{self.number(n)} {word}"

    def date(self, when: datetime) -> str:
        months = self._get("format", "months")
        return str(self._get("format", "date")).format(
            day=when.day, month=months[when.month - 1], year=when.year
        )

    def weekday(self, index: int) -> str:
        """``index`` 0 = Monday."""
        return str(self._get("format", "weekdays")[index])

    def hours(self, start: int, zone: str | None = None, *, marked: bool = True) -> str:
        """``14:00 and 15:00 (UTC)``; with ``zone``, marked as local time in that zone;
        ``marked=False`` leaves the zone out (a sentence that names it once, at the end)."""
        key = "hours_plain" if not marked else "hours" if zone is None else "hours_local"
        return str(self._get("format", key)).format(
            start=f"{start:02d}", end=f"{(start + 1) % 24:02d}", zone=zone
        )

    def quote(self, text: str) -> str:
        return str(self._get("format", "quote")).format(text=text)

    def join(self, items: Sequence[str]) -> str:
        items = list(items)
        if len(items) <= 1:
            return "".join(items)
        sep = str(self._get("format", "list_sep"))
        return sep.join(items[:-1]) + str(self._get("format", "list_and")) + items[-1]
