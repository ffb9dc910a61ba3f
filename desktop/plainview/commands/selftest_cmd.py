"""``self-test``: named end-to-end checks of this installation.

Add a check by appending ``(name, function)`` to ``CHECKS``; the function gets an empty
temporary folder and raises (anything) on failure.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import os
import sys
import tempfile
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from plainview.errors import InstallationBroken, PlainviewError
from plainview.vault import KdfParams, Vault, check_sqlcipher_build

if TYPE_CHECKING:
    from plainview.cli import Context

Check = Callable[[Path], None]


def check_sqlcipher(_tmp: Path) -> None:
    check_sqlcipher_build()


def check_vault_roundtrip(tmp: Path) -> None:
    """Create a vault, write and read a setting, lock, unlock, reject a wrong passphrase."""
    folder = tmp / "vault"
    vault, code = Vault.create(folder, "self-test passphrase", kdf=KdfParams.floor())
    vault.set_setting("self-test", {"ok": True})
    vault.lock()
    if not vault.locked:
        raise RuntimeError("the vault did not lock")
    if (folder / "vault.db").read_bytes()[:16] == b"SQLite format 3\0":
        raise RuntimeError("the vault file is not encrypted")
    vault = Vault.open(folder, "self-test passphrase")
    try:
        if vault.get_setting("self-test") != {"ok": True}:
            raise RuntimeError("the vault did not return what was stored")
        vault.verify()
    finally:
        vault.lock()
    try:
        Vault.open(folder, "not the passphrase").lock()
    except PlainviewError as err:
        if err.exit_code != 3:
            raise
    else:
        raise RuntimeError("a wrong passphrase opened the vault")
    Vault.open_with_recovery(folder, code).lock()


def check_default_kdf(_tmp: Path) -> None:
    """Argon2id key derivation is available (it needs OpenSSL >= 3.2)."""
    from plainview.vault.keys import derive_passphrase_key, zero

    zero(derive_passphrase_key("x", b"\0" * 16, KdfParams.floor()))


def _sample_file() -> contextlib.AbstractContextManager[Path]:
    """The bundled sample export as a real file (``importlib.resources.as_file``)."""
    from importlib.resources import as_file

    from plainview.resources import resource

    return as_file(resource("sample", "tiktok-sample.zip"))


def check_import_sample(tmp: Path) -> None:
    """Import the bundled sample export (parser worker included) and search it."""
    from plainview.importers import run_import

    vault, _code = Vault.create(tmp / "vault", "self-test passphrase", kdf=KdfParams.floor())
    try:
        with _sample_file() as sample:
            result = run_import(vault, sample)
        if result.schema != "v3" or result.added < 100:
            raise RuntimeError("the sample export imported incompletely")
        if not vault.search("sourdough"):
            raise RuntimeError("search found nothing in the imported sample")
    finally:
        vault.lock()


CHECKS: list[tuple[str, Check]] = [
    ("sqlcipher build", check_sqlcipher),
    ("argon2id", check_default_kdf),
    ("vault create, unlock, lock", check_vault_roundtrip),
    ("import sample", check_import_sample),
]


def run_checks(checks: list[tuple[str, Check]] | None = None) -> list[tuple[str, str | None]]:
    """Run each check in its own temporary folder: [(name, None | reason)]."""
    results: list[tuple[str, str | None]] = []
    for name, check in checks if checks is not None else CHECKS:
        with tempfile.TemporaryDirectory(prefix="plainview-selftest-") as tmp:
            try:
                check(Path(tmp))
            except PlainviewError as err:
                results.append((name, err.message))
            except Exception as err:  # a failing check must not stop the others
                results.append((name, f"{type(err).__name__}: {err}"))
            else:
                results.append((name, None))
    return results


def cmd_self_test(args: argparse.Namespace, ctx: Context) -> int:
    # Anything a check writes to stderr (Qt warnings, SQLCipher logs, ...) fails that check.
    results = run_checks([(name, without_stderr(check)) for name, check in CHECKS])
    for name, reason in results:
        ctx.print(f"ok {name}" if reason is None else f"FAIL {name}: {reason}")
    return 0 if all(reason is None for _, reason in results) else 1


# -- end-to-end checks of the app's parts ------------------------------------------------------
# explain, share, report, main window (after "import sample" above): each works on the bundled
# synthetic sample in its own temporary folder, so `plainview self-test` inside a packaged app
# proves that the packaged parts (worker process, catalog data, Qt plugins, fonts) fit together.


@contextlib.contextmanager
def _sample_vault(tmp: Path) -> Iterator[Vault]:
    """A fresh vault in ``tmp`` holding the bundled sample export."""
    from plainview.importers import run_import

    vault, _code = Vault.create(tmp / "vault", "self-test passphrase", kdf=KdfParams.floor())
    try:
        with _sample_file() as sample:
            run_import(vault, sample)
        yield vault
    finally:
        vault.lock()


def check_explain(_tmp: Path) -> None:
    """Every category has a plain-language explanation, in English and Simplified Chinese."""
    from plainview.catalog import load_catalog
    from plainview.model import TIKTOK_CATEGORIES

    for lang in ("en", "zh_CN"):
        catalog = load_catalog(lang)
        for category in TIKTOK_CATEGORIES:
            explanation = catalog.explain(category)
            if not (explanation.title and explanation.what and explanation.control):
                raise RuntimeError(f"{category} has no complete explanation ({lang})")


def check_share_package(tmp: Path) -> None:
    """A share package obeys the choices: shared and anonymized in, private absent."""
    from plainview.catalog import load_catalog
    from plainview.sharing.choices import set_share
    from plainview.sharing.package import build_share_package

    out = tmp / "share.zip"
    with _sample_vault(tmp) as vault:
        present = sorted(c for c, n in vault.category_counts().items() if n)
        if len(present) < 3:
            raise RuntimeError("the sample holds too few categories")
        shared, anonymized, private = present[:3]
        set_share(vault, shared, "shared")
        set_share(vault, anonymized, "anonymized")
        build_share_package(vault, out, load_catalog("en"))
    with zipfile.ZipFile(out) as zf:
        names = set(zf.namelist())
        json.loads(zf.read("manifest.json"))
    for category in (shared, anonymized):
        if f"data/{category}.json" not in names:
            raise RuntimeError(f"{category} is missing from the share package")
    if f"data/{private}.json" in names:
        raise RuntimeError("a private category ended up in the share package")


_QT_APP: list[Any] = []


def _qt_app() -> Any:
    """The QApplication for the Qt checks, on the offscreen platform (no window appears)."""
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    if app is None:
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
        app = QApplication(["plainview", "self-test"])
        _QT_APP.append(app)  # kept alive until the process ends
    return app


def check_report(tmp: Path) -> None:
    """The audit report as HTML (English and Chinese) and as PDF."""
    from plainview.catalog import load_catalog
    from plainview.pdf import html_to_pdf
    from plainview.sharing.report import audit_report_html

    _qt_app()
    with _sample_vault(tmp) as vault:
        html = {
            lang: audit_report_html(vault, load_catalog(lang), lang) for lang in ("en", "zh_CN")
        }
    for lang, text in html.items():
        if "<html" not in text or "</html>" not in text:
            raise RuntimeError(f"the {lang} report is not an HTML document")
    pdf = tmp / "report.pdf"
    html_to_pdf(html["en"], pdf)
    data = pdf.read_bytes()
    if not data.startswith(b"%PDF") or len(data) < 1000:
        raise RuntimeError("the PDF report is empty or broken")
    # Chinese is drawn with the bundled font, whatever fonts this machine has.
    html_to_pdf(html["zh_CN"], pdf)
    if b"PlainviewSansSC" not in pdf.read_bytes():
        raise RuntimeError("the Chinese PDF report does not use the bundled font")


def check_main_window(tmp: Path) -> None:
    """The main window builds and paints (offscreen) over an unlocked vault."""
    from plainview.ui.context import AppContext
    from plainview.ui.main_window import MainWindow

    app = _qt_app()
    with _sample_vault(tmp) as vault:
        ctx = AppContext(vault_dir=vault.path)
        window = MainWindow(ctx)
        try:
            ctx.set_vault(vault)
            app.processEvents()
            if window.grab().isNull():
                raise RuntimeError("the main window did not paint")
        finally:
            from plainview.ui import tasks

            tasks.wait_for_all(10_000)  # as the app does before it quits: no worker outlives it
            app.processEvents()
            ctx.lock()
            window.close()
            window.deleteLater()
            app.processEvents()


CHECKS += [
    ("explain", check_explain),
    ("share package", check_share_package),
    ("report", check_report),
    ("main window", check_main_window),
]


def without_stderr(check: Check) -> Check:
    """Run ``check`` with the process's stderr (file descriptor 2) captured: anything written
    there — Qt warnings, SQLCipher logs, Python warnings, a worker process's output — fails
    the check. What was caught is shown again on stderr afterwards."""

    def guarded(tmp: Path) -> None:
        if sys.stderr is not None:
            sys.stderr.flush()
        saved = os.dup(2)
        python_err = io.StringIO()  # Python-level writes, even when sys.stderr is not fd 2
        with tempfile.TemporaryFile() as sink:
            os.dup2(sink.fileno(), 2)
            try:
                with contextlib.redirect_stderr(python_err):
                    check(tmp)
            finally:
                os.dup2(saved, 2)
                os.close(saved)
                sink.seek(0)
                native = sink.read().decode("utf-8", "replace")
                noise = (python_err.getvalue() + native).strip()
                if noise and sys.stderr is not None:
                    sys.stderr.write(noise + "\n")
        if noise:
            first = noise.splitlines()[0][:200]
            raise InstallationBroken(f"unexpected output on stderr: {first}")

    return guarded
