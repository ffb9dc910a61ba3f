"""CLI: choices [--json] / choices set, share --out, report --out, over a real import."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path
from typing import Any

import pytest

from plainview.cli import main
from plainview.importers import run_import
from plainview.model import TIKTOK_CATEGORIES
from plainview.vault import KdfParams, Vault
from tests.fixtures.tiktok_export import build_export

PASS = "correct horse battery staple"


@pytest.fixture
def cli_vault(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, list[str]]:
    """A vault folder with the synthetic v3 export imported; returns (folder, markers)."""
    folder = tmp_path / "vault"
    vault, _ = Vault.create(folder, PASS, kdf=KdfParams.floor())
    export = build_export("v3")
    run_import(vault, export.write_zip(tmp_path / "TikTok_Data_1.zip"))
    vault.lock()
    monkeypatch.setenv("PLAINVIEW_PASSPHRASE", PASS)
    monkeypatch.delenv("PLAINVIEW_LANG", raising=False)
    return folder, export.markers


def run(folder: Path, *args: str) -> int:
    return main(["--vault", str(folder), *args])


def test_choices_json_shape(cli_vault: Any, capsys: pytest.CaptureFixture[str]) -> None:
    folder, _ = cli_vault
    assert run(folder, "choices", "--json") == 0
    data = json.loads(capsys.readouterr().out)
    assert set(data) >= {"choices", "ledger"}
    assert [c["category"] for c in data["choices"]] == list(TIKTOK_CATEGORIES)
    for c in data["choices"]:
        assert set(c) >= {"category", "share", "updated_at"}
        assert c["share"] == "private" and c["updated_at"] is None
    assert data["ledger"] == []

    assert run(folder, "choices", "set", "tiktok.searches", "anonymized") == 0
    assert "tiktok.searches: anonymized" in capsys.readouterr().out
    assert run(folder, "choices", "--json") == 0
    data = json.loads(capsys.readouterr().out)
    searches = next(c for c in data["choices"] if c["category"] == "tiktok.searches")
    assert searches["share"] == "anonymized" and searches["updated_at"].endswith("Z")
    assert [(e["subject"], e["old"], e["new"]) for e in data["ledger"]] == [
        ("tiktok.searches", "private", "anonymized")
    ]
    assert run(folder, "choices") == 0
    assert "consent ledger:" in capsys.readouterr().out


def test_choices_set_refuses_unknown_category_and_level(
    cli_vault: Any, capsys: pytest.CaptureFixture[str]
) -> None:
    folder, _ = cli_vault
    assert run(folder, "choices", "set", "tiktok.nope", "shared") == 2
    assert capsys.readouterr().err.startswith("error: unknown category")
    assert run(folder, "choices", "set", "tiktok.searches", "public") == 2
    assert run(folder, "choices", "--json") == 0
    assert json.loads(capsys.readouterr().out)["ledger"] == []


def test_share_obeys_choices(cli_vault: Any, tmp_path: Path) -> None:
    folder, markers = cli_vault
    assert run(folder, "choices", "set", "tiktok.searches", "shared") == 0
    assert run(folder, "choices", "set", "tiktok.comments", "anonymized") == 0
    out = tmp_path / "pkg.zip"
    assert run(folder, "share", "--out", str(out)) == 0
    with zipfile.ZipFile(out) as zf:
        names = sorted(zf.namelist())
        blob = b"".join(zf.read(n) for n in names)
    assert names == [
        "README.txt",
        "data/tiktok.comments.json",
        "data/tiktok.searches.json",
        "manifest.json",
    ]
    search = [m for m in markers if "search" in m]
    assert search and all(m.encode() in blob for m in search)  # shared: as imported
    others = [m for m in markers if "search" not in m]
    assert others and not any(m.encode() in blob for m in others)
    assert b"tiktok.direct_messages" not in blob


def test_share_and_report_refuse_wrong_extensions(cli_vault: Any, tmp_path: Path) -> None:
    folder, _ = cli_vault
    assert run(folder, "share", "--out", str(tmp_path / "x.tar")) == 2
    assert run(folder, "report", "--out", str(tmp_path / "x.docx")) == 2
    assert list(tmp_path.glob("x.*")) == []


def test_wrong_passphrase_exits_3(cli_vault: Any, tmp_path: Path, monkeypatch: Any) -> None:
    folder, _ = cli_vault
    monkeypatch.setenv("PLAINVIEW_PASSPHRASE", "wrong")
    assert run(folder, "choices", "--json") == 3


def test_choices_survive_a_reimport(cli_vault: Any, tmp_path: Path) -> None:
    folder, _ = cli_vault
    assert run(folder, "choices", "set", "tiktok.likes", "shared") == 0
    vault = Vault.open(folder, PASS)
    try:
        run_import(vault, build_export("v3", seed=1).write_zip(tmp_path / "TikTok_Data_2.zip"))
        from plainview.sharing import choices

        assert choices.get_choices(vault)["tiktok.likes"].share == "shared"
        assert len(choices.ledger(vault)) == 1
    finally:
        vault.lock()
