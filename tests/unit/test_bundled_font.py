"""The app ships the font it needs: every character of its texts, drawn on a bare machine.

The suite runs with a fontconfig that knows no font folder (tests/conftest.py), so these tests
see what a fresh machine without any installed font sees.
"""

from __future__ import annotations

import importlib.util
import os
from pathlib import Path
from typing import Any

import pytest
from fontTools.ttLib import TTFont
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont, QFontDatabase, QGuiApplication, QImage, QPainter

from plainview.fonts import BUNDLED_FAMILY
from plainview.resources import resource

ROOT = Path(__file__).resolve().parents[2]
FONT = ROOT / "resources" / "fonts" / "PlainviewSansSC-Regular.otf"


def _tool() -> Any:
    path = ROOT / "tools" / "make_font_subset.py"
    spec = importlib.util.spec_from_file_location("make_font_subset", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _zh_cn_texts() -> set[str]:
    chars: set[str] = set()
    for path in [*ROOT.glob("resources/**/*zh_CN*.toml"), *ROOT.glob("resources/i18n/*.ts")]:
        chars.update(path.read_text(encoding="utf-8"))
    return {c for c in chars if c.isprintable() and not c.isspace()}


def test_suite_sees_no_installed_font(qapp: Any) -> None:
    assert os.environ["FONTCONFIG_FILE"].endswith(os.path.join("tests", "fontconfig", "fonts.conf"))
    generic = {"Monospace", "Sans Serif", "Serif"}  # Qt's own aliases, no font behind them
    assert set(QFontDatabase.families()) - generic == {BUNDLED_FAMILY}


def test_font_covers_every_character_of_the_chinese_texts() -> None:
    chars = _zh_cn_texts()
    assert len({c for c in chars if "\u4e00" <= c <= "\u9fff"}) > 500  # really Chinese texts
    cmap = TTFont(FONT).getBestCmap()
    missing = sorted(c for c in chars if ord(c) not in cmap)
    assert not missing, f"rebuild with tools/make_font_subset.py; missing: {''.join(missing)}"


def test_font_covers_every_character_of_every_text() -> None:
    tool = _tool()
    missing = set(tool.missing_from(FONT, tool.text_chars()))
    assert not missing, f"rebuild with tools/make_font_subset.py: {sorted(missing)}"


def test_font_covers_the_common_hanzi_people_write() -> None:
    cmap = TTFont(FONT).getBestCmap()
    common = _tool().gb2312_chars()
    assert len(common) > 7000
    assert not [c for c in common if ord(c) not in cmap]


def test_font_ships_with_its_licence() -> None:
    licence = (ROOT / "resources" / "fonts" / "OFL.txt").read_text(encoding="utf-8")
    assert "SIL OPEN FONT LICENSE Version 1.1" in licence
    assert resource("fonts", "OFL.txt").is_file()
    names = TTFont(FONT)["name"]
    assert names.getDebugName(1) == BUNDLED_FAMILY  # renamed: no clash with an installed Noto


def _ink(text: str, font: QFont) -> QImage:
    image = QImage(360, 48, QImage.Format.Format_RGB32)
    image.fill(Qt.GlobalColor.white)
    painter = QPainter(image)
    painter.setFont(font)
    painter.setPen(QColor("black"))
    painter.drawText(8, 34, text)
    painter.end()
    return image


@pytest.mark.parametrize("text", ["隐私审计报告", "你的数据 Plainview"])
def test_app_font_draws_chinese_not_boxes(qapp: Any, text: str) -> None:
    font = QGuiApplication.font()
    assert BUNDLED_FAMILY in font.families()
    drawn = _ink(text, font)
    # Missing glyphs are drawn as the same hollow box: a private-use character has none.
    boxes = _ink("\ue000" * len(text), font)
    assert drawn != boxes
    distinct = {_ink(c, font).bits().tobytes() for c in text if not c.isspace()}
    assert len(distinct) == len({c for c in text if not c.isspace()})
