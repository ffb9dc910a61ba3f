"""A huge section we don't know is kept whole, in parts, without holding it in memory."""

from __future__ import annotations

import io
import json
import tracemalloc
from pathlib import Path
from typing import Any

from plainview.importers import run_import
from plainview.importers.common import ParseState
from plainview.importers.tiktok_json import PART_ITEMS, parse, prescan
from plainview.model import UNRECOGNIZED
from tests.unit.importers.helpers import nonzero


def _item(i: int) -> dict[str, Any]:
    return {"Date": f"2025-01-01 00:00:{i % 60:02d}", "Value": f"value {i} " + "x" * 40}


def _doc(n: int) -> dict[str, Any]:
    return {
        "Your Activity": {
            "Searches": {"SearchList": [{"Date": "2025-01-02 10:00:00", "SearchTerm": "cats"}]},
            "Watch Time Estimates": {"App": 4, "EstimateList": [_item(i) for i in range(n)]},
        },
        "Brand New Root": {
            "Small": {"Thing": "kept whole"},
            "Nested": [[_item(i) for i in range(n)]],
        },
    }


def test_long_unknown_lists_are_stored_in_parts_and_nothing_is_lost(
    vault: Any, tmp_path: Path
) -> None:
    n = 2 * PART_ITEMS + 17
    doc = _doc(n)
    path = tmp_path / "user_data_tiktok.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    result = run_import(vault, path, isolate=False)
    assert nonzero(result.records) == {"tiktok.searches": 1, UNRECOGNIZED: 8}
    stored = vault.records(UNRECOGNIZED, limit=100, order="id")
    by_path = {r.source_path.split(":", 1)[1]: r.fields for r in stored}
    # the list, in order, from its parts; the rest of the section alongside
    wt = "Your Activity/Watch Time Estimates"
    parts = [by_path[f"{wt}/EstimateList (part {k})"] for k in (1, 2, 3)]
    assert [len(p) for p in parts] == [PART_ITEMS, PART_ITEMS, 17]
    assert [x for p in parts for x in p] == doc["Your Activity"]["Watch Time Estimates"][
        "EstimateList"
    ]
    assert by_path[wt] == {"App": 4}
    # an unknown root: the small part whole, the nested long list in parts
    nested = [by_path[f"Brand New Root/Nested[0] (part {k})"] for k in (1, 2, 3)]
    assert [x for p in nested for x in p] == doc["Brand New Root"]["Nested"][0]
    # (the outer list stays, empty: its only item went out in parts)
    assert by_path["Brand New Root"] == {"Small": {"Thing": "kept whole"}, "Nested": []}
    assert sorted(result.sections["unrecognized"]) == ["Brand New Root", wt]


def test_short_unknown_lists_stay_one_record() -> None:
    raw = json.dumps(_doc(PART_ITEMS)).encode()
    state = ParseState(member="m.json")
    prescan(io.BytesIO(raw), state)
    got = [r for r in parse(io.BytesIO(raw), state) if r.category == UNRECOGNIZED]
    assert [r.source_path for r in got] == [
        "m.json:Your Activity/Watch Time Estimates",
        "m.json:Brand New Root",
    ]
    assert got[0].fields == _doc(PART_ITEMS)["Your Activity"]["Watch Time Estimates"]


def test_memory_does_not_grow_with_an_unknown_section() -> None:
    """Parsing 60,000 unknown items peaks far below what holding them would take."""
    n = 60_000
    raw = json.dumps({"Your Activity": {"Watch Time Estimates": [_item(i) for i in range(n)]}})
    data = raw.encode()
    del raw
    state = ParseState(member="m.json")
    prescan(io.BytesIO(data), state)
    tracemalloc.start()
    try:
        whole = json.loads(data)  # what holding the section would take
        _, whole_peak = tracemalloc.get_traced_memory()
        del whole
        tracemalloc.reset_peak()
        count = sum(len(r.fields) for r in parse(io.BytesIO(data), state))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert count == n
    assert peak < whole_peak / 10, (peak, whole_peak)


def test_a_large_unknown_txt_file_is_kept_in_parts(vault: Any, tmp_path: Path) -> None:
    from plainview.importers.tiktok_txt import PART_CHARS
    from tests.fixtures.tiktok_export import build_export

    export = build_export("v2", fmt="txt", seed=4)
    lines = [f"Estimate {i}: {'y' * (i % 90)} ünïcode" for i in range(40_000)]
    original = "\r\n".join(lines) + "\r\n"
    assert len(original) > 2 * PART_CHARS
    folder = next(iter(export.files)).rsplit("/", 1)[0]
    export.files[f"{folder}/Watch Time Estimates.txt"] = original.encode()
    result = run_import(vault, export.write_zip(tmp_path / "e.zip"), isolate=False)
    assert result.records[UNRECOGNIZED] == export.unrecognized + 3
    parts = [
        r
        for r in vault.records(UNRECOGNIZED, limit=100, order="id")
        if "Watch Time Estimates.txt" in r.source_path
    ]
    assert [r.source_path.rsplit(" ", 1)[-1] for r in parts] == ["1)", "2)", "3)"]
    assert all(len(r.fields) <= PART_CHARS for r in parts)
    assert "\n".join(r.fields for r in parts) == "\n".join(lines)
