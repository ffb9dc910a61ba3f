"""My choices: share level per category and per-purpose answers in one table, the consent
ledger, mismatch flags, and the doors to the share package, statement, letters and report.

Thin: every value comes from ``plainview.sharing``; loading runs off the GUI thread.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, ClassVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QLocale,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from plainview.model import SHARE_LEVELS
from plainview.sharing import choices as choices_mod
from plainview.sharing import store
from plainview.sharing.letters import Mismatch, mismatches
from plainview.sharing.purposes import category_title, purpose_titles
from plainview.ui import tasks
from plainview.ui.context import AppContext

AnyIndex = QModelIndex | QPersistentModelIndex
ANSWERS: tuple[str, ...] = ("", "yes", "no", "unsure")


@dataclass
class Snapshot:
    """Everything the page shows, read in one go on a worker thread."""

    choices: dict[str, choices_mod.Choice] = field(default_factory=dict)
    counts: dict[str, int] = field(default_factory=dict)
    answers: dict[str, choices_mod.PurposeAnswer] = field(default_factory=dict)
    ledger: list[choices_mod.LedgerEntry] = field(default_factory=list)
    mismatches: list[Mismatch] = field(default_factory=list)
    titles: dict[str, str] = field(default_factory=dict)
    purposes: dict[str, str] = field(default_factory=dict)


def load_snapshot(vault: Any, catalog: Any, lang: str, policy: str) -> Snapshot:
    src = store.worker_source(vault)
    current = choices_mod.get_choices(src)
    return Snapshot(
        choices=current,
        counts=store.category_counts(src),
        answers=choices_mod.get_purpose_answers(src),
        ledger=choices_mod.ledger(src),
        mismatches=mismatches(src, catalog, lang, policy),
        titles={c: category_title(catalog, c) for c in current},
        purposes=purpose_titles(catalog),
    )


class ChoicesModel(QAbstractTableModel):
    """One table: first every category (share level), then every purpose (answer)."""

    COLUMNS = 3  # item, records, choice
    changed = Signal(str, str, str)  # kind ("share" | "purpose"), subject, new value

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.snap = Snapshot()
        self._rows: list[tuple[str, str]] = []  # (kind, subject)

    def set_snapshot(self, snap: Snapshot) -> None:
        self.beginResetModel()
        self.snap = snap
        purposes = list(snap.purposes) + sorted(p for p in snap.answers if p not in snap.purposes)
        self._rows = [("share", c) for c in snap.choices] + [("purpose", p) for p in purposes]
        self.endResetModel()

    def clear(self) -> None:
        self.set_snapshot(Snapshot())

    def row_of(self, kind: str, subject: str) -> int:
        return self._rows.index((kind, subject))

    def subject(self, row: int) -> tuple[str, str]:
        return self._rows[row]

    # -- Qt model API ------------------------------------------------------------------
    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.COLUMNS

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (self.tr("Category or purpose"), self.tr("Records"), self.tr("Your choice"))[section]

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() == 2:
            base |= Qt.ItemFlag.ItemIsEditable
        return base

    def level_text(self, level: str) -> str:
        return {
            "private": self.tr("Private"),
            "anonymized": self.tr("Anonymized"),
            "shared": self.tr("Shared"),
        }[level]

    def answer_text(self, answer: str) -> str:
        return {
            "": self.tr("Not answered"),
            "yes": self.tr("Yes, TikTok may"),
            "no": self.tr("No, TikTok may not"),
            "unsure": self.tr("Not sure yet"),
        }[answer]

    def options(self, row: int) -> list[tuple[str, str]]:
        kind, _ = self._rows[row]
        if kind == "share":
            return [(lv, self.level_text(lv)) for lv in SHARE_LEVELS]
        return [(a, self.answer_text(a)) for a in ANSWERS]

    def value(self, row: int) -> str:
        kind, subject = self._rows[row]
        if kind == "share":
            return self.snap.choices[subject].share
        answer = self.snap.answers.get(subject)
        return answer.answer if answer else ""

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self._rows)):
            return None
        kind, subject = self._rows[index.row()]
        col = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            if col == 0:
                if kind == "share":
                    return self.snap.titles.get(subject, subject)
                title = self.snap.purposes.get(subject, subject)
                return self.tr("May TikTok use your data for: %1").replace("%1", title)
            if col == 1:
                if kind == "share":
                    return f"{self.snap.counts.get(subject, 0):,}"
                return ""
            value = self.value(index.row())
            return self.level_text(value) if kind == "share" else self.answer_text(value)
        if role == Qt.ItemDataRole.EditRole and col == 2:
            return self.value(index.row())
        if role == Qt.ItemDataRole.ToolTipRole and col == 0 and kind == "share":
            return subject
        if role == Qt.ItemDataRole.TextAlignmentRole and col == 1:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def setData(self, index: AnyIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or index.column() != 2 or not index.isValid():
            return False
        kind, subject = self._rows[index.row()]
        new = str(value)
        if new == self.value(index.row()) or (kind == "purpose" and new == ""):
            return False
        self.changed.emit(kind, subject, new)
        return True


class ChoiceDelegate(QStyledItemDelegate):
    """A combo box with the row's options (share levels or answers). Opened by a click, its
    list drops down at once, and picking an option saves it (no second click, no Enter)."""

    #: Set by the page for an editor opened by a mouse click: show the options at once.
    popup_next = False

    def createEditor(
        self, parent: QWidget, option: QStyleOptionViewItem, index: AnyIndex
    ) -> QWidget:
        model = index.model()
        assert isinstance(model, ChoicesModel)
        combo = QComboBox(parent)
        combo.setAccessibleName(self.tr("Your choice"))
        for value, text in model.options(index.row()):
            combo.addItem(text, value)
        combo.activated.connect(lambda _i, c=combo: self._picked(c))
        if self.popup_next:
            self.popup_next = False
            QTimer.singleShot(0, combo.showPopup)
        return combo

    def _picked(self, combo: QComboBox) -> None:
        self.commitData.emit(combo)
        self.closeEditor.emit(combo, QStyledItemDelegate.EndEditHint.NoHint)

    def setEditorData(self, editor: QWidget, index: AnyIndex) -> None:
        assert isinstance(editor, QComboBox)
        i = editor.findData(index.data(Qt.ItemDataRole.EditRole))
        editor.setCurrentIndex(max(0, i))

    def setModelData(self, editor: QWidget, model: Any, index: AnyIndex) -> None:
        assert isinstance(editor, QComboBox)
        model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)


class LedgerModel(QAbstractTableModel):
    """The consent ledger, newest first (read-only)."""

    def __init__(self, choices_model: ChoicesModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._entries: list[choices_mod.LedgerEntry] = []
        self._names = choices_model

    def set_entries(self, entries: list[choices_mod.LedgerEntry]) -> None:
        self.beginResetModel()
        self._entries = list(reversed(entries))
        self.endResetModel()

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._entries)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 4

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (self.tr("When (UTC)"), self.tr("What"), self.tr("Before"), self.tr("After"))[
            section
        ]

    def _when(self, at: str) -> str:
        """The ledger's UTC time in the one date style of the language (plainview.dates)."""
        from datetime import UTC, datetime

        from plainview import dates

        try:
            when = datetime.fromisoformat(at.replace("Z", "+00:00"))
        except ValueError:
            return at
        return dates.format_datetime(when, dates.language_of(QLocale().name()), tz=UTC)

    def export_text(self, what: str) -> str:
        return {
            "share_package": self.tr("Share package saved"),
            "report": self.tr("Audit report saved"),
            "letter": self.tr("Letter saved or copied"),
            "statement": self.tr("Privacy statement saved or copied"),
            "export": self.tr("Everything exported to a file"),
        }.get(what, what)

    def _export_cell(self, e: choices_mod.LedgerEntry, column: int) -> str:
        if column == 1:
            return f"{self.export_text(e.subject)}: {e.new}"
        if column == 2:
            return self.tr("To: %1").replace("%1", e.recipient) if e.recipient else ""
        return self.tr("For: %1").replace("%1", e.purpose) if e.purpose else ""

    def _value(self, kind: str, value: str | None) -> str:
        if value is None:
            return self.tr("(not set)")
        if kind == "share":
            return self._names.level_text(value)
        return self._names.answer_text(value)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role not in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.AccessibleTextRole,
        ):
            return None
        if not (0 <= index.row() < len(self._entries)):
            return None
        e = self._entries[index.row()]
        snap = self._names.snap
        if index.column() == 0:
            return self._when(e.at)
        if e.kind == "import":  # an import was removed (vault/lifecycle.py)
            if index.column() == 1:
                platform = "TikTok" if e.old == "tiktok" else (e.old or "")
                return self.tr("Import %1 (%2)").replace("%1", e.subject).replace("%2", platform)
            if index.column() == 2:
                return self.tr("In the vault")
            return self.tr("Removed")
        if e.kind == "export":
            return self._export_cell(e, index.column())
        if index.column() == 1:
            if e.kind == "share":
                return snap.titles.get(e.subject, e.subject)
            return snap.purposes.get(e.subject, e.subject)
        return self._value(e.kind, e.old if index.column() == 2 else e.new)


class ChoicesPage(QWidget):
    """ "My choices" (gui_common.md). Signals: ``loaded()`` after each refresh."""

    loaded = Signal()
    choice_changed = Signal(str, str, str)
    report_saved = Signal(str)

    # Test seams: tests replace these to avoid modal dialogs.
    ask_report_path: ClassVar[Any] = None

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._task: Any = None
        self.title = QLabel(self)
        self.title.setProperty("role", "title")
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self.intro.setProperty("role", "hint")
        self.flags_box = QLabel(self)
        self.flags_box.setWordWrap(True)
        self.flags_box.setProperty("role", "notice")
        self.flags_box.setTextFormat(Qt.TextFormat.PlainText)
        self.flags_box.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByKeyboard
            | Qt.TextInteractionFlag.TextSelectableByMouse
        )
        self.flags_box.hide()

        self.model = ChoicesModel(self)
        self.model.changed.connect(self._apply_change)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.choice_delegate = ChoiceDelegate(self.table)
        self.table.setItemDelegateForColumn(2, self.choice_delegate)
        self.table.clicked.connect(self._clicked)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        # The mouse opens a level with one click (``_clicked``); the keyboard with F2 or a key.
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        self.table.verticalHeader().hide()
        self.table.setAlternatingRowColors(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)

        self.ledger_label = QLabel(self)
        self.ledger_label.setProperty("role", "subtitle")
        self.ledger_model = LedgerModel(self.model, self)
        self.ledger_view = QTableView(self)
        self.ledger_view.setModel(self.ledger_model)
        self.ledger_view.verticalHeader().hide()
        self.ledger_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.ledger_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.ledger_view.setWordWrap(False)
        lh = self.ledger_view.horizontalHeader()
        for col in (0, 2, 3):
            lh.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        lh.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.ledger_empty = QLabel(self)
        self.ledger_empty.setProperty("role", "hint")

        self.share_button = QPushButton(self)
        self.statement_button = QPushButton(self)
        self.letters_button = QPushButton(self)
        self.report_button = QPushButton(self)
        self.share_button.setIcon(
            self.style().standardIcon(QStyle.StandardPixmap.SP_DialogSaveButton)
        )
        self.share_button.clicked.connect(self.open_share_preview)
        self.statement_button.clicked.connect(lambda: self.open_letters("statement"))
        self.letters_button.clicked.connect(lambda: self.open_letters("access"))
        self.report_button.clicked.connect(self.save_report)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.status.setProperty("role", "hint")
        self.status.hide()

        buttons = QHBoxLayout()
        for b in (
            self.share_button,
            self.statement_button,
            self.letters_button,
            self.report_button,
        ):
            buttons.addWidget(b)
        buttons.addStretch(1)

        upper = QWidget(self)
        up = QVBoxLayout(upper)
        up.setContentsMargins(0, 0, 0, 0)
        up.addWidget(self.table)
        lower = QWidget(self)
        low = QVBoxLayout(lower)
        low.setContentsMargins(0, 0, 0, 0)
        low.addWidget(self.ledger_label)
        low.addWidget(self.ledger_empty)
        low.addWidget(self.ledger_view)
        split = QSplitter(Qt.Orientation.Vertical, self)
        split.addWidget(upper)
        split.addWidget(lower)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 1)
        split.setChildrenCollapsible(False)

        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.intro)
        layout.addWidget(self.flags_box)
        layout.addLayout(buttons)
        layout.addWidget(self.status)
        layout.addWidget(split, 1)
        self.setTabOrder(self.table, self.share_button)
        self.setTabOrder(self.share_button, self.statement_button)
        self.setTabOrder(self.statement_button, self.letters_button)
        self.setTabOrder(self.letters_button, self.report_button)
        self.setTabOrder(self.report_button, self.ledger_view)

        self.retranslate()
        ctx.language_changed.connect(self._on_language)
        ctx.policy_changed.connect(lambda _p: self.refresh())
        ctx.locked.connect(self.clear)

    # -- page protocol ---------------------------------------------------------------
    def _clicked(self, index: QModelIndex) -> None:
        """One click on a level or an answer opens its options (My choices: single click)."""
        editing = self.table.state() == QAbstractItemView.State.EditingState
        if index.column() == 2 and index.flags() & Qt.ItemFlag.ItemIsEditable and not editing:
            self.choice_delegate.popup_next = True
            self.table.edit(index)
            self.choice_delegate.popup_next = False

    def retranslate(self) -> None:
        self.title.setText(self.tr("My choices"))
        self.intro.setText(
            self.tr(
                "Decide, per category, what leaves this computer: Private (never), "
                "Anonymized (without names, messages or exact times) or Shared (as "
                "imported). Say for which purposes TikTok may use your data. Every change "
                "is recorded in the consent record below."
            )
        )
        self.share_button.setText(self.tr("&Share package…"))
        self.statement_button.setText(self.tr("&Privacy statement…"))
        self.letters_button.setText(self.tr("&Letters…"))
        self.report_button.setText(self.tr("Audit &report…"))
        self.ledger_label.setText(self.tr("Consent record"))
        self.ledger_empty.setText(self.tr("No changes yet. Every change you make is added here."))
        self.table.setAccessibleName(self.tr("Share levels and purpose answers"))
        self.ledger_view.setAccessibleName(self.tr("Consent record"))
        self.share_button.setAccessibleName(self.tr("Share package"))
        self.statement_button.setAccessibleName(self.tr("Privacy statement"))
        self.letters_button.setAccessibleName(self.tr("Letters"))
        self.report_button.setAccessibleName(self.tr("Audit report"))
        self.flags_box.setAccessibleName(self.tr("Where your export contradicts your choices"))
        self.model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, 2)
        self.ledger_model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, 3)
        self._show_flags()

    def _on_language(self, _lang: str) -> None:
        self.retranslate()
        if self.ctx.is_unlocked:
            self.refresh()

    def refresh(self) -> None:
        if not self.ctx.is_unlocked:
            return
        if self._task is not None:
            self._task.cancel()
        self._task = tasks.run_task(
            load_snapshot,
            self.ctx.vault,
            self.ctx.catalog(),
            self.ctx.lang,
            self.ctx.policy,
            on_done=self._loaded,
        )

    def _loaded(self, snap: Snapshot | None, error: BaseException | None) -> None:
        self._task = None
        if not self.ctx.is_unlocked:
            return
        if error is not None or snap is None:
            self._say(self.tr("Your choices could not be loaded. Try again after unlocking."))
            return
        current = self.table.currentIndex()
        self.model.set_snapshot(snap)
        self.ledger_model.set_entries(snap.ledger)
        self.ledger_empty.setVisible(not snap.ledger)
        if current.isValid():
            self.table.setCurrentIndex(self.model.index(current.row(), current.column()))
        self._show_flags()
        self.loaded.emit()

    def clear(self) -> None:
        if self._task is not None:
            self._task.cancel()
            self._task = None
        self.model.clear()
        self.ledger_model.set_entries([])
        self.flags_box.hide()
        self.flags_box.clear()
        self._say("")

    def _show_flags(self) -> None:
        flags = self.model.snap.mismatches
        if not flags:
            self.flags_box.hide()
            return
        lines = [self.tr("⚠ Where your export contradicts your choices:")]
        for m in flags:
            lines += [f"• {m.text}", f"   {m.setting_path}"]
        self.flags_box.setText("\n".join(lines))
        self.flags_box.show()

    def _say(self, text: str) -> None:
        """The one-line status under the buttons; hidden while empty."""
        self.status.setText(text)
        self.status.setVisible(bool(text))

    # -- actions ---------------------------------------------------------------------
    def _apply_change(self, kind: str, subject: str, value: str) -> None:
        vault = self.ctx.vault
        if kind == "share":
            choices_mod.set_share(vault, subject, value)
        else:
            choices_mod.set_purpose_answer(vault, subject, value)
        self.choice_changed.emit(kind, subject, value)
        self.ctx.data_changed.emit()
        self.refresh()

    def open_share_preview(self) -> None:
        from plainview.ui.share_preview_dialog import SharePreviewDialog

        dialog = SharePreviewDialog(self.ctx, self)
        dialog.package_saved.connect(
            lambda path: self._say(self.tr("Share package saved: %1").replace("%1", path))
        )
        dialog.open()

    def open_letters(self, kind: str = "access") -> None:
        from plainview.ui.letters_dialog import LettersDialog

        dialog = LettersDialog(self.ctx, self, initial=kind)
        dialog.open()

    def _ask_report_path(self) -> str:
        if ChoicesPage.ask_report_path is not None:
            return str(ChoicesPage.ask_report_path(self))
        path, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Save audit report"),
            str(Path.home() / "plainview-report.pdf"),
            self.tr("PDF document (*.pdf);;Web page (*.html)"),
        )
        return path

    def save_report(self) -> None:
        path = self._ask_report_path()
        if not path:
            return
        self.report_button.setEnabled(False)
        self._say(self.tr("Writing the audit report…"))
        tasks.run_task(
            write_report,
            self.ctx.vault,
            self.ctx.catalog(),
            self.ctx.lang,
            self.ctx.policy,
            Path(path),
            on_done=self._report_done,
        )

    def _report_done(self, result: Path | None, error: BaseException | None) -> None:
        self.report_button.setEnabled(True)
        if error is not None or result is None:
            message = getattr(error, "message", None) or self.tr("The report could not be written.")
            self._say(str(message))
            return
        self._say(self.tr("Audit report saved: %1").replace("%1", str(result)))
        self.report_saved.emit(str(result))


def write_report(
    vault: Any,
    catalog: Any,
    lang: str,
    policy: str,
    out: Path,
    recipient: str | None = None,
    purpose: str | None = None,
) -> Path:
    """Worker: build the report and write it as HTML or PDF (by the file's extension); the
    consent ledger records that it left."""
    from plainview.errors import UsageError
    from plainview.sharing.report import audit_report_html

    suffix = out.suffix.casefold()
    if suffix not in (".html", ".pdf"):
        raise UsageError("Choose a file name ending in .pdf or .html.")
    from plainview.sharing.policy import outward_policy

    src = store.worker_source(vault)
    # never name a policy derived from a private profile's account region
    html = audit_report_html(src, catalog, lang, policy=outward_policy(src, policy))
    if suffix == ".pdf":
        from plainview.pdf import html_to_pdf

        html_to_pdf(html, out)
    else:
        import os
        import tempfile

        fd, tmp = tempfile.mkstemp(prefix=".plainview-report-", suffix=".tmp", dir=out.parent)
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(html)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, out)
    choices_mod.record_export(
        vault,
        "report",
        choices_mod.shown_detail(vault, out.name),
        recipient=recipient,
        purpose=purpose,
    )
    return out
