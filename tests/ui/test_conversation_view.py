"""Direct messages as conversations: the toggle on their page, a chat list (newest chat first,
with counts), bubbles — yours and theirs apart — with a line per day, message text from
every key an export uses, and nothing in a message rendered as markup."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from plainview.model import Record
from plainview.ui.category_page import CategoryPage
from plainview.ui.conversation_view import load_conversations
from tests.fixtures.plugin_pages import seed, unnamed_controls

T0 = datetime(2025, 5, 1, 8, 30, tzinfo=UTC)
CHATS = "user_data.json:Direct Messages/Chat History/ChatHistory/"


def _msg(partner: str, sender: str, text: str, when: datetime, key: str = "Content") -> Record:
    fields = {"Date": when.strftime("%Y-%m-%d %H:%M:%S"), "From": sender, key: text}
    return Record(
        "tiktok.direct_messages", when, fields, f"{CHATS}Chat History with {partner}:", text
    )


def _seed(vault):
    seed(
        vault,
        [
            _msg("mila", "me.example", "hello mila", T0, key="comment"),  # v1 keeps it here
            _msg("mila", "mila", "hi! <b>bold?</b>", T0 + timedelta(minutes=5), key="comment"),
            _msg("mila", "me.example", "next day", T0 + timedelta(days=1)),
            _msg("old.friend", "old.friend", "long ago", T0 - timedelta(days=30)),
        ],
    )


def test_messages_group_into_chats_newest_first(vault):
    _seed(vault)
    data = load_conversations(vault)
    assert [c.name for c in data.chats] == ["mila", "old.friend"]
    mila = data.chats[0]
    assert [m.text for m in mila.messages] == ["hello mila", "hi! <b>bold?</b>", "next day"]
    assert [m.mine for m in mila.messages] == [True, False, True]
    assert data.chats[1].messages[0].mine is False


def test_toggle_shows_the_chats_as_bubbles(qtbot, pages_ctx, vault):
    _seed(vault)
    page = CategoryPage(pages_ctx)
    qtbot.addWidget(page)
    page.resize(1200, 800)
    page.show()
    page.show_category("tiktok.direct_messages")
    qtbot.waitUntil(page.details_loaded, timeout=10_000)
    assert page.view_toggle.isVisible() and page.table.isVisible()
    assert page.view_toggle.text() == "Show as &conversations"
    with qtbot.waitSignal(page.conversations.loaded, timeout=10_000) as loaded:
        page.view_toggle.click()
    assert loaded.args == [2]
    assert page.conversations.isVisible() and not page.table.isVisible()
    assert page.view_toggle.text() == "Show as a &table"
    view = page.conversations
    assert view.chat_list.item(0).text().startswith("mila\n3 messages")
    html = view.chat_html(view.current_chat())
    text = view.messages.toPlainText()
    assert "hello mila" in text and "next day" in text
    assert "hi! <b>bold?</b>" in text  # shown as text, not as markup
    assert "<b>bold?</b>" not in html and "&lt;b&gt;bold?&lt;/b&gt;" in html
    assert text.count("2025") == 2  # a line for each of the two days
    # yours on the right, theirs on the left
    assert html.count('<table align="right"') == 2 and html.count('<table align="left"') == 1
    view.select_chat("old.friend")
    assert "long ago" in view.messages.toPlainText()
    assert unnamed_controls(page) == []
    # the filter narrows the conversations too
    with qtbot.waitSignal(view.loaded, timeout=10_000) as narrowed:
        page.filter_edit.setText("long")
        page._apply_filter()
    assert narrowed.args == [1] and view.chat_names() == ["old.friend"]
    page.view_toggle.click()
    assert page.table.isVisible() and not view.isVisible()


def test_the_toggle_is_only_on_direct_messages(qtbot, pages_ctx, vault):
    _seed(vault)
    page = CategoryPage(pages_ctx)
    qtbot.addWidget(page)
    page.show()
    page.show_category("tiktok.searches")
    qtbot.waitUntil(page.details_loaded, timeout=10_000)
    assert not page.view_toggle.isVisible()
