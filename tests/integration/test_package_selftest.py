"""`plainview self-test`'s end-to-end checks (import, explain, share, report, main window) and
its rule that any output on stderr fails the check that caused it."""

from __future__ import annotations

import argparse
import contextlib
import io
import os
import subprocess
import sys
from pathlib import Path

import pytest

from plainview.cli import Context
from plainview.commands import selftest_cmd

END_TO_END = ("import sample", "explain", "share package", "report", "main window")


def _env(tmp_path: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PLAINVIEW_", "QT_"))}
    env.update(
        QT_QPA_PLATFORM="offscreen",
        HOME=str(tmp_path),
        XDG_CONFIG_HOME=str(tmp_path / "config"),
        XDG_DATA_HOME=str(tmp_path / "data"),
        XDG_CACHE_HOME=str(tmp_path / "cache"),
        PLAINVIEW_VAULT=str(tmp_path / "default-vault"),
    )
    return env


def test_self_test_from_source_runs_every_part(tmp_path: Path) -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "plainview", "self-test"],
        env=_env(tmp_path),
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert proc.stderr == ""
    lines = proc.stdout.splitlines()
    for name in END_TO_END:
        assert f"ok {name}" in lines, proc.stdout
    assert not (tmp_path / "default-vault").exists(), "self-test touched the user's vault"


def _run(checks: list[tuple[str, selftest_cmd.Check]], monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.setattr(selftest_cmd, "CHECKS", checks)
    out = io.StringIO()
    ctx = Context(vault_dir=Path("unused"), stdout=out, env={})
    code = selftest_cmd.cmd_self_test(argparse.Namespace(), ctx)
    return f"{code}\n{out.getvalue()}"


def test_a_failing_check_fails_the_self_test(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(_tmp: Path) -> None:
        raise RuntimeError("broken on purpose")

    result = _run([("fine", lambda _tmp: None), ("broken", broken)], monkeypatch)
    assert result.splitlines() == ["1", "ok fine", "FAIL broken: RuntimeError: broken on purpose"]


@pytest.mark.parametrize(
    "noise",
    [
        lambda: os.write(2, b"QPainter::begin: Paint device returned engine == 0\n"),
        lambda: print("DeprecationWarning: something", file=sys.stderr),
        lambda: subprocess.run([sys.executable, "-c", "import sys; sys.stderr.write('x')"]),
    ],
    ids=["native-write", "python-stderr", "child-process"],
)
def test_output_on_stderr_fails_the_check(
    noise: object, monkeypatch: pytest.MonkeyPatch, capfd: pytest.CaptureFixture[str]
) -> None:
    def noisy(_tmp: Path) -> None:
        noise()  # type: ignore[operator]

    result = _run([("quiet", lambda _tmp: None), ("noisy", noisy)], monkeypatch)
    lines = result.splitlines()
    assert lines[:2] == ["1", "ok quiet"]
    assert lines[2].startswith("FAIL noisy: unexpected output on stderr")
    # what was caught is shown again on stderr, so the person running it can see it
    assert capfd.readouterr().err.strip()


def test_import_check_fails_on_a_broken_sample(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    bad = tmp_path / "not-an-export.zip"
    bad.write_bytes(b"this is not a zip file")
    monkeypatch.setattr(selftest_cmd, "_sample_file", lambda: contextlib.nullcontext(bad))
    (tmp_path / "work").mkdir()
    with pytest.raises(Exception):  # noqa: B017 - whatever the importer raises
        selftest_cmd.check_import_sample(tmp_path / "work")
