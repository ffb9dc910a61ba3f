"""The main window: first run, unlock, or the workspace (top bar, sidebar, pages).

While locked nothing but the unlock form is in the window. Pages are built from the modules
named in the wiring contract; a module that is not there yet shows a plain placeholder."""

from __future__ import annotations

import importlib
import logging
from pathlib import Path
from typing import Any, Final

from PySide6.QtCore import QEvent, Qt, Slot
from PySide6.QtGui import QCloseEvent, QKeySequence, QPixmapCache, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QPushButton,
    QSizePolicy,
    QSplitter,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from plainview import APP_NAME
from plainview.errors import PlainviewError
from plainview.ui import clipboard, tasks
from plainview.ui.context import AppContext
from plainview.ui.first_run_page import FirstRunPage
from plainview.ui.icons import gear_icon, lock_icon
from plainview.ui.idle import IdleWatcher
from plainview.ui.known_vaults import KnownVaults
from plainview.ui.sidebar import (
    AUDIT,
    CHOICES,
    OVERVIEW,
    Sidebar,
    SidebarPanel,
    load_sidebar_data,
    shortcut_text,
)
from plainview.ui.unlock_page import UnlockPage
from plainview.ui.vault_chooser import VaultChooserPage, display_label

log = logging.getLogger(__name__)

# name -> (module, class) of the pages in the central stack (gui_common.md wiring contract).
PAGES: dict[str, tuple[str, str]] = {
    "overview": ("overview_page", "OverviewPage"),
    "category": ("category_page", "CategoryPage"),
    "search": ("search_page", "SearchPage"),
    "import": ("import_page", "ImportPage"),
    "choices": ("choices_page", "ChoicesPage"),
    "audit": ("audit_wizard", "AuditWizard"),
}

#: What Ctrl+1 … Ctrl+9 open, in the sidebar's order and then the top bar's: Overview, the first
#: category of each sensitivity group, My choices, Guided audit, Import, Search, Settings.
SECTION_SHORTCUTS: Final = (
    "overview",
    "group:high",
    "group:medium",
    "group:low",
    "choices",
    "audit",
    "import",
    "search",
    "settings",
)


class PlaceholderPage(QLabel):
    """Stands in for a page whose module has not landed yet."""

    def __init__(self, ctx: AppContext, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.name = name
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setProperty("role", "hint")
        self.retranslate()
        ctx.language_changed.connect(self.retranslate)

    def retranslate(self) -> None:
        self.setText(self.tr("This page is not available yet."))

    def refresh(self) -> None: ...

    def clear(self) -> None: ...


def build_page(ctx: AppContext, name: str, parent: QWidget) -> QWidget:
    module_name, class_name = PAGES[name]
    try:
        module = importlib.import_module(f"plainview.ui.{module_name}")
    except ModuleNotFoundError as exc:
        if exc.name != f"plainview.ui.{module_name}":
            raise
        return PlaceholderPage(ctx, name, parent)
    cls = getattr(module, class_name, None)
    if cls is None:
        return PlaceholderPage(ctx, name, parent)
    page: QWidget = cls(ctx, parent)
    return page


class MainWindow(QMainWindow):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(APP_NAME)
        self.setObjectName("MainWindow")
        self.idle = IdleWatcher(self)
        self.idle.idle.connect(self.lock)
        self._dirty: set[str] = set()
        self._loading = False
        self._reload_sidebar = False
        #: The vault folders this device knows (paths and labels only, in QSettings).
        self.known = KnownVaults(ctx.prefs.settings if ctx.prefs is not None else None)
        #: While the throw-away sample vault is open: its folder, and the folder to go back to.
        self._sample_dir: Path | None = None
        self._home_dir: Path | None = None
        self._new_label: str | None = None  # label typed for a vault being created
        self._ever_unlocked = False

        self.root = QStackedWidget(self)
        # First run, with the ways out below it: another vault, or the sample first.
        self.first_run_box = QWidget(self.root)
        self.first_run = FirstRunPage(ctx, self.first_run_box)
        self.first_run_other = QPushButton(self.first_run_box)
        self.first_run_sample = QPushButton(self.first_run_box)
        for link in (self.first_run_other, self.first_run_sample):
            link.setFlat(True)
            link.setProperty("role", "link")
        links = QHBoxLayout()
        links.addStretch(1)
        links.addWidget(self.first_run_other)
        links.addSpacing(16)
        links.addWidget(self.first_run_sample)
        links.addStretch(1)
        box = QVBoxLayout(self.first_run_box)
        box.setContentsMargins(0, 0, 0, 16)
        box.addWidget(self.first_run, 1)
        box.addLayout(links)
        self.unlock_page = UnlockPage(ctx, self.root)
        self.chooser = VaultChooserPage(ctx, self.known, self.root)
        self.workspace = QWidget(self.root)
        for w in (self.first_run_box, self.unlock_page, self.chooser, self.workspace):
            self.root.addWidget(w)
        self.setCentralWidget(self.root)
        self._build_workspace()
        self._build_shortcuts()

        ctx.unlocked.connect(self._on_unlocked)
        ctx.locked.connect(self._on_locked)
        ctx.data_changed.connect(self._on_data_changed)
        ctx.language_changed.connect(self.retranslate)
        self.first_run.vault_created.connect(self._on_vault_created)
        self.first_run_other.clicked.connect(self.show_chooser)
        self.first_run_sample.clicked.connect(self.open_sample)
        self.unlock_page.other_vault_requested.connect(self.show_chooser)
        self.chooser.vault_chosen.connect(self.open_vault_dir)
        self.chooser.new_vault_requested.connect(self.start_new_vault)
        self.chooser.sample_requested.connect(self.open_sample)
        self.retranslate()
        self.show_start()
        if ctx.prefs is not None:
            self.restoreGeometry(ctx.prefs.geometry)
            self.idle.set_minutes(ctx.prefs.auto_lock_minutes)
        if self.size().width() < 800:
            self.resize(1100, 720)

    # -- layout ------------------------------------------------------------------------
    def _build_workspace(self) -> None:
        bar = QWidget(self.workspace)
        bar.setProperty("role", "topbar")
        self.title = QLabel(APP_NAME, bar)
        self.title.setProperty("role", "apptitle")
        self.search_field = QLineEdit(bar)
        self.search_field.setClearButtonEnabled(True)
        self.search_field.setMaximumWidth(460)
        self.import_button = QPushButton(bar)
        self.lock_button = QPushButton(bar)
        self.lock_button.setIcon(lock_icon())
        self.settings_button = QToolButton(bar)
        self.settings_button.setIcon(gear_icon())
        self.settings_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        row = QHBoxLayout(bar)
        row.setContentsMargins(12, 8, 12, 8)
        row.addWidget(self.title)
        row.addSpacing(16)
        row.addWidget(self.search_field, 1)
        row.addStretch(0)
        row.addWidget(self.import_button)
        row.addWidget(self.settings_button)
        row.addWidget(self.lock_button)

        self.sidebar = Sidebar(self.ctx, self.workspace)
        self.pages = QStackedWidget(self.workspace)
        self.page: dict[str, QWidget] = {}
        for name in PAGES:
            page = build_page(self.ctx, name, self.pages)
            self.page[name] = page
            self.pages.addWidget(page)
        self.sidebar_panel = SidebarPanel(self.sidebar, self.workspace)
        # The vault switcher above the sidebar (UI.md): which vault is open, and a menu to
        # switch, manage the list, see the imports, delete this vault or try the sample.
        left = QWidget(self.workspace)
        self.vault_button = QToolButton(left)
        self.vault_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.vault_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.vault_button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.vault_menu = QMenu(self.vault_button)
        self.vault_menu.aboutToShow.connect(self._fill_vault_menu)
        self.vault_button.setMenu(self.vault_menu)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(6, 6, 0, 0)
        left_layout.setSpacing(4)
        left_layout.addWidget(self.vault_button)
        left_layout.addWidget(self.sidebar_panel, 1)
        splitter = QSplitter(Qt.Orientation.Horizontal, self.workspace)
        splitter.addWidget(left)
        splitter.addWidget(self.pages)
        splitter.setStretchFactor(0, 0)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([300, 800])
        splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self.workspace)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(bar)
        # Shown after an unlock when the last re-encryption's recovery code was never
        # confirmed as saved (a lock closed its dialog): the old code no longer works.
        self.unsaved_code_notice = QLabel(self.workspace)
        self.unsaved_code_notice.setProperty("role", "notice")
        self.unsaved_code_notice.setWordWrap(True)
        self.unsaved_code_notice.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByKeyboard
            | Qt.TextInteractionFlag.TextSelectableByMouse
        )
        self.unsaved_code_notice.hide()
        notice_row = QHBoxLayout()
        notice_row.setContentsMargins(8, 8, 8, 8)
        notice_row.addWidget(self.unsaved_code_notice)
        layout.addLayout(notice_row)
        # Shown while the throw-away sample vault is open, so nobody takes it for theirs.
        self.sample_bar = QWidget(self.workspace)
        self.sample_notice = QLabel(self.sample_bar)
        self.sample_notice.setProperty("role", "notice")
        self.sample_notice.setWordWrap(True)
        self.leave_sample_button = QPushButton(self.sample_bar)
        sample_row = QHBoxLayout(self.sample_bar)
        sample_row.setContentsMargins(8, 8, 8, 0)
        sample_row.addWidget(self.sample_notice, 1)
        sample_row.addWidget(self.leave_sample_button)
        self.sample_bar.hide()
        self.leave_sample_button.clicked.connect(self.leave_sample)
        layout.addWidget(self.sample_bar)
        layout.addWidget(splitter, 1)

        self.sidebar.section_selected.connect(self._on_section)
        self.search_field.returnPressed.connect(self._search)
        self.import_button.clicked.connect(lambda: self.show_page("import"))
        self.lock_button.clicked.connect(self.lock)
        self.settings_button.clicked.connect(self.open_settings)
        self._wire_pages()
        self.setTabOrder(self.search_field, self.import_button)
        self.setTabOrder(self.import_button, self.settings_button)
        self.setTabOrder(self.settings_button, self.lock_button)
        self.setTabOrder(self.lock_button, self.vault_button)
        self.setTabOrder(self.vault_button, self.sidebar)

    def _wire_pages(self) -> None:
        overview, search, imp, audit = (
            self.page[n] for n in ("overview", "search", "import", "audit")
        )
        if hasattr(overview, "category_requested"):
            overview.category_requested.connect(self.show_category)
        if hasattr(overview, "import_requested"):
            overview.import_requested.connect(lambda: self.show_page("import"))
        if hasattr(search, "record_requested"):
            search.record_requested.connect(self.show_category)
        if hasattr(imp, "import_finished"):
            imp.import_finished.connect(lambda _result: self.ctx.data_changed.emit())
        if hasattr(imp, "sample_requested") and hasattr(imp, "import_sample"):
            # "Try with sample data" opens a separate throw-away vault (never the user's).
            try:
                imp.sample_requested.disconnect(imp.import_sample)
            except (RuntimeError, TypeError):
                log.debug("the import page's sample button was not connected")
            imp.sample_requested.connect(self._sample_button)
        if hasattr(imp, "overview_requested"):
            imp.overview_requested.connect(lambda: self.sidebar.select(OVERVIEW))
        if hasattr(audit, "finished_audit"):
            audit.finished_audit.connect(lambda: self.sidebar.select(CHOICES))
        if hasattr(audit, "audit_mode_changed"):
            audit.audit_mode_changed.connect(self.set_audit_mode)

    @Slot(bool)
    def set_audit_mode(self, active: bool) -> None:
        """During a guided audit only the audit and Lock are in reach: the sidebar, search,
        Import, Settings and the section shortcuts wait until it is paused or done."""
        for widget in (self.sidebar_panel, self.search_field, self.import_button):
            widget.setEnabled(not active)
        self.settings_button.setEnabled(not active)
        for name, sc in self.shortcuts.items():
            if name != "lock":
                sc.setEnabled(not active)

    def _build_shortcuts(self) -> None:
        def shortcut(seq: QKeySequence | QKeySequence.StandardKey | str, slot: Any) -> QShortcut:
            sc = QShortcut(QKeySequence(seq), self)
            sc.setContext(Qt.ShortcutContext.WindowShortcut)
            sc.activated.connect(slot)
            return sc

        self.shortcuts = {
            "find": shortcut(QKeySequence.StandardKey.Find, self.focus_search),
            "import": shortcut("Ctrl+I", lambda: self._if_unlocked(self.show_page, "import")),
            "lock": shortcut("Ctrl+L", self.lock),
        }
        for n in range(1, len(SECTION_SHORTCUTS) + 1):
            self.shortcuts[f"section{n}"] = shortcut(
                f"Ctrl+{n}", lambda n=n: self._if_unlocked(self.go_to_section, n)
            )

    def retranslate(self) -> None:
        self.unsaved_code_notice.setText(
            self.tr(
                "Your vault was re-encrypted, but Plainview locked before you confirmed that "
                "you saved the new recovery code, so that code is gone. Your old recovery code "
                "no longer works either. To get a recovery code that works, open Settings "
                "(Ctrl+9) and choose “Re-encrypt with a new key…” again."
            )
        )
        self.unsaved_code_notice.setAccessibleName(self.tr("Your recovery code was not saved"))
        self.search_field.setPlaceholderText(self.tr("Search everything…  (Ctrl+F)"))
        self.search_field.setToolTip(
            self.tr("Search everything (Ctrl+F); %1 shows the results page").replace(
                "%1", shortcut_text(8)
            )
        )
        self.search_field.setAccessibleName(self.tr("Search everything"))
        self.import_button.setText(self.tr("Import"))
        self.import_button.setToolTip(
            self.tr("Import a TikTok export (Ctrl+I or %1)").replace("%1", shortcut_text(7))
        )
        self.import_button.setAccessibleName(self.tr("Import"))
        self.lock_button.setText(self.tr("Lock"))
        self.lock_button.setToolTip(self.tr("Lock Plainview now (Ctrl+L)"))
        self.lock_button.setAccessibleName(self.tr("Lock"))
        self.settings_button.setText(self.tr("Settings"))
        self.settings_button.setToolTip(
            self.tr("Language, appearance, auto-lock (%1)").replace("%1", shortcut_text(9))
        )
        self.settings_button.setAccessibleName(self.tr("Settings"))
        keys = self.tr(
            "Shortcuts: %1 Overview, %2 Most sensitive, %3 Sensitive, %4 Less sensitive, "
            "%5 My choices, %6 Guided audit, %7 Import, %8 Search, %9 Settings."
        )
        for n in range(1, len(SECTION_SHORTCUTS) + 1):
            keys = keys.replace(f"%{n}", shortcut_text(n))
        self.sidebar.setAccessibleDescription(keys)
        self.sidebar.pinned.setAccessibleDescription(keys)
        self.title.setAccessibleName(APP_NAME)
        self.pages.setAccessibleName(self.tr("Page"))
        self.root.setAccessibleName(APP_NAME)
        self.sample_notice.setText(
            self.tr(
                "Sample data: you are looking at a made-up TikTok export in a throw-away vault. "
                "Nothing here is yours, and it is deleted when you leave it."
            )
        )
        self.sample_notice.setAccessibleName(self.tr("Sample data"))
        self.first_run_other.setText(self.tr("Open &another vault…"))
        self.first_run_other.setAccessibleName(self.tr("Open another vault"))
        self.first_run_sample.setText(self.tr("Try with &sample data first"))
        self.first_run_sample.setAccessibleName(self.tr("Try with sample data first"))
        self.first_run_sample.setToolTip(
            self.tr(
                "Look around in a throw-away vault with a made-up export; no vault is made here"
            )
        )
        self.leave_sample_button.setText(self.tr("&Leave the sample"))
        self.leave_sample_button.setAccessibleName(self.tr("Leave the sample"))
        self.vault_button.setAccessibleName(self.tr("Vault"))
        self.vault_button.setToolTip(self.tr("Switch vault, see its imports, or delete it"))
        self._update_vault_label()

    # -- states ------------------------------------------------------------------------
    @property
    def state(self) -> str:
        """``"first_run"``, ``"locked"`` or ``"unlocked"``."""
        current = self.root.currentWidget()
        if current is self.first_run_box:
            return "first_run"
        if current is self.chooser:
            return "choosing"
        return "locked" if current is self.unlock_page else "unlocked"

    @property
    def in_sample(self) -> bool:
        """The throw-away sample vault is open."""
        return self._sample_dir is not None

    def show_start(self) -> None:
        """The chooser when no vault folder is chosen, else unlock (or first run)."""
        from plainview.vault import Vault

        vault_dir = self.ctx.vault_dir
        if vault_dir is None:
            self.show_chooser()
            return
        exists = Vault.exists(vault_dir)
        found = self.known.find(vault_dir)
        self.unlock_page.set_vault_label(display_label(found, self.tr) if found else None)
        self.root.setCurrentWidget(self.unlock_page if exists else self.first_run_box)
        self._update_vault_label()

    # -- vaults ------------------------------------------------------------------------
    @Slot()
    def show_chooser(self) -> None:
        """The list of vaults (locks the open one first)."""
        if self.state == "first_run":
            self.first_run.clear()  # a vault made but its recovery code not confirmed: locked
        if self.ctx.is_unlocked:
            self.lock()
        self.chooser.refresh()
        if self.ctx.vault_dir is not None:
            self.chooser.select(self.ctx.vault_dir)
        self.root.setCurrentWidget(self.chooser)
        self.chooser.list.setFocus()

    @Slot(Path)
    def open_vault_dir(self, path: Path) -> None:
        """Switch to the vault in ``path``: the open one is locked, its passphrase asked."""
        if self.ctx.is_unlocked:
            self.lock()
        self.ctx.vault_dir = Path(path)
        self.known.last = Path(path)
        self.unlock_page.clear()
        self.show_start()
        if not self._ever_unlocked and self.state == "locked":
            self.unlock_page.unlock_remembered()

    @Slot(Path, str)
    def start_new_vault(self, path: Path, label: str) -> None:
        """First run in ``path``; the label is remembered once the vault exists."""
        if self.ctx.is_unlocked:
            self.lock()
        self.ctx.vault_dir = Path(path)
        self._new_label = label
        self.first_run.clear()
        self.root.setCurrentWidget(self.first_run_box)

    @Slot()
    def _on_vault_created(self) -> None:
        if self.ctx.vault_dir is not None and not self.in_sample:
            self.known.add(self.ctx.vault_dir, self._new_label or "")
            self.known.last = self.ctx.vault_dir
        self._new_label = None
        self._update_vault_label()
        self.show_page("import")

    def _remember_open_vault(self) -> None:
        folder = self.ctx.vault_dir
        if folder is None or self.in_sample:
            return
        if self.known.find(folder) is None:
            self.known.add(folder, "")
        self.known.last = folder

    def _update_vault_label(self) -> None:
        if self.in_sample:
            text = self.tr("Sample data")
        else:
            found = self.known.find(self.ctx.vault_dir) if self.ctx.vault_dir else None
            text = display_label(found, self.tr) if found else self.tr("My vault")
        self.vault_button.setText(self.tr("Vault: %1").replace("%1", text))
        title = APP_NAME if not self.in_sample else f"{APP_NAME} — {self.tr('Sample data')}"
        self.setWindowTitle(title)

    @Slot()
    def _fill_vault_menu(self) -> None:
        menu = self.vault_menu
        menu.clear()
        current = self.ctx.vault_dir
        for vault in self.known.all():
            if not vault.exists:
                continue
            action = menu.addAction(display_label(vault, self.tr))
            action.setCheckable(True)
            action.setChecked(not self.in_sample and current is not None and vault.path == current)
            action.setToolTip(str(vault.path))
            action.triggered.connect(lambda _=False, p=vault.path: self._switch_to(p))
        menu.addSeparator()
        menu.addAction(self.tr("&Other vaults…"), self.show_chooser)
        menu.addSeparator()
        imports = menu.addAction(self.tr("&Imports in this vault…"), self.open_imports)
        imports.setEnabled(self.ctx.is_unlocked)
        if self.in_sample:
            menu.addAction(self.tr("&Leave the sample"), self.leave_sample)
        else:
            menu.addAction(self.tr("Try with &sample data"), self.open_sample)
            delete = menu.addAction(self.tr("&Delete this vault…"), self.delete_vault)
            delete.setEnabled(self.ctx.is_unlocked)

    def _switch_to(self, path: Path) -> None:
        if not self.in_sample and self.ctx.vault_dir == path and self.ctx.is_unlocked:
            return
        if self.in_sample:
            self.leave_sample()
        self.open_vault_dir(path)

    @Slot()
    def open_imports(self) -> None:
        if not self.ctx.is_unlocked:
            return
        from plainview.ui.vault_dialogs import ImportsDialog

        dialog = ImportsDialog(self.ctx, self)
        dialog.import_removed.connect(lambda _id: self.ctx.data_changed.emit())
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    def ask_delete_vault(self, label: str, folder: str) -> bool:
        """Test seam: the typed confirmation (``DeleteVaultDialog``)."""
        from plainview.ui.vault_dialogs import DeleteVaultDialog

        dialog = DeleteVaultDialog(label, folder, self)
        return dialog.exec() == QDialog.DialogCode.Accepted

    @Slot()
    def delete_vault(self) -> None:
        """Delete the open vault for good, after the typed confirmation."""
        if not self.ctx.is_unlocked or self.in_sample or self.ctx.vault_dir is None:
            return
        folder = self.ctx.vault_dir
        found = self.known.find(folder)
        label = display_label(found, self.tr) if found else self.tr("My vault")
        if not self.ask_delete_vault(label, str(folder)):
            return
        from plainview.vault import lifecycle

        for handle in tasks.running():
            handle.cancel()
        tasks.wait_for_all(10_000)
        try:
            lifecycle.destroy(self.ctx.vault)
        except PlainviewError as exc:
            from PySide6.QtWidgets import QMessageBox

            QMessageBox.warning(self, self.tr("The vault was not deleted"), exc.message)
            return
        self.known.remove(folder)
        others = [v for v in self.known.all() if v.exists]
        self.ctx.vault_dir = None if others else folder
        self.ctx.lock()  # -> _on_locked -> show_start
        self.chooser.set_notice(self.tr("The vault “%1” was deleted.").replace("%1", label))
        if others:
            self.show_chooser()

    # -- the throw-away sample vault -------------------------------------------------------
    @Slot()
    def _sample_button(self) -> None:
        if self.in_sample:
            imp = self.page["import"]
            imp.import_sample()  # type: ignore[attr-defined]
        else:
            self.open_sample()

    @Slot()
    def open_sample(self) -> None:
        """Lock the user's vault (untouched) and open sample data in a new throw-away vault."""
        if self.in_sample:
            return
        from plainview.ui.sample_vault import create_sample_vault

        if self.state == "first_run":
            self.first_run.clear()
        if self.ctx.is_unlocked:
            self.lock()
        tasks.run_task(create_sample_vault, on_done=self._sample_made)

    def _sample_made(self, made: Any, error: BaseException | None) -> None:
        if error is not None:
            if not isinstance(error, PlainviewError):
                raise error
            log.warning("could not make the sample vault (%s)", type(error).__name__)
            return
        vault, folder = made
        if self.ctx.is_unlocked:  # the user unlocked something meanwhile: keep that
            from plainview.ui.sample_vault import discard_sample

            vault.lock()
            discard_sample(folder)
            return
        self._home_dir = self.ctx.vault_dir
        self._sample_dir = folder
        self.ctx.vault_dir = folder
        self.sample_bar.show()
        self.ctx.set_vault(vault)  # -> _on_unlocked
        self.show_page("import")
        imp = self.page["import"]
        if hasattr(imp, "import_sample"):
            imp.import_sample()

    @Slot()
    def leave_sample(self) -> None:
        """Close and delete the sample vault; back to the user's own (locked) vault."""
        if not self.in_sample:
            return
        self.lock()
        if self.in_sample:  # locked already (nothing was open): discard here
            self._discard_sample()
            self.show_start()

    def _discard_sample(self) -> None:
        from plainview.ui.sample_vault import discard_sample

        folder, self._sample_dir = self._sample_dir, None
        self.ctx.vault_dir = self._home_dir
        self._home_dir = None
        self.sample_bar.hide()
        if folder is not None:
            tasks.wait_for_all(10_000)
            discard_sample(folder)
        self._update_vault_label()

    def _if_unlocked(self, fn: Any, *args: Any) -> None:
        if self.ctx.is_unlocked and self.state == "unlocked":
            fn(*args)

    @Slot()
    def _on_unlocked(self) -> None:
        from plainview.ui.settings_dialog import default_policy

        try:
            self.ctx.set_policy(default_policy(self.ctx))
        except PlainviewError:
            log.warning("could not read the saved policy choice")
        self._ever_unlocked = True
        self._remember_open_vault()
        self._update_vault_label()
        self.root.setCurrentWidget(self.workspace)
        self._dirty = set(self.page)
        self.refresh_sidebar()
        self.check_recovery_code_saved()
        self.idle.start()
        self.sidebar.select(OVERVIEW)
        self._refresh_current()

    @Slot()
    def _on_data_changed(self) -> None:
        if not self.ctx.is_unlocked:
            return
        self._dirty = set(self.page)
        self.refresh_sidebar()
        self._refresh_current()

    @Slot()
    def check_recovery_code_saved(self) -> None:
        """Show the notice while a re-encryption's new recovery code is unconfirmed."""
        from plainview.ui.rekey_dialog import UNSAVED_CODE

        unsaved = False
        if self.ctx.is_unlocked:
            try:
                unsaved = bool(self.ctx.vault.get_setting(UNSAVED_CODE, False))
            except PlainviewError:
                log.warning("could not read whether the recovery code was saved")
        self.unsaved_code_notice.setVisible(unsaved)

    def refresh_sidebar(self) -> None:
        if not self.ctx.is_unlocked:
            return
        if self._loading:
            self._reload_sidebar = True  # the counts changed while loading: load again after
            return
        self._loading = True
        self._reload_sidebar = False
        tasks.run_task(load_sidebar_data, self.ctx.vault, on_done=self._sidebar_loaded)

    def _sidebar_loaded(self, data: Any, error: BaseException | None) -> None:
        self._loading = False
        if not self.ctx.is_unlocked:
            return
        if self._reload_sidebar:
            self.refresh_sidebar()
            return
        if error is not None:
            log.warning("could not load the sidebar counts (%s)", type(error).__name__)
            return
        self.sidebar.set_data(data)

    @Slot()
    def lock(self) -> None:
        if self.state != "unlocked" and not self.ctx.is_unlocked:
            return
        for handle in tasks.running():
            handle.cancel()
        self.ctx.lock()  # emits locked -> _on_locked

    @Slot()
    def _on_locked(self) -> None:
        self.idle.stop()
        for dialog in self.findChildren(QDialog):
            dialog.reject()
        for page in self.page.values():
            page.clear()  # type: ignore[attr-defined]
        self.sidebar.clear_data()
        self.first_run.clear()
        self.search_field.clear()
        self.unsaved_code_notice.hide()
        QPixmapCache.clear()
        clipboard.clear_if_ours()
        self.unlock_page.clear()
        if self.in_sample:
            self._discard_sample()
        self.show_start()

    # -- navigation ----------------------------------------------------------------------
    def show_page(self, name: str) -> None:
        page = self.page[name]
        self.pages.setCurrentWidget(page)
        if name in ("search", "import"):
            self.sidebar.deselect()
        if name in self._dirty and self.ctx.is_unlocked:
            self._dirty.discard(name)
            page.refresh()  # type: ignore[attr-defined]

    def _refresh_current(self) -> None:
        for name, page in self.page.items():
            if page is self.pages.currentWidget() and name in self._dirty:
                self._dirty.discard(name)
                page.refresh()  # type: ignore[attr-defined]

    @Slot(str)
    def _on_section(self, key: str) -> None:
        if key == OVERVIEW:
            self.show_page("overview")
        elif key == CHOICES:
            self.show_page("choices")
        elif key == AUDIT:
            self.show_page("audit")
        elif key.startswith("category:"):
            self.show_category(key.removeprefix("category:"))

    def go_to_section(self, number: int) -> None:
        """Ctrl+``number``: see ``SECTION_SHORTCUTS``."""
        if not 1 <= number <= len(SECTION_SHORTCUTS):
            return
        target = SECTION_SHORTCUTS[number - 1]
        if target == "import":
            self.show_page("import")
        elif target == "search":
            self.show_page("search")
            self.focus_search()
        elif target == "settings":
            self.open_settings()
        else:
            self.sidebar.select_section(number)

    def show_category(self, category: str, record_id: int | None = None) -> None:
        page = self.page["category"]
        self.show_page("category")
        if hasattr(page, "show_category"):
            page.show_category(category, record_id)
        item = self.sidebar.item_for(f"category:{category}")
        if item is not None and self.sidebar.currentItem() is not item:
            self.sidebar.blockSignals(True)
            self.sidebar.setCurrentItem(item)
            self.sidebar.blockSignals(False)

    @Slot()
    def focus_search(self) -> None:
        if self.state == "unlocked":
            self.search_field.setFocus(Qt.FocusReason.ShortcutFocusReason)
            self.search_field.selectAll()

    @Slot()
    def _search(self) -> None:
        text = self.search_field.text().strip()
        page = self.page["search"]
        self.show_page("search")
        for name in ("search", "set_query", "run_query"):
            method = getattr(page, name, None)
            if callable(method):
                method(text)
                break

    @Slot()
    def open_settings(self) -> None:
        if self.state != "unlocked":
            return
        from plainview.ui.settings_dialog import SettingsDialog

        dialog = SettingsDialog(self.ctx, self)
        dialog.auto_lock_changed.connect(self._on_auto_lock_changed)
        dialog.imports_requested.connect(dialog.accept)
        dialog.imports_requested.connect(self.open_imports)
        dialog.delete_vault_requested.connect(dialog.accept)
        dialog.delete_vault_requested.connect(self.delete_vault)
        dialog.finished.connect(self.check_recovery_code_saved)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    @Slot(int)
    def _on_auto_lock_changed(self, minutes: int) -> None:
        self.idle.set_minutes(minutes)
        if self.ctx.is_unlocked:
            self.idle.start()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            self.lock_button.setIcon(lock_icon())
            self.settings_button.setIcon(gear_icon())

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.ctx.prefs is not None:
            self.ctx.prefs.geometry = self.saveGeometry()
        self.first_run.clear()  # a vault created but not yet confirmed is locked too
        if self.in_sample:
            for handle in tasks.running():
                handle.cancel()
            self.lock()  # -> _on_locked deletes the sample vault
        super().closeEvent(event)
