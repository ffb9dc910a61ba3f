#!/usr/bin/env python3
"""Screenshots of every main screen for docs/screenshots/ (``make screenshots``).

Builds a vault in a temporary folder from the bundled synthetic sample export
(resources/sample/tiktok-sample.zip), then grabs first run, unlock, overview, a category,
search, import, settings, my choices and the guided audit in light and dark, English and
Simplified Chinese; the overview and a category in an 800x600 window too (``*-small``), and
the overview and a category after switching the language while running
(``live-switch-*``: English → Chinese, then back). Runs offscreen; nothing outside the temp
folder and docs/screenshots/ is touched. Needs a CJK font for the Chinese shots (Debian:
fonts-wqy-microhei).
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from collections.abc import Callable
from importlib.resources import as_file
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "docs" / "screenshots"
PASSPHRASE = "sample passphrase for screenshots 7"  # noqa: S105 (a throwaway temp vault)
SIZE = (1100, 720)
SMALL = (800, 600)  # the smallest window the layouts are made for
CATEGORY = "tiktok.logins"
SEARCH = "Pixel"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument("--only", nargs="*", default=None, help="screen names to grab")
    args = parser.parse_args(argv)

    from PySide6.QtCore import Qt
    from PySide6.QtGui import QFontDatabase, QImage
    from PySide6.QtWidgets import QApplication

    import plainview  # noqa: F401  (installs the PySide6 refcount guard)
    from plainview.app import create_application
    from plainview.importers import run_import
    from plainview.resources import resource
    from plainview.ui import tasks
    from plainview.ui.context import AppContext
    from plainview.ui.first_run_page import FirstRunPage
    from plainview.ui.i18n import Translations
    from plainview.ui.main_window import MainWindow
    from plainview.ui.preferences import Preferences
    from plainview.ui.settings_dialog import SettingsDialog
    from plainview.ui.theme import apply_theme
    from plainview.vault import KdfParams, Vault

    app = create_application(sys.argv[:1])
    assert isinstance(app, QApplication)
    chinese = QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese)
    if not chinese:
        print("warning: no Chinese font installed; zh_CN shots will show boxes", file=sys.stderr)
    args.out.mkdir(parents=True, exist_ok=True)
    FirstRunPage.kdf_params = KdfParams.floor()

    def settle(window: object | None = None, rounds: int = 3) -> None:
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            app.processEvents()
            if tasks.active_tasks() == 0:
                rounds -= 1
                if rounds <= 0:
                    break
            time.sleep(0.02)
        app.processEvents()

    with tempfile.TemporaryDirectory(prefix="plainview-shots-") as tmp:
        tmp_path = Path(tmp)
        sample_vault = tmp_path / "sample-vault"
        vault, _code = Vault.create(sample_vault, PASSPHRASE, KdfParams.floor())
        with as_file(resource("sample", "tiktok-sample.zip")) as sample:
            result = run_import(vault, Path(sample))
        print(f"sample vault: {sum(result.records.values())} records")
        vault.lock()

        saved: list[Path] = []
        for lang in ("en", "zh_CN"):
            for theme in ("light", "dark"):
                prefs = Preferences.at(tmp_path / f"prefs-{lang}-{theme}.ini")
                prefs.theme = theme
                prefs.language = lang

                def shot(name: str, grab: Callable[[], object], *, lang=lang, theme=theme) -> None:
                    if args.only and name not in args.only:
                        return
                    path = args.out / f"{name}-{theme}-{lang}.png"
                    image = grab().toImage()  # type: ignore[attr-defined]
                    # 256 colours are plenty for a UI and make the files about 5x smaller.
                    small = image.convertToFormat(
                        QImage.Format.Format_Indexed8,
                        Qt.ImageConversionFlag.ThresholdDither | Qt.ImageConversionFlag.AutoColor,
                    )
                    small.save(str(path), "PNG", 9)
                    saved.append(path)

                apply_theme(app, theme)
                # First run, on a folder with no vault yet.
                ctx = AppContext(lang, vault_dir=tmp_path / f"new-{lang}-{theme}", prefs=prefs)
                translations = Translations(ctx)
                window = MainWindow(ctx)
                window.resize(*SIZE)
                window.show()
                page = window.first_run
                page._pass1.setText("lantern orbit")
                settle()
                shot("first-run", window.grab)
                if not args.only or "recovery-code" in args.only:
                    page._pass1.setText(PASSPHRASE)
                    page._pass2.setText(PASSPHRASE)
                    page._start_create()
                    deadline = time.monotonic() + 30
                    while not page.on_code_step and time.monotonic() < deadline:
                        settle(rounds=1)
                    shot("recovery-code", window.grab)
                    page.clear()
                window.close()
                window.deleteLater()

                # Unlock, then the workspace, on the sample vault.
                ctx = AppContext(lang, vault_dir=sample_vault, prefs=prefs)
                translations.deleteLater()
                translations = Translations(ctx)
                window = MainWindow(ctx)
                window.resize(*SIZE)
                window.show()
                settle()
                shot("unlock", window.grab)
                ctx.set_vault(Vault.open(sample_vault, PASSPHRASE))
                settle()
                shot("overview", window.grab)
                window.show_category(CATEGORY)
                settle()
                shot("category", window.grab)
                # a small window: the explanation above the data, then folded away
                window.resize(*SMALL)
                settle()
                shot("category-small", window.grab)
                page = window.page["category"]
                page.set_explanation_shown(False)
                settle()
                shot("category-small-folded", window.grab)
                page.set_explanation_shown(True)
                window.show_page("overview")
                settle()
                shot("overview-small", window.grab)
                window.resize(*SIZE)
                window.show_category(CATEGORY)
                settle()
                window.search_field.setText(SEARCH)
                window._search()
                settle()
                shot("search", window.grab)
                window.show_page("import")
                settle()
                shot("import", window.grab)
                window.sidebar.select("choices")
                settle()
                shot("choices", window.grab)
                window.sidebar.select("audit")
                settle()
                shot("audit", window.grab)
                dialog = SettingsDialog(ctx, window)
                dialog.show()
                settle()
                shot("settings", dialog.grab)
                dialog.close()
                tasks.wait_for_all(10_000)
                settle()
                if lang == "en":
                    # switched live (as Settings does), then back: every page rebuilt
                    for live in ("zh_CN", "en"):
                        ctx.set_language(live)
                        window.show_page("overview")
                        settle()
                        shot("live-switch-overview", window.grab, lang=live)
                        window.show_category(CATEGORY)
                        settle()
                        shot("live-switch-category", window.grab, lang=live)
                ctx.lock()
                window.close()
                window.deleteLater()
                translations.install("en")
                translations.deleteLater()
                settle()
        apply_theme(app, "system")
    total = sum(p.stat().st_size for p in saved)
    print(f"{len(saved)} screenshots in {args.out} ({total / 1e6:.1f} MB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
