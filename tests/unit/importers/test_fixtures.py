"""The shared fixtures other areas use: the factory, the v3 zip, and ``imported_vault``."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from tests.fixtures.tiktok_export import Export, big_watch_history_json


def test_imported_vault_holds_the_v3_export(imported_vault: Any, tiktok_v3_export: Export) -> None:
    counts = {k: n for k, n in imported_vault.category_counts().items() if n}
    assert counts == tiktok_v3_export.expected
    (imp,) = imported_vault.imports()
    assert imp.schema == "v3" and imp.status == "complete"


def test_factory_is_deterministic_and_seeded(tiktok_export_factory: Callable[..., Export]) -> None:
    a = tiktok_export_factory("v2", seed=1)
    b = tiktok_export_factory("v2", seed=1)
    c = tiktok_export_factory("v2", seed=2)
    assert a.files == b.files and a.markers == b.markers
    assert a.files != c.files
    assert len(set(a.markers)) == len(a.markers)


def test_generator_values_are_invented_only(tiktok_export_factory: Callable[..., Export]) -> None:
    for gen in ("v1_oldest", "v1", "v2", "v3"):
        text = b"".join(tiktok_export_factory(gen).files.values()).decode()
        ips = [w for w in text.replace('"', " ").split() if w.count(".") == 3 and w[0].isdigit()]
        assert all(ip.startswith(("192.0.2.", "198.51.100.")) for ip in ips), gen
        assert "@" not in text.replace("@example.invalid", "")


def test_big_watch_history_is_valid_json(tmp_path: Path) -> None:
    p = big_watch_history_json(tmp_path / "big.json", 1234)
    doc = json.loads(p.read_text(encoding="utf-8"))
    assert len(doc["Your Activity"]["Watch History"]["VideoList"]) == 1234


def test_big_records_match_what_the_importer_reads(vault: Any, tmp_path: Path) -> None:
    from plainview.importers import run_import
    from tests.fixtures.tiktok_export import big_watch_history_records

    p = big_watch_history_json(tmp_path / "user_data_tiktok.json", 50)
    run_import(vault, p, isolate=False)
    direct = [r.fields for r in big_watch_history_records(50)]
    stored = [r.fields for r in vault.records("tiktok.watch_history", limit=100, order="id")]
    assert stored == direct
