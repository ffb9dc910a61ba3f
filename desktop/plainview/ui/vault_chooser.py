"""Choose a vault: the folders this device knows (one per person, or per audit participant),
each opened with its own passphrase; make a new one, add one from a folder, rename or remove
an entry from the list, or try the app on sample data in a throw-away vault.

Only folder paths and the labels the user types are remembered (``known_vaults.py``)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt, Signal, Slot
from PySide6.QtGui import QFont, QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from plainview.ui.context import AppContext
from plainview.ui.error_message import ErrorMessage
from plainview.ui.first_run_page import app_icon_label, centered
from plainview.ui.known_vaults import MAX_LABEL, KnownVault, KnownVaults, clean_label

I18N_AREA = "shell"

_PATH_ROLE = Qt.ItemDataRole.UserRole
_NAME_ROLE = Qt.ItemDataRole.UserRole + 1
_DETAIL_ROLE = Qt.ItemDataRole.UserRole + 2
_PAD = 8


class VaultItemDelegate(QStyledItemDelegate):
    """Two lines per vault: its name in bold, its folder (or "not found") below in the
    hint colour."""

    def _fonts(self, option: QStyleOptionViewItem) -> tuple[QFont, QFont]:
        bold = QFont(option.font)
        bold.setWeight(QFont.Weight.DemiBold)
        return bold, QFont(option.font)

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        bold, plain = self._fonts(option)
        height = QFontMetrics(bold).height() + QFontMetrics(plain).height() + 2 * _PAD + 2
        return QSize(200, height)

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        style = option.widget.style() if option.widget else None
        if style is not None:
            style.drawPrimitive(
                QStyle.PrimitiveElement.PE_PanelItemViewItem, option, painter, option.widget
            )
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        palette: QPalette = option.palette
        text = palette.highlightedText() if selected else palette.text()
        hint = palette.highlightedText() if selected else palette.placeholderText()
        rect: QRect = option.rect.adjusted(_PAD + 4, _PAD, -_PAD, -_PAD)
        bold, plain = self._fonts(option)
        painter.save()
        painter.setFont(bold)
        painter.setPen(text.color())
        line = QFontMetrics(bold).height()
        painter.drawText(
            QRect(rect.left(), rect.top(), rect.width(), line),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            str(index.data(_NAME_ROLE) or ""),
        )
        painter.setFont(plain)
        painter.setPen(hint.color())
        detail = QFontMetrics(plain).elidedText(
            str(index.data(_DETAIL_ROLE) or ""), Qt.TextElideMode.ElideMiddle, rect.width()
        )
        painter.drawText(
            QRect(rect.left(), rect.top() + line + 2, rect.width(), QFontMetrics(plain).height()),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            detail,
        )
        painter.restore()


def display_label(vault: KnownVault, tr: object) -> str:
    """The label, or "My vault" for an entry the user never named."""
    if vault.label:
        return vault.label
    return str(tr("My vault"))  # type: ignore[operator]


def vaults_home() -> Path:
    """Where new vaults go unless the user picks a folder: the user data folder."""
    from platformdirs import user_data_dir

    return Path(user_data_dir("Plainview", appauthor=False)) / "vaults"


def unused_folder(home: Path, label: str) -> Path:
    """``home/<label as a safe folder name>``, numbered when taken."""
    safe = "".join(c if c.isalnum() or c in "-_ " else "_" for c in label).strip() or "vault"
    safe = safe.replace(" ", "-")[:40]
    candidate = home / safe
    n = 2
    while candidate.exists():
        candidate = home / f"{safe}-{n}"
        n += 1
    return candidate


class NewVaultDialog(QDialog):
    """A label (required) and a folder (proposed from the label; "Choose…" to change it)."""

    def __init__(self, home: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._home = home
        self._folder_touched = False
        self.setWindowTitle(self.tr("New vault"))
        intro = QLabel(
            self.tr(
                "Each vault has its own passphrase and its own data. Make one for each "
                "person whose export you look at, for example each participant of an audit."
            ),
            self,
        )
        intro.setWordWrap(True)
        self.label = QLineEdit(self)
        self.label.setMaxLength(MAX_LABEL)
        self.label.setPlaceholderText(self.tr("For example: Participant 07"))
        self.label.setAccessibleName(self.tr("Name of the vault"))
        self.folder = QLineEdit(self)
        self.folder.setAccessibleName(self.tr("Folder of the vault"))
        self.browse = QPushButton(self.tr("C&hoose…"), self)
        self.browse.setAccessibleName(self.tr("Choose the folder"))
        self.note = QLabel(
            self.tr(
                "The name and the folder are remembered on this computer so that you can "
                "pick the vault later; nothing from inside the vault is."
            ),
            self,
        )
        self.note.setWordWrap(True)
        self.note.setProperty("role", "hint")
        self.error = ErrorMessage(self)
        self.error.set_prefix(self.tr("Error"))
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder, 1)
        folder_row.addWidget(self.browse)
        form = QFormLayout()
        name_label = QLabel(self.tr("&Name:"), self)
        name_label.setBuddy(self.label)
        folder_label = QLabel(self.tr("&Folder:"), self)
        folder_label.setBuddy(self.folder)
        form.addRow(name_label, self.label)
        form.addRow(folder_label, folder_row)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("&Continue"))
        ok.setAccessibleName(self.tr("Continue"))
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.note)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.label.textChanged.connect(self._label_changed)
        self.folder.textEdited.connect(self._folder_edited)
        self.browse.clicked.connect(self._browse)
        self.buttons.accepted.connect(self._accept)
        self.buttons.rejected.connect(self.reject)
        self._label_changed("")
        self.resize(520, self.sizeHint().height())

    @Slot(str)
    def _label_changed(self, text: str) -> None:
        if not self._folder_touched:
            self.folder.setText(str(unused_folder(self._home, clean_label(text) or "vault")))
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(bool(clean_label(text)) and bool(self.folder.text().strip()))

    @Slot()
    def _folder_edited(self) -> None:
        self._folder_touched = True
        self._label_changed(self.label.text())

    @Slot()
    def _browse(self) -> None:
        chosen = QFileDialog.getExistingDirectory(
            self, self.tr("Choose a folder for the new vault"), str(self._home)
        )
        if chosen:
            self._folder_touched = True
            self.folder.setText(chosen)
            self._label_changed(self.label.text())

    @property
    def chosen(self) -> tuple[Path, str]:
        return Path(self.folder.text().strip()).expanduser(), clean_label(self.label.text())

    @Slot()
    def _accept(self) -> None:
        from plainview.vault import Vault

        path, label = self.chosen
        if not label:
            self.error.setText(self.tr("Give the vault a name."))
            return
        if Vault.exists(path):
            self.error.setText(
                self.tr("There is already a vault in this folder. Use “Add a vault folder…”.")
            )
            return
        if path.exists() and not path.is_dir():
            self.error.setText(self.tr("This is a file, not a folder. Choose a folder."))
            return
        self.accept()


class VaultChooserPage(QWidget):
    """Signals: ``vault_chosen(path)``, ``new_vault_requested(path, label)``,
    ``sample_requested()``."""

    vault_chosen = Signal(Path)
    new_vault_requested = Signal(Path, str)
    sample_requested = Signal()

    def __init__(self, ctx: AppContext, known: KnownVaults, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.known = known
        body = QWidget(self)
        self.title = QLabel(body)
        self.title.setProperty("role", "title")
        self.intro = QLabel(body)
        self.intro.setWordWrap(True)
        self.notice = QLabel(body)
        self.notice.setProperty("role", "notice")
        self.notice.setWordWrap(True)
        self.notice.hide()
        self.error = ErrorMessage(body)
        self.list = QListWidget(body)
        self.list.setMinimumHeight(160)
        self.list.setUniformItemSizes(False)
        self.list.setItemDelegate(VaultItemDelegate(self.list))
        self.empty = QLabel(body)
        self.empty.setProperty("role", "hint")
        self.empty.setWordWrap(True)
        self.open_button = QPushButton(body)
        self.open_button.setDefault(True)
        self.new_button = QPushButton(body)
        self.add_button = QPushButton(body)
        self.rename_button = QPushButton(body)
        self.remove_button = QPushButton(body)
        self.sample_button = QPushButton(body)
        self.sample_button.setFlat(True)
        self.sample_button.setProperty("role", "link")
        self.sample_note = QLabel(body)
        self.sample_note.setProperty("role", "hint")
        self.sample_note.setWordWrap(True)
        manage = QHBoxLayout()
        for b in (self.rename_button, self.remove_button):
            manage.addWidget(b)
        manage.addStretch(1)
        actions = QHBoxLayout()
        actions.addWidget(self.new_button)
        actions.addWidget(self.add_button)
        actions.addStretch(1)
        actions.addWidget(self.open_button)
        layout = QVBoxLayout(body)
        layout.addWidget(app_icon_label(body))
        layout.addWidget(self.title)
        layout.addWidget(self.intro)
        layout.addWidget(self.notice)
        layout.addWidget(self.error)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.empty)
        layout.addLayout(manage)
        layout.addSpacing(6)
        layout.addLayout(actions)
        layout.addSpacing(12)
        layout.addWidget(self.sample_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.sample_note)
        centered(body, self, width=560)
        self.list.itemActivated.connect(lambda _item: self.open_selected())
        self.list.currentItemChanged.connect(lambda *_: self._update_buttons())
        self.open_button.clicked.connect(self.open_selected)
        self.new_button.clicked.connect(self.new_vault)
        self.add_button.clicked.connect(self.add_folder)
        self.rename_button.clicked.connect(self.rename_selected)
        self.remove_button.clicked.connect(self.remove_selected)
        self.sample_button.clicked.connect(self.sample_requested)
        self.setTabOrder(self.list, self.open_button)
        self.retranslate()
        ctx.language_changed.connect(self.retranslate)
        self.refresh()

    # -- text --------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.title.setText(self.tr("Choose a vault"))
        self.intro.setText(
            self.tr(
                "Each vault holds one person’s data and opens with its own passphrase. "
                "Advocates keep one vault per participant."
            )
        )
        self.list.setAccessibleName(self.tr("Vaults on this computer"))
        self.empty.setText(self.tr("No vaults yet. Make a new one to import an export."))
        self.error.set_prefix(self.tr("Error"))
        for button, text, name in (
            (self.open_button, self.tr("&Open"), self.tr("Open the selected vault")),
            (self.new_button, self.tr("&New vault…"), self.tr("New vault")),
            (self.add_button, self.tr("A&dd a vault folder…"), self.tr("Add a vault folder")),
            (self.rename_button, self.tr("&Rename…"), self.tr("Rename the selected vault")),
            (
                self.remove_button,
                self.tr("Remove from &list"),
                self.tr("Remove the selected vault from this list"),
            ),
            (
                self.sample_button,
                self.tr("Try with &sample data"),
                self.tr("Try with sample data"),
            ),
        ):
            button.setText(text)
            button.setAccessibleName(name)
        self.remove_button.setToolTip(
            self.tr("The vault itself stays in its folder; add it again at any time.")
        )
        self.sample_note.setText(
            self.tr(
                "The sample opens in a separate, throw-away vault: your own vaults are not "
                "touched, and the sample is deleted when you leave it."
            )
        )
        self.refresh()

    # -- list --------------------------------------------------------------------------
    def refresh(self) -> None:
        current = self.selected_path
        self.list.clear()
        last = self.known.last
        select: QListWidgetItem | None = None
        for vault in self.known.all():
            name = display_label(vault, self.tr)
            if vault.exists:
                text = f"{name}\n{vault.path}"
            else:
                text = (
                    self.tr("%1 (not found)\n%2").replace("%1", name).replace("%2", str(vault.path))
                )
            item = QListWidgetItem(text, self.list)
            item.setData(_PATH_ROLE, str(vault.path))
            item.setData(_NAME_ROLE, name)
            item.setData(
                _DETAIL_ROLE,
                str(vault.path)
                if vault.exists
                else self.tr("%1 (not found)").replace("%1", str(vault.path)),
            )
            item.setData(Qt.ItemDataRole.AccessibleTextRole, text.replace("\n", ", "))
            item.setToolTip(str(vault.path))
            if str(vault.path) == str(current or last or ""):
                select = item
        self.empty.setVisible(self.list.count() == 0)
        self.list.setVisible(self.list.count() > 0)
        if select is None and self.list.count():
            select = self.list.item(0)
        if select is not None:
            self.list.setCurrentItem(select)
        self._update_buttons()

    @property
    def selected_path(self) -> Path | None:
        item = self.list.currentItem() if hasattr(self, "list") else None
        return Path(str(item.data(_PATH_ROLE))) if item is not None else None

    def select(self, path: Path) -> None:
        for i in range(self.list.count()):
            item = self.list.item(i)
            if Path(str(item.data(_PATH_ROLE))) == Path(path):
                self.list.setCurrentItem(item)

    def _update_buttons(self) -> None:
        has = self.selected_path is not None
        for b in (self.open_button, self.rename_button, self.remove_button):
            b.setEnabled(has)

    def set_notice(self, text: str) -> None:
        self.notice.setText(text)
        self.notice.setVisible(bool(text))

    # -- actions -----------------------------------------------------------------------
    @Slot()
    def open_selected(self) -> None:
        path = self.selected_path
        if path is None:
            return
        from plainview.vault import Vault

        if not Vault.exists(path):
            self.error.setText(
                self.tr(
                    "There is no vault in this folder. It may have been moved, deleted or be on "
                    "a disk that is not connected."
                )
            )
            return
        self.error.clear()
        self.set_notice("")
        self.vault_chosen.emit(path)

    def ask_new_vault(self) -> tuple[Path, str] | None:
        """Test seam: the new vault's folder and label, or ``None`` when cancelled."""
        dialog = NewVaultDialog(vaults_home(), self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.chosen

    @Slot()
    def new_vault(self) -> None:
        answer = self.ask_new_vault()
        if answer is None:
            return
        self.error.clear()
        self.set_notice("")
        self.new_vault_requested.emit(answer[0], answer[1])

    def ask_folder(self) -> Path | None:
        """Test seam: a folder holding a vault, or ``None``."""
        chosen = QFileDialog.getExistingDirectory(
            self, self.tr("Choose the folder of a vault"), str(vaults_home())
        )
        return Path(chosen) if chosen else None

    def ask_label(self, current: str) -> str | None:
        """Test seam: a label typed by the user, or ``None`` when cancelled."""
        from PySide6.QtWidgets import QInputDialog

        text, ok = QInputDialog.getText(
            self, self.tr("Rename vault"), self.tr("Name of the vault:"), text=current
        )
        return text if ok else None

    @Slot()
    def add_folder(self) -> None:
        from plainview.vault import Vault

        folder = self.ask_folder()
        if folder is None:
            return
        if not Vault.exists(folder):
            self.error.setText(
                self.tr("There is no Plainview vault in this folder (no vault.key file).")
            )
            return
        label = self.ask_label(folder.name)
        if label is None:
            return
        self.error.clear()
        self.known.add(folder, label)
        self.refresh()
        self.select(Path(str(self.known.find(folder).path)))  # type: ignore[union-attr]

    @Slot()
    def rename_selected(self) -> None:
        path = self.selected_path
        if path is None:
            return
        found = self.known.find(path)
        label = self.ask_label(display_label(found, self.tr) if found else "")
        if label is None or not clean_label(label):
            return
        self.known.rename(path, label)
        self.refresh()

    @Slot()
    def remove_selected(self) -> None:
        path = self.selected_path
        if path is None:
            return
        self.known.remove(path)
        self.set_notice(
            self.tr("Removed from the list. The vault itself is still in %1.").replace(
                "%1", str(path)
            )
        )
        self.refresh()
