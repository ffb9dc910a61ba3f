"""Letters list the right categories and only TikTok's published contact routes; mismatch flags."""

from __future__ import annotations

import re
from typing import Any

from plainview.sharing import choices, letters, statement
from plainview.sharing.texts import contacts
from tests.fixtures.plugin_sharing import StandInCatalog, add_records

PUBLISHED_URLS = {
    "https://www.tiktok.com/legal/report/privacy",
    "https://www.tiktok.com/legal/report/DPO",
}


def test_contacts_are_the_published_routes() -> None:
    c = contacts()
    assert {c["webform"], c["dpo_form"]} == PUBLISHED_URLS
    addresses = " ".join(p["address"] for p in c["postal"])
    assert "10 Earlsfort Terrace, Dublin, D02 T380" in addresses
    assert "Kaleidoscope, 4 Lindsey Street, London, EC1A 9HP" in addresses
    assert "Talacker 41, 8001 Zürich" in addresses
    assert "5800 Bristol Parkway, Suite 300, Culver City, CA 90230" in addresses


def test_every_letter_uses_only_published_urls_and_placeholders(planted_vault: Any) -> None:
    vault, planted = planted_vault
    cat = StandInCatalog()
    for lang in ("en", "zh_CN"):
        for letter in letters.letters(vault, cat, lang=lang):
            urls = set(re.findall(r"https?://[^\s,)）]+", letter.body))
            assert urls <= PUBLISHED_URLS, urls
            assert "[" in letter.body  # name/account left to fill in
            for markers in planted.by_category.values():
                assert not any(m in letter.body for m in markers)


def test_gdpr_letters_go_to_eea_routes_and_ccpa_to_the_us(sharing_vault: Any) -> None:
    cat = StandInCatalog()
    by_kind = {x.kind: x for x in letters.letters(sharing_vault, cat)}
    assert "Article 15" in by_kind["access"].body
    assert "Article 17" in by_kind["erasure"].body
    assert "Article 21" in by_kind["objection"].body
    assert "CCPA" in by_kind["ccpa_opt_out"].body
    assert "Dublin" in by_kind["access"].body and "Culver City" not in by_kind["access"].body
    assert "Culver City" in by_kind["ccpa_opt_out"].body
    assert "Dublin" not in by_kind["ccpa_opt_out"].body


def test_letters_list_the_concerned_categories_by_title(planted_vault: Any) -> None:
    vault, _ = planted_vault
    cat = StandInCatalog()
    access = letters.letter(vault, cat, "access")
    assert len(access.categories) == 28  # every category holds data in this vault
    assert "  - Title searches" in access.body
    objection = letters.letter(vault, cat, "objection")
    assert set(objection.categories) == {
        "tiktok.watch_history",
        "tiktok.ad_interests",
        "tiktok.off_platform",
        "tiktok.ad_clicks",
    }
    # erasure follows the refused purposes
    assert letters.letter(vault, cat, "erasure").categories == ()
    choices.set_purpose_answer(vault, "recommendations", "no")
    erasure = letters.letter(vault, cat, "erasure")
    assert set(erasure.categories) == {"tiktok.watch_history", "tiktok.searches"}
    assert erasure.suggested
    # excluded (private in a report) categories are never named
    assert (
        "Title searches"
        not in letters.letter(vault, cat, "access", exclude={"tiktok.searches"}).body
    )


def test_user_typed_name_is_used_only_when_given(sharing_vault: Any) -> None:
    cat = StandInCatalog()
    assert "[your full name]" in letters.letter(sharing_vault, cat, "access").body
    body = letters.letter(sharing_vault, cat, "access", name="Ana Example").body
    assert "Ana Example" in body and "[your full name]" not in body


def test_mismatch_flags(planted_vault: Any) -> None:
    vault, _ = planted_vault
    cat = StandInCatalog()
    assert letters.mismatches(vault, cat) == []  # nothing refused yet
    choices.set_purpose_answer(vault, "personalised_ads", "no")
    flags = {m.id: m for m in letters.mismatches(vault, cat)}
    assert set(flags) == {"personalized_ads_on", "off_platform_activity"}
    assert "Personalized Ads: On" in flags["personalized_ads_on"].text
    assert "Settings and privacy › Ads" in flags["personalized_ads_on"].setting_path
    assert "Disconnect advertisers" in flags["off_platform_activity"].setting_path
    assert "(records: 1)" in flags["off_platform_activity"].text
    zh = letters.mismatches(vault, cat, "zh_CN")
    assert all("设置和隐私" in m.setting_path for m in zh)
    choices.set_purpose_answer(vault, "personalised_ads", "yes")
    assert letters.mismatches(vault, cat) == []


def test_no_ads_on_flag_when_settings_say_off(sharing_vault: Any) -> None:
    add_records(sharing_vault, {"tiktok.settings": [{"Personalized Ads": "Off"}]})
    choices.set_purpose_answer(sharing_vault, "personalised_ads", "no")
    assert letters.mismatches(sharing_vault, StandInCatalog()) == []


def test_privacy_statement_follows_the_answers(sharing_vault: Any) -> None:
    cat = StandInCatalog()
    choices.set_purpose_answer(sharing_vault, "personalised_ads", "no")
    choices.set_purpose_answer(sharing_vault, "safety", "yes")
    choices.set_share(sharing_vault, "tiktok.likes", "shared")
    text = statement.privacy_statement(sharing_vault, cat).text()
    assert "I do not agree that TikTok uses my data for personalised ads." in text
    assert "I agree that TikTok may use my data for keeping the platform safe." in text
    assert "Title likes" in text and "I keep these categories private" in text
    public = statement.privacy_statement(sharing_vault, cat, include_private=False).text()
    assert "Title searches" not in public and "private" not in public
    zh = statement.privacy_statement(sharing_vault, cat, "zh_CN").text()
    assert "我不同意 TikTok 将我的数据用于personalised ads。" in zh
