"""TXT blocks: continuation lines and sentence-like labels (issue 16 item 7: the TXT parser's
own rules, each with an input only that rule handles)."""

from __future__ import annotations

from pathlib import Path

import pytest

from plainview.importers.tiktok_txt import iter_blocks


def _blocks(text: str) -> list[dict[str, object]]:
    return list(iter_blocks(text.splitlines()))


def test_a_line_without_a_label_continues_the_last_value() -> None:
    (block,) = _blocks("Date: 2025-01-01 10:00:00\nComment: first line\nsecond line\n")
    assert block == {"Date": "2025-01-01 10:00:00", "Comment": "first line\nsecond line"}


def test_a_long_sentence_with_a_colon_continues_the_last_value() -> None:
    sentence = "and then I said to everyone in the big group chat later that evening: see you"
    assert len(sentence.split(":")[0]) > 60
    (block,) = _blocks(f"Comment: first\n{sentence}\n")
    assert block == {"Comment": f"first\n{sentence}"}


def test_a_long_label_without_spaces_is_still_a_label() -> None:
    label = "X" * 70
    (block,) = _blocks(f"Comment: first\n{label}: value\n")
    assert block == {"Comment": "first", label: "value"}


def test_text_before_any_label_is_kept_under_text() -> None:
    (block,) = _blocks("just a sentence\nDate: 2025-01-01\n")
    assert block == {"text": "just a sentence", "Date": "2025-01-01"}


def test_single_object_groups_hold_their_label_less_lines() -> None:
    from plainview.importers.tiktok_txt import single_object

    assert single_object("Content Preferences:\nno colon here\n\nplain line") == {
        "Content Preferences": {"text": "no colon here"},
        "text": "plain line",
    }


def test_a_known_single_object_file_is_read_within_its_cap(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Single-object files (profile, settings) are small: reading one stops at SMALL_FILE,
    so a huge one cannot fill the memory."""
    from plainview.importers import tiktok_txt
    from plainview.importers.archive import open_archive
    from plainview.importers.common import ParseState

    folder = tmp_path / "export" / "TikTok" / "Profile and Settings"
    folder.mkdir(parents=True)
    (folder / "Settings.txt").write_text("App Language: English\nPersonalized Ads: On\n")
    monkeypatch.setattr(tiktok_txt, "SMALL_FILE", 22)
    with open_archive(tmp_path / "export") as archive:
        records = list(tiktok_txt.parse(archive, ParseState(schema="txt"), lambda _x, _s: None))
    (settings,) = [r for r in records if r.category == "tiktok.settings"]
    assert settings.fields == {"App Language": "English"}
