"""Direct messages as conversations: a list of chats (who, how many messages, when last), and
the chosen chat as bubbles — yours on the right, theirs on the left — with a line for each
new day. Times are local.

The messages are read off the GUI thread (``load_conversations`` through ``run_task``); the
view draws with the palette's colours (light and dark alike) and never renders links, images
or anything else from a message: its text is escaped and shown as text.
"""

from __future__ import annotations

import html
import logging
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from PySide6.QtCore import QLocale, Qt, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QLabel,
    QListWidget,
    QListWidgetItem,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from plainview.columns import norm_key, tables_for
from plainview.ui.records_model import (
    Column,
    cell_text,
    local_time_text,
    source_text,
    user_filter,
    utc_time_text,
)
from plainview.ui.tasks import TaskHandle, run_task

I18N_AREA = "pages"
log = logging.getLogger(__name__)

CATEGORY = "tiktok.direct_messages"
MAX_MESSAGES = 20_000  # read at most this many messages (the table has every one)
SHOWN_PER_CHAT = 1_000  # the newest messages of a chat drawn as bubbles
PAGE = 2_000
CHAT_ROLE = Qt.ItemDataRole.UserRole + 1


@dataclass
class Message:
    id: int
    when: datetime | None
    sender: str
    text: str
    mine: bool


@dataclass
class Chat:
    name: str
    messages: list[Message] = field(default_factory=list)  # oldest first

    @property
    def last(self) -> datetime | None:
        times = [m.when for m in self.messages if m.when is not None]
        return max(times) if times else None


@dataclass
class Conversations:
    chats: list[Chat]  # the most recent chat first
    truncated: bool = False
    account: str | None = None


def _account(vault: Any) -> str | None:
    try:
        imports = [i for i in vault.imports() if i.status == "complete" and i.account]
    except Exception:
        return None
    return str(max(imports, key=lambda i: i.id).account) if imports else None


def _partner(chat: str, source_path: str) -> str | None:
    last = source_path.split(":", 1)[-1].rstrip(":").rsplit("/", 1)[-1]
    return chat if last.startswith("Chat History with ") else None


def load_conversations(vault: Any, filter_text: str | None = None) -> Conversations:
    """Worker side: the messages grouped by chat (oldest first within a chat). A message is
    yours when its sender is the export's account, or, in a one-to-one chat, anyone but the
    other person."""
    tables = tables_for(CATEGORY)
    message = tables.fields.get("message")
    sender = tables.fields.get("from")
    text_col = Column("", message.keys if message else (norm_key("Content"),), message)
    from_col = Column("", sender.keys if sender else (norm_key("From"),), sender)
    account = _account(vault)
    filt = user_filter(filter_text)
    chats: dict[str, Chat] = {}
    after: Any = None
    read = 0
    truncated = False
    while True:
        rows = vault.records(CATEGORY, after=after, limit=PAGE, order="time_asc", filter_text=filt)
        for rec in rows:
            name = source_text(str(rec.source_path), chat=True)
            who = cell_text(rec.fields, from_col)
            partner = _partner(name, str(rec.source_path))
            if account and who == account:
                mine = True
            else:
                mine = partner is not None and bool(who) and who != partner
            chat = chats.setdefault(name, Chat(name))
            chat.messages.append(
                Message(int(rec.id), rec.occurred_at, who, cell_text(rec.fields, text_col), mine)
            )
        read += len(rows)
        if len(rows) < PAGE:
            break
        if read >= MAX_MESSAGES:
            truncated = True
            break
        after = rows[-1]
    ordered = sorted(
        chats.values(), key=lambda c: (c.last is not None, c.last or datetime.min), reverse=True
    )
    return Conversations(ordered, truncated, account)


def _day_text(when: datetime, locale: QLocale) -> str:
    """The day in the one date style of the language (plainview.dates), local time."""
    from plainview import dates

    return dates.format_date(when, dates.language_of(locale.name()))


def _time_text(when: datetime, locale: QLocale) -> str:
    return when.astimezone().strftime("%H:%M")


class ConversationView(QWidget):
    """Signals: ``loaded(int chats)`` after the messages were read and the chat list shown."""

    loaded = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._data: Conversations | None = None
        self._task: TaskHandle | None = None
        self._generation = 0
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.status.setProperty("role", "hint")
        self.chat_list = QListWidget(self)
        self.chat_list.setMinimumWidth(150)
        self.chat_list.setWordWrap(True)
        self.chat_list.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.chat_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.chat_list.currentItemChanged.connect(lambda _c, _p: self._show_chat())
        self.messages = QTextBrowser(self)
        self.messages.setOpenLinks(False)
        self.messages.setOpenExternalLinks(False)
        self.messages.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(self.chat_list)
        self.splitter.addWidget(self.messages)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 3)
        self.splitter.setSizes([180, 500])
        self.splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.status)
        layout.addWidget(self.splitter, 1)
        self.retranslate()

    # -- data --------------------------------------------------------------------------
    def load(self, vault: Any, filter_text: str | None = None) -> None:
        """Read the messages off the GUI thread, then show the chats."""
        self.cancel()
        self._generation += 1
        generation = self._generation
        self.status.setText(self.tr("Reading your messages…"))
        self.status.show()

        def done(result: Any, error: BaseException | None) -> None:
            if generation != self._generation:
                return
            self._task = None
            if error is not None:
                log.info("conversations failed: %s", type(error).__name__)
                result = Conversations([])
            self.set_conversations(result)

        self._task = run_task(load_conversations, vault, filter_text, on_done=done)

    def cancel(self) -> None:
        if self._task is not None:
            self._task.cancel()
            self._task = None

    def clear(self) -> None:
        self.cancel()
        self._generation += 1
        self._data = None
        self.chat_list.clear()
        self.messages.clear()
        self.status.clear()

    def set_conversations(self, data: Conversations) -> None:
        self._data = data
        self.chat_list.blockSignals(True)
        self.chat_list.clear()
        for chat in data.chats:
            item = QListWidgetItem(self.chat_list)
            item.setData(CHAT_ROLE, chat.name)
        self.chat_list.blockSignals(False)
        self._label_chats()
        if data.chats:
            self.chat_list.setCurrentRow(0)
        self._set_status()
        self._show_chat()
        self.loaded.emit(len(data.chats))

    def chat_names(self) -> list[str]:
        return [c.name for c in self._data.chats] if self._data else []

    def select_chat(self, name: str) -> None:
        for row in range(self.chat_list.count()):
            if self.chat_list.item(row).data(CHAT_ROLE) == name:
                self.chat_list.setCurrentRow(row)
                return

    def current_chat(self) -> Chat | None:
        item = self.chat_list.currentItem()
        if item is None or self._data is None:
            return None
        name = item.data(CHAT_ROLE)
        return next((c for c in self._data.chats if c.name == name), None)

    # -- display -----------------------------------------------------------------------
    def retranslate(self) -> None:
        self.chat_list.setAccessibleName(self.tr("Chats"))
        self.chat_list.setAccessibleDescription(
            self.tr("Choose a chat with the arrow keys to read its messages.")
        )
        self.messages.setAccessibleName(self.tr("Messages of the chosen chat"))
        self._label_chats()
        self._set_status()
        self._show_chat()

    def _label_chats(self) -> None:
        if self._data is None:
            return
        loc = QLocale()
        for row, chat in enumerate(self._data.chats):
            item = self.chat_list.item(row)
            if item is None:
                continue
            n = len(chat.messages)
            count = (
                self.tr("1 message")
                if n == 1
                else self.tr("{n} messages").format(n=loc.toString(n))
            )
            last = local_time_text(chat.last, loc) if chat.last else ""
            item.setText(f"{chat.name}\n{count}" + (f" · {last}" if last else ""))
            item.setToolTip(self.tr("Last message: {time}").format(time=last) if last else "")

    def _set_status(self) -> None:
        data = self._data
        if data is None:
            return
        if not data.chats:
            self.status.setText(self.tr("No messages to show."))
        elif data.truncated:
            self.status.setText(
                self.tr(
                    "Showing the first {n} messages as conversations; the table has all of them."
                ).format(n=QLocale().toString(MAX_MESSAGES))
            )
        else:
            self.status.setText(
                self.tr("Your messages are on the right, the other person's on the left.")
            )
        self.status.setAccessibleName(self.status.text())
        self.status.show()

    def _show_chat(self) -> None:
        chat = self.current_chat()
        if chat is None:
            self.messages.clear()
            return
        self.messages.setHtml(self.chat_html(chat))
        self.messages.verticalScrollBar().setValue(self.messages.verticalScrollBar().maximum())

    def chat_html(self, chat: Chat) -> str:
        """The chat as rich text: a line per day, a bubble per message (escaped text)."""
        loc = QLocale()
        pal = self.palette()
        mine_bg = pal.color(QPalette.ColorRole.Highlight).name()
        mine_fg = pal.color(QPalette.ColorRole.HighlightedText).name()
        theirs_bg = pal.color(QPalette.ColorRole.AlternateBase).name()
        if theirs_bg == pal.color(QPalette.ColorRole.Base).name():
            theirs_bg = pal.color(QPalette.ColorRole.Button).name()
        theirs_fg = pal.color(QPalette.ColorRole.Text).name()
        hint = pal.color(QPalette.ColorRole.PlaceholderText).name()
        shown = chat.messages[-SHOWN_PER_CHAT:]
        parts = []
        if len(shown) < len(chat.messages):
            note = self.tr("The newest {n} of {total} messages; the table has all of them.")
            note = note.format(n=loc.toString(len(shown)), total=loc.toString(len(chat.messages)))
            parts.append(f'<p align="center"><font color="{hint}">{html.escape(note)}</font></p>')
        day = None
        for msg in shown:
            if msg.when is not None:
                this_day = _day_text(msg.when, loc)
                if this_day != day:
                    day = this_day
                    parts.append(
                        f'<p align="center"><font color="{hint}"><b>'
                        f"{html.escape(this_day)}</b></font></p>"
                    )
            align = "right" if msg.mine else "left"
            bg, fg = (mine_bg, mine_fg) if msg.mine else (theirs_bg, theirs_fg)
            text = html.escape(msg.text or self.tr("(no text in the export)")).replace("\n", "<br>")
            meta = []
            if not msg.mine and msg.sender:
                meta.append(html.escape(msg.sender))
            if msg.when is not None:
                meta.append(html.escape(_time_text(msg.when, loc)))
            title = html.escape(utc_time_text(msg.when), quote=True)
            parts.append(
                f'<table align="{align}" width="70%" cellpadding="8" cellspacing="0" '
                f'bgcolor="{bg}" style="margin-top:2px; margin-bottom:2px" title="{title}">'
                f'<tr><td><font color="{fg}">{text}</font><br>'
                f'<font color="{fg}" size="-1">{" · ".join(meta)}</font></td></tr></table>'
                '<br clear="all">'
            )
        return "".join(parts)


def is_direct_messages(category: str | None) -> bool:
    return category == CATEGORY
