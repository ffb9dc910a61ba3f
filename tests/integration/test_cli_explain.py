"""``plainview explain`` through a real subprocess, for every generated export fixture."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from plainview.importers import run_import
from plainview.model import Record
from plainview.vault import KdfParams, Vault
from tests.fixtures.plugin_catalog import fill_vault
from tests.fixtures.tiktok_export import build_export

PASS = "explain test passphrase ✓"
FIXTURES = [
    ("v1_oldest", "json", "en"),
    ("v1", "json", "en"),
    ("v2", "json", "en"),
    ("v3", "json", "en"),
    ("v1", "txt", "en"),
    ("v2", "txt", "nl"),
    ("v3", "txt", "en"),
]


def run(vault: Path, *args: str, passphrase: str | None = PASS) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("PLAINVIEW_")}
    if passphrase is not None:
        env["PLAINVIEW_PASSPHRASE"] = passphrase
    return subprocess.run(
        [sys.executable, "-m", "plainview", "--vault", str(vault), "explain", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        stdin=subprocess.DEVNULL,
        env=env,
        timeout=120,
        check=False,
    )


def _vault(tmp_path: Path) -> tuple[Path, Any]:
    folder = tmp_path / "vault"
    folder.mkdir()
    vault, _code = Vault.create(folder, PASS, kdf=KdfParams.floor())
    return folder, vault


@pytest.mark.parametrize(("generation", "fmt", "lang"), FIXTURES)
def test_explain_each_fixture(tmp_path: Path, generation: str, fmt: str, lang: str) -> None:
    export = build_export(generation, fmt=fmt, lang=lang)
    folder, vault = _vault(tmp_path)
    run_import(vault, export.write_zip(tmp_path / "TikTok_Data_1.zip"))
    vault.lock()
    logins = export.expected["tiktok.logins"]

    res = run(folder, "tiktok.logins")
    assert res.returncode == 0, res.stderr
    out = res.stdout
    assert out.startswith("Login history  (tiktok.logins)")
    for heading in (
        "What this is",
        "Why TikTok says it collects it",
        "Who it is shared with",
        "How long it is kept",
        "What you can do",
        "From your data",
    ):
        assert f"\n{heading}\n" in out
    assert "Sensitivity: high" in out
    assert "Legal basis: In the EEA policy:" in out  # policy EEA: account region FR or default
    assert "https://www.tiktok.com/legal/page/eea/privacy-policy/en" in out
    assert f"You logged in {logins} times from " in out
    if generation == "v3" and fmt == "json":
        assert "(chosen from your account region, FR)" in out
    else:
        assert "(the default; your export does not say your region)" in out

    res = run(folder, "tiktok.settings", "--lang", "zh_CN")
    assert res.returncode == 0, res.stderr
    assert res.stdout.startswith("设置  (tiktok.settings)")
    assert "来自你的数据" in res.stdout
    assert "“Personalized Ads: On”" in res.stdout


def test_empty_missing_and_policy_setting(tmp_path: Path) -> None:
    folder, vault = _vault(tmp_path)
    when = datetime(2024, 5, 1, tzinfo=UTC)
    fill_vault(
        vault,
        [Record("tiktok.likes", when, {"date": "2024-05-01 00:00:00", "link": "x"}, "x:Likes")],
        [
            ("Your Activity/Like List", "tiktok.likes", "imported", 1),
            ("Your Activity/Reposts", "tiktok.reposts", "empty", 0),
            ("TikTok Shop", "tiktok.shop", "missing", 0),
        ],
    )
    vault.set_setting("policy", "us")
    vault.lock()

    res = run(folder, "tiktok.reposts")
    assert res.returncode == 0, res.stderr
    assert "TikTok's export had this section, but it was empty." in res.stdout
    assert "Policy used: TikTok U.S. Privacy Policy, last updated 15 July 2026" in res.stdout
    assert "(chosen in Plainview's settings)" in res.stdout
    assert "Legal basis:" not in res.stdout  # only the EEA policy states legal bases

    res = run(folder, "tiktok.shop", "--lang", "zh_CN")
    assert res.returncode == 0, res.stderr
    assert "这次的导出文件没有包含这部分。" in res.stdout

    res = run(folder, "tiktok.likes")
    assert "TikTok's export holds 1 item in this category." in res.stdout


def test_before_any_import(tmp_path: Path) -> None:
    folder, vault = _vault(tmp_path)
    vault.lock()
    res = run(folder, "tiktok.unrecognized")
    assert res.returncode == 0, res.stderr
    assert "Not recognised  (tiktok.unrecognized)" in res.stdout
    assert "Plainview has no data yet." in res.stdout


def test_usage_errors_come_before_the_passphrase(tmp_path: Path) -> None:
    folder, vault = _vault(tmp_path)
    vault.lock()
    res = run(folder, "tiktok.nope", passphrase=None)
    assert res.returncode == 2
    assert res.stderr.startswith("error: unknown category 'tiktok.nope'")
    assert "tiktok.searches" in res.stderr and "tiktok.unrecognized" in res.stderr
    res = run(folder, "tiktok.likes", "--lang", "fr", passphrase=None)
    assert res.returncode == 2
    assert "available: en, zh_CN" in res.stderr
    res = run(folder, "tiktok.likes", passphrase="wrong passphrase")
    assert res.returncode == 3
    assert res.stdout == ""


def test_policy_option_and_json_shape(tmp_path: Path) -> None:
    folder, vault = _vault(tmp_path)
    when = datetime(2024, 5, 1, tzinfo=UTC)
    fill_vault(
        vault,
        [Record("tiktok.logins", when, {"Date": "2024-05-01 00:00:00", "IP": "10.0.0.1"}, "x:L")],
        [("Your Activity/Login History", "tiktok.logins", "imported", 1)],
    )
    vault.set_setting("policy", "row")
    vault.lock()

    res = run(folder, "tiktok.direct_messages", "--policy", "us", "--json")
    assert res.returncode == 0, res.stderr
    data = json.loads(res.stdout)
    for key in (
        "category",
        "title",
        "policy",
        "what",
        "why",
        "shared_with",
        "retention",
        "control",
        "sensitivity",
        "facts",
    ):
        assert key in data, key
    assert data["category"] == "tiktok.direct_messages"
    assert data["policy"]["region"] == "us"  # --policy beats the saved "row"
    assert data["policy"]["name"] == "TikTok U.S. Privacy Policy"
    assert data["policy"]["date"] == "15 July 2026"
    assert data["policy"]["chosen_by"] == "option"
    assert data["sensitivity"] == "high"
    assert isinstance(data["facts"], list) and data["facts"]
    for p in data["why"]:
        assert set(p) >= {"purpose", "text", "quote", "source", "legal_basis", "reading"}
        assert set(p["source"]) >= {"title", "url", "region"}
        assert p["reading"] in ("stated", "ours")
        assert p["legal_basis"] is None  # legal bases are the EEA policy's
        assert p["fact_ids"]
    own = [p for p in data["why"] if p["source"]["region"] == "us"]
    borrowed = [p for p in data["why"] if p["source"]["region"] == "eea"]
    assert own and all(p["label"] is None for p in own)
    label = (
        "The U.S. policy says nothing specific here. The text that follows is from the EEA policy."
    )
    assert borrowed and all(p["label"] == label for p in borrowed)
    assert "The U.S. policy says nothing specific here." in data["shared_with"]

    res = run(folder, "tiktok.direct_messages")  # the saved choice again, as text
    assert res.returncode == 0, res.stderr
    assert "Policy used: TikTok Privacy Policy for other regions" in res.stdout
    assert "(chosen in Plainview's settings)" in res.stdout
    assert "The policy for other regions says nothing specific here." in res.stdout

    res = run(folder, "tiktok.watch_history", "--policy", "eea")
    assert res.returncode == 0, res.stderr
    assert "(chosen with --policy for this command)" in res.stdout
    assert "Legal basis: In the EEA policy:" in res.stdout
    assert "Policy entry: “Contractual Necessity › Personalise features and content”" in res.stdout
    assert "Reading: ours." in res.stdout
    assert "says nothing specific here" not in res.stdout

    res = run(folder, "tiktok.likes", "--policy", "mars", passphrase=None)
    assert res.returncode == 2
    assert "invalid choice: 'mars'" in res.stderr
