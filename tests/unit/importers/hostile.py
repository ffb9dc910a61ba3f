"""Hostile and broken inputs, built in code (shared by the unit and CLI tests)."""

from __future__ import annotations

import stat
import struct
import zipfile
from collections.abc import Callable
from pathlib import Path

from tests.fixtures.tiktok_export import build_export

MARKER = "pvmarkhostile7q"


def _zip(path: Path, members: list[tuple[zipfile.ZipInfo | str, bytes]]) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for info, data in members:
            zf.writestr(info, data)
    return path


def _good_json() -> bytes:
    e = build_export("v3")
    return e.files["user_data_tiktok.json"]


def path_escape(d: Path) -> Path:
    return _zip(d / "escape.zip", [("../user_data_tiktok.json", _good_json())])


def absolute_path(d: Path) -> Path:
    return _zip(d / "absolute.zip", [("/tmp/user_data_tiktok.json", _good_json())])


def symlink_member(d: Path) -> Path:
    info = zipfile.ZipInfo("user_data_tiktok.json")
    info.external_attr = (stat.S_IFLNK | 0o777) << 16
    return _zip(d / "symlink.zip", [(info, b"/etc/passwd")])


def duplicate_members(d: Path) -> Path:
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return _zip(
            d / "dup.zip",
            [("user_data_tiktok.json", _good_json()), ("user_data_tiktok.json", b"{}")],
        )


def casefold_duplicates(d: Path) -> Path:
    return _zip(
        d / "dupcase.zip",
        [("user_data_tiktok.json", _good_json()), ("USER_DATA_TIKTOK.JSON", b"{}")],
    )


def encrypted_member(d: Path) -> Path:
    raw = bytearray((_zip(d / "plain.zip", [("user_data_tiktok.json", _good_json())])).read_bytes())
    # set the "encrypted" bit in the local header and the central directory entry
    lh = raw.find(b"PK\x03\x04")
    cd = raw.find(b"PK\x01\x02")
    raw[lh + 6] |= 1
    raw[cd + 8] |= 1
    p = d / "encrypted.zip"
    p.write_bytes(bytes(raw))
    return p


def zip_bomb(d: Path) -> Path:
    return _zip(
        d / "bomb.zip", [("user_data_tiktok.json", b"{" + b" " * (60 * 1024 * 1024) + b"}")]
    )


def lying_sizes(d: Path) -> Path:
    data = b'{"Your Activity": {"Searches": {"SearchList": [' + b" " * 500_000 + b"]}}}"
    raw = bytearray(_zip(d / "l.zip", [("user_data_tiktok.json", data)]).read_bytes())
    cd = raw.find(b"PK\x01\x02")
    lh = raw.find(b"PK\x03\x04")
    raw[cd + 24 : cd + 28] = struct.pack("<I", 1000)  # uncompressed size: 1000 (a lie)
    raw[lh + 22 : lh + 26] = struct.pack("<I", 1000)
    p = d / "lying.zip"
    p.write_bytes(bytes(raw))
    return p


def overlapping_members(d: Path) -> Path:
    raw = bytearray(
        _zip(
            d / "o.zip",
            [("user_data_tiktok.json", _good_json()), ("other.json", _good_json())],
        ).read_bytes()
    )
    first = raw.find(b"PK\x01\x02")
    second = raw.find(b"PK\x01\x02", first + 4)
    raw[second + 42 : second + 46] = struct.pack("<I", 0)  # both point at the first data
    p = d / "overlap.zip"
    p.write_bytes(bytes(raw))
    return p


def truncated_zip(d: Path) -> Path:
    raw = build_export("v3").write_zip(d / "full.zip").read_bytes()
    p = d / "truncated.zip"
    p.write_bytes(raw[: len(raw) // 2])
    return p


def not_a_zip(d: Path) -> Path:
    p = d / "TikTok_Data_1.zip"
    p.write_bytes(b"this is not a zip at all " * 100)
    return p


def _bare(d: Path, name: str, data: bytes) -> Path:
    p = d / name
    p.write_bytes(data)
    return p


def deep_json(d: Path) -> Path:
    n = 100_000
    return _bare(d, "user_data_tiktok.json", b'{"Your Activity": ' + b"[" * n + b"]" * n + b"}")


def huge_integer(d: Path) -> Path:
    data = b'{"Your Activity": {"Watch History": {"VideoList": [{"Date": 1' + b"1" * 5999 + b"}]}}}"
    return _bare(d, "user_data_tiktok.json", data)


def invalid_utf8(d: Path) -> Path:
    data = b'{"Your Activity": {"Searches": {"SearchList": [{"SearchTerm": "\xff\xfe\xc3"}]}}}'
    return _bare(d, "user_data_tiktok.json", data)


def syntax_error_with_marker(d: Path) -> Path:
    head = '{"Your Activity": {"Searches": {"SearchList": [{"SearchTerm": '
    data = (head + f'"{MARKER}" {MARKER} oops}}]}}}}}}').encode()
    return _bare(d, "user_data_tiktok.json", data)


def zipped_deep_json(d: Path) -> Path:
    n = 100_000
    return _zip(d / "deep.zip", [("user_data_tiktok.json", b"[" * n + b"]" * n)])


def instagram(d: Path) -> Path:
    return _zip(
        d / "instagram.zip",
        [("your_instagram_activity/likes/liked_posts.json", b"[]"), ("media/x.jpg", b"x")],
    )


def html_export(d: Path) -> Path:
    return _zip(d / "html.zip", [("TikTok/index.html", b"<html></html>")])


def french_txt(d: Path) -> Path:
    return build_export("v2", fmt="txt", lang="fr").write_zip(d / "fr.zip")


def empty_zip(d: Path) -> Path:
    return _zip(d / "empty.zip", [("__MACOSX/._x", b"junk")])


def not_tiktok_json(d: Path) -> Path:
    return _bare(d, "user_data_tiktok.json", b'{"hello": {"world": [1, 2, 3]}}')


def top_level_list(d: Path) -> Path:
    return _bare(d, "user_data_tiktok.json", b"[1, 2, 3]")


HOSTILE: dict[str, Callable[[Path], Path]] = {
    f.__name__: f
    for f in (
        path_escape,
        absolute_path,
        symlink_member,
        duplicate_members,
        casefold_duplicates,
        encrypted_member,
        zip_bomb,
        lying_sizes,
        overlapping_members,
        truncated_zip,
        not_a_zip,
        deep_json,
        zipped_deep_json,
        huge_integer,
        invalid_utf8,
        syntax_error_with_marker,
        instagram,
        html_export,
        french_txt,
        empty_zip,
        not_tiktok_json,
        top_level_list,
    )
}


def txt_named_json(d: Path) -> Path:
    return _bare(d, "user_data_tiktok.json", b"Date: 2025-01-01 10:00:00 UTC\nLink: x\n")


HOSTILE["txt_named_json"] = txt_named_json
