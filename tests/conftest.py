"""Suite-wide settings: offscreen Qt, fail on Qt warnings (pyproject.toml), fast KDF for tests."""

from __future__ import annotations

import os

os.environ["QT_QPA_PLATFORM"] = "offscreen"
os.environ.setdefault("PLAINVIEW_TEST", "1")
# No test may depend on the fonts of the machine it runs on: fontconfig sees no font folder at
# all (child processes inherit this), so every screen, grab and PDF is drawn with the font the
# app ships, exactly as on a fresh machine.
os.environ["FONTCONFIG_FILE"] = os.path.join(
    os.path.dirname(os.path.abspath(__file__)), "fontconfig", "fonts.conf"
)

import pytest


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--bench", action="store_true", help="run the benchmarks in tests/bench")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    # Benchmarks print figures and take minutes; they run through `make bench` only.
    if config.getoption("--bench"):
        return
    kept = [i for i in items if "tests/bench/" not in str(i.path).replace(os.sep, "/")]
    deselected = [i for i in items if i not in kept]
    if deselected:
        config.hook.pytest_deselected(items=deselected)
        items[:] = kept


# Shared fixtures live in tests/fixtures/plugin_<area>.py, one file per area, so that work on
# different parts never edits the same file. Every such module is loaded as a pytest plugin.
def _fixture_plugins() -> list[str]:
    from pathlib import Path

    here = Path(__file__).parent / "fixtures"
    return sorted(f"tests.fixtures.{p.stem}" for p in here.glob("plugin_*.py"))


pytest_plugins = _fixture_plugins()
