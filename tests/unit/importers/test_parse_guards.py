"""The second (record-building) pass refuses what the validation pass refuses, on its own:
its guards are not left to the prescan alone (issue 16 item 7)."""

from __future__ import annotations

import io

import pytest

from plainview.errors import ArchiveRejected
from plainview.importers import tiktok_json
from plainview.importers.common import ParseState

N = tiktok_json.MAX_DEPTH + 6


def _parse(doc: bytes) -> str:
    with pytest.raises(ArchiveRejected) as info:
        list(tiktok_json.parse(io.BytesIO(doc), ParseState(member="user_data_tiktok.json")))
    return str(getattr(info.value, "code", ""))


def test_a_document_that_is_not_a_map_is_refused() -> None:
    assert _parse(b"[1, 2, 3]") == "not_tiktok_json"
    assert _parse(b'"text"') == "not_tiktok_json"
    assert _parse(b"") in ("not_json", "not_tiktok_json")  # yajl may refuse it first


def test_deep_lists_in_an_unknown_section_are_refused() -> None:
    assert _parse(b'{"Mystery": {"X": ' + b"[" * N + b"]" * N + b"}}") == "too_deep"


def test_deep_maps_in_a_list_section_are_refused() -> None:
    opened = b'{"a": ' * N
    doc = b'{"Your Activity": {"Searches": ' + opened + b"1" + b"}" * N + b"}}"
    assert _parse(doc) == "too_deep"


def test_deep_lists_in_a_list_section_are_refused() -> None:
    doc = b'{"Your Activity": {"Searches": {"SearchList": ' + b"[" * N + b"]" * N + b"}}}"
    assert _parse(doc) == "too_deep"


def test_just_under_the_limit_parses() -> None:
    n = tiktok_json.MAX_DEPTH - 8
    doc = b'{"Mystery": {"X": ' + b"[" * n + b"]" * n + b"}}"
    records = list(tiktok_json.parse(io.BytesIO(doc), ParseState(member="u.json")))
    assert len(records) == 1
