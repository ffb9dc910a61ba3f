"""Layouts hold with long (German-like) strings: no button narrower than its text."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, QTranslator
from PySide6.QtWidgets import QAbstractButton, QLabel

from plainview.ui.audit_wizard import AuditWizard
from plainview.ui.choices_page import ChoicesPage

CONTEXTS = {"ChoicesPage", "ChoicesModel", "LedgerModel", "AuditWizard"}


class LongTranslator(QTranslator):
    """Every sharing string made much longer, keeping mnemonics."""

    def translate(
        self, context: str, source: str, disambiguation: str | None = None, n: int = -1
    ) -> str | None:
        if context not in CONTEXTS or not source.strip():
            return None
        return source + " Datenschutzeinstellungsübersicht"


@pytest.fixture
def long_strings(qapp: Any) -> Iterator[None]:
    tr = LongTranslator()
    QCoreApplication.installTranslator(tr)
    yield
    QCoreApplication.removeTranslator(tr)


@pytest.mark.parametrize("cls", [ChoicesPage, AuditWizard])
def test_buttons_and_labels_fit_long_strings(
    qtbot: Any, sharing_ctx: Any, long_strings: None, cls: Any
) -> None:
    widget = cls(sharing_ctx)
    qtbot.addWidget(widget)
    widget.retranslate()
    if isinstance(widget, AuditWizard):
        widget.start_new()
    widget.resize(widget.minimumSizeHint())
    widget.show()
    qtbot.waitExposed(widget)
    checked = 0
    for button in widget.findChildren(QAbstractButton):
        if button.isVisible() and button.text():
            assert "Datenschutz" in button.text()
            assert button.width() >= button.sizeHint().width() - 1, button.text()
            checked += 1
    assert checked >= 4
    for label in widget.findChildren(QLabel):
        if label.isVisible() and not label.wordWrap() and label.text():
            assert label.width() >= label.sizeHint().width() - 1, label.text()
