"""Labels of `plainview explain`: both languages hold exactly the known keys."""

from __future__ import annotations

import tomllib

import pytest

from plainview.catalog import load_catalog
from plainview.commands.explain_cmd import LABEL_KEYS, labels, render
from plainview.resources import read_text


@pytest.mark.parametrize("lang", ["en", "zh_CN"])
def test_label_files_match_the_known_keys(lang: str) -> None:
    data = tomllib.loads(read_text("catalog", f"explain.{lang}.toml"))
    assert set(data) == {"labels"}
    assert set(data["labels"]) == LABEL_KEYS


def test_render_shows_fallback_marker_and_sources() -> None:
    zh = load_catalog("zh_CN")
    expl = zh.explain("tiktok.likes", "eea")
    marked = type(expl)(
        **{
            **{f: getattr(expl, f) for f in expl.__dataclass_fields__},
            "fallback_fields": {"what"},
        }
    )
    text = render(marked, labels("zh_CN"), "", ["x"])
    assert "（英文原文）" in text
    assert "https://www.tiktok.com/legal/page/eea/privacy-policy/en" in text
    assert text.rstrip().endswith("- x")
