"""TXT blocks: continuation lines and sentence-like labels (issue 16 item 7: the TXT parser's
own rules, each with an input only that rule handles)."""

from __future__ import annotations

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
