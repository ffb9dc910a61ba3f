"""kill -9 during an import (SECURITY.md test 6, the vault's part): after each kill the vault
passes its integrity checks, the import is marked failed and left no records, and running it
again stores exact counts with no duplicates."""

from __future__ import annotations

import random
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from plainview.model import Record
from plainview.vault import KdfParams, Vault

PASS = "kill import"
N = 3000

CHILD = textwrap.dedent(
    f"""
    import sys
    from pathlib import Path
    from plainview.model import Record
    from plainview.vault import Vault
    v = Vault.open(Path(sys.argv[1]), {PASS!r})
    def items():
        for i in range({N}):
            yield Record("tiktok.searches", None, {{"q": "term %d" % (i % 1000)}}, "p", "term")
    while True:
        iid = v.begin_import("tiktok", "json", "v2", "x.zip", None, None)
        print("running", flush=True)
        v.add_records(iid, items(), batch_size=500)
        v.finish_import(iid, "complete", {{}})
        # identical re-imports from here on add nothing: the count must stay exact
    """
)


def _records() -> list[Record]:
    return [
        Record("tiktok.searches", None, {"q": f"term {i % 1000}"}, "p", "term") for i in range(N)
    ]


@pytest.mark.slow
def test_kill_during_import(tmp_path: Path) -> None:
    folder = tmp_path / "vault"
    Vault.create(folder, PASS, kdf=KdfParams.floor())[0].lock()
    rng = random.Random(6)
    completed = failed = 0
    for _ in range(12):
        proc = subprocess.Popen(
            [sys.executable, "-c", CHILD, str(folder)], stdout=subprocess.PIPE, text=True
        )
        assert proc.stdout is not None
        assert proc.stdout.readline().strip() == "running"
        try:
            proc.wait(timeout=rng.uniform(0.0, 0.6))
        except subprocess.TimeoutExpired:
            proc.send_signal(signal.SIGKILL)
        proc.wait()
        proc.stdout.close()
        v = Vault.open(folder, PASS)  # abandons the killed import
        try:
            v.verify()
            rows = v.imports()
            assert all(r.status in ("complete", "failed") for r in rows)
            completed = sum(r.status == "complete" for r in rows)
            failed = sum(r.status == "failed" for r in rows)
            total = v.category_counts().get("tiktok.searches", 0)
            assert total == (N if completed else 0)
        finally:
            v.lock()
    print(f"{completed} imports completed, {failed} killed mid-import and marked failed")
    assert failed > 0  # the kills did land inside imports
    v = Vault.open(folder, PASS)
    try:
        iid = v.begin_import("tiktok", "json", "v2", "x.zip", None, None)
        added, duplicates = v.add_records(iid, _records())
        v.finish_import(iid, "complete", {})
        assert (added, duplicates) == ((0, N) if completed else (N, 0))
        assert v.category_counts() == {"tiktok.searches": N}
        assert v.count("tiktok.searches", "term") == N
    finally:
        v.lock()
