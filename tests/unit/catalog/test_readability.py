"""Plain language, measured: every English 'what' and 'why' at most grade 8, at least 40 words."""

from __future__ import annotations

import pytest
import textstat

from plainview.catalog import POLICIES, load_catalog
from plainview.model import TIKTOK_CATEGORIES

MAX_GRADE = 8.0
MIN_WORDS = 40


def _why_text(category: str, policy: str) -> str:
    e = load_catalog("en").explain(category, policy)
    parts = [p.text for p in e.why]
    if e.why_note:
        parts.append(e.why_note)
    return " ".join(parts)


def _grade(text: str) -> float:
    return float(textstat.flesch_kincaid_grade(text))


def _words(text: str) -> int:
    return int(textstat.lexicon_count(text))


@pytest.mark.parametrize("policy", POLICIES)
@pytest.mark.parametrize("category", TIKTOK_CATEGORIES)
def test_what_is_plain(category: str, policy: str) -> None:
    text = load_catalog("en").explain(category, policy).what
    assert _words(text) >= MIN_WORDS, f"{category}/{policy}: {_words(text)} words"
    assert _grade(text) <= MAX_GRADE, f"{category}/{policy}: grade {_grade(text):.1f}"


@pytest.mark.parametrize("policy", POLICIES)
@pytest.mark.parametrize("category", TIKTOK_CATEGORIES)
def test_why_is_plain(category: str, policy: str) -> None:
    text = _why_text(category, policy)
    assert _words(text) >= MIN_WORDS, f"{category}/{policy}: {_words(text)} words"
    assert _grade(text) <= MAX_GRADE, f"{category}/{policy}: grade {_grade(text):.1f}"


def test_measures_can_fail() -> None:
    hard = (
        "Notwithstanding the aforementioned considerations, the organisation's "
        "comprehensive documentation unequivocally necessitates interdisciplinary "
        "interpretation of multifaceted regulatory instrumentalities."
    )
    assert _grade(hard) > MAX_GRADE
    assert _words("Too short to pass.") < MIN_WORDS


def report() -> list[tuple[str, str, str, int, float]]:
    """(category, policy, field, words, grade) for every measured text."""
    rows = []
    cat = load_catalog("en")
    for cid in TIKTOK_CATEGORIES:
        for pol in POLICIES:
            what = cat.explain(cid, pol).what
            why = _why_text(cid, pol)
            rows.append((cid, pol, "what", _words(what), _grade(what)))
            rows.append((cid, pol, "why", _words(why), _grade(why)))
    return rows
