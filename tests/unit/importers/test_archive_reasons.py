"""Each safety check of the archive reader, on its own (issue 16 item 7).

The hostile-input tests used to assert only that *some* rejection happened, and another layer
rejected the input anyway, so any single check could be deleted without a test failing. Here
every hostile input asserts its specific reason code, and where two checks could catch the same
input, the input is built so that only the check under test can (a bare file that grows after
it was opened, a folder whose subfolder becomes a link, small limits patched in).
"""

from __future__ import annotations

import os
import stat
import zipfile
from pathlib import Path
from typing import Any

import pytest

from plainview.errors import ArchiveRejected
from plainview.importers import archive as arc
from plainview.importers import run_import
from plainview.importers.archive import open_archive
from tests.fixtures.tiktok_export import build_export
from tests.unit.importers.helpers import vault_digest
from tests.unit.importers.hostile import HOSTILE

EXPECTED = {
    "absolute_path": "absolute_path",
    "casefold_duplicates": "duplicate",
    "deep_json": "too_deep",
    "duplicate_members": "duplicate",
    "empty_zip": "empty",
    "encrypted_member": "encrypted",
    "french_txt": "txt_language",
    "html_export": "html",
    "huge_integer": "not_json",
    "instagram": "other_platform",
    "invalid_utf8": "not_json",
    "lying_sizes": "damaged",  # zipfile itself stops at the declared size and fails the CRC
    "not_a_zip": "not_archive",
    "not_tiktok_json": "not_tiktok_json",
    "overlapping_members": "overlap",
    "path_escape": "parent_path",
    "symlink_member": "symlink",
    "syntax_error_with_marker": "not_json",
    "top_level_list": "not_tiktok_json",
    "truncated_zip": "not_archive",
    "txt_named_json": "txt_named_json",
    "zip_bomb": "zip_bomb_member",
    "zipped_deep_json": "zip_bomb",
}


def _code(exc: pytest.ExceptionInfo[ArchiveRejected]) -> str:
    return str(getattr(exc.value, "code", ""))


def test_every_hostile_input_has_an_expected_reason() -> None:
    assert set(EXPECTED) == set(HOSTILE)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_hostile_input_is_rejected_for_its_own_reason(
    vault: Any, tmp_path: Path, name: str
) -> None:
    bad = HOSTILE[name](tmp_path)
    before = vault_digest(vault)
    with pytest.raises(ArchiveRejected) as info:
        run_import(vault, bad, isolate=False)
    assert _code(info) == EXPECTED[name]
    assert vault_digest(vault) == before


def _zip(path: Path, members: list[tuple[zipfile.ZipInfo | str, bytes]]) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for info, data in members:
            zf.writestr(info, data)
    return path


def _good() -> bytes:
    return build_export("v3").files["user_data_tiktok.json"]


@pytest.mark.parametrize(
    ("member", "code"),
    [
        ("C:/user_data_tiktok.json", "absolute_path"),
        ("c:\\Users\\me\\user_data_tiktok.json", "absolute_path"),
        ("\\tmp\\user_data_tiktok.json", "absolute_path"),
        ("/etc/user_data_tiktok.json", "absolute_path"),
        ("..\\user_data_tiktok.json", "parent_path"),
        ("TikTok\\..\\..\\user_data_tiktok.json", "parent_path"),
        ("TikTok/../../user_data_tiktok.json", "parent_path"),
    ],
)
def test_bad_member_names_are_refused_for_their_reason(
    tmp_path: Path, member: str, code: str
) -> None:
    path = _zip(tmp_path / "x.zip", [(member, _good())])
    with pytest.raises(ArchiveRejected) as info:
        open_archive(path)
    assert _code(info) == code


def test_a_nul_in_a_name_is_refused() -> None:
    # Python's zipfile cuts names at a NUL when it reads them; the check guards the others
    with pytest.raises(ArchiveRejected) as exc:
        arc._check_name("TikTok/a\x00b.json")
    assert _code(exc) == "bad_name"


def test_a_dot_segment_name_is_normalized_not_refused(tmp_path: Path) -> None:
    path = _zip(tmp_path / "x.zip", [("./TikTok//./user_data_tiktok.json", _good())])
    with open_archive(path) as a:
        assert [m.name for m in a.members] == ["TikTok/user_data_tiktok.json"]


def test_a_symlink_member_with_valid_content_is_refused_as_a_symlink(tmp_path: Path) -> None:
    """Python's zipfile reads a link member as a plain file: without the check this export
    (whose 'link' holds a whole valid document) would import."""
    info = zipfile.ZipInfo("user_data_tiktok.json")
    info.external_attr = (stat.S_IFLNK | 0o777) << 16
    path = _zip(tmp_path / "l.zip", [(info, _good())])
    with pytest.raises(ArchiveRejected) as exc:
        open_archive(path)
    assert _code(exc) == "symlink"


def test_many_member_bomb_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert arc.MAX_MEMBERS == 200_000
    monkeypatch.setattr(arc, "MAX_MEMBERS", 50)
    members: list[tuple[zipfile.ZipInfo | str, bytes]] = [(f"f{i}.txt", b"x") for i in range(51)]
    path = _zip(tmp_path / "many.zip", members)
    with pytest.raises(ArchiveRejected) as exc:
        open_archive(path)
    assert _code(exc) == "too_many_files"
    # exactly at the cap is fine
    path = _zip(tmp_path / "ok.zip", members[:50])
    with open_archive(path) as a:
        assert len(a.members) == 50


def test_many_member_folder_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(arc, "MAX_MEMBERS", 5)
    folder = tmp_path / "export"
    folder.mkdir()
    for i in range(6):
        (folder / f"f{i}.txt").write_text("x")
    with pytest.raises(ArchiveRejected) as exc:
        open_archive(folder)
    assert _code(exc) == "too_many_files"


def test_declared_total_over_budget_is_refused_before_reading(tmp_path: Path) -> None:
    """Many small members (each under the 1 MiB ratio floor) that together expand past
    20 x the archive size: refused by the declared total, at open, before a byte is read."""
    members: list[tuple[zipfile.ZipInfo | str, bytes]] = [
        (f"TikTok/part{i}.txt", b" " * (900 * 1024)) for i in range(40)
    ]
    path = _zip(tmp_path / "wide.zip", members)
    assert arc.TOTAL_FACTOR * path.stat().st_size < 40 * 900 * 1024
    with pytest.raises(ArchiveRejected) as exc:
        open_archive(path)
    assert _code(exc) == "zip_bomb"


def test_actual_bytes_over_budget_are_refused_while_reading(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A bare file has no declared total: only the bytes actually read count."""
    monkeypatch.setattr(arc, "MAX_PLAIN_BYTES", 1000)
    p = tmp_path / "user_data_tiktok.json"
    p.write_bytes(b" " * 5000)
    with open_archive(p) as a, a.open(a.members[0]) as f, pytest.raises(ArchiveRejected) as exc:
        f.read()
    assert _code(exc) == "zip_bomb"


def test_budget_counts_a_member_read_twice_once() -> None:
    budget = arc.Budget(100)
    budget.spend("a", 60)
    budget.spend("a", 60)
    budget.spend("a", 30)
    assert budget.used == 60
    budget.spend("b", 40)
    assert budget.used == 100  # exactly the limit is allowed
    with pytest.raises(ArchiveRejected):
        budget.spend("c", 1)


def test_high_ratio_member_is_refused_at_open(tmp_path: Path) -> None:
    path = _zip(tmp_path / "r.zip", [("user_data_tiktok.json", b"{" + b" " * (3 * 2**20) + b"}")])
    with pytest.raises(ArchiveRejected) as exc:
        open_archive(path)
    assert _code(exc) == "zip_bomb_member"


def test_a_small_high_ratio_member_is_allowed(tmp_path: Path) -> None:
    data = b"{" + b" " * (2**20 - 10) + b"}"  # under 1 MiB: compression ratio does not matter
    path = _zip(
        tmp_path / "s.zip", [("TikTok/Searches.txt", data), ("pad.bin", os.urandom(70_000))]
    )
    with open_archive(path) as a:
        assert {m.name for m in a.members} == {"TikTok/Searches.txt", "pad.bin"}


def test_a_file_that_grows_after_opening_is_a_lying_size(tmp_path: Path) -> None:
    p = tmp_path / "user_data_tiktok.json"
    p.write_bytes(b"{}" + b" " * 100)
    with open_archive(p) as a:
        with p.open("ab") as grow:
            grow.write(b" " * 10_000)
        with a.open(a.members[0]) as f, pytest.raises(ArchiveRejected) as exc:
            f.read()
    assert _code(exc) == "lying_size"


def test_folder_export_with_a_link_out_is_not_followed(tmp_path: Path) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.txt").write_text("secret")
    folder = build_export("v2", fmt="txt").write_folder(tmp_path / "export")
    (folder / "TikTok" / "linked").symlink_to(outside, target_is_directory=True)
    (folder / "TikTok" / "Searches link.txt").symlink_to(outside / "secret.txt")
    with open_archive(folder) as a:
        names = {m.name for m in a.members}
    assert not any("linked" in n or "Searches link" in n for n in names)
    assert names  # the real files are there


def test_folder_member_that_becomes_a_link_out_is_refused(tmp_path: Path) -> None:
    """A subfolder swapped for a link after the folder was listed: the read is refused as
    an escape instead of following it out of the export."""
    outside = tmp_path / "outside"
    (outside / "TikTok").mkdir(parents=True)
    (outside / "TikTok" / "Searches.txt").write_text("Date: 2025-01-01\nSearch Term: x\n")
    folder = tmp_path / "export"
    (folder / "TikTok").mkdir(parents=True)
    (folder / "TikTok" / "Searches.txt").write_text("Date: 2025-01-01\nSearch Term: y\n")
    with open_archive(folder) as a:
        member = a.members[0]
        (folder / "TikTok" / "Searches.txt").unlink()
        (folder / "TikTok").rmdir()
        (folder / "TikTok").symlink_to(outside / "TikTok", target_is_directory=True)
        with pytest.raises(ArchiveRejected) as exc:
            a.open(member)
    assert _code(exc) == "folder_escape"


def test_folder_member_replaced_by_a_file_link_is_refused(tmp_path: Path) -> None:
    outside = tmp_path / "outside.txt"
    outside.write_text("secret")
    folder = tmp_path / "export"
    folder.mkdir()
    (folder / "Searches.txt").write_text("Date: 2025-01-01\nSearch Term: y\n")
    with open_archive(folder) as a:
        (folder / "Searches.txt").unlink()
        (folder / "Searches.txt").symlink_to(outside)
        with pytest.raises(ArchiveRejected) as exc:
            a.open(a.members[0])
    assert _code(exc) in ("folder_escape", "folder_unreadable")


def test_encrypted_member_is_refused_as_encrypted(tmp_path: Path) -> None:
    bad = HOSTILE["encrypted_member"](tmp_path)
    with pytest.raises(ArchiveRejected) as exc:
        open_archive(bad)
    assert _code(exc) == "encrypted"


def test_junk_files_are_ignored_not_imported(tmp_path: Path) -> None:
    path = _zip(
        tmp_path / "j.zip",
        [
            ("__MACOSX/TikTok/._Searches.txt", b"junk"),
            ("TikTok/._x.txt", b"junk"),
            ("TikTok/.DS_Store", b"junk"),
            ("TikTok/Thumbs.db", b"junk"),
            ("TikTok/desktop.ini", b"junk"),
            ("TikTok/Searches.txt", b"Date: 2025-01-01\n"),
        ],
    )
    with open_archive(path) as a:
        assert [m.name for m in a.members] == ["TikTok/Searches.txt"]


def test_limits_are_the_documented_ones() -> None:
    assert (arc.MAX_MEMBERS, arc.TOTAL_FACTOR, arc.MAX_RATIO) == (200_000, 20, 200)
    assert arc.MAX_TOTAL_BYTES == 50 * 1024**3 and arc.RATIO_MIN_SIZE == 1024 * 1024


def test_a_large_bare_file_or_folder_member_reads_whole(tmp_path: Path) -> None:
    """No compressed size, so no ratio limit: a 3 MiB plain file reads to its end."""
    p = tmp_path / "user_data_tiktok.json"
    p.write_bytes(b"{" + b" " * (3 * 2**20) + b"}")
    with open_archive(p) as a, a.open(a.members[0]) as f:
        assert len(f.read()) == 3 * 2**20 + 2
    folder = tmp_path / "export"
    folder.mkdir()
    (folder / "Searches.txt").write_bytes(b"x" * (3 * 2**20))
    with open_archive(folder) as a, a.open(a.members[0]) as f:
        assert len(f.read()) == 3 * 2**20
