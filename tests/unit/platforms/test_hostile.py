"""Hostile input against the Meta readers: JSON and HTML (SECURITY.md "Import hardening").

Every refusal is an ``ArchiveRejected`` with a fixed sentence naming our section label, never
a byte of the input; memory and time stay small.
"""

from __future__ import annotations

import io
import time
import tracemalloc
import zipfile
from pathlib import Path

import pytest

from plainview.errors import ArchiveRejected
from plainview.platforms.meta import html
from plainview.platforms.meta.jsonread import slots
from tests.unit.platforms.helpers import read_export

MARKER = "ZQXJ-MARKER"


def _html_refused(page: bytes, code: str, **kw: int) -> ArchiveRejected:
    t0 = time.monotonic()
    with pytest.raises(ArchiveRejected) as info:
        list(html.records(io.BytesIO(page), "Followers", **kw))
    assert time.monotonic() - t0 < 5
    err = info.value
    assert getattr(err, "code", None) == code
    assert "Followers" in err.message
    assert MARKER not in err.message and MARKER not in (err.hint or "")
    return err


def test_html_deep_nesting_refused() -> None:
    page = b"<html><body>" + b"<div class='_a6-g'>" * 200_000 + MARKER.encode() + b"</div>" * 10
    _html_refused(page, "html_too_deep")


def test_html_huge_attribute_refused() -> None:
    page = b"<html><body><div class='_a6-g' title='" + MARKER.encode() * 20_000 + b"'>x</div>"
    _html_refused(page, "html_too_long")


def test_html_huge_text_node_refused() -> None:
    page = b"<html><body><div class='_a6-g'>" + MARKER.encode() * 200_000 + b"</div></body></html>"
    _html_refused(page, "html_too_long")


def test_html_over_its_size_cap_refused_whole() -> None:
    box = b"<div class='_a6-g'><div class='_a6-h'>" + MARKER.encode() + b"</div></div>"
    page = b"<html><body>" + box * 5000 + b"</body></html>"
    err = _html_refused(page, "html_too_large", max_bytes=64 * 1024)
    assert "Followers" in err.message
    # the declared size alone is enough to refuse, before a byte is read
    with pytest.raises(ArchiveRejected):
        list(html.records(io.BytesIO(b""), "Followers", size=10**12))
    # under the cap the same page reads completely
    assert len(list(html.records(io.BytesIO(page), "Followers", max_bytes=len(page)))) == 5000


def test_html_billion_laughs_is_not_expanded() -> None:
    ents = ['<!ENTITY lol "lollollollollollollollollollol">']
    for i in range(1, 10):
        prev = "lol" if i == 1 else f"lol{i - 1}"
        ents.append(f'<!ENTITY lol{i} "' + f"&{prev};" * 10 + '">')
    page = (
        "<!DOCTYPE html [" + "".join(ents) + "]><html><body><div class='_a6-g'>&lol9;</div>"
        "</body></html>"
    ).encode()
    tracemalloc.start()
    t0 = time.monotonic()
    out = list(html.records(io.BytesIO(page), "Followers"))
    elapsed = time.monotonic() - t0
    _cur, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert elapsed < 2 and peak < 20 * 1024 * 1024
    text = repr(out)
    assert "lollollol" not in text  # no definition was ever expanded
    assert len(text) < 1000


def test_html_external_entities_and_scripts_ignored() -> None:
    page = (
        b'<!DOCTYPE html SYSTEM "http://192.0.2.1/x.dtd"><html><head><script>'
        + MARKER.encode()
        + b"</script></head><body><div class='_a6-g'>&xxe;<p>ok</p></div></body></html>"
    )
    out = list(html.records(io.BytesIO(page), "Followers"))
    assert MARKER not in repr(out)
    assert out and "ok" in out[0]["text"]


def _json_refused(data: bytes, code: str) -> None:
    with pytest.raises(ArchiveRejected) as info:
        list(slots(io.BytesIO(data), "Likes"))
    assert getattr(info.value, "code", None) == code
    assert "Likes" in info.value.message and MARKER not in info.value.message


def test_json_deep_nesting_refused() -> None:
    _json_refused(b'{"a": ' + b"[" * 100_000 + b"]" * 100_000 + b"}", "json_too_deep")
    _json_refused(b"[" * 100_000, "json_too_deep")


@pytest.mark.parametrize(
    "data",
    [
        b'{"likes": [' + b"9" * 6000 + b"]}",  # an integer Python will not convert
        b'{"likes": ["' + MARKER.encode() + b'\xff\xfe"]}',  # invalid UTF-8
        b'{"likes": [1, 2',  # truncated
        b'{"likes": []}{"likes": []}',  # two documents
        b'{"' + MARKER.encode() + b'": }',
        b"",
    ],
)
def test_json_broken_refused(data: bytes) -> None:
    _json_refused(data, "json_invalid")


def test_json_bom_and_bare_record_accepted() -> None:
    out = list(slots(io.BytesIO(b'\xef\xbb\xbf{"timestamp": 5, "label_values": []}'), "Likes"))
    assert [(s.key, s.whole) for s in out] == [("timestamp", True), ("label_values", True)]


def test_hostile_page_inside_an_export_refuses_the_import(tmp_path: Path) -> None:
    z = tmp_path / "ig.zip"
    with zipfile.ZipFile(z, "w") as zf:
        zf.writestr(
            "your_instagram_activity/likes/liked_posts.html", b"<html><body>x</body></html>"
        )
        zf.writestr(
            "connections/followers_and_following/followers_1.html",
            b"<html><body>" + b"<div>" * 5000 + b"</body></html>",
        )
    with pytest.raises(ArchiveRejected) as info:
        read_export(z)
    assert info.value.code == "html_too_deep"  # type: ignore[attr-defined]
    assert "Followers" in info.value.message


def test_liked_posts_stream_in_bounded_memory() -> None:
    """A big list file is never held whole: peak memory stays far below its parsed size."""
    item = (
        b'{"title": "friend.01", "string_list_data": [{"href": "https://www.instagram.com/p/x/",'
        b' "value": "\\u00f0\\u009f\\u0091\\u008d", "timestamp": 1683194400}]}'
    )
    data = b'{"likes_media_likes": [' + b",".join([item] * 15_000) + b"]}"
    tracemalloc.start()
    n = sum(1 for _ in slots(io.BytesIO(data), "Likes"))
    _cur, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert n == 15_000
    assert peak < len(data) / 2  # the parsed list alone would be several times the file
