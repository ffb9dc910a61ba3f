"""The parser worker: a crash of the worker is a rejection, and the vault stays unchanged."""

from __future__ import annotations

import os
import signal
from pathlib import Path
from typing import Any

import pytest

from plainview.errors import ArchiveRejected
from plainview.importers import run_import
from plainview.importers import service as service_mod
from plainview.importers.archive import open_archive
from plainview.importers.registry import plan
from plainview.importers.worker import ParseSession
from tests.fixtures.tiktok_export import build_export
from tests.unit.importers.helpers import vault_digest


def test_killed_worker_is_reported_as_rejected(tmp_path: Path) -> None:
    z = build_export("v2", scale=400).write_zip(tmp_path / "e.zip")
    with open_archive(z) as archive:
        p = plan(archive)
    with ParseSession(z, p) as session:
        msg = session.next()
        while msg[0] == "progress":  # the validation pass
            msg = session.next()
        assert msg[0] == "detected"
        os.kill(session._proc.pid, signal.SIGKILL)
        with pytest.raises(ArchiveRejected, match="could not read this export safely"):
            for _ in range(100_000):
                if session.next()[0] == "done":
                    break


def test_worker_dying_half_way_leaves_the_vault_unchanged(
    vault: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    run_import(vault, build_export("v1").write_zip(tmp_path / "seed.zip"), isolate=False)
    before = vault_digest(vault)
    real_next = ParseSession.next
    calls = {"n": 0, "records": 0}

    def dying_next(self: ParseSession) -> Any:
        calls["n"] += 1
        if calls["records"] >= 3:  # a few batches were stored: now the worker is gone
            raise ArchiveRejected("Plainview could not read this export safely.")
        msg = real_next(self)
        calls["records"] += msg[0] == "records"
        return msg

    monkeypatch.setattr(service_mod.ParseSession, "next", dying_next)
    export = build_export("v3", scale=300)
    with pytest.raises(ArchiveRejected):
        run_import(vault, export.write_zip(tmp_path / "e.zip"), isolate=False)
    assert calls["records"] == 3
    assert vault_digest(vault) == before
