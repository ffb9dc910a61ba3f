"""Write a small private file the way every Plainview output is written (Qt-free).

A temporary file in the target's folder (created 0600, never through a link), fsynced, then
``os.replace``d over the target: a symbolic link at the target is replaced, not followed, and
a FIFO there is replaced without ever being opened (opening it would block). Used for the
recovery code file, off the GUI thread.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path


def write_private(path: Path | str, data: bytes) -> Path:
    """Write ``data`` to ``path`` (mode 0600) atomically; ``OSError`` when it cannot."""
    target = Path(path)
    if target.is_dir() and not target.is_symlink():
        raise IsADirectoryError(str(target))
    fd, tmp_name = tempfile.mkstemp(prefix=".plainview-", suffix=".tmp", dir=target.parent)
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
    return target
