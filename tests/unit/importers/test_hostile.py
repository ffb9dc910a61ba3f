"""Hostile and broken inputs: ArchiveRejected, vault unchanged, quickly, no input in messages."""

from __future__ import annotations

import json
import time
from pathlib import Path
from typing import Any

import pytest

from plainview.errors import ArchiveRejected
from plainview.importers import detect, run_import
from plainview.importers.common import clean_str
from tests.fixtures.tiktok_export import build_export
from tests.unit.importers.helpers import nonzero, vault_digest
from tests.unit.importers.hostile import HOSTILE, MARKER


@pytest.fixture
def seeded_vault(vault: Any, tmp_path: Path) -> Any:
    run_import(vault, build_export("v1").write_zip(tmp_path / "seed.zip"), isolate=False)
    return vault


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_rejected_and_vault_unchanged(seeded_vault: Any, tmp_path: Path, name: str) -> None:
    bad = HOSTILE[name](tmp_path)
    before = vault_digest(seeded_vault)
    started = time.monotonic()
    with pytest.raises(ArchiveRejected) as info:
        run_import(seeded_vault, bad)
    assert time.monotonic() - started < 30
    assert vault_digest(seeded_vault) == before
    err = info.value
    assert err.exit_code == 4
    text = f"{err.message} {err.hint or ''}"
    assert MARKER not in text
    assert err.__cause__ is None  # parser messages quote input: never chained


@pytest.mark.parametrize(
    ("name", "words"),
    [
        ("instagram", "not supported yet"),
        ("html_export", "HTML"),
        ("french_txt", "language"),
        ("empty_zip", "empty"),
        ("not_a_zip", "not a zip"),
        ("not_tiktok_json", "does not look like a TikTok export"),
        ("txt_named_json", "TXT format"),
    ],
)
def test_rejections_say_why(tmp_path: Path, name: str, words: str) -> None:
    with pytest.raises(ArchiveRejected, match=words):
        detect(HOSTILE[name](tmp_path), isolate=False)


def test_lone_surrogates_are_replaced(vault: Any, tmp_path: Path) -> None:
    p = tmp_path / "user_data_tiktok.json"
    p.write_text(
        '{"Your Activity": {"Searches": {"SearchList": [{"SearchTerm": "a\\ud800b"}]}}}',
        encoding="utf-8",
    )
    result = run_import(vault, p)
    assert result.records == {"tiktok.searches": 1}
    (rec,) = vault.records("tiktok.searches", limit=10)
    # yajl itself turns an escaped lone surrogate into "?"; either way no surrogate survives
    assert rec.fields["SearchTerm"] in ("a\ufffdb", "a?b")
    assert clean_str("a\ud800b") == "a\ufffdb"


def test_nul_bytes_are_stripped(vault: Any, tmp_path: Path) -> None:
    doc = {"Your Activity": {"Searches": {"SearchList": [{"SearchTerm": "a\u0000b"}]}}}
    p = tmp_path / "user_data_tiktok.json"
    p.write_text(json.dumps(doc), encoding="utf-8")
    run_import(vault, p, isolate=False)
    (rec,) = vault.records("tiktok.searches", limit=10)
    assert rec.fields["SearchTerm"] == "ab"


def test_bom_and_doubled_document_are_accepted_with_a_warning(vault: Any, tmp_path: Path) -> None:
    export = build_export("v2", variant="bom,doubled")
    result = run_import(vault, export.write_bare(tmp_path / "user_data_tiktok.json"))
    assert nonzero(result.records) == export.expected
    assert result.warnings


def test_folder_symlink_pointing_outside_is_not_followed(vault: Any, tmp_path: Path) -> None:
    secret = tmp_path / "outside"
    secret.mkdir()
    (secret / "Searches.txt").write_text(f"Date: 2025-01-01\nSearch Term: {MARKER}\n")
    export = build_export("v2", fmt="txt")
    folder = export.write_folder(tmp_path / "export")
    (folder / "TikTok" / "linked").symlink_to(secret, target_is_directory=True)
    (folder / "TikTok" / "Hashtag.txt").symlink_to(secret / "Searches.txt")
    result = run_import(vault, folder, isolate=False)
    assert nonzero(result.records) == export.expected
    assert not vault.search(MARKER)
