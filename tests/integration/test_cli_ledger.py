"""CLI: every export of data is in the consent ledger; another platform's export is named."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from plainview.cli import main
from plainview.importers import run_import
from plainview.sharing import choices
from plainview.vault import KdfParams, Vault
from tests.fixtures.other_exports import LAYOUTS, write_zip
from tests.fixtures.tiktok_export import build_export

PASS = "correct horse battery staple"


@pytest.fixture
def cli_vault(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "vault"
    vault, _ = Vault.create(folder, PASS, kdf=KdfParams.floor())
    run_import(vault, build_export("v2").write_zip(tmp_path / "TikTok_Data_1.zip"), isolate=False)
    choices.set_share(vault, "tiktok.logins", "anonymized")
    vault.lock()
    monkeypatch.setenv("PLAINVIEW_PASSPHRASE", PASS)
    monkeypatch.delenv("PLAINVIEW_LANG", raising=False)
    return folder


def run(folder: Path, *args: str) -> int:
    return main(["--vault", str(folder), *args])


def _exports(folder: Path, capsys: pytest.CaptureFixture[str]) -> list[dict[str, Any]]:
    capsys.readouterr()
    assert run(folder, "choices", "--json") == 0
    ledger = json.loads(capsys.readouterr().out)["ledger"]
    return [e for e in ledger if e["kind"] == "export"]


def test_share_report_and_export_are_recorded(
    cli_vault: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert _exports(cli_vault, capsys) == []
    share = tmp_path / "to-study.zip"
    assert (
        run(
            cli_vault,
            "share",
            "--out",
            str(share),
            "--recipient",
            "Data study 2026",
            "--purpose",
            "research on ad targeting",
        )
        == 0
    )
    assert run(cli_vault, "report", "--out", str(tmp_path / "r.html")) == 0
    assert run(cli_vault, "export", "--out", str(tmp_path / "all.json")) == 0
    entries = _exports(cli_vault, capsys)
    assert [e["subject"] for e in entries] == ["share_package", "report", "export"]
    first, second, third = entries
    assert first["new"] == "to-study.zip: tiktok.logins (anonymized)"
    assert first["recipient"] == "Data study 2026"
    assert first["purpose"] == "research on ad targeting"
    assert first["at"].endswith("Z") and first["old"] is None
    assert second["new"] == "r.html: tiktok.logins (anonymized)"
    assert second["recipient"] is None and second["purpose"] is None
    assert third["new"].startswith("all.json: everything (")
    # and in plain text
    assert run(cli_vault, "choices") == 0
    out = capsys.readouterr().out
    assert (
        "share_package: to-study.zip: tiktok.logins (anonymized), to Data study 2026, "
        "for research on ad targeting"
    ) in out


def test_another_platform_is_named_with_exit_4(
    cli_vault: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for name, layout, members in LAYOUTS:
        capsys.readouterr()
        path = write_zip(tmp_path / f"{layout.replace(' ', '-')}.zip", members)
        assert run(cli_vault, "import", str(path)) == 4, layout
        err = capsys.readouterr().err
        lines = err.splitlines()
        assert lines[0] == (
            f"error: This is an export from {name}. Plainview reads TikTok exports only for "
            f"now: {name} is not supported yet, so nothing was imported."
        )
        assert lines[1].startswith(f"hint: Keep this {name} archive")
        assert "Traceback" not in err and "TikTok data in this export" not in err
    vault = Vault.open(cli_vault, PASS)
    try:
        assert [i.status for i in vault.imports()] == ["complete"]
    finally:
        vault.lock()
