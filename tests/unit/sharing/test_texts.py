"""The sharing language tables: Chinese complete, same placeholders as English."""

from __future__ import annotations

import re
import tomllib
from typing import Any

from plainview.resources import read_text
from plainview.sharing.texts import Texts, norm_lang


def _flat(d: dict[str, Any], prefix: str = "") -> dict[str, str]:
    out: dict[str, str] = {}
    for k, v in d.items():
        if isinstance(v, dict):
            out |= _flat(v, f"{prefix}{k}.")
        else:
            out[prefix + k] = v
    return out


def test_chinese_has_every_key_with_the_same_placeholders() -> None:
    en = _flat(tomllib.loads(read_text("sharing", "texts.en.toml")))
    zh = _flat(tomllib.loads(read_text("sharing", "texts.zh_CN.toml")))
    assert set(en) == set(zh)
    for key, text in en.items():
        assert set(re.findall(r"\{(\w+)\}", text)) == set(re.findall(r"\{(\w+)\}", zh[key])), key
        assert (zh[key].strip() and zh[key] != text) or key.startswith("letters.placeholder"), key


def test_language_fallback_and_lookup() -> None:
    assert norm_lang("zh-CN") == "zh_CN" and norm_lang("de") == "en" and norm_lang(None) == "en"
    assert Texts("zh_CN")("level.private") == "私密"
    assert Texts("en")("statement.no", purpose="ads").endswith("for ads.")
