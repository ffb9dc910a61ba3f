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


def test_counts_in_the_audit_and_share_preview_need_no_plural(qapp) -> None:
    """'1 records' was possible: the count now stands after a label, in any number."""
    import re
    from pathlib import Path

    root = Path(__file__).resolve().parents[2] / "desktop" / "plainview" / "ui"
    for name in ("audit_wizard.py", "share_preview_dialog.py"):
        text = (root / name).read_text(encoding="utf-8")
        assert not re.search(r'tr\("%\d (records|categories)\b', text), name
