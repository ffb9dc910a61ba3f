"""Every control on the sharing screens has an accessible name and takes keyboard focus."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QProgressBar,
    QWidget,
)

from plainview.ui.audit_wizard import AuditWizard
from plainview.ui.choices_page import ChoicesPage
from plainview.ui.letters_dialog import LettersDialog
from plainview.ui.share_preview_dialog import SharePreviewDialog

CONTROLS = (QAbstractButton, QLineEdit, QPlainTextEdit, QComboBox, QAbstractItemView, QProgressBar)


def _unnamed(root: QWidget) -> list[str]:
    missing = []
    for w in root.findChildren(QWidget):
        if isinstance(w, CONTROLS) and w.parent() is not None:
            if type(w).__name__ in ("QScrollBar", "QHeaderView") or w.objectName().startswith(
                "qt_"
            ):
                continue
            if isinstance(w, QAbstractButton) and w.parent().inherits("QHeaderView"):
                continue
            if isinstance(w, QAbstractButton) and w.parent().inherits("QLineEdit"):
                continue  # the line edit's own clear button
            if isinstance(w, QAbstractButton) and w.parent().inherits("QTableView"):
                continue  # the table's corner button
            if not w.accessibleName().strip():
                missing.append(f"{type(w).__name__} {w.text() if hasattr(w, 'text') else ''}")
    return missing


@pytest.mark.parametrize("cls", [ChoicesPage, AuditWizard, SharePreviewDialog, LettersDialog])
def test_every_control_has_an_accessible_name(qtbot: Any, sharing_ctx: Any, cls: Any) -> None:
    widget = cls(sharing_ctx)
    qtbot.addWidget(widget)
    assert _unnamed(widget) == []
    for w in widget.findChildren(QAbstractButton):
        parent = w.parent()
        if (
            parent is not None
            and not parent.inherits("QAbstractItemView")
            and not (parent.inherits("QLineEdit"))
        ):
            assert w.focusPolicy() & Qt.FocusPolicy.TabFocus, w.text()
    if hasattr(widget, "retranslate"):
        sharing_ctx.set_language("zh_CN")
        assert _unnamed(widget) == []
    from plainview.ui import tasks

    tasks.wait_for_all(10_000)
