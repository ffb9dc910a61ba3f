"""The explanation view shows what ``plainview explain`` shows: another region's text after its
label, "Reading: ours", the policy's own entry name, each statement on its own."""

from __future__ import annotations

import html

from PySide6.QtGui import QPalette

from plainview.catalog import load_catalog
from plainview.ui.explanation_view import ExplanationView


def _view(qtbot) -> ExplanationView:
    view = ExplanationView()
    qtbot.addWidget(view)
    view.resize(520, 1400)
    view.show()
    return view


def _plain(rich: str) -> str:
    return html.unescape(rich)


def test_borrowed_text_is_labelled_and_own_text_is_not(qtbot) -> None:
    expl = load_catalog("en").explain("tiktok.direct_messages", "us")
    view = _view(qtbot)
    view.show_explanation(expl)
    why = _plain(view.section_text("why"))
    label = (
        "The U.S. policy says nothing specific here. The text that follows is from the EEA policy."
    )
    vital = next(p for p in expl.why if p.entry_id == "dm_vital")
    assert f"{label}</i><br/>{vital.text}" in why
    own = next(p for p in expl.why if p.entry_id == "dm_us_review")
    assert f"<br/>{own.text}" in why and f"</i><br/>{own.text}" not in why
    assert "Legal basis:" not in why  # legal bases are the EEA policy's
    shared = _plain(view.section_text("shared"))
    assert "The text that follows is from the policy for other regions.</i>" in shared
    assert shared.count(label) == 1  # one label for a run of borrowed statements
    control = _plain(view.section_text("control"))
    assert control.startswith("<ul><li>") and control.count("<li>") == len(expl.control_items)
    assert "Which policy" not in _plain(view.section_text("policy"))
    assert expl.notes[0] in _plain(view.section_text("policy"))


def test_reading_ours_legal_basis_and_policy_entry(qtbot) -> None:
    expl = load_catalog("en").explain("tiktok.watch_history", "eea")
    view = _view(qtbot)
    view.show_explanation(expl)
    why = _plain(view.section_text("why"))
    assert "Reading: ours. Linking this data to this purpose is Plainview's reading" in why
    assert "Legal basis: In the EEA policy: TikTok says it needs this" in why
    assert "Policy entry: “Contractual Necessity › Personalise features and content”" in why
    assert "says nothing specific here" not in why + _plain(view.section_text("shared"))


def test_chinese_labels(qtbot) -> None:
    expl = load_catalog("zh_CN").explain("tiktok.direct_messages", "row")
    view = _view(qtbot)
    view.show_explanation(expl)
    why = _plain(view.section_text("why"))
    assert "其他地区政策对此没有具体说明。以下内容来自欧洲经济区政策。</i>" in why


def test_screens_light_and_dark(qtbot, tmp_path) -> None:
    view = _view(qtbot)
    view.clear()
    view.grab().save(str(tmp_path / "empty.png"))
    view.show_explanation(load_catalog("en").explain("tiktok.direct_messages", "us"))
    light = view.grab()
    assert not light.isNull()
    light.save(str(tmp_path / "us_light.png"))
    dark = QPalette(view.palette())
    dark.setColor(QPalette.ColorRole.Window, "#1e1e1e")
    dark.setColor(QPalette.ColorRole.WindowText, "#f0f0f0")
    dark.setColor(QPalette.ColorRole.Base, "#1e1e1e")
    dark.setColor(QPalette.ColorRole.Text, "#f0f0f0")
    view.setPalette(dark)
    view.show_explanation(load_catalog("zh_CN").explain("tiktok.location", "row"))
    assert view.grab().save(str(tmp_path / "row_dark_zh.png"))
