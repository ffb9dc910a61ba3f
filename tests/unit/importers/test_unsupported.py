"""Known but unsupported exports are named from their member names; TikTok's never are."""

from __future__ import annotations

from pathlib import Path

import pytest

from plainview.errors import ArchiveRejected
from plainview.importers import detect
from plainview.importers.archive import open_archive
from plainview.importers.unsupported import SIGNATURES, platform_names, recognise
from tests.fixtures.other_exports import LAYOUTS, write_zip
from tests.fixtures.tiktok_export import GENERATIONS, build_export


@pytest.mark.parametrize(
    ("name", "layout", "members"), LAYOUTS, ids=[f"{n}-{lay}" for n, lay, _ in LAYOUTS]
)
def test_each_layout_is_named(name: str, layout: str, members: list[str]) -> None:
    found = recognise(members)
    assert found is not None, layout
    assert found.name == name


@pytest.mark.parametrize(
    ("name", "layout", "members"), LAYOUTS[:6], ids=[lay for _n, lay, _ in LAYOUTS[:6]]
)
def test_detect_refuses_with_the_platform_named(
    tmp_path: Path, name: str, layout: str, members: list[str]
) -> None:
    path = write_zip(tmp_path / "export.zip", members)
    with pytest.raises(ArchiveRejected) as info:
        detect(path, isolate=False)
    err = info.value
    assert getattr(err, "code", None) == "other_platform"
    assert f"This is an export from {name}." in err.message
    assert err.hint is not None and f"Keep this {name} archive" in err.hint


@pytest.mark.parametrize("fmt", ["json", "txt"])
@pytest.mark.parametrize("generation", GENERATIONS)
def test_no_tiktok_export_is_mistaken_for_another_platform(
    tmp_path: Path, generation: str, fmt: str
) -> None:
    export = build_export(generation, fmt=fmt, variant="wrapper,macosx", seed=5)
    with open_archive(export.write_zip(tmp_path / "t.zip")) as archive:
        assert recognise(m.name for m in archive.members) is None


def test_unrelated_files_are_not_named() -> None:
    assert recognise([]) is None
    assert recognise(["notes.txt", "photos/2020/a.jpg", "data.json"]) is None
    # one generic file of a two-file signature is not enough
    assert recognise(["media.json"]) is None


def test_every_platform_in_the_table_has_a_layout_in_the_tests() -> None:
    tested = {name for name, _l, _m in LAYOUTS}
    assert {s.name for s in SIGNATURES} - tested <= {"WhatsApp", "Reddit"}
    assert platform_names()[:3] == ["X (Twitter)", "Google Takeout", "Instagram"]
