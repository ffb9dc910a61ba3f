"""Import benchmark (only with --bench): v2 exports with 100,000 and 1,000,000 watch-history
items (and 3,000,000 for memory only).

Prints the import's wall time, CPU seconds and peak RSS (app process and parser worker,
measured in a subprocess; the app's peak is counted from the start of the import, so the key
derivation that opened the vault does not hide it); ``plainview import`` end to end (default
Argon2id unlock, its 256 MiB counted); and two floors measured in the same run: the barest
(issue 15: stdlib ``json``, one plain table ``records(id INTEGER PRIMARY KEY, category,
occurred_at, fields, path)``, one transaction, raw key) and the "same schema" floor (stdlib
``json`` plus a bare ``executemany`` of the same rows into the same tables and indexes).
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.fixtures.tiktok_export import big_watch_history_zip

SIZES = (100_000, 1_000_000)
RSS_ONLY = 3_000_000  # imported once more, for the memory figure only
# This machine is shared: each figure is the best of REPEATS runs, interleaved
# (import, floor, barest, cli, import, ...) so that load from other work hits all of them alike.
REPEATS = 2
MODES = ("import", "floor", "barest", "cli")


def _measure(mode: str, zip_path: Path, work: Path) -> dict[str, float]:
    out = subprocess.run(
        [sys.executable, "-m", "tests.bench.bench_import_child", mode, str(zip_path), str(work)],
        capture_output=True,
        text=True,
        check=True,
        timeout=3600,
        cwd=Path(__file__).resolve().parents[2],
    )
    return json.loads(out.stdout.strip().splitlines()[-1])  # type: ignore[no-any-return]


def _best(runs: list[dict[str, float]]) -> dict[str, float]:
    """Fastest wall time and least CPU; the highest RSS seen (memory is not noisy, keep the
    worst)."""
    best = dict(min(runs, key=lambda r: r["wall"]))
    best["cpu"] = min(r["cpu"] for r in runs)
    for key in ("rss_self_mb", "rss_worker_mb"):
        best[key] = max(r[key] for r in runs)
    return best


def _load() -> str:
    return " ".join(Path("/proc/loadavg").read_text().split()[:3])


def test_bench_import(tmp_path: Path) -> None:
    rows = []
    loads = [_load()]
    for n in SIZES:
        z = big_watch_history_zip(tmp_path / f"export-{n}.zip", n)
        size_mb = z.stat().st_size / 1e6
        runs: dict[str, list[dict[str, float]]] = {m: [] for m in MODES}
        for r in range(REPEATS):
            for mode in MODES:
                runs[mode].append(_measure(mode, z, tmp_path / f"{mode}{n}-{r}"))
        best = {m: _best(runs[m]) for m in MODES}
        assert best["import"]["records"] == n + 1  # + the profile
        assert best["cli"]["records"] == n + 1
        rows.append((n, size_mb, best))
        z.unlink()
        loads.append(_load())
    z = big_watch_history_zip(tmp_path / "export-3m.zip", RSS_ONLY)
    huge = _measure("import", z, tmp_path / "import3m")
    assert huge["records"] == RSS_ONLY + 1
    loads.append(_load())
    print()
    print(f"load average (1/5/15 min) before, after each size: {' | '.join(loads)}")
    print(
        "items      zip MB  import s (cpu)  CLI s (cpu)  floor s (cpu)  barest s (cpu)  "
        "import/barest  CLI/barest  import/floor"
    )
    for n, size_mb, b in rows:
        imp, cli, floor, barest = b["import"], b["cli"], b["floor"], b["barest"]
        print(
            f"{n:>9,}  {size_mb:6.1f}  {imp['wall']:6.2f} ({imp['cpu']:5.1f})  "
            f"{cli['wall']:6.2f} ({cli['cpu']:5.1f})  {floor['wall']:6.2f} ({floor['cpu']:5.1f})  "
            f"{barest['wall']:6.2f} ({barest['cpu']:5.1f})  "
            f"{imp['wall'] / barest['wall']:13.2f}  {cli['wall'] / barest['wall']:10.2f}  "
            f"{imp['wall'] / floor['wall']:12.2f}"
        )
    print("items      RSS app MB  RSS worker MB  RSS CLI MB (Argon2id included)  RSS floor MB")
    for n, _size, b in rows:
        print(
            f"{n:>9,}  {b['import']['rss_self_mb']:10}  {b['import']['rss_worker_mb']:13}  "
            f"{b['cli']['rss_self_mb']:30}  {b['floor']['rss_self_mb']:12}"
        )
    print(f"{RSS_ONLY:>9,}  {huge['rss_self_mb']:10}  {huge['rss_worker_mb']:13}")
    big = rows[-1][2]
    small = rows[0][2]["import"]
    peak = max(
        big["cli"]["rss_self_mb"],
        huge["rss_self_mb"],
        huge["rss_worker_mb"],
        big["import"]["rss_self_mb"],
        big["import"]["rss_worker_mb"],
    )
    print(
        f"targets: import <= 1.5 x barest -> {big['import']['wall'] / big['barest']['wall']:.2f} x"
        f" (CPU {big['import']['cpu'] / big['barest']['cpu']:.2f} x); "
        f"peak RSS <= 400 MB -> {peak} MB; app RSS 100k -> 1M -> 3M: {small['rss_self_mb']} -> "
        f"{big['import']['rss_self_mb']} -> {huge['rss_self_mb']} MB"
    )
    assert peak <= 400
    # Flat: three times the items add at most a few MB (the import's memory does not grow
    # with the export).
    for key in ("rss_self_mb", "rss_worker_mb"):
        assert huge[key] <= big["import"][key] + 12, (key, big["import"][key], huge[key])
    assert huge["rss_worker_mb"] <= small["rss_worker_mb"] + 12


if __name__ == "__main__":  # pragma: no cover
    pytest.main([__file__, "--bench", "-s"])
