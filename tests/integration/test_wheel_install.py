"""Build the wheel, install it into a fresh venv and run ``plainview self-test`` from there.

The source is copied to a temporary folder first, so building never writes ``build/`` or
``*.egg-info`` into the shared work tree. The fresh venv gets the wheel with ``--no-deps``; the
project venv's site-packages is appended through a ``.pth`` file for the dependencies only
(the fresh venv's own site-packages comes first, so ``plainview`` comes from the wheel).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def _sh(*cmd: str | Path, cwd: Path, env: dict[str, str] | None = None) -> str:
    done = subprocess.run(
        [str(c) for c in cmd], cwd=cwd, capture_output=True, text=True, timeout=600, env=env
    )
    assert done.returncode == 0, f"{cmd}\n{done.stdout[-3000:]}\n{done.stderr[-3000:]}"
    return done.stdout


@pytest.mark.slow
def test_wheel_installs_and_self_test_passes(tmp_path: Path) -> None:
    src = tmp_path / "src"
    src.mkdir()
    for name in ("pyproject.toml", "README.md"):
        shutil.copy2(ROOT / name, src / name)
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc", "*.egg-info")
    shutil.copytree(ROOT / "desktop", src / "desktop", ignore=ignore)
    shutil.copytree(ROOT / "resources", src / "resources", ignore=ignore)

    wheels = tmp_path / "wheels"
    _sh(sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", wheels, src, cwd=src)
    (wheel,) = wheels.glob("plainview-*.whl")

    venv = tmp_path / "venv"
    _sh(sys.executable, "-m", "venv", "--without-pip", venv, cwd=tmp_path)
    py = venv / "bin" / "python"
    _sh(
        sys.executable,
        "-m",
        "pip",
        "--python",
        py,
        "install",
        "--no-deps",
        "-q",
        wheel,
        cwd=tmp_path,
    )
    fresh_site = Path(
        _sh(
            py, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])", cwd=tmp_path
        ).strip()
    )
    (fresh_site / "zz_project_deps.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")

    env = {k: v for k, v in os.environ.items() if not k.startswith("PLAINVIEW_")}
    env.pop("PYTHONPATH", None)
    where = _sh(py, "-c", "import plainview; print(plainview.__file__)", cwd=tmp_path, env=env)
    assert Path(where.strip()).is_relative_to(venv), where
    out = _sh(
        venv / "bin" / "plainview",
        "--vault",
        tmp_path / "unused",
        "self-test",
        cwd=tmp_path,
        env=env,
    )
    lines = out.splitlines()
    assert lines and all(ln.startswith("ok ") for ln in lines), out
    assert "ok sqlcipher build" in lines
