"""One record in full: every field with a human label, times in the user's zone, links as
links (opened only when clicked, never fetched), the raw JSON one click away, and Ctrl+C
(or Copy) to copy the record as readable text.

The labels come from the platform's table data (``plainview.columns``); the copy goes through
``ui.clipboard`` (marked secret for clipboard managers, cleared on lock).
"""

from __future__ import annotations

import html
import json
from datetime import datetime
from typing import Any

from PySide6.QtCore import QCoreApplication, QDateTime, QLocale, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from plainview.columns import norm_key, tables_for
from plainview.ui import clipboard
from plainview.ui.records_model import source_text, ui_lang, utc_time_text, value_text

I18N_AREA = "pages"

SAFE_SCHEMES = ("http", "https")


def _tr(text: str) -> str:
    return QCoreApplication.translate("RecordDialog", text)


def local_long_text(when: datetime | None, locale: QLocale | None = None) -> str:
    """A time in the computer's zone, the locale's long date with the time."""
    if when is None:
        return ""
    qdt = QDateTime.fromSecsSinceEpoch(int(when.timestamp()))
    loc = locale or QLocale()
    day = loc.toString(qdt.date(), QLocale.FormatType.LongFormat)
    return f"{day} {loc.toString(qdt.time(), QLocale.FormatType.ShortFormat)}"


def _parse_time(value: Any) -> datetime | None:
    from plainview.importers.common import parse_date

    return parse_date(value)


def is_link(text: str) -> bool:
    url = QUrl(text.strip())
    return url.isValid() and url.scheme().lower() in SAFE_SCHEMES and bool(url.host())


def _place(tables: Any, category: str, order: dict[str, int], key: Any) -> int:
    """Where a key goes among the fields: in the order of the category's columns, the rest
    after them (in the export's order)."""
    fdef = tables.field_for(category, str(key))
    return order.get(fdef.id, len(order)) if fdef is not None else len(order)


def record_fields(record: Any, lang: str) -> list[tuple[str, str, str, str]]:
    """The record's fields in order as ``(label, text, kind, tip)``: its time first (local),
    the chat of a message, then every key of the item with its label, then where in the
    export it sits. ``kind`` is "time", "link" or "text"."""
    category = str(record.category)
    tables = tables_for(category)
    rows: list[tuple[str, str, str, str]] = []
    time_def = tables.fields.get("time")
    time_label = (
        time_def.label(lang)
        if time_def is not None
        else QCoreApplication.translate("RecordDialog", "Date")
    )
    if record.occurred_at is not None:
        rows.append(
            (
                time_label,
                local_long_text(record.occurred_at),
                "time",
                utc_time_text(record.occurred_at),
            )
        )
    source = str(getattr(record, "source_path", "") or "")
    if category.endswith("direct_messages") and source:
        chat_def = tables.fields.get("chat")
        label = (
            chat_def.label(lang)
            if chat_def is not None
            else QCoreApplication.translate("RecordDialog", "Chat")
        )
        rows.append((label, source_text(source, chat=True), "text", ""))
    fields = record.fields
    if isinstance(fields, dict):
        time_keys = set(time_def.keys) if time_def is not None else set()
        table = tables.table(category)
        order = {f.id: i for i, f in enumerate(table.columns)} if table is not None else {}

        for key, value in sorted(
            fields.items(), key=lambda kv: _place(tables, category, order, kv[0])
        ):
            fdef = tables.field_for(category, str(key))
            label = (
                fdef.label(lang) if fdef is not None else tables.label_for(category, str(key), lang)
            )
            raw_tip = QCoreApplication.translate("RecordDialog", "In the export: “{key}”").format(
                key=key
            )
            tip = f"{fdef.tip(lang)}\n{raw_tip}" if fdef is not None and fdef.tip(lang) else raw_tip
            if norm_key(str(key)) in time_keys or (fdef is not None and fdef.kind == "time"):
                when = _parse_time(value)
                if when is not None:
                    if record.occurred_at is not None and when == record.occurred_at:
                        continue  # the record's own time, shown first
                    rows.append(
                        (label, local_long_text(when), "time", f"{utc_time_text(when)}\n{raw_tip}")
                    )
                    continue
            text = value_text(value, lang=lang, category=category)
            if not text:
                text = QCoreApplication.translate("RecordDialog", "(empty in the export)")
            kind = "link" if isinstance(value, str) and is_link(value) else "text"
            rows.append((label, text, kind, tip))
    else:
        rows.append(
            (
                QCoreApplication.translate("RecordDialog", "Content"),
                value_text(fields, lang=lang, category=category),
                "text",
                "",
            )
        )
    if source:
        src_def = tables.fields.get("source")
        label = (
            src_def.label(lang)
            if src_def is not None
            else QCoreApplication.translate("RecordDialog", "Where in the export")
        )
        rows.append((label, source_text(source), "text", source))
    return rows


def record_as_text(record: Any, title: str, lang: str) -> str:
    """The record as readable lines, for the clipboard: the category, then "Label: value"."""
    lines = [title] if title else []
    for label, text, _kind, _tip in record_fields(record, lang):
        lines.append(f"{label}: {text}")
    return "\n".join(lines)


def raw_json(record: Any) -> str:
    return json.dumps(record.fields, ensure_ascii=False, indent=2)


class RecordDialog(QDialog):
    """One record. Signals: ``copied(str text)`` after the record was put on the clipboard;
    ``link_opened(str url)`` after a link was handed to the system's browser."""

    copied = Signal(str)
    link_opened = Signal(str)

    def __init__(
        self, record: Any, title: str = "", parent: QWidget | None = None, *, lang: str = ""
    ) -> None:
        super().__init__(parent)
        self.record = record
        self.lang = lang or ui_lang()
        self._title = title
        self.setModal(True)
        self.setMinimumSize(480, 360)
        self.resize(620, 520)
        self.heading = QLabel(self)
        self.heading.setProperty("role", "heading")
        font = self.heading.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.2)
        self.heading.setFont(font)
        self.heading.setWordWrap(True)
        self.zone_note = QLabel(self)
        self.zone_note.setProperty("role", "hint")
        self.zone_note.setWordWrap(True)

        self.tabs = QTabWidget(self)
        self.fields_page = QWidget()
        self.form = QFormLayout(self.fields_page)
        self.form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.form.setLabelAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.fields_page)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        self.raw = QPlainTextEdit(self)
        self.raw.setReadOnly(True)
        self.raw.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        mono = self.raw.font()
        mono.setStyleHint(mono.StyleHint.Monospace)
        mono.setFamily("monospace")
        self.raw.setFont(mono)
        self.tabs.addTab(scroll, "")
        self.tabs.addTab(self.raw, "")

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.copy_button = QPushButton(self)
        self.buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.copy_button.clicked.connect(self.copy)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.zone_note)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.buttons)
        self.value_labels: list[QLabel] = []
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("One record"))
        self.heading.setText(self._title or self.tr("One record"))
        self.zone_note.setText(
            self.tr("Times are in your local time; hover over one to see the time stored (UTC).")
        )
        self.tabs.setTabText(0, self.tr("&Fields"))
        self.tabs.setTabText(1, self.tr("&Raw JSON"))
        self.tabs.setAccessibleName(self.tr("The record, as fields or as raw JSON"))
        self.raw.setAccessibleName(self.tr("The record as TikTok wrote it (JSON)"))
        self.copy_button.setText(self.tr("&Copy"))
        self.copy_button.setAccessibleName(self.tr("Copy the record as text"))
        self.copy_button.setToolTip(self.tr("Copies every field as text (Ctrl+C)."))
        close = self.buttons.button(QDialogButtonBox.StandardButton.Close)
        if close is not None:
            close.setAccessibleName(self.tr("Close"))
        self._fill()

    def _fill(self) -> None:
        while self.form.rowCount():
            self.form.removeRow(0)
        self.value_labels = []
        lang = self.lang
        for label, text, kind, tip in record_fields(self.record, lang):
            name = QLabel(self.tr("{label}:").format(label=label), self.fields_page)
            name.setProperty("role", "field-label")
            font = name.font()
            font.setBold(True)
            name.setFont(font)
            name.setToolTip(tip)
            value = QLabel(self.fields_page)
            value.setWordWrap(True)
            value.setToolTip(tip)
            if kind == "link":
                value.setTextFormat(Qt.TextFormat.RichText)
                escaped = html.escape(text, quote=True)
                value.setText(f'<a href="{escaped}">{escaped}</a>')
                value.setOpenExternalLinks(False)  # we open it ourselves, after the click
                value.setTextInteractionFlags(
                    Qt.TextInteractionFlag.LinksAccessibleByMouse
                    | Qt.TextInteractionFlag.LinksAccessibleByKeyboard
                    | Qt.TextInteractionFlag.TextSelectableByMouse
                )
                value.linkActivated.connect(self.open_link)
                value.setAccessibleDescription(
                    self.tr("Link: press Enter to open it in your browser")
                )
            else:
                value.setTextFormat(Qt.TextFormat.PlainText)
                value.setText(text)
                value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            value.setAccessibleName(f"{label}: {text}")
            name.setBuddy(value)
            self.form.addRow(name, value)
            self.value_labels.append(value)
        self.raw.setPlainText(raw_json(self.record))

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Ctrl+C copies the record; where text is selected (the raw JSON, a value) that
        widget takes the key first and copies its selection."""
        if event.matches(QKeySequence.StandardKey.Copy):
            self.copy()
            event.accept()
            return
        super().keyPressEvent(event)

    def text(self) -> str:
        return record_as_text(self.record, self._title, self.lang)

    def copy(self) -> None:
        text = self.text()
        clipboard.copy_secret(text)
        self.copied.emit(text)

    def open_link(self, url: str) -> None:
        """Hand a clicked link to the system's browser; only web addresses, never fetched."""
        if not is_link(url):
            return
        self.open_url(QUrl(url))
        self.link_opened.emit(url)

    @staticmethod
    def open_url(url: QUrl) -> None:
        """The one place a link leaves the app (a seam: tests replace it)."""
        QDesktopServices.openUrl(url)
