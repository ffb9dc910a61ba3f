"""Integers above 2**63-1 (issue 16 item 5): ijson's C backend with ``use_float=True`` refused
them as "integer overflow" (ICRAR/ijson#153), so an export holding one was rejected as invalid.
They now import without losing a digit; fractions stay floats."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from plainview.errors import ArchiveRejected
from plainview.importers import run_import

BIG = [2**63, 2**64 + 1, -(2**63) - 1, 98765432109876543210987654321]


def _export(tmp_path: Path, item: str) -> Path:
    p = tmp_path / "user_data_tiktok.json"
    head = '{"Your Activity": {"Searches": {"SearchList": [{"Date": "2025-01-01 10:00:00", '
    p.write_text(head + item + "}]}}, " + '"Mystery": {"Ids": [' + str(BIG[0]) + "]}}")
    return p


@pytest.mark.parametrize("isolate", [False, True])
def test_integers_beyond_64_bits_import_exactly(vault: Any, tmp_path: Path, isolate: bool) -> None:
    values = ", ".join(f'"N{i}": {n}' for i, n in enumerate(BIG))
    path = _export(tmp_path, f'"SearchTerm": "ramen", {values}, "Share": 0.25, "Small": 7')
    result = run_import(vault, path, isolate=isolate)
    assert result.records["tiktok.searches"] == 1
    (rec,) = vault.records("tiktok.searches", limit=5)
    for i, n in enumerate(BIG):
        assert rec.fields[f"N{i}"] == n and type(rec.fields[f"N{i}"]) is int
    assert rec.fields["Share"] == 0.25 and type(rec.fields["Share"]) is float
    assert rec.fields["Small"] == 7 and type(rec.fields["Small"]) is int
    (unknown,) = vault.records("tiktok.unrecognized", limit=5)
    assert json.dumps(unknown.fields).count(str(BIG[0])) == 1


def test_a_number_beyond_float_range_is_kept_as_its_text(vault: Any, tmp_path: Path) -> None:
    path = _export(tmp_path, '"SearchTerm": "ramen", "Huge": 1e400, "Tiny": -2.5e-3')
    run_import(vault, path, isolate=False)
    (rec,) = vault.records("tiktok.searches", limit=5)
    assert rec.fields["Huge"] == "1E+400"
    assert rec.fields["Tiny"] == -0.0025


def test_an_integer_of_thousands_of_digits_is_still_refused(vault: Any, tmp_path: Path) -> None:
    path = _export(tmp_path, '"SearchTerm": "ramen", "N": 1' + "0" * 6000)
    with pytest.raises(ArchiveRejected) as info:
        run_import(vault, path, isolate=False)
    assert info.value.code == "not_json"  # type: ignore[attr-defined]
