"""Canary scan (SECURITY.md test 1): after an import and lock, no marker is anywhere on disk.

A child process (so its temp folder, config and cache folders are private and known) creates a
vault, imports records full of unique marker strings, searches and sorts them (work that would
spill to temp files if temp_store were FILE), then locks. Every byte of the vault folder, the
temp folder and the config/cache folders is scanned for each marker in UTF-8 and UTF-16LE.
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

PREFIX = "PVCANARY"
N = 4000

CHILD = textwrap.dedent(
    f"""
    import sys
    from pathlib import Path
    from datetime import datetime, timedelta, UTC
    from plainview.model import Record
    from plainview.vault import Vault, KdfParams

    folder = Path(sys.argv[1])
    v, code = Vault.create(folder, "{PREFIX}passphrase", kdf=KdfParams.floor())
    iid = v.begin_import("tiktok", "json", "v2", "{PREFIX}archive.zip", "fp", "{PREFIX}account")
    t0 = datetime(2024, 1, 1, tzinfo=UTC)
    recs = [
        Record(
            "tiktok.direct_messages",
            t0 + timedelta(minutes=i),
            {{"From": "{PREFIX}user%05d" % i, "Content": "{PREFIX}message %05d 你好" % i}},
            "user_data_tiktok.json:Direct Messages/Chat History with {PREFIX}user%05d:" % i,
            "{PREFIX}text%05d {PREFIX}message" % i,
        )
        for i in range({N})
    ]
    v.add_records(iid, recs)
    v.set_sections(iid, [("{PREFIX}section", "tiktok.direct_messages", "imported", {N})])
    v.finish_import(iid, "complete", {{"note": "{PREFIX}result"}})
    v.set_setting("{PREFIX}key", "{PREFIX}value")
    assert len(v.search("{PREFIX}message", limit=10000)) == {N}
    with v.read() as conn:
        rows = conn.execute(
            "SELECT fields FROM records ORDER BY fields DESC, source_path"
        ).fetchall()
        assert len(rows) == {N}
        conn.execute("SELECT DISTINCT source_path FROM records ORDER BY 1").fetchall()
    v.verify()
    v.lock()
    print("done")
    """
)


def scan(folders: list[Path], needles: list[bytes]) -> list[str]:
    hits = []
    for folder in folders:
        for path in folder.rglob("*"):
            if not path.is_file():
                continue
            data = path.read_bytes()
            hits.extend(f"{path.name}: {n!r}" for n in needles if n in data)
    return hits


def needles() -> list[bytes]:
    words = [PREFIX, f"{PREFIX}user00042", "你好"]
    out = []
    for w in words:
        out.append(w.encode("utf-8"))
        out.append(w.encode("utf-16-le"))
    return out


def test_canary_scan_finds_nothing(tmp_path: Path) -> None:
    vault_dir = tmp_path / "vault"
    private = {name: tmp_path / name for name in ("tmp", "config", "cache", "home")}
    for folder in private.values():
        folder.mkdir()
    env = dict(os.environ)
    env.update(
        TMPDIR=str(private["tmp"]),
        SQLITE_TMPDIR=str(private["tmp"]),
        XDG_CONFIG_HOME=str(private["config"]),
        XDG_CACHE_HOME=str(private["cache"]),
        HOME=str(private["home"]),
    )
    done = subprocess.run(
        [sys.executable, "-c", CHILD, str(vault_dir)],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.strip() == "done"
    folders = [vault_dir, *private.values()]
    assert (vault_dir / "vault.db").stat().st_size > 100_000
    assert not (vault_dir / "vault.db").read_bytes().startswith(b"SQLite format 3")
    assert scan(folders, needles()) == []
    # control: the scan does see a marker written in clear, in both encodings
    (private["tmp"] / "control-utf8.txt").write_text(f"x {PREFIX}user00042 你好", "utf-8")
    (private["tmp"] / "control-utf16.txt").write_text(f"x {PREFIX}user00042 你好", "utf-16-le")
    assert len(scan(folders, needles())) == len(needles())
