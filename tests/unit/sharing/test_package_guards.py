"""The share package's own guards, each on its own (issue 16 item 7)."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from plainview.errors import UsageError
from plainview.model import Record
from plainview.sharing import choices
from plainview.sharing.package import build_share_package


@pytest.fixture
def many(vault: Any) -> Any:
    when = datetime(2025, 2, 10, tzinfo=UTC)
    import_id = vault.begin_import("tiktok", "json", "v3", "x.zip", "fp", None)
    vault.add_records(
        import_id,
        (Record("tiktok.searches", when, {"SearchTerm": f"s{i}"}, "p", "") for i in range(1200)),
    )
    vault.finish_import(import_id, "complete", {})
    choices.set_share(vault, "tiktok.searches", "anonymized")
    return vault


def test_missing_folder_is_a_usage_error(many: Any, tmp_path: Path) -> None:
    with pytest.raises(UsageError):
        build_share_package(many, tmp_path / "missing" / "p.zip")
    assert not (tmp_path / "missing").exists()


def test_progress_moves_through_a_long_category(many: Any, tmp_path: Path) -> None:
    seen: list[float] = []
    build_share_package(many, tmp_path / "p.zip", progress=lambda f, _c: seen.append(f))
    assert any(0 < f < 1 for f in seen) and seen[-1] == 1.0
    assert seen == sorted(seen)


def test_no_progress_callback_is_fine_for_a_long_category(many: Any, tmp_path: Path) -> None:
    out = build_share_package(many, tmp_path / "q.zip")
    assert out.preview.total_records == 1200
