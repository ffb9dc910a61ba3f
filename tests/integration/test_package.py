"""The packaged app: `make package` builds the PyInstaller bundle and smoke-tests it.

``test_bundle_builds_and_passes_self_test`` runs exactly what ``make package`` runs
(``packaging/build.py``: PyInstaller, content checks, ``plainview --version`` and
``plainview self-test`` from the bundle on the offscreen platform). The build folder lives under
the system temp folder and is reused, so a rebuild takes seconds. The other tests check that
the smoke test's gate really fails on a broken bundle, without building one.
"""

from __future__ import annotations

import importlib.util
import json
import stat
import subprocess
import sys
import textwrap
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[2]
BUILD = ROOT / "packaging" / "build.py"
MAX_BUNDLE_MIB = 180  # about 140 MiB today (Qt Gui/Widgets/Charts + ICU data + Python)


def _load_build() -> ModuleType:
    spec = importlib.util.spec_from_file_location("plainview_package_build", BUILD)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


build = _load_build()


def _fake_bundle(tmp_path: Path, script: str) -> Path:
    bundle = tmp_path / "plainview"
    (bundle / "_internal").mkdir(parents=True)
    exe = bundle / build.EXE_NAME
    exe.write_text("#!/bin/sh\n" + textwrap.dedent(script), encoding="utf-8")
    exe.chmod(exe.stat().st_mode | stat.S_IXUSR)
    return bundle


@pytest.mark.slow
def test_bundle_builds_and_passes_self_test(tmp_path: Path) -> None:
    summary_path = tmp_path / "summary.json"
    proc = subprocess.run(
        [sys.executable, str(BUILD), "--summary", str(summary_path)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=900,
        check=False,
    )
    assert proc.returncode == 0, proc.stdout[-5000:] + proc.stderr[-5000:]
    summary = json.loads(summary_path.read_text(encoding="utf-8"))
    size_mib = summary["size_bytes"] / 2**20
    print(
        f"\nbundle {summary['dist']}: {size_mib:.1f} MiB, build {summary['build_seconds']} s, "
        f"self-test {summary['self_test_seconds']} s"
    )
    assert size_mib < MAX_BUNDLE_MIB
    lines = summary["self_test_output"].splitlines()
    for check in ("sqlcipher build", "import sample", "explain", "share package", "report"):
        assert f"ok {check}" in lines, summary["self_test_output"]
    assert "ok main window" in lines, "the frozen app could not build its main window"
    bundle = Path(summary["dist"])
    assert build.check_contents(bundle) == []
    # A usage error from the frozen CLI: one error line, exit 2, no traceback.
    with build.tempfile.TemporaryDirectory() as home:
        bad = build.run_bundle(bundle, ["no-such-command"], Path(home))
    assert bad.returncode == 2
    assert bad.stderr.startswith("error: ")
    assert "Traceback" not in bad.stderr


def test_smoke_test_passes_on_a_healthy_fake_bundle(tmp_path: Path) -> None:
    bundle = _fake_bundle(
        tmp_path,
        """\
        if [ "$1" = "--version" ]; then echo "plainview 0.1.0"; exit 0; fi
        [ "$QT_QPA_PLATFORM" = offscreen ] || { echo "not offscreen" >&2; exit 1; }
        echo "ok  sqlcipher"
        """,
    )
    seconds, out = build.smoke_test(bundle)
    assert "ok  sqlcipher" in out
    assert seconds >= 0


@pytest.mark.parametrize(
    "failure",
    [
        'if [ "$1" = "--version" ]; then exit 1; fi\n',
        'if [ "$1" = "self-test" ]; then echo "FAIL import"; exit 1; fi\necho plainview 0.1.0\n',
        'if [ "$1" = "self-test" ]; then echo "Qt: warning" >&2; exit 0; fi\necho plainview 0.1\n',
        'mkdir -p "$PLAINVIEW_VAULT"\necho plainview 0.1.0\n',
    ],
    ids=["version-fails", "self-test-fails", "stderr-noise", "touches-default-vault"],
)
def test_smoke_test_fails_on_a_broken_bundle(tmp_path: Path, failure: str) -> None:
    bundle = _fake_bundle(tmp_path, failure)
    with pytest.raises(build.BuildFailed):
        build.smoke_test(bundle)


def test_content_check_reports_excluded_and_missing_files(tmp_path: Path) -> None:
    bundle = _fake_bundle(tmp_path, "exit 0\n")
    lib = bundle / "_internal" / "PySide6" / "Qt" / "lib"
    lib.mkdir(parents=True)
    (lib / "libQt6Quick.so.6").write_bytes(b"")
    (bundle / "_internal" / "libQt6Qml.so.6").symlink_to("PySide6/Qt/lib/libQt6Qml.so.6")
    problems = "\n".join(build.check_contents(bundle))
    assert "excluded file present: PySide6/Qt/lib/libQt6Quick.so.6" in problems
    assert "dangling link" in problems
    assert "missing from bundle: plainview_resources/icons/org.plainview.Plainview.svg" in problems
    assert "sqlcipher3 native module" in problems
    assert "ijson C backend" in problems


def test_build_folder_is_outside_the_repository() -> None:
    assert ROOT not in build.DEFAULT_BASE.parents
    assert Path(build.tempfile.gettempdir()) in build.DEFAULT_BASE.parents
