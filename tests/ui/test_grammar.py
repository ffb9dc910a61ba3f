"""English grammar in sentences built around a category's title: titles are mostly plural
("Direct messages", "Likes"), so no verb may have to agree with the title."""

from __future__ import annotations

import re

import pytest

from plainview.model import SHARE_LEVELS
from plainview.ui.share_selector import ShareSelector

# A title followed directly by a singular verb: "Likes stays", "Direct messages goes".
_AGREES = re.compile(r"\b(?:Direct messages|Likes) (?:stays|goes|is|has|leaves)\b")


@pytest.mark.parametrize("level", SHARE_LEVELS)
def test_share_level_meaning_reads_right_with_a_plural_title(qtbot, level):
    selector = ShareSelector()
    qtbot.addWidget(selector)
    for title in ("Direct messages", "Likes"):
        selector.set_category(title, level)
        text = selector.meaning_text(level)
        assert title in text
        assert not _AGREES.search(text), text
