"""The GUI composition root (vorta's ``__main__`` as model):

freeze support → process hardening → logging → excepthook → QApplication → preferences →
translators → style → AppContext → MainWindow (first run or unlock)."""

from __future__ import annotations

import gc
import logging
import multiprocessing
import sys
import threading
from pathlib import Path
from types import TracebackType
from typing import Any

from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from plainview import APP_ID, APP_NAME, __version__
from plainview.fonts import ensure_bundled_fonts
from plainview.hardening import harden_process
from plainview.resources import resource

log = logging.getLogger("plainview")

#: Seconds a thread may hold the GIL while another waits (Python's default is 0.005). The GUI
#: thread calls into Python for every model ``data()``, delegate paint and slot; each call can
#: wait this long for an importing worker, so a frame that makes dozens of them would stall.
GUI_SWITCH_INTERVAL = 0.001


def settle_gc() -> None:
    """Move everything alive now (Qt modules, widgets, the catalog) to the garbage collector's
    permanent generation. A full collection then walks only what was made later; without this
    one took 30-45 ms during an import, stalling the GUI thread with the worker."""
    gc.collect()
    gc.freeze()


def setup_logging(debug: bool) -> None:
    """Logs go to stderr only and never contain personal data (no log file is written)."""
    logging.basicConfig(
        level=logging.DEBUG if debug else logging.WARNING,
        format="%(levelname)s %(name)s: %(message)s",
        force=True,
    )


def install_excepthook(debug: bool) -> None:
    """Uncaught errors become a plain dialog (details behind "Show Details…")."""

    def hook(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            QApplication.quit()
            return
        # Type only: the message may quote data. The traceback only when debugging.
        log.error(
            "unexpected error: %s",
            exc_type.__name__,
            exc_info=(exc_type, exc, tb) if debug else None,
        )
        if QApplication.instance() is None:
            return
        from plainview.ui.error_dialog import ErrorDialog

        try:
            ErrorDialog.report(exc, tb, debug=debug)
        except Exception:
            log.error("could not show the error dialog")

    def thread_hook(args: threading.ExceptHookArgs) -> None:
        if args.exc_value is not None:
            log.error("unexpected error in a worker thread: %s", args.exc_type.__name__)

    sys.excepthook = hook
    threading.excepthook = thread_hook


def window_icon() -> QIcon:
    icon = QIcon()
    icons = resource("icons")
    svg = icons.joinpath(f"{APP_ID}.svg")
    if svg.is_file():
        with_path = Path(str(svg))
        if with_path.is_file():
            icon.addFile(str(with_path))
    hicolor = icons.joinpath("hicolor")
    if hicolor.is_dir():
        for size_dir in hicolor.iterdir():
            png = size_dir.joinpath("apps", f"{APP_ID}.png")
            if png.is_file() and Path(str(png)).is_file():
                icon.addFile(str(png))
    return icon


def create_application(argv: list[str]) -> QApplication:
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication(argv)
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setDesktopFileName(APP_ID)
    ensure_bundled_fonts()  # before any widget: Chinese must not come out as empty boxes
    icon = window_icon()
    if not icon.isNull():
        app.setWindowIcon(icon)
    return app


def start_folder(vault_dir: Path, known: Any) -> Path | None:
    """Which vault to start with when none was named (``--vault``, ``$PLAINVIEW_VAULT``):
    ``None`` (show the chooser) when this device knows several vaults, else the one it knows,
    else the default folder (first run there)."""
    from plainview.vault import Vault

    if Vault.exists(vault_dir) and known.find(vault_dir) is None:
        known.add(vault_dir, "")
    existing = [v.path for v in known.all() if v.exists]
    if len(existing) > 1:
        return None
    if existing:
        return Path(existing[0])
    return vault_dir


def run_gui(vault_dir: Path, debug: bool = False, *, choose: bool = False) -> int:
    """``choose``: no vault folder was named, so pick one from the known vaults (several:
    the vault chooser comes first)."""
    multiprocessing.freeze_support()
    harden_process()
    setup_logging(debug)
    install_excepthook(debug)
    sys.setswitchinterval(GUI_SWITCH_INTERVAL)
    app = create_application(sys.argv[:1])

    from plainview.ui import tasks
    from plainview.ui.context import AppContext
    from plainview.ui.i18n import Translations, resolve_language
    from plainview.ui.main_window import MainWindow
    from plainview.ui.preferences import Preferences
    from plainview.ui.theme import apply_theme

    prefs = Preferences()
    start: Path | None = vault_dir
    if choose:
        from plainview.ui.known_vaults import KnownVaults

        start = start_folder(vault_dir, KnownVaults(prefs.settings))
    ctx = AppContext(resolve_language(prefs.language), vault_dir=start, prefs=prefs)
    translations = Translations(ctx, app)  # before any screen: it must retranslate first
    apply_theme(app, prefs.theme)
    from plainview.ui import file_dialogs

    file_dialogs.install(app)  # and AppContext.lock clears the history too
    window = MainWindow(ctx)
    window.show()
    if window.state == "locked":
        # "Remember on this device": open without asking when the keyring has the key (only
        # here, at start-up: after a lock the passphrase is asked again). The top bar's Lock
        # button and Ctrl+L lock it as usual.
        window.unlock_page.unlock_remembered()
    settle_gc()
    try:
        return int(app.exec())
    finally:
        tasks.wait_for_all(10_000)  # cancels, then waits for workers to let go of the vault
        if ctx.is_unlocked:
            ctx.lock()
        del translations
