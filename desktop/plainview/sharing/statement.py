"""The personal privacy statement, built from the per-purpose answers and the share levels."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from plainview.dates import format_date
from plainview.sharing import choices as choices_mod
from plainview.sharing import store
from plainview.sharing.purposes import category_title, inline_title, purpose_titles
from plainview.sharing.texts import Texts


@dataclass(frozen=True, slots=True)
class Statement:
    title: str
    sections: tuple[tuple[str, tuple[str, ...]], ...]  # (heading, paragraphs)

    def text(self) -> str:
        lines = [self.title, "=" * max(8, len(self.title)), ""]
        for heading, paragraphs in self.sections:
            if heading:
                lines += [heading, "-" * max(8, len(heading))]
            for p in paragraphs:
                lines += [p, ""]
        return "\n".join(lines).rstrip() + "\n"


def privacy_statement(
    vault: store.Source,
    catalog: Any = None,
    lang: str = "en",
    *,
    include_private: bool = True,
) -> Statement:
    """``include_private=False`` (reports, packages) leaves private categories out entirely."""
    t = Texts(lang)
    titles = purpose_titles(catalog)
    answers = choices_mod.get_purpose_answers(vault)
    order = list(titles) + sorted(p for p in answers if p not in titles)
    purpose_lines = [
        t(f"statement.{answers[p].answer}", purpose=inline_title(titles.get(p, p), t.lang))
        for p in order
        if p in answers
    ]
    if not purpose_lines:
        purpose_lines = [t("statement.none_answered")]

    current = choices_mod.get_choices(vault)
    by_level: dict[str, list[str]] = {"shared": [], "anonymized": [], "private": []}
    for cat, choice in current.items():
        by_level[choice.share].append(category_title(catalog, cat))
    sep = t.list_sep()
    share_lines: list[str] = []
    if by_level["shared"]:
        share_lines.append(t("statement.share_shared", list=sep.join(by_level["shared"])))
    if by_level["anonymized"]:
        share_lines.append(t("statement.share_anonymized", list=sep.join(by_level["anonymized"])))
    if include_private:
        if not by_level["shared"] and not by_level["anonymized"]:
            share_lines.append(t("statement.share_all_private"))
        elif by_level["private"]:
            share_lines.append(t("statement.share_private", list=sep.join(by_level["private"])))
    today = format_date(datetime.now(UTC), t.lang, tz=UTC)
    return Statement(
        t("statement.title"),
        (
            ("", (t("statement.intro", date=today),)),
            (t("statement.purposes"), tuple(purpose_lines)),
            (t("statement.sharing"), tuple(share_lines)),
            ("", (t("statement.closing"),)),
        ),
    )
