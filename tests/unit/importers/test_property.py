"""Property tests over the import entry point: only ArchiveRejected may ever escape."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from plainview.errors import ArchiveRejected
from plainview.importers import run_import

SETTINGS = settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
ROOTS = ["Your Activity", "Activity", "Profile And Settings", "TikTok Shop", "Direct Message"]
SECTIONS = ["Watch History", "Searches", "Settings", "Profile Info", "Off TikTok Activity"]
SECTIONS += ["Purchases", "Direct Messages", "Order History", "Mystery"]

json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(-(2**62), 2**62)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=20),
    lambda children: (
        st.lists(children, max_size=4)
        | st.dictionaries(
            st.sampled_from(["Date", "date", "Link", "ChatHistory", "x"]) | st.text(max_size=8),
            children,
            max_size=4,
        )
    ),
    max_leaves=30,
)
documents = st.dictionaries(
    st.sampled_from(ROOTS) | st.text(max_size=10),
    st.dictionaries(st.sampled_from(SECTIONS) | st.text(max_size=10), json_values, max_size=4)
    | json_values,
    max_size=4,
)


def _attempt(vault: Any, path: Path) -> None:
    try:
        result = run_import(vault, path, isolate=False)
    except ArchiveRejected as err:
        assert err.exit_code == 4
    else:
        assert result.added + result.duplicates == sum(result.records.values())


@SETTINGS
@given(data=st.binary(max_size=400))
def test_random_bytes_as_json(vault: Any, tmp_path: Path, data: bytes) -> None:
    p = tmp_path / "user_data_tiktok.json"
    p.write_bytes(data)
    _attempt(vault, p)


@SETTINGS
@given(data=st.binary(max_size=400))
def test_random_bytes_as_zip(vault: Any, tmp_path: Path, data: bytes) -> None:
    p = tmp_path / "export.zip"
    p.write_bytes(b"PK\x03\x04" + data)
    _attempt(vault, p)


@SETTINGS
@given(doc=documents)
def test_random_documents(vault: Any, tmp_path: Path, doc: dict[str, Any]) -> None:
    p = tmp_path / "user_data_tiktok.json"
    p.write_text(json.dumps(doc), encoding="utf-8")
    _attempt(vault, p)


@SETTINGS
@given(
    text=st.text(max_size=300),
    name=st.sampled_from(["Searches.txt", "Settings.txt", "Zoekopdrachten.txt", "x.txt"]),
)
def test_random_txt_members(vault: Any, tmp_path: Path, text: str, name: str) -> None:
    p = tmp_path / "export.zip"
    with zipfile.ZipFile(p, "w") as zf:
        zf.writestr(f"TikTok/Your Activity/{name}", text.encode("utf-8", "surrogatepass"))
        zf.writestr("TikTok/Your Activity/Watch History.txt", b"Date: 2025-01-01\nLink: x\n")
    _attempt(vault, p)
