"""The catalog's Python API (docs/ARCHITECTURE.md "Catalog")."""

from __future__ import annotations

import dataclasses

import pytest

from plainview.catalog import (
    POLICIES,
    Catalog,
    Explanation,
    Purpose,
    load_catalog,
    normalize_lang,
    policy_for_region,
)
from plainview.errors import UsageError
from plainview.model import TIKTOK_CATEGORIES


@pytest.fixture(scope="module")
def en() -> Catalog:
    return load_catalog("en")


def test_languages(en: Catalog) -> None:
    assert en.languages[0] == "en"
    assert "zh_CN" in en.languages
    assert "facts" not in en.languages  # tiktok.facts.toml is not a language


@pytest.mark.parametrize(
    ("region", "policy"),
    [
        ("FR", "eea"),
        ("de", "eea"),
        ("GB", "eea"),
        ("CH", "eea"),
        ("NO", "eea"),
        ("US", "us"),
        ("JP", "row"),
        ("", "row"),
        (None, "row"),
    ],
)
def test_policy_for_region(en: Catalog, region: str | None, policy: str) -> None:
    assert en.policy_for_region(region) == policy
    assert policy_for_region(region) == policy


def test_explanation_shape(en: Catalog) -> None:
    e = en.explain("tiktok.searches", "eea")
    assert isinstance(e, Explanation)
    assert dataclasses.is_dataclass(e)
    with pytest.raises(dataclasses.FrozenInstanceError):
        e.title = "x"  # type: ignore[misc]
    assert e.title == en.title("tiktok.searches") == "Searches"
    assert e.sensitivity in ("low", "medium", "high") and e.sensitivity_reason
    assert e.policy_name.startswith("TikTok Privacy Policy for the EEA")
    assert e.policy_date == "30 November 2025"
    assert e.fallback_fields == set()
    assert all(isinstance(p, Purpose) for p in e.why)


@pytest.mark.parametrize("policy", POLICIES)
@pytest.mark.parametrize("category", TIKTOK_CATEGORIES)
def test_every_category_explains_under_every_policy(
    en: Catalog, category: str, policy: str
) -> None:
    e = en.explain(category, policy)
    assert e.what and e.shared_with and e.retention and e.control and e.summary
    assert e.why or e.why_note
    for p in e.why:
        assert p.source.url.startswith("https://")
        assert p.paraphrase == (p.quote is None)
        assert p.section and p.policy_date and p.title
        if policy != "eea":
            assert p.legal_basis is None


def test_legal_basis_wording_and_mapping_marker(en: Catalog) -> None:
    e = en.explain("tiktok.watch_history", "eea")
    feed = next(p for p in e.why if p.entry_id == "wh_feed")
    assert feed.legal_basis is not None
    assert "relies on" in feed.legal_basis and "our reading" in feed.legal_basis
    assert feed.mapping_ours
    # A basis the policy names for this data itself carries no "our reading".
    card = next(p for p in en.explain("tiktok.purchases", "eea").why if p.id == "save_payment_card")
    assert card.legal_basis is not None and "our reading" not in card.legal_basis


def test_policy_variants_differ(en: Catalog) -> None:
    eea = en.explain("tiktok.location", "eea")
    us = en.explain("tiktok.location", "us")
    row = en.explain("tiktok.location", "row")
    assert len({eea.what, us.what, row.what}) == 3
    assert us.policy_name == "TikTok U.S. Privacy Policy"
    assert row.policy_date == "8 July 2025"
    assert {p.entry_id for p in row.why} != {p.entry_id for p in eea.why}


def test_purposes_are_stable_ids_with_titles(en: Catalog) -> None:
    ids = [pid for pid, _title in en.purposes()]
    for required in (
        "personalised_ads",
        "for_you_feed",
        "safety_security",
        "account_suggestions",
        "analytics",
        "research_development",
    ):
        assert required in ids
    used = {p.id for c in TIKTOK_CATEGORIES for pol in POLICIES for p in en.explain(c, pol).why}
    assert used <= set(ids)
    assert "tiktok.off_platform" in en.categories_for_purpose("personalised_ads")


def test_sensitivity_groups_cover_everything(en: Catalog) -> None:
    groups = en.sensitivity_groups()
    assert sorted(c for g in groups.values() for c in g) == sorted(TIKTOK_CATEGORIES)
    assert "tiktok.direct_messages" in groups["high"]


def test_unrecognized_explains_that_data_is_kept(en: Catalog) -> None:
    e = en.explain("tiktok.unrecognized")
    assert "keeps" in e.what and "not" in e.what.lower()


def test_unknown_category_policy_and_language(en: Catalog) -> None:
    with pytest.raises(UsageError) as err:
        en.explain("tiktok.nope")
    assert err.value.hint is not None and "tiktok.searches" in err.value.hint
    with pytest.raises(UsageError):
        en.explain("tiktok.likes", "mars")
    with pytest.raises(UsageError):
        load_catalog("fr")


def test_language_aliases() -> None:
    assert normalize_lang("zh-CN") == normalize_lang("zh_Hans") == "zh_CN"
    assert normalize_lang(None) == "en"


def test_chinese_catalog_is_chinese_and_keeps_english_quotes() -> None:
    zh = load_catalog("zh_CN")
    e = zh.explain("tiktok.watch_history", "eea")
    assert e.fallback_fields == set()
    assert any("\u4e00" <= ch <= "\u9fff" for ch in e.what)
    quoted = [p for p in e.why if p.quote]
    assert quoted and all(p.quote_translation for p in quoted)
    en_quotes = {p.quote for p in load_catalog("en").explain("tiktok.watch_history").why}
    assert {p.quote for p in e.why} == en_quotes


def test_missing_translation_falls_back_visibly() -> None:
    from plainview.catalog import _read

    base = _read("en")
    tr = {k: v for k, v in _read("zh_CN").items()}
    cats = dict(tr["categories"])
    likes = dict(cats["tiktok.likes"])
    del likes["what"]
    cats["tiktok.likes"] = likes
    tr["categories"] = cats
    cat = Catalog("zh_CN", base, tr)
    e = cat.explain("tiktok.likes")
    assert "what" in e.fallback_fields
    assert e.what == load_catalog("en").explain("tiktok.likes").what
    assert e.marked("what").endswith("（英文原文）")
    assert e.marked("title") == e.title


def test_regulator_findings_mirror_the_fact_base_and_are_marked_secondary() -> None:
    from plainview.resources import read_text

    facts = read_text("catalog", "tiktok-privacy-facts.md")
    section = facts.split("## 3. Regulator findings", 1)[1].split("\n## ", 1)[0]
    rows = [ln for ln in section.splitlines() if ln.startswith("| ") and "---" not in ln]
    table_rows = rows[1:]  # without the header
    for lang in ("en", "zh_CN"):
        cat = load_catalog(lang)
        found = cat.regulator_findings()
        assert len(found) == len(table_rows)
        assert all(f.sources and f.finding and f.regulator for f in found)
        assert cat.template("regulator_note")
    en = load_catalog("en").regulator_findings()
    for row, finding in zip(table_rows, en, strict=True):
        assert row.split("|")[1].strip().startswith(finding.date.split(" (")[0][:6].strip())
    assert "secondary" in load_catalog("en").template("regulator_note")


def test_note_when_another_policy_is_quoted(en: Catalog) -> None:
    assert en.explain("tiktok.devices", "eea").notes == ()  # cites the Cookies Policy only
    assert en.explain("tiktok.watch_history", "eea").notes == ()
    row = en.explain("tiktok.watch_history", "row")
    assert row.notes == (en.template("other_policy"),)


def test_paraphrases_are_marked(en: Catalog) -> None:
    e = en.explain("tiktok.profile", "eea")
    legal = next(p for p in e.why if p.entry_id == "profile_legal")
    assert legal.paraphrase and legal.quote is None
    assert e.paraphrase_marker == "(paraphrase, not a quote)"
    from plainview.commands.explain_cmd import labels, render

    assert "(paraphrase, not a quote)" in render(e, labels("en"), "", [])
    zh = load_catalog("zh_CN").explain("tiktok.profile", "eea")
    assert zh.paraphrase_marker == "（转述，并非原话）"
