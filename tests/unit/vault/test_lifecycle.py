"""Forgetting one import and destroying a vault (vault/lifecycle.py).

The rule checked against a plain model: after forgetting some imports, the vault holds each
item as often as the most copies any remaining complete import had of it; nothing another
import brought is lost, nothing only the forgotten one brought is left (records, search)."""

from __future__ import annotations

import itertools
import json
from collections import Counter
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from plainview.errors import PlainviewError, UsageError
from plainview.model import Record
from plainview.sharing import choices
from plainview.vault import KdfParams, Vault, lifecycle, writer

_runs = itertools.count()
CAT = "tiktok.searches"


def _records(run: int, items: list[int], category: str = CAT) -> Iterator[Record]:
    for n in items:
        yield Record(
            category=category,
            occurred_at=datetime(2024, 1, 1 + n % 28, tzinfo=UTC),
            fields={"SearchTerm": f"term{run}x{n}"},
            source_path="Your Activity.Searches",
            text=f"term{run}x{n}",
        )


def _import(vault: Vault, items: list[int], run: int, *, complete: bool = True) -> int:
    iid = vault.begin_import("tiktok", "json", "v2", "x.zip", None, "someone")
    added, _dups = vault.add_records(iid, _records(run, items), batch_size=2)
    vault.set_sections(iid, [("Your Activity.Searches", CAT, "imported", len(items))])
    result = {"records": {CAT: len(items)}, "added_by_category": {CAT: added}}
    vault.finish_import(iid, "complete" if complete else "cancelled", result)
    return iid


def _stored(vault: Vault, category: str = CAT) -> Counter[str]:
    return Counter(
        r.fields["SearchTerm"] for r in vault.records(category, limit=10_000, order="id")
    )


def _hits(vault: Vault, word: str) -> int:
    return len(vault.search(word))


def test_forget_keeps_what_another_import_also_holds(vault: Vault) -> None:
    run = next(_runs)
    a = _import(vault, [1, 2, 3], run)
    b = _import(vault, [2, 3, 4], run)
    assert vault.count(CAT) == 4

    result = lifecycle.forget_import(vault, a)

    assert (result.removed, result.kept) == (1, 2)
    assert _stored(vault) == Counter({f"term{run}x{n}": 1 for n in (2, 3, 4)})
    assert _hits(vault, f"term{run}x1") == 0
    assert _hits(vault, f"term{run}x2") == 1
    assert [i.id for i in vault.imports()] == [b]
    assert vault.sections(a) == []
    assert vault.category_counts() == {CAT: 3}

    # The records that moved to b go with b.
    lifecycle.forget_import(vault, b)
    assert vault.count(CAT) == 0
    assert _hits(vault, f"term{run}x4") == 0
    with vault.read() as conn:
        assert conn.execute("SELECT count(*) FROM import_repeats").fetchone()[0] == 0
        assert conn.execute("SELECT count(*) FROM sections").fetchone()[0] == 0


def test_forget_the_later_import_leaves_the_earlier_whole(vault: Vault) -> None:
    run = next(_runs)
    _import(vault, [1, 2, 3], run)
    b = _import(vault, [2, 3, 4], run)
    result = lifecycle.forget_import(vault, b)
    assert (result.removed, result.kept) == (1, 0)
    assert _stored(vault) == Counter({f"term{run}x{n}": 1 for n in (1, 2, 3)})


def test_identical_items_are_kept_only_as_often_as_another_import_has_them(
    vault: Vault,
) -> None:
    run = next(_runs)
    a = _import(vault, [7, 7, 7], run)
    _import(vault, [7], run)
    lifecycle.forget_import(vault, a)
    assert _stored(vault) == Counter({f"term{run}x7": 1})


def test_ledger_keeps_a_line_without_personal_data(vault: Vault) -> None:
    run = next(_runs)
    a = _import(vault, [1], run)
    lifecycle.forget_import(vault, a)
    entries = choices.ledger(vault)
    assert [(e.kind, e.subject, e.old, e.new) for e in entries] == [
        ("import", str(a), "tiktok", "forgotten")
    ]
    line = json.dumps([e.to_json() for e in entries])
    assert "someone" not in line and f"term{run}" not in line


def test_unknown_import_is_a_usage_error_and_changes_nothing(vault: Vault) -> None:
    run = next(_runs)
    _import(vault, [1, 2], run)
    with pytest.raises(UsageError):
        lifecycle.forget_import(vault, 999)
    assert vault.count(CAT) == 2
    assert choices.ledger(vault) == []


def test_refused_while_an_import_runs(vault: Vault) -> None:
    run = next(_runs)
    a = _import(vault, [1], run)
    running = vault.begin_import("tiktok", "json", "v2", "y.zip", None, None)
    try:
        with pytest.raises(PlainviewError, match="import is running"):
            lifecycle.forget_import(vault, a)
    finally:
        vault.finish_import(running, "cancelled", {})
    assert vault.count(CAT) == 1


def test_a_cancelled_import_holds_nothing(vault: Vault) -> None:
    run = next(_runs)
    a = _import(vault, [1, 2], run)
    _import(vault, [1, 2], run, complete=False)
    lifecycle.forget_import(vault, a)
    assert vault.count(CAT) == 0


def test_older_import_without_repeat_rows_keeps_its_categories(vault: Vault) -> None:
    """An import committed before repeats were kept: its duplicates' categories stay."""
    run = next(_runs)
    a = _import(vault, [1, 2], run)
    iid = vault.begin_import("tiktok", "json", "v2", "x.zip", None, None)
    vault.add_records(iid, _records(run, [2]), batch_size=2)
    vault.add_records(iid, _records(run, [9], "tiktok.likes"), batch_size=2)
    vault.finish_import(
        iid,
        "complete",
        {
            "records": {CAT: 1, "tiktok.likes": 1},
            "added_by_category": {"tiktok.likes": 1},
        },
    )
    with vault.transaction() as conn:
        conn.execute("DELETE FROM import_repeats")  # as such an older vault has it
    result = lifecycle.forget_import(vault, a)
    assert result.kept == 2
    assert vault.count(CAT) == 2
    assert vault.count("tiktok.likes") == 1


@settings(
    max_examples=50, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    imports=st.lists(
        st.tuples(st.lists(st.integers(0, 3), max_size=8), st.booleans()), min_size=1, max_size=4
    ),
    forget=st.lists(st.integers(0, 3), max_size=4, unique=True),
    filter_bits=st.sampled_from([3, 27]),
)
def test_forgetting_matches_the_rule(
    vault: Vault, imports: list[tuple[list[int], bool]], forget: list[int], filter_bits: int
) -> None:
    saved = writer.SEEN_FILTER_BITS
    writer.SEEN_FILTER_BITS = filter_bits
    try:
        run = next(_runs)
        ids = [_import(vault, items, run, complete=complete) for items, complete in imports]
        gone = {i for i in forget if i < len(ids)}
        for i in sorted(gone):
            lifecycle.forget_import(vault, ids[i])
        expected: Counter[str] = Counter()
        for i, (items, complete) in enumerate(imports):
            if complete and i not in gone:
                for item, n in Counter(items).items():
                    key = f"term{run}x{item}"
                    expected[key] = max(expected[key], n)
        got = Counter({k: v for k, v in _stored(vault).items() if k.startswith(f"term{run}x")})
        assert got == expected
        for item in range(4):
            key = f"term{run}x{item}"
            assert (_hits(vault, key) > 0) == (expected[key] > 0)
        # A later import still counts against what is left.
        again = _import(vault, [0, 1, 2, 3], run)
        assert _stored(vault)[f"term{run}x0"] == max(1, expected[f"term{run}x0"])
        lifecycle.forget_import(vault, again)
    finally:
        writer.SEEN_FILTER_BITS = saved


def test_destroy_removes_the_vault_and_only_its_files(tmp_path: Path) -> None:
    folder = tmp_path / "v"
    vault, _ = Vault.create(folder, "pass phrase", KdfParams.floor())
    iid = vault.begin_import("tiktok", "json", "v2", "x.zip")
    vault.add_records(iid, _records(0, [1]))
    vault.finish_import(iid, "complete", {})
    (folder / "notes.txt").write_text("mine")

    assert lifecycle.destroy(vault) == folder

    assert vault.locked
    assert not Vault.exists(folder)
    assert sorted(p.name for p in folder.iterdir()) == ["notes.txt"]


def test_destroy_removes_an_empty_folder(tmp_path: Path) -> None:
    folder = tmp_path / "v"
    vault, _ = Vault.create(folder, "pass phrase", KdfParams.floor())
    lifecycle.destroy(vault)
    assert not folder.exists()
