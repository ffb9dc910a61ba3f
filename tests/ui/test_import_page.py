"""The import page with the real importer: success with counts, the bundled sample, cancel
mid-way (vault unchanged), a rejected archive (friendly message, no traceback), the file and
folder choosers through their seams, drag and drop."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent

from plainview.ui.import_page import ImportPage
from plainview.ui.search_page import SearchPage
from tests.fixtures.plugin_pages import unnamed_controls
from tests.fixtures.tiktok_export import big_watch_history_zip, build_export

TIMEOUT = 60_000


def _page(qtbot, ctx) -> ImportPage:
    page = ImportPage(ctx)
    qtbot.addWidget(page)
    page.resize(1000, 900)
    page.show()
    return page


def test_import_shows_what_was_imported(qtbot, pages_ctx, vault, tmp_path):
    export = build_export("v3")
    path = export.write_zip(tmp_path / "user_data_tiktok.zip")
    page = _page(qtbot, pages_ctx)
    with qtbot.waitSignal(page.import_finished, timeout=TIMEOUT) as sig:
        page.start_import(path)
        assert page.is_importing()
        assert page.progress_box.isVisible()
        assert not page.sample_button.isEnabled()
    result = sig.args[0]
    counts = vault.category_counts()
    assert result.added == sum(counts.values()) == export.total
    for category, expected in export.expected.items():
        if expected:
            assert counts[category] == expected
    assert page.outcome_title.text() == "Import finished"
    text = page.outcome.text()
    # what is new is said once, in the first sentence, not on every line
    assert f"<p>{page.locale().toString(result.added)} new records.</p>" in text
    assert text.count(" new") == 1 and "already there" not in text
    watch = pages_ctx.catalog().title("tiktok.watch_history")
    n = page.locale().toString(export.expected["tiktok.watch_history"])
    assert f"<li>{watch}: {n}</li>" in text
    assert page.overview_button.isVisible()
    assert page.overview_button.text() == "See what TikTok &has"
    if result.sections.get("unrecognized"):
        assert "Not recognised, but kept" in text
    assert page.reminder.isVisible()
    assert "still unencrypted" in page.reminder.text()
    assert not page.progress_box.isVisible()
    assert page.sample_button.isEnabled()

    # the same archive again: nothing new
    with qtbot.waitSignal(page.import_finished, timeout=TIMEOUT) as sig:
        page.start_import(path)
    assert sig.args[0].added == 0
    total = page.locale().toString(export.total)
    assert f"Nothing new: all {total} records were already in your vault." in page.outcome.text()
    assert vault.category_counts() == counts


def test_try_with_sample_data(qtbot, pages_ctx, vault):
    page = _page(qtbot, pages_ctx)
    with qtbot.waitSignal(page.import_finished, timeout=TIMEOUT) as sig:
        page.sample_button.click()
    assert sig.args[0].added > 0
    assert sum(vault.category_counts().values()) == sig.args[0].added
    assert not page.reminder.isVisible()  # the sample is not the user's own archive


def test_cancel_leaves_the_vault_unchanged(qtbot, pages_ctx, vault, tmp_path):
    path = big_watch_history_zip(tmp_path / "big.zip", 300_000)
    page = _page(qtbot, pages_ctx)
    finished: list[object] = []
    page.import_finished.connect(finished.append)
    page.start_import(path)
    # past the validation pass (the first quarter): records are being stored
    qtbot.waitUntil(lambda: page.progress.value() > 300, timeout=TIMEOUT)
    qtbot.waitUntil(lambda: page.section_label.text().startswith("Storing"), timeout=TIMEOUT)
    qtbot.waitUntil(lambda: "records stored so far" in page.stored_label.text(), timeout=TIMEOUT)
    page.cancel_button.click()
    qtbot.waitUntil(lambda: not page.is_importing(), timeout=TIMEOUT)
    assert finished == []
    assert page.outcome_title.text() == "Import cancelled. Nothing was changed."
    assert vault.category_counts() == {}
    assert [i.status for i in vault.imports()] == ["cancelled"]


def test_other_pages_stay_usable_while_importing(qtbot, pages_ctx, vault, tmp_path):
    from tests.fixtures.plugin_pages import search_term, seed

    seed(vault, [search_term("sourdough", datetime.now(UTC))])
    path = big_watch_history_zip(tmp_path / "big.zip", 300_000)
    page = _page(qtbot, pages_ctx)
    search = SearchPage(pages_ctx)
    qtbot.addWidget(search)
    page.start_import(path)
    qtbot.waitUntil(lambda: page.progress.value() > 0, timeout=TIMEOUT)
    with qtbot.waitSignal(search.searched, timeout=10_000) as sig:
        search.search("sourdough")
    assert sig.args == [1]
    assert page.is_importing()  # the search answered while the import was still running
    page.cancel_button.click()
    qtbot.waitUntil(lambda: not page.is_importing(), timeout=TIMEOUT)


def test_rejected_archive_gets_a_friendly_message(qtbot, pages_ctx, vault, tmp_path):
    bad = tmp_path / "broken.zip"
    bad.write_bytes(b"this is not a zip archive at all")
    page = _page(qtbot, pages_ctx)
    page.start_import(bad)
    qtbot.waitUntil(lambda: not page.is_importing(), timeout=TIMEOUT)
    assert page.outcome_title.text() == "Plainview could not import this file."
    assert page.last_error.message in page.outcome.text()
    assert "Your vault was left exactly as it was." in page.outcome.text()
    assert not page.details.isVisible()
    page.details_button.click()
    assert page.details.isVisible()
    assert "Traceback" not in page.details.text()
    assert "not a zip archive at all" not in page.details.text()  # no input bytes
    assert page.details.text().startswith("Kind of problem: ArchiveRejected")
    assert vault.category_counts() == {}
    assert vault.imports() == []


def test_choosers_go_through_their_seams(qtbot, pages_ctx, vault, tmp_path, monkeypatch):
    export = build_export("v2")
    zipped = export.write_zip(tmp_path / "a.zip")
    folder = export.write_folder(tmp_path / "folder")
    monkeypatch.setattr(ImportPage, "ask_file", staticmethod(lambda *_a: zipped))
    monkeypatch.setattr(ImportPage, "ask_folder", staticmethod(lambda *_a: folder))
    page = _page(qtbot, pages_ctx)
    with qtbot.waitSignal(page.import_finished, timeout=TIMEOUT):
        page.file_button.click()
    with qtbot.waitSignal(page.import_finished, timeout=TIMEOUT) as sig:
        page.folder_button.click()
    assert sig.args[0].added == 0  # the same export as a folder adds nothing new
    monkeypatch.setattr(ImportPage, "ask_file", staticmethod(lambda *_a: None))
    page.file_button.click()  # the user closed the dialog
    assert not page.is_importing()


def _drop(page: ImportPage, path: Path) -> None:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    event = QDropEvent(
        QPointF(10, 10),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    page.drop_zone.dropEvent(event)


def test_drop_a_zip_or_refuse_other_files(qtbot, pages_ctx, vault, tmp_path):
    path = build_export("v1").write_zip(tmp_path / "x.zip")
    page = _page(qtbot, pages_ctx)
    with qtbot.waitSignal(page.import_finished, timeout=TIMEOUT):
        _drop(page, path)
    picture = tmp_path / "photo.png"
    picture.write_bytes(b"\x89PNG")
    _drop(page, picture)
    assert not page.is_importing()
    assert "one .zip file, one folder" in page.outcome_title.text() + page.outcome.text()
    assert unnamed_controls(page) == []


def test_lock_forgets_the_outcome(qtbot, pages_ctx, vault, tmp_path):
    path = build_export("v3").write_zip(tmp_path / "x.zip")
    page = _page(qtbot, pages_ctx)
    with qtbot.waitSignal(page.import_finished, timeout=TIMEOUT):
        page.start_import(path)
    assert page.outcome_box.isVisible()
    pages_ctx.lock()
    assert not page.outcome_box.isVisible()
    assert page.last_result is None
    assert page.outcome.text() == ""
    assert not page.sample_button.isEnabled()  # nothing to import into while locked


def test_an_internal_error_shows_no_details_of_the_input(qtbot, pages_ctx, vault, monkeypatch):
    import plainview.ui.import_page as import_page

    def broken(*_args, **_kwargs):
        raise RuntimeError("boom at /home/someone/secret-chat.json")

    monkeypatch.setattr(import_page, "_run_import", broken)
    page = _page(qtbot, pages_ctx)
    page.start_import(Path("whatever.zip"))
    qtbot.waitUntil(lambda: not page.is_importing(), timeout=TIMEOUT)
    assert page.outcome_title.text() == "The import did not finish."
    assert "Something went wrong inside Plainview. Nothing was changed." in page.outcome.text()
    page.details_button.click()
    assert page.details.text() == "Kind of problem: RuntimeError"
    assert "secret" not in page.outcome.text() + page.details.text()


def test_progress_names_the_section_with_records_stored_and_time_left(qtbot, pages_ctx):
    """The label while storing: the section, how many records so far, and the time left."""
    clock = [100.0]
    page = _page(qtbot, pages_ctx)
    page.clock = lambda: clock[0]  # type: ignore[method-assign]
    page.progress_box.show()
    page._progressed(0.1, "Watch History", None)  # still checking: nothing stored yet
    assert page.section_label.text() == "Reading: Watch History"
    assert not page.stored_label.isVisible()
    page._progressed(0.25, "", 0)  # storing starts
    assert page.section_label.text() == "Storing your records…"
    assert page.stored_label.text() == "0 records stored so far · working out the time left…"
    clock[0] = 160.0  # a minute later, a third of the storing pass is done
    page._progressed(0.5, "Like List", 12000)
    assert page.section_label.text() == "Storing: Like List"
    n = page.locale().toString(12000)
    assert page.stored_label.text() == f"{n} records stored so far · about 2 min left"
    clock[0] = 215.0
    page._progressed(0.98, "Like List", 30000)
    assert page.stored_label.text().endswith("less than a minute left")


def test_re_import_of_a_newer_export_lists_only_what_is_new_once(qtbot, pages_ctx, vault, tmp_path):
    from plainview.importers.service import ImportResult

    page = _page(qtbot, pages_ctx)
    result = ImportResult(
        import_id=0,
        platform="tiktok",
        format="json",
        schema="v3",
        records={"tiktok.logins": 10, "tiktok.searches": 4},
        added=3,
        duplicates=11,
        added_by_category={"tiktok.logins": 3, "tiktok.searches": 0},
    )
    page.last_result = result
    page._outcome_kind = "done"
    page._show_outcome()
    text = page.outcome.text()
    logins = pages_ctx.catalog().title("tiktok.logins")
    searches = pages_ctx.catalog().title("tiktok.searches")
    assert "3 new records, 11 already in your vault." in text
    assert f"New since your last import: {logins} (3)." in text
    assert f"<li>{searches}: 4</li>" in text and f"{searches} (" not in text


def test_see_what_tiktok_has_opens_the_overview(qtbot, pages_ctx, vault, tmp_path):
    path = build_export("v2").write_zip(tmp_path / "x.zip")
    page = _page(qtbot, pages_ctx)
    with qtbot.waitSignal(page.import_finished, timeout=TIMEOUT):
        page.start_import(path)
    with qtbot.waitSignal(page.overview_requested):
        qtbot.keyClick(page, Qt.Key.Key_H, Qt.KeyboardModifier.AltModifier)


def test_an_export_of_another_platform_is_named_with_what_to_do(qtbot, pages_ctx, vault, tmp_path):
    import zipfile

    path = tmp_path / "twitter-2026-01-02.zip"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("Your archive.html", "<html></html>")
        zf.writestr("data/tweets.js", "window.YTD.tweets.part0 = []")
    page = _page(qtbot, pages_ctx)
    page.start_import(path)
    qtbot.waitUntil(lambda: not page.is_importing(), timeout=TIMEOUT)
    assert page.outcome_title.text() == "This is an export from X (Twitter), not from TikTok."
    text = page.outcome.text()
    assert "X (Twitter) is not supported yet" in text
    assert "Keep this X (Twitter) archive" in text and "Download your data" in text
    assert "could not find TikTok data" not in text
    assert vault.imports() == []
    # in Chinese too
    pages_ctx.set_language("zh_CN")
    assert "暂不支持 X (Twitter)" in page.outcome.text()
