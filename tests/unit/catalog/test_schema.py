"""The catalog files against the schema in code, and against the fact base (nothing invented)."""

from __future__ import annotations

import copy
import re
import tomllib
from typing import Any

import pytest

from plainview.catalog import available_languages
from plainview.catalog.schema import missing_texts, validate_base, validate_translation
from plainview.model import TIKTOK_CATEGORIES
from plainview.resources import read_text


def _base() -> dict[str, Any]:
    return tomllib.loads(read_text("catalog", "tiktok.en.toml"))


def _tr(lang: str) -> dict[str, Any]:
    return tomllib.loads(read_text("catalog", f"tiktok.{lang}.toml"))


def _facts() -> str:
    """The fact base, whitespace-normalised (its lines wrap inside quotes)."""
    return re.sub(r"\s+", " ", read_text("catalog", "tiktok-privacy-facts.md"))


TRANSLATIONS = ("zh_CN",)


def test_zh_cn_ships() -> None:
    assert set(TRANSLATIONS) <= set(available_languages())


def test_base_file_is_valid() -> None:
    assert validate_base(_base(), TIKTOK_CATEGORIES) == []


@pytest.mark.parametrize("lang", TRANSLATIONS)
def test_translation_is_valid_and_complete(lang: str) -> None:
    base = _base()
    assert validate_translation(_tr(lang), base) == []
    assert missing_texts(_tr(lang), base) == []


def test_every_category_is_explained() -> None:
    assert set(_base()["categories"]) == set(TIKTOK_CATEGORIES)


def test_every_purpose_has_a_source_that_exists() -> None:
    base = _base()
    for cid, cat in base["categories"].items():
        for entry in cat.get("why", []):
            assert entry["source"] in base["sources"], (cid, entry["id"])


def test_every_source_url_is_in_the_fact_base() -> None:
    facts = _facts()
    for sid, src in _base()["sources"].items():
        assert src["url"] in facts, sid


def test_every_quote_is_verbatim_from_the_fact_base_and_short() -> None:
    facts = _facts()
    for cid, cat in _base()["categories"].items():
        for entry in cat.get("why", []):
            if "quote" in entry:
                quote = re.sub(r"\s+", " ", entry["quote"])
                assert quote in facts, (cid, entry["id"])
                assert len(quote.split()) < 25, (cid, entry["id"])


def test_fact_base_copy_matches_shared_original_when_present() -> None:
    from pathlib import Path

    shared = Path("/work/shared/policy/tiktok-privacy-facts.md")
    if shared.exists():
        assert shared.read_text(encoding="utf-8") == read_text("catalog", "tiktok-privacy-facts.md")


# --- the schema catches mistakes ---------------------------------------------------------
def _mutations() -> list[tuple[str, Any]]:
    def unknown_key(d: dict[str, Any]) -> None:
        d["categories"]["tiktok.likes"]["colour"] = "red"

    def missing_field(d: dict[str, Any]) -> None:
        del d["categories"]["tiktok.likes"]["retention"]

    def missing_category(d: dict[str, Any]) -> None:
        del d["categories"]["tiktok.searches"]

    def bad_sensitivity(d: dict[str, Any]) -> None:
        d["categories"]["tiktok.likes"]["sensitivity"] = "very"

    def unknown_source(d: dict[str, Any]) -> None:
        d["categories"]["tiktok.likes"]["why"][0]["source"] = "blog"

    def no_source(d: dict[str, Any]) -> None:
        del d["categories"]["tiktok.likes"]["why"][0]["source"]

    def long_quote(d: dict[str, Any]) -> None:
        d["categories"]["tiktok.likes"]["why"][0]["quote"] = "word " * 30

    def bad_policy(d: dict[str, Any]) -> None:
        d["categories"]["tiktok.likes"]["why"][0]["policies"] = ["mars"]

    def unknown_top(d: dict[str, Any]) -> None:
        d["extra"] = {}

    return [
        (f.__name__, f)
        for f in (
            unknown_key,
            missing_field,
            missing_category,
            bad_sensitivity,
            unknown_source,
            no_source,
            long_quote,
            bad_policy,
            unknown_top,
        )
    ]


@pytest.mark.parametrize(("name", "mutate"), _mutations())
def test_base_schema_rejects(name: str, mutate: Any) -> None:
    data = copy.deepcopy(_base())
    mutate(data)
    assert validate_base(data, TIKTOK_CATEGORIES), name


def test_translation_schema_rejects_unknown_keys_and_ids() -> None:
    base = _base()
    tr = copy.deepcopy(_tr("zh_CN"))
    tr["categories"]["tiktok.likes"]["colour"] = "红"
    assert validate_translation(tr, base)
    tr = copy.deepcopy(_tr("zh_CN"))
    tr["categories"]["tiktok.likes"]["why"]["no_such_entry"] = {"text": "x"}
    assert validate_translation(tr, base)
    tr = copy.deepcopy(_tr("zh_CN"))
    tr["categories"]["tiktok.likes"]["url"] = "https://example.invalid"
    assert validate_translation(tr, base)


def test_missing_translation_is_reported() -> None:
    tr = copy.deepcopy(_tr("zh_CN"))
    del tr["categories"]["tiktok.likes"]["what"]
    assert "categories.tiktok.likes.what" in missing_texts(tr, _base())
