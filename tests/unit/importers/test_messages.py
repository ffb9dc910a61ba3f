"""Importer texts come from language tables: every code in English and Simplified Chinese."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from plainview.errors import ArchiveRejected
from plainview.importers import messages, run_import
from tests.fixtures.tiktok_export import build_export

SOURCES = Path(messages.__file__).parent


def test_every_code_has_english_and_chinese() -> None:
    en = messages._table("en")
    zh = messages._table("zh_CN")
    assert set(en) == set(zh)
    for code in en:
        assert set(en[code]) == set(zh[code]), code
        assert re.search(r"[\u4e00-\u9fff]", zh[code]["message"]), code
        assert set(re.findall(r"\{(\w+)\}", en[code]["message"])) == set(
            re.findall(r"\{(\w+)\}", zh[code]["message"])
        ), code


def test_every_code_used_in_the_code_exists() -> None:
    used: set[str] = set()
    for path in SOURCES.glob("*.py"):
        text = path.read_text(encoding="utf-8")
        used |= set(re.findall(r'reject\("(\w+)"', text))
        used |= {f"warning_{c}" for c in re.findall(r'warn\("(\w+)"', text)}
    assert used
    assert used <= set(messages.codes())


def test_rejections_localize(tmp_path: Path) -> None:
    p = tmp_path / "x.zip"
    p.write_bytes(b"not a zip")
    from plainview.importers import detect

    with pytest.raises(ArchiveRejected) as info:
        detect(p, isolate=False)
    en, _ = messages.localize(info.value, "en")
    zh, zh_hint = messages.localize(info.value, "zh_CN")
    assert en == info.value.message
    assert zh != en and zh_hint


def test_warnings_localize(vault: object, tmp_path: Path) -> None:
    export = build_export("v3", variant="doubled")
    result = run_import(vault, export.write_zip(tmp_path / "e.zip"), isolate=False)
    assert [c for c, _ in result.warning_codes] == ["doubled_document"]
    assert result.warnings == result.localized_warnings("en")
    (zh,) = result.localized_warnings("zh_CN")
    assert re.search(r"[\u4e00-\u9fff]", zh)
