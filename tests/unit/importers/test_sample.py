"""The bundled sample export: up to date with tools/make_sample.py, small, and rich enough."""

from __future__ import annotations

import importlib.util
from datetime import timedelta
from pathlib import Path
from typing import Any

from plainview.importers import run_import
from plainview.resources import resource

ROOT = Path(__file__).resolve().parents[3]


def _make_sample() -> Any:
    spec = importlib.util.spec_from_file_location("make_sample", ROOT / "tools" / "make_sample.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_sample_is_current_and_small(tmp_path: Path) -> None:
    bundled = resource("sample", "tiktok-sample.zip").read_bytes()
    fresh = _make_sample().write(tmp_path / "sample.zip").read_bytes()
    assert fresh == bundled, "run: python tools/make_sample.py"
    assert len(bundled) < 300 * 1024


def test_sample_imports_with_rich_data(vault: Any) -> None:
    path = Path(str(resource("sample", "tiktok-sample.zip")))
    result = run_import(vault, path)
    assert result.schema == "v3" and result.account == "sample.user"
    assert result.records["tiktok.watch_history"] >= 200
    assert result.records["tiktok.logins"] == 40
    logins = vault.records("tiktok.logins", limit=100)
    assert len({r.fields["IP"] for r in logins}) == 8
    assert len({r.fields["DeviceModel"] for r in logins}) == 3
    times = [r.occurred_at for r in vault.records("tiktok.watch_history", limit=1000)]
    assert max(times) - min(times) > timedelta(days=90)
    (settings,) = vault.records("tiktok.settings", limit=5)
    assert settings.fields["Personalized Ads"] == "On"
    (profile,) = vault.records("tiktok.profile", limit=5)
    assert profile.fields["accountRegion"]
    companies = {r.fields["Source"] for r in vault.records("tiktok.off_platform", limit=100)}
    assert 3 <= len(companies) <= 8
    for category in (
        "tiktok.searches",
        "tiktok.likes",
        "tiktok.direct_messages",
        "tiktok.comments",
    ):
        assert result.records[category] > 0
