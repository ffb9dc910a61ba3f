"""Plain language, measured: every English text a user reads, each measured alone, at most
Flesch-Kincaid grade 8 (textstat): what, each purpose, each legal-basis line, each label for
another region's text, shared with, retention, what you can do, the why note and the
sensitivity reason, under every policy. The 'what' and the purposes together also need at
least 40 words, so that plainness does not come from saying nothing."""

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


def _texts_alone(category: str, policy: str) -> list[tuple[str, str]]:
    """(name, text) for every text of the page, each as the user reads it."""
    e = load_catalog("en").explain(category, policy)
    out = [
        ("what", e.what),
        ("shared_with", e.shared_with),
        ("retention", e.retention),
        ("control", e.control),
        ("sensitivity_reason", e.sensitivity_reason),
    ]
    if e.why_note:
        out.append(("why_note", e.why_note))
    for p in e.why:
        out.append((f"why {p.entry_id}", p.text))
        if p.legal_basis:
            out.append((f"legal basis {p.entry_id}", p.legal_basis))
        if p.borrowed_label:
            out.append((f"label {p.entry_id}", p.borrowed_label))
    out += [(f"note {i}", n) for i, n in enumerate(e.notes)]
    return out


@pytest.mark.parametrize("policy", POLICIES)
@pytest.mark.parametrize("category", TIKTOK_CATEGORIES)
def test_every_text_alone_is_plain(category: str, policy: str) -> None:
    too_hard = [
        f"{name}: grade {_grade(text):.1f}: {text}"
        for name, text in _texts_alone(category, policy)
        if _grade(text) > MAX_GRADE
    ]
    assert too_hard == [], f"{category}/{policy}"


def test_legal_terms_are_explained_in_plain_words() -> None:
    cat = load_catalog("en")
    lines = {
        p.legal_basis for c in TIKTOK_CATEGORIES for p in cat.explain(c, "eea").why if p.legal_basis
    }
    li = [ln for ln in lines if "relies on its “legitimate interests”." in ln]
    assert li and all("outweigh your privacy" in ln and "object" in ln for ln in li)
    consent = [ln for ln in lines if "your consent" in ln]
    assert consent and all("take your consent back at any time" in ln for ln in consent)
    assert any("“contractual necessity”" in ln and "signed up for" in ln for ln in lines)


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
            for name, text in _texts_alone(cid, pol):
                rows.append((cid, pol, name, _words(text), _grade(text)))
    return rows
