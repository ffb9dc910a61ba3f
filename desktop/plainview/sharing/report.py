"""The audit report: one self-contained HTML page that obeys the sharing choices.

Inline CSS and inline SVG charts only: no scripts, no external resources, no links that load
anything (citations are plain text). Every value from the data or the user is HTML-escaped.
Private categories are absent entirely (not their title, not their count); anonymized ones
appear only as counts and dates; facts from the data are shown for shared categories only.
``plainview.pdf.html_to_pdf`` turns the same HTML into a PDF.
"""

from __future__ import annotations

import calendar
import html
import importlib
import re
import unicodedata
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


# Text widths without a font engine (the core has no Qt): a generous estimate per character,
# so that labels placed by it never touch. Wide (CJK) characters take a full em; others at
# most about 0.68 em in the usual sans-serif fonts (DejaVu Sans, Noto Sans, Arial).
_NARROW_EM: Final = 0.68
_WIDE_EM: Final = 1.02


def text_width(text: str, size: float) -> float:
    """An upper estimate of ``text``'s width in px at font size ``size``."""
    em = sum(_WIDE_EM if unicodedata.east_asian_width(c) in "WF" else _NARROW_EM for c in text)
    return em * size


def wrap_label(text: str, width: float, size: float) -> list[str]:
    """``text`` in lines no wider than ``width`` (at spaces; anywhere in CJK text; a single
    word longer than a line is split). Nothing is cut off or replaced by "…"."""
    lines: list[str] = []
    line = ""
    for token in re.findall(r"\S+\s*|\s+", text.strip()):
        # a CJK run breaks between any two characters
        pieces = (
            list(token) if any(unicodedata.east_asian_width(c) in "WF" for c in token) else [token]
        )
        for piece in pieces:
            if text_width((line + piece).rstrip(), size) <= width or not line:
                line += piece
            else:
                lines.append(line.rstrip())
                line = piece
            while text_width(line.rstrip(), size) > width and len(line) > 1:
                cut = len(line) - 1
                while cut > 1 and text_width(line[:cut], size) > width:
                    cut -= 1
                lines.append(line[:cut])
                line = line[cut:]
    if line.strip():
        lines.append(line.rstrip())
    return lines or [""]


def bar_chart_svg(rows: list[tuple[str, int]], *, title: str, width: int = 600) -> str:
    """Horizontal bars, one per (label, count). Labels wrap in a column as wide as they need
    (at most 40 % of the chart); the count stands after its bar, inside the chart."""
    if not rows:
        return ""
    # 1.5 lines per em: fonts with tall CJK metrics (the bundled Noto Sans CJK: 1.45) too
    size, line_h, bar_h, gap, top = 11, 17, 16, 8, 8
    counts = [f"{n:,}" for _, n in rows]
    count_w = max(text_width(c, size) for c in counts) + 8
    widest = max(text_width(label, size) for label, _ in rows)
    label_w = max(80.0, min(widest + 12, width * 0.4))
    wrapped = [wrap_label(label, label_w - 12, size) for label, _ in rows]
    heights = [max(bar_h, len(lines) * line_h) for lines in wrapped]
    height = top + sum(heights) + gap * len(rows) + 4
    peak = max(1, *(n for _, n in rows))
    span = max(20.0, width - label_w - count_w - 4)
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" role="img" aria-label="{esc(title)}">'
    ]
    y = float(top)
    for (_label, n), lines, row_h, count in zip(rows, wrapped, heights, counts, strict=True):
        w = max(1.0, span * n / peak) if n else 0.0
        # the label's lines centred on the row, like the bar
        first = y + (row_h - len(lines) * line_h) / 2 + line_h - 3
        for k, text in enumerate(lines):
            parts.append(_svg_text(label_w - 8, first + k * line_h, text, anchor="end"))
        bar_y = y + (row_h - bar_h) / 2
        parts.append(
            f'<rect x="{label_w:.1f}" y="{bar_y:.1f}" width="{w:.1f}" height="{bar_h}" '
            f'fill="{_BAR}"/>'
        )
        parts.append(_svg_text(label_w + w + 6, bar_y + bar_h - 4, count))
        y += row_h + gap
    parts.append("</svg>")
    return "".join(parts)


def time_chart_svg(
    months: dict[str, int], *, title: str, width: int = 600, partial_last: bool = False
) -> str:
    """Vertical bars per month. Axis labels: the first month, then each year at its January,
    each centred under its bar and left out where it would touch the one before (or stick
    out of the chart). ``partial_last`` draws the last month as only partly covered (a pale,
    dashed bar), so a short last month does not read as a fall."""
    if not months:
        return ""
    keys = _month_range(min(months), max(months))
    size, height, bottom, top = 10, 180, 26, 10
    peak = max(months.values())
    left = max(text_width(f"{peak:,}", size), text_width("0", size)) + 12
    right = 8
    span_w = width - left - right
    step = span_w / max(1, len(keys))
    plot_h = height - bottom - top
    base = height - bottom
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" role="img" aria-label="{esc(title)}">',
        f'<line x1="{left:.1f}" y1="{base}" x2="{width - right}" y2="{base}" '
        'stroke="#8e8e93" stroke-width="1"/>',
        _svg_text(left - 6, top + size, f"{peak:,}", anchor="end", size=size),
        _svg_text(left - 6, base, "0", anchor="end", size=size),
    ]
    last_end = float("-inf")  # the right edge of the last axis label placed
    for i, key in enumerate(keys):
        n = months.get(key, 0)
        h = plot_h * n / peak if peak else 0
        x = left + i * step
        partial = partial_last and i == len(keys) - 1
        if n:
            style = (
                f'fill="{_BAR}" fill-opacity="0.35" stroke="{_BAR}" stroke-dasharray="3,2"'
                if partial
                else f'fill="{_BAR}"'
            )
            parts.append(
                f'<rect x="{x + step * 0.1:.1f}" y="{base - h:.1f}" '
                f'width="{max(1.0, step * 0.8):.1f}" height="{h:.1f}" {style}/>'
            )
        if i == 0 or key.endswith("-01"):
            text = key if i == 0 else key[:4]
            half = text_width(text, size) / 2
            centre = min(max(x + step / 2, half), width - half)
            if centre - half >= last_end + 6:
                parts.append(_svg_text(centre, height - 8, text, anchor="middle", size=size))
                last_end = centre + half
    parts.append("</svg>")
    return "".join(parts)


def month_is_partial(month: str, data_end: datetime) -> bool:
    """True when ``data_end`` (the newest record, UTC) falls inside ``month`` ("YYYY-MM")
    before its last day: the month is only partly in the data."""
    if data_end.strftime("%Y-%m") != month:
        return False
    return data_end.day < calendar.monthrange(data_end.year, data_end.month)[1]


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
            last = max(months)
            partial = span is not None and month_is_partial(last, span[1])
            chart = time_chart_svg(months, title=t("report.chart_time"), partial_last=partial)
            out.append(f"<h3>{esc(t('report.chart_time'))}</h3>")
            out.append(f'<p class="chart">{chart}</p>')
            if partial and span is not None:
                note = t("report.chart_partial", month=last, date=span[1].strftime("%Y-%m-%d"))
                out.append(f'<p class="meta">{esc(note)}</p>')

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
