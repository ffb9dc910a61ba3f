"""kill -9 during an import, many trials: the vault stays sound and re-import gives exact counts."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from plainview.importers import run_import
from plainview.vault import KdfParams, Vault
from tests.fixtures.tiktok_export import build_export

PASS = "kill test passphrase"
TRIALS = 16


@pytest.mark.slow
def test_kill_during_import(tmp_path: Path) -> None:
    folder = tmp_path / "vault"
    v, _ = Vault.create(folder, PASS, KdfParams.floor())
    v.lock()
    export = build_export("v2", scale=250, seed=9)  # about 30,000 records
    z = export.write_zip(tmp_path / "e.zip")
    env = dict(os.environ, PLAINVIEW_PASSPHRASE=PASS)
    rng = random.Random(1234)
    # one full import first, to aim the kills inside an import on this machine's speed
    started = time.monotonic()
    full = subprocess.run(
        [sys.executable, "-m", "plainview", "--vault", str(folder), "import", str(z)],
        env=env,
        capture_output=True,
        timeout=300,
    )
    assert full.returncode == 0, full.stderr
    duration = time.monotonic() - started
    folder = tmp_path / "vault-start"
    v, _ = Vault.create(folder, PASS, KdfParams.floor())
    v.lock()
    outcomes: dict[str, int] = {"complete": 0, "failed": 0, "absent": 0}
    for trial in range(TRIALS):
        proc = subprocess.Popen(
            [sys.executable, "-m", "plainview", "--vault", str(folder), "import", str(z)],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            proc.wait(timeout=rng.uniform(0.1, 0.95) * duration)  # the moment of the kill
        except subprocess.TimeoutExpired:
            os.kill(proc.pid, signal.SIGKILL)
            proc.wait()
        vault = Vault.open(folder, PASS)  # abandons imports left 'running'
        try:
            vault.verify()
            imports = vault.imports()
            assert all(i.status in ("complete", "failed") for i in imports), trial
            complete = [i for i in imports if i.status == "complete"]
            counts = {k: n for k, n in vault.category_counts().items() if n}
            if complete:
                assert counts == export.expected, trial
            else:
                assert counts == {}, trial
                with vault.read() as conn:
                    assert conn.execute("SELECT count(*) FROM records").fetchone()[0] == 0
            last = imports[-1].status if imports else "absent"
            outcomes[last if last in outcomes else "absent"] += 1
            result = run_import(vault, z, isolate=False)
            assert {k: n for k, n in vault.category_counts().items() if n} == export.expected
            assert result.added + result.duplicates == export.total
        finally:
            vault.lock()
        # start the next trial from an empty vault again
        folder_next = tmp_path / f"vault{trial}"
        v, _ = Vault.create(folder_next, PASS, KdfParams.floor())
        v.lock()
        folder = folder_next
    print(f"kill -9 outcomes over {TRIALS} trials: {outcomes}")
    assert outcomes["failed"] + outcomes["absent"] >= 3  # the kills really hit imports
