"""Property tests over the Meta parsers (SECURITY.md test 9): whatever a file holds, only
Plainview's own ``ArchiveRejected`` ever escapes, and a record is always JSON-compatible."""

from __future__ import annotations

import io
import json
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from plainview.errors import ArchiveRejected
from plainview.platforms import DEFAULT_PLATFORMS
from plainview.platforms.base import ParseLog
from plainview.platforms.members import ExportFiles
from plainview.platforms.meta import html
from tests.unit.platforms.helpers import REGISTRY


class _Member:
    def __init__(self, name: str, data: bytes) -> None:
        self.name, self.size, self.data = name, len(data), data


class MemorySource:
    """An in-memory part with the interface of ``importers.archive.Archive``."""

    def __init__(self, files: dict[str, bytes]) -> None:
        self.members = [_Member(n, d) for n, d in files.items()]

    @contextmanager
    def open(self, member: _Member) -> Iterator[io.BytesIO]:
        yield io.BytesIO(member.data)


keys = st.sampled_from(
    [
        "timestamp",
        "timestamp_ms",
        "label_values",
        "string_map_data",
        "string_list_data",
        "title",
        "messages",
        "events",
        "name",
        "value",
        "vec",
        "dict",
        "media",
        "uri",
        "Heure",
        "\u00c3\u00a9",
    ]
)
scalars = (
    st.none()
    | st.booleans()
    | st.integers(-(2**40), 2**53)
    | st.floats(allow_nan=False)
    | st.text(max_size=12)
)
values = st.recursive(
    scalars, lambda c: st.lists(c, max_size=4) | st.dictionaries(keys, c, max_size=4), max_leaves=25
)

PATHS = [
    "your_instagram_activity/messages/inbox/a_1/message_1.json",
    "connections/followers_and_following/followers_1.json",
    "apps_and_websites_off_of_instagram/apps_and_websites/your_activity_off_meta_technologies.json",
    "personal_information/personal_information/personal_information.json",
    "your_instagram_activity/unknown/thing.json",
    "your_facebook_activity/posts/your_posts__check_ins__photos_and_videos_1.json",
]


def _run(files: dict[str, bytes]) -> None:
    parts = ExportFiles([MemorySource(files)], REGISTRY.roots)
    for platform in DEFAULT_PLATFORMS:
        for parser in platform.parsers:
            log = ParseLog.for_platform(platform)
            try:
                for rec in parser.parse(parts, log):
                    json.dumps(rec.fields)
                    assert rec.category in platform.category_ids
            except ArchiveRejected:
                pass


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(st.sampled_from(PATHS), values), min_size=1, max_size=4))
def test_any_json_value_in_any_known_file(docs: list[tuple[str, Any]]) -> None:
    files = {path: json.dumps(v).encode() for path, v in docs}
    _run(files)


@settings(max_examples=40, deadline=None)
@given(st.binary(max_size=300))
def test_any_bytes_as_json_or_html(data: bytes) -> None:
    _run({PATHS[1]: data, PATHS[1].replace(".json", ".html"): data})
    with suppress(ArchiveRejected):
        list(html.records(io.BytesIO(data), "Followers"))


tags = st.sampled_from(["div", "table", "tr", "td", "a", "img", "section", "p", "script"])
classes = st.sampled_from(["_a6-g", "uiBoxWhite", "_a6-h", "_2lel", "_a72d", "_a6_q", "_a6_r", ""])


@st.composite
def pages(draw: st.DrawFn) -> bytes:
    out = ["<html><body>"]
    for _ in range(draw(st.integers(0, 30))):
        if draw(st.booleans()):
            out.append(f"<{draw(tags)} class='{draw(classes)}' href='x' src='m.jpg'>")
        elif draw(st.booleans()):
            out.append(f"</{draw(tags)}>")
        else:
            out.append(draw(st.text(max_size=10)).replace("<", "&lt;"))
    return "".join(out).encode("utf-8", "surrogatepass")


@settings(max_examples=80, deadline=None)
@given(pages())
def test_any_tag_soup(page: bytes) -> None:
    try:
        out = list(html.records(io.BytesIO(page), "Posts"))
    except ArchiveRejected:
        return
    json.dumps(out)
