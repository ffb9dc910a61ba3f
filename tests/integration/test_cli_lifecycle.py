"""`plainview imports`, `forget-import ID` and `destroy` as a user runs them: output, JSON and
exit codes (DESIGN.md: 2 usage, 3 wrong passphrase)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from plainview.vault import KdfParams, Vault
from tests.fixtures.tiktok_export import build_export

PASS = "cli lifecycle passphrase"


def run(vault: Path, *args: str, passphrase: str = PASS) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("PLAINVIEW_")}
    env["PLAINVIEW_PASSPHRASE"] = passphrase
    return subprocess.run(
        [sys.executable, "-m", "plainview", "--vault", str(vault), *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )


@pytest.fixture
def cli_vault(tmp_path: Path) -> Path:
    folder = tmp_path / "vault"
    v, _ = Vault.create(folder, PASS, KdfParams.floor())
    v.lock()
    return folder


def _total(vault: Path) -> int:
    r = run(vault, "summary", "--json")
    assert r.returncode == 0, r.stderr
    return sum(int(c["count"]) for c in json.loads(r.stdout)["categories"])


def test_imports_forget_import_and_the_overlap(cli_vault: Path, tmp_path: Path) -> None:
    export = build_export("v3", seed=21)
    zipped = export.write_zip(tmp_path / "TikTok_Data_1.zip")
    assert run(cli_vault, "import", str(zipped)).returncode == 0
    again = run(cli_vault, "import", str(zipped), "--json")
    assert again.returncode == 0, again.stderr

    listed = run(cli_vault, "imports", "--json")
    assert listed.returncode == 0, listed.stderr
    imports = json.loads(listed.stdout)["imports"]
    assert [(i["platform"], i["status"]) for i in imports] == [("tiktok", "complete")] * 2
    first, second = imports
    assert first["added"] == export.total and first["stored"] == export.total
    assert second["added"] == 0 and second["duplicates"] == export.total
    assert second["stored"] == 0
    assert {"id", "account", "started_at", "finished_at", "records"} <= set(first)
    assert {k: v for k, v in first["categories"].items() if v} == export.expected

    text = run(cli_vault, "imports")
    assert text.returncode == 0 and f"{first['id']:>4}  tiktok" in text.stdout

    # The first import's records are all also in the second: they stay, now with it.
    gone = run(cli_vault, "forget-import", str(first["id"]), "--json")
    assert gone.returncode == 0, gone.stderr
    assert json.loads(gone.stdout) == {
        "import_id": first["id"],
        "platform": "tiktok",
        "removed": 0,
        "kept": export.total,
    }
    assert _total(cli_vault) == export.total

    gone = run(cli_vault, "forget-import", str(second["id"]))
    assert gone.returncode == 0, gone.stderr
    assert f"{export.total:,} records deleted" in gone.stdout
    assert _total(cli_vault) == 0
    left = json.loads(run(cli_vault, "imports", "--json").stdout)["imports"]
    assert left == []

    ledger = json.loads(run(cli_vault, "choices", "--json").stdout)["ledger"]
    assert [(e["kind"], e["subject"], e["new"]) for e in ledger] == [
        ("import", str(first["id"]), "forgotten"),
        ("import", str(second["id"]), "forgotten"),
    ]


def test_forget_unknown_import_is_a_usage_error(cli_vault: Path) -> None:
    r = run(cli_vault, "forget-import", "42")
    assert r.returncode == 2
    assert r.stderr.startswith("error: ") and "42" in r.stderr
    r = run(cli_vault, "forget-import", "forty-two")
    assert r.returncode == 2


def test_forget_import_wrong_passphrase_exit_3(cli_vault: Path) -> None:
    r = run(cli_vault, "forget-import", "1", passphrase="not it")
    assert r.returncode == 3
    assert "Traceback" not in r.stderr


def test_destroy_asks_for_the_passphrase(cli_vault: Path) -> None:
    (cli_vault / "kept.txt").write_text("not Plainview's")
    wrong = run(cli_vault, "destroy", passphrase="not it")
    assert wrong.returncode == 3
    assert Vault.exists(cli_vault)

    done = run(cli_vault, "destroy")
    assert done.returncode == 0, done.stderr
    assert "was deleted" in done.stdout
    assert not Vault.exists(cli_vault)
    assert sorted(p.name for p in cli_vault.iterdir()) == ["kept.txt"]

    again = run(cli_vault, "destroy")
    assert again.returncode == 2
    assert again.stderr.startswith("error: There is no vault")
