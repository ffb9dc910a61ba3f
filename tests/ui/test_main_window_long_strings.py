"""Layouts survive long (German-like) translations: a pseudo-translation that makes every
string about 60% longer must not squeeze the sidebar or push the window off a laptop screen."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QTranslator

from plainview.ui.main_window import MainWindow
from plainview.ui.settings_dialog import SettingsDialog
from tests.fixtures.plugin_ui import unlock


class LongTranslator(QTranslator):
    def translate(self, context, source, disambiguation=None, n=-1):
        if not source:
            return None
        text = source.replace("%n", str(n)) if n >= 0 else source
        return "Ü" + text + " " + " ".join(["verlängert"] * max(1, len(text) // 16))

    def isEmpty(self):
        return False


def test_long_strings_keep_the_layout_usable(qtbot, shell_vault, shell_ctx):
    translator = LongTranslator()
    QCoreApplication.installTranslator(translator)
    try:
        window = MainWindow(shell_ctx)
        qtbot.addWidget(window)
        window.resize(1100, 720)
        window.show()
        qtbot.waitExposed(window)
        assert window.unlock_page._unlock.text().startswith("Ü")
        assert window.minimumSizeHint().width() <= 1366
        unlock(qtbot, window)
        assert window.sidebar.width() >= 220
        assert window.minimumSizeHint().width() <= 1366
        dialog = SettingsDialog(shell_ctx, window)
        qtbot.addWidget(dialog)
        dialog.show()
        assert dialog.sizeHint().width() <= 1000
    finally:
        QCoreApplication.removeTranslator(translator)
