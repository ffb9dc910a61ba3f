"""The CLI as a user runs it: import / summary / export / search, JSON shapes and exit codes."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from plainview.model import TIKTOK_CATEGORIES
from plainview.vault import KdfParams, Vault
from tests.fixtures.tiktok_export import GENERATIONS, build_export
from tests.unit.importers.hostile import (
    MARKER,
    deep_json,
    huge_integer,
    syntax_error_with_marker,
    truncated_zip,
    zip_bomb,
)

PASS = "cli test passphrase"


def run(vault: Path, *args: str, passphrase: str = PASS) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, PLAINVIEW_PASSPHRASE=passphrase)
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


CASES = [(g, "json", "en", "bom,doubled,wrapper,macosx") for g in GENERATIONS] + [
    (g, "txt", lang, "crlf,bom,wrapper,macosx") for g in GENERATIONS for lang in ("en", "nl")
]


@pytest.mark.parametrize(("generation", "fmt", "lang", "variant"), CASES)
def test_plainview_import_gives_exact_counts_for_every_generated_case(
    cli_vault: Path, tmp_path: Path, generation: str, fmt: str, lang: str, variant: str
) -> None:
    """`plainview import --json`, run as a user runs it, on every generation and format."""
    export = build_export(generation, fmt=fmt, lang=lang, variant=variant, seed=13)
    r = run(cli_vault, "import", str(export.write_zip(tmp_path / "export.zip")), "--json")
    assert r.returncode == 0, r.stderr
    data = json.loads(r.stdout)
    assert {k: v for k, v in data["records"].items() if v} == export.expected
    assert data["added"] == export.total and data["duplicates"] == 0
    assert data["format"] == fmt
    assert data["schema"] == (generation.replace("_oldest", "") if fmt == "json" else "txt")


def test_import_summary_search_export(cli_vault: Path, tmp_path: Path) -> None:
    export = build_export("v3", seed=11)
    z = export.write_zip(tmp_path / "TikTok_Data_1.zip")

    r = run(cli_vault, "import", str(z), "--json")
    assert r.returncode == 0, r.stderr
    data = json.loads(r.stdout)
    assert {"import_id", "platform", "format", "schema", "records", "added", "duplicates"} <= set(
        data
    )
    assert data["platform"] == "tiktok" and data["format"] == "json" and data["schema"] == "v3"
    assert {k: v for k, v in data["records"].items() if v} == export.expected
    assert data["added"] == export.total and data["duplicates"] == 0
    assert set(data["sections"]) >= {"empty", "unrecognized"}

    again = json.loads(run(cli_vault, "import", str(z), "--json").stdout)
    assert again["added"] == 0 and again["duplicates"] == export.total

    human = run(cli_vault, "import", str(z))
    assert human.returncode == 0 and "Imported" in human.stdout

    s = run(cli_vault, "summary", "--json")
    assert s.returncode == 0, s.stderr
    summary = json.loads(s.stdout)
    ids = [c["id"] for c in summary["categories"]]
    assert ids == list(TIKTOK_CATEGORIES)
    assert all({"id", "title", "count", "share"} <= set(c) for c in summary["categories"])
    counts = {c["id"]: c["count"] for c in summary["categories"] if c["count"]}
    assert counts == export.expected
    assert all(c["share"] == "private" for c in summary["categories"])
    assert [i["status"] for i in summary["imports"]] == ["complete"] * 3
    assert all(
        {"id", "platform", "format", "schema", "records", "status"} <= set(i)
        for i in summary["imports"]
    )
    assert "Your vault holds" in run(cli_vault, "summary").stdout

    marker = next(m for m in export.markers if "search" in m)
    q = run(cli_vault, "search", marker, "--json")
    assert q.returncode == 0, q.stderr
    hits = json.loads(q.stdout)["hits"]
    assert len(hits) == 1
    assert set(hits[0]) >= {"category", "occurred_at", "snippet", "fields"}
    assert hits[0]["category"] == "tiktok.searches" and marker in hits[0]["snippet"]
    assert "Nothing found" in run(cli_vault, "search", "zzzznothingzzzz").stdout

    out = tmp_path / "mine.json"
    e = run(cli_vault, "export", "--out", str(out))
    assert e.returncode == 0, e.stderr
    dump = json.loads(out.read_text(encoding="utf-8"))
    assert dump["format"] == "plainview-export/1"
    assert len(dump["imports"]) == 3
    assert len(dump["records"]) == export.total
    rec = dump["records"][0]
    assert set(rec) == {"category", "occurred_at", "fields", "source"}
    assert set(rec["source"]) == {"import_id", "path"}
    unknown = [r for r in dump["records"] if r["category"] == "tiktok.unrecognized"]
    doc = json.loads(export.files["user_data_tiktok.json"])
    assert unknown[0]["fields"] == doc["Your Activity"]["Future Feature"]
    assert not list(tmp_path.glob(".plainview-export-*"))


def test_wrong_passphrase_exit_3(cli_vault: Path, tmp_path: Path) -> None:
    z = build_export("v2").write_zip(tmp_path / "e.zip")
    for args in (
        ("import", str(z)),
        ("summary",),
        ("search", "x"),
        ("export", "--out", str(tmp_path / "o.json")),
    ):
        r = run(cli_vault, *args, passphrase="wrong")
        assert r.returncode == 3, (args, r.stderr)
        assert r.stderr.startswith("error: ")
        assert "Traceback" not in r.stderr


@pytest.mark.parametrize("make", [deep_json, huge_integer, zip_bomb, truncated_zip])
def test_hostile_exit_4_fast_and_bounded_memory(
    cli_vault: Path, tmp_path: Path, make: object
) -> None:
    bad = make(tmp_path)  # type: ignore[operator]
    before = json.loads(run(cli_vault, "summary", "--json").stdout)
    # run the CLI under an address-space cap, and report the peak RSS of it and its worker
    wrapper = (
        "import resource, subprocess, sys, time\n"
        "cap = 3 * 1024**3\n"
        "def limit():\n"
        "    resource.setrlimit(resource.RLIMIT_AS, (cap, cap))\n"
        "t = time.monotonic()\n"
        "p = subprocess.run(sys.argv[1:], preexec_fn=limit, capture_output=True, text=True)\n"
        "sys.stdout.write(f'{p.returncode} {time.monotonic() - t:.2f} '\n"
        "                 f'{resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss}\\n')\n"
        "sys.stdout.write(p.stderr)\n"
    )
    env = dict(os.environ, PLAINVIEW_PASSPHRASE=PASS)
    out = subprocess.run(
        [
            sys.executable,
            "-c",
            wrapper,
            sys.executable,
            "-m",
            "plainview",
            "--vault",
            str(cli_vault),
            "import",
            str(bad),
        ],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    ).stdout
    first, _, stderr = out.partition("\n")
    code, seconds, maxrss_kib = first.split()
    assert int(code) == 4, stderr
    assert float(seconds) < 20
    assert int(maxrss_kib) < 400 * 1024
    assert stderr.startswith("error: ")
    assert json.loads(run(cli_vault, "summary", "--json").stdout) == before


def test_debug_run_with_parser_errors_leaks_no_marker(cli_vault: Path, tmp_path: Path) -> None:
    bad = syntax_error_with_marker(tmp_path)
    r = run(cli_vault, "--debug", "import", str(bad))
    assert r.returncode == 4
    assert MARKER not in r.stderr and MARKER not in r.stdout
    # a damaged zip whose member names carry the marker (zipfile's messages quote names)
    z = build_export("v2").write_zip(tmp_path / "named.zip")
    raw = bytearray(z.read_bytes())
    inner = raw.replace(b"user_data_tiktok.json", (MARKER + "_tiktok.json").encode()[:21])
    start = raw.find(b"PK\x03\x04") + 30 + 21 + 200
    inner[start] ^= 0xFF  # corrupt the compressed data: CRC or inflate error
    z.write_bytes(bytes(inner))
    r = run(cli_vault, "--debug", "import", str(z))
    assert r.returncode == 4, r.stderr
    assert MARKER[:10] not in r.stderr and MARKER[:10] not in r.stdout


def test_damaged_vault_exit_5(cli_vault: Path, tmp_path: Path) -> None:
    z = build_export("v2").write_zip(tmp_path / "e.zip")
    assert run(cli_vault, "import", str(z)).returncode == 0
    db = cli_vault / "vault.db"
    raw = bytearray(db.read_bytes())
    for offset in range(100, len(raw), 4096):  # one byte in every page
        raw[offset] ^= 0x55
    db.write_bytes(bytes(raw))
    for args in (
        ("summary", "--json"),
        ("search", "x"),
        ("export", "--out", str(tmp_path / "o.json")),
    ):
        r = run(cli_vault, *args)
        assert r.returncode == 5, (args, r.returncode, r.stderr)
        assert r.stderr.startswith("error: ") and "Traceback" not in r.stderr
