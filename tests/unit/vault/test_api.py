"""The Vault storage API: imports, dedupe, atomicity, pagination, search, settings."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from plainview.errors import VaultLocked
from plainview.model import Record
from plainview.vault import Vault

T0 = datetime(2024, 3, 1, 12, 0, tzinfo=UTC)


def rec(i: int, category: str = "tiktok.searches", *, text: str | None = None) -> Record:
    return Record(
        category=category,
        occurred_at=T0 + timedelta(minutes=i),
        fields={"SearchTerm": f"term {i}", "Date": str(i)},
        source_path="user_data_tiktok.json:Your Activity/Searches/SearchList",
        text=text if text is not None else f"term number{i}",
    )


def do_import(vault: Vault, records: list[Record], status: str = "complete") -> tuple[int, int]:
    iid = vault.begin_import("tiktok", "json", "v2", "export.zip", "fp", None)
    counts = vault.add_records(iid, records)
    vault.finish_import(iid, status, {})
    return counts


def test_import_then_reimport_adds_nothing(vault: Vault) -> None:
    items = [rec(i) for i in range(50)]
    assert do_import(vault, items) == (50, 0)
    assert do_import(vault, items) == (0, 50)
    assert vault.category_counts() == {"tiktok.searches": 50}
    rows = vault.imports()
    assert [(r.status, r.records, r.added, r.duplicates) for r in rows] == [
        ("complete", 50, 50, 0),
        ("complete", 50, 0, 50),
    ]


def test_identical_items_stay_separate_and_overlap_adds_only_new(vault: Vault) -> None:
    same = rec(1)
    assert do_import(vault, [same, same, rec(2)]) == (3, 0)
    # a newer export: one more identical item and one new one
    assert do_import(vault, [same, same, same, rec(2), rec(3)]) == (2, 3)
    assert vault.count("tiktok.searches") == 5


def test_cancelled_import_leaves_no_records(vault: Vault) -> None:
    do_import(vault, [rec(i) for i in range(10)], status="cancelled")
    assert vault.category_counts() == {}
    assert vault.search("term") == []
    assert vault.imports()[0].status == "cancelled"


def test_uncommitted_import_invisible_and_abandoned_on_reopen(
    vault: Vault, vault_dir: Path, passphrase: str
) -> None:
    iid = vault.begin_import("tiktok", "json", "v2", "export.zip", None, None)
    vault.add_records(iid, [rec(i) for i in range(10)])
    assert vault.category_counts() == {}
    vault.lock()
    again = Vault.open(vault_dir, passphrase)
    try:
        assert again.imports()[0].status == "failed"
        assert again.category_counts() == {}
    finally:
        again.lock()


def test_counted_per_category(vault: Vault) -> None:
    iid = vault.begin_import("tiktok", "json", "v2", "export.zip", None, None)
    got = vault.add_records_counted(iid, [rec(1), rec(1, "tiktok.likes"), rec(2)])
    vault.finish_import(iid, "complete", {})
    assert got == {"tiktok.searches": (2, 0), "tiktok.likes": (1, 0)}


def test_keyset_pagination_both_directions(vault: Vault) -> None:
    items = [rec(i) for i in range(25)]
    items.append(Record("tiktok.searches", None, {"x": 1}, "p", "untimed"))
    do_import(vault, items)
    seen = []
    page = vault.records("tiktok.searches", limit=7)
    while page:
        seen.extend(page)
        page = vault.records("tiktok.searches", after=page[-1].cursor, limit=7)
    assert len(seen) == 26
    times = [r.occurred_at for r in seen[:25]]
    assert times == sorted(times, reverse=True)  # type: ignore[type-var]
    assert seen[-1].occurred_at is None
    asc = []
    page = vault.records("tiktok.searches", limit=4, order="time_asc")
    while page:
        asc.extend(page)
        page = vault.records("tiktok.searches", after=page[-1], limit=4, order="time_asc")
    assert [r.id for r in asc] == [r.id for r in reversed(seen)]
    by_id = vault.records("tiktok.searches", limit=100, order="id")
    assert [r.id for r in by_id] == sorted(r.id for r in seen)


def test_filter_text_and_search(vault: Vault) -> None:
    do_import(vault, [rec(i) for i in range(20)] + [rec(99, "tiktok.likes", text="number5")])
    assert vault.count("tiktok.searches", "number1") == 11  # number1, number10..19
    found = vault.records("tiktok.searches", filter_text="number1", limit=100)
    assert {r.fields["SearchTerm"] for r in found} == {f"term {i}" for i in [1, *range(10, 20)]}
    hits = vault.search("number5")
    assert {r.category for r in hits} == {"tiktok.searches", "tiktok.likes"}
    assert vault.record(hits[0].id) == hits[0]
    # FTS syntax in user input is only text
    for hostile in ['"', "NEAR(", "a OR b", "*", "col:x", "-x", "(", "AND", "^"]:
        vault.search(hostile)
    assert vault.search("   ") == []


def test_settings_roundtrip(vault: Vault) -> None:
    assert vault.get_setting("missing", 7) == 7
    vault.set_setting("language", {"lang": "zh_CN", "n": [1, 2]})
    assert vault.get_setting("language") == {"lang": "zh_CN", "n": [1, 2]}


def test_every_method_raises_after_lock(vault: Vault) -> None:
    vault.lock()
    assert vault.locked
    calls = [
        lambda: vault.category_counts(),
        lambda: vault.records("tiktok.searches"),
        lambda: vault.search("x"),
        lambda: vault.get_setting("x"),
        lambda: vault.set_setting("x", 1),
        lambda: vault.imports(),
        lambda: vault.begin_import("tiktok", "json", "v2", "a", None, None),
        lambda: vault.connect_reader(),
        lambda: vault.verify(),
        lambda: vault.change_passphrase("x"),
        lambda: vault.count("tiktok.searches"),
    ]
    for call in calls:
        with pytest.raises(VaultLocked):
            call()


def test_search_many_hits_path_matches_few_hits_path(
    vault: Vault, monkeypatch: pytest.MonkeyPatch
) -> None:
    from plainview.vault import queries

    items = [rec(i, text=f"common word{i}") for i in range(60)]
    items += [Record("tiktok.likes", None, {"n": i}, "p", "common untimed") for i in range(5)]
    do_import(vault, items)
    few = vault.search("common", limit=1000)
    monkeypatch.setattr(queries, "_FEW_HITS", 10)
    many = vault.search("common", limit=1000)
    assert [r.id for r in many] == [r.id for r in few]
    assert len(many) == 65
    timed = [r.occurred_at for r in many if r.occurred_at is not None]
    assert timed == sorted(timed, reverse=True)
    assert all(r.occurred_at is None for r in many[60:])
    assert [r.id for r in vault.search("common", limit=7)] == [r.id for r in few[:7]]


def test_canonical_form_is_deterministic_with_fallback(vault: Vault) -> None:
    from plainview.vault import canonical_fields

    assert canonical_fields({"b": 1, "a": [1, "é"]}) == '{"a":[1,"é"],"b":1}'
    big = {"id": 10**30, "z": "x"}  # beyond 64 bits: orjson refuses, json takes over
    assert canonical_fields(big) == '{"id":1000000000000000000000000000000,"z":"x"}'
    odd = {"t": "lone \ud800 surrogate"}
    items = [
        Record("tiktok.comments", None, big, "p", "big"),
        Record("tiktok.comments", None, big, "p", "big"),
        Record("tiktok.comments", None, {"n": 1}, "p", ""),
    ]
    assert do_import(vault, items) == (3, 0)
    assert do_import(vault, items) == (0, 3)
    stored = vault.records("tiktok.comments", order="id")
    assert stored[0].fields == big
    assert canonical_fields(odd) == canonical_fields(dict(odd))


def test_lone_surrogates_are_stored_not_fatal(vault: Vault) -> None:
    bad = "lone \ud800 surrogate"
    items = [
        Record("tiktok.comments", None, {"t": bad}, "p", "fine text"),
        Record("tiktok.comments", None, {"t": "ok"}, f"path {bad}", f"text {bad}"),
    ]
    assert do_import(vault, items) == (2, 0)
    assert do_import(vault, items) == (0, 2)
    stored = vault.records("tiktok.comments", order="id")
    assert stored[0].fields == {"t": bad}  # kept exactly, as a JSON escape
    assert stored[1].source_path == "path lone \ufffd surrogate"
    assert [r.id for r in vault.search("surrogate")] == [stored[1].id]


def test_write_during_import_is_a_plain_busy_error(vault: Vault) -> None:
    from plainview.errors import PlainviewError

    iid = vault.begin_import("tiktok", "json", "v2", "export.zip", None, None)
    vault.add_records(iid, [rec(1)])  # the import now holds the write transaction
    vault._main().execute("PRAGMA busy_timeout = 50")
    with pytest.raises(PlainviewError, match="busy with an import"):
        vault.set_setting("x", 1)
    assert vault.category_counts() == {}  # reads still work, without the uncommitted import
    vault.finish_import(iid, "complete", {})
    vault.set_setting("x", 1)
    assert vault.category_counts() == {"tiktok.searches": 1}


def test_category_counts_cache_follows_every_writer(
    vault: Vault, vault_dir: Path, passphrase: str
) -> None:
    assert vault.category_counts() == {}
    do_import(vault, [rec(1)])  # import connection (another connection)
    assert vault.category_counts() == {"tiktok.searches": 1}
    with vault.transaction() as conn:  # our own connection
        conn.execute("DELETE FROM records_fts")
        conn.execute("DELETE FROM records")
    assert vault.category_counts() == {}
    other = Vault.open(vault_dir, passphrase)  # another process would look the same
    try:
        do_import(other, [rec(2), rec(3, "tiktok.likes")])
    finally:
        other.lock()
    assert vault.category_counts() == {"tiktok.searches": 1, "tiktok.likes": 1}
    counts = vault.category_counts()
    counts["tiktok.likes"] = 99  # callers get a copy
    assert vault.category_counts()["tiktok.likes"] == 1
