"""Whole synthetic exports through the safe archive reader: exact counts for every platform,
generation and format, repaired text, times, media, unknown sections, multi-part exports.

The expected counts come from the generator (tests/fixtures/meta_export.py), which counts what
it writes; never from the parser.
"""

from __future__ import annotations

import json
import zipfile
from contextlib import ExitStack
from datetime import UTC, datetime
from pathlib import Path

import pytest

from plainview.errors import ArchiveRejected
from plainview.importers.archive import open_archive
from plainview.platforms import DEFAULT_PLATFORMS
from plainview.platforms.base import ParseLog
from plainview.platforms.members import ExportFiles
from plainview.platforms.meta import html
from tests.fixtures.meta_export import CAFE, KEY_FR, PRAY, all_cases, export
from tests.unit.platforms.helpers import REGISTRY, counts, read_export

EARLIEST = datetime(2004, 1, 1, tzinfo=UTC)
REGISTRY_PLATFORMS = {p.id: p for p in DEFAULT_PLATFORMS}


@pytest.mark.parametrize(("platform", "generation", "fmt"), all_cases())
def test_exact_counts_for_every_generation_and_format(
    tmp_path: Path, platform: str, generation: str, fmt: str
) -> None:
    ex = export(platform, generation, fmt)
    found, records, log = read_export(ex.write_zip(tmp_path / "export.zip"))
    assert (found.platform, found.schema, found.format) == (platform, generation, fmt)
    assert (log.schema, log.format) == (generation, fmt)
    assert counts(records) == ex.expected
    # every category the platform has and this export lacks is reported missing
    missing = {s.category for s in log.finish() if s.status == "missing"}
    platform_ids = {c.id for c in REGISTRY_PLATFORMS[platform].categories} - {
        f"{platform}.unrecognized"
    }
    assert missing == platform_ids - set(ex.expected)
    # media: listed, never read; the left-out figures add up
    assert (log.media_files, log.media_bytes) == (ex.media_files, ex.media_bytes)
    # never 1970: every time is real
    assert all(r.occurred_at is None or r.occurred_at >= EARLIEST for r in records)
    assert all(r.occurred_at is None or r.occurred_at.tzinfo is not None for r in records)


@pytest.mark.parametrize(("platform", "generation", "fmt"), all_cases())
def test_text_is_repaired_and_kept(
    tmp_path: Path, platform: str, generation: str, fmt: str
) -> None:
    ex = export(platform, generation, fmt)
    _found, records, log = read_export(ex.write_zip(tmp_path / "export.zip"))
    everything = json.dumps([r.fields for r in records], ensure_ascii=False)
    assert "Ã" not in everything and "ð\x9f" not in everything  # no mojibake left
    assert CAFE in everything and "🙏" in everything
    assert log.account == ex.account
    searchable = " ".join(r.text for r in records)
    assert "Pokémon" in searchable


@pytest.mark.parametrize(
    ("generation", "key"), [("2021", "Nom d’utilisateur"), ("2023", "Benutzername")]
)
def test_localized_keys_are_repaired(tmp_path: Path, generation: str, key: str) -> None:
    ex = export("instagram", generation, "json")
    _found, records, _log = read_export(ex.write_zip(tmp_path / "ig.zip"))
    (profile,) = [r for r in records if r.category == "instagram.profile"]
    assert key in profile.fields["string_map_data"]
    interests = [r for r in records if r.category == "instagram.ad_interests"]
    assert all(KEY_FR in r.fields["string_map_data"] for r in interests)
    logins = [r for r in records if r.category == "instagram.logins"]
    assert logins and all(r.occurred_at is not None for r in logins)


@pytest.mark.parametrize("generation", ["2021", "2023"])
def test_text_only_time_is_read_not_1970(tmp_path: Path, generation: str) -> None:
    ex = export("instagram", generation, "json")
    _found, records, _log = read_export(ex.write_zip(tmp_path / "ig.zip"))
    ads = [r for r in records if r.category == "instagram.ads_viewed"]
    assert ex.text_only_time in {r.occurred_at for r in ads}
    assert all(r.occurred_at is not None for r in ads)


def test_messages_over_every_thread_and_part(tmp_path: Path) -> None:
    ex = export("instagram", "2023", "json")
    _found, records, log = read_export(ex.write_zip(tmp_path / "ig.zip"))
    dms = [r for r in records if r.category == "instagram.direct_messages"]
    threads = {r.source_path.rsplit("/", 1)[0] for r in dms}
    parts = {r.source_path for r in dms}
    assert len(threads) == 4 and len(parts) == 5  # 4 threads, one of them in two parts
    assert len(dms) == ex.expected["instagram.direct_messages"]
    assert any(r.fields.get("content") == PRAY for r in dms)
    # the thread's own keys are kept with the import, not dropped
    assert any("participants" in v for v in log.wrapper_values.values())


def test_off_platform_is_one_record_per_event_with_the_company(tmp_path: Path) -> None:
    for gen in ("2020", "2024"):
        ex = export("facebook", gen, "json")
        _found, records, _log = read_export(ex.write_zip(tmp_path / f"fb{gen}.zip"))
        off = [r for r in records if r.category == "facebook.off_platform"]
        assert len(off) == ex.expected["facebook.off_platform"] > 4  # more events than companies
        assert all((r.fields.get("name") or r.fields.get("title")) for r in off)
        assert all("event" in r.fields and r.occurred_at is not None for r in off)
        assert len({r.fields.get("name") or r.fields.get("title") for r in off}) == 4


def test_bare_single_records_count_once(tmp_path: Path) -> None:
    ex = export("facebook", "2024", "json")
    _found, records, _log = read_export(ex.write_zip(tmp_path / "fb.zip"))
    (tz,) = [r for r in records if r.category == "facebook.location"]
    assert tz.fields["label_values"][0]["value"] == "Europe/Zurich"
    assert "fbid" in tz.fields  # the bare record's scalars stay in it
    adv = [
        r
        for r in records
        if r.source_path.endswith("advertisers_using_your_activity_or_information.json")
    ]
    assert len(adv) == 1


@pytest.mark.parametrize(
    ("platform", "generation", "fmt"),
    [
        ("instagram", "2018", "json"),
        ("instagram", "2021", "json"),
        ("facebook", "2024", "json"),
        ("facebook", "2024", "html"),
    ],
)
def test_media_records_have_path_size_type_and_time(
    tmp_path: Path, platform: str, generation: str, fmt: str
) -> None:
    ex = export(platform, generation, fmt)
    _found, records, _log = read_export(ex.write_zip(tmp_path / "export.zip"))
    media = {r.fields["path"]: r for r in records if r.category == f"{platform}.media"}
    assert set(media) == {p for p in ex.files if p.endswith((".jpg", ".mp4", ".webp"))}
    assert any(r.occurred_at is not None for r in media.values())
    for path, rec in media.items():
        assert rec.fields["size"] == len(ex.files[path])
        assert rec.fields["type"].split("/")[0] in ("image", "video")
        assert rec.occurred_at == ex.media_times.get(path)


def test_unknown_sections_are_kept_whole(tmp_path: Path) -> None:
    ex = export("instagram", "2018", "json")
    _found, records, log = read_export(ex.write_zip(tmp_path / "ig.zip"))
    unknown = [r for r in records if r.category == "instagram.unrecognized"]
    paths = {r.source_path for r in unknown}
    assert "connections.json:close_friends" in paths
    assert "saved.json:saved_media" in paths
    saved = next(r for r in unknown if r.source_path == "saved.json:saved_media")
    assert saved.fields == json.loads(ex.files["saved.json"])["saved_media"]
    statuses = {s.path: s.status for s in log.finish()}
    assert statuses["saved.json"] == "unrecognized"


def test_a_folder_reads_like_the_zip(tmp_path: Path) -> None:
    ex = export("facebook", "2020", "json")
    _f, from_zip, _l = read_export(ex.write_zip(tmp_path / "fb.zip"))
    _f, from_dir, _l = read_export(ex.write_folder(tmp_path / "fb"))
    assert counts(from_dir) == counts(from_zip) == ex.expected


@pytest.mark.parametrize(
    ("platform", "generation", "fmt"), [("instagram", "2023", "json"), ("facebook", "2024", "html")]
)
def test_multi_part_export_is_one_export(
    tmp_path: Path, platform: str, generation: str, fmt: str
) -> None:
    ex = export(platform, generation, fmt)
    parts = ex.write_parts(tmp_path, 3)
    holding = [
        p for p in parts if any(n.endswith(ex.profile_path) for n in zipfile.ZipFile(p).namelist())
    ]
    assert len(holding) == 1  # only one part carries the profile
    found, records, log = read_export(*parts)
    assert (found.platform, found.schema) == (platform, generation)
    assert counts(records) == ex.expected
    assert log.account == ex.account
    # a part without the profile alone is still recognised, and simply lacks the profile
    found2, records2, _log2 = read_export(parts[1])
    assert found2.platform == platform
    assert f"{platform}.profile" not in counts(records2)


def test_parts_holding_the_same_file_must_agree(tmp_path: Path) -> None:
    ex = export("instagram", "2023", "json")
    a, b = tmp_path / "a.zip", tmp_path / "b.zip"
    name = "connections/followers_and_following/followers_1.json"
    for p in (a, b):
        with zipfile.ZipFile(p, "w") as zf:
            zf.writestr(name, ex.files[name])
            zf.writestr(f"other_{p.stem}.txt", b"x")
    _f, records, _l = read_export(a, b)  # identical copies: read once
    assert counts(records)["instagram.followers"] == len(json.loads(ex.files[name]))
    with zipfile.ZipFile(b, "w") as zf:
        zf.writestr(name, b"[]")
    with pytest.raises(ArchiveRejected) as info:
        read_export(a, b)
    assert info.value.code == "parts_conflict"  # type: ignore[attr-defined]


def test_long_unknown_lists_are_kept_in_ordered_parts(tmp_path: Path) -> None:
    items = [{"n": i, "what": f"thing {i}"} for i in range(2500)]
    z = tmp_path / "ig.zip"
    with zipfile.ZipFile(z, "w") as zf:
        zf.writestr("your_instagram_activity/likes/liked_posts.json", b"[]")
        zf.writestr(
            "your_instagram_activity/saved/saved_collections.json",
            json.dumps({"saved_saved_collections": items}),
        )
    _found, records, log = read_export(z)
    parts = [r for r in records if r.category == "instagram.unrecognized"]
    assert [len(r.fields) for r in parts] == [1000, 1000, 500]
    assert [r.source_path.rsplit(" ", 2)[-1] for r in parts] == ["1)", "2)", "3)"]
    assert [x for r in parts for x in r.fields] == items  # everything, in order
    assert {
        s.status for s in log.finish() if s.path.startswith("your_instagram_activity/likes")
    } == {"empty"}


@pytest.mark.parametrize(("platform", "generation", "fmt"), all_cases())
def test_prescan_finds_the_account_before_any_record(
    tmp_path: Path, platform: str, generation: str, fmt: str
) -> None:
    ex = export(platform, generation, fmt)
    parts = ex.write_parts(tmp_path, 2)
    with ExitStack() as stack:
        files = ExportFiles([stack.enter_context(open_archive(p)) for p in parts], REGISTRY.roots)
        found = REGISTRY.detect(files.members)
        assert found is not None
        plat = REGISTRY.get(found.platform)
        log = ParseLog.for_platform(plat)
        steps = list(plat.parser(found.format, found.schema).prescan(files, log))
        assert steps  # it said where it was
        assert (log.account, log.schema, log.format) == (ex.account, generation, fmt)
        assert log.sections == {}
        assert (
            counts(list(plat.parser(found.format, found.schema).parse(files, log))) == ex.expected
        )


def test_prescan_refuses_an_oversized_page_before_reading_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ex = export("facebook", "2024", "html")
    monkeypatch.setattr(html, "MAX_PAGE_BYTES", 1000)
    plat = REGISTRY.get("facebook")
    with open_archive(ex.write_zip(tmp_path / "fb.zip")) as arch:
        files = ExportFiles([arch], REGISTRY.roots)
        with pytest.raises(ArchiveRejected) as info:
            list(plat.parser("html", "2024").prescan(files, ParseLog.for_platform(plat)))
    assert info.value.code == "html_too_large"  # type: ignore[attr-defined]


def test_no_data_placeholders_are_empty_sections_kept_with_the_import(tmp_path: Path) -> None:
    ex = export("facebook", "2024", "json")
    _found, records, log = read_export(ex.write_zip(tmp_path / "fb.zip"))
    path = "your_facebook_activity/events/no-data.txt"
    assert not [r for r in records if r.source_path == path]
    assert log.sections[path].status == "empty"
    assert log.wrapper_values[path]["text"] == "You have no data in this section."


def test_html_times_are_read_in_the_account_zone(tmp_path: Path) -> None:
    """Meta's HTML footers carry no zone; timezone.html names the account's zone once."""
    from tests.fixtures.meta_export import Box, html_page

    z = tmp_path / "fb.zip"
    with zipfile.ZipFile(z, "w") as zf:
        zf.writestr(
            "your_facebook_activity/posts/your_posts__check_ins__photos_and_videos_1.html",
            html_page("posts", [Box(title="p", time="Jun 04, 2025 6:46:10 pm")]),
        )
        zf.writestr(
            "connections/friends/your_friends.html",
            html_page("friends", [Box(title="f", time="Jan 10, 2025 9:00:00 am")]),
        )
    _f, records, _l = read_export(z)
    utc = {r.fields["title"]: r.occurred_at for r in records}
    assert utc["p"] == datetime(2025, 6, 4, 18, 46, 10, tzinfo=UTC)  # no zone named: UTC
    with zipfile.ZipFile(z, "a") as zf:
        zf.writestr(
            "logged_information/location/timezone.html",
            html_page("timezone", [Box(rows=[("Fuseau horaire", "Europe/Zurich")])]),
        )
    _f, records, _l = read_export(z)
    local = {r.fields.get("title"): r.occurred_at for r in records}
    assert local["p"] == datetime(2025, 6, 4, 16, 46, 10, tzinfo=UTC)  # CEST, UTC+2
    assert local["f"] == datetime(2025, 1, 10, 8, 0, 0, tzinfo=UTC)  # CET, UTC+1


@pytest.mark.parametrize(
    ("platform", "generation"), [("instagram", "2021"), ("facebook", "2018"), ("facebook", "2024")]
)
def test_html_and_json_downloads_give_the_same_times(
    tmp_path: Path, platform: str, generation: str
) -> None:
    """The same account downloaded as JSON and as HTML: the same times, category by category
    (HTML footers are written in the account's zone, JSON holds epoch seconds)."""
    by_format = {}
    for fmt in ("json", "html"):
        ex = export(platform, generation, fmt)
        _f, records, _l = read_export(ex.write_zip(tmp_path / f"{fmt}.zip"))
        by_format[fmt] = records
    for cat in ("friends", "comments", "direct_messages", "followers", "logins", "searches"):
        cid = f"{platform}.{cat}"

        def times(records: list, cid: str = cid) -> list[datetime]:
            return sorted(
                r.occurred_at.replace(microsecond=0)
                for r in records
                if r.category == cid and r.occurred_at is not None
            )

        assert times(by_format["json"]) == times(by_format["html"]), cid


def test_a_known_html_page_without_entries_gives_no_record(tmp_path: Path) -> None:
    from tests.fixtures.meta_export import html_page

    z = tmp_path / "ig.zip"
    with zipfile.ZipFile(z, "w") as zf:
        zf.writestr("your_instagram_activity/likes/liked_posts.html", html_page("Liked posts", []))
        zf.writestr(
            "connections/followers_and_following/followers_1.html",
            b"<html><body><h1>Followers</h1><p>No followers yet.</p></body></html>",
        )
    _f, records, log = read_export(z)
    assert records == []
    path = "connections/followers_and_following/followers_1.html"
    assert log.sections[path].status == "empty"
    assert log.wrapper_values[path]["text"] == ["Followers", "No followers yet."]
