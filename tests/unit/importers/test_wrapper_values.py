"""Scalars TikTok writes next to a section's list (``App``, ``IsFastLane``) are kept, not lost.

They are not items (so not records); the import result keeps them per source path, the vault
stores them with the import, and ``plainview export`` writes them out.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from plainview.importers import run_import
from plainview.importers.common import ParseState
from plainview.importers.tiktok_json import parse, prescan
from tests.fixtures.tiktok_export import GENERATIONS, build_export


def _planted(document: bytes) -> list[tuple[str, Any]]:
    """Every ``"App": n`` / ``"IsFastLane": b`` written in the file, read from its bytes."""
    text = document.decode("utf-8-sig")
    return [
        (key, json.loads(value))
        for key, value in re.findall(r'"(App|IsFastLane)":\s*(-?\d+|true|false)', text)
    ]


@pytest.mark.parametrize("generation", GENERATIONS)
def test_every_wrapper_scalar_is_kept(vault: Any, tmp_path: Path, generation: str) -> None:
    export = build_export(generation, seed=2)
    assert export.json_member is not None
    planted = _planted(export.files[export.json_member])
    assert planted or generation != "v3"  # v3 writes them on eight sections
    result = run_import(vault, export.write_zip(tmp_path / "e.zip"), isolate=False)
    kept = [(k, v) for values in result.wrapper_values.values() for k, v in values.items()]
    assert sorted(kept, key=repr) == sorted(planted, key=repr)
    assert result.to_json()["wrapper_values"] == result.wrapper_values
    # ... stored with the import, where `plainview export` reads it
    (row,) = [i for i in vault.imports() if i.id == result.import_id]
    assert row.result["wrapper_values"] == result.wrapper_values


def _parse(doc: dict[str, Any]) -> tuple[list[Any], ParseState]:
    import io

    raw = json.dumps(doc).encode()
    state = ParseState(member="user_data_tiktok.json")
    prescan(io.BytesIO(raw), state)
    return list(parse(io.BytesIO(raw), state)), state


def test_sibling_beside_an_empty_list_and_a_profile_map() -> None:
    records, state = _parse(
        {
            "Activity": {
                "Follower List": {"App": 7, "IsFastLane": True, "FansList": "None"},
                "Block List": {"BlockList": None},
            },
            "Profile": {"Profile Info": {"App": 8, "ProfileMap": {"userName": "someone.example"}}},
        }
    )
    assert [r.category for r in records] == ["tiktok.profile"]
    assert records[0].fields == {"userName": "someone.example"}
    assert state.wrapper_values == {
        "user_data_tiktok.json:Activity/Follower List": {"App": 7, "IsFastLane": True},
        "user_data_tiktok.json:Profile/Profile Info": {"App": 8},
    }
    assert state.sections["Activity/Follower List"].status == "empty"
