"""Child process for tests/bench/test_bench_import.py: one measurement, printed as JSON.

python -m tests.bench.bench_import_child import|floor|barest ZIP WORKDIR
"""

from __future__ import annotations

import gc
import hashlib
import json
import re
import resource
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
    return {"rss_self_mb": self_kib // 1024, "rss_worker_mb": child_kib // 1024}


def run_import(zip_path: Path, work: Path) -> dict[str, object]:
    from plainview.importers import run_import as do_import
    from plainview.vault import KdfParams, Vault

    vault, _ = Vault.create(work / "vault", "bench", KdfParams.floor())
    _reset_peak_rss()
    started = time.perf_counter()
    result = do_import(vault, zip_path)
    wall = time.perf_counter() - started
    vault.lock()
    return {"wall": wall, "records": sum(result.records.values()), **_rss()}


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
    """stdlib json + one row per item into a single plain table (GC off, as in the floor)."""
    gc.disable()
    conn = _connect(work / "barest.db")
    conn.execute("CREATE TABLE t (date TEXT, link TEXT)")
    _reset_peak_rss()
    started = time.perf_counter()
    with zipfile.ZipFile(zip_path) as zf:
        doc = json.loads(zf.read(MEMBER))
    items = doc["Your Activity"]["Watch History"]["VideoList"]
    conn.execute("BEGIN IMMEDIATE")
    conn.executemany("INSERT INTO t VALUES (?, ?)", ((i["Date"], i["Link"]) for i in items))
    conn.execute("COMMIT")
    wall = time.perf_counter() - started
    return {"wall": wall, "records": len(items), **_rss()}


def main() -> None:
    mode, zip_path, work = sys.argv[1], Path(sys.argv[2]), Path(sys.argv[3])
    work.mkdir(parents=True, exist_ok=True)
    fn = {"import": run_import, "floor": run_floor, "barest": run_barest}[mode]
    print(json.dumps(fn(zip_path, work)))


if __name__ == "__main__":
    main()
