"""Meta's HTML page shapes as the records reader sees them (platform-exports-multi.md 3.4)."""

from __future__ import annotations

import io

from plainview.platforms.meta import html


def _records(page: str) -> list[dict[str, object]]:
    return list(html.records(io.BytesIO(page.encode("utf-8")), "Logins"))


def test_new_style_box_with_label_value_cells() -> None:
    page = """<html><body><div class="_a706" role="main">
    <div class="pam _3-95 _2ph- _a6-g uiBoxWhite noborder">
      <div class="_3-95 _2pim _a6-h _a6-i">Caf&eacute; &amp; Co&#x27;s page</div>
      <div class="_3-95 _a6-p"><table>
        <tr><td class="_2pin _a6_q">IP Address</td><td class="_2pin _a6_r">192.0.2.1</td></tr>
        <tr><td class="_2pin _a6_q">Cookie Name<div><div>ck-1</div></div></td></tr>
      </table><a href="https://www.instagram.com/_u/friend.01">friend.01</a></div>
      <div class="_3-94 _a6-o"><div class="_a72d">Jun 04, 2025 6:46:10 pm</div></div>
    </div></div></body></html>"""
    (rec,) = _records(page)
    assert rec["title"] == "Café & Co's page"
    assert rec["label_values"] == [
        {"label": "IP Address", "value": "192.0.2.1"},
        {"label": "Cookie Name", "value": "ck-1"},
    ]
    assert rec["links"] == ["https://www.instagram.com/_u/friend.01"]
    assert rec["time"] == "Jun 04, 2025 6:46:10 pm"


def test_old_style_boxes_one_record_each() -> None:
    box = (
        '<div class="pam _3-95 _2pi0 _2lej uiBoxWhite noborder">'
        '<div class="_3-96 _2pio _2lek _2lel">Friend {n}</div>'
        '<div class="_3-96 _2let"><div><div></div><div>Hello {n} 🙏</div></div></div>'
        '<div class="_3-94 _2lem">Mar 1, 2019, 10:0{n} AM</div></div>'
    )
    page = (
        "<html><body><h1>Messages</h1>"
        + "".join(box.format(n=i) for i in range(3))
        + "</body></html>"
    )
    recs = _records(page)
    assert [r["title"] for r in recs] == ["Friend 0", "Friend 1", "Friend 2"]
    assert recs[1]["text"] == ["Hello 1 🙏"]
    assert recs[2]["time"] == "Mar 1, 2019, 10:02 AM"


def test_several_tables_stay_apart_and_nested_boxes_belong_to_the_outer_one() -> None:
    page = """<html><body><div class="_a6-g"><div class="_a6-h">Shopwise</div>
      <table><tr><td class="_a6_q">Event</td><td class="_a6_r">PURCHASE</td></tr></table>
      <table><tr><td class="_a6_q">Event</td><td class="_a6_r">PAGE_VIEW</td></tr></table>
      <div class="_a6-g"><img src="media/posts/1.jpg"></div>
    </div></body></html>"""
    (rec,) = _records(page)
    assert rec["tables"] == [
        [{"label": "Event", "value": "PURCHASE"}],
        [{"label": "Event", "value": "PAGE_VIEW"}],
    ]
    assert rec["media"] == ["media/posts/1.jpg"]


def test_a_page_without_boxes_keeps_its_text() -> None:
    page = (
        "<html><head><title>t</title><style>p{}</style></head><body><p>Only this</p></body></html>"
    )
    assert _records(page) == [{"text": ["Only this"]}]
