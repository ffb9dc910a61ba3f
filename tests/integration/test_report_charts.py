"""The report's SVG charts as the PDF draws them: labels measured with the real font never
overlap each other or the bars, stay inside the chart and are never shortened to "…"; a last
month the data ends inside of is marked as partial."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from datetime import UTC, datetime
from typing import Any

import pytest
from PySide6.QtCore import QRectF
from PySide6.QtGui import QFont, QFontMetricsF

from plainview.sharing.report import bar_chart_svg, month_is_partial, time_chart_svg

NS = "{http://www.w3.org/2000/svg}"

LONG_TITLES = [
    ("Aktivitäten außerhalb von TikTok, von Werbepartnern übermittelt", 24),
    ("Donaudampfschifffahrtsgesellschaftskapitänsmützensammlung", 3),
    ("来自其他公司的关于你在 TikTok 之外活动的信息和广告合作伙伴数据", 1_234_567),
    ("登录历史", 40),
    ("Login history", 7),
]


def _boxes(svg: str) -> tuple[list[tuple[str, QRectF]], list[QRectF], QRectF]:
    """(text, box) of every label as the sans-serif font draws it, the bars, the chart."""
    root = ET.fromstring(svg)
    area = QRectF(0, 0, float(root.get("width", 0)), float(root.get("height", 0)))
    texts = []
    for el in root.iter(f"{NS}text"):
        font = QFont("sans-serif")
        font.setPixelSize(int(el.get("font-size", "11")))
        metrics = QFontMetricsF(font)
        text = el.text or ""
        w = metrics.horizontalAdvance(text)
        x, y = float(el.get("x", 0)), float(el.get("y", 0))
        anchor = el.get("text-anchor", "start")
        left = x - w if anchor == "end" else x - w / 2 if anchor == "middle" else x
        texts.append((text, QRectF(left, y - metrics.ascent(), w, metrics.height())))
    bars = [
        QRectF(*(float(r.get(k, 0)) for k in ("x", "y", "width", "height")))
        for r in root.iter(f"{NS}rect")
    ]
    return texts, bars, area


def _problems(svg: str) -> list[str]:
    texts, bars, area = _boxes(svg)
    out = []
    for i, (text, box) in enumerate(texts):
        if "…" in text or "..." in text:
            out.append(f"shortened: {text!r}")
        if not area.adjusted(-0.5, -0.5, 0.5, 0.5).contains(box):
            out.append(f"outside the chart: {text!r} {box}")
        for other, other_box in texts[i + 1 :]:
            if box.intersects(other_box):
                out.append(f"overlap: {text!r} / {other!r}")
        for bar in bars:
            if bar.width() > 0 and box.intersects(bar):
                out.append(f"on a bar: {text!r}")
    return out


@pytest.mark.parametrize("width", [600, 420])
def test_bar_labels_wrap_and_never_overlap(qapp: Any, width: int) -> None:
    svg = bar_chart_svg(LONG_TITLES, title="Records per category", width=width)
    assert _problems(svg) == []
    texts = [t for t, _b in _boxes(svg)[0]]
    joined = "".join(texts).replace(" ", "")
    for title, count in LONG_TITLES:  # every word of every label is there, and its count
        assert title.replace(" ", "") in joined
        assert f"{count:,}" in texts


def _months(first: tuple[int, int], n: int, count: int = 30) -> dict[str, int]:
    y, m = first
    out = {}
    for _ in range(n):
        out[f"{y:04d}-{m:02d}"] = count + (7 * len(out)) % 40
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return out


@pytest.mark.parametrize(
    "months",
    [
        _months((2024, 12), 14),  # the first label right before a January
        _months((2023, 11), 3),
        _months((1990, 1), 420),  # 35 years: year labels only where they fit
        _months((2025, 6), 1, count=1_234_567),  # a wide count on the axis
    ],
)
@pytest.mark.parametrize("width", [600, 360])
def test_time_axis_labels_never_overlap(qapp: Any, months: dict[str, int], width: int) -> None:
    svg = time_chart_svg(months, title="Activity over time", width=width)
    assert _problems(svg) == []
    texts = [t for t, _b in _boxes(svg)[0]]
    assert min(months) in texts  # the first month is always named
    assert f"{max(months.values()):,}" in texts and "0" in texts


def test_partial_last_month_is_marked(qapp: Any) -> None:
    months = {"2025-06": 30, "2025-07": 31, "2025-08": 9}
    end = datetime(2025, 8, 9, 18, 0, tzinfo=UTC)
    assert month_is_partial("2025-08", end)
    assert not month_is_partial("2025-08", datetime(2025, 8, 31, 23, 0, tzinfo=UTC))
    assert not month_is_partial("2025-07", end)
    root = ET.fromstring(time_chart_svg(months, title="t", partial_last=True))
    bars = list(root.iter(f"{NS}rect"))
    assert bars[-1].get("stroke-dasharray") and bars[-1].get("fill-opacity") == "0.35"
    assert all(b.get("stroke-dasharray") is None for b in bars[:-1])
    whole = ET.fromstring(time_chart_svg(months, title="t"))
    assert all(b.get("stroke-dasharray") is None for b in whole.iter(f"{NS}rect"))
