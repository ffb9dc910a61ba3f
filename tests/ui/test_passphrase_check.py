"""One rule for a new passphrase pair, shared by first run, recovery and change passphrase."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from plainview.ui.context import AppContext
from plainview.ui.passphrase_widgets import MIN_LENGTH, StrengthMeter
from plainview.ui.unlock_page import UnlockPage


def test_check_names_the_first_problem(qtbot: QtBot) -> None:
    meter = StrengthMeter()
    qtbot.addWidget(meter)
    assert meter.check("", "") == ""
    assert str(MIN_LENGTH) in meter.check("abc", "")
    assert "easy to guess" in meter.check("password123", "")
    good = "violet tram forty umbrella"
    assert "not the same" in meter.check(good, good[:-1])
    assert meter.check(good, good) == ""
    assert meter.score >= 3


def test_recovery_form_uses_the_shared_rule(qtbot: QtBot, shell_ctx: AppContext) -> None:
    page = UnlockPage(shell_ctx)
    qtbot.addWidget(page)
    page._new1.setText("violet tram forty umbrella")
    page._new2.setText("violet tram forty")
    assert "not the same" in page._r_problem.text()
