"""Translations: every .ts is finished, every .qm is compiled from its current .ts, each .ts is
in step with its area's sources, every module with tr() strings belongs to an area, and the
app installs the catalogues for the chosen language."""

from __future__ import annotations

import importlib.util
import shutil
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication

from plainview.ui.context import AppContext
from plainview.ui.i18n import Translations, qm_files, resolve_language

ROOT = Path(__file__).resolve().parents[2]
I18N_DIR = ROOT / "resources" / "i18n"


def _tool():
    spec = importlib.util.spec_from_file_location(
        "plainview_tools_i18n", ROOT / "tools" / "i18n.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


TS_FILES = sorted(I18N_DIR.glob("*.ts"))


def test_there_is_a_shell_translation():
    assert I18N_DIR / "plainview_shell_zh_CN.ts" in TS_FILES


@pytest.mark.parametrize("ts", TS_FILES, ids=[p.name for p in TS_FILES])
def test_ts_has_no_unfinished_or_empty_translation(ts):
    assert _tool().problems_in(ts) == []


@pytest.mark.parametrize("ts", TS_FILES, ids=[p.name for p in TS_FILES])
def test_qm_is_compiled_from_the_current_ts(ts, tmp_path):
    tool = _tool()
    qm = ts.with_suffix(".qm")
    assert qm.exists(), f"{qm.name} is missing: run tools/i18n.py"
    fresh = tmp_path / qm.name
    tool.lrelease(ts, fresh)
    assert fresh.read_bytes() == qm.read_bytes(), f"{qm.name} is stale: run tools/i18n.py"


@pytest.mark.parametrize("ts", TS_FILES, ids=[p.name for p in TS_FILES])
def test_ts_is_in_step_with_the_sources(ts, tmp_path):
    """No string in the code is missing from (or unfinished in) its area's .ts."""
    tool = _tool()
    area = ts.stem.removeprefix("plainview_").rsplit("_", 2)[0]
    sources, _ = tool.area_sources()
    copy = tmp_path / ts.name
    shutil.copyfile(ts, copy)
    tool.lupdate(sources[area], copy)
    assert tool.problems_in(copy) == []


def test_every_module_with_strings_has_an_area():
    _, unassigned = _tool().area_sources()
    assert unassigned == []


def test_check_mode_reports_a_stale_translation(tmp_path, monkeypatch):
    tool = _tool()
    i18n = tmp_path / "i18n"
    shutil.copytree(I18N_DIR, i18n)
    monkeypatch.setattr(tool, "I18N", i18n)
    assert tool.check(["shell"]) == []
    ts = i18n / "plainview_shell_zh_CN.ts"
    ts.write_text(
        ts.read_text(encoding="utf-8").replace(
            "<translation>锁定</translation>", '<translation type="unfinished"></translation>', 1
        ),
        encoding="utf-8",
    )
    errors = tool.check(["shell"])
    assert any("Lock" in e for e in errors)
    assert any("older than its .ts" in e for e in errors)


def test_translations_install_and_follow_the_language(qtbot):
    ctx = AppContext(lang="en")
    translations = Translations(ctx)
    try:
        assert translations.loaded == 0
        assert QCoreApplication.translate("MainWindow", "Lock") == "Lock"
        ctx.set_language("zh_CN")
        assert translations.loaded >= len(qm_files("zh_CN")) >= 1
        assert QCoreApplication.translate("MainWindow", "Lock") == "锁定"
        ctx.set_language("en")
        assert translations.loaded == 0
        assert QCoreApplication.translate("MainWindow", "Lock") == "Lock"
    finally:
        translations.install("en")


def test_resolve_language():
    assert resolve_language("zh_CN") == "zh_CN"
    assert resolve_language("en") == "en"
    assert resolve_language("klingon") == "en"
    assert resolve_language("system") in ("en", "zh_CN")
