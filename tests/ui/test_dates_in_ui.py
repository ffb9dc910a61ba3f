"""The one date style per language on screens: rows, overview, consent record."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from typing import Any

from PySide6.QtCore import QLocale

from plainview.ui.choices_page import ChoicesPage
from plainview.ui.overview_page import format_date as overview_date
from plainview.ui.records_model import local_time_text
from plainview.vault import lifecycle

WHEN = datetime(2026, 3, 14, 12, 0, tzinfo=UTC)


def test_rows_and_overview_use_the_one_style() -> None:
    en, zh = QLocale("en_US"), QLocale("zh_CN")
    # Not Qt's "3/14/26 12:00 PM" / "2026/3/14 12:00" short formats.
    assert re.fullmatch(r"1[34] March 2026, \d\d:\d\d", local_time_text(WHEN, en))
    assert re.fullmatch(r"2026年3月1[34]日 \d\d:\d\d", local_time_text(WHEN, zh))
    assert overview_date(WHEN, en) in ("13 March 2026", "14 March 2026", "15 March 2026")
    assert overview_date(WHEN, zh).startswith("2026年3月1")


def test_consent_record_shows_a_removed_import(qtbot: Any, sharing_ctx: Any) -> None:
    vault = sharing_ctx.vault
    iid = vault.begin_import("tiktok", "json", "v3", "extra.zip")
    vault.finish_import(iid, "complete", {})
    lifecycle.forget_import(vault, iid)
    page = ChoicesPage(sharing_ctx)
    qtbot.addWidget(page)
    with qtbot.waitSignal(page.loaded, timeout=10_000):
        page.refresh()
    model = page.ledger_model
    assert model.index(0, 1).data() == f"Import {iid} (TikTok)"
    assert (model.index(0, 2).data(), model.index(0, 3).data()) == ("In the vault", "Removed")
    assert re.fullmatch(r"\d{1,2} [A-Z][a-z]+ 20\d\d, \d\d:\d\d", model.index(0, 0).data())


def test_conversations_and_audit_samples_use_the_one_date_style(qapp) -> None:
    from datetime import UTC, datetime

    from PySide6.QtCore import QLocale

    from plainview.sharing.samples import SampleRow
    from plainview.ui import audit_wizard, conversation_view

    noon = datetime(2026, 2, 18, 12, 0, tzinfo=UTC)  # the same day in every zone
    assert conversation_view._day_text(noon, QLocale("en_US")) == "18 February 2026"
    assert conversation_view._day_text(noon, QLocale("zh_CN")) == "2026年2月18日"
    row = SampleRow(noon, (), day_only=True)
    assert audit_wizard.sample_time(QLocale("en_US"), row) == "18 February 2026"
