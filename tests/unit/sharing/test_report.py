"""The audit report HTML: self-contained, escaped, obeying the choices."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from plainview.model import SHARE_LEVELS, TIKTOK_CATEGORIES
from plainview.sharing import audit, choices, report
from tests.fixtures.plugin_sharing import StandInCatalog


class Scan(HTMLParser):
    """Collects tags, URL-bearing attributes and visible text."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.urls: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        for name, value in attrs:
            if name in ("src", "href", "action", "srcset", "poster", "data") or (
                name.startswith("on")
            ):
                self.urls.append(f"{name}={value}")

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def scan(html: str) -> Scan:
    s = Scan()
    s.feed(html)
    s.close()
    return s


def check_self_contained(html: str) -> Scan:
    s = scan(html)
    assert "script" not in s.tags and "iframe" not in s.tags and "link" not in s.tags
    assert "object" not in s.tags and "embed" not in s.tags
    assert s.urls == [], s.urls  # no src/href/on* at all
    assert "url(" not in html  # no CSS that loads anything
    assert "@import" not in html
    return s


def test_report_is_self_contained_and_obeys_choices(planted_vault: Any) -> None:
    vault, planted = planted_vault
    choices.set_share(vault, "tiktok.searches", "shared")
    choices.set_share(vault, "tiktok.direct_messages", "anonymized")
    choices.set_share(vault, "tiktok.off_platform", "shared")
    choices.set_purpose_answer(vault, "personalised_ads", "no")
    a = audit.start_audit(vault, "P<1>")
    audit.save_answer(vault, a.id, "tiktok.off_platform", "no", "<script>alert(1)</script>")
    audit.save_answer(vault, a.id, "tiktok.comments", "no", "secret note about a private thing")
    html = report.audit_report_html(vault, StandInCatalog(), "en")
    s = check_self_contained(html)
    text = "".join(s.text)
    assert "<script>alert(1)</script>" not in html and "&lt;script&gt;" in html
    assert "P&lt;1&gt;" in html
    assert "<svg" in html  # charts inline
    # anonymized only counted, private absent
    for cat, markers in planted.by_category.items():
        if cat != "tiktok.searches":
            assert not any(m in html for m in markers), cat
    assert "Title direct messages" in text
    assert "Title comments" not in text and "secret note" not in text
    assert "Title off platform" in text  # surprise listed
    assert "Personalized Ads" not in text  # settings are private: no flag about them
    assert "activity outside TikTok" in text  # off-platform is shared: flag shown


def test_all_private_report_shows_no_category(planted_vault: Any) -> None:
    vault, _ = planted_vault
    html = report.audit_report_html(vault, StandInCatalog(), "zh_CN")
    text = "".join(check_self_contained(html).text)
    assert "Title" not in text and "<svg" not in html
    assert "参与者将所有类别设为私密" in text


@settings(
    max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    levels=st.lists(
        st.sampled_from(SHARE_LEVELS),
        min_size=len(TIKTOK_CATEGORIES),
        max_size=len(TIKTOK_CATEGORIES),
    ),
    lang=st.sampled_from(["en", "zh_CN"]),
)
def test_property_no_private_or_anonymized_marker_in_a_report(
    planted_vault: Any, levels: list[str], lang: str
) -> None:
    vault, planted = planted_vault
    for cat, level in zip(TIKTOK_CATEGORIES, levels, strict=True):
        choices.set_share(vault, cat, level)
    html = report.audit_report_html(vault, StandInCatalog(), lang)
    check_self_contained(html)
    for cat, level in zip(TIKTOK_CATEGORIES, levels, strict=True):
        if level == "private":
            title = re.escape(StandInCatalog().title(cat))
            assert not re.search(title + r"(?![ a-z])", html), cat
        if level != "shared":
            assert not any(m in html for m in planted.by_category.get(cat, ()))
