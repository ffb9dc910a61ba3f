"""Plainview: see what a platform knows about you, encrypted on your own machine."""

__version__ = "0.1.0"
APP_ID = "org.plainview.Plainview"
APP_NAME = "Plainview"

# PySide6 6.12.0 drops a reference to None on every void Qt call; on Python 3.11 that aborts
# the process after a few thousand calls. See _refcount_guard.py.
from plainview._refcount_guard import protect_singletons as _protect_singletons  # noqa: E402

_protect_singletons()
