"""The share package preview: exactly what goes in, nothing written before Save."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt

from plainview.sharing import choices
from plainview.ui.share_preview_dialog import SharePreviewDialog


def test_share_preview_then_save_through_the_seam(
    qtbot: Any, sharing_ctx: Any, tmp_path: Path, monkeypatch: Any
) -> None:
    choices.set_share(sharing_ctx.vault, "tiktok.searches", "shared")
    choices.set_share(sharing_ctx.vault, "tiktok.logins", "anonymized")
    out = tmp_path / "share.zip"
    monkeypatch.setattr(SharePreviewDialog, "ask_save_path", lambda _d: str(out))
    dialog = SharePreviewDialog(sharing_ctx)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.preview_loaded, timeout=10_000):
        pass
    assert dialog.table.rowCount() == 2
    assert [dialog.table.item(r, 0).text() for r in range(2)] == ["Searches", "Login history"]
    assert dialog.table.item(1, 1).text() == "Anonymized"
    assert "IP addresses" in dialog.table.item(1, 3).text()
    assert not out.exists()  # nothing written before Save
    with qtbot.waitSignal(dialog.package_saved, timeout=20_000) as saved:
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert saved.args == [str(out)]
    with zipfile.ZipFile(out) as zf:
        manifest = json.loads(zf.read("manifest.json"))
    assert [c["category"] for c in manifest["categories"]] == ["tiktok.searches", "tiktok.logins"]


def test_all_private_preview_says_so(qtbot: Any, sharing_ctx: Any) -> None:
    dialog = SharePreviewDialog(sharing_ctx)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.preview_loaded, timeout=10_000):
        pass
    assert dialog.table.rowCount() == 0
    assert "Every category is private" in dialog.status.text()
    assert dialog.files.text() == "Files: README.txt, manifest.json"


def test_failed_write_is_reported_and_keeps_nothing(
    qtbot: Any, sharing_ctx: Any, tmp_path: Path, monkeypatch: Any
) -> None:
    choices.set_share(sharing_ctx.vault, "tiktok.likes", "shared")
    missing = tmp_path / "no such folder" / "share.zip"
    monkeypatch.setattr(SharePreviewDialog, "ask_save_path", lambda _d: str(missing))
    dialog = SharePreviewDialog(sharing_ctx)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.preview_loaded, timeout=10_000):
        pass
    with qtbot.waitSignal(dialog.failed, timeout=10_000) as failed:
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert "folder" in failed.args[0]
    assert not missing.parent.exists()
    assert dialog.save_button.isEnabled()


def test_lock_forgets_the_preview(qtbot: Any, sharing_ctx: Any) -> None:
    choices.set_share(sharing_ctx.vault, "tiktok.likes", "shared")
    dialog = SharePreviewDialog(sharing_ctx)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.preview_loaded, timeout=10_000):
        pass
    assert dialog.table.rowCount() == 1
    sharing_ctx.lock()
    assert dialog.table.rowCount() == 0 and dialog.plan is None
    assert not dialog.isVisible()
