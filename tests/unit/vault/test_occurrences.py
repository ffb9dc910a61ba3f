"""Dedupe by content and occurrence, counted in bounded memory (DESIGN.md's overlap rule).

Each item's occurrence is "how often this import met the same item before". The vault counts
it with a fixed-size filter plus queries, not a map that grows with the export; these tests
compare it against a plain model of the rule, with the filter shrunk to a few bits so that
its "maybe seen" answers (and their lookups) happen all the time.
"""

from __future__ import annotations

import itertools
from collections import Counter
from collections.abc import Iterator
from datetime import UTC, datetime

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from plainview.model import Record
from plainview.vault import Vault, writer

_runs = itertools.count()


def _records(run: int, items: list[int]) -> Iterator[Record]:
    for n in items:
        yield Record(
            category="tiktok.searches",
            occurred_at=datetime(2024, 1, 1, tzinfo=UTC),
            fields={"SearchTerm": f"term {n}", "run": run},
            source_path="p",
            text=f"term {n}",
        )


def _expected(imports: list[tuple[list[int], bool]]) -> list[int]:
    """The rule: an import adds, per item, how many more copies it has than any earlier
    completed import had. Cancelled imports add nothing and count for nothing."""
    most: Counter[int] = Counter()
    added = []
    for items, complete in imports:
        here = Counter(items)
        added.append(sum(max(0, c - most[k]) for k, c in here.items()) if complete else 0)
        if complete:
            for k, c in here.items():
                most[k] = max(most[k], c)
    return added


def _run(vault: Vault, imports: list[tuple[list[int], bool]], batch: int) -> list[int]:
    run = next(_runs)
    got = []
    for items, complete in imports:
        iid = vault.begin_import("tiktok", "json", "v2", "x.zip", None, None)
        added, duplicates = vault.add_records(iid, _records(run, items), batch_size=batch)
        assert added + duplicates == len(items)
        vault.finish_import(iid, "complete" if complete else "cancelled", {})
        got.append(added if complete else 0)
    return got


@pytest.mark.parametrize("filter_bits", [3, writer.SEEN_FILTER_BITS])
def test_repeats_across_batches_and_imports(
    vault: Vault, monkeypatch: pytest.MonkeyPatch, filter_bits: int
) -> None:
    monkeypatch.setattr(writer, "SEEN_FILTER_BITS", filter_bits)
    imports = [
        ([1, 1, 2, 1, 3], True),  # item 1 three times, split over batches of two
        ([1, 1, 1, 1, 2, 2], True),  # one more 1, one more 2
        ([1, 4, 4], False),  # cancelled: leaves nothing behind
        ([4, 1, 1, 1, 1, 1], True),
    ]
    assert _run(vault, imports, batch=2) == [5, 2, 0, 2]
    assert vault.count("tiktok.searches") == 9
    with vault.read() as conn:
        # Kept after commit (vault/lifecycle.py reads them): only complete imports' repeats,
        # the cancelled one's rolled back with its records.
        kept = conn.execute("SELECT import_id, seen FROM import_repeats").fetchall()
    ids = [row.id for row in vault.imports()]
    assert {int(r[0]) for r in kept} <= {ids[1], ids[3]}


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    imports=st.lists(
        st.tuples(st.lists(st.integers(0, 4), max_size=12), st.booleans()), min_size=1, max_size=4
    ),
    batch=st.integers(1, 5),
    filter_bits=st.sampled_from([3, 6, 27]),
)
def test_counting_matches_the_rule(
    vault: Vault, imports: list[tuple[list[int], bool]], batch: int, filter_bits: int
) -> None:
    saved = writer.SEEN_FILTER_BITS
    writer.SEEN_FILTER_BITS = filter_bits
    try:
        assert _run(vault, imports, batch) == _expected(imports)
    finally:
        writer.SEEN_FILTER_BITS = saved


def test_repeat_lookup_uses_the_content_index(vault: Vault) -> None:
    """A lookup reads one item's copies, never the whole import (which grows with the export)."""
    with vault.read() as conn:
        plan = " ".join(
            str(r[-1])
            for r in conn.execute("EXPLAIN QUERY PLAN " + writer._REPEATS_SEEN, (b"x", 1))
        )
    assert "records_by_import" not in plan
    assert "content_hash=?" in plan.replace(" ", "")
