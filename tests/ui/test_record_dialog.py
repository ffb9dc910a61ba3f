"""One record in full: Enter or a double click in the table opens it with every field
labelled, times local with the stored UTC at hand, links as links opened only on a click (web
addresses only), the raw JSON one tab away; Ctrl+C copies the record as readable text."""

from __future__ import annotations

import json
from datetime import UTC, datetime

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication

from plainview.model import Record
from plainview.ui import clipboard
from plainview.ui.category_page import CategoryPage
from plainview.ui.record_dialog import RecordDialog, record_as_text
from tests.fixtures.plugin_pages import seed, unnamed_controls

T0 = datetime(2025, 5, 1, 8, 30, tzinfo=UTC)
LINK = "https://www.tiktokv.com/share/video/7000000000000000301/"
POST = {
    "Date": "2025-05-01 08:30:00",
    "Link": LINK,
    "Likes": "3",
    "WhoCanView": "Everyone",
    "Title": "my <b>video</b>",
    "PlatformInfo": [],
}


def _page(qtbot, ctx) -> CategoryPage:
    page = CategoryPage(ctx)
    qtbot.addWidget(page)
    page.resize(1200, 800)
    page.show()
    return page


def _open_posts(qtbot, pages_ctx, vault) -> CategoryPage:
    seed(vault, [Record("tiktok.posts", T0, POST, "x.json:Post/Posts/VideoList", "my video")])
    page = _page(qtbot, pages_ctx)
    page.show_category("tiktok.posts")
    qtbot.waitUntil(page.details_loaded, timeout=10_000)
    page.table.setFocus()
    page.table.setCurrentIndex(page.model.index(0, 1))
    return page


def _shown(dialog: RecordDialog) -> dict[str, str]:
    form = dialog.form
    out = {}
    for row in range(form.rowCount()):
        label = form.itemAt(row, form.ItemRole.LabelRole).widget().text()
        value = form.itemAt(row, form.ItemRole.FieldRole).widget()
        out[label] = value.text()
    return out


def test_enter_opens_the_record_with_human_labels_and_local_time(qtbot, pages_ctx, vault):
    page = _open_posts(qtbot, pages_ctx, vault)
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    dialog = page.record_dialog
    assert dialog is not None and dialog.isVisible()
    shown = _shown(dialog)
    assert list(shown)[:5] == ["Date:", "Title:", "Link:", "Who can view:", "Likes:"]
    assert "WhoCanView:" not in shown and "PlatformInfo:" not in shown
    assert shown["Title:"] == "my <b>video</b>"  # text, never rendered as markup
    assert shown["Linked accounts:"] == "(empty in the export)"  # not an unexplained []
    assert "2025" in shown["Date:"] and "UTC" not in shown["Date:"]
    date_value = dialog.form.itemAt(0, dialog.form.ItemRole.FieldRole).widget()
    assert "Stored as 2025-05-01 08:30:00 UTC" in date_value.toolTip()
    title_label = dialog.form.itemAt(1, dialog.form.ItemRole.LabelRole).widget()
    assert "“Title”" in title_label.toolTip()  # the key as the export has it
    assert json.loads(dialog.raw.toPlainText()) == POST  # the raw JSON, one tab away
    assert unnamed_controls(dialog) == []
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible()


def test_double_click_opens_it_too(qtbot, pages_ctx, vault):
    page = _open_posts(qtbot, pages_ctx, vault)
    rect = page.table.visualRect(page.model.index(0, 1))
    qtbot.mouseClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert page.record_dialog is None  # a single click only selects
    qtbot.mouseDClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert page.record_dialog is not None and page.record_dialog.isVisible()


def test_links_open_only_when_clicked_and_only_web_addresses(qtbot, pages_ctx, vault, monkeypatch):
    opened: list[str] = []
    monkeypatch.setattr(RecordDialog, "open_url", staticmethod(lambda url: opened.append(url)))
    page = _open_posts(qtbot, pages_ctx, vault)
    dialog = page.open_record(0)
    link_label = next(v for v in dialog.value_labels if LINK in v.text())
    assert f'<a href="{LINK}">' in link_label.text()
    assert not link_label.openExternalLinks()
    assert opened == []  # showing the record fetched and opened nothing
    with qtbot.waitSignal(dialog.link_opened) as sig:
        link_label.linkActivated.emit(LINK)
    assert sig.args == [LINK] and [u.toString() for u in opened] == [LINK]
    dialog.open_link("javascript:alert(1)")
    dialog.open_link("file:///etc/passwd")
    assert len(opened) == 1


def test_ctrl_c_copies_the_record_as_readable_text(qtbot, pages_ctx, vault):
    page = _open_posts(qtbot, pages_ctx, vault)
    qtbot.keyClick(page.table, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    text = QGuiApplication.clipboard().text()
    assert text.splitlines()[0] == "Your posts"
    assert f"Link: {LINK}" in text and "Who can view: Everyone" in text
    assert "{" not in text  # readable lines, not JSON
    dialog = page.open_record(0)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow, timeout=5000)
    QGuiApplication.clipboard().clear()
    with qtbot.waitSignal(dialog.copied):
        qtbot.keyClick(dialog, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    assert QGuiApplication.clipboard().text() == record_as_text(
        page.model.record_at(0), "Your posts", "en"
    )
    assert clipboard.holds_ours()  # marked secret, and cleared on lock (by the main window)
    pages_ctx.lock()  # locking closes the record
    assert page.record_dialog is None


def test_a_v1_direct_message_shows_its_text_from_comment(qtbot, pages_ctx, vault):
    path = "user_data.json:Direct Messages/Chat History/ChatHistory/Chat History with mila:"
    fields = {"Date": "2025-05-01 08:30:00", "From": "mila", "comment": "see you at 8"}
    seed(vault, [Record("tiktok.direct_messages", T0, fields, path, "see you at 8")])
    page = _page(qtbot, pages_ctx)
    page.show_category("tiktok.direct_messages")
    qtbot.waitUntil(page.details_loaded, timeout=10_000)
    assert page.model.data(page.model.index(0, 3)) == "see you at 8"
    shown = _shown(page.open_record(0))
    assert shown["Chat:"] == "mila" and shown["Message:"] == "see you at 8"


def test_enter_on_a_search_hit_then_enter_again_opens_it_in_full(qtbot, pages_ctx, vault):
    from plainview.ui.search_page import SearchPage

    path = "user_data.json:Direct Messages/Chat History/ChatHistory/Chat History with mila:"
    fields = {"Date": "2025-05-01 08:30:00", "From": "mila", "comment": "sourdough at 8"}
    seed(vault, [Record("tiktok.direct_messages", T0, fields, path, "sourdough at 8")])
    search, page = SearchPage(pages_ctx), _page(qtbot, pages_ctx)
    qtbot.addWidget(search)
    search.record_requested.connect(page.show_category)
    page.show_category("tiktok.direct_messages")
    qtbot.waitUntil(page.details_loaded, timeout=10_000)
    page.view_toggle.setChecked(True)  # reading them as conversations
    search.show()
    with qtbot.waitSignal(search.searched, timeout=10_000):
        search.search("sourdough")
    search._focus_first_result()
    qtbot.keyClick(search.results, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.current_record_id() is not None, timeout=10_000)
    # the hit is selected in the table (the conversations give way to it)
    assert page.table.isVisible() and not page.conversations.isVisible()
    assert page.current_record_id() == vault.records("tiktok.direct_messages", limit=1)[0].id
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    assert page.record_dialog is not None
    assert _shown(page.record_dialog)["Message:"] == "sourdough at 8"
