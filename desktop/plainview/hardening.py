"""Process hardening shared by the GUI and the CLI (SECURITY.md "Leak hygiene").

``harden_process()`` runs first thing in ``app.run_gui`` and in ``cli.main`` (every command):
a crashed ``plainview passwd`` must not leave a core file holding the data key and the
passphrase. Qt-free, so the CLI can use it without loading Qt.
"""

from __future__ import annotations

import ctypes
import logging
import sys

log = logging.getLogger("plainview")

PR_SET_DUMPABLE = 4
PR_GET_DUMPABLE = 3


def harden_process() -> None:
    """No core dumps (they would hold decrypted data): RLIMIT_CORE=0, PR_SET_DUMPABLE=0.
    Best effort: platforms without these simply skip them."""
    try:
        import resource as rlimit

        rlimit.setrlimit(rlimit.RLIMIT_CORE, (0, 0))
    except (ImportError, ValueError, OSError):
        log.debug("could not disable core dumps", exc_info=True)
    if sys.platform.startswith("linux"):
        try:
            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(PR_SET_DUMPABLE, 0, 0, 0, 0)
        except (OSError, AttributeError):
            log.debug("prctl(PR_SET_DUMPABLE) not available", exc_info=True)
