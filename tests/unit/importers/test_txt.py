"""TXT specifics: labels, CRLF, single records, empty sentences, inline lists kept as text."""

from __future__ import annotations

from plainview.importers.tiktok_txt import blocks, decode, is_empty_sentence, single_object


def test_blocks_split_on_first_colon_and_blank_lines() -> None:
    text = decode(
        b"\xef\xbb\xbfDate: 2025-03-01 18:04:11 UTC\r\nLink: https://x.invalid/1\r\n\r\n"
        b"Date: 2025-03-01 18:03:40 UTC\r\nHashTag Link:: https://x.invalid/t\r\n"
    )
    got = blocks(text)
    assert got == [
        {"Date": "2025-03-01 18:04:11 UTC", "Link": "https://x.invalid/1"},
        {"Date": "2025-03-01 18:03:40 UTC", "HashTag Link": "https://x.invalid/t"},
    ]


def test_single_record_and_inline_lists_stay_text() -> None:
    assert blocks("Date: 2025-01-01 00:00:00\nFilter: [cats, dogs]\nMap: {a: 1, b: N/A}\n") == [
        {"Date": "2025-01-01 00:00:00", "Filter": "[cats, dogs]", "Map": "{a: 1, b: N/A}"}
    ]


def test_settings_groups_and_notes() -> None:
    obj = single_object(
        "(Note: since registration)\nPersonalized Ads: On\nContent Preferences:\n"
        "Filter keywords: [cats]\n\nInterests: Food|Travel\n"
    )
    assert obj == {
        "Note": "since registration",
        "Personalized Ads": "On",
        "Content Preferences": {"Filter keywords": "[cats]"},
        "Interests": "Food|Travel",
    }


def test_empty_section_sentences() -> None:
    assert is_empty_sentence("You have no data in this section\r\n")
    assert is_empty_sentence("Dit gedeelte bevat geen gegevens.")
    assert not is_empty_sentence("Date: 2025-01-01")


def test_streamed_lines_handle_bom_crlf_cr_and_utf16() -> None:
    import io

    from plainview.importers.tiktok_txt import iter_blocks, stream_lines

    raw = b"\xef\xbb\xbfDate: 2025-01-01\r\nLink: a\r\n\r\nDate: 2025-01-02\rLink: b\r"
    assert list(iter_blocks(stream_lines(io.BytesIO(raw)))) == [
        {"Date": "2025-01-01", "Link": "a"},
        {"Date": "2025-01-02", "Link": "b"},
    ]
    utf16 = "Zoekterm: café\n".encode("utf-16")
    assert list(iter_blocks(stream_lines(io.BytesIO(utf16)))) == [{"Zoekterm": "café"}]
