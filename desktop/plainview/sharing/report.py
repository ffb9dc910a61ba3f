"""The audit report: one self-contained HTML page that obeys the sharing choices.

Inline CSS and inline SVG charts only: no scripts, no external resources, no links that load
anything (citations are plain text). Every value from the data or the user is HTML-escaped.
Private categories are absent entirely (not their title, not their count); anonymized ones
appear only as counts and dates; facts from the data are shown for shared categories only.
``plainview.pdf.html_to_pdf`` turns the same HTML into a PDF.
"""

from __future__ import annotations

import html
import importlib
from collections.abc import Iterable
from datetime import UTC, datetime
from typing import Any, Final

from plainview import __version__
from plainview.dates import format_date, format_datetime
from plainview.sharing import audit as audit_mod
from plainview.sharing import choices as choices_mod
from plainview.sharing import store
from plainview.sharing.letters import letters, mismatches
from plainview.sharing.purposes import category_title, purpose_titles
from plainview.sharing.statement import privacy_statement
from plainview.sharing.texts import Texts

CSS: Final = """
body { font-family: "Noto Sans", "Segoe UI", "Helvetica Neue", Arial, "Noto Sans CJK SC",
       "Microsoft YaHei", sans-serif; color: #1d1d1f; background: #ffffff; margin: 2em auto;
       max-width: 52em; line-height: 1.45; font-size: 10pt; }
h1 { font-size: 20pt; margin-bottom: 0.2em; }
h2 { font-size: 15pt; border-bottom: 1px solid #c8c8cc; padding-bottom: 0.2em; margin-top: 1.6em; }
h3 { font-size: 12pt; margin-bottom: 0.3em; }
p.meta { color: #55555a; margin: 0.2em 0; }
p.note { background: #f2f2f5; padding: 0.6em 0.8em; border-left: 3px solid #8e8e93; }
table { border-collapse: collapse; width: 100%; margin: 0.6em 0; }
th, td { text-align: left; padding: 0.3em 0.5em; border-bottom: 1px solid #e0e0e4;
         vertical-align: top; }
th { background: #f2f2f5; }
td.num, th.num { text-align: right; }
pre { white-space: pre-wrap; font-family: inherit; background: #f7f7f9; padding: 0.8em;
      border: 1px solid #e0e0e4; }
.cite { color: #55555a; font-size: 9pt; }
.flag { border-left: 3px solid #b25000; padding-left: 0.6em; }
"""

_BAR: Final = "#3b6ea8"


def esc(value: object) -> str:
    return html.escape(str(value), quote=True)


def _svg_text(x: float, y: float, text: str, *, anchor: str = "start", size: int = 11) -> str:
    return (
        f'<text x="{x:.1f}" y="{y:.1f}" font-size="{size}" text-anchor="{anchor}" '
        f'font-family="sans-serif" fill="#1d1d1f">{esc(text)}</text>'
    )


def bar_chart_svg(rows: list[tuple[str, int]], *, title: str, width: int = 600) -> str:
    """Horizontal bars, one per (label, count)."""
    if not rows:
        return ""
    label_w, bar_h, gap, top = 200, 16, 6, 8
    height = top + len(rows) * (bar_h + gap) + 4
    peak = max(1, *(n for _, n in rows))
    span = width - label_w - 70
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" role="img" aria-label="{esc(title)}">'
    ]
    for i, (label, n) in enumerate(rows):
        y = top + i * (bar_h + gap)
        w = max(1.0, span * n / peak) if n else 0.0
        short = label if len(label) <= 28 else label[:27] + "…"
        parts.append(_svg_text(label_w - 8, y + bar_h - 4, short, anchor="end"))
        parts.append(
            f'<rect x="{label_w}" y="{y}" width="{w:.1f}" height="{bar_h}" fill="{_BAR}"/>'
        )
        parts.append(_svg_text(label_w + w + 6, y + bar_h - 4, f"{n:,}"))
    parts.append("</svg>")
    return "".join(parts)


def time_chart_svg(months: dict[str, int], *, title: str, width: int = 600) -> str:
    """Vertical bars per month; labels for the first month of each year."""
    if not months:
        return ""
    keys = _month_range(min(months), max(months))
    height, bottom, top, left = 180, 24, 10, 44
    span_w = width - left - 8
    step = span_w / max(1, len(keys))
    peak = max(months.values())
    plot_h = height - bottom - top
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" role="img" aria-label="{esc(title)}">',
        f'<line x1="{left}" y1="{height - bottom}" x2="{width - 8}" y2="{height - bottom}" '
        'stroke="#8e8e93" stroke-width="1"/>',
        _svg_text(left - 6, top + 10, f"{peak:,}", anchor="end", size=10),
        _svg_text(left - 6, height - bottom, "0", anchor="end", size=10),
    ]
    for i, key in enumerate(keys):
        n = months.get(key, 0)
        h = plot_h * n / peak if peak else 0
        x = left + i * step
        if n:
            parts.append(
                f'<rect x="{x + step * 0.1:.1f}" y="{height - bottom - h:.1f}" '
                f'width="{max(1.0, step * 0.8):.1f}" height="{h:.1f}" fill="{_BAR}"/>'
            )
        if key.endswith("-01") or i == 0:
            parts.append(_svg_text(x, height - 8, key[:4] if i else key, size=10))
    parts.append("</svg>")
    return "".join(parts)


def _month_range(first: str, last: str) -> list[str]:
    y, m = int(first[:4]), int(first[5:7])
    ly, lm = int(last[:4]), int(last[5:7])
    out: list[str] = []
    while (y, m) <= (ly, lm) and len(out) < 600:
        out.append(f"{y:04d}-{m:02d}")
        m += 1
        if m == 13:
            y, m = y + 1, 1
    return out


def _explain(catalog: Any, category: str, policy: str) -> Any:
    if catalog is None:
        return None
    try:
        return catalog.explain(category, policy)
    except Exception:
        return None


def _facts(vault: Any, category: str, lang: str) -> list[str]:
    facts_for = getattr(importlib.import_module("plainview.insights"), "facts_for", None)
    if facts_for is None:
        return []
    try:
        return [str(f.text) for f in facts_for(vault, category, lang=lang)]
    except Exception:  # facts are a bonus; a failing fact never stops the report
        return []


def _purpose_items(explanation: Any) -> Iterable[str]:
    for p in getattr(explanation, "why", None) or []:
        text = esc(getattr(p, "text", "") or "")
        label = getattr(p, "borrowed_label", None)  # another region's text: say so first
        if label:
            text = f"<i>{esc(label)}</i> {text}"
        source = getattr(p, "source", None)
        cite = ""
        if source is not None:
            title = getattr(source, "title", None) or (
                source[0] if isinstance(source, tuple | list) and source else ""
            )
            url = getattr(source, "url", None) or (
                source[1] if isinstance(source, tuple | list) and len(source) > 1 else ""
            )
            cite = f' <span class="cite">({esc(title)}{" — " + esc(url) if url else ""})</span>'
        yield f"<li>{text}{cite}</li>"


def audit_report_html(
    vault: Any,
    catalog: Any = None,
    lang: str = "en",
    *,
    policy: str = "eea",
    audit_id: int | None = None,
    participant: str | None = None,
    include_facts: bool = True,
) -> str:
    """The whole report as one HTML string (UTF-8, self-contained)."""
    t = Texts(lang)
    current = choices_mod.get_choices(vault)
    counts = store.category_counts(vault)
    included = [c for c, ch in current.items() if ch.share != "private"]
    private = frozenset(c for c, ch in current.items() if ch.share == "private")
    audit = (
        audit_mod.get_audit(vault, audit_id)
        if audit_id is not None
        else audit_mod.latest_audit(vault)
    )
    answers = audit_mod.answers(vault, audit.id) if audit is not None else {}
    who = participant if participant is not None else (audit.participant if audit else "")
    now = format_datetime(datetime.now(UTC), t.lang, tz=UTC)
    title_of = {c: category_title(catalog, c) for c in included}

    out: list[str] = [
        "<!DOCTYPE html>",
        f'<html lang="{"zh-CN" if t.lang == "zh_CN" else "en"}">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{esc(t('report.title'))}</title>",
        f"<style>{CSS}</style>",
        "</head>",
        "<body>",
        f"<h1>{esc(t('report.title'))}</h1>",
        f'<p class="meta">{esc(t("report.generated", version=__version__, date=now))}</p>',
    ]
    if who:
        out.append(f'<p class="meta">{esc(t("report.participant", name=who))}</p>')
    first = _explain(catalog, included[0], policy) if included else None
    if first is not None and getattr(first, "policy_name", None):
        out.append(
            '<p class="meta">'
            + esc(t("report.policy", policy=first.policy_name, date=first.policy_date))
            + "</p>"
        )
    out.append(f'<p class="note">{esc(t("report.obeys"))}</p>')

    span = store.time_span(vault, included)
    if span is not None:
        out.append(
            "<p>"
            + esc(
                t(
                    "report.period",
                    start=format_date(span[0], t.lang, tz=UTC),
                    end=format_date(span[1], t.lang, tz=UTC),
                )
            )
            + "</p>"
        )

    # -- summary table + charts ---------------------------------------------------------
    out.append(f"<h2>{esc(t('report.summary'))}</h2>")
    if not included:
        out.append(f"<p>{esc(t('report.included_none'))}</p>")
    else:
        out.append(
            '<table width="100%"><tr>'
            f"<th>{esc(t('report.category_header'))}</th>"
            f"<th>{esc(t('report.level_header'))}</th>"
            f'<th class="num">{esc(t("report.count_header"))}</th>'
            f"<th>{esc(t('report.expected_header'))}</th>"
            f"<th>{esc(t('report.notes_header'))}</th></tr>"
        )
        for c in included:
            a = answers.get(c)
            expected = t(f"expected.{a.expected}") if a and a.expected else ""
            out.append(
                f"<tr><td>{esc(title_of[c])}</td>"
                f"<td>{esc(t('level.' + current[c].share))}</td>"
                f'<td class="num">{counts.get(c, 0):,}</td>'
                f"<td>{esc(expected)}</td><td>{esc(a.notes if a else '')}</td></tr>"
            )
        out.append("</table>")
        rows = [(title_of[c], counts.get(c, 0)) for c in included if counts.get(c, 0)]
        if rows:
            out.append(f"<h3>{esc(t('report.chart_counts'))}</h3>")
            out.append(
                f'<p class="chart">{bar_chart_svg(rows, title=t("report.chart_counts"))}</p>'
            )
        months = store.monthly_counts(vault, included)
        if months:
            out.append(f"<h3>{esc(t('report.chart_time'))}</h3>")
            out.append(
                f'<p class="chart">{time_chart_svg(months, title=t("report.chart_time"))}</p>'
            )

    # -- surprises ------------------------------------------------------------------------
    out.append(f"<h2>{esc(t('report.surprises'))}</h2>")
    surprises = [c for c in included if (a := answers.get(c)) and a.expected == "no"]
    if surprises:
        out.append(f"<p>{esc(t('report.surprises_intro'))}</p><ul>")
        out += [
            f"<li>{esc(title_of[c])} — {esc(t('report.records_line', count=counts.get(c, 0)))}"
            + (f": {esc(answers[c].notes)}" if answers[c].notes else "")
            + "</li>"
            for c in surprises
        ]
        out.append("</ul>")
    else:
        out.append(f"<p>{esc(t('report.no_surprises'))}</p>")

    # -- findings per category ------------------------------------------------------------
    if included:
        out.append(f"<h2>{esc(t('report.findings'))}</h2>")
    for c in included:
        out.append(f"<h3>{esc(title_of[c])}</h3>")
        out.append(
            '<p class="meta">'
            + esc(t("level." + current[c].share))
            + " · "
            + esc(t("report.records_line", count=f"{counts.get(c, 0):,}"))
            + "</p>"
        )
        ex = _explain(catalog, c, policy)
        if ex is not None and getattr(ex, "what", None):
            out.append(f"<p>{esc(ex.what)}</p>")
        items = list(_purpose_items(ex))
        if items:
            out.append(f"<p><b>{esc(t('report.why'))}</b></p><ul>{''.join(items)}</ul>")
        if include_facts and current[c].share == "shared" and counts.get(c, 0):
            facts = _facts(vault, c, t.lang)
            if facts:
                out.append(f"<p><b>{esc(t('report.facts'))}</b></p><ul>")
                out += [f"<li>{esc(f)}</li>" for f in facts]
                out.append("</ul>")

    # -- mismatches (only about categories that are not private) --------------------------
    flags = [m for m in mismatches(vault, catalog, t.lang, policy) if m.category not in private]
    if flags:
        out.append(f"<h2>{esc(t('mismatch.title'))}</h2>")
        for m in flags:
            out.append(f'<p class="flag">{esc(m.text)}<br>{esc(m.setting_path)}</p>')

    # -- choices, purposes, statement, letters --------------------------------------------
    out.append(f"<h2>{esc(t('report.choices'))}</h2>")
    if included:
        out.append(
            f'<table width="100%"><tr><th>{esc(t("report.category_header"))}</th>'
            f"<th>{esc(t('report.level_header'))}</th></tr>"
        )
        out += [
            f"<tr><td>{esc(title_of[c])}</td><td>{esc(t('level.' + current[c].share))}</td></tr>"
            for c in included
        ]
        out.append("</table>")
    else:
        out.append(f"<p>{esc(t('report.included_none'))}</p>")
    answers_p = choices_mod.get_purpose_answers(vault)
    if answers_p:
        titles = purpose_titles(catalog)
        out.append(
            f'<h3>{esc(t("report.purposes"))}</h3><table width="100%"><tr>'
            f"<th>{esc(t('report.purpose_header'))}</th>"
            f"<th>{esc(t('report.answer_header'))}</th></tr>"
        )
        out += [
            f"<tr><td>{esc(titles.get(p, p))}</td><td>{esc(t('answer.' + a.answer))}</td></tr>"
            for p, a in answers_p.items()
        ]
        out.append("</table>")

    statement = privacy_statement(vault, catalog, t.lang, include_private=False)
    out.append(f"<h2>{esc(t('report.statement'))}</h2>")
    for heading, paragraphs in statement.sections:
        if heading:
            out.append(f"<h3>{esc(heading)}</h3>")
        out += [f"<p>{esc(p)}</p>" for p in paragraphs]

    out.append(f"<h2>{esc(t('report.letters'))}</h2>")
    out.append(f'<p class="note">{esc(t("letters.ok_note"))}</p>')
    for letter in letters(vault, catalog, lang=t.lang, policy=policy, exclude=private):
        out.append(f"<h3>{esc(letter.title)}</h3><pre>{esc(letter.body)}</pre>")

    out += ["</body>", "</html>", ""]
    return "\n".join(out)
