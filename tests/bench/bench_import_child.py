"""Child process for tests/bench/test_bench_import.py: one measurement, printed as JSON.

python -m tests.bench.bench_import_child import|floor|barest|cli ZIP WORKDIR

Every figure also gives the CPU seconds spent (this process and its children): the machine
is shared, and CPU time is far less noisy than wall time under load.
"""

from __future__ import annotations

import gc
import hashlib
import json
import os
import re
import resource
import subprocess
import sys
import time
import zipfile
from datetime import UTC, datetime
from pathlib import Path

MEMBER = "user_data_tiktok.json"
KEY = "PRAGMA key = \"x'" + "5a" * 32 + "'\""


def _reset_peak_rss() -> None:
    """Start the peak-RSS count afresh (Linux: writing 5 to clear_refs resets VmHWM).

    Creating the vault runs Argon2id, whose memory would otherwise be the peak and hide
    what the import itself needs.
    """
    Path("/proc/self/clear_refs").write_text("5")


def _rss() -> dict[str, int]:
    """Peak RSS since the last reset (this process) and of the finished worker (children)."""
    status = Path("/proc/self/status").read_text()
    self_kib = int(re.search(r"VmHWM:\s+(\d+)", status).group(1))  # type: ignore[union-attr]
    child_kib = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return {"rss_self_mb": self_kib // 1024, "rss_worker_mb": child_kib // 1024, "cpu": _cpu()}


def _cpu() -> float:
    """CPU seconds (user + system) of this process and its finished children so far."""
    me = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return round(me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime, 2)


def run_import(zip_path: Path, work: Path) -> dict[str, object]:
    from plainview.importers import run_import as do_import
    from plainview.vault import KdfParams, Vault

    vault, _ = Vault.create(work / "vault", "bench", KdfParams.floor())
    _reset_peak_rss()
    cpu0 = _cpu()
    started = time.perf_counter()
    result = do_import(vault, zip_path)
    wall = time.perf_counter() - started
    vault.lock()
    out = {"wall": wall, "records": sum(result.records.values()), **_rss()}
    out["cpu"] = round(float(out["cpu"]) - cpu0, 2)  # type: ignore[arg-type]
    return out


def _connect(path: Path):  # type: ignore[no-untyped-def]
    import sqlcipher3

    from plainview.vault.store import IMPORT_CACHE_KIB

    conn = sqlcipher3.connect(str(path), isolation_level=None)
    conn.execute(KEY)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = FULL")
    conn.execute("PRAGMA temp_store = MEMORY")
    conn.execute(f"PRAGMA cache_size = -{IMPORT_CACHE_KIB}")  # as the vault's import uses
    return conn


def run_floor(zip_path: Path, work: Path) -> dict[str, object]:
    """stdlib json on the same member + bare executemany of the same rows, same schema.

    The cyclic GC is off: a million parsed dicts otherwise trigger long collections, which
    would make the floor slower than it needs to be (and our ratio look better than it is).
    """
    gc.disable()
    from plainview.vault.schema import MIGRATIONS

    conn = _connect(work / "floor.db")
    for _version, sql in MIGRATIONS:
        conn.executescript(sql)
    conn.execute(
        "INSERT INTO imports (id, platform, format, schema, source_name, started_at, status) "
        "VALUES (1, 'tiktok', 'json', 'v2', 'bench.zip', '2026-01-01T00:00:00Z', 'running')"
    )
    _reset_peak_rss()
    started = time.perf_counter()
    with zipfile.ZipFile(zip_path) as zf:
        doc = json.loads(zf.read(MEMBER))
    items = doc["Your Activity"]["Watch History"]["VideoList"]
    path = f"{MEMBER}:Your Activity/Watch History"
    sql = (
        "INSERT OR IGNORE INTO records (id, category, occurred_at, fields, import_id, "
        "source_path, content_hash, occurrence) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
    )
    conn.execute("BEGIN IMMEDIATE")
    rows = []
    for i, item in enumerate(items, 1):
        fields = json.dumps(item, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
        digest = hashlib.sha256(f"tiktok.watch_history\0{fields}".encode()).digest()[:16]
        at = int(datetime.fromisoformat(item["Date"]).replace(tzinfo=UTC).timestamp())
        rows.append((i, "tiktok.watch_history", at, fields, 1, path, digest, 0))
        if len(rows) >= 5000:
            conn.executemany(sql, rows)
            rows = []
    conn.executemany(sql, rows)
    conn.execute("COMMIT")
    wall = time.perf_counter() - started
    return {"wall": wall, "records": len(items), **_rss()}


def run_barest(zip_path: Path, work: Path) -> dict[str, object]:
    """The barest floor (issue 15): stdlib ``json`` loads the member, one ``executemany`` in
    one transaction puts each item into a single plain table
    ``records(id INTEGER PRIMARY KEY, category, occurred_at, fields, path)`` (no other index,
    raw key): the item as ``json.dumps`` gives it, its Date as it stands. GC off, as in the
    floor."""
    gc.disable()
    conn = _connect(work / "barest.db")
    conn.execute(
        "CREATE TABLE records (id INTEGER PRIMARY KEY, category, occurred_at, fields, path)"
    )
    _reset_peak_rss()
    started = time.perf_counter()
    with zipfile.ZipFile(zip_path) as zf:
        doc = json.loads(zf.read(MEMBER))
    items = doc["Your Activity"]["Watch History"]["VideoList"]
    path = f"{MEMBER}:Your Activity/Watch History"
    dumps = json.dumps
    conn.execute("BEGIN IMMEDIATE")
    conn.executemany(
        "INSERT INTO records VALUES (?, ?, ?, ?, ?)",
        (
            (i, "tiktok.watch_history", item["Date"], dumps(item, ensure_ascii=False), path)
            for i, item in enumerate(items, 1)
        ),
    )
    conn.execute("COMMIT")
    wall = time.perf_counter() - started
    return {"wall": wall, "records": len(items), **_rss()}


def run_cli(zip_path: Path, work: Path) -> dict[str, object]:
    """``plainview import`` end to end in its own process, unlocking with the default
    Argon2id (256 MiB): start-up, unlock, import, exit. Peak RSS is the CLI process's (the
    key derivation included) and, separately, its parse worker's."""
    vault = work / "vault"
    env = {
        **os.environ,
        "PLAINVIEW_NEW_PASSPHRASE": "bench",
        "PLAINVIEW_PASSPHRASE": "bench",
        "PLAINVIEW_VAULT": str(vault),
    }
    cmd = [str(Path(sys.executable).parent / "plainview")]
    subprocess.run([*cmd, "init"], env=env, check=True, capture_output=True)  # not timed
    out_file, err_file = work / "out.json", work / "err.txt"
    with out_file.open("wb") as out, err_file.open("wb") as err:
        started = time.perf_counter()
        proc = subprocess.Popen(
            [*cmd, "import", str(zip_path), "--json"], env=env, stdout=out, stderr=err
        )
        # wait4, not wait: its rusage is this one process's (with the worker it reaped), not
        # the largest of every child so far (init ran Argon2id too).
        _pid, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - started
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode:
        raise SystemExit(err_file.read_text(errors="replace"))
    result = json.loads(out_file.read_text())
    return {
        "wall": wall,
        "records": sum(result["records"].values()),
        "rss_self_mb": usage.ru_maxrss // 1024,  # the CLI, or its worker if that was larger
        "rss_worker_mb": 0,
        "cpu": round(usage.ru_utime + usage.ru_stime, 2),
    }


def main() -> None:
    mode, zip_path, work = sys.argv[1], Path(sys.argv[2]), Path(sys.argv[3])
    work.mkdir(parents=True, exist_ok=True)
    fn = {"import": run_import, "floor": run_floor, "barest": run_barest, "cli": run_cli}[mode]
    print(json.dumps(fn(zip_path, work)))


if __name__ == "__main__":
    main()
