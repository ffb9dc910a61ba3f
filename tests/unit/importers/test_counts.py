"""Exact per-category counts for every generation and format, against the generator's truth."""

from __future__ import annotations

from pathlib import Path

import pytest

from plainview.importers import run_import
from tests.fixtures.tiktok_export import GENERATIONS, build_export
from tests.unit.importers.helpers import nonzero

CASES = [(g, "json", "en", v) for g in GENERATIONS for v in ("", "bom,doubled,wrapper,macosx")]
CASES += [
    (g, "txt", lang, v)
    for g in GENERATIONS
    for lang in ("en", "nl")
    for v in ("", "crlf,bom,wrapper,macosx")
]


@pytest.mark.parametrize(("generation", "fmt", "lang", "variant"), CASES)
def test_zip_counts_match_ground_truth(
    vault: object, tmp_path: Path, generation: str, fmt: str, lang: str, variant: str
) -> None:
    export = build_export(generation, fmt=fmt, lang=lang, variant=variant, seed=3)
    result = run_import(vault, export.write_zip(tmp_path / "export.zip"), isolate=False)
    assert nonzero(result.records) == export.expected
    assert result.added == export.total
    assert result.duplicates == 0
    assert result.format == fmt
    assert result.schema == (generation.replace("_oldest", "") if fmt == "json" else "txt")
    assert nonzero(vault.category_counts()) == export.expected  # type: ignore[attr-defined]
    assert result.account == export.account
    if "doubled" in variant:
        assert any("more than once" in w for w in result.warnings)


@pytest.mark.parametrize("generation", GENERATIONS)
def test_folder_and_bare_json(vault: object, tmp_path: Path, generation: str) -> None:
    export = build_export(generation, seed=5)
    folder = export.write_folder(tmp_path / "extracted")
    result = run_import(vault, folder, isolate=False)
    assert nonzero(result.records) == export.expected
    bare = export.write_bare(tmp_path / "user_data_tiktok.json")
    again = run_import(vault, bare, isolate=False)
    assert nonzero(again.records) == export.expected
    assert again.added == 0


@pytest.mark.parametrize(("fmt", "lang"), [("json", "en"), ("txt", "nl")])
def test_isolated_worker_gives_the_same_counts(
    vault: object, tmp_path: Path, fmt: str, lang: str
) -> None:
    export = build_export("v3", fmt=fmt, lang=lang, variant="wrapper", scale=3)
    result = run_import(vault, export.write_zip(tmp_path / "e.zip"))
    assert nonzero(result.records) == export.expected


def test_scale_multiplies_lists(vault: object, tmp_path: Path) -> None:
    export = build_export("v2", scale=40)
    result = run_import(vault, export.write_zip(tmp_path / "big.zip"), isolate=False)
    assert result.records["tiktok.watch_history"] == export.expected["tiktok.watch_history"]
    assert export.expected["tiktok.watch_history"] == 30 * 40
