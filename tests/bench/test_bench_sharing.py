"""Benchmark (make bench): share package and report over 200,000 records.

Prints wall time, records per second and the Python heap peak while writing (streaming keeps
it flat: the records are never held in a list).
"""

from __future__ import annotations

import time
import tracemalloc
import zipfile
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

from plainview.model import Record
from plainview.sharing import choices, package, report
from plainview.vault import KdfParams, Vault

N = 200_000


def _records() -> Iterator[Record]:
    t0 = datetime(2024, 1, 1, tzinfo=UTC)
    for i in range(N):
        at = t0 + timedelta(minutes=i)
        yield Record(
            "tiktok.watch_history",
            at,
            {
                "Date": at.strftime("%Y-%m-%d %H:%M:%S"),
                "Link": f"https://www.tiktokv.com/share/video/{7 * 10**18 + i}/",
            },
            "user_data_tiktok.json:Your Activity/Watch History/VideoList",
        )


def test_bench_share_package_and_report(tmp_path: Path) -> None:
    vault, _ = Vault.create(tmp_path / "vault", "bench", KdfParams.floor())
    try:
        import_id = vault.begin_import("tiktok", "json", "v2", "bench.zip", "fp", None)
        vault.add_records(import_id, _records())
        vault.finish_import(import_id, "complete", {})
        for level in ("shared", "anonymized"):
            choices.set_share(vault, "tiktok.watch_history", level)
            out = tmp_path / f"{level}.zip"
            started = time.perf_counter()
            package.build_share_package(vault, out)
            wall = time.perf_counter() - started
            # heap peak measured in a second run: tracemalloc slows allocation-heavy code
            tracemalloc.start()
            package.build_share_package(vault, out)
            _, peak = tracemalloc.get_traced_memory()
            tracemalloc.stop()
            with zipfile.ZipFile(out) as zf:
                assert zf.read("data/tiktok.watch_history.json").count(b"\n") >= N
            print(
                f"\nshare package ({level}, {N:,} records): {wall:.1f} s, "
                f"{N / wall:,.0f} records/s, Python heap peak {peak / 1e6:.1f} MB, "
                f"zip {out.stat().st_size / 1e6:.1f} MB"
            )
            assert peak < 50e6  # streamed, not listed
        started = time.perf_counter()
        html = report.audit_report_html(vault, None)
        print(f"report HTML: {time.perf_counter() - started:.2f} s, {len(html) / 1e3:.0f} kB")
    finally:
        vault.lock()
