"""Property: whatever the choices, no private or anonymized marker reaches the PDF's text."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pypdf import PdfReader

from plainview.model import SHARE_LEVELS, TIKTOK_CATEGORIES
from plainview.pdf import html_to_pdf
from plainview.sharing import choices
from plainview.sharing.report import audit_report_html
from tests.fixtures.plugin_sharing import StandInCatalog


@settings(
    max_examples=6,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(
    levels=st.lists(
        st.sampled_from(SHARE_LEVELS),
        min_size=len(TIKTOK_CATEGORIES),
        max_size=len(TIKTOK_CATEGORIES),
    ),
    lang=st.sampled_from(["en", "zh_CN"]),
)
def test_property_pdf_text_obeys_choices(
    qapp: Any, planted_vault: Any, tmp_path: Path, levels: list[str], lang: str
) -> None:
    vault, planted = planted_vault
    for cat, level in zip(TIKTOK_CATEGORIES, levels, strict=True):
        choices.set_share(vault, cat, level)
    out = tmp_path / "r.pdf"
    html_to_pdf(audit_report_html(vault, StandInCatalog(), lang), out)
    text = "".join("".join(p.extract_text() for p in PdfReader(out).pages).split())
    for cat, level in zip(TIKTOK_CATEGORIES, levels, strict=True):
        if level != "shared":
            for m in planted.by_category.get(cat, ()):
                assert m not in text, (cat, level, m)
        if level == "private":
            title = StandInCatalog().title(cat).replace(" ", "")
            others = [
                StandInCatalog().title(c).replace(" ", "")
                for c, lv in zip(TIKTOK_CATEGORIES, levels, strict=True)
                if lv != "private" and StandInCatalog().title(c).replace(" ", "").startswith(title)
            ]
            if not others:
                assert title not in text, cat
