#!/usr/bin/env python3
"""Screenshots of every main screen for docs/screenshots/ (``make screenshots``).

Builds a vault in a temporary folder from the bundled synthetic sample export
(resources/sample/tiktok-sample.zip), then grabs every main screen and dialog (the shot()
calls below) in light and dark, English and Simplified Chinese (the overview and a category
also in an 800x600 window, ``*-small``, and after a live language switch, ``live-switch-*``). Runs
offscreen; nothing outside the temp folder and docs/screenshots/ is touched. Drawn with the font
the app ships only (fontconfig sees no system font, as in the test suite), so the shots look the
same on every machine and Chinese never shows as boxes.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
import zipfile
from collections.abc import Callable
from importlib.resources import as_file
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parent.parent
os.environ.setdefault("FONTCONFIG_FILE", str(ROOT / "tests" / "fontconfig" / "fonts.conf"))
OUT = ROOT / "docs" / "screenshots"
PASSPHRASE = "sample passphrase for screenshots 7"  # noqa: S105 (a throwaway temp vault)
SIZE = (1100, 720)
SMALL = (800, 600)  # the smallest window the layouts are made for
CATEGORY = "tiktok.logins"
MESSAGES = "tiktok.direct_messages"  # the record view and the conversations
SEARCH = "Pixel"
#: share levels set once, so the share preview has something to show before and after
SHARES = (("tiktok.searches", "anonymized"), ("tiktok.logins", "anonymized"))
AUDIT_STEP = "tiktok.searches"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument("--only", nargs="*", default=None, help="screen names to grab")
    args = parser.parse_args(argv)

    from PySide6.QtCore import Qt
    from PySide6.QtGui import QImage
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
    from plainview.ui.vault_dialogs import DeleteVaultDialog, ImportsDialog
    from plainview.vault import KdfParams, Vault

    app = create_application(sys.argv[:1])
    assert isinstance(app, QApplication)
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
        from plainview.sharing import choices as choices_mod

        for category, level in SHARES:
            choices_mod.set_share(vault, category, level)
        vault.lock()
        participant_vault = tmp_path / "participant-07"
        other_vault, _code = Vault.create(participant_vault, PASSPHRASE, KdfParams.floor())
        other_vault.lock()

        def wait_for(condition: Callable[[], bool]) -> None:
            deadline = time.monotonic() + 60
            while not condition() and time.monotonic() < deadline:
                settle(rounds=1)
            settle()

        other = tmp_path / "twitter-archive.zip"
        with zipfile.ZipFile(other, "w") as zf:
            zf.writestr("Your archive.html", "<html></html>")
            zf.writestr("data/tweets.js", "window.YTD.tweets.part0 = []")

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
                if not args.only or "unlock-error" in args.only:
                    window.unlock_page._passphrase.setText("not the passphrase")
                    window.unlock_page.unlock()
                    wait_for(lambda w=window: bool(w.unlock_page.message))
                    shot("unlock-error", window.grab)
                    window.unlock_page.clear()
                window.known.add(sample_vault, "Me" if lang == "en" else "我")
                window.known.add(
                    participant_vault, "Participant 07" if lang == "en" else "参与者 07"
                )
                window.show_chooser()
                settle()
                shot("vault-chooser", window.grab)
                window.open_vault_dir(sample_vault)
                ctx.set_vault(Vault.open(sample_vault, PASSPHRASE))
                settle()
                shot("overview", window.grab)
                window.show_category(CATEGORY)
                settle()
                shot("category", window.grab)
                # one record in full, and the direct messages as conversations
                category_page = window.page["category"]
                window.show_category(MESSAGES)
                settle()
                category_page.table.setCurrentIndex(category_page.model.index(0, 0))
                record = category_page.open_record(0)
                settle()
                if record is not None:
                    shot("record", record.grab)
                    record.close()
                category_page.view_toggle.setChecked(True)
                settle()
                shot("conversations", window.grab)
                category_page.view_toggle.setChecked(False)
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
                imp = window.page["import"]
                imp.last_result, imp._source = result, Path("TikTok_Data_sample.zip")
                imp._outcome_kind = "done"
                imp._show_outcome()
                settle()
                imp._scroll_to_outcome()
                settle()
                shot("import-result", window.grab)
                imp.start_import(other)
                deadline = time.monotonic() + 30
                while imp.is_importing() and time.monotonic() < deadline:
                    settle(rounds=1)
                shot("import-unsupported", window.grab)
                window.sidebar.select("choices")
                settle()
                shot("choices", window.grab)
                window.sidebar.select("audit")
                settle()
                shot("audit", window.grab)
                wizard = window.page["audit"]
                wizard.start_new()
                settle()
                while wizard.steps[wizard.position].subject != AUDIT_STEP:
                    wizard.next()
                settle()
                shot("audit-step", window.grab)
                while wizard.steps[wizard.position].kind != "purpose":
                    wizard.next()
                settle()
                shot("audit-purpose", window.grab)
                while wizard.stack.currentWidget() is not wizard.done_page:
                    wizard.next()
                settle()
                shot("audit-done", window.grab)
                wizard.done()
                settle()
                from plainview.ui.share_preview_dialog import SharePreviewDialog

                preview = SharePreviewDialog(ctx, window)
                preview.resize(900, 680)
                preview.show()
                settle()
                for row, item in enumerate(preview.plan.items if preview.plan else ()):
                    preview.table.setCurrentCell(row, 0)
                    settle()
                    shot(f"share-preview-{item.category.split('.')[-1]}", preview.grab)
                preview.close()
                dialog = SettingsDialog(ctx, window)
                dialog.show()
                settle()
                shot("settings", dialog.grab)
                dialog.close()
                imports = ImportsDialog(ctx, window)
                imports.show()
                wait_for(lambda d=imports: d.tree.topLevelItemCount() > 0)
                shot("imports", imports.grab)
                imports.close()
                delete = DeleteVaultDialog(
                    window.vault_button.text().split(": ", 1)[-1], str(sample_vault), window
                )
                delete.field.setText(delete.word)
                delete.show()
                settle()
                shot("delete-vault", delete.grab)
                delete.close()
                if not args.only or "sample-vault" in args.only:
                    imp = window.page["import"]
                    done: list[object] = []
                    imp.import_finished.connect(done.append)  # type: ignore[attr-defined]
                    window.open_sample()
                    wait_for(lambda d=done: bool(d))
                    window.show_page("overview")
                    settle()
                    shot("sample-vault", window.grab)
                    window.leave_sample()
                    settle()
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
