"""The one way to find shipped data: ``importlib.resources`` over ``plainview_resources``.

Works the same from a source checkout (editable install), an installed wheel and the
PyInstaller bundle. Never compute paths from ``__file__``.
"""

from __future__ import annotations

from importlib.resources import files
from importlib.resources.abc import Traversable


def resource(*parts: str) -> Traversable:
    node: Traversable = files("plainview_resources")
    for part in parts:
        node = node.joinpath(part)
    return node


def read_text(*parts: str) -> str:
    return resource(*parts).read_text(encoding="utf-8")


def read_bytes(*parts: str) -> bytes:
    return resource(*parts).read_bytes()
