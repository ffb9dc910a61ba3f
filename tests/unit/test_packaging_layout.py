"""Every package under desktop/plainview is listed in pyproject.toml, so wheels are complete."""

from __future__ import annotations

import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_every_package_is_listed() -> None:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    listed = set(config["tool"]["setuptools"]["packages"])
    src = ROOT / "desktop"
    found = {
        ".".join(p.parent.relative_to(src).parts)
        for p in (src / "plainview").rglob("__init__.py")
        if "__pycache__" not in p.parts
    }
    assert found, "no packages found"
    assert found <= listed, f"missing from pyproject.toml: {sorted(found - listed)}"
