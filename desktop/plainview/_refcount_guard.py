"""Work around a reference-count bug in PySide6 6.12.0 on Python 3.11.

Every Qt method that returns nothing gives back ``None`` without taking a reference to it, so
each call lowers ``None``'s reference count by one. After a few thousand calls (a GUI makes
them by the thousand every second) ``None`` would be "deallocated" and CPython aborts with
``Fatal Python error: none_dealloc``. Python 3.12 made ``None``, ``True`` and ``False``
immortal (PEP 683), which hides the bug there; on 3.11 we give them a reference count no run
can exhaust. Qt-free: it only touches the interpreter's own singletons.
"""

from __future__ import annotations

import ctypes
import sys

_BALLAST = 1 << 40


def protect_singletons() -> None:
    """Make ``None``, ``True`` and ``False`` practically immortal (no-op on Python ≥ 3.12)."""
    if sys.version_info >= (3, 12) or sys.implementation.name != "cpython":
        return
    for obj in (None, True, False, Ellipsis, NotImplemented):
        refcnt = ctypes.c_ssize_t.from_address(id(obj))
        if refcnt.value < _BALLAST:
            refcnt.value += _BALLAST
